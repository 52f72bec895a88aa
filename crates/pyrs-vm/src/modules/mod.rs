//! The native (built-in) modules: the table of names and init functions that
//! `BuiltinImporter` and `sys.builtin_module_names` read (CPython: `Modules/config.c`'s
//! `_PyImport_Inittab` and `Python/import.c`'s `create_builtin`).
//!
//! A native module plugs in with one file here exporting `fn init(vm) -> PyResult<PyRef>`
//! (it returns the module object, its dict filled) and one line in [`INITTAB`]. `sys` and
//! `builtins` are made at interpreter start (`builtins/`), not by an init function: like
//! CPython's, they cannot be re-created (`_imp.is_builtin` says -1 for them).

pub mod _abc;
pub mod _collections;
pub mod _functools;
pub mod _imp;
pub mod _io;
pub mod _operator;
pub mod _stat;
pub mod _thread;
pub mod _warnings;
pub mod _weakref;
pub mod atexit;
pub mod errno;
pub mod itertools;
pub mod marshal;
pub mod native_type;
pub mod posix;
pub mod pwd;
pub mod time;
pub mod zlib;
pub mod zlib_stream;

use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// An init function: the new module object.
pub type InitFn = fn(&mut Vm) -> PyResult<PyRef>;

/// The native modules other than `sys` and `builtins`, sorted by name.
pub const INITTAB: &[(&str, InitFn)] = &[
    ("_abc", _abc::init),
    ("_collections", _collections::init),
    ("_functools", _functools::init),
    ("_imp", _imp::init),
    ("_io", _io::init),
    ("_operator", _operator::init),
    ("_stat", _stat::init),
    ("_thread", _thread::init),
    ("_warnings", _warnings::init),
    ("_weakref", _weakref::init),
    ("atexit", atexit::init),
    ("errno", errno::init),
    ("itertools", itertools::init),
    ("marshal", marshal::init),
    ("posix", posix::init),
    ("pwd", pwd::init),
    ("time", time::init),
    ("zlib", zlib::init),
];

/// `sys.builtin_module_names`: every native module, sorted (CPython sorts them too).
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = INITTAB.iter().map(|(n, _)| *n).collect();
    v.extend(["builtins", "sys"]);
    v.sort_unstable();
    v
}

/// `_imp.is_builtin(name)`: 1 for a native module, -1 for one that cannot be re-created
/// (`sys`, `builtins`), 0 otherwise.
pub fn is_builtin(name: &str) -> i64 {
    match name {
        "sys" | "builtins" => -1,
        _ if INITTAB.iter().any(|(n, _)| *n == name) => 1,
        _ => 0,
    }
}

/// `_imp.create_builtin`: the module object for native module `name`, or None when there
/// is no such module. `sys` and `builtins` are the interpreter's own (the one in
/// `sys.modules`); the others are made fresh by their init function, so importing one
/// again after `del sys.modules[name]` gives a new module, as multi-phase init does.
pub fn create(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match name {
        "sys" => Ok(vm.sys_module.clone().map(Value::Obj)),
        "builtins" => match crate::import::modules_get(vm, "builtins")? {
            Some(m) => Ok(Some(m)),
            None => {
                let ty = vm.types.module.clone();
                let b = vm.builtins.clone();
                Ok(Some(Value::Obj(
                    vm.alloc(&ty, crate::object::Payload::Module(b)),
                )))
            }
        },
        _ => match INITTAB.iter().find(|(n, _)| *n == name) {
            Some((_, init)) => Ok(Some(Value::Obj(init(vm)?))),
            None => Ok(None),
        },
    }
}

/// A native module's object with `__name__` and `__doc__` set, and its dict (for the init
/// functions).
pub fn new_native_module(vm: &mut Vm, name: &str, doc: &str) -> (PyRef, PyRef) {
    let (m, d) = crate::import::new_module(vm, name);
    let doc = vm.new_str(doc);
    crate::import::dict_set(vm, &d, "__doc__", doc);
    (m, d)
}

/// Put native functions into a module dict.
pub fn add_functions(
    vm: &mut Vm,
    d: &PyRef,
    fns: &[(&'static str, crate::types::function::NativeFn)],
) {
    for (n, f) in fns {
        let b = crate::types::function::new_builtin(vm, n, *f);
        crate::import::dict_set(vm, d, n, b);
    }
}

#[cfg(test)]
mod tests;
