class A:
    def __lt__(self, o):
        print("A.__lt__"); return NotImplemented
class B:
    def __gt__(self, o):
        print("B.__gt__"); return True
print(A() < B())
class C:
    def __ge__(self, o): print("C.__ge__"); return "ge"
print(1 <= C())
class Base:
    def __eq__(self, o): print("Base.__eq__"); return False
class Derived(Base):
    def __eq__(self, o): print("Derived.__eq__"); return True
print(Base() == Derived())
try: A() < A()
except TypeError as e: print(e)
try: None < 1
except TypeError as e: print(e)
try: "a" > 1
except TypeError as e: print(e)
