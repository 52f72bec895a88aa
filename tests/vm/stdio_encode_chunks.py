# Text to sys.stdout is encoded into the pending bytes; the encoded length decides when a
# chunk goes to the buffer (os.write markers show where). Latin-1 and wider text, in
# UTF-8 and Latin-1, with and without line buffering.
import os
import sys

out = sys.stdout
out.flush()
out._CHUNK_SIZE = 5
for text in ["\u00e9\u00e9", "\u00e9", "ab", "\u20ac", "\U0001f600", "x\u00e9\n", "\u3042\u3044"]:
    n = out.write(text)
    os.write(1, ("[%d]" % n).encode())
out.flush()
os.write(1, b"\n")
out.reconfigure(encoding="latin-1")
out._CHUNK_SIZE = 4
for text in ["\u00e9\u00e9\u00e9", "\u00ff", "abc", "\u00e9\n"]:
    out.write(text)
    os.write(1, b"|")
try:
    out.write("\u20ac")
except UnicodeEncodeError as e:
    os.write(1, ("[%s]" % e.reason).encode())
out.flush()
os.write(1, b"\n")
out.reconfigure(encoding="utf-8", line_buffering=True)
out._CHUNK_SIZE = 8192
for text in ["\u00e9 no newline", " \u3042\n", "\u00e9\r", "\U0001f600"]:
    out.write(text)
    os.write(1, b"|")
out.reconfigure(line_buffering=False)
print("\u00e9", "\u20ac", "\U0001f600", sep="\u00b7", end="\u00b6\n")
