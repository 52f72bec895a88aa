class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int], G[int, str])
class Sub(G):
    pass
print(Sub["x"])
class Meta(type):
    def __getitem__(cls, k):
        return "meta " + str(k)
class M(metaclass=Meta):
    def __class_getitem__(cls, k):
        return "cgi"
print(M[1])
try:
    object[int]
except TypeError as e:
    print(e)
