# What a module's top level builds at import, of every kind the advisor sizes.

BUFFER = bytearray(64)
TABLE = {"a": 1, "b": 2, "c": 3}
EMPTY = []
SET = {1, 2, 3}
PAIR = (BUFFER, TABLE)
square = lambda x: x * x


def helper(a, b=2, *, c=3):
    return a + b + c


class Point:
    ORIGIN = [0, 0]

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


class Error(Exception):
    pass


print(len(BUFFER), TABLE["b"], EMPTY, sorted(SET), PAIR[1]["c"], square(4), helper(1), Point(3, 4).norm(),
      Point.ORIGIN)
