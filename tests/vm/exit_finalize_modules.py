# At exit the modules go as CPython's finalize_modules takes them: sys.modules entries are
# set to None (a module nothing else holds dies there), __main__'s values are finalized
# with every global still bound, then modules still alive are cleared. So __del__ of
# objects held by module globals runs, and a file a module global holds is flushed.
import os
import sys
import types


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        log("del", self.n)


def log(*args):
    print(*args, file=sys.stderr)


def mk(name, *vals):
    m = types.ModuleType(name)
    for i, v in enumerate(vals):
        setattr(m, "_p%d" % i if i % 2 else "v%d" % i, v)
    sys.modules[name] = m
    return m


mk("m1", A("m1a"), A("m1b"), A("m1c"))
m2 = mk("m2", A("m2a"))
def g():
    pass
m3 = mk("m3", A("m3a"), g, A("m3c"))
exec("def g2(): pass", m3.__dict__)
x = A("main_x")

# (The relative order of what CPython's cycle collector finalizes, e.g. objects in lists
# and function attributes against other modules' objects, is not reproduced:
# docs/differences.md.)
# A child whose open files are never closed: all three reach the disk at exit.
child = """
import sys, types
m = types.ModuleType('m'); sys.modules['m'] = m
m.f = open(sys.argv[1], 'w'); m.f.write('module data')
g = open(sys.argv[2], 'w'); g.write('main data')
class Holder: pass
Holder.f = open(sys.argv[3], 'w'); Holder.f.write('class data')
"""
# (tempfile needs re, which pyrs cannot import yet: a directory named by the pid.)
d = os.path.join(os.environ.get("TMPDIR", "/tmp"), "pyrs-exit-finalize-%d" % os.getpid())
os.mkdir(d)
paths = [os.path.join(d, n) for n in ("o1", "o2", "o3", "child.py")]
try:
    with open(paths[3], "w") as f:
        f.write(child)
    # (subprocess needs _codecs, which pyrs does not have yet: os.system.)
    status = os.system(" ".join([sys.executable, paths[3], *paths[:3]]))
    print("child status", status)
    paths.pop()
    for p in paths:
        with open(p) as f:
            print(os.path.basename(p), repr(f.read()))
finally:
    for p in paths + [os.path.join(d, "child.py")]:
        if os.path.exists(p):
            os.remove(p)
    os.rmdir(d)
print("end")
