module("d1.py")
include("../../parts")
