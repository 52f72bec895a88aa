x = 1
del x
try: x
except NameError as e: print(e)
l = [0, 1, 2, 3, 4]
del l[1], l[::2]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try: del d["zz"]
except KeyError as e: print(repr(e))
class C: pass
c = C(); c.attr = 1
del c.attr
try: del c.attr
except AttributeError as e: print(e)
def f():
    y = 1
    del y
    return y
try: f()
except UnboundLocalError as e: print(e)
