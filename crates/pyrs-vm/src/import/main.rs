//! The `__main__` module of a run: `pyrs FILE`, `pyrs -c CMD`, `pyrs -` and `pyrs -m MOD`
//! (CPython: `pymain_run_python` in `Modules/main.c`, and `runpy._run_module_as_main` /
//! `_get_module_details` in `Lib/runpy.py` for `-m`).
//!
//! `-m` finds the module through the import system (importing its parent packages first),
//! runs a package's `__main__` submodule, gets the code from the module's loader (so the
//! bytecode cache applies, as with runpy) and executes it in `__main__`'s namespace with
//! `__spec__`, `__loader__`, `__file__`, `__cached__` and `__package__` of the module and
//! `sys.argv[0]` set to its file. Errors are runpy's: `{sys.executable}: No module named X`
//! and exit status 1.

use super::{bootstrap, getattr_opt, modules_get, set_sys_attr, sys_attr, text, IsNone};
use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use pyrs_bytecode::CodeObject;
use std::io::Write;

/// What `__main__` runs.
pub enum Main {
    /// A script (source compiled by the caller): its path as shown.
    Script { path: String, code: CodeObject },
    /// A `.pyc` script: its path as shown and the marshal data after the 16-byte header
    /// (the caller checked the magic), read by the VM's .pyc reader.
    Pyc { path: String, body: Vec<u8> },
    /// `-c CMD` (`<string>`, no `__file__`) or a script on stdin (`<stdin>`, which CPython
    /// gives `__file__ = '<stdin>'`), compiled by the caller.
    Code {
        code: CodeObject,
        file: Option<String>,
    },
    /// `-m MOD`.
    Module(String),
    /// `pyrs DIR`: DIR (its absolute path is `sys.path[0]`) runs its `__main__` module,
    /// as runpy's `_run_module_as_main('__main__', alter_argv=False)`.
    MainInPath,
}

/// Everything the command line sets up for the run.
pub struct MainConfig {
    pub argv: Vec<String>,
    /// `sys.path` (the first entry as CPython computes it for the kind of run).
    pub path: Vec<String>,
    pub dont_write_bytecode: bool,
    /// The standard streams are buffered (false: `-u` or PYTHONUNBUFFERED).
    pub buffered_stdio: bool,
    pub pycache_prefix: Option<String>,
    pub import: super::ImportConfig,
    pub compile: Option<super::CompileHook>,
    /// `sys.flags` fields the command line sets, by name (the others keep the `sys`
    /// module's values).
    pub flags: Vec<(&'static str, i64)>,
    /// `-W` options (`sys.warnoptions`).
    pub warnoptions: Vec<String>,
    /// `-X` options (`sys._xoptions`: `NAME=VALUE` or `NAME` → True).
    pub xoptions: Vec<String>,
    /// The CPython 3.11 installation whose library is on `sys.path` (`getpath.rs`);
    /// sets `sys.prefix` and friends.
    pub prefix: Option<super::getpath::Prefix>,
    /// False under `-E`/`-I`: the VM ignores the `PYTHON*` variables it reads itself.
    pub use_environment: bool,
}

/// `sys.flags` with the command line's values: a new instance of the `sys.flags` type
/// (a struct sequence; its field order is CPython's).
fn set_flags(vm: &mut Vm, flags: &[(&'static str, i64)]) -> PyResult<()> {
    let Some(old) = sys_attr(vm, "flags") else {
        return Ok(());
    };
    let ty = vm.type_of(&old).clone();
    let mut vals = vm.collect(&old)?;
    const FIELDS: [&str; 18] = crate::builtins::sys::SYS_FLAGS_FIELDS;
    if vals.len() != FIELDS.len() {
        return Ok(());
    }
    for (name, v) in flags {
        if let Some(i) = FIELDS.iter().position(|f| f == name) {
            // dev_mode and safe_path are bools in CPython, the others ints.
            vals[i] = match vals[i] {
                Value::Bool(_) => Value::Bool(*v != 0),
                _ => Value::Int(*v),
            };
        }
    }
    let f = crate::types::structseq::new(vm, &ty, vals);
    set_sys_attr(vm, "flags", f);
    Ok(())
}

/// `sys.prefix`, `exec_prefix`, their `base_` twins, `platlibdir` and `_stdlib_dir`, as
/// CPython sets them for its installation (no virtual environments yet: the base
/// prefixes equal the prefixes). Without an installation they are CPython's defaults.
fn set_prefix(vm: &mut Vm, prefix: Option<&super::getpath::Prefix>) {
    let (p, e, lib) = match prefix {
        Some(p) => (
            p.prefix.to_string_lossy().into_owned(),
            p.exec_prefix.to_string_lossy().into_owned(),
            Some(p.stdlib_dir().to_string_lossy().into_owned()),
        ),
        None => ("/usr/local".to_string(), "/usr/local".to_string(), None),
    };
    for (name, v) in [
        ("prefix", &p),
        ("base_prefix", &p),
        ("exec_prefix", &e),
        ("base_exec_prefix", &e),
        ("platlibdir", &"lib".to_string()),
    ] {
        let s = vm.new_str(v);
        set_sys_attr(vm, name, s);
    }
    let lib = match lib {
        Some(l) => vm.new_str(&l),
        None => Value::None,
    };
    set_sys_attr(vm, "_stdlib_dir", lib);
}

/// Run `main` as `__main__` on a thread with a large stack; the exit status.
pub fn run(main: Main, config: MainConfig) -> i32 {
    let t = std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || run_on_thread(main, config));
    match t.map(|h| h.join()) {
        Ok(Ok(status)) => {
            crate::signals::exit_if_interrupted();
            status
        }
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "Fatal Python error: the pyrs VM failed (internal error)"
            );
            70
        }
    }
}

