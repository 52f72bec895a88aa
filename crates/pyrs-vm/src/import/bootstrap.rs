//! `_frozen_importlib` and `_frozen_importlib_external`: the import machinery's objects
//! (CPython: the frozen `Lib/importlib/_bootstrap.py` and `_bootstrap_external.py`).
//!
//! pyrs does not run importlib. Its algorithm (`_find_and_load`, `_load_unlocked`, the
//! path finder, the bytecode cache) is native Rust in `loader.rs` and `cache.rs`; what
//! users see of it are objects: `ModuleSpec`, `SourceFileLoader`, `SourcelessFileLoader`,
//! `NamespaceLoader`, `BuiltinImporter`, `FrozenImporter`, `PathFinder`, `FileFinder`.
//! These are small Python classes of our own (`frozen_importlib.py`,
//! `frozen_importlib_external.py`), compiled when pyrs is built (`build.rs`), so that
//! their names, reprs, equality and attributes are CPython's and user code can subclass
//! or call them. Their methods call back into Rust through the `_pyrs_*` functions put in
//! the modules' namespaces here. The loop over `sys.meta_path` recognises these objects
//! by identity and takes the native path for them.

use super::{dict_set, getattr_opt, modules_get, modules_set, set_sys_attr, sys_attr, text};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{new_builtin, Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// One of the machinery's Python sources, compiled at build time (`build.rs`): CPython's
/// frozen modules.
pub struct Frozen {
    /// The source, for the test that the embedded code is what the compiler makes of it
    /// now (`crates/pyrs`: `frozen_code_matches_source`).
    pub source: &'static str,
    /// `co_filename`, as CPython's frozen modules name theirs.
    pub filename: &'static str,
    /// The marshalled code object (a .pyc body).
    pub code: &'static [u8],
}

pub const FROZEN_IMPORTLIB: Frozen = Frozen {
    source: include_str!("frozen_importlib.py"),
    filename: "<frozen importlib._bootstrap>",
    code: include_bytes!(concat!(env!("OUT_DIR"), "/frozen_importlib.marshal")),
};
pub const FROZEN_IMPORTLIB_EXTERNAL: Frozen = Frozen {
    source: include_str!("frozen_importlib_external.py"),
    filename: "<frozen importlib._bootstrap_external>",
    code: include_bytes!(concat!(
        env!("OUT_DIR"),
        "/frozen_importlib_external.marshal"
    )),
};
// The parts importlib's public modules need, run on first use (each module's
// `__getattr__`): running them at every start would double `pyrs -c pass`'s time.
pub const FROZEN_IMPORTLIB_REST: Frozen = Frozen {
    source: include_str!("frozen_importlib_rest.py"),
    filename: "<frozen importlib._bootstrap>",
    code: include_bytes!(concat!(env!("OUT_DIR"), "/frozen_importlib_rest.marshal")),
};
pub const FROZEN_IMPORTLIB_EXTERNAL_REST: Frozen = Frozen {
    source: include_str!("frozen_importlib_external_rest.py"),
    filename: "<frozen importlib._bootstrap_external>",
    code: include_bytes!(concat!(
        env!("OUT_DIR"),
        "/frozen_importlib_external_rest.marshal"
    )),
};

/// `<frozen runpy>`'s two functions, which `-m` and `pyrs DIR` run `__main__` under
/// (`main.rs`).
pub const FROZEN_RUNPY: Frozen = Frozen {
    source: include_str!("frozen_runpy.py"),
    filename: "<frozen runpy>",
    code: include_bytes!(concat!(env!("OUT_DIR"), "/frozen_runpy.marshal")),
};

/// A frozen module's code object, read from its embedded marshal data.
pub fn frozen_code(vm: &mut Vm, f: &Frozen) -> PyResult<PyRef> {
    super::unmarshal::load_pyc_body(vm, f.code, f.filename)
}

/// The machinery's classes and objects, by identity.
#[derive(Clone)]
pub struct Boot {
    pub module_spec: Value,
    pub builtin_importer: Value,
    pub frozen_importer: Value,
    pub path_finder: Value,
    pub file_finder: Value,
    pub file_hook: Value,
    pub source_loader: Value,
    pub sourceless_loader: Value,
    pub namespace_loader: Value,
    pub namespace_path: Value,
    /// The two modules' namespaces (their rest is run in them on first use).
    pub bootstrap_dict: PyRef,
    pub external_dict: PyRef,
}

/// The machinery, or ImportError when it could not start (no compiler).
pub fn boot(vm: &mut Vm) -> PyResult<Boot> {
    match &vm.interp.import.boot {
        Some(b) => Ok(b.clone()),
        None => Err(vm.import_error(
            "the import machinery is not available: this interpreter has no compiler",
        )),
    }
}

fn get(vm: &mut Vm, d: &PyRef, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    let h = crate::object::attr::hash_of(vm, &n);
    match crate::types::dict::dict_get_str(d, crate::object::attr::pystr(&n), h) {
        Some(v) => Ok(v),
        None => Err(vm.system_error(format!("import bootstrap: {name} missing"))),
    }
}

/// Run one bootstrap module's source as module `name` with the native helpers.
fn run_module(
    vm: &mut Vm,
    name: &str,
    frozen: &Frozen,
    natives: &[(&'static str, NativeFn)],
    injected: &[(&str, Value)],
) -> PyResult<PyRef> {
    let code_obj = frozen_code(vm, frozen)?;
    let (module, d) = super::new_module(vm, name);
    for (n, v) in injected {
        dict_set(vm, &d, n, v.clone());
    }
    for (n, f) in natives {
        let b = new_builtin(vm, n, *f);
        dict_set(vm, &d, n, b);
    }
    if let Some(sys) = vm.sys_module.clone() {
        dict_set(vm, &d, "_pyrs_sys", Value::Obj(sys));
    }
    let b = Value::Obj(vm.builtins.clone());
    dict_set(vm, &d, "__builtins__", b);
    modules_set(vm, name, Value::Obj(module))?;
    crate::eval::call::run_module_code(vm, &code_obj, &d)?;
    Ok(d)
}

/// `_PyImportZip_Init`: import `zipimport` (CPython's `Lib/zipimport.py`, frozen into
/// pyrs when it was built: `frozen.rs`) and put `zipimport.zipimporter` first in
/// `sys.path_hooks`. A failure is no error (`-v` says so).
pub fn install_zipimport(vm: &mut Vm) {
    if vm.interp.import.boot.is_none() {
        return;
    }
    super::loader::verbose(vm, 1, "# installing zipimport hook");
    let hook = if super::frozen::find("zipimport").is_some() {
        // Frozen (as in CPython): FrozenImporter finds it before any path entry.
        super::get_or_load(vm, "zipimport")
            .and_then(|m| crate::modules::native_type::getattr(vm, &m, "zipimporter"))
    } else {
        import_zipimport_from_stdlib(vm)
    };
    let hook = match hook {
        Ok(h) => h,
        Err(_) => {
            super::loader::verbose(vm, 1, "# can't import zipimport");
            return;
        }
    };
    if let Some(Value::Obj(l)) = sys_attr(vm, "path_hooks") {
        if let crate::object::Payload::List(items) = &l.payload {
            items.borrow_mut().insert(0, hook);
            super::loader::verbose(vm, 1, "# installed zipimport hook");
        }
    }
}

/// A build that froze nothing: `zipimport` from the standard library directory alone
/// (so a `zipimport.py` beside the script cannot shadow it); the path entries that
/// importing it walked are dropped from `sys.path_importer_cache` again (an entry cached
/// before the hook existed, a zip archive on `sys.path` cached as None, would never reach
/// the hook).
fn import_zipimport_from_stdlib(vm: &mut Vm) -> PyResult<Value> {
    let cache = match sys_attr(vm, "path_importer_cache") {
        Some(Value::Obj(d)) if matches!(d.payload, crate::object::Payload::Dict(_)) => Some(d),
        _ => None,
    };
    let before: Vec<Value> = cache
        .as_ref()
        .map(|c| {
            crate::types::dict::items(c)
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        })
        .unwrap_or_default();
    // Only the standard library's zipimport.py (CPython's frozen one can't be shadowed by
    // a `zipimport.py` beside the script): sys.path is the stdlib directory meanwhile.
    let saved_path = sys_attr(vm, "path");
    if let Some(lib) = sys_attr(vm, "_stdlib_dir").filter(|l| l.as_str().is_some()) {
        let l = vm.new_list(vec![lib]);
        set_sys_attr(vm, "path", l);
    }
    let hook = super::get_or_load(vm, "zipimport")
        .and_then(|m| crate::modules::native_type::getattr(vm, &m, "zipimporter"));
    if let Some(p) = saved_path {
        set_sys_attr(vm, "path", p);
    }
    if let Some(c) = &cache {
        for (k, _) in crate::types::dict::items(c) {
            let known = before.iter().any(|b| match (b.as_str(), k.as_str()) {
                (Some(x), Some(y)) => x.eq_str(y),
                _ => false,
            });
            if !known {
                let _ = crate::types::dict::del_item(vm, c, &k);
            }
        }
    }
    hook
}

/// Define the machinery and install it: `sys.meta_path`, `sys.path_hooks`,
/// `sys.path_importer_cache`, and `__spec__`/`__loader__` of `sys` and `builtins`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    if vm.interp.import.compile.is_none() {
        return Ok(());
    }
    // The native modules the machinery uses, in sys.modules from the start as in CPython.
    let mut injected = Vec::new();
    for name in ["_imp", "_warnings"] {
        if let Some(m) = crate::modules::create(vm, name)? {
            modules_set(vm, name, m.clone())?;
            injected.push((name, m));
        }
    }
    let d1 = run_module(
        vm,
        "_frozen_importlib",
        &FROZEN_IMPORTLIB,
        &[
            ("_pyrs_get_cached", native_get_cached),
            ("_pyrs_is_builtin", native_is_builtin),
            ("_pyrs_builtin_module", native_builtin_module),
            ("_pyrs_module_from_spec", native_module_from_spec),
            ("_pyrs_find_spec", native_find_spec),
            ("_pyrs_find_and_load", native_find_and_load),
            ("_pyrs_init_module_attrs", native_init_module_attrs),
            ("_pyrs_load", native_load),
            ("_pyrs_load_rest", native_load_rest_bootstrap),
            ("_pyrs_frozen_spec", native_frozen_spec),
        ],
        &injected,
    )?;
    let bootstrap_module = modules_get(vm, "_frozen_importlib")?.unwrap_or(Value::None);
    let module_spec = get(vm, &d1, "ModuleSpec")?;
    let d2 = {
        let natives: &[(&'static str, NativeFn)] = &[
            ("_pyrs_cache_from_source", native_cache_from_source),
            ("_pyrs_read_bytes", native_read_bytes),
            ("_pyrs_load_module", native_load_module),
            ("_pyrs_path_stats", native_path_stats),
            ("_pyrs_get_code", native_get_code),
            ("_pyrs_exec_module", native_exec_module),
            ("_pyrs_compile", native_compile),
            ("_pyrs_path_find_spec", native_path_find_spec),
            ("_pyrs_file_find_spec", native_file_find_spec),
            ("_pyrs_getcwd", native_getcwd),
            ("_pyrs_isdir", native_isdir),
            ("_pyrs_load_rest", native_load_rest_external),
            ("_pyrs_loads_code", native_loads_code),
            ("_pyrs_compile_with_body", native_compile_with_body),
            ("_pyrs_set_data", native_set_data),
        ];
        // `from _frozen_importlib import ModuleSpec`, without an import.
        let code_obj = frozen_code(vm, &FROZEN_IMPORTLIB_EXTERNAL)?;
        let (module, d) = super::new_module(vm, "_frozen_importlib_external");
        for (n, f) in natives {
            let b = new_builtin(vm, n, *f);
            dict_set(vm, &d, n, b);
        }
        if let Some(sys) = vm.sys_module.clone() {
            dict_set(vm, &d, "_pyrs_sys", Value::Obj(sys));
        }
        dict_set(vm, &d, "ModuleSpec", module_spec.clone());
        dict_set(vm, &d, "_bootstrap", bootstrap_module);
        for (n, v) in &injected {
            dict_set(vm, &d, n, v.clone());
        }
        let b = Value::Obj(vm.builtins.clone());
        dict_set(vm, &d, "__builtins__", b);
        modules_set(vm, "_frozen_importlib_external", Value::Obj(module.clone()))?;
        crate::eval::call::run_module_code(vm, &code_obj, &d)?;
        dict_set(vm, &d1, "_bootstrap_external", Value::Obj(module));
        d
    };
    let b = Boot {
        module_spec,
        builtin_importer: get(vm, &d1, "BuiltinImporter")?,
        frozen_importer: get(vm, &d1, "FrozenImporter")?,
        path_finder: get(vm, &d2, "PathFinder")?,
        file_finder: get(vm, &d2, "FileFinder")?,
        file_hook: get(vm, &d2, "_pyrs_file_hook")?,
        source_loader: get(vm, &d2, "SourceFileLoader")?,
        sourceless_loader: get(vm, &d2, "SourcelessFileLoader")?,
        namespace_loader: get(vm, &d2, "NamespaceLoader")?,
        namespace_path: get(vm, &d2, "_NamespacePath")?,
        bootstrap_dict: d1.clone(),
        external_dict: d2.clone(),
    };
    vm.interp.import.boot = Some(b.clone());
    let mp = vm.new_list(vec![
        b.builtin_importer.clone(),
        b.frozen_importer.clone(),
        b.path_finder.clone(),
    ]);
    set_sys_attr(vm, "meta_path", mp);
    let ph = vm.new_list(vec![b.file_hook.clone()]);
    set_sys_attr(vm, "path_hooks", ph);
    let pic = Value::Obj(vm.new_dict_ref());
    set_sys_attr(vm, "path_importer_cache", pic);
    // Built-in and frozen modules' specs, as CPython's `_setup` gives them.
    for (name, importer, origin) in [
        ("sys", &b.builtin_importer, "built-in"),
        ("builtins", &b.builtin_importer, "built-in"),
        ("_imp", &b.builtin_importer, "built-in"),
        ("_warnings", &b.builtin_importer, "built-in"),
        ("_frozen_importlib", &b.frozen_importer, "frozen"),
        ("_frozen_importlib_external", &b.frozen_importer, "frozen"),
    ] {
        let Some(m) = modules_get(vm, name)? else {
            continue;
        };
        let spec = new_spec(vm, &b, name, importer.clone(), Some(origin), false)?;
        let l = vm.intern("__loader__");
        crate::object::attr::setattr(vm, &m, &l, Some(importer.clone()))?;
        let s = vm.intern("__spec__");
        crate::object::attr::setattr(vm, &m, &s, Some(spec))?;
        if origin == "frozen" {
            let p = vm.intern("__package__");
            let e = vm.new_str("");
            crate::object::attr::setattr(vm, &m, &p, Some(e))?;
        }
    }
    Ok(())
}

/// `ModuleSpec(name, loader, origin=origin, is_package=is_package)`.
pub fn new_spec(
    vm: &mut Vm,
    b: &Boot,
    name: &str,
    loader: Value,
    origin: Option<&str>,
    is_package: bool,
) -> PyResult<Value> {
    let n = vm.new_str(name);
    let mut kw = Vec::new();
    if let Some(o) = origin {
        let k = vm.intern("origin");
        kw.push((k, vm.new_str(o)));
    }
    if is_package {
        let k = vm.intern("is_package");
        kw.push((k, Value::Bool(true)));
    }
    vm.call_args(
        &b.module_spec,
        Args {
            pos: vec![n, loader].into(),
            kw,
        },
    )
}

fn arg_str(vm: &mut Vm, args: &Args, i: usize, fname: &str) -> PyResult<String> {
    match args.pos.get(i).and_then(text) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("{fname}: argument {} must be str", i + 1))),
    }
}

