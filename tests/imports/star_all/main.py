from mod import *
print(sorted(k for k in globals() if not k.startswith('__')))
print(a, _hidden)
