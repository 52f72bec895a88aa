import sys
print("stdout before", flush=True)
sys.stderr.write("stderr before\n")
raise RuntimeError("uncaught: exit status 1")
