# isinstance falls back to obj.__class__ when a class defines it (object_isinstance),
# as unittest.mock's specced mocks and proxies do.
class Target:
    pass


class Proxy:
    @property
    def __class__(self):
        return Target


class Plain:
    __class__ = Target


class NotAType:
    @property
    def __class__(self):
        return 5


p = Proxy()
print(isinstance(p, Target), isinstance(p, Proxy), isinstance(p, (int, Target)))
print(type(p).__name__, p.__class__.__name__, issubclass(Proxy, Target))
print(isinstance(Plain(), Target), isinstance(NotAType(), Target), isinstance(NotAType(), NotAType))


class Sub(Target):
    pass


class SubProxy:
    __class__ = property(lambda self: Sub)


print(isinstance(SubProxy(), Target), isinstance(SubProxy(), Sub), isinstance(SubProxy(), int))