fn opt_str(vm: &mut Vm, v: Option<String>) -> Value {
    match v {
        Some(s) => vm.new_str(&s),
        None => Value::None,
    }
}

fn os_error(vm: &mut Vm, e: &std::io::Error, path: &str) -> crate::vm::PyErr {
    let t = vm.types.os_error.clone();
    let errno = Value::Int(e.raw_os_error().unwrap_or(0) as i64);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    let m = vm.new_str(&msg);
    let p = vm.new_str(path);
    let args = Args::positional(vec![errno, m, p]);
    match crate::types::exceptions::exc_new(vm, &t, args) {
        Ok(Value::Obj(o)) => crate::vm::PyErr(o),
        _ => vm.new_error(&t, msg),
    }
}

// ---- natives of _frozen_importlib -----------------------------------------------------

/// `_bootstrap_external._get_cached(origin)`.
fn native_get_cached(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let origin = arg_str(vm, &args, 0, "_get_cached")?;
    let r = if origin.ends_with(".py") {
        super::cache::cache_path(vm, std::path::Path::new(&origin))
            .map(|p| p.to_string_lossy().into_owned())
    } else if origin.ends_with(".pyc") {
        Some(origin)
    } else {
        None
    };
    Ok(opt_str(vm, r))
}

fn native_is_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = arg_str(vm, &args, 0, "is_builtin")?;
    Ok(Value::Bool(crate::modules::is_builtin(&n) != 0))
}

