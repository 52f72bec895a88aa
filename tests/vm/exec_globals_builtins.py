# exec/eval run with the builtins of globals['__builtins__'] (a dict or a module), and
# put the interpreter's builtins dict there when globals lacks the key.
import builtins
import types

g = {'__builtins__': {'len': lambda x: 42, 'print': print}}
exec("print(len('abc'))", g)
print(eval("len([1, 2])", g))

# A module as __builtins__: its dict is used.
m = types.ModuleType("fake_builtins")
m.len = lambda x: -1
m.print = print
g2 = {'__builtins__': m}
exec("print(len('x'))", g2)

# A missing name among replaced builtins is a NameError.
try:
    exec("abs(1)", {'__builtins__': {}})
except NameError as e:
    print("NameError:", e)

# globals without __builtins__ gets the real builtins dict.
g3 = {}
exec("x = len('hello')", g3)
print(g3['x'], g3['__builtins__'] is builtins.__dict__)

# Functions defined in exec'd code keep those builtins after exec returns.
g4 = {'__builtins__': {'len': lambda x: 7}}
exec("def f(s):\n    return len(s)\n", g4)
print(g4['f']('abcdef'))
print(g4['f'].__builtins__ is g4['__builtins__'])

# A class body under replaced builtins.
g5 = {'__builtins__': {'__build_class__': builtins.__build_class__, 'len': lambda x: 99,
                       '__name__': 'b'}, '__name__': 'mod5'}
exec("class C:\n    n = len('ab')\n", g5)
print(g5['C'].n)

# eval with separate locals keeps the globals' builtins.
print(eval("len(s)", {'__builtins__': {'len': lambda x: 5}}, {'s': 'abc'}))
