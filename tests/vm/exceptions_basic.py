try:
    raise ValueError("bad value")
except ValueError as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    [].pop()
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__, e)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer caught")
else:
    print("no")
for i in range(3):
    try:
        if i == 1: continue
        print("body", i)
    finally:
        print("fin", i)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except Exception as e:
    print(e, e.code, isinstance(e, MyErr))
