x = 1 + \
    2
if a and \
   b:
    pass
y = [1, # c
  2]
z = 3 \
# comment after continuation
w = \ 4
