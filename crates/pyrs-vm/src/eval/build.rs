//! Building and unpacking: BUILD_*, UNPACK_*, LIST_APPEND and friends, FORMAT_VALUE, unary
//! operators (CPython: the matching `TARGET`s of `Python/ceval.c`).

use super::{pop, push};
use crate::object::{Payload, Value};
use crate::types::dict;
use crate::vm::{PyResult, Vm};
use pyrs_bytecode::opnum::*;

/// The top `n` stack items, bottom first, moved out of their slots into one vector of
/// exact capacity (a tuple's boxed slice is then made without a reallocation).
fn pop_n(vm: &mut Vm, n: usize) -> PyResult<Vec<Value>> {
    let len = vm.thread.stack.len();
    if n > len {
        return Err(vm.system_error("stack underflow"));
    }
    let stack = &mut vm.thread.stack;
    let mut out = Vec::with_capacity(n);
    for i in len - n..len {
        out.push(crate::frame::take_slot(&mut stack[i]).unwrap_or(Value::None));
    }
    stack.drop_empty_above(len - n);
    Ok(out)
}

pub fn unary(vm: &mut Vm, op: u8, v: &Value) -> PyResult<Value> {
    // Machine ints and floats first: they have no Python-level `__neg__` to look up
    // (`try_heap_dunder` and `num_of` cost ~140 instructions on `vel.x = -vel.x`).
    match (op, v) {
        (UNARY_NOT, _) => return Ok(Value::Bool(!vm.truthy(v)?)),
        (UNARY_NEGATIVE, Value::Float(f)) => return Ok(Value::Float(-f)),
        (UNARY_NEGATIVE, Value::Int(i)) if *i != i64::MIN => return Ok(Value::Int(-i)),
        (UNARY_POSITIVE, Value::Float(_) | Value::Int(_)) => return Ok(v.clone()),
        (UNARY_INVERT, Value::Int(i)) => return Ok(Value::Int(!i)),
        _ => {}
    }
    let (name, which, sym) = match op {
        UNARY_NEGATIVE => ("__neg__", 0, "-"),
        UNARY_POSITIVE => ("__pos__", 1, "+"),
        _ => ("__invert__", 2, "~"),
    };
    if let Some(r) = crate::object::protocol::try_heap_dunder(vm, v, name, vec![])? {
        return Ok(r);
    }
    if let (Some(Payload::Complex(re, im)), true) = (v.payload(), which != 2) {
        return crate::types::complex::unary(vm, (*re, *im), which);
    }
    match crate::types::int::num_of(v) {
        Some(crate::types::int::Num::F(f)) if which != 2 => {
            Ok(Value::Float(if which == 0 { -f } else { f }))
        }
        Some(crate::types::int::Num::F(_)) | None => Err(vm.type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            vm.type_name(v)
        ))),
        Some(n) => Ok(crate::types::int::int_unary(vm, &n, which)),
    }
}

