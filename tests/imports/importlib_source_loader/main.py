# _bootstrap_external.SourceLoader (what importlib.abc.SourceLoader builds on) subclassed
# by a loader whose "files" live in a dict: get_code's cache protocol (path_stats,
# get_data of the cache path, set_data) as CPython's SourceLoader.get_code runs it.
import importlib
import importlib.machinery
import sys

SourceLoader = importlib._bootstrap_external.SourceLoader
files = {
    "/virtual/greet.py": b"def hello(who):\n    return 'hello ' + who\nWHERE = __file__\n",
    "/virtual/latin.py": b"# -*- coding: latin-1 -*-\ns = '\xe9t\xe9'\n",
}
writes = []


class DictLoader(SourceLoader):
    def __init__(self, path):
        self.path = path

    def get_filename(self, fullname):
        return self.path

    def get_data(self, path):
        try:
            return files[path]
        except KeyError:
            raise OSError(2, "no such file", path) from None


class CachingDictLoader(DictLoader):
    def path_stats(self, path):
        return {"mtime": 1700000000, "size": len(files[path])}

    def set_data(self, path, data):
        writes.append(path.replace(sys.implementation.cache_tag, "TAG"))
        files[path] = bytes(data)


def load(name, loader):
    spec = importlib._bootstrap.spec_from_loader(name, loader)
    module = importlib._bootstrap.module_from_spec(spec)
    loader.exec_module(module)
    return module


m = load("greet", DictLoader("/virtual/greet.py"))
print(m.hello("world"), m.WHERE, m.__spec__.origin, writes)
print(DictLoader("/virtual/latin.py").get_source("latin"))
print(load("latin", DictLoader("/virtual/latin.py")).s)
print(isinstance(importlib.machinery.SourceFileLoader("x", "/x.py"), SourceLoader))

c = CachingDictLoader("/virtual/greet.py")
m1 = load("greet", c)
print(writes)
cache = [p for p in files if p.endswith(".pyc")][0]
header = files[cache][:16]
print(header[:4] == importlib._bootstrap_external.MAGIC_NUMBER, header[4:8],
      int.from_bytes(header[8:12], "little"), int.from_bytes(header[12:16], "little"))
# Second load: the cached .pyc matches (no new write) and its code runs.
m2 = load("greet", c)
print(m2.hello("again"), len(writes), m2.hello.__code__.co_filename)
# A cache under another path: its code objects are renamed to the source path.
files["/virtual/other.py"] = files["/virtual/greet.py"]
for p in list(files):
    if p.endswith(".pyc"):
        files[p.replace("greet", "other")] = files[p]
m3 = load("other", CachingDictLoader("/virtual/other.py"))
print(m3.hello.__code__.co_filename, len(writes))
# A stale cache (source size changed) is rewritten; a corrupt one too.
files["/virtual/greet.py"] += b"EXTRA = 1\n"
m4 = load("greet", c)
print(m4.EXTRA, len(writes))
files[cache] = b"garbage"
print(load("greet", c).EXTRA, len(writes), files[cache][:4] == importlib._bootstrap_external.MAGIC_NUMBER)
sys.dont_write_bytecode = True
files[cache] = b""
load("greet", c)
print(len(writes), files[cache])
