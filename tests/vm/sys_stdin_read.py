import sys
print(sys.stdin.readable(), sys.stdin.mode, sys.stdin.name, sys.stdin.closed)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines())
try:
    input()
except EOFError as e:
    print("EOFError:", e)
