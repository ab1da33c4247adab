# every operator and delimiter
a = (b) [c] {d} , ; ~ : :=
a < b > c == d <= e >= f != g
a | b ^ c & d << e >> f + g - h * i @ j // k / l % m ** n
a |= 1; a ^= 1; a &= 1; a <<= 1; a >>= 1; a += 1; a -= 1; a *= 1; a @= 1
a //= 1; a /= 1; a %= 1; a **= 1
def f(x) -> int: return x.y ... .. . ...x
a<<=b>>=c**=d//=e
a->b--c++d**e//f<<g>>h:=i
a !b
a ! = b
x = $ ? ` 
False None True __debug__ and as assert async await break class continue def del elif else
except finally for from global if import in is lambda nonlocal not or pass raise return try
while with yield
false none true DEBUG And _ _x x_ x1 __init__ async_ awaitx
