def run(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__)
def a(): x = 1; return x / 0
def b(): return (1) ** -(0.0)
def c(): return [1] * "x" if True else 0
run(a); run(b); run(c)
values = {"k": None}
total = 10 + values["k"] * 2