/// `FrozenImporter.find_spec(name)` (`frozen.rs`).
fn native_frozen_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = arg_str(vm, &args, 0, "find_spec")?;
    let b = boot(vm)?;
    Ok(super::frozen::find_spec(vm, &b, &n)?.unwrap_or(Value::None))
}

/// `_imp.create_builtin`: the module object of a native module (`modules/`).
fn native_builtin_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = arg_str(vm, &args, 0, "create_builtin")?;
    match crate::modules::create(vm, &n)? {
        Some(m) => Ok(m),
        None => Err(vm.import_error(format!("no built-in module named {n}"))),
    }
}

/// Run a module's rest (`frozen_*_rest.py`) in its namespace, once.
fn load_rest(vm: &mut Vm, d: &PyRef, frozen: &Frozen) -> PyResult<Value> {
    let flag = vm.intern("_pyrs_rest_loaded");
    let h = crate::object::attr::hash_of(vm, &flag);
    if crate::types::dict::dict_get_str(d, crate::object::attr::pystr(&flag), h).is_some() {
        return Ok(Value::None);
    }
    // Set first: the rest's own top-level lookups must not come back here.
    dict_set(vm, d, "_pyrs_rest_loaded", Value::Bool(true));
    let code_obj = frozen_code(vm, frozen)?;
    crate::eval::call::run_module_code(vm, &code_obj, d)?;
    Ok(Value::None)
}

