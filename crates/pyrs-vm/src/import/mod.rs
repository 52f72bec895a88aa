//! The import system (CPython: `PyImport_ImportModuleLevelObject` and `import_from` /
//! `import_all_from` in `Python/import.c`, `Python/ceval.c`; `_find_and_load`,
//! `_load_unlocked`, `_handle_fromlist` in `Lib/importlib/_bootstrap.py`).
//!
//! `import_module_level` is `__import__`: resolve a relative name against the importing
//! module's `__package__` (or `__name__`/`__path__`), return the module from `sys.modules`
//! or find it on `sys.path` / the parent package's `__path__` (`finder.rs`), create the
//! module, put it in `sys.modules` *before* its body runs (so circular imports see the
//! partly initialised module), and run its code, taken from the bytecode cache when the
//! cache is valid (`cache.rs`). Source is compiled through the interpreter's compile hook:
//! the VM does not depend on the compiler crates; the `pyrs` binary installs the hook.

pub mod bootstrap;
pub mod cache;
pub mod finder;
pub mod frozen;
pub mod get_code;
pub mod getpath;
pub mod loader;
pub mod main;
pub mod module_repr;
pub mod unmarshal;

use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyErr, PyResult, Vm};
use pyrs_bytecode::CodeObject;

/// `v is None`, for the import code's many optional attributes.
pub(crate) trait IsNone {
    fn is_none(&self) -> bool;
}

impl IsNone for Value {
    fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
}

/// A failed compilation of imported source: the exception to raise.
#[derive(Clone, Debug)]
pub struct CompileFailure {
    /// The builtin exception type's name (`SyntaxError`, `IndentationError`, ...).
    pub type_name: String,
    /// Its message.
    pub msg: String,
    /// `(filename, lineno, offset, text, end_lineno, end_offset)` for syntax errors
    /// (`text` None when the line is unknown, as CPython's for a string's compile error).
    pub details: Option<(String, i64, i64, Option<String>, i64, i64)>,
}

/// What the compile hook parses: `compile()`'s mode, and whether the source came as a
/// `str` (then it is UTF-8, any coding cookie is ignored and error columns count
/// characters, as CPython's `PyCF_IGNORE_COOKIE`) or as bytes (decoded like a file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// `'exec'`: a module.
    Exec { str_source: bool },
    /// `'eval'`: one expression.
    Eval { str_source: bool },
    /// `'single'`: one interactive statement.
    Single { str_source: bool },
}

/// Compile source bytes (the file's path as `co_filename`, the optimization level 0-2 of
/// `-O`/`-OO`, the mode) to a code object. Imports use `CompileMode::Exec` with bytes.
pub type CompileHook =
    Box<dyn Fn(&[u8], &str, u32, CompileMode) -> Result<CodeObject, CompileFailure> + Send>;

/// `--check-hash-based-pycs` (CPython's `_imp.check_hash_based_pycs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CheckHashPycs {
    /// Checked hash-based pycs are validated, unchecked ones trusted.
    #[default]
    Default,
    /// Every hash-based pyc is validated against its source.
    Always,
    /// No hash-based pyc is validated.
    Never,
}

/// The command line's settings that the import system reads.
#[derive(Clone, Debug, Default)]
pub struct ImportConfig {
    /// `-v` (count): `python3 -v`'s messages about each import and the cache.
    pub verbose: u32,
    /// `-X importtime`: CPython's table of import times on stderr.
    pub importtime: bool,
    /// `-O` / `-OO`: the optimization level (the `.opt-N.pyc` cache names).
    pub optimize: u32,
    /// `--check-hash-based-pycs`.
    pub check_hash_based_pycs: CheckHashPycs,
}

/// The import system's interpreter state.
#[derive(Default)]
pub struct ImportState {
    /// Compiles the source of imported modules (set by the `pyrs` binary).
    pub compile: Option<CompileHook>,
    /// Modules whose body is running (CPython: `__spec__._initializing`).
    pub initializing: Vec<PyRef>,
    /// The original `builtins.__import__` (IMPORT_NAME calls a replacement if set).
    pub import_func: Option<Value>,
    /// The command line's import settings.
    pub config: ImportConfig,
    /// The classes of `_frozen_importlib` / `_frozen_importlib_external`.
    pub boot: Option<bootstrap::Boot>,
    /// `-X importtime`: whether the header was printed, the nesting level and the time
    /// (microseconds) spent in nested imports (CPython's `import_find_and_load` statics).
    pub importtime_header: bool,
    pub import_level: usize,
    pub accumulated: std::time::Duration,
    /// Depth of the (reentrant) import lock held through `_imp.acquire_lock`.
    pub lock_depth: usize,
    /// The warnings filters, once-registry and default action (`modules/_warnings.rs`):
    /// interpreter-wide, as CPython's `WarningsState`.
    pub warnings: crate::modules::_warnings::State,
}

