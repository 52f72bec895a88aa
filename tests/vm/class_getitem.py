class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int])
print(Box["x", 1])
class Sub(Box): pass
print(Sub[str])
print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]).__name__)
try:
    object()[0]
except TypeError as e:
    print(e)
try:
    int[0]
except TypeError as e:
    print(e)
