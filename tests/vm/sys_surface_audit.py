# sys names scripts/audit_dir.py found missing: their kinds and shapes (the values are
# the implementation's own: thread_info, _git).
import sys

print(type(sys.__doc__).__name__, sys.__doc__.splitlines()[0])
print(sys._base_executable == sys.executable, repr(sys._framework), sys._home)
print(type(sys._git).__name__, len(sys._git), [type(x).__name__ for x in sys._git])
ti = sys.thread_info
print(type(ti).__name__, ti.n_fields, len(ti), type(ti.name).__name__)
print(ti.lock is None or isinstance(ti.lock, str), ti.version is None or isinstance(ti.version, str))
n = sys.getallocatedblocks()
print(type(n).__name__, n >= 0)
q = sys._getquickenedcount()
print(type(q).__name__, q >= 0)
for f, args in [(sys.getallocatedblocks, (1,)), (sys._getquickenedcount, (1,)),
                (sys._debugmallocstats, (1,))]:
    try:
        f(*args)
    except TypeError as e:
        print(e)