fn run_on_thread(main: Main, config: MainConfig) -> i32 {
    let mut vm = Vm::with_environment(config.use_environment);
    crate::builtins::print::set_stdio_buffered(&mut vm, config.buffered_stdio);
    crate::signals::install(&mut vm);
    crate::builtins::sys::set_argv(&mut vm, &config.argv);
    let globals = vm.new_dict_ref();
    // `__main__`'s namespace as CPython 3.11 creates it.
    let main_name = vm.new_str("__main__");
    super::dict_set(&mut vm, &globals, "__name__", main_name);
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        super::dict_set(&mut vm, &globals, k, Value::None);
    }
    let ann = Value::Obj(vm.new_dict_ref());
    super::dict_set(&mut vm, &globals, "__annotations__", ann);
    let b = Value::Obj(vm.builtins.clone());
    super::dict_set(&mut vm, &globals, "__builtins__", b);
    vm.interp.import.config = config.import.clone();
    super::setup(
        &mut vm,
        &globals,
        &config.path,
        config.dont_write_bytecode,
        config.compile,
    );
    let prefix = match &config.pycache_prefix {
        Some(p) => vm.new_str(p),
        None => Value::None,
    };
    set_sys_attr(&mut vm, "pycache_prefix", prefix);
    set_prefix(&mut vm, config.prefix.as_ref());
    if let Err(e) = set_flags(&mut vm, &config.flags) {
        return crate::handle_uncaught(&mut vm, e);
    }
    // `init_importlib_external`'s `_PyImportZip_Init` (before the banner, as in CPython).
    super::bootstrap::install_zipimport(&mut vm);
    // `pymain_header`: with -v (and without -q) CPython prints its banner on stderr.
    let flag = |n: &str| {
        config
            .flags
            .iter()
            .find(|(k, _)| *k == n)
            .map_or(0, |f| f.1)
    };
    if config.import.verbose > 0 && flag("quiet") == 0 {
        let version = sys_attr(&mut vm, "version")
            .and_then(|v| text(&v))
            .unwrap_or_default();
        let platform = sys_attr(&mut vm, "platform")
            .and_then(|v| text(&v))
            .unwrap_or_default();
        let _ = writeln!(std::io::stderr(), "Python {version} on {platform}");
        if flag("no_site") == 0 {
            let _ = writeln!(
                std::io::stderr(),
                "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information."
            );
        }
    }
    let w = config.warnoptions.iter().map(|o| vm.new_str(o)).collect();
    let w = vm.new_list(w);
    set_sys_attr(&mut vm, "warnoptions", w);
    let x = vm.new_dict_ref();
    for o in &config.xoptions {
        let (k, v) = match o.split_once('=') {
            Some((k, v)) => (k, vm.new_str(v)),
            None => (o.as_str(), Value::Bool(true)),
        };
        let k = vm.new_str(k);
        let _ = crate::types::dict::set_item(&mut vm, &x, k, v);
    }
    set_sys_attr(&mut vm, "_xoptions", Value::Obj(x));
    // `init_interp_main`: with -W options (or PYTHONWARNINGS) the `warnings` module is
    // imported at startup, which applies them to the filters.
    if !config.warnoptions.is_empty() {
        if let Err(e) = super::get_or_load(&mut vm, "warnings") {
            let text = crate::report::format_exception(&mut vm, &e.0);
            let _ = write!(
                std::io::stderr(),
                "'import warnings' failed; traceback:\n{text}"
            );
        }
    }
    let r = match main {
        Main::Script { path, code } => {
            let code = crate::code::make_code(&mut vm, &code);
            let r = run_script(&mut vm, &globals, &path, &code);
            crate::builtins::print::flush_io(&mut vm);
            r
        }
        Main::Pyc { path, body } => match super::unmarshal::loads_main_code(&mut vm, &body) {
            Some(code) => {
                let r = run_script(&mut vm, &globals, &path, &code);
                crate::builtins::print::flush_io(&mut vm);
                r
            }
            None => {
                let _ = writeln!(
                    std::io::stderr(),
                    "RuntimeError: Bad code object in .pyc file"
                );
                return finish(&mut vm, &globals, 1);
            }
        },
        Main::Code { code, file } => {
            let from_stdin = file.is_some();
            if let Some(f) = file {
                let f = vm.new_str(&f);
                super::dict_set(&mut vm, &globals, "__file__", f);
                super::dict_set(&mut vm, &globals, "__cached__", Value::None);
            }
            if let Ok(b) = bootstrap::boot(&mut vm) {
                super::dict_set(&mut vm, &globals, "__loader__", b.builtin_importer);
            }
            let r = exec_main(&mut vm, &globals, &code);
            if from_stdin {
                crate::builtins::print::flush_io(&mut vm);
            }
            r
        }
        Main::MainInPath => match run_main_in_path(&mut vm, &globals) {
            Ok(r) => r,
            Err(msg) => {
                let exe = sys_attr(&mut vm, "executable")
                    .and_then(|e| text(&e))
                    .unwrap_or_default();
                let _ = writeln!(std::io::stderr(), "{exe}: {msg}");
                return finish(&mut vm, &globals, 1);
            }
        },
        Main::Module(name) => match run_module_as_main(&mut vm, &globals, &name) {
            Ok(r) => r,
            Err(msg) => {
                let exe = sys_attr(&mut vm, "executable")
                    .and_then(|e| text(&e))
                    .unwrap_or_default();
                let _ = writeln!(std::io::stderr(), "{exe}: {msg}");
                return finish(&mut vm, &globals, 1);
            }
        },
    };
    let status = match r {
        Ok(()) => 0,
        Err(e) => crate::handle_uncaught(&mut vm, e),
    };
    finish(&mut vm, &globals, status)
}