pub(crate) fn text(v: &Value) -> Option<String> {
    v.as_str().map(|s| s.as_rust().into_owned())
}

pub(crate) fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let n = vm.intern(name);
    let d = vm.sys_dict.clone();
    let h = crate::object::attr::hash_of(vm, &n);
    crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&n), h)
}

pub(crate) fn set_sys_attr(vm: &mut Vm, name: &str, v: Value) {
    let n = vm.intern(name);
    let d = vm.sys_dict.clone();
    crate::types::dict::dict_set_str(vm, &d, &n, v);
}

fn modules(vm: &mut Vm) -> PyResult<PyRef> {
    match sys_attr(vm, "modules") {
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => Ok(d),
        _ => Err(vm.runtime_error("unable to get sys.modules")),
    }
}

pub(crate) fn modules_get(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = modules(vm)?;
    let k = vm.new_str(name);
    crate::types::dict::get_item(vm, &m, &k)
}

pub(crate) fn modules_set(vm: &mut Vm, name: &str, v: Value) -> PyResult<()> {
    let m = modules(vm)?;
    let k = vm.new_str(name);
    crate::types::dict::set_item(vm, &m, k, v)
}

pub(crate) fn modules_del(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = modules(vm)?;
    let k = vm.new_str(name);
    crate::types::dict::del_item(vm, &m, &k)
}

pub(crate) fn getattr_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    match crate::object::attr::getattr_opt(vm, obj, &n)? {
        Some(v) => Ok(Some(v)),
        None => {
            // Fall back to the full protocol (`__getattr__`), AttributeError = absent.
            match crate::object::attr::getattr(vm, obj, &n) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => Ok(None),
                Err(e) => Err(e),
            }
        }
    }
}

/// `ModuleNotFoundError(msg, name=name)`, as importlib raises it.
pub(crate) fn module_not_found(vm: &mut Vm, msg: String, name: &str) -> PyErr {
    let t = vm.types.module_not_found_error.clone();
    let e = vm.new_error(&t, msg);
    let n = vm.new_str(name);
    crate::types::exceptions::set_member(&e.0, "name", n);
    e
}

pub(crate) fn dict_set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
    let n = vm.intern(name);
    crate::types::dict::dict_set_str(vm, d, &n, v);
}

/// A new module object around a fresh dict with `__name__`, `__doc__`, `__package__`,
/// `__loader__` and `__spec__` (CPython's `module_init_dict`).
pub fn new_module(vm: &mut Vm, name: &str) -> (PyRef, PyRef) {
    let d = vm.new_dict_ref();
    let n = vm.new_str(name);
    dict_set(vm, &d, "__name__", n);
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        dict_set(vm, &d, k, Value::None);
    }
    let ty = vm.types.module.clone();
    (vm.alloc(&ty, Payload::Module(d.clone())), d)
}

/// Startup: `sys.modules` gets `sys`, `builtins` and `__main__`; `sys.path`,
/// `sys.dont_write_bytecode` and the compile hook are set.
pub fn setup(
    vm: &mut Vm,
    main_globals: &PyRef,
    path: &[String],
    dont_write_bytecode: bool,
    compile: Option<CompileHook>,
) {
    vm.interp.import.compile = compile;
    let b = vm.builtins.clone();
    let imp = vm.intern("__import__");
    let h = crate::object::attr::hash_of(vm, &imp);
    vm.interp.import.import_func =
        crate::types::dict::dict_get_str(&b, crate::object::attr::pystr(&imp), h);
    let items = path.iter().map(|p| vm.new_str(p)).collect();
    let l = vm.new_list(items);
    set_sys_attr(vm, "path", l);
    set_sys_attr(vm, "dont_write_bytecode", Value::Bool(dont_write_bytecode));
    let ty = vm.types.module.clone();
    let builtins_mod = vm.alloc(&ty, Payload::Module(b));
    let main_mod = vm.alloc(&ty, Payload::Module(main_globals.clone()));
    if let Some(sys) = vm.sys_module.clone() {
        let _ = modules_set(vm, "sys", Value::Obj(sys));
    }
    let _ = modules_set(vm, "builtins", Value::Obj(builtins_mod));
    let _ = modules_set(vm, "__main__", Value::Obj(main_mod));
    if sys_attr(vm, "pycache_prefix").is_none() {
        set_sys_attr(vm, "pycache_prefix", Value::None);
    }
    if sys_attr(vm, "executable").is_none() {
        let exe = std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let e = vm.new_str(&exe);
        set_sys_attr(vm, "executable", e);
    }
    // No venv: the base executable is the executable (CPython's getpath).
    if sys_attr(vm, "_base_executable").is_none() {
        if let Some(e) = sys_attr(vm, "executable") {
            set_sys_attr(vm, "_base_executable", e);
        }
    }
    // The import machinery's classes (ModuleSpec, loaders, finders): Python source of our
    // own, compiled through the hook; without a compiler there are none (and no imports).
    if let Err(e) = bootstrap::install(vm) {
        let text = crate::report::format_exception(vm, &e.0);
        eprint!("pyrs: the import machinery failed to start:\n{text}");
    }
}

