# types.GenericAlias reads most attributes from __origin__ (ga_getattro), keeps its own
# (__origin__, __args__, __parameters__, __unpacked__, __mro_entries__, __reduce__, ...).
import types
a = list[int]
print(a.append is list.append, a.__mro__, a.__bases__, a.__name__, a.__qualname__, a.__module__)
print(a.__doc__ == list.__doc__, a.__class__, type(a) is types.GenericAlias, isinstance(a, type))
print(a.__repr__, a.__eq__, a.__hash__, a.__init__)
print(a.__getitem__, a.__dict__ is not None, callable(a))
for name in ["__copy__", "__deepcopy__", "nope", "__weakref__"]:
    try:
        getattr(a, name)
    except AttributeError as e:
        print(name, "->", e)
print(getattr(a, "nope", "default"), hasattr(a, "append"), hasattr(a, "__copy__"))
print(a.__unpacked__, a.__typing_unpacked_tuple_args__, a.__parameters__)
print(a.__mro_entries__((a,)), a.__reduce__(), a.__reduce_ex__(2))
print(dir(a) == sorted(set(dir(list)) | {"__origin__", "__args__", "__unpacked__", "__parameters__",
      "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
      "__copy__", "__deepcopy__", "__class__"}))
print(sorted(types.GenericAlias.__dict__))
print(types.GenericAlias.__dict__["__getattribute__"], types.GenericAlias.__mro_entries__)
print(object.__getattribute__(a, "__origin__"))
try:
    object.__getattribute__(a, "append")
except AttributeError as e:
    print(e)
print(types.GenericAlias.__getattribute__(a, "append") is list.append)

# classes with alias bases: __mro_entries__ and __orig_bases__
class C(list[int]): pass
print(C.__mro__, C.__orig_bases__, C.__bases__)
class D(dict[str, int], metaclass=type): pass
print(D.__mro__, D.__orig_bases__)
class E: pass
print("__orig_bases__" in E.__dict__)
class Entries:
    def __mro_entries__(self, bases):
        print("bases seen:", bases)
        return (E,)
class F(Entries(), int): pass
print(F.__mro__, F.__orig_bases__)
class Bad:
    def __mro_entries__(self, bases):
        return [int]
try:
    class G(Bad()): pass
except TypeError as e:
    print(e)
class Empty:
    def __mro_entries__(self, bases):
        return ()
class H(Empty()): pass
print(H.__mro__, H.__orig_bases__)

# calling sets __orig_class__ where it can
class K: pass
k = types.GenericAlias(K, (int,))()
print(k.__orig_class__, list[int]("ab"), dict[str, int](a=1))

# subclass of GenericAlias
class MyAlias(types.GenericAlias): pass
m = MyAlias(list, int)
print(type(m).__name__, m, m.append is list.append, m.__origin__, m == list[int])

# nested alias reprs, Ellipsis, empty tuple, alias-likes and non-class items
print(dict[str, list[tuple[int, ...]]], tuple[()], list["x"], list[3], list[None], list[...])
print(list[types.SimpleNamespace], list[C], list[len], list[list[int] | None])
print(a == list[int], a != list[str], a == list, hash(a) == hash(list[int]), types.GenericAlias.__lt__(a, a))
print(list[int] == MyAlias(list, (int,)), {list[int]: 1}[list[int]])
x = int
for i in range(100000):
    x = list[x]
try:
    repr(x)
except RecursionError as e:
    print("RecursionError", e)
