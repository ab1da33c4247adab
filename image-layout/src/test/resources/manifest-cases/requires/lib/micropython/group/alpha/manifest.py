metadata(version="1.0.0")
require("beta", level=options.level or 1)
module("alpha.py")
