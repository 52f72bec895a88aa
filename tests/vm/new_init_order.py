class A:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
a = A(1)
class B:
    def __new__(cls):
        return 42
print(B())
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
try:
    object.__new__(A, 1)
    print("ok")
except TypeError as e:
    print(e)
