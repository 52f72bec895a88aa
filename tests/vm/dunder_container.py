class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, k):
        return self.cells.get(k, ".")
    def __setitem__(self, k, v):
        self.cells[k] = v
    def __delitem__(self, k):
        del self.cells[k]
    def __len__(self):
        return len(self.cells)
g = Grid()
g[0, 1] = "x"
g[2, 2] = "y"
print(g[0, 1], g[5, 5], len(g))
del g[0, 1]
print(len(g), bool(g))
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError", e)
class Sl:
    def __getitem__(self, s):
        return s
print(Sl()[1:2], Sl()[::3], Sl()[1:2, 3], Sl()[...])
