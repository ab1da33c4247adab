a = f'{}'
b = f'{ }'
c = f'{=}'
d = f'\x4{x}'
e = f'{x' + 1
f = f'x}'