/// Interpreter shutdown (`Py_FinalizeEx`'s order): finalizers still due run, the `atexit`
/// callbacks run, the standard streams are flushed (`flush_std_files`; when that fails the status is 120, as
/// `Py_RunMain`'s), then the modules go ([`finalize_modules`]) and the streams are
/// flushed a last time.
fn finish(vm: &mut Vm, globals: &PyRef, status: i32) -> i32 {
    crate::finalize::run_pending(vm);
    // `_PyAtExit_Call`: before the streams are flushed and the modules go.
    crate::modules::atexit::run_exitfuncs(vm);
    let status = if crate::builtins::print::flush_std_files(vm) {
        status
    } else {
        120
    };
    // From here `sys.is_finalizing()` is true (CPython sets it before clearing modules).
    vm.interp.sys_runtime.finalizing = true;
    finalize_modules(vm, globals);
    crate::builtins::print::final_flush(vm);
    status
}

/// `finalize_modules` as far as pyrs can follow it without a cycle collector, so the
/// `__del__` of objects that module globals hold runs at exit (and files they hold are
/// flushed and closed), in CPython's order for the common cases:
/// 1. every `sys.modules` entry is set to None in order ("cleanup[2] removing"); a module
///    nothing else holds is freed there, its namespace with it (entries in order);
/// 2. `__main__`'s namespace goes as CPython's collector takes the cycle through its
///    functions' `__globals__`: finalizers first, with every name still bound (PEP 442) —
///    pyrs drops the data values first (not modules, classes or functions), in
///    insertion order;
/// 3. the namespaces of the modules still alive are cleared in insertion order ("cleanup[3]
///    wiping", and the collector's work on module cycles): first those only `__main__`
///    still binds (they die with it), in its order; then `__main__`'s functions and
///    classes go; then the other modules, in reverse import order; then `__main__`'s
///    last bindings. `sys` and `builtins` keep theirs (CPython wipes them last, after
///    everything that could run Python code).
/// Without the collector's graph, the order among finalizers can differ from CPython's
/// (an object held by a function attribute finalizes after the modules only `__main__`
/// binds; CPython's collector may take it first), but no finalizer sees a name unbound
/// that CPython's would see bound.
/// Finalizers run after each value goes.
fn finalize_modules(vm: &mut Vm, main_globals: &PyRef) {
    use crate::object::Payload;
    // `finalize_modules_delete_special`: these `sys` attributes are None from here.
    for name in [
        "path",
        "argv",
        "ps1",
        "ps2",
        "last_type",
        "last_value",
        "last_traceback",
        "path_hooks",
        "path_importer_cache",
        "meta_path",
        "__interactivehook__",
    ] {
        set_sys_attr(vm, name, Value::None);
    }
    let modules = match sys_attr(vm, "modules") {
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => Some(d),
        _ => None,
    };
    let mut alive = Vec::new();
    if let Some(modules) = &modules {
        for (name, module) in crate::types::dict::items(modules) {
            let keep = matches!(
                text(&name).as_deref(),
                Some("sys" | "builtins" | "__main__")
            );
            let _ = crate::types::dict::set_item(vm, modules, name, Value::None);
            if let (false, Value::Obj(m)) = (keep, &module) {
                if matches!(m.payload, Payload::Module(_)) {
                    alive.push(crate::object::refcount::WeakSlot::new(m));
                }
            }
            drop(module);
            crate::finalize::run_pending(vm);
        }
    }
    let is_module = |v: &Value| matches!(v.payload(), Some(Payload::Module(_)));
    let is_code = |v: &Value| {
        matches!(
            v.payload(),
            Some(Payload::Type(_) | Payload::Function(_) | Payload::Builtin(_))
        )
    };
    remove_where(vm, main_globals, |v| !is_module(v) && !is_code(v));
    // Modules only `__main__` binds (one reference: its entry), in its order.
    let bound: Vec<PyRef> = crate::types::dict::items(main_globals)
        .into_iter()
        .filter_map(|(_, v)| v.as_obj().cloned())
        .filter(|m| matches!(m.payload, Payload::Module(_)))
        .collect();
    let mut wiped: Vec<usize> = Vec::new();
    for m in bound {
        // Two references: the entry and `m`.
        if m.refcount() == 2 && !wiped.contains(&m.id()) {
            wiped.push(m.id());
            if let Payload::Module(d) = &m.payload {
                let d = d.clone();
                clear_namespace(vm, &d);
            }
        }
    }
    // Then `__main__`'s functions and classes (and what only they hold), everything they
    // could need still bound, then the other modules in reverse import order.
    remove_where(vm, main_globals, |v| is_code(v));
    for slot in alive.iter().rev() {
        let Some(m) = slot.get() else { continue };
        if wiped.contains(&m.id()) {
            continue;
        }
        if let Payload::Module(d) = &m.payload {
            let d = d.clone();
            drop(m);
            clear_namespace(vm, &d);
        }
    }
    clear_namespace(vm, main_globals);
}

