class Money:
    def __init__(self, c):
        self.c = c
    def __int__(self):
        return self.c
    def __float__(self):
        return self.c / 100
    def __index__(self):
        return self.c
    def __round__(self, n=None):
        return "rounded"
    def __abs__(self):
        return "abs"
    def __bool__(self):
        return self.c != 0
    def __lt__(self, o):
        return self.c < o.c
print(int(Money(250)), float(Money(250)), round(Money(1)), round(Money(1), 2), abs(Money(-1)), bool(Money(0)))
print(hex(Money(255)), [10, 20, 30][Money(1)], sorted([Money(3), Money(1)])[0].c)
