//! `obj[key]`, `obj[key] = v`, `del obj[key]` (CPython: `PyObject_GetItem` and friends in
//! `Objects/abstract.c`, the `mp_subscript`/`sq_item` slots of each sequence type).

use crate::object::protocol::try_heap_dunder;
use crate::object::typeobj::tdata;
use crate::object::{Payload, Value};
use crate::types::slice;
use crate::vm::{PyResult, Vm};

fn is_heap(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if tdata(&o.ty).heap)
}

/// Normalise a sequence index (negative from the end); IndexError with `what`.
pub fn seq_index(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => {
            // The message (a type name String) is only built off the machine-int path.
            let tn = vm.type_name(key);
            let msg = match what {
                "string" => format!("string indices must be integers, not '{tn}'"),
                "list assignment" => format!("list indices must be integers or slices, not {tn}"),
                "index" => format!("byte indices must be integers or slices, not {tn}"),
                _ => format!("{what} indices must be integers or slices, not {tn}"),
            };
            vm.index_value(key, &msg)?
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// The items at a slice's positions (from `slice::indices`), in one exact allocation;
/// a step of 1 copies the run at once.
fn slice_items(items: &[Value], start: isize, step: isize, n: usize) -> Vec<Value> {
    if step == 1 && start >= 0 {
        if let Some(run) = items.get(start as usize..start as usize + n) {
            return run.to_vec();
        }
    }
    let mut v = Vec::with_capacity(n);
    v.extend(slice::positions(start, step, n).filter_map(|i| items.get(i).cloned()));
    v
}

/// BINARY_SUBSCR after the loop's list fast path: an exact dict or tuple straight to its
/// payload (3.11's BINARY_SUBSCR_DICT / _TUPLE_INT), anything else [`getitem`].
pub fn binary_subscr(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = obj {
        if o.ty.is(&vm.types.dict) {
            // An exact dict has no `__missing__`.
            return match crate::types::dict::get_item(vm, o, key)? {
                Some(v) => Ok(v),
                None => Err(vm.key_error(key.clone())),
            };
        }
        if let (Payload::Tuple(t), Value::Int(i)) = (&o.payload, key) {
            if o.ty.is(&vm.types.tuple) {
                let j = if *i < 0 { *i + t.len() as i64 } else { *i };
                return match usize::try_from(j).ok().and_then(|j| t.get(j)) {
                    Some(v) => Ok(v.clone()),
                    None => Err(vm.index_error("tuple index out of range")),
                };
            }
        }
    }
    getitem(vm, obj, key)
}

/// STORE_SUBSCR: `obj[key] = value`, an exact dict straight to its table (3.11's
/// STORE_SUBSCR_DICT; the key and value move in), anything else [`setitem`].
pub fn store_subscr(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    if let Value::Obj(o) = &obj {
        if o.ty.is(&vm.types.dict) {
            return crate::types::dict::set_item(vm, o, key, value);
        }
    }
    setitem(vm, &obj, &key, Some(value))
}

/// DELETE_SUBSCR: `del obj[key]`, an exact dict straight to its table.
pub fn delete_subscr(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    if let Value::Obj(o) = &obj {
        if o.ty.is(&vm.types.dict) {
            return match crate::types::dict::del_item(vm, o, &key)? {
                Some(_) => Ok(()),
                None => Err(vm.key_error(key)),
            };
        }
    }
    setitem(vm, &obj, &key, None)
}

/// CONTAINS_OP: `item in container`, an exact dict straight to its table (3.12's
/// CONTAINS_OP_DICT), anything else `ops::contains`.
pub fn contains_op(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::Obj(o) = container {
        if o.ty.is(&vm.types.dict) {
            return crate::types::dict::contains(vm, o, item);
        }
    }
    crate::object::ops::contains(vm, container, item)
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    if is_heap(obj) {
        if let Some(r) = try_heap_dunder(vm, obj, "__getitem__", vec![key.clone()])? {
            return Ok(r);
        }
    }
    builtin_getitem(vm, obj, key)
}

/// `obj[key]` by the builtin payload, whatever class defines `__getitem__` (what
/// `list.__getitem__(x, i)` runs).
pub fn builtin_getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    let Some(o) = obj.as_obj() else {
        return Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            vm.type_name(obj)
        )));
    };
    let sl = match key.payload() {
        Some(Payload::Slice(s)) => Some(s.clone()),
        _ => None,
    };
    match &o.payload {
        Payload::GenericAlias(_) => crate::types::generic_alias::getitem(vm, obj, key),
        Payload::Union(_) => crate::types::union_type::getitem(vm, obj, key),
        Payload::List(l) => {
            let len = l.borrow().len();
            if let Some(s) = sl {
                let (start, _, step, n) = slice::indices(vm, &s, len)?;
                let v = slice_items(&l.borrow(), start, step, n);
                return Ok(vm.new_list(v));
            }
            let i = seq_index(vm, key, len, "list")?;
            let v = l.borrow().get(i).cloned();
            v.ok_or_else(|| vm.index_error("list index out of range"))
        }
        Payload::Tuple(t) => {
            if let Some(s) = sl {
                let (start, _, step, n) = slice::indices(vm, &s, t.len())?;
                let v = slice_items(t, start, step, n);
                return Ok(vm.new_tuple(v));
            }
            let i = seq_index(vm, key, t.len(), "tuple")?;
            Ok(t[i].clone())
        }
        Payload::Str(s) => {
            if let Some(sc) = sl {
                let (start, _, step, n) = slice::indices(vm, &sc, s.len())?;
                let v: Vec<u32> = slice::positions(start, step, n).map(|i| s.get(i)).collect();
                return Ok(vm.new_pystr(crate::types::str::PyStr::from_vec(v)));
            }
            let i = seq_index(vm, key, s.len(), "string")?;
            Ok(crate::types::str_methods::char_value(vm, s.get(i)))
        }
        Payload::Bytes(b) => {
            if let Some(sc) = sl {
                let (start, _, step, n) = slice::indices(vm, &sc, b.len())?;
                let v: Vec<u8> = slice::positions(start, step, n).map(|i| b[i]).collect();
                return Ok(vm.new_bytes(v));
            }
            let i = seq_index(vm, key, b.len(), "index")?;
            Ok(Value::Int(b[i] as i64))
        }
        Payload::ByteArray(b) => {
            let b = b.borrow().clone();
            if let Some(sc) = sl {
                let (start, _, step, n) = slice::indices(vm, &sc, b.len())?;
                let v: Vec<u8> = slice::positions(start, step, n).map(|i| b[i]).collect();
                return Ok(crate::types::bytearray::new_bytearray(vm, v));
            }
            let i = seq_index(vm, key, b.len(), "bytearray")?;
            Ok(Value::Int(b[i] as i64))
        }
        Payload::MemoryView(_) => crate::types::bytearray::getitem(vm, obj, key),
        Payload::Range(r) => crate::types::range::getitem(vm, r, key),
        Payload::Dict(_) => {
            let d = o.clone();
            match crate::types::dict::get_item(vm, &d, key)? {
                Some(v) => Ok(v),
                None => {
                    if is_heap(obj) {
                        if let Some(r) = try_heap_dunder(vm, obj, "__missing__", vec![key.clone()])?
                        {
                            return Ok(r);
                        }
                    }
                    Err(vm.key_error(key.clone()))
                }
            }
        }
        Payload::Type(_) => {
            if let Some(r) = try_heap_dunder_class(vm, obj, key)? {
                return Ok(r);
            }
            if crate::types::generic_alias::is_generic_builtin(vm, o) {
                let o = o.clone();
                return Ok(crate::types::generic_alias::new(vm, &o, key));
            }
            let n = tdata(o).name();
            Err(vm.type_error(format!("type '{n}' is not subscriptable")))
        }
        _ => Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            vm.type_name(obj)
        ))),
    }
}

