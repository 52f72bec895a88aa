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

pub mod cache;
pub mod finder;

use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyErr, PyResult, Vm};
use pyrs_bytecode::{CodeObject, Constant};
use std::path::Path;

/// A failed compilation of imported source: the exception to raise.
#[derive(Clone, Debug)]
pub struct CompileFailure {
    /// The builtin exception type's name (`SyntaxError`, `IndentationError`, ...).
    pub type_name: String,
    /// Its message.
    pub msg: String,
    /// `(filename, lineno, offset, text, end_lineno, end_offset)` for syntax errors.
    pub details: Option<(String, i64, i64, String, i64, i64)>,
}

/// Compile source bytes (the file's path as `co_filename`) to a module code object.
pub type CompileHook = Box<dyn Fn(&[u8], &str) -> Result<CodeObject, CompileFailure> + Send>;

/// The import system's interpreter state.
#[derive(Default)]
pub struct ImportState {
    /// Compiles the source of imported modules (set by the `pyrs` binary).
    pub compile: Option<CompileHook>,
    /// Modules whose body is running (CPython: `__spec__._initializing`).
    pub initializing: Vec<PyRef>,
    /// The original `builtins.__import__` (IMPORT_NAME calls a replacement if set).
    pub import_func: Option<Value>,
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(|s| s.as_rust().into_owned())
}

fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let n = vm.intern(name);
    let d = vm.sys_dict.clone();
    let h = crate::object::attr::hash_of(vm, &n);
    crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&n), h)
}

fn set_sys_attr(vm: &mut Vm, name: &str, v: Value) {
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

fn modules_get(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = modules(vm)?;
    let k = vm.new_str(name);
    crate::types::dict::get_item(vm, &m, &k)
}

fn modules_set(vm: &mut Vm, name: &str, v: Value) -> PyResult<()> {
    let m = modules(vm)?;
    let k = vm.new_str(name);
    crate::types::dict::set_item(vm, &m, k, v)
}

fn modules_del(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = modules(vm)?;
    let k = vm.new_str(name);
    crate::types::dict::del_item(vm, &m, &k)
}

fn getattr_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
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

fn module_not_found(vm: &mut Vm, msg: String) -> PyErr {
    let t = vm.types.module_not_found_error.clone();
    vm.new_error(&t, msg)
}

fn dict_set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
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
fn get_or_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match modules_get(vm, name)? {
        Some(Value::None) => Err(module_not_found(
            vm,
            format!("import of {name} halted; None in sys.modules"),
        )),
        Some(m) => Ok(m),
        None => find_and_load(vm, name),
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

/// `_find_and_load_unlocked`.
fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let (parent, child) = match name.rfind('.') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => ("", name),
    };
    let paths: Vec<String>;
    if !parent.is_empty() {
        if modules_get(vm, parent)?.is_none() {
            get_or_load(vm, parent)?;
        }
        // The parent's import may have imported this module.
        if let Some(m) = modules_get(vm, name)? {
            return Ok(m);
        }
        let pm = match modules_get(vm, parent)? {
            Some(m) => m,
            None => {
                let k = vm.new_str(parent);
                return Err(vm.key_error(k));
            }
        };
        let Some(p) = getattr_opt(vm, &pm, "__path__")? else {
            return Err(module_not_found(
                vm,
                format!("No module named '{name}'; '{parent}' is not a package"),
            ));
        };
        paths = vm.collect(&p)?.iter().filter_map(text).collect();
    } else {
        paths = match sys_attr(vm, "path") {
            Some(p) => vm.collect(&p)?.iter().filter_map(text).collect(),
            None => Vec::new(),
        };
    }
    let Some(spec) = finder::find_spec(name, &paths) else {
        return Err(module_not_found(vm, format!("No module named '{name}'")));
    };
    let module = load(vm, &spec)?;
    if !parent.is_empty() {
        if let Some(pm) = modules_get(vm, parent)? {
            let c = vm.intern(child);
            crate::object::attr::setattr(vm, &pm, &c, Some(module.clone()))?;
        }
    }
    Ok(module)
}

