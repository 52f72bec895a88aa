class K:
    count = 0
    @staticmethod
    def s(a, b):
        return a + b
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
print(K.s(1, 2), K().s(3, 4), type(K.make()).__name__, K.count)
class K2(K):
    pass
print(type(K2.make()).__name__, K2.count, K.count)
print(type(K.__dict__["s"]).__name__, type(K.__dict__["make"]).__name__)
