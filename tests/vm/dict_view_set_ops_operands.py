# Set operators between a dict keys/items view and another operand: any iterable on
# either side; a non-iterable (an int, None) raises the iteration TypeError, not
# "unsupported operand".
d = {"a": 1, "b": 2}
print(sorted(["b", "c"] & d.keys()), sorted(d.keys() | ("z",)), sorted(d.items() - [("a", 1)]))
print(sorted(range(3) ^ {1: 0}.keys()))
for left, right in [(1, d.keys()), (d.keys(), 1), (None, d.items()), (d.items(), 2.5)]:
    for name, op in [("&", lambda x, y: x & y), ("|", lambda x, y: x | y),
                     ("-", lambda x, y: x - y), ("^", lambda x, y: x ^ y)]:
        try:
            print(name, op(left, right))
        except TypeError as e:
            print(name, "TypeError", e)
try:
    print(d.values() & {1})
except TypeError as e:
    print("values TypeError", e)
