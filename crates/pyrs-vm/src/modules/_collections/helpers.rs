//! `_collections._count_elements` (Counter's counting loop) and `_tuplegetter`
//! (namedtuple's field descriptors) (CPython: `Modules/_collectionsmodule.c`).

use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn install(vm: &mut Vm, d: &PyRef) {
    super::super::add_functions(vm, d, &[("_count_elements", count_elements)]);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__get__", tuplegetter_get),
        ("__set__", tuplegetter_set),
        ("__delete__", tuplegetter_delete),
        ("__reduce__", tuplegetter_reduce),
    ];
    let mut spec = nt::Spec::new("_tuplegetter", "_collections");
    spec.new = Some(tuplegetter_new);
    spec.methods = methods;
    let ty = nt::new_type(vm, &spec);
    // `__doc__` is per instance (namedtuple writes each field's doc).
    nt::add_property(vm, &ty, "__doc__", doc_get, Some(doc_set), None);
    crate::import::dict_set(vm, d, "_tuplegetter", Value::Obj(ty));
}

/// `_count_elements(mapping, iterable)`: `mapping[e] = mapping.get(e, 0) + 1` for each
/// element; straight on the dict when `mapping` is a dict whose class does not override
/// `get` or `__setitem__`.
fn count_elements(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nt::positional(vm, &args, "_count_elements", 2, 2)?;
    let (mapping, iterable) = (args.pos[0].clone(), args.pos[1].clone());
    let it = vm.iter(&iterable)?;
    let fast = match &mapping {
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => {
            let t = o.ty.clone();
            crate::object::protocol::heap_dunder(vm, &t, "get").is_none()
                && crate::object::protocol::heap_dunder(vm, &t, "__setitem__").is_none()
        }
        _ => false,
    };
    if fast {
        let Some(d) = mapping.as_obj().cloned() else {
            return Ok(Value::None);
        };
        while let Some(key) = vm.next(&it)? {
            let old = crate::types::dict::get_item(vm, &d, &key)?.unwrap_or(Value::Int(0));
            let new = crate::object::ops::binary_op(vm, &old, &Value::Int(1), 0)?;
            crate::types::dict::set_item(vm, &d, key, new)?;
        }
        return Ok(Value::None);
    }
    let get = nt::getattr(vm, &mapping, "get")?;
    while let Some(key) = vm.next(&it)? {
        let old = vm.call(&get, vec![key.clone(), Value::Int(0)])?;
        let new = crate::object::ops::binary_op(vm, &old, &Value::Int(1), 0)?;
        crate::object::subscript::setitem(vm, &mapping, &key, Some(new))?;
    }
    Ok(Value::None)
}

struct TupleGetter {
    index: i64,
    doc: RefCell<Value>,
}

impl NativeData for TupleGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.doc.borrow());
    }
}

fn tuplegetter_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "_tuplegetter")?;
    nt::positional(vm, &args, "_tuplegetter", 2, 2)?;
    let index = vm.index_value(
        &args.pos[0],
        "'{}' object cannot be interpreted as an integer",
    )?;
    Ok(nt::alloc(
        vm,
        &cls,
        TupleGetter {
            index,
            doc: RefCell::new(args.pos[1].clone()),
        },
    ))
}

fn this<'a>(vm: &mut Vm, args: &'a Args, m: &str) -> PyResult<&'a TupleGetter> {
    nt::this::<TupleGetter>(vm, args, m, "_collections._tuplegetter")
}

fn tuplegetter_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__get__")?;
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    if matches!(obj, Value::None) {
        return Ok(args.pos[0].clone());
    }
    let Some(t) = obj.as_tuple() else {
        let t = vm.type_name(&obj);
        return Err(vm.type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{t}' object",
            g.index
        )));
    };
    match usize::try_from(g.index).ok().and_then(|i| t.get(i)) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

fn tuplegetter_set(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.attribute_error("can't set attribute"))
}

fn tuplegetter_delete(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.attribute_error("can't delete attribute"))
}

fn tuplegetter_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__reduce__")?;
    let ty = Value::Obj(vm.type_of(&args.pos[0]).clone());
    let a = vm.new_tuple(vec![Value::Int(g.index), g.doc.borrow().clone()]);
    Ok(vm.new_tuple(vec![ty, a]))
}

fn doc_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__doc__")?;
    Ok(g.doc.borrow().clone())
}

fn doc_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__doc__")?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let old = std::mem::replace(&mut *g.doc.borrow_mut(), v);
    drop(old);
    Ok(Value::None)
}
