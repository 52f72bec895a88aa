# The rest of _frozen_importlib (frozen_importlib.py), run in that module's namespace
# the first time a name missing there is looked up (its module __getattr__): the
# functions importlib's public modules take from `_bootstrap`.


_pyrs_builtin_import = __import__
# `_bootstrap_external` is set by the native bootstrap once the external module has run;
# `_imp` and `_warnings` are put in this namespace before it runs (CPython's `_setup`).


def _object_name(obj):
    try:
        return obj.__qualname__
    except AttributeError:
        return type(obj).__qualname__


def _wrap(new, old):
    """Simple substitute for functools.update_wrapper."""
    for replace in ['__module__', '__name__', '__qualname__', '__doc__']:
        if hasattr(old, replace):
            setattr(new, replace, getattr(old, replace))
    new.__dict__.update(old.__dict__)


def _call_with_frames_removed(f, *args, **kwds):
    return f(*args, **kwds)


def _verbose_message(message, *args, verbosity=1):
    """Print the message to stderr if -v/PYTHONVERBOSE is turned on."""
    if _pyrs_sys.flags.verbose >= verbosity:
        if not message.startswith(('#', 'import ')):
            message = '# ' + message
        print(message.format(*args), file=_pyrs_sys.stderr)


class _ModuleLockManager:
    """The per-module import lock. pyrs runs one thread, so no other importer can hold a
    module's lock: entering and leaving have nothing to wait for."""

    def __init__(self, name):
        self._name = name

    def __enter__(self):
        pass

    def __exit__(self, *args, **kwargs):
        pass


def _lock_unlock_module(name):
    """Acquires then releases the module lock for a given module name (with one thread,
    it is never held by another importer)."""


def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name}' if name else base


def _find_spec(name, path, target=None):
    """Find a module's spec (sys.meta_path's finders, in order)."""
    return _pyrs_find_spec(name, path, target)


def _sanity_check(name, package, level):
    """Verify arguments are "sane"."""
    if not isinstance(name, str):
        raise TypeError(f'module name must be str, not {type(name)}')
    if level < 0:
        raise ValueError('level must be >= 0')
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        elif not package:
            raise ImportError('attempted relative import with no known parent package')
    if not name and level == 0:
        raise ValueError('Empty module name')


def _find_and_load(name, import_=None):
    """Find and load the module (sys.modules first)."""
    return _pyrs_find_and_load(name)


def _gcd_import(name, package=None, level=0):
    """Import and return the module based on its name, the package the call is
    being made from, and the level adjustment."""
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _find_and_load(name, _gcd_import)


def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """Import a module (the same algorithm as builtins.__import__)."""
    return _pyrs_builtin_import(name, globals, locals, fromlist, level)


def _init_module_attrs(spec, module, *, override=False):
    _pyrs_init_module_attrs(spec, module, override)
    return module


def _load(spec):
    """Return a new module object, loaded by the spec's loader."""
    return _pyrs_load(spec)


def _exec(spec, module):
    """Execute the spec's specified module in an existing module's namespace."""
    name = spec.name
    with _ModuleLockManager(name):
        if _pyrs_sys.modules.get(name) is not module:
            msg = f'module {name!r} not in sys.modules'
            raise ImportError(msg, name=name)
        try:
            if spec.loader is None:
                if spec.submodule_search_locations is None:
                    raise ImportError('missing loader', name=spec.name)
                # Namespace package.
                _init_module_attrs(spec, module, override=True)
            else:
                _init_module_attrs(spec, module, override=True)
                if not hasattr(spec.loader, 'exec_module'):
                    msg = (f"{_object_name(spec.loader)}.exec_module() not found; "
                           "falling back to load_module()")
                    import _warnings
                    _warnings.warn(msg, ImportWarning)
                    spec.loader.load_module(name)
                else:
                    spec.loader.exec_module(module)
        finally:
            # Update the order of insertion into sys.modules for module clean-up at
            # shutdown.
            module = _pyrs_sys.modules.pop(spec.name)
            _pyrs_sys.modules[spec.name] = module
    return module


def _load_module_shim(self, fullname):
    """Load the specified module into sys.modules and return it (the deprecated
    load_module() API)."""
    msg = ("the load_module() method is deprecated and slated for removal in "
           "Python 3.12; use exec_module() instead")
    import _warnings
    _warnings.warn(msg, DeprecationWarning)
    spec = spec_from_loader(fullname, self)
    if fullname in _pyrs_sys.modules:
        module = _pyrs_sys.modules[fullname]
        _exec(spec, module)
        return _pyrs_sys.modules[fullname]
    else:
        return _load(spec)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """Return a module spec based on various loader methods."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)

    if not origin and hasattr(loader, 'get_filename'):
        spec_from_file_location = _bootstrap_external.spec_from_file_location
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=search)

    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None  # aka, undefined
        else:
            # the default
            is_package = False

    return ModuleSpec(name, loader, origin=origin, is_package=is_package)