fn native_load_rest_bootstrap(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let d = boot(vm)?.bootstrap_dict;
    load_rest(vm, &d, &FROZEN_IMPORTLIB_REST)
}

fn native_load_rest_external(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let d = boot(vm)?.external_dict;
    load_rest(vm, &d, &FROZEN_IMPORTLIB_EXTERNAL_REST)
}

/// `_bootstrap._find_spec(name, path)`: the finders of `sys.meta_path`, in order.
fn native_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = arg_str(vm, &args, 0, "_find_spec")?;
    let path = args.pos.get(1).cloned().unwrap_or(Value::None);
    let target = args.pos.get(2).cloned().unwrap_or(Value::None);
    Ok(super::loader::find_spec_for(vm, &name, &path, &target)?.unwrap_or(Value::None))
}

/// `_bootstrap._find_and_load(name)`: `sys.modules[name]`, or found and loaded (parents
/// first).
fn native_find_and_load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = arg_str(vm, &args, 0, "_find_and_load")?;
    super::get_or_load(vm, &name)
}

/// `_bootstrap._init_module_attrs(spec, module, override)`.
fn native_init_module_attrs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(spec), Some(module)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("_init_module_attrs() missing required arguments"));
    };
    let over = match args.pos.get(2) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    super::loader::init_module_attrs(vm, spec, module, over)?;
    Ok(module.clone())
}

