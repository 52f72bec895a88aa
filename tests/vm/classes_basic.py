class Point:
    """A point."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
q = Point(1, 2)
print(p, p.norm2(), Point.count, p.count, type(p).__name__, Point.__doc__)
p.z = 5
print(p.__dict__, hasattr(p, "z"), getattr(p, "w", None), isinstance(p, Point), isinstance(3, Point))
print(Point.norm2(q), p.norm2.__self__ is p)
