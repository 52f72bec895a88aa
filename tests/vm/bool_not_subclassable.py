for base in [bool, type(None), type(NotImplemented), range, slice]:
    try:
        class X(base): pass
    except TypeError as e:
        print(e)
class I(int): pass
class L(list): pass
print(I(3) + 1, L([1]) + [2], type(L([1]) + [2]).__name__)
