t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t[::-1], t + (4,), t * 2, 2 in t, len(t), (1,) < (1, 2), (2,) > (1, 9))
print(tuple(), tuple("ab"), tuple([1]), (1,), hash((1, 2)) == hash((1, 2)), () is (), type(()).__name__)
try: t[0] = 5
except TypeError as e: print(e)
try: t.index(9)
except ValueError as e: print(e)
try: t[9]
except IndexError as e: print(e)
a, *b = t
print(a, b, max(t), sorted(t), repr((1, "a", None)), ((1,),), str(()))
