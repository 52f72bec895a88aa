l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l, l.pop(), l.pop(0), l.index(9), l.count(1))
l.remove(9)
print(l, l + [1], l * 2, [0] * 3, 2 in l, l[::-1], l[1:4], l[-2:], l[::2])
l[1:3] = ["a", "b", "c"]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
del l[::2]
print(l)
try: l[::2] = [1, 2, 3, 4, 5, 6]
except ValueError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: [1].remove(2)
except ValueError as e: print(e)
try: [1].index(2)
except ValueError as e: print(e)
c = l.copy(); c.clear(); print(c, l, [1, 2] < [1, 3], [1, 2] == [1, 2], [[1]] * 2)
l2 = [1]; l2 += (2, 3); l2 *= 2; print(l2)
