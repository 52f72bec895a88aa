log = []
class Box:
    def __init__(self): self.items = {"k": 1}
    def __getattr__(self, n): log.append(("getattr", n)); raise AttributeError(n)
b = Box()
def key(): log.append("key"); return "k"
def val(): log.append("val"); return 10
def obj(): log.append("obj"); return b
obj().items[key()] += val()
print(b.items, log)
a = [1, 2]
i = 0
a[i] += (i := 1)
print(a, i)
x = y = [1]
x += [2]
print(x, y, x is y)
s = "ab"
t = s
s += "c"
print(s, t)
