x = 1
print("x" in globals(), globals()["__name__"])
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
class C:
    def __init__(self): self.p = 1; self.q = 2
print(vars(C()))
print(sorted(k for k in vars(C) if not k.startswith("__")))
try: vars(1)
except TypeError as e: print(e)
globals()["dyn"] = "made"
print(dyn)
def g():
    return vars() == locals()
print(g())
