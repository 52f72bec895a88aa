for expr in ["1/0", "1//0", "1%0", "1.0/0", "divmod(1, 0)"]:
    try:
        eval(expr) if False else None
    except Exception:
        pass
def f(a, b):
    return a / b
try:
    f(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    1.5 % 0.0
except ZeroDivisionError as e:
    print(e)