/// Remove (in insertion order) the entries of namespace `d` whose value `pick` selects,
/// running the finalizers each value releases.
fn remove_where(vm: &mut Vm, d: &PyRef, pick: impl Fn(&Value) -> bool) {
    for (k, v) in crate::types::dict::items(d) {
        if pick(&v) {
            drop(v);
            let _ = crate::types::dict::del_item(vm, d, &k);
            crate::finalize::run_pending(vm);
        }
    }
}

/// Empty a namespace in insertion order, running the finalizers each value releases.
fn clear_namespace(vm: &mut Vm, d: &PyRef) {
    if let Some(dd) = crate::types::dict::dict_data(d) {
        let old = dd.borrow_mut().clear();
        for entry in old {
            drop(entry);
            crate::finalize::run_pending(vm);
        }
    }
}

fn exec_main(vm: &mut Vm, globals: &PyRef, code: &CodeObject) -> PyResult<()> {
    let code_obj = crate::code::make_code(vm, code);
    exec_main_obj(vm, globals, &code_obj)
}

fn exec_main_obj(vm: &mut Vm, globals: &PyRef, code: &PyRef) -> PyResult<()> {
    crate::eval::call::run_module_code(vm, code, globals).map(|_| ())
}

/// `pyrs FILE`: `__file__`, `__cached__` None, and a `SourceFileLoader` (or
/// `SourcelessFileLoader`) named `__main__` as `__loader__`; `__spec__` stays None.
fn run_script(vm: &mut Vm, globals: &PyRef, path: &str, code: &PyRef) -> PyResult<()> {
    let f = vm.new_str(path);
    super::dict_set(vm, globals, "__file__", f);
    super::dict_set(vm, globals, "__cached__", Value::None);
    if let Ok(b) = bootstrap::boot(vm) {
        let cls = if path.ends_with(".pyc") {
            b.sourceless_loader
        } else {
            b.source_loader
        };
        let n = vm.new_str("__main__");
        let p = vm.new_str(path);
        let loader = vm.call(&cls, vec![n, p])?;
        super::dict_set(vm, globals, "__loader__", loader);
    }
    exec_main_obj(vm, globals, code)
}

