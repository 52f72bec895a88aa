
path = "/tmp/_pyrs_vm_open_bin.bin"
with open(path, "wb") as f:
    print(type(f).__name__, f.write(b"\x00\x01abc\xff"))
with open(path, "rb") as f:
    data = f.read()
    print(data, type(data).__name__)
with open(path, "rb") as f:
    print(f.read(2), f.read(2), f.read(), f.read())
with open(path, "w", encoding="latin-1") as f:
    f.write("é")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(f.read())

try: open(path, "rz")
except ValueError as e: print(e)
