import sys
print(sys.stdin is not None, hasattr(sys.stdin, "readline"))
try:
    s = input("prompt> ")
    print("got", repr(s))
except EOFError as e:
    print("EOFError", repr(str(e)))