/// `_bootstrap._load(spec)`: a new module, created, registered and executed.
fn native_load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(spec) = args.pos.first().cloned() else {
        return Err(vm.type_error("_load() missing required argument 'spec'"));
    };
    let name = match getattr_opt(vm, &spec, "name")?.as_ref().and_then(text) {
        Some(n) => n,
        None => return Err(vm.type_error("spec.name must be a str")),
    };
    super::loader::load_spec(vm, &name, &spec)
}

/// `importlib.util.module_from_spec(spec)`.
fn native_module_from_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(spec) = args.pos.first().cloned() else {
        return Err(vm.type_error("module_from_spec() missing required argument 'spec'"));
    };
    super::loader::module_from_spec(vm, &spec)
}

// ---- natives of _frozen_importlib_external --------------------------------------------

fn native_cache_from_source(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = arg_str(vm, &args, 0, "cache_from_source")?;
    let opt = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.str_string(v)?),
    };
    if let Some(o) = &opt {
        if !o.is_empty() && !o.chars().all(|c| c.is_alphanumeric()) {
            let r = super::loader::py_repr(o);
            return Err(vm.value_error(format!("{r} is not alphanumeric")));
        }
    }
    let r = super::cache::cache_path_opt(vm, std::path::Path::new(&p), opt.as_deref())
        .map(|p| p.to_string_lossy().into_owned());
    Ok(opt_str(vm, r))
}

