# struct_time: copy/deepcopy through __reduce__, the dict argument of its constructor.
import copy, time
import os
os.environ["TZ"] = "UTC0"
time.tzset()
t = time.gmtime(0)
c = copy.copy(t)
print(c, c.tm_zone, type(c))
print(t.__reduce__())
print(time.struct_time((1,)*9) == (1,)*9, hash(time.gmtime(5)) == hash(tuple(time.gmtime(5))))
print(repr(time.struct_time((1,)*11)))
print(time.gmtime(0)[:], time.gmtime(0)[9:] , len(time.gmtime(0)))
print(time.localtime(0) > time.gmtime(-1))
print(time.struct_time((1,)*9, {'tm_zone': 'Q', 'tm_gmtoff': 7}).tm_zone, time.struct_time((1,)*10, {'tm_zone': 'Q', 'tm_gmtoff': 7}).tm_gmtoff)
try:
    time.struct_time((1,)*9, 5)
except TypeError as e:
    print(e)
c2 = copy.deepcopy(time.localtime(100))
print(c2, c2.tm_zone, c2.tm_gmtoff)
