# The rest of _frozen_importlib_external (frozen_importlib_external.py), run in that
# module's namespace the first time a name missing there is looked up (its module
# __getattr__): what importlib's public modules take from `_bootstrap_external`.


MAGIC_NUMBER = (3495).to_bytes(2, 'little') + b'\r\n'
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')  # For import.c

_PYCACHE = '__pycache__'
_OPT = 'opt-'


def _fspath(path):
    """os.fspath: a str or bytes, or what __fspath__ returns."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(path_type.__name__, type(path_repr).__name__))


def cache_from_source(path, debug_override=None, *, optimization=None):
    """Given the path to a .py file, return the path to its .pyc file."""
    if debug_override is not None:
        _warnings.warn('the debug_override parameter is deprecated; use '
                       "'optimization' instead", DeprecationWarning)
        if optimization is not None:
            message = 'debug_override or optimization must be set to None'
            raise TypeError(message)
        optimization = '' if debug_override else 1
    return _pyrs_cache_from_source(_fspath(path), optimization)


def _pack_uint32(x):
    """Convert a 32-bit integer to little-endian."""
    return (int(x) & 0xFFFFFFFF).to_bytes(4, 'little')


def _unpack_uint32(data):
    """Convert 4 bytes in little-endian to an integer."""
    assert len(data) == 4
    return int.from_bytes(data, 'little')


def _unpack_uint16(data):
    """Convert 2 bytes in little-endian to an integer."""
    assert len(data) == 2
    return int.from_bytes(data, 'little')


def _path_join(*path_parts):
    """Join path components."""
    return path_sep.join([part.rstrip(path_separators)
                          for part in path_parts if part])


def _path_isabs(path):
    """Is path absolute?"""
    return path.startswith(path_separators)


def _path_abspath(path):
    """Replacement for os.path.abspath."""
    if not _path_isabs(path):
        for sep in path_separators:
            path = path.removeprefix(f".{sep}")
        return _path_join(_pyrs_getcwd(), path)
    else:
        return path


def source_from_cache(path):
    """Given the path to a .pyc. file, return the path to its .py file."""
    if _pyrs_sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    path = _fspath(path)
    head, pycache_filename = _path_split(path)
    found_in_pycache_prefix = False
    if _pyrs_sys.pycache_prefix is not None:
        stripped_path = _pyrs_sys.pycache_prefix.rstrip(path_separators)
        if head.startswith(stripped_path + path_sep):
            head = head[len(stripped_path):]
            found_in_pycache_prefix = True
    if not found_in_pycache_prefix:
        head, pycache = _path_split(head)
        if pycache != _PYCACHE:
            raise ValueError(f'{_PYCACHE} not bottom-level directory in '
                             f'{path!r}')
    dot_count = pycache_filename.count('.')
    if dot_count not in {2, 3}:
        raise ValueError(f'expected only 2 or 3 dots in {pycache_filename!r}')
    elif dot_count == 3:
        optimization = pycache_filename.rsplit('.', 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError("optimization portion of filename does not start "
                             f"with {_OPT!r}")
        opt_level = optimization[len(_OPT):]
        if not opt_level.isalnum():
            raise ValueError(f"optimization level {optimization!r} is not an "
                             "alphanumeric value")
    base_filename = pycache_filename.partition('.')[0]
    return _path_join(head, base_filename + SOURCE_SUFFIXES[0])


def _get_cached(filename):
    if filename.endswith(tuple(SOURCE_SUFFIXES)):
        try:
            return cache_from_source(filename)
        except NotImplementedError:
            pass
    elif filename.endswith(tuple(BYTECODE_SUFFIXES)):
        return filename
    else:
        return None


def _get_normal_name(orig_enc):
    """tokenize's normalisation of an encoding name."""
    enc = orig_enc[:12].lower().replace("_", "-")
    if enc == "utf-8" or enc.startswith("utf-8-"):
        return "utf-8"
    if enc in ("latin-1", "iso-8859-1", "iso-latin-1") or \
       enc.startswith(("latin-1-", "iso-8859-1-", "iso-latin-1-")):
        return "iso-8859-1"
    return orig_enc


