metadata(version="2.0", description="set by an included manifest: the top-level package's")
module("s1.py")
include("deeper")
