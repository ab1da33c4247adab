module("o1.py", base_path=os.path.dirname("x/y") if False else ".")
