if (n := len(a)) > 10: pass
def f() -> None: ...
x = a if b else c
lambda: 0
