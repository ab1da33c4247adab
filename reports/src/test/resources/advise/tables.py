# Constant lists: some only read (a bytes or tuple literal would do), some changed or passed on.

SINE = [0, 49, 90, 117, 127, 117, 90, 49, 0]
NAMES = ["north", "east", "south", "west"]
CODES = [100, 200, 300, 400, 500]
WEIGHTS = [1, 2, 3, 4, 5, 6]
GROWING = [1, 2, 3, 4]
PASSED = [5, 6, 7, 8]
SLICED = [9, 10, 11, 12]
SMALL = [1, 2]


def sine_sum():
    total = 0
    for v in SINE:
        total += v
    return total + SINE[3] + len(SINE)


def heading(i):
    return NAMES[i % len(NAMES)]


def known(code):
    return code in CODES


GROWING.append(5)
WEIGHTS[0] = 10


def consume(seq):
    return sum(seq)


print(sine_sum(), heading(5), known(300), known(301), len(GROWING), WEIGHTS[0], consume(PASSED), SLICED[1:3],
      [c * 2 for c in CODES], SMALL[0])
