a = f'{x]}'
b = 1
c = 'still in the field'
