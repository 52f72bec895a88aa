l = [1]
l.append(l)
d = {"k": 1}
d["self"] = d
t = ([],)
t[0].append(t)
print(l, d, t, str(l), repr(d))
class R:
    def __repr__(self): return repr(self)
try: repr(R())
except RecursionError: print("RecursionError in __repr__")
class S:
    def __str__(self): return str(self)
try: str(S())
except RecursionError: print("RecursionError in __str__")
nested = []
cur = nested
for _ in range(100000):
    new = []
    cur.append(new)
    cur = new
try: repr(nested)
except RecursionError as e: print("RecursionError:", e)
