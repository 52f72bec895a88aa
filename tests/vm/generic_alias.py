class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int], G[int, str])
print(list[int], dict[str, int], tuple[int, ...], tuple[()], type[G], list[list[int]], set["x"])
a = list[int]
print(type(a).__name__, a.__origin__ is list, a.__args__, dict[str, int].__args__)
print(a([1, 2]), type(a("ab")).__name__, a == list[int], a != list[str], hash(a) == hash(list[int]))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int[str]
except TypeError as e:
    print(e)
