# Globals read on every pass of a loop: some can have a local alias, some cannot.

SCALE = 3
OFFSET = 7
counter = 0


def scaled(values):
    out = []
    for v in values:
        out.append(v * SCALE + OFFSET - SCALE // 2 + OFFSET % SCALE)
    return out


def builtins_in_loop(items):
    n = 0
    i = 0
    while i < len(items):
        n += len(str(items[i])) + len(repr(items[i]))
        i += 1
    return n


def nested(rows):
    total = 0
    for r in rows:
        for c in r:
            total += c * SCALE + SCALE
    return total


def generator(values):
    # a generator can stop mid-loop while the module rebinds SCALE: no alias
    for v in values:
        yield v * SCALE + SCALE + SCALE


def counting(values):
    # counter is rebound by bump() inside the loop: no alias
    for v in values:
        bump()
        print(v, counter, counter + counter, counter * 2)


def bump():
    global counter
    counter += 1


def before_definition(values):
    # LIMIT is assigned after this function is defined: no alias
    for v in values:
        if v > LIMIT and v < LIMIT * 2 and LIMIT:
            return v
    return None


LIMIT = 4
g = generator([1, 2])
first = next(g)
SCALE = 10
print(scaled([1, 2, 3]), builtins_in_loop(["a", 12, None]), nested([[1, 2], [3]]), first, next(g))
counting([5, 6])
print(before_definition([1, 5, 9]))