// ---- resolving names ------------------------------------------------------------------

/// `resolve_name` of `Python/import.c`: the absolute name of a relative import.
fn resolve_name(vm: &mut Vm, name: &str, globals: Option<&PyRef>, level: i64) -> PyResult<String> {
    let Some(g) = globals else {
        let k = vm.new_str("'__name__' not in globals");
        return Err(vm.key_error(k));
    };
    if !matches!(g.payload, Payload::Dict(_)) {
        return Err(vm.type_error("globals must be a dict"));
    }
    let get = |vm: &mut Vm, k: &str| -> Option<Value> {
        let n = vm.intern(k);
        let h = crate::object::attr::hash_of(vm, &n);
        crate::types::dict::dict_get_str(g, crate::object::attr::pystr(&n), h)
    };
    let package = match get(vm, "__package__") {
        Some(Value::None) | None => None,
        Some(p) => Some(p),
    };
    let spec = get(vm, "__spec__");
    let package: String = if let Some(p) = package {
        match text(&p) {
            Some(s) => s,
            None => return Err(vm.type_error("package must be a string")),
        }
    } else if let Some(spec) = spec.filter(|s| !matches!(s, Value::None)) {
        match getattr_opt(vm, &spec, "parent")? {
            Some(p) => match text(&p) {
                Some(s) => s,
                None => return Err(vm.type_error("__spec__.parent must be a string")),
            },
            None => return Err(vm.attribute_error("'ModuleSpec' object has no attribute 'parent'")),
        }
    } else {
        let n = match get(vm, "__name__") {
            Some(n) => n,
            None => {
                let k = vm.new_str("'__name__' not in globals");
                return Err(vm.key_error(k));
            }
        };
        let Some(n) = text(&n) else {
            return Err(vm.type_error("__name__ must be a string"));
        };
        if get(vm, "__path__").is_some() {
            n
        } else {
            match n.rfind('.') {
                Some(i) => n[..i].to_string(),
                None => String::new(),
            }
        }
    };
    if package.is_empty() {
        return Err(vm.import_error("attempted relative import with no known parent package"));
    }
    let mut base: &str = &package;
    for _ in 1..level {
        match base.rfind('.') {
            Some(i) => base = &base[..i],
            None => {
                return Err(vm.import_error("attempted relative import beyond top-level package"))
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

// ---- __import__ -----------------------------------------------------------------------

/// `PyImport_ImportModuleLevelObject`: `__import__(name, globals, None, fromlist, level)`.
pub fn import_module_level(
    vm: &mut Vm,
    name: &str,
    globals: Option<&PyRef>,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        resolve_name(vm, name, globals, level)?
    } else {
        if name.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name.to_string()
    };
    let module = get_or_load(vm, &abs_name)?;
    let has_from = match fromlist {
        Value::None => false,
        v => vm.truthy(v)?,
    };
    if !has_from {
        if level == 0 || !name.is_empty() {
            let front = name.split('.').next().unwrap_or(name);
            if front.len() == name.len() {
                // No dot: the module itself (even if its spec named it otherwise).
                return Ok(module);
            }
            if level == 0 {
                return get_or_load(vm, front);
            }
            let cut_off = name.len() - front.len();
            let to_return = &abs_name[..abs_name.len() - cut_off];
            return match modules_get(vm, to_return)? {
                Some(m) => Ok(m),
                None => {
                    let k = vm.new_str(&format!("'{to_return}' not in sys.modules as expected"));
                    Err(vm.key_error(k))
                }
            };
        }
        return Ok(module);
    }
    if getattr_opt(vm, &module, "__path__")?.is_some() {
        handle_fromlist(vm, &module, fromlist, false)?;
    }
    Ok(module)
}

/// The module `name` from `sys.modules`, or found and loaded (`_gcd_import`).
pub(crate) fn get_or_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match modules_get(vm, name)? {
        Some(Value::None) => Err(module_not_found(
            vm,
            format!("import of {name} halted; None in sys.modules"),
            name,
        )),
        Some(m) => Ok(m),
        None => loader::find_and_load(vm, name),
    }
}

/// `_handle_fromlist`: import the submodules a `from package import ...` names.
fn handle_fromlist(vm: &mut Vm, module: &Value, fromlist: &Value, recursive: bool) -> PyResult<()> {
    let items = vm.collect(fromlist)?;
    for x in items {
        let Some(xs) = text(&x) else {
            let where_ = if recursive {
                let n = getattr_opt(vm, module, "__name__")?
                    .and_then(|n| text(&n))
                    .unwrap_or_default();
                format!("{n}.__all__")
            } else {
                "``from list''".to_string()
            };
            let t = vm.type_name(&x);
            return Err(vm.type_error(format!("Item in {where_} must be str, not {t}")));
        };
        if xs == "*" {
            if !recursive {
                if let Some(all) = getattr_opt(vm, module, "__all__")? {
                    handle_fromlist(vm, module, &all, true)?;
                }
            }
        } else if getattr_opt(vm, module, &xs)?.is_none() {
            let mname = getattr_opt(vm, module, "__name__")?
                .and_then(|n| text(&n))
                .unwrap_or_default();
            let from_name = format!("{mname}.{xs}");
            if let Err(e) = get_or_load(vm, &from_name) {
                let nf = vm.types.module_not_found_error.clone();
                let own = vm.err_matches(&e, &nf)
                    && crate::types::exceptions::exc_args(&e.0)
                        .first()
                        .and_then(text)
                        .is_some_and(|m| m == format!("No module named '{from_name}'"));
                let blocked = matches!(modules_get(vm, &from_name)?, Some(Value::None));
                if own && !blocked {
                    continue;
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

// ---- the opcodes ----------------------------------------------------------------------

/// IMPORT_NAME: `__import__(name, globals, locals, fromlist, level)` of the current frame,
/// directly unless `builtins.__import__` was replaced.
pub fn import_name(vm: &mut Vm, name: &PyRef, fromlist: Value, level: Value) -> PyResult<Value> {
    let (globals, locals) = match vm.thread.frames.last() {
        Some(f) => (f.globals().cloned(), f.locals.clone()),
        None => (None, None),
    };
    let globals = globals.unwrap_or_else(|| vm.new_dict_ref());
    let b = vm.builtins.clone();
    let imp = vm.intern("__import__");
    let h = crate::object::attr::hash_of(vm, &imp);
    let Some(func) = crate::types::dict::dict_get_str(&b, crate::object::attr::pystr(&imp), h)
    else {
        return Err(vm.import_error("__import__ not found"));
    };
    let is_original = match (&func, &vm.interp.import.import_func) {
        (Value::Obj(a), Some(Value::Obj(o))) => a.is(o),
        _ => false,
    };
    if !is_original {
        let l = locals.map(Value::Obj).unwrap_or(Value::None);
        return vm.call(
            &func,
            vec![
                Value::Obj(name.clone()),
                Value::Obj(globals),
                l,
                fromlist,
                level,
            ],
        );
    }
    let n = text(&Value::Obj(name.clone())).unwrap_or_default();
    let level = match level {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => 0,
    };
    import_module_level(vm, &n, Some(&globals), &fromlist, level)
}

/// IMPORT_FROM: the attribute, else the submodule from `sys.modules`, else CPython's
/// ImportError (naming a partially initialised module in a circular import).
pub fn import_from(vm: &mut Vm, module: &Value, name: &PyRef) -> PyResult<Value> {
    let n = text(&Value::Obj(name.clone())).unwrap_or_default();
    match crate::object::attr::getattr(vm, module, name) {
        Ok(v) => return Ok(v),
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => {}
        Err(e) => return Err(e),
    }
    // PEP 562: a module-level `__getattr__` (CPython's `module_getattro` calls it).
    if let Some(Payload::Module(d)) = module.payload() {
        let k = vm.intern("__getattr__");
        let h = crate::object::attr::hash_of(vm, &k);
        let d = d.clone();
        if let Some(f) = crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&k), h) {
            match vm.call(&f, vec![Value::Obj(name.clone())]) {
                Ok(v) => return Ok(v),
                Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let pkgname = getattr_opt(vm, module, "__name__")?.filter(|v| v.as_str().is_some());
    if let Some(p) = &pkgname {
        let full = format!("{}.{n}", text(p).unwrap_or_default());
        if let Some(m) = modules_get(vm, &full)? {
            return Ok(m);
        }
    }
    let pkg_repr = match &pkgname {
        Some(p) => vm.repr(p)?,
        None => "'<unknown module name>'".to_string(),
    };
    let name_repr = vm.repr(&Value::Obj(name.clone()))?;
    let file = match module.payload() {
        Some(Payload::Module(_)) => getattr_opt(vm, module, "__file__")?.and_then(|f| text(&f)),
        _ => None,
    };
    let initializing = match module {
        Value::Obj(m) => vm.interp.import.initializing.iter().any(|x| x.is(m)),
        _ => false,
    };
    let msg = match &file {
        None => format!("cannot import name {name_repr} from {pkg_repr} (unknown location)"),
        Some(f) if initializing => format!(
            "cannot import name {name_repr} from partially initialized module {pkg_repr} (most likely due to a circular import) ({f})"
        ),
        Some(f) => format!("cannot import name {name_repr} from {pkg_repr} ({f})"),
    };
    // IMPORT_FROM's ImportError carries the module's name and file (`import_from`).
    let e = vm.import_error(msg);
    if let Some(p) = &pkgname {
        crate::types::exceptions::set_member(&e.0, "name", p.clone());
    }
    if let Some(f) = &file {
        let f = vm.new_str(f);
        crate::types::exceptions::set_member(&e.0, "path", f);
    }
    Err(e)
}

/// IMPORT_STAR: bind the module's `__all__` names, else its public names, in the frame's
/// locals.
pub fn import_star(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let locals = match vm.thread.frames.last().and_then(|f| f.locals.clone()) {
        Some(l) => l,
        None => return Err(vm.system_error("no locals found during 'import *'")),
    };
    let (names, skip_private) = match getattr_opt(vm, module, "__all__")? {
        Some(all) => (vm.collect(&all)?, false),
        None => match getattr_opt(vm, module, "__dict__")? {
            Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => (
                crate::types::dict::items(&d)
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect(),
                true,
            ),
            Some(d) => (vm.collect(&d)?, true),
            None => {
                return Err(vm.import_error("from-import-* object has no __dict__ and no __all__"))
            }
        },
    };
    for k in names {
        let Some(ks) = text(&k) else {
            let m = getattr_opt(vm, module, "__name__")?
                .and_then(|n| text(&n))
                .unwrap_or_default();
            let t = vm.type_name(&k);
            return Err(vm.type_error(if skip_private {
                format!("Key in {m}.__dict__ must be str, not {t}")
            } else {
                format!("Item in {m}.__all__ must be str, not {t}")
            }));
        };
        if skip_private && ks.starts_with('_') {
            continue;
        }
        let kn = vm.intern(&ks);
        let v = crate::object::attr::getattr(vm, module, &kn)?;
        if matches!(locals.payload, Payload::Dict(_)) {
            crate::types::dict::set_item(vm, &locals, Value::Obj(kn), v)?;
        } else {
            crate::object::subscript::setitem(
                vm,
                &Value::Obj(locals.clone()),
                &Value::Obj(kn),
                Some(v),
            )?;
        }
    }
    Ok(())
}

/// `builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let mut slots: [Option<Value>; 5] = Default::default();
    for (i, kw) in ["name", "globals", "locals", "fromlist", "level"]
        .iter()
        .enumerate()
    {
        if let Some(v) = args.take_kw(kw) {
            slots[i] = Some(v);
        }
    }
    if let Some((k, _)) = args.kw.first() {
        let k = text(&Value::Obj(k.clone())).unwrap_or_default();
        return Err(vm.type_error(format!(
            "__import__() got an unexpected keyword argument '{k}'"
        )));
    }
    if args.pos.len() > 5 {
        return Err(vm.type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            args.pos.len()
        )));
    }
    for (i, v) in args.pos.into_iter().enumerate() {
        slots[i] = Some(v);
    }
    let [name, globals, _locals, fromlist, level] = slots;
    let Some(name) = name else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(n) = text(&name) else {
        let t = vm.type_name(&name);
        return Err(vm.type_error(format!("__import__() argument 1 must be str, not {t}")));
    };
    let level = match level {
        None => 0,
        Some(v) => vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?,
    };
    let globals = match globals {
        Some(Value::Obj(g)) => Some(g),
        Some(Value::None) | None => None,
        Some(_) => {
            if level > 0 {
                return Err(vm.type_error("globals must be a dict"));
            }
            None
        }
    };
    let fromlist = fromlist.unwrap_or(Value::None);
    import_module_level(vm, &n, globals.as_ref(), &fromlist, level)
}

#[cfg(test)]
mod tests;