pub fn unpack_sequence(vm: &mut Vm, v: Value, n: usize) -> PyResult<()> {
    // A tuple of the right length: its items pushed straight from it, last first
    // (3.11's UNPACK_SEQUENCE_TUPLE / _TWO_TUPLE), without a copy into a vector.
    let exact = |ty: &crate::object::PyRef| v.as_obj().is_some_and(|o| o.ty.is(ty));
    if let Some(Payload::Tuple(t)) = v.payload() {
        if t.len() == n && exact(&vm.types.tuple) {
            for x in t.iter().rev() {
                push(vm, x.clone());
            }
            return Ok(());
        }
    }
    // Exact tuples and lists are read directly; subclasses go through `__iter__`.
    let items = match v.payload() {
        Some(Payload::Tuple(t)) if exact(&vm.types.tuple) => t.to_vec(),
        Some(Payload::List(l)) if exact(&vm.types.list) => l.borrow().clone(),
        _ => {
            let it = vm.iter(&v).map_err(|e| {
                if vm.err_matches(&e, &vm.types.type_error.clone()) {
                    vm.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        vm.type_name(&v)
                    ))
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = vm.next(&it)? {
                out.push(x);
                if out.len() > n {
                    return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
                }
            }
            out
        }
    };
    if items.len() != n {
        if items.len() > n {
            return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
        }
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    for x in items.into_iter().rev() {
        push(vm, x);
    }
    Ok(())
}

pub fn unpack_ex(vm: &mut Vm, v: Value, before: usize, after: usize) -> PyResult<()> {
    let items = vm.collect(&v).map_err(|e| {
        if vm.err_matches(&e, &vm.types.type_error.clone()) {
            vm.type_error(format!(
                "cannot unpack non-iterable {} object",
                vm.type_name(&v)
            ))
        } else {
            e
        }
    })?;
    if items.len() < before + after {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mid_end = items.len() - after;
    let tail: Vec<Value> = items[mid_end..].to_vec();
    let mid = vm.new_list(items[before..mid_end].to_vec());
    for x in tail.into_iter().rev() {
        push(vm, x);
    }
    push(vm, mid);
    for x in items[..before].iter().rev() {
        push(vm, x.clone());
    }
    Ok(())
}

pub fn build(vm: &mut Vm, op: u8, n: usize) -> PyResult<()> {
    let v = match op {
        BUILD_TUPLE => {
            let items = pop_n(vm, n)?;
            vm.new_tuple(items)
        }
        BUILD_LIST => {
            let items = pop_n(vm, n)?;
            vm.new_list(items)
        }
        BUILD_SET => {
            let items = pop_n(vm, n)?;
            let ty = vm.types.set.clone();
            crate::types::set::build(vm, &ty, items)?
        }
        BUILD_MAP => {
            let items = pop_n(vm, 2 * n)?;
            let d = vm.new_dict_ref();
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                dict::set_item(vm, &d, k, v)?;
            }
            Value::Obj(d)
        }
        BUILD_CONST_KEY_MAP => {
            let keys = pop(vm);
            let vals = pop_n(vm, n)?;
            let d = vm.new_dict_ref();
            let ks = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
            for (k, v) in ks.into_iter().zip(vals) {
                dict::set_item(vm, &d, k, v)?;
            }
            Value::Obj(d)
        }
        BUILD_STRING => {
            // The parts are read in their stack slots (all strs: FORMAT_VALUE results and
            // constants) and joined in one allocation, then dropped.
            let len = vm.thread.stack.len();
            if n > len {
                return Err(vm.system_error("stack underflow"));
            }
            let stack = &vm.thread.stack;
            let parts = (len - n..len).filter_map(|i| stack[i].as_ref().and_then(|v| v.as_str()));
            let s = crate::types::str::PyStr::concat_all(parts);
            vm.thread.stack.truncate(len - n);
            vm.new_pystr(s)
        }
        BUILD_SLICE => {
            let items = pop_n(vm, n)?;
            let mut s = [Value::None, Value::None, Value::None];
            for (i, v) in items.into_iter().enumerate().take(3) {
                s[i] = v;
            }
            let ty = vm.types.slice.clone();
            Value::Obj(vm.alloc(&ty, Payload::Slice(Box::new(s))))
        }
        _ => {
            // LIST_TO_TUPLE
            let l = pop(vm);
            let items = vm.collect(&l)?;
            vm.new_tuple(items)
        }
    };
    push(vm, v);
    Ok(())
}

pub fn container_op(vm: &mut Vm, op: u8, n: usize) -> PyResult<()> {
    match op {
        MAP_ADD => {
            let v = pop(vm);
            let k = pop(vm);
            let d = super::peek(vm, n).unwrap_or(Value::None);
            if let Some(d) = d.as_obj() {
                dict::set_item(vm, d, k, v)?;
            }
        }
        _ => {
            let v = pop(vm);
            let target = super::peek(vm, n).unwrap_or(Value::None);
            match op {
                LIST_APPEND => {
                    if let Some(Payload::List(l)) = target.payload() {
                        l.borrow_mut().push(v);
                    }
                }
                LIST_EXTEND => {
                    let items = vm.collect(&v).map_err(|e| {
                        if vm.err_matches(&e, &vm.types.type_error.clone()) && vm.iter(&v).is_err()
                        {
                            vm.type_error(format!(
                                "Value after * must be an iterable, not {}",
                                vm.type_name(&v)
                            ))
                        } else {
                            e
                        }
                    })?;
                    if let Some(Payload::List(l)) = target.payload() {
                        l.borrow_mut().extend(items);
                    }
                }
                SET_ADD => crate::types::set::set_add(vm, &target, v)?,
                // `_PySet_Update`: a set operand is merged (CPython's table order).
                SET_UPDATE => crate::types::set::set_update(vm, &target, &v)?,
                _ => {
                    // DICT_MERGE / DICT_UPDATE
                    let Some(d) = target.as_obj().cloned() else {
                        return Ok(());
                    };
                    let items = match v.as_obj() {
                        Some(o) if dict::dict_data(o).is_some() => dict::items(o),
                        _ => {
                            let keys = vm.call_method(&v, "keys", vec![]).map_err(|_| {
                                vm.type_error(format!(
                                    "'{}' object is not a mapping",
                                    vm.type_name(&v)
                                ))
                            })?;
                            let mut out = Vec::new();
                            for k in vm.collect(&keys)? {
                                let val = crate::object::subscript::getitem(vm, &v, &k)?;
                                out.push((k, val));
                            }
                            out
                        }
                    };
                    for (k, val) in items {
                        if op == DICT_MERGE && dict::get_item(vm, &d, &k)?.is_some() {
                            let r = vm.repr(&k)?;
                            let func = super::peek(vm, n + 2).unwrap_or(Value::None);
                            let fs = function_str(vm, &func)?;
                            return Err(vm.type_error(format!(
                                "{fs} got multiple values for keyword argument {r}"
                            )));
                        }
                        dict::set_item(vm, &d, k, val)?;
                    }
                }
            }
        }
    }
    Ok(())
}

pub fn format_value(vm: &mut Vm, flags: u32) -> PyResult<()> {
    let spec = if flags & 4 != 0 { Some(pop(vm)) } else { None };
    let v = pop(vm);
    let v = match flags & 3 {
        1 => vm.str_value(&v)?,
        2 => vm.repr_value(&v)?,
        3 => {
            let r = vm.repr(&v)?;
            let a: String = r
                .chars()
                .map(|c| {
                    if c.is_ascii() {
                        c.to_string()
                    } else if (c as u32) < 0x100 {
                        format!("\\x{:02x}", c as u32)
                    } else if (c as u32) < 0x10000 {
                        format!("\\u{:04x}", c as u32)
                    } else {
                        format!("\\U{:08x}", c as u32)
                    }
                })
                .collect();
            vm.new_str(&a)
        }
        _ => v,
    };
    let spec_s = spec
        .as_ref()
        .and_then(|s| s.as_str())
        .map(|s| s.as_rust().into_owned())
        .unwrap_or_default();
    let r = crate::builtins::format::format(vm, &v, &spec_s)?;
    push(vm, r);
    Ok(())
}

/// CPython's `_PyObject_FunctionStr`: `module.qualname()` for a function, `name()` for a
/// builtin, the type name plus " object" otherwise (used in call error messages).
fn function_str(vm: &mut Vm, f: &Value) -> PyResult<String> {
    let f = match f.payload() {
        Some(Payload::BoundMethod(m)) => m.0.clone(),
        _ => f.clone(),
    };
    match f.payload() {
        Some(Payload::Function(fd)) => {
            let q = vm.str_string(&fd.qualname.borrow().clone())?;
            match fd.module.as_str().map(|m| m.as_rust().into_owned()) {
                Some(m) if m != "builtins" => Ok(format!("{m}.{q}()")),
                _ => Ok(format!("{q}()")),
            }
        }
        Some(Payload::Builtin(b)) => Ok(format!("{}()", b.name)),
        _ => Ok(format!("{} object", vm.type_name(&f))),
    }
}

/// `s += t` / `s = s + t` where `s` and `t` are exact strs and the next instruction is
/// STORE_FAST to the local `slot` that holds `s` (3.11's BINARY_OP_INPLACE_ADD_UNICODE):
/// when that local and the operand's stack slot are `s`'s only references, the local lets
/// go of it and `t` is appended in place (no copy of `s` unless the buffer moves); the
/// STORE_FAST that follows stores the result back. Returns false, having changed nothing,
/// in every other case (aliases such as `u = s`, subclasses, other operand types), and
/// the generic `+` runs.
#[inline(never)]
pub fn concat_in_place(vm: &mut Vm, slot: usize) -> bool {
    let str_ty = &vm.types.str;
    let unique = match (vm.thread.stack.top2(), vm.thread.fast.get(slot)) {
        (Some((Value::Obj(a), Value::Obj(b))), Some(Some(Value::Obj(local)))) => {
            a.is(local) && a.refcount() == 2 && a.ty.is(str_ty) && b.ty.is(str_ty)
        }
        _ => false,
    };
    if !unique {
        return false;
    }
    let b = pop(vm);
    let a = match pop(vm) {
        Value::Obj(a) => a,
        other => {
            // Not reached (checked above): leave the stack as it was.
            push(vm, other);
            push(vm, b);
            return false;
        }
    };
    // The local lets go of `s`: the popped reference is then the only one.
    if let Some(s) = vm.thread.fast.get_mut(slot) {
        *s = None;
    }
    let mut obj = match a.try_unwrap() {
        Ok(obj) => obj,
        Err(a) => {
            // Not reached (the count was checked): the plain concatenation.
            let r = match (&a.payload, b.as_str()) {
                (Payload::Str(x), Some(y)) => vm.new_pystr(x.concat(y)),
                _ => Value::Obj(a),
            };
            push(vm, r);
            return true;
        }
    };
    if let (Payload::Str(s), Some(t)) = (&mut obj.payload, b.as_str()) {
        s.append(t);
    }
    // Boxed again as `Vm::alloc` boxes a new object.
    push(vm, Value::Obj(crate::object::PyRef::new(obj)));
    true
}
