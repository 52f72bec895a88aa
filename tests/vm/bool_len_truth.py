class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(L(0)), bool(L(3)), not L(0))
class B:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(B()))
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print(e)
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(0j) if False else False, bool(None))
