class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1); b = Single(2)
print(a is b, a.v)
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print(e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)
class MyList(list):
    def total(self): return sum(self)
m = MyList([1, 2, 3]); m.append(4)
print(m, m.total(), len(m), isinstance(m, list))
class MyDict(dict):
    def __missing__(self, k): return k * 2
print(MyDict(a=1)["a"], MyDict()["zz"])
