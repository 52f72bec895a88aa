def describe(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative"
        case [x, y]:
            return f"pair {x},{y}"
        case {"k": val}:
            return f"dict k={val}"
        case str() as s:
            return "str " + s
        case _:
            return "other"
for v in (0, -3, [1, 2], {"k": 9}, "hi", 3.5):
    print(describe(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y at {yy}"
        case Point(xx, 0):
            return f"on x at {xx}"
        case Point():
            return "somewhere"
print(where(Point(0, 0)), where(Point(0, 5)), where(Point(3, 0)), where(Point(1, 1)))
def seq(v):
    match v:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, *rest]:
            return f"first {a} rest {rest}"
        case (1 | 2) as n:
            return f"small {n}"
        case {"a": 1, **others}:
            return f"a1 with {others}"
        case _:
            return "?"
print(seq([]), seq([7]), seq((1, 2, 3)), seq(2), seq({"a": 1, "b": 2}), seq("str"), seq(range(2)))
try:
    match 5:
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(e)
match {"k": None}:
    case {"k": None}:
        print("none value matched")
