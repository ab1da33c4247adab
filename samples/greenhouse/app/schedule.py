# Target temperatures through the day, in tenths of a degree.
DAY = ((6, 180), (10, 220), (18, 200), (22, 160))


def target(hour):
    current = DAY[-1][1]
    for start, tenths in DAY:
        if hour >= start:
            current = tenths
    return current
