# Small string helpers.
def stamp(n, text):
    return "[%03d] %s" % (n, text)
