import sub.m
print(sub.m.v)
