# SourceFileLoader.set_data / _cache_bytecode: missing directories created, the file
# written atomically, failures silent (reported by -v only).
import importlib
import importlib.machinery as machinery

here = __file__.rpartition("/")[0]
loader = machinery.SourceFileLoader("mod", here + "/mod.py")
print(loader.set_data(here + "/out/deep/file.bin", b"data\x00bytes"))
with open(here + "/out/deep/file.bin", "rb") as f:
    print(f.read())
loader.set_data(here + "/out/deep/file.bin", bytearray(b"replaced"))
with open(here + "/out/deep/file.bin", "rb") as f:
    print(f.read())
print(loader.set_data(here + "/mod.py/inside", b"x"))  # a file as a directory: nothing
print(loader.set_data("/proc/no_such_dir/x", b"x"))
loader._cache_bytecode(here + "/mod.py", here + "/cache/mod.bin", b"abc")
with open(here + "/cache/mod.bin", "rb") as f:
    print(f.read())
print(loader.set_data.__qualname__, type(loader).set_data.__name__)
