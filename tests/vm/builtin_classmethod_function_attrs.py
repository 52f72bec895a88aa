# Builtin class methods bind to builtin methods of the class; __module__ of builtins and
# functions; function __annotations__/__dict__/__module__/__builtins__ as descriptors.
import sys
print(len.__module__, [].append.__module__, int.from_bytes.__module__)
print(type(int.from_bytes).__name__, int.from_bytes.__self__, int.from_bytes.__name__, int.from_bytes.__qualname__)
print(repr(dict.fromkeys)[:40], dict.fromkeys('ab'), type(dict.fromkeys).__name__)
class D(dict): pass
print(type(D.fromkeys('ab')).__name__, D.fromkeys.__self__, type(D().fromkeys('x')).__name__)
print(int.from_bytes(b'\x01\x00', 'little'), bytes.fromhex('ff'), float.fromhex('0x1p1'))
print(type(str.maketrans).__name__)
def f(): pass
f.__module__ = 'x'; f.__annotations__ = {'a': 1}; print(f.__module__, f.__annotations__)
f.__dict__ = {'q': 1}; print(f.q, f.__builtins__ is sys.modules['builtins'].__dict__)
for bad in (lambda: setattr(f, '__annotations__', 1), lambda: setattr(f, '__dict__', 1), lambda: setattr(f, '__builtins__', {})):
    try: bad()
    except (TypeError, AttributeError) as e: print(type(e).__name__, e)
f.__annotations__ = None; print(f.__annotations__)
print(sorted(k for k in dir(f) if k.startswith('__') and k in ('__module__', '__dict__', '__annotations__', '__builtins__')))
