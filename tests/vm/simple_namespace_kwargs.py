# types.SimpleNamespace takes keyword arguments (its own __new__/__init__), while a plain
# object() or a class without __init__ takes none.
import types

n = types.SimpleNamespace(a=1, b="two")
print(n, n.a, n.b, vars(n))
n.c = [3]
print(n, n == types.SimpleNamespace(a=1, b="two", c=[3]))
print(types.SimpleNamespace())
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError", e)


class Sub(types.SimpleNamespace):
    pass


print(Sub(x=1))
for make in (lambda: object(1), lambda: object(x=1)):
    try:
        make()
    except TypeError as e:
        print("TypeError", e)


class Plain:
    pass


try:
    Plain(1)
except TypeError as e:
    print("TypeError", e)
print(Sub(x=1) == types.SimpleNamespace(x=1), Sub(x=1) != Sub(x=2), n == 1)
me = types.SimpleNamespace(a=1)
me.me = me
print(me)
s = Sub(z=0)
s.inner = types.SimpleNamespace(back=s)
print(s)
deep = types.SimpleNamespace()
for _ in range(100000):
    deep = types.SimpleNamespace(d=deep)
try:
    repr(deep)
except RecursionError as e:
    print("RecursionError", e)
