# The fields of builtin exception classes are data descriptors of their classes
# (member/getset descriptors), assignable, and read back what was assigned.
import builtins

for cls in (BaseException, OSError, StopIteration, SystemExit, SyntaxError, ImportError,
            NameError, AttributeError, UnicodeDecodeError, BaseExceptionGroup):
    own = sorted(k for k, v in vars(cls).items()
                 if type(v).__name__ in ('getset_descriptor', 'member_descriptor'))
    print(cls.__name__, own, [type(vars(cls)[k]).__name__ for k in own])

print(BaseException.args, OSError.errno, StopIteration.value, SyntaxError.msg)
print(ImportError.name, AttributeError.obj, OSError.characters_written)
print('args' in dir(ValueError), 'errno' in dir(FileNotFoundError), 'code' in dir(SystemExit))

e = OSError(2, 'no such')
e.errno = 5
e.strerror = 'changed'
e.filename = 'f'
print(e.errno, e.strerror, e.filename, e.filename2, e.args)
del e.errno
print(e.errno)

class My(OSError):
    def __init__(self, *a):
        super().__init__(*a)
        self.errno = 99
m = My(1, 'y', 'f')
print(m.errno, m.filename, m.args, vars(m))

s = StopIteration(3)
s.value = 4
print(s.value, s.args)
x = SystemExit(3)
x.code = 7
print(x.code, x.args)

b = BlockingIOError(11, 'w', 5)
print(b.characters_written, b.filename, b.args)
b.characters_written = 3
print(b.characters_written)
del b.characters_written
for f in (lambda: b.characters_written, lambda: OSError(1, 'x').characters_written):
    try:
        f()
    except AttributeError as ex:
        print('AttributeError', ex)
try:
    del b.characters_written
except AttributeError as ex:
    print('AttributeError', ex)

se = SyntaxError('m', ('f', 1, 2, 't'))
se.lineno = 9
print(se.lineno, se.msg, se.filename, se.offset, se.text)
u = UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad')
u.start = 1
print(u.start, u.reason, u.encoding, u.object)
i = ImportError('q', name='n')
print(i.name, i.path, i.msg)

v = ValueError(1)
v.args = [2, 3]
print(v.args)
v.__suppress_context__ = True
print(v.__suppress_context__)
for f in (lambda: setattr(ValueError(), '__dict__', 5),
          lambda: setattr(ExceptionGroup('m', [ValueError()]), 'message', 'x'),
          lambda: OSError.errno.__get__(1),
          lambda: setattr(v, '__cause__', 3)):
    try:
        f()
    except (TypeError, AttributeError) as ex:
        print(type(ex).__name__, ex)
d = ValueError()
d.__dict__ = {'k': 1}
print(d.k, vars(d))
# Re-running __init__ re-derives the fields from the new arguments.
r = OSError(1, 'a')
r.errno = 50
r.__init__(2, 'b')
print(r.errno, r.strerror)
