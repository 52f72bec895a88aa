//! The `_imp` module: the import system's low-level functions that importlib calls
//! (CPython: `Python/import.c`, its `_imp` section, and `Python/clinic/import.c.h`).
//!
//! pyrs freezes no user-visible modules (its `_frozen_importlib` is compiled when pyrs is
//! built, `pyrs-vm/build.rs`, but not findable through `FrozenImporter`), so
//! the frozen-module functions answer "not frozen" exactly as CPython does for a name it
//! has not frozen; pyrs loads no C extensions, so `extension_suffixes()` is empty and
//! `create_dynamic` raises ImportError. `_fix_co_filename` renames a code object tree in
//! place (`import/unmarshal.rs`, which pyrs's own loaders use after reading a .pyc);
//! `_override_frozen_modules_for_tests` is absent.

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
    str_arg(vm, &args, "is_frozen", "argument")?;
    Ok(Value::Bool(false))
}

fn no_frozen(vm: &mut Vm, name: &str) -> crate::vm::PyErr {
    vm.import_error(format!("No such frozen object named '{name}'"))
}

fn is_frozen_package(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = str_arg(vm, &args, "is_frozen_package", "argument")?;
    Err(no_frozen(vm, &name))
}

fn get_frozen_object(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("data");
    args.check(vm, "get_frozen_object", 1, 2)?;
    args.pos.truncate(1);
    let name = str_arg(vm, &args, "get_frozen_object", "argument 1")?;
    Err(no_frozen(vm, &name))
}

/// `init_frozen(name)`: None when `name` is not frozen (CPython's answer).
fn init_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_arg(vm, &args, "init_frozen", "argument")?;
    Ok(Value::None)
}

/// `find_frozen(name, *, withdata=False)`: None, nothing is frozen.
fn find_frozen(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("withdata");
    str_arg(vm, &args, "find_frozen", "argument 1")?;
    Ok(Value::None)
}

fn frozen_module_names(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_frozen_module_names", 0, 0)?;
    Ok(vm.new_list(vec![]))
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