fn native_read_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = arg_str(vm, &args, 0, "get_data")?;
    match std::fs::read(&p) {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(e) => Err(os_error(vm, &e, &p)),
    }
}

fn native_path_stats(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = arg_str(vm, &args, 0, "path_stats")?;
    let md = std::fs::metadata(&p).map_err(|e| os_error(vm, &e, &p))?;
    let mtime = match md
        .modified()
        .ok()
        .map(|t| t.duration_since(std::time::UNIX_EPOCH))
    {
        Some(Ok(d)) => d.as_secs_f64(),
        Some(Err(e)) => -e.duration().as_secs_f64(),
        None => 0.0,
    };
    let d = vm.new_dict_ref();
    dict_set(vm, &d, "mtime", Value::Float(mtime));
    dict_set(vm, &d, "size", Value::Int(md.len() as i64));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        dict_set(vm, &d, "mode", Value::Int(md.permissions().mode() as i64));
    }
    Ok(Value::Obj(d))
}

/// `loader.get_code(fullname)` of the file loaders.
fn native_get_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(loader), Some(name)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return Err(vm.type_error("get_code() missing required argument 'fullname'"));
    };
    let source = matches!(args.pos.get(2), Some(Value::Bool(true)));
    let path = loader_path(vm, &loader)?;
    let name = text(&name).unwrap_or_default();
    let code = if source {
        super::loader::get_code(vm, &name, std::path::Path::new(&path))?
    } else {
        super::loader::sourceless_code(vm, &name, std::path::Path::new(&path))?
    };
    Ok(Value::Obj(code))
}

fn loader_path(vm: &mut Vm, loader: &Value) -> PyResult<String> {
    match getattr_opt(vm, loader, "path")?.as_ref().and_then(text) {
        Some(p) => Ok(p),
        None => Err(vm.import_error("loader has no path")),
    }
}

