# __del__ assigned to a base class after a subclass was created still finalizes the
# subclass's instances (CPython looks the slot up through the MRO).
class Base:
    pass


class Child(Base):
    pass


class Grandchild(Child):
    pass


def late_del(self):
    print("late __del__ of", type(self).__name__)


c = Child()
Base.__del__ = late_del
del c
print("after del c")
g = Grandchild()
g = None
print("after g = None")
b = Base()
del b
print("end")
