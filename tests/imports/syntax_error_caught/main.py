import sys
try:
    import bad
except SyntaxError as e:
    print(type(e).__name__, e.args[0], e.args[1][1:], "bad" in sys.modules)
