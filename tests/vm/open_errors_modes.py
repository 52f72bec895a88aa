path = "/tmp/_pyrs_vm_open_modes.txt"
for mode in ["rw", "rr", "q", "bt", "", "r+b+"]:
    try: open(path, mode)
    except ValueError as e: print(repr(mode), e)
try: open(path, "wb", encoding="utf-8")
except ValueError as e: print(e)
try: open(path, "w", newline="x")
except ValueError as e: print(e)
try: open("/tmp")
except IsADirectoryError as e: print(type(e).__name__, e.errno, e.strerror)
try: open("/nonexistent-dir/file.txt", "w")
except FileNotFoundError as e: print(e)
try: open(3.5)
except TypeError as e: print(e)
with open(path, "w") as f:
    print(f.readable(), f.writable(), f.seekable(), f.closed, f.name, f.mode, f.encoding)
    print("hello", file=f)
    print("a", "b", sep="-", end="!\n", file=f)
    f.writelines(["x\n", "y\n"])
print(f.closed)
try: f.write("late")
except ValueError as e: print(e)
with open(path) as f:
    print([line for line in f])
with open(path, "rb") as f:
    print(f.read(5), f.tell(), f.seek(0), f.read(3), f.seek(-2, 2), f.read(), f.readline())
with open(path, "r+") as f:
    print(f.read(3))
with open(path, "a") as f:
    f.write("appended\n")
f = open(path)
print(f.readline(), end="")
print(f.read().count("\n"))
f.close()
f.close()
with open(path, "x" if False else "w", encoding="utf-16") as f:
    f.write("héllo")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-16") as f:
    print(f.read())
with open(path, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve")
with open(path, encoding="ascii") as f:
    print(f.read())
with open(path, "wb") as f:
    f.write(b"\xff\xfe bad")
try:
    with open(path) as f: f.read()
except UnicodeDecodeError as e: print(e)
with open(path, errors="replace") as f: print(repr(f.read()))
