a = r'\n\x41\'' r"\"" r'''\''''
b = b'bytes\x00\xff\n\101\377' b"x"
c = b'\u1234\U00012345\q'
d = rb'\n' br'\x41' rb"\'"
e = u'unicode \u00e9' u"x"
f = b'a' 'b'
g = 'a' b'b'
h = b'\400'
i = r'\
x'
j = b'\x4'
k = '\u12'
l = '\U00110000' 'after'
m = 'ok'
