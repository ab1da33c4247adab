a = 'abc
b = "abc\
def"
c = 'ok'
d = '''never
closed