fn try_heap_dunder_class(vm: &mut Vm, cls: &Value, key: &Value) -> PyResult<Option<Value>> {
    let n = vm.intern("__class_getitem__");
    match crate::object::attr::getattr_opt(vm, cls, &n)? {
        Some(f) => vm.call(&f, vec![key.clone()]).map(Some),
        None => Ok(None),
    }
}

pub fn setitem(vm: &mut Vm, obj: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    if is_heap(obj) {
        let (name, mut args) = match &value {
            Some(v) => ("__setitem__", vec![key.clone(), v.clone()]),
            None => ("__delitem__", vec![key.clone()]),
        };
        if let Some(_r) = try_heap_dunder(vm, obj, name, std::mem::take(&mut args))? {
            return Ok(());
        }
    }
    builtin_setitem(vm, obj, key, value)
}

/// `obj[key] = value` / `del obj[key]` by the builtin payload, whatever class defines
/// `__setitem__` (what `dict.__setitem__(x, k, v)` runs).
pub fn builtin_setitem(
    vm: &mut Vm,
    obj: &Value,
    key: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(o) = obj.as_obj() else {
        return Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            vm.type_name(obj)
        )));
    };
    match &o.payload {
        Payload::ByteArray(_) => {
            return crate::types::bytearray::setitem(vm, o, key, value);
        }
        Payload::MemoryView(_) => {
            return crate::types::bytearray::setitem_view(vm, obj, key, value);
        }
        Payload::List(l) => {
            if let Some(Payload::Slice(s)) = key.payload() {
                let s = s.clone();
                return crate::types::list::set_slice(vm, o, &s, value);
            }
            let len = l.borrow().len();
            let i = seq_index(vm, key, len, "list assignment")?;
            let old = match value {
                Some(v) => l
                    .borrow_mut()
                    .get_mut(i)
                    .map(|slot| std::mem::replace(slot, v)),
                None => {
                    let len = l.borrow().len();
                    if i < len {
                        Some(l.borrow_mut().remove(i))
                    } else {
                        None
                    }
                }
            };
            drop(old);
            Ok(())
        }
        Payload::Dict(_) => {
            let d = o.clone();
            match value {
                Some(v) => crate::types::dict::set_item(vm, &d, key.clone(), v),
                None => match crate::types::dict::del_item(vm, &d, key)? {
                    Some(_) => Ok(()),
                    None => Err(vm.key_error(key.clone())),
                },
            }
        }
        _ => {
            let what = if value.is_some() {
                "does not support item assignment"
            } else {
                "doesn't support item deletion"
            };
            Err(vm.type_error(format!("'{}' object {what}", vm.type_name(obj))))
        }
    }
}
