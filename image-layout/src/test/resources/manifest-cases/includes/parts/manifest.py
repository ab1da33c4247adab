options.defaults(flavour="small", extra=False)
if options.flavour == "big":
    module("p1.py")
if options.extra or options.missing is None:
    module("p2.py", base_path=".")
