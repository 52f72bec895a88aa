import sys
def deep(n):
    if n == 0:
        try:
            sys.exit(42)
        finally:
            print("finally in deep")
    deep(n - 1)
try:
    deep(3)
except SystemExit as e:
    print("caught", e.code)
def again():
    raise SystemExit("message to stderr")
again()
