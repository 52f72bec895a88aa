class C: pass
c = C()
try: getattr(c, "missing")
except AttributeError as e: print(e)
print(getattr(c, "missing", 42))
try: getattr(c, 5)
except TypeError as e: print(e)
try: setattr(1, "x", 2)
except AttributeError as e: print(e)
try: setattr(object(), "x", 2)
except AttributeError as e: print(e)
try: delattr(c, "nope")
except AttributeError as e: print(e)
try: "s".upper = 1
except AttributeError as e: print(e)
try: del [].append
except AttributeError as e: print(e)
try: int.foo = 1
except TypeError as e: print(e)
try: print(None.x)
except AttributeError as e: print(e)
