# __parameters__ and substitution of GenericAlias/UnionType (duck-typed: a type variable is
# anything with __typing_subst__), starred aliases (*tuple[int]) and pickling data.
import types

class TV:
    def __init__(self, name):
        self.__name__ = name
    def __typing_subst__(self, arg):
        return arg
    def __repr__(self):
        return "~" + self.__name__
    def __or__(self, other):
        return types.UnionType.__or__(int | str, other) if False else NotImplemented

T, S = TV("T"), TV("S")
print(list[T].__parameters__, dict[T, S].__parameters__, dict[T, list[S]].__parameters__)
print(dict[T, dict[S, T]].__parameters__, list[int].__parameters__, tuple[T, ...].__parameters__)
a = dict[T, list[S]]
print(a.__parameters__ is a.__parameters__)
print(list[T][int], dict[T, S][str, int], a[str, int], dict[T, dict[S, T]][bytes, float])
print(list[T][list[S]], list[T][list[S]].__parameters__, list[T][list[S]][int])
for bad in [(int, str), ()]:
    try:
        print(list[T][bad])
    except TypeError as e:
        print(e)
try:
    dict[T, S][int]
except TypeError as e:
    print(e)
try:
    list[int][str]
except TypeError as e:
    print(e)

class Sub:
    def __typing_subst__(self, arg):
        if arg is None:
            raise TypeError("no None")
        return list[arg]
    def __repr__(self):
        return "Sub"
U = Sub()
print(tuple[U][int])
try:
    tuple[U][None]
except TypeError as e:
    print(e)

# unions
u = int | list[T]
print(u.__parameters__, (int | str).__parameters__, u[str], type(u[str]).__name__)
try:
    (int | str)[int]
except TypeError as e:
    print(e)

# starred aliases
st, = tuple[int, str]
print(st, st.__unpacked__, st.__typing_unpacked_tuple_args__, list(tuple[int]), list[int].__unpacked__)
print(next(iter(list[int])), next(iter(list[int])).__typing_unpacked_tuple_args__)
it = iter(dict[str, int])
print(type(it).__name__, iter(it) is it, it.__reduce__()[1], next(it), list(it), it.__reduce__()[1])
print(st == next(iter(tuple[int, str])), st == tuple[int, str], st.__reduce__()[0] is next)
print(tuple[int, *tuple[str, bytes]].__args__ if False else tuple[int, st].__args__)
print(list[T][st] if False else dict[T, S][st])
print(types.GenericAlias(tuple, (int, str)).__reduce__())
try:
    types.GenericAlias(list)
except TypeError as e:
    print(e)
try:
    types.GenericAlias(list, int, x=1)
except TypeError as e:
    print(e)
