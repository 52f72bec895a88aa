//! The pickling protocol of `object`: `__reduce_ex__`, `__reduce__`, `__getstate__`, and
//! the `__getnewargs__` of the immutable builtin types (CPython: `Objects/typeobject.c`
//! `object___reduce_ex___impl`, `reduce_newobj`, `object_getstate_default`,
//! `_PyObject_GetNewArguments`; `Lib/copyreg.py` for protocols 0 and 1). `copy.copy`,
//! `copy.deepcopy` and `pickle` call these; `enum` compares them by identity.

use crate::object::typeobj::{tdata, BaseKind};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// Methods of `object` (installed by `types/slot_wrapper.rs` as method descriptors).
pub const OBJECT_METHODS: &[(&str, NativeFn)] = &[
    ("__reduce_ex__", reduce_ex),
    ("__reduce__", reduce),
    ("__getstate__", getstate),
];

fn import(vm: &mut Vm, module: &str) -> PyResult<Value> {
    crate::import::import_module_level(vm, module, None, &Value::None, 0)
}

fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    crate::object::attr::getattr(vm, obj, &n)
}

fn attr_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    match crate::object::attr::getattr(vm, obj, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it has one, else the
/// default reduction.
fn reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce_ex__", 2, 2)?;
    let (this, proto) = (args.pos[0].clone(), args.pos[1].clone());
    let proto = vm.index_value(&proto, "'{}' object cannot be interpreted as an integer")?;
    let ty = vm.type_of(&this).clone();
    let n = vm.intern("__reduce__");
    let own = crate::object::cache::type_lookup(vm, &ty, &n);
    let overridden = match own.as_ref().and_then(|v| v.payload()) {
        Some(Payload::Builtin(b)) => b.func as usize != reduce as NativeFn as usize,
        Some(_) => true,
        None => false,
    };
    if overridden {
        let f = crate::object::attr::getattr(vm, &this, &n)?;
        return vm.call(&f, vec![]);
    }
    common_reduce(vm, &this, proto)
}

/// `object.__reduce__()`: the protocol-0 reduction.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    let this = args.pos[0].clone();
    common_reduce(vm, &this, 0)
}

fn common_reduce(vm: &mut Vm, this: &Value, proto: i64) -> PyResult<Value> {
    if proto >= 2 {
        return reduce_newobj(vm, this);
    }
    let copyreg = import(vm, "copyreg")?;
    let f = attr(vm, &copyreg, "_reduce_ex")?;
    vm.call(&f, vec![this.clone(), Value::Int(proto)])
}

