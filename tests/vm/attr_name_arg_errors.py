# A non-str attribute name given to object.__getattribute__/__setattr__/__delattr__,
# UnionType.__getattribute__ and BaseException.__setstate__: CPython's
# "attribute name must be string, not 'int'".
calls = [
    lambda: object.__getattribute__(1, 2),
    lambda: object.__setattr__(object(), 2, 1),
    lambda: object.__delattr__(object(), 2.5),
    lambda: (int | str).__getattribute__(3),
    lambda: ValueError().__setstate__({1: 2}),
]
for f in calls:
    try:
        f()
    except TypeError as e:
        print(e)