/// `_load_unlocked`: create the module, register it, run its code.
fn load(vm: &mut Vm, spec: &finder::Spec) -> PyResult<Value> {
    let name = spec.name.as_str();
    let (module, d) = new_module(vm, name);
    let package = if spec.search_locations.is_some() {
        name.to_string()
    } else {
        name.rsplit_once('.').map(|p| p.0).unwrap_or("").to_string()
    };
    let pv = vm.new_str(&package);
    dict_set(vm, &d, "__package__", pv);
    let path_list = |vm: &mut Vm| {
        let items = spec
            .search_locations
            .iter()
            .flatten()
            .map(|p| vm.new_str(p))
            .collect();
        vm.new_list(items)
    };
    let file = match &spec.origin {
        finder::Origin::Namespace => {
            dict_set(vm, &d, "__file__", Value::None);
            let l = path_list(vm);
            dict_set(vm, &d, "__path__", l);
            None
        }
        finder::Origin::Source(p) | finder::Origin::Sourceless(p) => {
            if spec.search_locations.is_some() {
                let l = path_list(vm);
                dict_set(vm, &d, "__path__", l);
            }
            let f = vm.new_str(&p.to_string_lossy());
            dict_set(vm, &d, "__file__", f);
            let cached = match &spec.origin {
                finder::Origin::Source(p) => cache::cache_from_source(p)
                    .map(|c| vm.new_str(&c.to_string_lossy()))
                    .unwrap_or(Value::None),
                _ => vm.new_str(&p.to_string_lossy()),
            };
            dict_set(vm, &d, "__cached__", cached);
            Some(spec.origin.clone())
        }
    };
    let module = Value::Obj(module);
    modules_set(vm, name, module.clone())?;
    if let Some(origin) = file {
        let r = exec_module(vm, name, &origin, &module, &d);
        if let Err(e) = r {
            let _ = modules_del(vm, name);
            return Err(e);
        }
    }
    // The module may have replaced itself in sys.modules.
    match modules_del(vm, name)? {
        Some(m) => {
            modules_set(vm, name, m.clone())?;
            Ok(m)
        }
        None => {
            let k = vm.new_str(name);
            Err(vm.key_error(k))
        }
    }
}

/// Get the code (from the cache or compiled) and run it in the module's dict.
fn exec_module(
    vm: &mut Vm,
    name: &str,
    origin: &finder::Origin,
    module: &Value,
    d: &PyRef,
) -> PyResult<()> {
    let code = match origin {
        finder::Origin::Source(p) => get_code(vm, name, p)?,
        finder::Origin::Sourceless(p) => sourceless_code(vm, name, p)?,
        finder::Origin::Namespace => return Ok(()),
    };
    let b = Value::Obj(vm.builtins.clone());
    dict_set(vm, d, "__builtins__", b);
    let code_obj = crate::code::make_code(vm, &code);
    let Value::Obj(m) = module else {
        return Ok(());
    };
    vm.interp.import.initializing.push(m.clone());
    let r = crate::eval::call::run_module_code(vm, &code_obj, d);
    if let Some(i) = vm.interp.import.initializing.iter().rposition(|x| x.is(m)) {
        vm.interp.import.initializing.remove(i);
    }
    r.map(|_| ())
}

/// `_imp._fix_co_filename`: a cached code object names the source where it is now.
fn fix_filename(code: &mut CodeObject, path: &str) {
    code.filename = pyrs_bytecode::PyStrValue::new(path);
    for c in code.consts.iter_mut() {
        if let Constant::Code(inner) = c {
            fix_filename(inner, path);
        }
    }
}

/// A marshal error in a .pyc whose header was valid: CPython's `marshal.loads` error.
fn marshal_error(vm: &mut Vm, msg: &str) -> PyErr {
    if msg.contains("EOF") || msg.contains("too short") {
        let t = vm.types.eof_error.clone();
        vm.new_error(&t, "marshal data too short")
    } else {
        vm.value_error(msg.to_string())
    }
}

/// `SourceLoader.get_code`: the valid cached code, or compile (and write the cache).
fn get_code(vm: &mut Vm, name: &str, source: &Path) -> PyResult<CodeObject> {
    let source_str = source.to_string_lossy().into_owned();
    let cache_path = cache::cache_from_source(source);
    let stats = cache::source_stats(source);
    let mut hash_based: Option<bool> = None;
    if let (Some(cp), Some((mtime, size))) = (&cache_path, stats) {
        if let Ok(data) = std::fs::read(cp) {
            if data.len() >= 8 && data[..4] == pyrs_marshal::pyc::MAGIC {
                let flags = u32::from_le_bytes([data[4], data[5], data[6], data[7]]);
                if flags & 1 != 0 && flags & !3 == 0 {
                    hash_based = Some(flags & 2 != 0);
                }
            }
            if cache::validate(&data, mtime, size, source).is_ok() {
                return match pyrs_marshal::read::loads_code(&data[16..]) {
                    Ok(mut code) => {
                        fix_filename(&mut code, &source_str);
                        Ok(code)
                    }
                    Err(e) => Err(marshal_error(vm, &e.0)),
                };
            }
        }
    }
    let bytes = match std::fs::read(source) {
        Ok(b) => b,
        Err(e) => {
            return Err(vm.import_error(format!("source not available through get_data(): {e}")))
        }
    };
    let code = compile(vm, name, &bytes, &source_str)?;
    let dont_write = match sys_attr(vm, "dont_write_bytecode") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if let (false, Some(cp), Some((mtime, size))) = (dont_write, &cache_path, stats) {
        let validation = match hash_based {
            Some(check_source) => pyrs_marshal::pyc::Validation::Hash {
                hash: pyrs_marshal::pyc::source_hash(&bytes),
                check_source,
            },
            None => pyrs_marshal::pyc::Validation::Timestamp {
                mtime,
                source_size: size,
            },
        };
        let _ = name;
        cache::write_cache(
            cp,
            source,
            &pyrs_marshal::pyc::PycHeader { validation },
            &code,
        );
    }
    Ok(code)
}

