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


def _fix_up_module(ns, name, pathname, cpathname=None):
    # This function is used by PyImport_ExecCodeModuleObject().
    loader = ns.get('__loader__')
    spec = ns.get('__spec__')
    if not loader:
        if spec:
            loader = spec.loader
        elif pathname == cpathname:
            loader = SourcelessFileLoader(name, pathname)
        else:
            loader = SourceFileLoader(name, pathname)
    if not spec:
        spec = spec_from_file_location(name, pathname, loader=loader)
    try:
        ns['__spec__'] = spec
        ns['__loader__'] = loader
        ns['__file__'] = pathname
        ns['__cached__'] = cpathname
    except Exception:
        # Not important enough to report.
        pass


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

    # __eq__ and __hash__ are FileLoader's.

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


def _classify_pyc(data, name, exc_details):
    """Perform basic validity checking of a pyc header and return the flags field,
    which determines how the pyc should be further validated against the source."""
    magic = data[:4]
    if magic != MAGIC_NUMBER:
        message = f'bad magic number in {name!r}: {magic!r}'
        _bootstrap._verbose_message('{}', message)
        raise ImportError(message, **exc_details)
    if len(data) < 16:
        message = f'reached EOF while reading pyc header of {name!r}'
        _bootstrap._verbose_message('{}', message)
        raise EOFError(message)
    flags = _unpack_uint32(data[4:8])
    # Only the first two flags are defined.
    if flags & ~0b11:
        message = f'invalid flags {flags!r} in {name!r}'
        raise ImportError(message, **exc_details)
    return flags


def _validate_timestamp_pyc(data, source_mtime, source_size, name,
                            exc_details):
    """Validate a pyc against the source last-modified time."""
    if _unpack_uint32(data[8:12]) != (source_mtime & 0xFFFFFFFF):
        message = f'bytecode is stale for {name!r}'
        _bootstrap._verbose_message('{}', message)
        raise ImportError(message, **exc_details)
    if (source_size is not None and
        _unpack_uint32(data[12:16]) != (source_size & 0xFFFFFFFF)):
        raise ImportError(f'bytecode is stale for {name!r}', **exc_details)


def _validate_hash_pyc(data, source_hash, name, exc_details):
    """Validate a hash-based pyc by checking the real source hash against the one in
    the pyc header."""
    if data[8:16] != source_hash:
        raise ImportError(
            f'hash in bytecode doesn\'t match hash of source {name!r}',
            **exc_details,
        )


def _compile_bytecode(data, name=None, bytecode_path=None, source_path=None):
    """Compile bytecode as found in a pyc (marshal.loads, then _fix_co_filename)."""
    code = _pyrs_loads_code(bytes(data), bytecode_path, source_path)
    if code is None:
        raise ImportError('Non-code object in {!r}'.format(bytecode_path),
                          name=name, path=bytecode_path)
    _bootstrap._verbose_message('code object from {!r}', bytecode_path)
    return code


def _pyrs_timestamp_pyc(body, mtime=0, source_size=0):
    "Produce the data for a timestamp-based pyc (the marshalled code is `body`)."
    data = bytearray(MAGIC_NUMBER)
    data.extend(_pack_uint32(0))
    data.extend(_pack_uint32(mtime))
    data.extend(_pack_uint32(source_size))
    data.extend(body)
    return data


def _pyrs_hash_pyc(body, source_hash, checked=True):
    "Produce the data for a hash-based pyc (the marshalled code is `body`)."
    data = bytearray(MAGIC_NUMBER)
    flags = 0b1 | checked << 1
    data.extend(_pack_uint32(flags))
    assert len(source_hash) == 8
    data.extend(source_hash)
    data.extend(body)
    return data


