class A:
    pass
class B:
    def __eq__(self, o):
        return True
class C(B):
    __hash__ = object.__hash__
class D:
    def __hash__(self):
        return 7
print(B.__hash__, hash(C()) is not None, hash(D()))
try:
    {B()}
except TypeError as e:
    print(e)
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash(-1), hash(2**61 - 1), hash(2**61))
print(hash(1.5), hash(float("inf")), hash(-0.0))
try:
    hash([])
except TypeError as e:
    print(e)
