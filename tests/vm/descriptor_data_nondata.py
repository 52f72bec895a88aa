class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)
class Data:
    def __get__(self, obj, objtype=None):
        return "data-get"
    def __set__(self, obj, value):
        print("set", value)
    def __delete__(self, obj):
        print("delete")
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd)
print(C.nd)
c.__dict__["nd"] = "instance wins"
print(c.nd)
c.__dict__["d"] = "instance loses"
print(c.d)
c.d = 5
del c.d
print(C.__dict__["d"].__class__.__name__)
class SetOnly:
    def __set__(self, obj, v):
        obj.__dict__["so"] = v * 2
class K:
    so = SetOnly()
k = K()
k.so = 3
print(k.so)
print(K.so.__class__.__name__)