/// `loader.exec_module(module)` of the file loaders.
fn native_exec_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(loader), Some(module)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return Err(vm.type_error("exec_module() missing required argument 'module'"));
    };
    let source = matches!(args.pos.get(2), Some(Value::Bool(true)));
    super::loader::exec_file_module(vm, &loader, &module, source)?;
    Ok(Value::None)
}

/// `loader.load_module(fullname)` (the legacy API, as `_bootstrap._load_module_shim`).
fn native_load_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(loader), Some(name)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return Err(vm.type_error("load_module() missing required argument 'fullname'"));
    };
    let name = text(&name).unwrap_or_default();
    let b = boot(vm)?;
    let origin = getattr_opt(vm, &loader, "path")?.and_then(|p| text(&p));
    let is_pkg = match getattr_opt(vm, &loader, "is_package")? {
        Some(f) => {
            let n = vm.new_str(&name);
            let r = vm.call(&f, vec![n])?;
            vm.truthy(&r)?
        }
        None => false,
    };
    let spec = new_spec(vm, &b, &name, loader.clone(), origin.as_deref(), is_pkg)?;
    if let Some(o) = &origin {
        let h = vm.intern("has_location");
        crate::object::attr::setattr(vm, &spec, &h, Some(Value::Bool(true)))?;
        if is_pkg {
            let dir = std::path::Path::new(o)
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let dv = vm.new_str(&dir);
            let l = vm.new_list(vec![dv]);
            let k = vm.intern("submodule_search_locations");
            crate::object::attr::setattr(vm, &spec, &k, Some(l))?;
        }
    }
    match modules_get(vm, &name)? {
        Some(m) => {
            super::loader::init_module_attrs(vm, &spec, &m, true)?;
            super::loader::exec_spec(vm, &spec, &m)?;
            match modules_get(vm, &name)? {
                Some(m) => Ok(m),
                None => Ok(m),
            }
        }
        None => super::loader::load_spec(vm, &name, &spec),
    }
}

/// `compile(data, path, 'exec', dont_inherit=True, optimize=opt)` through the hook.
fn native_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data: Vec<u8> = match args.pos.first() {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Bytes(b) => b.to_vec(),
            Payload::Str(s) => s.as_rust().into_owned().into_bytes(),
            _ => return Err(vm.type_error("source_to_code() expects bytes or str")),
        },
        _ => return Err(vm.type_error("source_to_code() expects bytes or str")),
    };
    let path = arg_str(vm, &args, 1, "source_to_code")?;
    let opt = match args.pos.get(2) {
        Some(Value::Int(i)) if *i >= 0 => *i as u32,
        _ => vm.interp.import.config.optimize,
    };
    let code = super::loader::compile(vm, &path, &data, &path, opt)?;
    Ok(Value::Obj(crate::code::make_code(vm, &code)))
}

/// `_compile_bytecode`'s `marshal.loads(data)` + `_imp._fix_co_filename(code,
/// source_path)`: the code object of a .pyc body, or None when the body is another
/// object; marshal errors as `marshal.loads` raises them.
fn native_loads_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(body) = args
        .pos
        .first()
        .and_then(crate::types::bytearray::bytes_like)
    else {
        return Err(vm.type_error("a bytes-like object is required"));
    };
    let source_path = args.pos.get(2).and_then(text);
    let mut pyc = pyrs_marshal::pyc::MAGIC.to_vec();
    pyc.extend_from_slice(&[0; 12]);
    pyc.extend_from_slice(&body);
    let mut co = match pyrs_marshal::pyc::read_pyc(&pyc) {
        Ok((_, co)) => co,
        Err(e) if e.0.contains("not a code object") => return Ok(Value::None),
        Err(e) if e.0.contains("EOF") || e.0.contains("too short") => {
            let t = vm.types.eof_error.clone();
            return Err(vm.new_error(&t, "marshal data too short"));
        }
        Err(e) => return Err(vm.value_error(e.0)),
    };
    if let Some(p) = source_path {
        let old = co.filename.clone();
        let new = pyrs_bytecode::PyStrValue::new(&p);
        if old != new {
            rename_code(&mut co, &old, &new);
        }
    }
    Ok(Value::Obj(crate::code::make_code(vm, &co)))
}

