# A failing sys.stdout.flush() keeps the data: it fails again at exit (status 120 even
# after sys.exit(3)); a failing large write leaves nothing behind.
import os
import sys

print("first", flush=True)
try:
    while True:
        os.write(1, b"filler line\n")
except BrokenPipeError:
    pass
try:
    sys.stdout.write("x" * 20000)
except BrokenPipeError as e:
    sys.stderr.write("big write: %s\n" % e)
try:
    sys.stdout.write("small")
    sys.stdout.flush()
except BrokenPipeError as e:
    sys.stderr.write("flush: %s\n" % e)
sys.exit(3)
