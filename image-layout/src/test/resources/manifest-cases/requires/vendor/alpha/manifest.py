metadata(version="5.0")
module("valpha.py")
