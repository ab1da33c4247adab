module("delta.py")
