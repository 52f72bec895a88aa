def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return "done"
print(h())
def k():
    try:
        raise ValueError("v")
    except ValueError:
        return "handled"
    finally:
        print("k finally")
print(k())
