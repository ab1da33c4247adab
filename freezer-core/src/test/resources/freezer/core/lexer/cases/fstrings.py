x = 1
a = f'a{x}b'
b = f"{x!r} {x!s} {x!a}"
c = f'{x:>10} {x!r:^{w}} {x:{w}.{p}}'
d = f'{{}} {{x}} }} {{'
e = f'{x=} {x = } {x=!r} {x=:>5} {x + 1=}'
g = f'{a!=b} {a!b} {d["k"]} {[1,2][0]} {{1:2}[1]}'
h = f'{x}' f"{y}" 'plain' f'{z}'
i = rf'\n{x}\t' fr'{x}\'
j = f'''multi {x}
line {
y
}''' + 1
k = f'{f"{x}"}' + 2
l = f'{x}' + f'{y}' + 3
m = (f'{x}'
     f'{y}')
n = f'{x:{{}}}'
o = f'{lambda: 1}'
p = f'{x!r}' 'tail{}'
q = 'head{}' f'{x}'
