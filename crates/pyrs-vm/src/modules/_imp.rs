//! The `_imp` module: the import system's low-level functions that importlib calls
//! (CPython: `Python/import.c`, its `_imp` section, and `Python/clinic/import.c.h`).
//!
//! The frozen-module functions answer for the modules of `import/frozen.rs` (`zipimport`,
//! which CPython 3.11 always has frozen). pyrs's own `_frozen_importlib` and
//! `_frozen_importlib_external` are compiled into pyrs too, but they are the machinery
//! itself (pyrs's, not CPython's `_bootstrap.py`), so `FrozenImporter` does not find them
//! and `_frozen_module_names()` does not list them. pyrs loads no C extensions, so
//! `extension_suffixes()` is empty and
//! `create_dynamic` raises ImportError. `_fix_co_filename` renames a code object tree in
//! place (`import/unmarshal.rs`, which pyrs's own loaders use after reading a .pyc);
//! `_override_frozen_modules_for_tests` is absent.

use crate::import::frozen;
use crate::import::CheckHashPycs;
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

const DOC: &str = "(Extremely) low-level import machinery bits as used by importlib and imp.";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_imp", DOC);
    let fns: &[(&'static str, NativeFn)] = &[
        ("acquire_lock", acquire_lock),
        ("create_builtin", create_builtin),
        ("create_dynamic", create_dynamic),
        ("exec_builtin", exec_builtin),
        ("exec_dynamic", exec_dynamic),
        ("extension_suffixes", extension_suffixes),
        ("find_frozen", find_frozen),
        ("get_frozen_object", get_frozen_object),
        ("init_frozen", init_frozen),
        ("is_builtin", is_builtin),
        ("is_frozen", is_frozen),
        ("is_frozen_package", is_frozen_package),
        ("lock_held", lock_held),
        ("release_lock", release_lock),
        ("source_hash", source_hash),
        ("_frozen_module_names", frozen_module_names),
        ("_fix_co_filename", fix_co_filename),
    ];
    super::add_functions(vm, &d, fns);
    let mode = match vm.interp.import.config.check_hash_based_pycs {
        CheckHashPycs::Default => "default",
        CheckHashPycs::Always => "always",
        CheckHashPycs::Never => "never",
    };
    let mode = vm.new_str(mode);
    crate::import::dict_set(vm, &d, "check_hash_based_pycs", mode);
    Ok(m)
}

/// An argument that must be a str (argument clinic's `unicode` converter).
fn str_arg(vm: &mut Vm, args: &Args, fname: &str, what: &str) -> PyResult<String> {
    args.check(vm, fname, 1, 1)?;
    let v = &args.pos[0];
    match v.as_str() {
        Some(s) => Ok(s.as_rust().into_owned()),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("{fname}() {what} must be str, not {t}")))
        }
    }
}

/// The import lock is reentrant and pyrs runs one thread: a depth count.
fn lock_held(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "lock_held", 0, 0)?;
    Ok(Value::Bool(vm.interp.import.lock_depth > 0))
}

fn acquire_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "acquire_lock", 0, 0)?;
    vm.interp.import.lock_depth += 1;
    Ok(Value::None)
}

fn release_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "release_lock", 0, 0)?;
    if vm.interp.import.lock_depth == 0 {
        return Err(vm.runtime_error("not holding the import lock"));
    }
    vm.interp.import.lock_depth -= 1;
    Ok(Value::None)
}

fn is_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = str_arg(vm, &args, "is_builtin", "argument")?;
    Ok(Value::Int(super::is_builtin(&name)))
}

/// `create_builtin(spec)`: the module named `spec.name`, or None when there is none.
fn create_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "create_builtin", 1, 1)?;
    let n = vm.intern("name");
    let name = crate::object::attr::getattr(vm, &args.pos[0], &n)?;
    let Some(name) = name.as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&name);
        return Err(vm.type_error(format!("name must be string, not {t}")));
    };
    Ok(super::create(vm, &name)?.unwrap_or(Value::None))
}

/// `exec_builtin(mod)`: pyrs's native modules are complete when created (single-phase
/// init), so there is nothing to run: 0, as CPython returns for such a module.
fn exec_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exec_builtin", 1, 1)?;
    Ok(Value::Int(0))
}

fn exec_dynamic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exec_dynamic", 1, 1)?;
    Ok(Value::Int(0))
}

/// `create_dynamic(spec, file=None)`: pyrs cannot load C extension modules.
fn create_dynamic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "create_dynamic", 1, 2)?;
    let n = vm.intern("name");
    let name = crate::object::attr::getattr(vm, &args.pos[0], &n)?;
    let name = vm.str_string(&name)?;
    Err(vm.import_error(format!(
        "cannot load C extension module '{name}': pyrs does not run C extensions"
    )))
}

fn extension_suffixes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "extension_suffixes", 0, 0)?;
    Ok(vm.new_list(vec![]))
}

fn is_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = str_arg(vm, &args, "is_frozen", "argument")?;
    Ok(Value::Bool(frozen::find(&name).is_some()))
}

fn no_frozen(vm: &mut Vm, name: &str) -> crate::vm::PyErr {
    let e = vm.import_error(format!("No such frozen object named '{name}'"));
    let n = vm.new_str(name);
    crate::types::exceptions::set_member(&e.0, "name", n);
    e
}

fn is_frozen_package(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = str_arg(vm, &args, "is_frozen_package", "argument")?;
    match frozen::find(&name) {
        Some(m) => Ok(Value::Bool(m.is_package)),
        None => Err(no_frozen(vm, &name)),
    }
}

