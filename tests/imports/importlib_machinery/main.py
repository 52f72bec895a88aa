# importlib.machinery and the helpers importlib.util re-exports (taken here from
# importlib._bootstrap / _bootstrap_external, which python3 has too): a user finder
# returning SourceFileLoader specs, spec_from_file_location + module_from_spec +
# exec_module, the cache path functions, decode_source, the suffix lists.
import importlib
import importlib.machinery as machinery
import sys

bx = importlib._bootstrap_external
bs = importlib._bootstrap
print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES,
      machinery.DEBUG_BYTECODE_SUFFIXES, machinery.OPTIMIZED_BYTECODE_SUFFIXES)
print(machinery.all_suffixes()[:1], ".py" in machinery.all_suffixes())
print(bx.MAGIC_NUMBER, bx._RAW_MAGIC_NUMBER, bx._pack_uint32(3495), bx._unpack_uint32(b"\x01\x02\x03\x04"))
print(importlib._pack_uint32(-1), importlib._unpack_uint32(b"\xff\x00\x00\x00"))

here = __file__.rpartition("/")[0]


class PluginFinder:
    """Finds `plugin_*` modules in plugins/ with machinery.SourceFileLoader."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if not name.startswith("plugin_"):
            return None
        location = f"{here}/plugins/{name[len('plugin_'):]}.py"
        loader = machinery.SourceFileLoader(name, location)
        return bs.spec_from_loader(name, loader)


sys.meta_path.insert(0, PluginFinder)
import plugin_alpha
print(plugin_alpha.NAME, type(plugin_alpha.__loader__).__name__,
      plugin_alpha.__spec__.origin.endswith("plugins/alpha.py"),
      plugin_alpha.__spec__.has_location, plugin_alpha.__cached__.endswith(".pyc"))
sys.meta_path.remove(PluginFinder)

spec = bx.spec_from_file_location("beta_mod", f"{here}/plugins/beta.py")
print(spec.name, type(spec.loader).__name__, spec.origin.endswith("beta.py"),
      spec.submodule_search_locations, spec.cached.endswith(".pyc"))
mod = bs.module_from_spec(spec)
print(mod.__name__, hasattr(mod, "TWICE"), "beta_mod" in sys.modules)
spec.loader.exec_module(mod)
print(mod.TWICE(21), mod.__file__ == spec.origin)
print(bx.spec_from_file_location("x", "data.txt"))
pspec = bx.spec_from_file_location("plugins", f"{here}/plugins/__init__.py")
print(pspec.submodule_search_locations == [f"{here}/plugins"], pspec.parent)
s2 = bx.spec_from_file_location("y", f"{here}/plugins/beta.py", submodule_search_locations=[])
print(s2.submodule_search_locations == [f"{here}/plugins"])
print(bs.spec_from_loader("q", None), bs.spec_from_loader("q", machinery.BuiltinImporter))

print(bx.cache_from_source("/a/b/c.py").replace(sys.implementation.cache_tag, "TAG"))
print(bx.cache_from_source("/a/b/c.py", optimization=2).replace(sys.implementation.cache_tag, "TAG"))
print(bx.cache_from_source("/a/b/c.py", optimization="").replace(sys.implementation.cache_tag, "TAG"))
print(bx.source_from_cache(f"/a/b/__pycache__/c.{sys.implementation.cache_tag}.pyc"))
print(bx.source_from_cache(f"/a/b/__pycache__/c.{sys.implementation.cache_tag}.opt-1.pyc"))
for bad in ["/a/b/c.pyc", "/a/__pycache__/c.pyc", "/a/__pycache__/c.x.opt-?.pyc",
            "/a/__pycache__/c.a.b.c.d.pyc", "/a/__pycache__/c.a.nope.pyc"]:
    try:
        bx.source_from_cache(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    bx.cache_from_source("/a.py", optimization="-x")
except ValueError as e:
    print("ValueError", e)
print(repr(bx.decode_source(b"a = 1\r\nb = 2\rc = 3\n")))
print(repr(bx.decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n")))
print(repr(bx.decode_source(b"\xef\xbb\xbfx = 1\n")))
print(repr(bx.decode_source(b"#!/usr/bin/env python\n# vim: set fileencoding=utf-8 :\ny = 2\n")))
try:
    bx.decode_source(b"# coding: nonexistent-enc\n")
except SyntaxError as e:
    print("SyntaxError", e)

finder = machinery.FileFinder(f"{here}/plugins",
                              (machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES))
fs = finder.find_spec("beta")
print(fs.name, type(fs.loader).__name__, fs.origin.endswith("plugins/beta.py"))
ps = machinery.PathFinder.find_spec("beta", [f"{here}/plugins"])
print(ps.name, ps.origin == fs.origin, machinery.PathFinder.find_spec("nope_zz", [here]))
print(machinery.SourceFileLoader("beta", fs.origin).get_source("beta").splitlines()[0])
print(machinery.SourceFileLoader("beta", fs.origin).is_package("beta"))
print(machinery.ModuleSpec("m", None, origin="somewhere"))
print(machinery.BuiltinImporter.find_spec("sys").origin, machinery.BuiltinImporter.find_spec("_imp"))
print(importlib.import_module("_warnings").__spec__.origin)
