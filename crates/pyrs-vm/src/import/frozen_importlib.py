# _frozen_importlib for pyrs: the classes of CPython 3.11's Lib/importlib/_bootstrap.py
# that the import machinery hands to users (ModuleSpec, BuiltinImporter, FrozenImporter).
# The import algorithm itself (_find_and_load, _load_unlocked, _init_module_attrs) is
# native Rust (crates/pyrs-vm/src/import/); this module only defines the objects, with
# CPython's names, reprs and equality. `_pyrs_*` names are native helpers put in this
# module's namespace before it runs.


class ModuleSpec:
    """The specification for a module, used for loading."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(args)})'

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and
                    self.loader == other.loader and
                    self.origin == other.origin and
                    smsl == other.submodule_search_locations and
                    self.cached == other.cached and
                    self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            self._cached = _pyrs_get_cached(self.origin)
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        else:
            return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """Meta path import for built-in modules."""

    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        if _pyrs_is_builtin(fullname):
            return ModuleSpec(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        if not _pyrs_is_builtin(spec.name):
            raise ImportError(f'{spec.name!r} is not a built-in module')
        return _pyrs_builtin_module(spec.name)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def is_package(cls, fullname):
        return False


class FrozenImporter:
    """Meta path import for frozen modules."""

    _ORIGIN = "frozen"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return _pyrs_frozen_spec(fullname)

    @staticmethod
    def create_module(spec):
        """Set __file__, if able."""
        module = type(_pyrs_sys)(spec.name)
        filename = getattr(spec.loader_state, 'filename', None)
        if filename:
            module.__file__ = filename
        return module

    @staticmethod
    def exec_module(module):
        exec(_imp.get_frozen_object(module.__spec__.name), module.__dict__)

    @classmethod
    def is_package(cls, fullname):
        """Return True if the frozen module is a package."""
        return _imp.is_frozen_package(fullname)

    @classmethod
    def get_code(cls, fullname):
        """Return the code object for the frozen module."""
        cls._require(fullname)
        return _imp.get_frozen_object(fullname)

    @classmethod
    def get_source(cls, fullname):
        """Return None as frozen modules do not have source code."""
        cls._require(fullname)
        return None

    @staticmethod
    def _require(fullname):
        if not _imp.is_frozen(fullname):
            raise ImportError(f'{fullname!r} is not a frozen module', name=fullname)


def module_from_spec(spec):
    """Create a module based on the provided spec (importlib.util.module_from_spec)."""
    return _pyrs_module_from_spec(spec)


def __getattr__(name):
    """PEP 562: the rest of this module (frozen_importlib_rest.py: what importlib's public
    modules take from `_bootstrap`) is compiled on first use, keeping startup fast."""
    if name in ('__path__', '__all__', '__file__'):
        # What the import statement probes (`__path__` for `from M import x`) is none
        # of the rest's: no reason to load it.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _pyrs_load_rest()
    try:
        return globals()[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
