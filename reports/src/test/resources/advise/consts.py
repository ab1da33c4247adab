# Module-level ints, some of which can be const() and some of which cannot.

def early_reader():
    # reads EARLY, assigned below: it may become EARLY = const(9), never a private _EARLY
    return EARLY * 2


WIDTH = 320
HEIGHT = 240
DEPTH = 16
PAGES = 8
MASK = (1 << DEPTH) - 1
REBOUND = 5
EARLY = 9
KEYWORD = 3
_PRIVATE = 0x40
BIG = 2 ** 70


def area():
    return WIDTH * HEIGHT


def pixels(n):
    total = 0
    for i in range(n):
        total += (i * DEPTH) & MASK
        total ^= PAGES
    return total


def show(KEYWORD=0):
    return KEYWORD


def bump():
    global REBOUND
    REBOUND += 1


bump()
print(area(), early_reader(), pixels(10), show(KEYWORD=KEYWORD), REBOUND, _PRIVATE, BIG % 1000)