/// `get_frozen_object(name, data=None, /)`: the module's code object, or the code
/// marshalled in `data` when given.
fn get_frozen_object(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let data = args.take_kw("data");
    args.check(vm, "get_frozen_object", 1, 2)?;
    let data = data.or_else(|| args.pos.get(1).cloned());
    args.pos.truncate(1);
    let name = str_arg(vm, &args, "get_frozen_object", "argument 1")?;
    match data.filter(|d| !matches!(d, Value::None)) {
        Some(d) => {
            let Some(bytes) = crate::types::bytearray::bytes_like(&d) else {
                let t = vm.type_name(&d);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
            };
            match crate::import::unmarshal::load_pyc_body(vm, &bytes, &format!("<frozen {name}>")) {
                Ok(c) => Ok(Value::Obj(c)),
                Err(_) => Err(vm.import_error(format!("Frozen object named '{name}' is invalid"))),
            }
        }
        None => match frozen::find(&name) {
            Some(m) => Ok(Value::Obj(frozen::code(vm, m)?)),
            None => Err(no_frozen(vm, &name)),
        },
    }
}

/// `init_frozen(name)`: None when `name` is not frozen; else the module, its code run
/// (again) in the module `sys.modules` has under the name, or a new one
/// (`PyImport_ImportFrozenModuleObject`).
fn init_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = str_arg(vm, &args, "init_frozen", "argument")?;
    let Some(m) = frozen::find(&name) else {
        return Ok(Value::None);
    };
    let code = frozen::code(vm, m)?;
    let module = match crate::import::modules_get(vm, &name)? {
        Some(v)
            if v.as_obj()
                .is_some_and(|o| matches!(o.payload, crate::object::Payload::Module(_))) =>
        {
            v
        }
        _ => {
            let (module, _) = crate::import::new_module(vm, &name);
            let module = Value::Obj(module);
            crate::import::modules_set(vm, &name, module.clone())?;
            module
        }
    };
    let d = match crate::import::getattr_opt(vm, &module, "__dict__")? {
        Some(Value::Obj(d)) if matches!(d.payload, crate::object::Payload::Dict(_)) => d,
        _ => return Err(vm.type_error("module has no __dict__")),
    };
    let origname = vm.new_str(m.name);
    crate::import::dict_set(vm, &d, "__origname__", origname);
    crate::import::loader::exec_code_object(vm, &code, &module, &d)?;
    Ok(module)
}

/// `find_frozen(name, *, withdata=False)`: None, or `(data, ispkg, origname)` with
/// `data` a memoryview of the marshalled code when `withdata`.
fn find_frozen(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let withdata = args.take_kw("withdata");
    let name = str_arg(vm, &args, "find_frozen", "argument 1")?;
    let Some(m) = frozen::find(&name) else {
        return Ok(Value::None);
    };
    let data = match withdata {
        Some(w) if vm.truthy(&w)? => {
            let b = vm.new_bytes(m.code.to_vec());
            let mv = Value::Obj(vm.types.memoryview.clone());
            vm.call(&mv, vec![b])?
        }
        _ => Value::None,
    };
    let origname = vm.new_str(m.name);
    Ok(vm.new_tuple(vec![data, Value::Bool(m.is_package), origname]))
}

fn frozen_module_names(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_frozen_module_names", 0, 0)?;
    let names = frozen::names().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(names))
}

/// `_fix_co_filename(code, path, /)`: the code object (and, depth first, the nested ones
/// naming its old file) now names `path` (`update_compiled_module`).
fn fix_co_filename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("_imp._fix_co_filename() takes no keyword arguments"));
    }
    args.check(vm, "_fix_co_filename", 2, 2)?;
    let code = match &args.pos[0] {
        Value::Obj(o) if crate::code::as_code(o).is_some() => o.clone(),
        other => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!(
                "_fix_co_filename() argument 1 must be code, not {t}"
            )));
        }
    };
    let Some(path) = args.pos[1].as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!(
            "_fix_co_filename() argument 2 must be str, not {t}"
        )));
    };
    crate::import::unmarshal::fix_co_filename(&code, &path);
    Ok(Value::None)
}

/// `source_hash(key, source)`: `_Py_KeyedHash` (SipHash-1-3 keyed with `key`, 0) of the
/// bytes, as 8 bytes in native order; hash-based pycs store it (PEP 552).
fn source_hash(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let source = args.take_kw("source");
    let mut pos = std::mem::take(&mut args.pos).into_iter();
    let key = key.or_else(|| pos.next());
    let source = source.or_else(|| pos.next());
    if !args.kw.is_empty() || pos.next().is_some() {
        return Err(vm.type_error("source_hash() takes exactly 2 arguments"));
    }
    let (Some(key), Some(source)) = (key, source) else {
        return Err(vm.type_error("source_hash() missing required argument 'key' (pos 1)"));
    };
    let key = match &key {
        Value::Obj(o) if matches!(o.payload, crate::object::Payload::Int(_)) => {
            return Err(vm.overflow_error("Python int too large to convert to C long"))
        }
        _ => vm.index_value(&key, "'{}' object cannot be interpreted as an integer")?,
    };
    let Some(data) = crate::types::bytearray::bytes_like(&source) else {
        let t = vm.type_name(&source);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    let h = crate::hash::siphash13(key as u64, 0, &data);
    Ok(vm.new_bytes(h.to_ne_bytes().to_vec()))
}
