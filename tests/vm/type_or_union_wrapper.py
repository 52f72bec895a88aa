# type.__or__ / __ror__ make types.UnionType as `int | str` does.
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 1), int.__or__(None) if False else type.__or__(int, None))
print('__or__' in dir(type), '__ror__' in dir(int))
class M(type):
    pass
class C(metaclass=M):
    pass
print(C | int, int | C, type.__or__(C, list[int]))