/// runpy's `_Error`: a message for `{sys.executable}: {msg}`; other exceptions propagate.
type RunpyResult<T> = Result<T, String>;

/// The error text of an exception (`str(e)`), for runpy's messages.
fn err_text(vm: &mut Vm, e: &crate::vm::PyErr) -> String {
    let t = vm.type_name(&Value::Obj(e.0.clone()));
    let s = vm.str_string(&Value::Obj(e.0.clone())).unwrap_or_default();
    format!("{t}: {s}")
}

/// `runpy._get_module_details(mod_name)`: (spec, code) or runpy's error; Python exceptions
/// other than the import errors runpy catches are returned as `Ok(Err(e))`.
fn module_details(
    vm: &mut Vm,
    mod_name: &str,
) -> RunpyResult<Result<(Value, PyRef), crate::vm::PyErr>> {
    if mod_name.starts_with('.') {
        return Err("Relative module names not supported".into());
    }
    let import_error = vm.types.import_error.clone();
    if let Some((pkg_name, _)) = mod_name.rsplit_once('.') {
        if let Err(e) = super::import_module_level(vm, pkg_name, None, &Value::None, 0) {
            if !vm.err_matches(&e, &import_error) {
                return Ok(Err(e));
            }
            // runpy re-raises unless the missing module is the package (or a parent).
            let missing = crate::types::exceptions::exc_args(&e.0)
                .first()
                .and_then(text)
                .and_then(|m| {
                    m.strip_prefix("No module named '")
                        .and_then(|r| r.split('\'').next())
                        .map(str::to_string)
                });
            match missing {
                Some(n) if n == pkg_name || pkg_name.starts_with(&format!("{n}.")) => {}
                _ => return Ok(Err(e)),
            }
        }
    }
    let spec = match find_spec_for(vm, mod_name) {
        Ok(s) => s,
        Err(e) => {
            if vm.err_matches(&e, &import_error) {
                let t = err_text(vm, &e);
                return Err(format!(
                    "Error while finding module specification for '{mod_name}' ({t})"
                ));
            }
            return Ok(Err(e));
        }
    };
    let Some(spec) = spec else {
        return Err(format!("No module named {mod_name}"));
    };
    let locations = match getattr_opt(vm, &spec, "submodule_search_locations") {
        Ok(l) => l.unwrap_or(Value::None),
        Err(e) => return Ok(Err(e)),
    };
    if !locations.is_none() {
        if mod_name == "__main__" || mod_name.ends_with(".__main__") {
            return Err("Cannot use package as __main__ module".into());
        }
        let pkg_main = format!("{mod_name}.__main__");
        return match module_details(vm, &pkg_main) {
            Err(msg) => Err(format!(
                "{msg}; '{mod_name}' is a package and cannot be directly executed"
            )),
            Ok(Err(e)) if vm.err_matches(&e, &import_error) => {
                let t = err_text(vm, &e);
                Err(format!(
                    "{t}; '{mod_name}' is a package and cannot be directly executed"
                ))
            }
            r => r,
        };
    }
    let loader = match getattr_opt(vm, &spec, "loader") {
        Ok(l) => l.unwrap_or(Value::None),
        Err(e) => return Ok(Err(e)),
    };
    if loader.is_none() {
        return Err(format!(
            "'{mod_name}' is a namespace package and cannot be executed"
        ));
    }
    match get_code(vm, &loader, mod_name) {
        Ok(Some(code)) => Ok(Ok((spec, code))),
        Ok(None) => Err(format!("No code object available for {mod_name}")),
        Err(e) if vm.err_matches(&e, &import_error) => {
            let t = err_text(vm, &e);
            Err(format!(
                "Error while finding module specification for '{mod_name}' ({t})"
            ))
        }
        Err(e) => Ok(Err(e)),
    }
}

