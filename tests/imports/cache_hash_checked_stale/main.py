import m
print(m.v)
