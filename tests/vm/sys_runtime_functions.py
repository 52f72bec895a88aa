# sys functions about the running interpreter: switch interval, finalization, call_tracing,
# trace/profile getters, async generator hooks, coroutine origin tracking, reference counts,
# breakpointhook/breakpoint, _current_frames, dlopen flags, constants, stdlib_module_names.
import os
import sys
import _thread

print(sys.getswitchinterval())
for v in (0, -1, "x", 0.001, 1, 1e-9):
    try:
        print(sys.setswitchinterval(v), sys.getswitchinterval())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sys.is_finalizing(), sys.getprofile(), sys.gettrace())
print(sys.call_tracing(lambda *a: a, (1, 2)), sys.call_tracing(len, ([1, 2],)))
for a in [(len,), (len, [1]), (len, (1,), 3)]:
    try:
        print(sys.call_tracing(*a))
    except TypeError as e:
        print(type(e).__name__, e)

# async generator hooks
h = sys.get_asyncgen_hooks()
print(h, type(h).__name__, h.firstiter, h[1], len(h), tuple(h))
for kw in ({"firstiter": 1}, {"finalizer": 1}):
    try:
        sys.set_asyncgen_hooks(**kw)
    except TypeError as e:
        print(e)
try:
    sys.set_asyncgen_hooks(print, 5)
except TypeError as e:
    print(e)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(print, None)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(finalizer=len)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

events = []
def firstiter(agen):
    events.append(("firstiter", agen.__name__))
def finalizer(agen):
    events.append(("finalizer", agen.__name__))
    agen.aclose().send(None) if False else None

async def agen():
    try:
        yield 1
        yield 2
    finally:
        events.append("agen finally")

def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value

sys.set_asyncgen_hooks(firstiter, finalizer)
g = agen()
print(events)
print(drive(g.__anext__()), events)
drive(g.__anext__())
print(events)
del g
print(events)
g2 = agen()
g2.aclose()
print(events)
del g2
sys.set_asyncgen_hooks(None, None)
g3 = agen()
drive(g3.__anext__())
del g3
print(events)

def boom(agen):
    raise KeyError("firstiter failed")
sys.set_asyncgen_hooks(firstiter=boom)
g4 = agen()
try:
    g4.asend(None)
except KeyError as e:
    print("KeyError", e)
print(drive(g4.asend(None)))
del g4
print(events[-1])
sys.set_asyncgen_hooks(None, None)

# coroutine origin tracking
print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)
async def coro():
    return 1
def make():
    return coro()
c = make()
print(c.cr_origin)
c.close()
sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
c = make()
print([(os.path.basename(f), line, name) for f, line, name in c.cr_origin])
c.close()
sys.set_coroutine_origin_tracking_depth(0)

# reference counts change with references
o = object()
n = sys.getrefcount(o)
refs = [o, o, o]
print(sys.getrefcount(o) - n)
del refs
print(sys.getrefcount(o) - n, type(sys.getrefcount(1)).__name__)
try:
    sys.getrefcount()
except TypeError as e:
    print(e)

# breakpoint / breakpointhook
print(sys.__breakpointhook__ is sys.breakpointhook, sys.__displayhook__ is sys.displayhook,
      sys.__excepthook__ is sys.excepthook)
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint(), sys.breakpointhook(1, x=2))
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint("via", "print", sep="-")
os.environ["PYTHONBREAKPOINT"] = "repr"
print(sys.breakpointhook([1]))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    os.environ["PYTHONBREAKPOINT"] = "no_such_module_x.f"
    print(breakpoint())
    os.environ["PYTHONBREAKPOINT"] = "builtins.no_such_name"
    print(breakpoint())
    os.environ["PYTHONBREAKPOINT"] = ".x"
    print(breakpoint())
    print([(x.category.__name__, str(x.message)) for x in w])
del os.environ["PYTHONBREAKPOINT"]
calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k))
breakpoint(1, k=2)
print(calls)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
sys.breakpointhook = sys.__breakpointhook__

# threads, caches, flags, constants
frames = sys._current_frames()
print(list(frames) == [_thread.get_ident()], frames[_thread.get_ident()].f_code.co_name)
print(list(sys._current_exceptions().values()))
try:
    raise KeyError("x")
except KeyError:
    print(list(sys._current_exceptions().values()))
print(sys._clear_type_cache(), sys.getdlopenflags(), sys.setdlopenflags(0x102), sys.getdlopenflags())
sys.setdlopenflags(2)
print(sys.maxunicode, sys.float_repr_style, repr(sys.abiflags), sys.copyright.splitlines()[0])
print(os.path.basename(sys.orig_argv[-1]), repr(sys.__package__))
print(type(sys.stdlib_module_names).__name__, len(sys.stdlib_module_names), sorted(sys.stdlib_module_names)[:5])
print("asyncio" in sys.stdlib_module_names, "sys" in sys.stdlib_module_names, "numpy" in sys.stdlib_module_names)

class AtExit:
    def __del__(self, sys=sys):
        print("finalizing in __del__ at exit:", sys.is_finalizing())
keep = AtExit()