def _find_cookie(line):
    """The PEP 263 encoding declared on one line (tokenize's cookie_re), or None."""
    stripped = line.lstrip(b' \t\f')
    if not stripped.startswith(b'#'):
        return None
    start = 0
    while True:
        i = stripped.find(b'coding', start)
        if i < 0:
            return None
        j = i + 6
        if j < len(stripped) and stripped[j] in b':=':
            j += 1
            while j < len(stripped) and stripped[j] in b' \t':
                j += 1
            k = j
            while k < len(stripped) and (chr(stripped[k]).isalnum() and stripped[k] < 128
                                         or stripped[k] in b'-_.'):
                k += 1
            if k > j:
                return stripped[j:k].decode('ascii')
        start = i + 1


def _detect_encoding(source_bytes):
    """tokenize.detect_encoding of a whole source: (encoding, bom)."""
    bom = source_bytes.startswith(b'\xef\xbb\xbf')
    if bom:
        source_bytes = source_bytes[3:]
    default = 'utf-8'
    lines = source_bytes.splitlines(True)[:2]
    for n, line in enumerate(lines):
        try:
            line.decode('utf-8')
        except UnicodeDecodeError:
            raise SyntaxError('invalid or missing encoding declaration') from None
        cookie = _find_cookie(line)
        if cookie is not None:
            encoding = _get_normal_name(cookie)
            try:
                b''.decode(encoding)
            except LookupError:
                raise SyntaxError('unknown encoding: ' + cookie) from None
            if bom and encoding != 'utf-8':
                raise SyntaxError('encoding problem: utf-8')
            return encoding, bom
        if n == 0 and line.lstrip(b' \t\f')[:1] not in (b'', b'#', b'\r', b'\n'):
            break
    return default, bom


def decode_source(source_bytes):
    """Decode bytes representing source code and return the string.

    Universal newline support is used in the decoding.
    """
    encoding, bom = _detect_encoding(source_bytes)
    if bom:
        source_bytes = source_bytes[3:]
    text = source_bytes.decode(encoding)
    return text.replace('\r\n', '\n').replace('\r', '\n')


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """Return a module spec based on a file location."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            # ExecutionLoader
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = _fspath(location)
        try:
            location = _path_abspath(location)
        except OSError:
            pass

    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True

    # Pick a loader if one wasn't provided.
    if loader is None:
        for loader_class, suffixes in _get_supported_file_loaders():
            if location.endswith(tuple(suffixes)):
                loader = loader_class(name, location)
                spec.loader = loader
                break
        else:
            return None

    # Set submodule_search_paths appropriately.
    if submodule_search_locations is _POPULATE:
        # Check the loader.
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            dirname = _path_split(location)[0]
            spec.submodule_search_locations.append(dirname)

    return spec


class WindowsRegistryFinder:
    """Meta path finder for modules declared in the Windows registry (Windows only: it
    has no finding methods on this platform)."""


class ExtensionFileLoader(FileLoader, _LoaderBasics):
    """Loader for extension modules (pyrs runs no C extensions: create_module raises
    ImportError, and EXTENSION_SUFFIXES is empty so no finder makes one)."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and
                self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def create_module(self, spec):
        """Create an uninitialized extension module"""
        return _imp.create_dynamic(spec)

    def exec_module(self, module):
        """Initialize an extension module"""
        _imp.exec_dynamic(module)

    def is_package(self, fullname):
        """Return True if the extension module is a package."""
        file_name = _path_split(self.path)[1]
        return any(file_name == '__init__' + suffix
                   for suffix in EXTENSION_SUFFIXES)

    def get_code(self, fullname):
        """Return None as an extension module cannot create a code object."""
        return None

    def get_source(self, fullname):
        """Return None as extension modules have no source code."""
        return None

    def get_filename(self, fullname):
        """Return the path to the source file as found by the finder."""
        return self.path


def _get_supported_file_loaders():
    """Returns a list of file-based module loaders: (loader, suffixes) pairs."""
    extensions = ExtensionFileLoader, _imp.extension_suffixes()
    source = SourceFileLoader, SOURCE_SUFFIXES
    bytecode = SourcelessFileLoader, BYTECODE_SUFFIXES
    return [extensions, source, bytecode]


def _set_bootstrap_module(_bootstrap_module):
    global _bootstrap
    _bootstrap = _bootstrap_module
