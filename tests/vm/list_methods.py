l = [3, 1, 2]
l.append(4); l.extend((5, 6)); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l, l.index(2), l.count(1), l.pop(), l.pop(0), l)
l.remove(9)
print(l)
try:
    l.remove(99)
except ValueError as e:
    print(e)
try:
    l.index(99)
except ValueError as e:
    print(e)
c = l.copy(); c.reverse(); print(c, l)
l.clear(); print(l)
try:
    [].pop()
except IndexError as e:
    print(e)
m = [1, 2, 3, 4, 5]
m[1:3] = ["a", "b", "c"]; print(m)
del m[::2]; print(m)
m[::-1] = [9, 8, 7][:len(m)] if len(m) == 3 else m[::-1]; print(m)
print([1, 2] * 2, [1] + [2], [1, 2] < [1, 3], [[]] * 2, list("ab"))
