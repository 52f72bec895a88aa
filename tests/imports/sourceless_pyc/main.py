import m
print(m.v, m.__file__.endswith('m.pyc'))
