module("gamma.py")
metadata(version="3.0", pypi="gamma")
