
path = "/tmp/_pyrs_vm_open_text.txt"
with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.name == path, f.closed)
    n = f.write("line one\nline two\n")
    print(n)
    f.write("héllo\n")
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
with open(path, encoding="utf-8") as f:
    for line in f:
        print(repr(line))
with open(path, "a") as f:
    f.write("appended")
with open(path) as f:
    print(f.read().splitlines())

try: open(path + ".does-not-exist")
except FileNotFoundError as e: print(type(e).__name__, e.errno, e.strerror, e.filename == path + ".does-not-exist")
