class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def where(p):
    match p:
        case Point(x=0, y=0): return "origin"
        case Point(0, y): return f"on y at {y}"
        case Point(x, 0): return f"on x at {x}"
        case Point(x, y) if x == y: return "diagonal"
        case Point(): return "somewhere"
        case [Point(), *rest]: return f"list starting with a point, {len(rest)} more"
        case {"x": x, **rest}: return f"mapping x={x} rest={rest}"
        case int() | float() as n: return f"number {n}"
        case str(s): return f"string {s}"
        case _: return "unknown"
for v in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), [Point(1, 1), 2, 3], {"x": 1, "y": 2}, 7, 2.5, "hi", None]:
    print(where(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1): pass
except TypeError as e:
    print(e)
