if a:
    b
    if c:
        d

        # comment at col 9
  # comment at col 3
        e
    f
g
while x:
	if y:
		z
	        w
	v
def f(a,
        b):
  return [1,
2,
          3]
class C:
    x = 1 \
  + 2
    y = (
)
if q:
        deep
  mismatch
back
