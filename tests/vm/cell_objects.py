def make():
    x = 1
    def get(): return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = make()
cell = g.__closure__[0]
print(cell.cell_contents)
s(42)
print(cell.cell_contents, g())
def empty():
    if False:
        y = 1
    def r(): return y
    return r
e = empty()
try: e.__closure__[0].cell_contents
except ValueError as ex: print(ex)
try: e()
except NameError as ex: print(ex)
