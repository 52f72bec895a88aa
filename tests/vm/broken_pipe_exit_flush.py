# stdout's reader goes away (compare_vm runs broken_pipe* programs as `prog | head -1`);
# os.write tells when. What print() buffered then fails at exit: "Exception ignored in:
# <stdout>" and status 120, as Py_FinalizeEx's flush_std_files (unbuffered, print itself
# raises BrokenPipeError and there is nothing left to flush).
import os
import sys

print("first", flush=True)
try:
    while True:
        os.write(1, b"filler line\n")
except BrokenPipeError:
    pass
sys.stderr.write("pipe closed\n")
print("pending")
sys.stderr.write("after print\n")
