class C:
    def a(self): return "a"
c = C()
C.b = lambda self: "b added"
print(c.b())
def new_a(self): return "a replaced"
C.a = new_a
print(c.a())
del C.a
try: c.a()
except AttributeError as e: print(e)
c.__dict__["z"] = 26
print(c.z, vars(c))
c.__dict__.clear()
print(hasattr(c, "z"))
C.__init__ = lambda self, v=0: setattr(self, "v", v)
print(C(7).v)
