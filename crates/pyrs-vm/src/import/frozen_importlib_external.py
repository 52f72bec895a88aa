# _frozen_importlib_external for pyrs: the path-based finders and file loaders of
# CPython 3.11's Lib/importlib/_bootstrap_external.py, as objects users see and call
# (`__loader__`, `__spec__.loader`, `sys.meta_path`, `sys.path_hooks`), and the functions
# importlib's public modules take from it. Finding files, the bytecode cache and executing
# code are native (`_pyrs_*` helpers, put in this module's namespace before it runs; see
# crates/pyrs-vm/src/import/); the small pure algorithms are CPython's.

# `_imp`, `_warnings`, `_bootstrap` (the _frozen_importlib module) and `ModuleSpec` are
# put in this namespace by the native bootstrap, as CPython's `_setup` injects them.

path_separators = '/'
path_sep = '/'
_pathseps_with_colon = {f':{s}' for s in path_separators}

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
# Deprecated.
DEBUG_BYTECODE_SUFFIXES = OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = _imp.extension_suffixes()

def _path_split(path):
    """Replacement for os.path.split()."""
    i = max(path.rfind(p) for p in path_separators)
    if i < 0:
        return '', path
    return path[:i], path[i + 1:]


# What zipimport's `zipimporter(path)` uses (every new sys.path entry reaches it through
# sys.path_hooks), here rather than in the rest so that it does not load the rest.
def _path_join(*path_parts):
    """Join path components."""
    return path_sep.join([part.rstrip(path_separators)
                          for part in path_parts if part])


_os = None  # CPython's `_os` (the builtin posix module), made when first needed


def _path_stat(path):
    """Stat the path.

    Made a separate function to make it easier to override in experiments
    (e.g. cache stat results).

    """
    global _os
    if _os is None:
        # Not an import statement: sys.meta_path must not see it (CPython has `_os` from
        # the start); posix's init is not cheap, so not at startup either.
        _os = (_pyrs_sys.modules.get('posix')
               or _bootstrap._pyrs_builtin_module('posix'))
    return _os.stat(path)


def _unpack_uint32(data):
    """Convert 4 bytes in little-endian to an integer."""
    assert len(data) == 4
    return int.from_bytes(data, 'little')


def _unpack_uint16(data):
    """Convert 2 bytes in little-endian to an integer."""
    assert len(data) == 2
    return int.from_bytes(data, 'little')


class _LoaderBasics:
    """Base class of common code needed by both SourceLoader and
    SourcelessFileLoader."""

    def is_package(self, fullname):
        """Concrete implementation of InspectLoader.is_package by checking if
        the path returned by get_filename has a filename of '__init__.py'."""
        filename = _path_split(self.get_filename(fullname))[1]
        filename_base = filename.rsplit('.', 1)[0]
        tail_name = fullname.rpartition('.')[2]
        return filename_base == '__init__' and tail_name != '__init__'

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        """Execute the module."""
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError('cannot load module {!r} when get_code() '
                              'returns None'.format(module.__name__))
        exec(code, module.__dict__)

    def load_module(self, fullname):
        """This method is deprecated."""
        return _bootstrap._load_module_shim(self, fullname)


class SourceLoader(_LoaderBasics):
    """Base of the source loaders (importlib.abc.SourceLoader builds on it): its methods
    come with the module's rest (frozen_importlib_external_rest.py), run at the latest
    when a class outside this module subclasses it."""

    def __init_subclass__(cls, **kwargs):
        if cls.__module__ != '_frozen_importlib_external':
            _pyrs_load_rest()
        super().__init_subclass__(**kwargs)


class FileLoader:
    """Base file loader class which implements the loader protocol methods that
    require file system usage."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and
                self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, fullname=None):
        return self.path

    def get_data(self, path):
        return _pyrs_read_bytes(path)

    def is_package(self, fullname):
        filename = self.get_filename(fullname).rpartition('/')[2]
        filename_base = filename.rsplit('.', 1)[0]
        tail_name = fullname.rpartition('.')[2]
        return filename_base == '__init__' and tail_name != '__init__'

    def create_module(self, spec):
        return None

    def load_module(self, fullname):
        return _pyrs_load_module(self, fullname)


class SourceFileLoader(FileLoader, SourceLoader):
    """Concrete implementation of SourceLoader using the file system."""

    def path_stats(self, path):
        return _pyrs_path_stats(path)

    def get_code(self, fullname):
        return _pyrs_get_code(self, fullname, True)

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return __getattr__('decode_source')(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        return _pyrs_compile(data, path, _optimize)

    def exec_module(self, module):
        _pyrs_exec_module(self, module, True)


class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """Loader which handles sourceless file imports."""

    def get_code(self, fullname):
        return _pyrs_get_code(self, fullname, False)

    def get_source(self, fullname):
        return None

    def exec_module(self, module):
        _pyrs_exec_module(self, module, False)


class _NamespacePath:
    """The __path__ of a namespace package: a list of its portions."""

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path
        self._path_finder = path_finder

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __repr__(self):
        return f'_NamespacePath({self._path!r})'

    def __contains__(self, item):
        return item in self._path

    def append(self, item):
        self._path.append(item)


class NamespaceLoader:
    def __init__(self, name, path, path_finder):
        self._path = _NamespacePath(name, path, path_finder)

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return _pyrs_compile(b'', '<string>', -1)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass

    def load_module(self, fullname):
        return _pyrs_load_module(self, fullname)


class PathFinder:
    """Meta path finder for sys.path and package __path__ attributes."""

    @staticmethod
    def invalidate_caches():
        for name, finder in list(_pyrs_sys.path_importer_cache.items()):
            if finder is None:
                del _pyrs_sys.path_importer_cache[name]
            elif hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return _pyrs_path_find_spec(fullname, path)

    @staticmethod
    def find_distributions(*args, **kwargs):
        raise ImportError('importlib.metadata is not available in pyrs yet')


class FileFinder:
    """File-based finder: looks in one directory for packages, .py and .pyc files."""

    def __init__(self, path, *loader_details):
        if not path or path == '.':
            self.path = _pyrs_getcwd()
        elif not path.startswith('/'):
            self.path = _pyrs_getcwd() + '/' + path
        else:
            self.path = path
        self._loaders = loader_details

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        return _pyrs_file_find_spec(self.path, fullname)

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            if not _pyrs_isdir(path):
                raise ImportError('only directories are supported')
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return f'FileFinder({self.path!r})'


_pyrs_file_hook = FileFinder.path_hook(
    (SourceFileLoader, SOURCE_SUFFIXES), (SourcelessFileLoader, BYTECODE_SUFFIXES))


def __getattr__(name):
    """PEP 562: the rest of this module (frozen_importlib_external_rest.py: what
    importlib's public modules take from `_bootstrap_external`) is compiled on first use,
    keeping startup fast."""
    if name in ('__path__', '__all__', '__file__'):
        # What the import statement probes (`__path__` for `from M import x`) is none
        # of the rest's: no reason to load it.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _pyrs_load_rest()
    try:
        return globals()[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
