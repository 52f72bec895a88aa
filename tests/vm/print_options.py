import sys
print("a", "b", sep="")
print("no newline", end="")
print()
print(1, 2, 3, sep=", ", end=" <end>\n")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print("flushed", flush=True)
print()
