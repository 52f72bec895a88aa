# object.__init_subclass__ is a class method (bound to the class it is read from) taking
# no arguments; classmethod_descriptor objects print as CPython's methods do.
print(dict.__dict__['fromkeys'], int.__dict__['from_bytes'])
print(object.__dict__['__subclasshook__'], object.__dict__['__init_subclass__'])
print(type(object.__dict__['__init_subclass__']).__name__)


class C:
    pass


print(C.__init_subclass__.__self__ is C, C.__init_subclass__.__name__)
print(C.__init_subclass__(), object.__init_subclass__())
for call in [lambda: C.__init_subclass__(1), lambda: C.__init_subclass__(x=1),
             lambda: object.__init_subclass__(1, 2), lambda: object.__init_subclass__(y=2)]:
    try:
        call()
    except TypeError as e:
        print(e)


class D:
    def __init_subclass__(cls, **kw):
        print('D.__init_subclass__', cls.__name__, kw)
        super().__init_subclass__()


class E(D, x=1):
    pass


class G(E):
    pass


try:
    class F(x=1):
        pass
except TypeError as e:
    print(e)


class H:
    def __init_subclass__(cls, flag=False):
        super().__init_subclass__()
        cls.flag = flag


class I(H, flag=True):
    pass


print(I.flag, H.__init_subclass__.__self__ is H)
