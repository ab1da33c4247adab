# A log that keeps its last lines, each stamped with a running number.
from strfmt import stamp


class Log:
    def __init__(self, size):
        self.size = size
        self.items = []
        self.count = 0

    def add(self, text):
        self.count += 1
        self.items.append(stamp(self.count, text))
        if len(self.items) > self.size:
            self.items.pop(0)

    def lines(self):
        return list(self.items)