/// `reduce_newobj`: `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`, or
/// `copyreg.__newobj_ex__` with keyword arguments from `__getnewargs_ex__`.
fn reduce_newobj(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let cls = Value::Obj(vm.type_of(this).clone());
    let (args, kwargs) = new_arguments(vm, this)?;
    let has_args = args.is_some();
    let copyreg = import(vm, "copyreg")?;
    let (func, newargs) = match (args, kwargs) {
        (Some(a), Some(k)) if vm.len(&k)? > 0 => {
            let f = attr(vm, &copyreg, "__newobj_ex__")?;
            let t = vm.new_tuple(vec![cls, a, k]);
            (f, t)
        }
        (a, _) => {
            let f = attr(vm, &copyreg, "__newobj__")?;
            let mut items = vec![cls];
            if let Some(a) = a {
                items.extend(vm.collect(&a)?);
            }
            (f, vm.new_tuple(items))
        }
    };
    let is_list = vm.isinstance(this, &vm.types.list.clone());
    let is_dict = vm.isinstance(this, &vm.types.dict.clone());
    let required = !has_args && !is_list && !is_dict;
    let state = get_state(vm, this, required)?;
    let listitems = if is_list { vm.iter(this)? } else { Value::None };
    let dictitems = if is_dict {
        let items = vm.call_method(this, "items", vec![])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    Ok(vm.new_tuple(vec![func, newargs, state, listitems, dictitems]))
}

/// `_PyObject_GetNewArguments`: `(args, kwargs)` from `__getnewargs_ex__` or
/// `__getnewargs__`, with CPython's checks of what they return.
fn new_arguments(vm: &mut Vm, this: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    if let Some(f) = attr_opt(vm, this, "__getnewargs_ex__")? {
        let r = vm.call(&f, vec![])?;
        let pair = match r.as_tuple() {
            Some(t) if t.len() == 2 => t.to_vec(),
            Some(t) => {
                return Err(vm.value_error(format!(
                    "__getnewargs_ex__ should return a tuple of length 2, not {}",
                    t.len()
                )))
            }
            None => {
                let t = vm.type_name(&r);
                return Err(vm.type_error(format!(
                    "__getnewargs_ex__ should return a tuple, not '{t}'"
                )));
            }
        };
        if pair[0].as_tuple().is_none() {
            let t = vm.type_name(&pair[0]);
            return Err(vm.type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{t}'"
            )));
        }
        if !matches!(pair[1].payload(), Some(Payload::Dict(_))) {
            let t = vm.type_name(&pair[1]);
            return Err(vm.type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{t}'"
            )));
        }
        return Ok((Some(pair[0].clone()), Some(pair[1].clone())));
    }
    if let Some(f) = attr_opt(vm, this, "__getnewargs__")? {
        let r = vm.call(&f, vec![])?;
        if r.as_tuple().is_none() {
            let t = vm.type_name(&r);
            return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{t}'")));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

/// `_PyObject_GetState`: `obj.__getstate__()`; when nothing else can rebuild the object
/// (`required`), an object whose builtin payload carries data cannot be pickled.
fn get_state(vm: &mut Vm, this: &Value, required: bool) -> PyResult<Value> {
    let f = attr(vm, this, "__getstate__")?;
    let default = matches!(f.payload(), Some(Payload::Builtin(b)) if b.func as usize == getstate as NativeFn as usize);
    if default && required && !plain_layout(vm, this) {
        let t = vm.type_name(this);
        return Err(vm.type_error(format!("cannot pickle '{t}' object")));
    }
    vm.call(&f, vec![])
}

/// Instances that `object.__new__` alone can make again (CPython compares the type's
/// basic size with object's plus its dict and slots).
fn plain_layout(vm: &Vm, this: &Value) -> bool {
    match this {
        Value::Obj(o) => {
            let td = tdata(&o.ty);
            td.kind == BaseKind::Object && matches!(o.payload, Payload::Plain)
                || o.ty.is(&vm.types.object)
        }
        _ => false,
    }
}

/// `object.__getstate__()`: the instance `__dict__` (None when empty), paired with the
/// set `__slots__` values when the class has slots: `(dict or None, slots)`.
fn getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__getstate__", 1, 1)?;
    let this = args.pos[0].clone();
    let Value::Obj(o) = &this else {
        return Ok(Value::None);
    };
    let state = match crate::object::attr::instance_dict(vm, o, false) {
        Some(d) if crate::types::dict::len(&d) > 0 => {
            let items = crate::types::dict::items(&d);
            let copy = vm.new_dict_ref();
            for (k, v) in items {
                crate::types::dict::set_item(vm, &copy, k, v)?;
            }
            Value::Obj(copy)
        }
        _ => Value::None,
    };
    let slots = slot_values(vm, o)?;
    Ok(match slots {
        Some(s) => vm.new_tuple(vec![state, Value::Obj(s)]),
        None => state,
    })
}

/// The `__slots__` members of `o`'s classes that hold a value, as a dict (None if none).
fn slot_values(vm: &mut Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    if !tdata(&o.ty).slotted.get() || !tdata(&o.ty).heap {
        return Ok(None);
    }
    let Some(storage) = o.dict.get() else {
        return Ok(None);
    };
    let out = vm.new_dict_ref();
    for (k, v) in crate::types::dict::items(&storage) {
        if k.as_str().is_some_and(|s| s.eq_rust("__dict__")) {
            continue;
        }
        crate::types::dict::set_item(vm, &out, k, v)?;
    }
    Ok((crate::types::dict::len(&out) > 0).then_some(out))
}

/// `int.__getnewargs__()`, `str.__getnewargs__()`, ...: the value as an exact instance of
/// the builtin type, in a 1-tuple (`complex`: its two parts).
fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__getnewargs__", 1, 1)?;
    let v = args.pos[0].clone();
    let exact = match v.payload() {
        Some(Payload::Int(b)) => crate::types::int::big_to_value(vm, b.clone()),
        Some(Payload::Float(f)) => Value::Float(*f),
        Some(Payload::Str(s)) => vm.new_pystr(crate::types::str::PyStr::from_vec(s.to_vec())),
        Some(Payload::Bytes(b)) => vm.new_bytes(b.to_vec()),
        Some(Payload::Tuple(t)) => {
            let items = t.to_vec();
            vm.new_tuple(items)
        }
        Some(Payload::Complex(re, im)) => {
            return Ok(vm.new_tuple(vec![Value::Float(*re), Value::Float(*im)]))
        }
        _ => v,
    };
    Ok(vm.new_tuple(vec![exact]))
}

/// The builtin types with `__getnewargs__`.
pub fn getnewargs_types(vm: &Vm) -> Vec<PyRef> {
    let t = &vm.types;
    vec![
        t.int.clone(),
        t.float.clone(),
        t.str.clone(),
        t.bytes.clone(),
        t.tuple.clone(),
        t.complex.clone(),
    ]
}

pub const GETNEWARGS: &[(&str, NativeFn)] = &[("__getnewargs__", getnewargs)];

/// `set.__reduce__()` / `frozenset.__reduce__()`: `(type(s), (list(s),), s.__dict__ or
/// None)`.
pub fn set_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    let this = args.pos[0].clone();
    let ty = Value::Obj(vm.type_of(&this).clone());
    let items = vm.collect(&this)?;
    let list = vm.new_list(items);
    let state = match &this {
        Value::Obj(o) => {
            crate::object::attr::instance_dict(vm, o, false).map_or(Value::None, Value::Obj)
        }
        _ => Value::None,
    };
    let args = vm.new_tuple(vec![list]);
    Ok(vm.new_tuple(vec![ty, args, state]))
}
