//! `types.SimpleNamespace` (CPython: `Objects/namespaceobject.c`): an object whose
//! attributes live in its `__dict__`, with the repr `namespace(a=1, b=2)`. Used for
//! `sys.implementation`.

use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A new empty namespace.
pub fn new(vm: &mut Vm) -> Value {
    let ty = vm.types.simple_namespace.clone();
    let d = vm.new_dict_ref();
    Value::Obj(PyRef::new(crate::object::PyObject {
        ty: ty.into(),
        dict: crate::object::DictSlot::new(Some(d)),
        payload: Payload::Plain,
    }))
}

pub fn set(vm: &mut Vm, ns: &Value, name: &str, v: Value) {
    if let Some(d) = ns.as_obj().and_then(|o| o.dict.get()) {
        let n = vm.intern(name);
        crate::types::dict::dict_set_str(vm, &d, &n, v);
    }
}

/// `SimpleNamespace(**kwargs)`.
pub fn namespace_new(
    vm: &mut Vm,
    _cls: &PyRef,
    args: crate::types::function::Args,
) -> PyResult<Value> {
    if !args.pos.is_empty() {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let ns = new(vm);
    for (k, v) in args.kw {
        if let Some(d) = ns.as_obj().and_then(|o| o.dict.get()) {
            crate::types::dict::dict_set_str(vm, &d, &k, v);
        }
    }
    Ok(ns)
}

/// `namespace(a=1, b=2)`, `None` for other objects.
pub fn repr(vm: &mut Vm, o: &PyRef) -> PyResult<Option<String>> {
    if !o.ty.is(&vm.types.simple_namespace) {
        return Ok(None);
    }
    let Some(d) = o.dict.get() else {
        return Ok(None);
    };
    let mut parts = Vec::new();
    for (k, v) in crate::types::dict::items(&d) {
        let k = k
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        parts.push(format!("{k}={}", vm.repr(&v)?));
    }
    Ok(Some(format!("namespace({})", parts.join(", "))))
}
