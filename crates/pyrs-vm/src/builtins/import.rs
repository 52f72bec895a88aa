//! `import` for now: the builtin `sys` module only; other names raise
//! `ModuleNotFoundError` as CPython does for a missing module (the import system comes
//! with the standard library issue).

use crate::object::{PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

pub fn import_name(vm: &mut Vm, name: &PyRef) -> PyResult<Value> {
    let n = Value::Obj(name.clone())
        .as_str()
        .map(|s| s.as_rust().into_owned())
        .unwrap_or_default();
    if n == "sys" {
        if let Some(m) = vm.sys_module.clone() {
            return Ok(Value::Obj(m));
        }
    }
    let t = vm.types.module_not_found_error.clone();
    Err(vm.new_error(&t, format!("No module named '{n}'")))
}

pub fn import_from(vm: &mut Vm, module: &Value, name: &PyRef) -> PyResult<Value> {
    match crate::object::attr::getattr_opt(vm, module, name)? {
        Some(v) => Ok(v),
        None => {
            let n = Value::Obj(name.clone())
                .as_str()
                .map(|s| s.as_rust().into_owned())
                .unwrap_or_default();
            Err(vm.import_error(format!("cannot import name '{n}'")))
        }
    }
}

pub fn import_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first().and_then(|v| v.as_obj()).cloned() {
        Some(n) => import_name(vm, &n),
        None => Err(vm.type_error("__import__() missing required argument 'name' (pos 1)")),
    }
}
