class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), type(s).__name__, isinstance(s, list), s + [4], type(s + [4]).__name__)
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
d = D()
d["a"] = 1
print(d, d["a"], type(d).__name__, list(d.items()))
