   # comment
x = 1
