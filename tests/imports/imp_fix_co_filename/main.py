# _imp._fix_co_filename: the code object and, depth first, the nested ones still naming
# its old file are renamed in place (update_compiled_module); functions already made
# from them see the new name (the same code objects).
import _imp

SRC = """
def f():
    def g():
        return 1
    return g
class C:
    def m(self):
        pass
"""


def tree(code, depth=0):
    print("  " * depth + code.co_name, code.co_filename)
    for k in code.co_consts:
        if hasattr(k, "co_filename"):
            tree(k, depth + 1)


code = compile(SRC, "/old/place.py", "exec")
ns = {}
exec(code, ns)
func = ns["f"]
f_code = func.__code__
print(_imp._fix_co_filename(code, "/new/place.py"))
tree(code)
print("function sees it:", func.__code__.co_filename, func.__code__ is f_code)
# Same name: nothing to do.
_imp._fix_co_filename(code, "/new/place.py")
tree(code)
# Renamed twice: each time the whole tree names the old file.
code2 = compile(SRC, "/a.py", "exec")
_imp._fix_co_filename(code2, "/b.py")
_imp._fix_co_filename(code2, "/c.py")
tree(code2)
for args in [(1, "x"), (code, 1), (), (code, "x", 3)]:
    try:
        _imp._fix_co_filename(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    _imp._fix_co_filename(code=code, path="x")
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError
except ValueError as e:
    tb_code = e.__traceback__.tb_frame.f_code
    _imp._fix_co_filename(tb_code, "/renamed/main.py")
    print(tb_code.co_filename)