/// `importlib.util.find_spec(name)`: `sys.modules[name].__spec__` if imported, else the
/// meta path search with the parent's `__path__`.
fn find_spec_for(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    if let Some(m) = modules_get(vm, name)? {
        return Ok(getattr_opt(vm, &m, "__spec__")?.filter(|s| !s.is_none()));
    }
    let path = match name.rsplit_once('.') {
        Some((parent, _)) => {
            // `importlib.util.find_spec` imports the parent (errors propagate).
            let pm = super::get_or_load(vm, parent)?;
            match getattr_opt(vm, &pm, "__path__")? {
                Some(p) => p,
                None => {
                    return Err(super::module_not_found(
                        vm,
                        format!(
                        "__path__ attribute not found on '{parent}' while trying to find '{name}'"
                    ),
                        name,
                    ))
                }
            }
        }
        None => Value::None,
    };
    super::loader::find_spec(vm, name, &path)
}

/// `loader.get_code(name)`: natively for the machinery's file loaders.
fn get_code(vm: &mut Vm, loader: &Value, name: &str) -> PyResult<Option<PyRef>> {
    let b = bootstrap::boot(vm)?;
    let ty = Value::Obj(vm.type_of(loader).clone());
    let path = getattr_opt(vm, loader, "path")?.and_then(|p| text(&p));
    if let (true, Some(p)) = (ty.is(&b.source_loader), &path) {
        return Ok(Some(super::loader::get_code(
            vm,
            name,
            std::path::Path::new(p),
        )?));
    }
    if let (true, Some(p)) = (ty.is(&b.sourceless_loader), &path) {
        return Ok(Some(super::loader::sourceless_code(
            vm,
            name,
            std::path::Path::new(p),
        )?));
    }
    let Some(f) = getattr_opt(vm, loader, "get_code")? else {
        return Err(vm.import_error(format!("loader for {name} cannot handle {name}")));
    };
    let n = vm.new_str(name);
    let c = vm.call(&f, vec![n])?;
    if c.is_none() {
        return Ok(None);
    }
    match c {
        Value::Obj(o) if crate::code::as_code(&o).is_some() => Ok(Some(o)),
        _ => Err(vm.type_error("get_code() did not return a code object")),
    }
}

