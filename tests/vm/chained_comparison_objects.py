class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"{self.v} < {o.v}")
        return self.v < o.v
a, b, c = Loud(1), Loud(2), Loud(0)
print(a < b < c)
print(1 < 2 < 3 > 2, 1 == 1.0 == True, "a" < "b" <= "b", [1] < [1, 0] < [2])
print(None is None is not False, 3 in [3] in [[3]])
