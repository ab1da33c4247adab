a = t'a{x}b'
b = t"{x!r} {y!s:>4}"
c = t'{x=} {x = } {x=!s} {x=:>3}'
d = t'{x:>{w}} {x:{w}.{p}}'
e = t'{{a}} }} {{'
f = t'''multi {x}
line'''
g = tr'\n{x}' rt'\d'
h = t'a' t'b{c}'
i = t'\x41 \n \' \\'
j = t"it's {x}"
k = t'{x["k"]}' + 1
l = t'' + 2
m = t'{x}' 'plain'
n = 'plain' t'{x}'
