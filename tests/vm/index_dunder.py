class I:
    def __index__(self):
        return 2
l = [10, 20, 30, 40]
print(l[I()], l[I():], "abcd"[I()], hex(I()), bin(I()), oct(I()), range(10)[I()])
print(operator_like := [0] * I())
try:
    l["x"]
except TypeError as e:
    print(e)
try:
    [1] * 1.5
except TypeError as e:
    print(e)