/// `update_code_filenames`: every code object naming `old` now names `new`.
fn rename_code(
    co: &mut pyrs_bytecode::CodeObject,
    old: &pyrs_bytecode::PyStrValue,
    new: &pyrs_bytecode::PyStrValue,
) {
    if co.filename != *old {
        return;
    }
    co.filename = new.clone();
    for c in co.consts.iter_mut() {
        if let pyrs_bytecode::Constant::Code(inner) = c {
            rename_code(inner, old, new);
        }
    }
}

/// `SourceLoader.source_to_code` plus the marshalled code for the cache:
/// `(code, body)`.
fn native_compile_with_body(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(data) = args
        .pos
        .first()
        .and_then(crate::types::bytearray::bytes_like)
    else {
        return Err(vm.type_error("source_to_code() expects bytes"));
    };
    let path = arg_str(vm, &args, 1, "source_to_code")?;
    let opt = vm.interp.import.config.optimize;
    let co = super::loader::compile(vm, &path, &data, &path, opt)?;
    let header = pyrs_marshal::pyc::PycHeader {
        validation: pyrs_marshal::pyc::Validation::Timestamp {
            mtime: 0,
            source_size: 0,
        },
    };
    let body = pyrs_marshal::pyc::write_pyc(&header, &co)[16..].to_vec();
    let code = Value::Obj(crate::code::make_code(vm, &co));
    let body = vm.new_bytes(body);
    Ok(vm.new_tuple(vec![code, body]))
}

/// `SourceFileLoader.set_data`'s work: None when written, else `(path, repr(error))`
/// of what could not be created.
fn native_set_data(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let path = arg_str(vm, &args, 0, "set_data")?;
    let Some(data) = args
        .pos
        .get(1)
        .and_then(crate::types::bytearray::bytes_like)
    else {
        return Err(vm.type_error("set_data() expects bytes"));
    };
    let mode = match args.pos.get(2) {
        Some(Value::Int(m)) => (*m as u32) & 0o666,
        _ => 0o666,
    };
    match super::cache::set_data(std::path::Path::new(&path), &data, mode) {
        Ok(()) => Ok(Value::None),
        Err((p, e)) => {
            let p = vm.new_str(&p);
            let r = vm.new_str(&super::get_code::os_error_repr(&e));
            Ok(vm.new_tuple(vec![p, r]))
        }
    }
}

/// `PathFinder.find_spec(fullname, path=None)`.
fn native_path_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = arg_str(vm, &args, 0, "find_spec")?;
    let path = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(super::loader::path_find_spec(vm, &name, &path)?.unwrap_or(Value::None))
}

/// `FileFinder(dir).find_spec(fullname)`.
fn native_file_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let dir = arg_str(vm, &args, 0, "find_spec")?;
    let name = arg_str(vm, &args, 1, "find_spec")?;
    Ok(super::loader::file_find_spec(vm, &dir, &name)?.unwrap_or(Value::None))
}

fn native_getcwd(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_str(&p.to_string_lossy())),
        Err(e) => Err(os_error(vm, &e, "")),
    }
}

fn native_isdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = arg_str(vm, &args, 0, "isdir")?;
    let p = if p.is_empty() { ".".to_string() } else { p };
    Ok(Value::Bool(std::path::Path::new(&p).is_dir()))
}

/// Whether `v` is one of the machinery's objects (by identity).
pub fn is(v: &Value, which: &Value) -> bool {
    v.is(which)
}

/// `sys.meta_path` etc. as a list of values (CPython raises when they are not lists).
pub fn sys_list(vm: &mut Vm, name: &str) -> PyResult<Option<Vec<Value>>> {
    match sys_attr(vm, name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(vm.collect(&v)?)),
    }
}
