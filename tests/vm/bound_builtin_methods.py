class C:
    def m(self, x): return (self.v, x)
c = C(); c.v = 1
bm = c.m
print(bm(2), bm.__self__ is c, bm.__func__ is C.m, bm.__name__, type(bm).__name__, bm == c.m, bm is c.m)
app = [].append
print(type(app).__name__, app.__name__, app.__self__, type(len).__name__, len.__name__, repr(len))
print(repr(app)[:33], str.upper("x"), list.append.__name__, type(list.append).__name__ in ("method_descriptor", "builtin_function_or_method"))
m2 = C.m
print(m2(c, 3), m2.__name__, type(m2).__name__)
