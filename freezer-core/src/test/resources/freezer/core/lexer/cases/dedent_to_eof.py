def f():
    if x:
        if y:
            return 1