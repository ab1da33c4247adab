x = 1
if x:
    y = "a\
b"
    z = '''l1
l2l3
l4'''

  # c
w = 1 + \
  2v = 3if v:	u