class _SourceLoaderMethods:
    """SourceLoader's methods (the class itself is in the module's core, as
    SourceFileLoader's base; these are put on it when this rest runs): get_code with
    the bytecode cache over a subclass's get_data/path_stats/set_data."""

    def path_mtime(self, path):
        """Optional method that returns the modification time (an int) for the
        specified path (a str).

        Raises OSError when the path cannot be handled.
        """
        raise OSError

    def path_stats(self, path):
        """Optional method returning a metadata dict for the specified
        path (a str).

        Possible keys:
        - 'mtime' (mandatory) is the numeric timestamp of last source
          code modification;
        - 'size' (optional) is the size in bytes of the source code.

        Implementing this method allows the loader to read bytecode files.
        Raises OSError when the path cannot be handled.
        """
        return {'mtime': self.path_mtime(path)}

    def _cache_bytecode(self, source_path, cache_path, data):
        """Optional method which writes data (bytes) to a file path (a str).

        Implementing this method allows for the writing of bytecode files.

        The source path is needed in order to correctly transfer permissions
        """
        # For backwards compatibility, we delegate to set_data()
        return self.set_data(cache_path, data)

    def set_data(self, path, data):
        """Optional method which writes data (bytes) to a file path (a str).

        Implementing this method allows for the writing of bytecode files.
        """

    def get_source(self, fullname):
        """Concrete implementation of InspectLoader.get_source."""
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        """Return the code object compiled from source.

        The 'data' argument can be any object type that compile() supports.
        """
        return _pyrs_compile(data, path, _optimize)

    def get_code(self, fullname):
        """Concrete implementation of InspectLoader.get_code.

        Reading of bytecode requires path_stats to be implemented. To write
        bytecode, set_data must also be implemented.

        """
        source_path = self.get_filename(fullname)
        source_mtime = None
        source_bytes = None
        source_hash = None
        hash_based = False
        check_source = True
        try:
            bytecode_path = cache_from_source(source_path)
        except NotImplementedError:
            bytecode_path = None
        else:
            try:
                st = self.path_stats(source_path)
            except OSError:
                pass
            else:
                source_mtime = int(st['mtime'])
                try:
                    data = self.get_data(bytecode_path)
                except OSError:
                    pass
                else:
                    exc_details = {
                        'name': fullname,
                        'path': bytecode_path,
                    }
                    try:
                        flags = _classify_pyc(data, fullname, exc_details)
                        bytes_data = memoryview(data)[16:]
                        hash_based = flags & 0b1 != 0
                        if hash_based:
                            check_source = flags & 0b10 != 0
                            if (_imp.check_hash_based_pycs != 'never' and
                                (check_source or
                                 _imp.check_hash_based_pycs == 'always')):
                                source_bytes = self.get_data(source_path)
                                source_hash = _imp.source_hash(
                                    _RAW_MAGIC_NUMBER,
                                    source_bytes,
                                )
                                _validate_hash_pyc(data, source_hash, fullname,
                                                   exc_details)
                        else:
                            _validate_timestamp_pyc(
                                data,
                                source_mtime,
                                st['size'],
                                fullname,
                                exc_details,
                            )
                    except (ImportError, EOFError):
                        pass
                    else:
                        _bootstrap._verbose_message('{} matches {}', bytecode_path,
                                                    source_path)
                        return _compile_bytecode(bytes_data, name=fullname,
                                                 bytecode_path=bytecode_path,
                                                 source_path=source_path)
        if source_bytes is None:
            source_bytes = self.get_data(source_path)
        # pyrs cannot marshal a code object once made: the marshalled form for the
        # cache comes with the compilation, so a subclass's own source_to_code gets
        # no cache written.
        body = None
        if getattr(type(self).source_to_code, '__func__', type(self).source_to_code) \
                is _SourceLoaderMethods.source_to_code:
            code_object, body = _pyrs_compile_with_body(source_bytes, source_path)
        else:
            code_object = self.source_to_code(source_bytes, source_path)
        _bootstrap._verbose_message('code object from {}', source_path)
        if (not _pyrs_sys.dont_write_bytecode and bytecode_path is not None and
                source_mtime is not None and body is not None):
            if hash_based:
                if source_hash is None:
                    source_hash = _imp.source_hash(source_bytes)
                data = _pyrs_hash_pyc(body, source_hash, check_source)
            else:
                data = _pyrs_timestamp_pyc(body, source_mtime,
                                           len(source_bytes))
            try:
                self._cache_bytecode(source_path, bytecode_path, data)
            except NotImplementedError:
                pass
        return code_object


for _name in ('path_mtime', 'path_stats', '_cache_bytecode', 'set_data', 'get_source',
              'source_to_code', 'get_code'):
    _method = getattr(_SourceLoaderMethods, _name)
    _method.__qualname__ = 'SourceLoader.' + _name
    setattr(SourceLoader, _name, _method)
del _name, _method


def _calc_mode(path):
    """Calculate the mode permissions for a bytecode file."""
    try:
        mode = _pyrs_path_stats(path)['mode']
    except OSError:
        mode = 0o666
    # We always ensure write access so we can update cached files
    # later even when the source files are read-only on Windows (#6074).
    mode |= 0o200
    return mode


def _sfl_cache_bytecode(self, source_path, bytecode_path, data):
    # Adapt between the two APIs
    mode = _calc_mode(source_path)
    return self.set_data(bytecode_path, data, _mode=mode)


def _sfl_set_data(self, path, data, *, _mode=0o666):
    """Write bytes data to a file (missing directories created, written atomically);
    a failure means no file, reported by -v only."""
    failed = _pyrs_set_data(path, bytes(data), _mode & 0o666)
    if failed is None:
        _bootstrap._verbose_message('created {!r}', path)
    else:
        _bootstrap._verbose_message('could not create {!r}: {}', *failed)


_sfl_cache_bytecode.__qualname__ = 'SourceFileLoader._cache_bytecode'
_sfl_cache_bytecode.__name__ = '_cache_bytecode'
_sfl_set_data.__qualname__ = 'SourceFileLoader.set_data'
_sfl_set_data.__name__ = 'set_data'
SourceFileLoader._cache_bytecode = _sfl_cache_bytecode
SourceFileLoader.set_data = _sfl_set_data
del _sfl_cache_bytecode, _sfl_set_data
