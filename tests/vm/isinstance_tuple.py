print(isinstance(1, (str, int)), isinstance("a", (int, (float, str))), issubclass(bool, (str, int)))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42
    def __subclasscheck__(cls, sub):
        return sub is int
class Answer(metaclass=Meta):
    pass
print(isinstance(42, Answer), isinstance(41, Answer), issubclass(int, Answer), issubclass(str, Answer))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
