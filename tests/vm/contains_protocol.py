class Box:
    def __init__(self, items):
        self.items = items
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
b = Box([1, 2])
print(1 in b, 3 in b, 3 not in b)
class Truthy:
    def __contains__(self, x):
        return "yes"
print(1 in Truthy())
class OnlyIter:
    def __iter__(self):
        return iter([5, 6])
print(6 in OnlyIter(), 7 in OnlyIter())
try:
    1 in 5
except TypeError as e:
    print(e)
print("a" in {"a": 1}, 1 in {1, 2}, b"x" in b"xyz", 3 in range(5), (1,) in [(1,)])
