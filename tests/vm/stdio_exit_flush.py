# At exit sys.stdout is flushed, then sys.stderr; the stream made at startup is
# flushed too when sys.stdout was replaced; __del__ output during shutdown gets out.
import io
import sys

class Bye:
    def __del__(self):
        print("bye from __del__")

b = Bye()
sys.stdout.write("no newline at the end, ")
sys.stderr.write("stderr without newline")
keep = sys.stdout
keep.write("pending in the original ")
sys.stdout = io.StringIO()
print("lost in the StringIO")
