# Closing sys.stdout: print raises "I/O operation on closed file."; the descriptor stays
# open (closefd=False), and exit does not flush a closed stream.
import os
import sys

print("before")
sys.stdout.write("pending ")
sys.stdout.close()
print(sys.stdout.closed, sys.stdout.buffer.closed, file=sys.stderr)
for f in [lambda: print("x"), lambda: sys.stdout.write("y"), lambda: sys.stdout.flush(),
          lambda: sys.stdout.buffer.write(b"z"), lambda: sys.stdout.fileno()]:
    try:
        f()
    except ValueError as e:
        print("ValueError", e, file=sys.stderr)
os.write(1, b"fd 1 still open\n")
sys.stdout.close()
print("closed twice", file=sys.stderr)
