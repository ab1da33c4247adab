# The language manifests use: loops, conditions, formatting, os.path.
import os
import os.path as osp
base = "pkg"
names = ["a", "b"] + ["c"]
for n in names:
    if n == "a":
        module(f"{base}/{n}.py")
    elif n in ("b",):
        module("%s/%s.py" % (base, n), opt=1)
    else:
        module(os.path.join(base, n + ".py"), opt="2")
x, y = "q", 3
if 1 < y <= 3 and not False:
    module("{}/{}.py".format(base, "d"), opt=True)
level = None or 2
module(osp.basename(os.path.dirname(os.path.abspath("pkg/e.py"))) + "/e.py", opt=level if level else 0)
count = 0
for word in ("a", "b", "c"):
    if word == "b":
        continue
    count += 1
    if count > 5:
        break
else:
    pass
if count != 2:
    module("missing.py")
"""a doc string"""
t = ("pkg",)
assert_like = t[0] == "pkg" and t[-1:] if False else t[0]
module(assert_like + "/a.py", opt=10)
