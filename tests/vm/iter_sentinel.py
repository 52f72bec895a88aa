vals = [1, 2, 0, 3]
def f():
    return vals.pop(0)
it = iter(f, 0)
print(type(it).__name__, list(it), list(it), vals)
try:
    iter(5, 0)
except TypeError as e:
    print(e)
class Reader:
    def __init__(self):
        self.chunks = ["ab", "cd", ""]
    def __call__(self):
        return self.chunks.pop(0)
print([c for c in iter(Reader(), "")])
print(next(iter(lambda: 7, None)))
