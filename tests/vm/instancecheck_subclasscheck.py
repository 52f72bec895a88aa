class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return issubclass(sub, int)
class IntLike(metaclass=Meta): pass
print(isinstance(3, IntLike), isinstance("x", IntLike))
print(issubclass(bool, IntLike), issubclass(str, IntLike))
print(isinstance(3, (str, IntLike)))
class M2(type):
    def __instancecheck__(cls, inst): return True
class Any_(metaclass=M2): pass
print(isinstance(None, Any_))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
