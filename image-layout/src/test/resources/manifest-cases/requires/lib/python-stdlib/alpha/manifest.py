metadata(version="9.9.9")
module("alpha_shadowed.py")
