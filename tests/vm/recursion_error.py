import sys
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
sys.setrecursionlimit(5000)
def d(n):
    return 0 if n == 0 else 1 + d(n - 1)
print(d(4500))