/// `runpy._get_main_module_details()` + `_run_module_as_main('__main__', False)`: the
/// `__main__` module found on `sys.path` (whose first entry is the directory), looked up
/// with `sys.modules['__main__']` set aside.
fn run_main_in_path(vm: &mut Vm, globals: &PyRef) -> RunpyResult<PyResult<()>> {
    let saved = super::modules_del(vm, "__main__").ok().flatten();
    let details = module_details(vm, "__main__");
    if let Some(m) = saved {
        let _ = super::modules_set(vm, "__main__", m);
    }
    let details = match details {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => return Ok(Err(e)),
        Err(msg) if msg.contains("'__main__'") || msg.contains(" __main__") => {
            let p0 = match bootstrap::sys_list(vm, "path") {
                Ok(Some(p)) => p.first().and_then(text).unwrap_or_default(),
                _ => String::new(),
            };
            return Err(format!("can't find '__main__' module in '{p0}'"));
        }
        Err(msg) => return Err(msg),
    };
    Ok(run_code_as_main(vm, globals, details, false))
}

/// `runpy._run_module_as_main(mod_name)`.
fn run_module_as_main(vm: &mut Vm, globals: &PyRef, name: &str) -> RunpyResult<PyResult<()>> {
    let details = match module_details(vm, name)? {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    Ok(run_code_as_main(vm, globals, details, true))
}

/// runpy's `_run_code` in `__main__`'s namespace (`alter_argv`: `sys.argv[0]` becomes the
/// module's file).
fn run_code_as_main(
    vm: &mut Vm,
    globals: &PyRef,
    (spec, code): (Value, PyRef),
    alter_argv: bool,
) -> PyResult<()> {
    (|| -> PyResult<()> {
        let origin = getattr_opt(vm, &spec, "origin")?.unwrap_or(Value::None);
        // `sys.argv[0] = mod_spec.origin`.
        if !alter_argv {
        } else if let Some(Value::Obj(argv)) = sys_attr(vm, "argv") {
            if let crate::object::Payload::List(l) = &argv.payload {
                if let Some(first) = l.borrow_mut().first_mut() {
                    *first = origin.clone();
                }
            }
        }
        let cached = getattr_opt(vm, &spec, "cached")?.unwrap_or(Value::None);
        let loader = getattr_opt(vm, &spec, "loader")?.unwrap_or(Value::None);
        let parent = getattr_opt(vm, &spec, "parent")?.unwrap_or(Value::None);
        let main = vm.new_str("__main__");
        // `_run_code`'s `run_globals.update(...)`, in its order.
        super::dict_set(vm, globals, "__name__", main);
        super::dict_set(vm, globals, "__file__", origin);
        super::dict_set(vm, globals, "__cached__", cached);
        super::dict_set(vm, globals, "__doc__", Value::None);
        super::dict_set(vm, globals, "__loader__", loader);
        super::dict_set(vm, globals, "__package__", parent);
        super::dict_set(vm, globals, "__spec__", spec.clone());
        run_under_runpy(vm, globals, &code)
    })()
}

/// `<frozen runpy>`'s `_run_module_as_main` -> `_run_code` -> `exec(code, globals)`, so
/// the main module runs under the two frames CPython's runpy gives it (its tracebacks
/// start with them). The frozen functions live in a namespace of their own.
fn run_under_runpy(vm: &mut Vm, globals: &PyRef, code: &PyRef) -> PyResult<()> {
    let runpy = bootstrap::frozen_code(vm, &bootstrap::FROZEN_RUNPY)?;
    let d = vm.new_dict_ref();
    let name = vm.new_str("runpy");
    super::dict_set(vm, &d, "__name__", name);
    let b = Value::Obj(vm.builtins.clone());
    super::dict_set(vm, &d, "__builtins__", b);
    crate::eval::call::run_module_code(vm, &runpy, &d)?;
    let f = vm.intern("_run_module_as_main");
    let h = crate::object::attr::hash_of(vm, &f);
    let Some(f) = crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&f), h) else {
        return Err(vm.system_error("<frozen runpy>: _run_module_as_main missing"));
    };
    vm.call(
        &f,
        vec![Value::Obj(code.clone()), Value::Obj(globals.clone())],
    )?;
    Ok(())
}