/// Compile through the interpreter's hook; a failure raises its exception.
fn compile(vm: &mut Vm, name: &str, bytes: &[u8], path: &str) -> PyResult<CodeObject> {
    let result = match &vm.interp.import.compile {
        Some(hook) => hook(bytes, path),
        None => {
            return Err(vm.import_error(format!(
                "cannot import '{name}': no compiler is available to this interpreter"
            )))
        }
    };
    match result {
        Ok(c) => Ok(c),
        Err(f) => {
            let ty = match crate::types::dict::dict_get_str(
                &vm.builtins.clone(),
                &crate::types::str::PyStr::from_str(&f.type_name),
                {
                    let n = vm.intern(&f.type_name);
                    crate::object::attr::hash_of(vm, &n)
                },
            ) {
                Some(Value::Obj(t)) if matches!(t.payload, Payload::Type(_)) => t,
                _ => vm.types.import_error.clone(),
            };
            let msg = vm.new_str(&f.msg);
            let mut args = vec![msg];
            if let Some((file, line, off, txt, eline, eoff)) = f.details {
                let fv = vm.new_str(&file);
                let tv = vm.new_str(&txt);
                args.push(vm.new_tuple(vec![
                    fv,
                    Value::Int(line),
                    Value::Int(off),
                    tv,
                    Value::Int(eline),
                    Value::Int(eoff),
                ]));
            }
            Err(PyErr(crate::types::exceptions::new_exception(
                vm, &ty, args,
            )))
        }
    }
}

/// `SourcelessFileLoader.get_code`: the .pyc must be valid (errors are ImportError).
fn sourceless_code(vm: &mut Vm, name: &str, path: &Path) -> PyResult<CodeObject> {
    let data = std::fs::read(path).map_err(|e| vm.import_error(format!("{e}")))?;
    if data.len() < 4 || data[..4] != pyrs_marshal::pyc::MAGIC {
        let magic: Vec<u8> = data.iter().take(4).copied().collect();
        let b = vm.new_bytes(magic);
        let r = vm.repr(&b)?;
        return Err(vm.import_error(format!("bad magic number in '{name}': {r}")));
    }
    if data.len() < 16 {
        let t = vm.types.eof_error.clone();
        return Err(vm.new_error(
            &t,
            format!("reached EOF while reading pyc header of '{name}'"),
        ));
    }
    let flags = u32::from_le_bytes([data[4], data[5], data[6], data[7]]);
    if flags & !3 != 0 {
        return Err(vm.import_error(format!("invalid flags {flags} in '{name}'")));
    }
    match pyrs_marshal::read::loads_code(&data[16..]) {
        Ok(mut code) => {
            fix_filename(&mut code, &path.to_string_lossy());
            Ok(code)
        }
        Err(e) => Err(marshal_error(vm, &e.0)),
    }
}

// ---- the opcodes ----------------------------------------------------------------------

/// IMPORT_NAME: `__import__(name, globals, locals, fromlist, level)` of the current frame,
/// directly unless `builtins.__import__` was replaced.
pub fn import_name(vm: &mut Vm, name: &PyRef, fromlist: Value, level: Value) -> PyResult<Value> {
    let (globals, locals) = match vm.thread.frames.last() {
        Some(f) => (f.globals.clone(), f.locals.clone()),
        None => (vm.new_dict_ref(), None),
    };
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
    let msg = match file {
        None => format!("cannot import name {name_repr} from {pkg_repr} (unknown location)"),
        Some(f) if initializing => format!(
            "cannot import name {name_repr} from partially initialized module {pkg_repr} (most likely due to a circular import) ({f})"
        ),
        Some(f) => format!("cannot import name {name_repr} from {pkg_repr} ({f})"),
    };
    Err(vm.import_error(msg))
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
