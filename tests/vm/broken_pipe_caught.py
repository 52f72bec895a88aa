import sys
try:
    for i in range(200000):
        print(i, "line of output")
except BrokenPipeError as e:
    sys.stderr.write(f"caught {type(e).__name__} errno={e.errno} {e.strerror}\n")
    sys.exit(3)
