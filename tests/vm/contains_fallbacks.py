class WithIter:
    def __iter__(self): print("iter"); return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i * 10
class WithContains:
    def __contains__(self, x): return x == "yes"
print(2 in WithIter(), 20 in WithGetitem(), 25 in WithGetitem(), "yes" in WithContains(), "no" not in WithContains())
class Truthy:
    def __contains__(self, x): return [1]
print(1 in Truthy())
try: 1 in 5
except TypeError as e: print(e)
