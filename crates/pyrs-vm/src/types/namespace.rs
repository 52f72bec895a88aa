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

/// `SimpleNamespace(**kwargs)` (or a subclass: the instance is of `cls`).
pub fn namespace_new(
    vm: &mut Vm,
    cls: &PyRef,
    args: crate::types::function::Args,
) -> PyResult<Value> {
    if !args.pos.is_empty() {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let d = vm.new_dict_ref();
    let ns = Value::Obj(PyRef::new(crate::object::PyObject {
        ty: cls.clone().into(),
        dict: crate::object::DictSlot::new(Some(d)),
        payload: Payload::Plain,
    }));
    for (k, v) in args.kw {
        if let Some(d) = ns.as_obj().and_then(|o| o.dict.get()) {
            crate::types::dict::dict_set_str(vm, &d, &k, v);
        }
    }
    Ok(ns)
}

fn is_namespace(vm: &Vm, o: &PyRef) -> bool {
    crate::object::typeobj::is_subtype(&o.ty, &vm.types.simple_namespace)
}

/// `a == b` of two namespaces (either may be a subclass instance): their `__dict__`s
/// compared (`namespace_richcompare`); `None` when either is no namespace.
pub fn compare_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (a.as_obj(), b.as_obj()) else {
        return Ok(None);
    };
    if !is_namespace(vm, x) || !is_namespace(vm, y) {
        return Ok(None);
    }
    match (x.dict.get(), y.dict.get()) {
        (Some(dx), Some(dy)) => vm.eq(&Value::Obj(dx), &Value::Obj(dy)).map(Some),
        _ => Ok(None),
    }
}

/// `namespace(a=1, b=2)` (a subclass shows its own name: `Sub(a=1)`), `None` for other
/// objects.
pub fn repr(vm: &mut Vm, o: &PyRef) -> PyResult<Option<String>> {
    if !is_namespace(vm, o) {
        return Ok(None);
    }
    let Some(d) = o.dict.get() else {
        return Ok(None);
    };
    let name = if o.ty.is(&vm.types.simple_namespace) {
        "namespace".to_string()
    } else {
        crate::object::typeobj::tdata(&o.ty).name()
    };
    // A namespace holding itself shows `namespace(...)` (CPython's Py_ReprEnter).
    let marker = format!("{name}(...)");
    crate::types::repr::nested::<()>(vm, o, &marker, |vm| {
        let mut parts = Vec::new();
        for (k, v) in crate::types::dict::items(&d) {
            let k = k
                .as_str()
                .map(|s| s.as_rust().into_owned())
                .unwrap_or_default();
            parts.push(format!("{k}={}", vm.repr(&v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })
    .map(Some)
}
