//! Iteration (CPython: `PyObject_GetIter`/`PyIter_Next`, `Objects/iterobject.c`,
//! `Objects/enumobject.c`, `Python/bltinmodule.c` zip/map/filter): the iterator objects of
//! builtin sequences and the builtin iterator types.

use crate::object::protocol::{heap_dunder, try_heap_dunder};
use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{One, Zero};
use std::cell::Cell;

fn is_heap(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if tdata(&o.ty).heap)
}

fn seq_iter(vm: &mut Vm, ty: PyRef, v: &Value) -> Value {
    Value::Obj(vm.alloc(&ty, Payload::SeqIter(v.clone(), Cell::new(0))))
}

/// `longrange_iterator`: a range whose bounds or length pass i64, read by index.
fn longrange_iter(vm: &mut Vm, range: &Value) -> Value {
    let ty = vm.types.longrange_iterator.clone();
    seq_iter(vm, ty, range)
}

pub fn get_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_heap(v) {
        // `__iter__ = None` declares the class not iterable (no `__getitem__` fallback).
        let ty = vm.type_of(v).clone();
        if let Some(Value::None) = heap_dunder(vm, &ty, "__iter__") {
            return Err(vm.type_error(format!("'{}' object is not iterable", vm.type_name(v))));
        }
        if let Some(it) = try_heap_dunder(vm, v, "__iter__", vec![])? {
            let ty = vm.type_of(&it).clone();
            let ok = !tdata(&ty).heap && is_iterator_payload(vm, &it)
                || heap_dunder(vm, &ty, "__next__").is_some();
            if !ok {
                return Err(vm.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    vm.type_name(&it)
                )));
            }
            return Ok(it);
        }
    }
    builtin_iter(vm, v)
}

/// `iter(v)` by the builtin payload, whatever class defines `__iter__` (what
/// `list.__iter__(x)` runs).
pub fn builtin_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = &vm.types;
    let made = match v.payload() {
        Some(Payload::List(_)) => Some(t.list_iterator.clone()),
        Some(Payload::Tuple(_)) => Some(t.tuple_iterator.clone()),
        Some(Payload::Str(_)) => Some(t.str_iterator.clone()),
        Some(Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_)) => {
            Some(t.iterator.clone())
        }
        _ => None,
    };
    if let Some(ty) = made {
        return Ok(seq_iter(vm, ty, v));
    }
    match v.payload() {
        Some(Payload::Range(r)) => {
            let Some((start, stop, step)) = r.small() else {
                return Ok(longrange_iter(vm, v));
            };
            let ty = vm.types.range_iterator.clone();
            return Ok(Value::Obj(vm.alloc(
                &ty,
                Payload::RangeIter(Cell::new(start), stop, step, start),
            )));
        }
        Some(Payload::Dict(_)) => return Ok(dict_iter(vm, v.as_obj().cloned(), 0)),
        Some(Payload::GenericAlias(_)) => {
            return Ok(crate::types::generic_alias::alias_iter(vm, v.clone()))
        }
        Some(Payload::DictView(d, kind)) => {
            let (d, kind) = (d.clone(), *kind);
            return Ok(dict_iter(vm, Some(d), kind));
        }
        Some(Payload::Set(s)) => {
            let items = s.borrow().items();
            let tup = vm.new_tuple(items);
            let ty = vm.types.set_iterator.clone();
            return Ok(seq_iter(vm, ty, &tup));
        }
        _ => {}
    }
    if is_iterator_payload(vm, v) {
        return Ok(v.clone());
    }
    if is_heap(v) {
        let ty = vm.type_of(v).clone();
        if heap_dunder(vm, &ty, "__getitem__").is_some() {
            let ty = vm.types.iterator.clone();
            return Ok(seq_iter(vm, ty, v));
        }
    }
    Err(vm.type_error(format!("'{}' object is not iterable", vm.type_name(v))))
}

/// The `kind` bit of a `Payload::DictIter` that walks the dict backwards
/// (`dict_reversekeyiterator`, ...): its position counts the dense entries not yet
/// examined from the end (`dictreviter_iternext` reads `pos - 1` down to 0).
pub const DICT_REVERSED: u8 = 4;

/// `reversed(d)`, `reversed(d.values())`, ... (`dictreviter_new`).
fn dict_reverse_iter(vm: &mut Vm, d: PyRef, kind: u8) -> Value {
    let ty = match kind {
        0 => vm.types.dict_reversekeyiterator.clone(),
        1 => vm.types.dict_reversevalueiterator.clone(),
        _ => vm.types.dict_reverseitemiterator.clone(),
    };
    let (n, top) = match crate::types::dict::dict_data(&d) {
        Some(dd) => {
            let b = dd.borrow();
            (b.len(), b.dense_len())
        }
        None => (0, 0),
    };
    Value::Obj(vm.alloc(
        &ty,
        Payload::DictIter(d, Cell::new(top), kind | DICT_REVERSED, n),
    ))
}

fn dict_iter(vm: &mut Vm, d: Option<PyRef>, kind: u8) -> Value {
    let Some(d) = d else { return Value::None };
    let ty = match kind {
        0 => vm.types.dict_keyiterator.clone(),
        1 => vm.types.dict_valueiterator.clone(),
        _ => vm.types.dict_itemiterator.clone(),
    };
    let n = crate::types::dict::len(&d);
    Value::Obj(vm.alloc(&ty, Payload::DictIter(d, Cell::new(0), kind, n)))
}

fn is_iterator_payload(vm: &Vm, v: &Value) -> bool {
    let Some(o) = v.as_obj() else {
        return false;
    };
    match &o.payload {
        Payload::SeqIter(..)
        | Payload::RangeIter(..)
        | Payload::DictIter(..)
        | Payload::Enumerate(..)
        | Payload::Zip(..)
        | Payload::Map(_)
        | Payload::Filter(_)
        | Payload::CallableIter(_)
        | Payload::Reversed(..)
        | Payload::AsyncGenOp(_) => true,
        // Coroutines and async generators are not iterators.
        Payload::Generator(_) => o.ty.is(&vm.types.generator) || tdata(&o.ty).heap,
        _ => false,
    }
}

/// Whether `v` is an iterator (a builtin one, or its class defines `__next__`).
pub fn is_iterator(vm: &mut Vm, v: &Value) -> bool {
    if is_iterator_payload(vm, v) {
        return true;
    }
    let ty = vm.type_of(v).clone();
    tdata(&ty).heap && heap_dunder(vm, &ty, "__next__").is_some()
}

/// The next item for SEND (`yield from`, `await`): `Err(value)` when the iterator is
/// exhausted, with the value a class's `__next__` returned through StopIteration
/// (builtin iterators return None).
pub fn next_or_return(vm: &mut Vm, it: &Value) -> PyResult<Result<Value, Value>> {
    let dunder = match it.as_obj().filter(|o| tdata(&o.ty).heap) {
        Some(o) => {
            let ty = o.ty.clone();
            heap_dunder(vm, &ty, "__next__")
        }
        None => None,
    };
    let r = match dunder {
        Some(f) => crate::object::protocol::call_dunder(vm, f, it, vec![]).map(Some),
        // Builtin iterators end with None; some (async generator awaitables) raise
        // StopIteration(value).
        None => next(vm, it),
    };
    match r {
        Ok(Some(v)) => Ok(Ok(v)),
        Ok(None) => Ok(Err(Value::None)),
        Err(e) if vm.err_matches(&e, &vm.types.stop_iteration.clone()) => {
            let val = crate::types::exceptions::exc_args(&e.0)
                .into_iter()
                .next()
                .unwrap_or(Value::None);
            Ok(Err(val))
        }
        Err(e) => Err(e),
    }
}

/// `it.__next__()` when `f`, the `__next__` found on `it`'s class, is a method descriptor
/// of a native type (`itertools.count`, `collections.deque`'s iterator, ...): its Rust
/// function called directly, with no bound method and no argument vector (CPython's
/// `tp_iternext` slot); another type's descriptor raises CPython's "doesn't apply" error.
/// The StopIteration that ends it is returned as raised. `None`: `f` is something else.
pub fn native_next(vm: &mut Vm, it: &Value, f: &Value) -> Option<PyResult<Value>> {
    let (Some(fo), Some(Payload::Builtin(b))) = (f.as_obj(), f.payload()) else {
        return None;
    };
    let (None, true, Some(owner)) = (&b.self_, b.is_method, &b.owner) else {
        return None;
    };
    let mut pos = crate::types::args::ArgVec::new();
    pos.push(it.clone());
    let args = Args {
        pos,
        kw: Vec::new(),
    };
    if !crate::object::typeobj::is_subtype(vm.type_of(it), owner) {
        if let Err(e) = crate::types::slot_wrapper::check_self(vm, fo, b, owner, &args) {
            return Some(Err(e));
        }
    }
    // An iterator over an iterator over ... (`islice(islice(...))` 100,000 deep) recurses
    // in Rust here; CPython's C recursion succeeds, so this grows the stack rather than
    // counting a Python-level depth.
    Some(stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        (b.func)(vm, args)
    }))
}

/// The next item, `None` when exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(o) = it.as_obj() else {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    };
    if tdata(&o.ty).heap {
        let ty = o.ty.clone();
        if let Some(f) = heap_dunder(vm, &ty, "__next__") {
            if let Some(r) = native_next(vm, it, &f) {
                return match r {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if vm.err_matches(&e, &vm.types.stop_iteration.clone()) => Ok(None),
                    Err(e) => Err(e),
                };
            }
            return match crate::object::protocol::call_dunder(vm, f, it, vec![]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.err_matches(&e, &vm.types.stop_iteration.clone()) => Ok(None),
                Err(e) => Err(e),
            };
        }
    }
    next_of_payload(vm, it)
}

/// The next item of a builtin iterator's payload, `None` when exhausted: what the
/// builtin `__next__` does, also for an instance of a subclass that overrides
/// `__next__` (`super().__next__()` must not dispatch to the override again).
pub fn next_of_payload(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(o) = it.as_obj() else {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    };
    match &o.payload {
        Payload::SeqIter(seq, idx) => {
            let i = idx.get();
            // A list/tuple/str iterator reads the payload even of a subclass instance
            // (`list.__iter__(x)` of a class overriding `__getitem__`); only the
            // `__getitem__`-protocol iterator (type `iterator`) calls `seq[i]`.
            let direct = !is_heap(seq) || !o.ty.is(&vm.types.iterator);
            let r = match seq.payload() {
                Some(Payload::List(l)) if direct => l.borrow().get(i).cloned(),
                Some(Payload::Tuple(t)) if direct => t.get(i).cloned(),
                Some(Payload::Str(s)) if direct => {
                    (i < s.len()).then(|| crate::types::str_methods::char_value(vm, s.get(i)))
                }
                Some(Payload::Bytes(b)) => b.get(i).map(|&c| Value::Int(c as i64)),
                Some(Payload::ByteArray(b)) => b.borrow().get(i).map(|&c| Value::Int(c as i64)),
                _ => {
                    let seq = seq.clone();
                    match crate::object::subscript::getitem(vm, &seq, &Value::Int(i as i64)) {
                        Ok(v) => Some(v),
                        Err(e)
                            if vm.err_matches(&e, &vm.types.index_error.clone())
                                || vm.err_matches(&e, &vm.types.stop_iteration.clone()) =>
                        {
                            None
                        }
                        Err(e) => return Err(e),
                    }
                }
            };
            if r.is_some() {
                idx.set(i + 1);
            } else {
                idx.set(usize::MAX / 2);
            }
            Ok(r)
        }
        Payload::RangeIter(cur, stop, step, _) => {
            let c = cur.get();
            if (*step > 0 && c >= *stop) || (*step < 0 && c <= *stop) {
                return Ok(None);
            }
            cur.set(c.saturating_add(*step));
            Ok(Some(Value::Int(c)))
        }
        Payload::DictIter(d, pos, kind, len0) => {
            let Some(dd) = crate::types::dict::dict_data(d) else {
                return Ok(None);
            };
            let b = dd.borrow();
            if b.len() != *len0 {
                drop(b);
                pos.set(usize::MAX / 2);
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            if kind & DICT_REVERSED != 0 {
                if pos.get() >= usize::MAX / 2 {
                    return Ok(None);
                }
                let mut i = pos.get().min(b.dense_len());
                while i > 0 {
                    i -= 1;
                    if let Some(e) = b.entry_at(i) {
                        pos.set(i);
                        let (k, v) = (e.key.clone(), e.value.clone());
                        drop(b);
                        return Ok(Some(match kind & !DICT_REVERSED {
                            0 => k,
                            1 => v,
                            _ => vm.new_tuple(vec![k, v]),
                        }));
                    }
                }
                pos.set(0);
                return Ok(None);
            }
            let mut i = pos.get();
            while i < b.dense_len() {
                if let Some(e) = b.entry_at(i) {
                    pos.set(i + 1);
                    let (k, v) = (e.key.clone(), e.value.clone());
                    drop(b);
                    return Ok(Some(match kind {
                        0 => k,
                        1 => v,
                        _ => vm.new_tuple(vec![k, v]),
                    }));
                }
                i += 1;
            }
            pos.set(i);
            Ok(None)
        }
        Payload::Enumerate(inner, count) => {
            let inner = inner.clone();
            match vm.next(&inner)? {
                Some(v) => {
                    let c = count.get();
                    count.set(c + 1);
                    Ok(Some(vm.new_tuple(vec![Value::Int(c), v])))
                }
                None => Ok(None),
            }
        }
        Payload::Zip(its, strict) => {
            let (its, strict) = (its.to_vec(), strict.get());
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (k, i) in its.iter().enumerate() {
                match vm.next(i)? {
                    Some(v) => out.push(v),
                    None if strict => return zip_strict_end(vm, &its, k),
                    None => return Ok(None),
                }
            }
            Ok(Some(vm.new_tuple(out)))
        }
        Payload::Map(parts) => {
            let parts = parts.to_vec();
            let mut args = Vec::with_capacity(parts.len() - 1);
            for i in &parts[1..] {
                match vm.next(i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&parts[0], args).map(Some)
        }
        Payload::CallableIter(c) => {
            let Some(p) = c.borrow().clone() else {
                return Ok(None);
            };
            let v = vm.call(&p.0, vec![])?;
            if vm.eq(&v, &p.1)? {
                let old = c.borrow_mut().take();
                drop(old);
                return Ok(None);
            }
            Ok(Some(v))
        }
        Payload::Filter(f) => {
            let (func, inner) = (f.0.clone(), f.1.clone());
            while let Some(v) = vm.next(&inner)? {
                let keep = if matches!(func, Value::None) {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&func, vec![v.clone()])?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        Payload::Reversed(seq, idx) => {
            let i = idx.get();
            if i < 0 {
                return Ok(None);
            }
            idx.set(i - 1);
            let seq = seq.clone();
            crate::object::subscript::getitem(vm, &seq, &Value::Int(i as i64)).map(Some)
        }
        Payload::Generator(_) if o.ty.is(&vm.types.generator) => {
            crate::types::generator::gen_next(vm, o)
        }
        // The StopIteration that ends an await carries its value: it is not swallowed
        // (SEND reads it).
        Payload::AsyncGenOp(_) => crate::types::coroutine::op_send(vm, o, Value::None).map(Some),
        _ => Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it)))),
    }
}

pub fn enumerate_new(vm: &mut Vm, cls: &PyRef, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    args.check(vm, "enumerate", 1, 2)?;
    let start = match args.pos.get(1).cloned().or(start) {
        Some(s) => vm.index_value(&s, "'{}' object cannot be interpreted as an integer")?,
        None => 0,
    };
    let it = vm.iter(&args.pos[0])?;
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::Enumerate(it, Cell::new(start)),
    )))
}

/// `zip(strict=True)` found iterator `k` exhausted: fine if all are (CPython's
/// `zip_next` error messages otherwise).
fn zip_strict_end(vm: &mut Vm, its: &[Value], k: usize) -> PyResult<Option<Value>> {
    let plural = |i: usize| {
        if i == 1 {
            " 1".to_string()
        } else {
            format!("s 1-{i}")
        }
    };
    if k > 0 {
        return Err(vm.value_error(format!(
            "zip() argument {} is shorter than argument{}",
            k + 1,
            plural(k)
        )));
    }
    for (j, i) in its.iter().enumerate().skip(1) {
        if vm.next(i)?.is_some() {
            return Err(vm.value_error(format!(
                "zip() argument {} is longer than argument{}",
                j + 1,
                plural(j)
            )));
        }
    }
    Ok(None)
}

pub fn zip_new(vm: &mut Vm, cls: &PyRef, mut args: Args) -> PyResult<Value> {
    let strict = match args.take_kw("strict") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    args.no_kw(vm, "zip")?;
    let mut its = Vec::new();
    for a in &args.pos {
        its.push(vm.iter(a)?);
    }
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::Zip(its.into_boxed_slice(), Cell::new(strict)),
    )))
}

pub fn map_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "map")?;
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut parts = vec![args.pos[0].clone()];
    for a in &args.pos[1..] {
        parts.push(vm.iter(a)?);
    }
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::Map(parts.into_boxed_slice()),
    )))
}

pub fn filter_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "filter", 2, 2)?;
    let it = vm.iter(&args.pos[1])?;
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::Filter(Box::new((args.pos[0].clone(), it))),
    )))
}

pub fn reversed_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "reversed", 1, 1)?;
    let seq = args.pos[0].clone();
    if let Some(r) = try_heap_dunder(vm, &seq, "__reversed__", vec![])? {
        return Ok(r);
    }
    reversed_builtin(vm, cls, seq)
}

/// `reversed(seq)` by `seq`'s builtin payload, whatever its class defines (what
/// `list.__reversed__`/`dict.__reversed__`/`range.__reversed__` run).
pub fn reversed_builtin(vm: &mut Vm, cls: &PyRef, seq: Value) -> PyResult<Value> {
    let dict_kind = match seq.payload() {
        Some(Payload::Dict(_)) => seq.as_obj().cloned().map(|d| (d, 0)),
        Some(Payload::DictView(d, k)) => Some((d.clone(), *k)),
        _ => None,
    };
    if let Some((d, kind)) = dict_kind {
        return Ok(dict_reverse_iter(vm, d, kind));
    }
    if let Some(Payload::Range(r)) = seq.payload() {
        // reversed(range) is a range_iterator running backwards (`range_reverse`), from
        // the last item down to `start - step`, when that and `-step` fit in i64 (as
        // CPython; otherwise a longrange_iterator over the reversed range).
        let small = r.small().and_then(|(start, _, step)| {
            let stop = start.checked_sub(step)?;
            let n = r.len_i64()?;
            let last = (start as i128 + (n as i128 - 1) * step as i128) as i64;
            Some((if n == 0 { stop } else { last }, stop, step.checked_neg()?))
        });
        if let Some((last, stop, step)) = small {
            let ty = vm.types.range_iterator.clone();
            return Ok(Value::Obj(vm.alloc(
                &ty,
                Payload::RangeIter(Cell::new(last), stop, step, last),
            )));
        }
        let (n, step) = (r.len_big(), r.step_big());
        let last = r.item_big(&(&n - 1u8));
        let first_before = r.start_big() - &step;
        let rev = crate::types::range::RangeData::new(last, first_before, -step);
        let rev = if n.is_zero() {
            crate::types::range::RangeData::new(BigInt::zero(), BigInt::zero(), BigInt::one())
        } else {
            rev
        };
        let ty = vm.types.range.clone();
        let rev = Value::Obj(vm.alloc(&ty, Payload::Range(rev)));
        return Ok(longrange_iter(vm, &rev));
    }
    if matches!(seq.payload(), Some(Payload::Set(_)) | None) {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
    }
    let n = vm.len(&seq)?;
    // A list's own `__reversed__` gives a `list_reverseiterator`, whatever `cls` is
    // (`reversed_new` returns what `__reversed__` returns); other sequences get a
    // `reversed` object of `cls` (a subclass's instance has its `__dict__`).
    if matches!(seq.payload(), Some(Payload::List(_))) {
        let ty = vm.types.list_reverseiterator.clone();
        return Ok(Value::Obj(
            vm.alloc(&ty, Payload::Reversed(seq, Cell::new(n as isize - 1))),
        ));
    }
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::Reversed(seq, Cell::new(n as isize - 1)),
    )))
}

/// A range iterator's length (items from `start` to `stop` by `step`) and how many it
/// has given (`(cur - start) / step`, at most the length).
fn range_iter_position(cur: i64, stop: i64, step: i64, start: i64) -> (i128, i128) {
    let (c, s, st, b) = (cur as i128, stop as i128, step as i128, start as i128);
    let len = if st > 0 && b < s {
        (s - b - 1) / st + 1
    } else if st < 0 && b > s {
        (b - s - 1) / (-st) + 1
    } else {
        0
    };
    (len, ((c - b) / st).clamp(0, len))
}

/// `range_iterator.__reduce__()`: `(iter, (range(start, start + len * step, step),),
/// index)`, as 3.11's `rangeiter_reduce`.
fn range_iter_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    let Some(Payload::RangeIter(cur, stop, step, start)) = args.pos[0].payload() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'range_iterator' object"));
    };
    let (len, index) = range_iter_position(cur.get(), *stop, *step, *start);
    let int =
        |vm: &mut Vm, x: i128| crate::types::int::big_to_value(vm, num_bigint::BigInt::from(x));
    let bounds = vec![
        Value::Int(*start),
        int(vm, *start as i128 + len * *step as i128),
        Value::Int(*step),
    ];
    let range_ty = Value::Obj(vm.types.range.clone());
    let range = vm.call(&range_ty, bounds)?;
    let (builtins, name) = (vm.builtins.clone(), vm.new_str("iter"));
    let Some(iter) = crate::types::dict::get_item(vm, &builtins, &name)? else {
        return Err(vm.attribute_error("iter"));
    };
    let rargs = vm.new_tuple(vec![range]);
    let index = int(vm, index);
    Ok(vm.new_tuple(vec![iter, rargs, index]))
}

/// `range_iterator.__setstate__(index)`: the iterator goes to item `index` (clipped to
/// the range), counted from its first item.
fn range_iter_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setstate__", 2, 2)?;
    let Some(Payload::RangeIter(cur, stop, step, start)) = args.pos[0].payload() else {
        return Err(vm.type_error("descriptor '__setstate__' requires a 'range_iterator' object"));
    };
    let index = vm.index_value(
        &args.pos[1],
        "'{}' object cannot be interpreted as an integer",
    )? as i128;
    let (len, _) = range_iter_position(cur.get(), *stop, *step, *start);
    let index = index.clamp(0, len);
    // Within the range, or one step past its last item: fits in i64 or saturates as the
    // loop's own `saturating_add` does.
    let next = (*start as i128 + index * *step as i128).clamp(i64::MIN as i128, i64::MAX as i128);
    cur.set(next as i64);
    Ok(Value::None)
}

/// `__reduce__` of `zip`, `map`, `filter` and `enumerate` (`zip_reduce`, `map_reduce`,
/// `filter_reduce`, `enum_reduce`): the class and the arguments that make the same
/// iterator from where it is (its iterators, not copies of them); a strict zip adds True.
fn builtin_iter_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    let o = &args.pos[0];
    let cls = Value::Obj(vm.type_of(o).clone());
    let (items, extra) = match o.payload() {
        Some(Payload::Zip(its, strict)) => {
            (its.to_vec(), strict.get().then_some(Value::Bool(true)))
        }
        Some(Payload::Map(v)) => (v.to_vec(), None),
        Some(Payload::Filter(p)) => (vec![p.0.clone(), p.1.clone()], None),
        Some(Payload::Enumerate(it, i)) => (vec![it.clone(), Value::Int(i.get())], None),
        _ => {
            let t = vm.type_name(o);
            return Err(vm.type_error(format!("cannot pickle '{t}' object")));
        }
    };
    let mut out = vec![cls, vm.new_tuple(items)];
    out.extend(extra);
    Ok(vm.new_tuple(out))
}

/// `zip.__setstate__(strict)`.
fn zip_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setstate__", 2, 2)?;
    let strict = vm.truthy(&args.pos[1])?;
    if let Some(Payload::Zip(_, s)) = args.pos[0].payload() {
        s.set(strict);
    }
    Ok(Value::None)
}

/// `map`, `filter`, `enumerate`'s pickling method.
pub const BUILTIN_ITER_METHODS: &[(&str, crate::types::function::NativeFn)] =
    &[("__reduce__", builtin_iter_reduce)];

/// `zip`'s pickling methods.
pub const ZIP_METHODS: &[(&str, crate::types::function::NativeFn)] = &[
    ("__reduce__", builtin_iter_reduce),
    ("__setstate__", zip_setstate),
];

/// `range_iterator`'s pickling methods.
pub const RANGE_ITERATOR_METHODS: &[(&str, crate::types::function::NativeFn)] = &[
    ("__reduce__", range_iter_reduce),
    ("__setstate__", range_iter_setstate),
];

/// `it.__length_hint__()` of the builtin sequence, range, dict and reversed iterators
/// (`listiter_len`, `rangeiter_len`, `dictiter_len`, `reversed_len`, ...): the number of
/// items left, 0 once exhausted (or once a dict changed size).
fn length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__length_hint__", 1, 1)?;
    let it = &args.pos[0];
    let Some(o) = it.as_obj() else {
        let t = vm.type_name(it);
        return Err(vm.type_error(format!(
            "descriptor '__length_hint__' doesn't apply to a '{t}' object"
        )));
    };
    let n: i64 = match &o.payload {
        Payload::SeqIter(seq, idx) => {
            let i = idx.get() as i64;
            if let Some(Payload::Range(r)) = seq.payload() {
                // longrange_iterator: the rest may pass i64.
                let left = r.len_big() - BigInt::from(i);
                let left = if left < BigInt::zero() {
                    BigInt::zero()
                } else {
                    left
                };
                return Ok(crate::types::int::big_to_value(vm, left));
            }
            let len = match seq.payload() {
                Some(Payload::List(l)) => l.borrow().len() as i64,
                Some(Payload::Tuple(t)) => t.len() as i64,
                Some(Payload::Str(s)) => s.len() as i64,
                Some(Payload::Bytes(b)) => b.len() as i64,
                Some(Payload::ByteArray(b)) => b.borrow().len() as i64,
                _ => {
                    let seq = seq.clone();
                    match vm.len(&seq) {
                        Ok(n) => n as i64,
                        Err(_) => return Ok(Value::Obj(vm.not_implemented.clone())),
                    }
                }
            };
            (len - i).max(0)
        }
        Payload::RangeIter(cur, stop, step, _) => {
            let (c, s, st) = (cur.get() as i128, *stop as i128, *step as i128);
            let left = if st > 0 && c < s {
                (s - c - 1) / st + 1
            } else if st < 0 && c > s {
                (c - s - 1) / (-st) + 1
            } else {
                0
            };
            left as i64
        }
        Payload::DictIter(d, pos, kind, len0) => match crate::types::dict::dict_data(d) {
            Some(dd) => {
                let b = dd.borrow();
                if b.len() != *len0 || pos.get() >= usize::MAX / 2 {
                    0
                } else if kind & DICT_REVERSED != 0 {
                    (0..pos.get().min(b.dense_len()))
                        .filter(|&i| b.entry_at(i).is_some())
                        .count() as i64
                } else {
                    (pos.get().min(b.dense_len())..b.dense_len())
                        .filter(|&i| b.entry_at(i).is_some())
                        .count() as i64
                }
            }
            None => 0,
        },
        Payload::Reversed(seq, idx) => {
            let i = idx.get() as i64;
            let seq = seq.clone();
            match vm.len(&seq) {
                Ok(n) if (n as i64) < i + 1 => 0,
                _ => (i + 1).max(0),
            }
        }
        _ => {
            let t = vm.type_name(it);
            return Err(vm.type_error(format!(
                "descriptor '__length_hint__' doesn't apply to a '{t}' object"
            )));
        }
    };
    Ok(Value::Int(n))
}

/// `list.__reversed__()` / `dict.__reversed__()`: a reverse iterator over `self`, which
/// must be a `tyname` (`is_it` its payload).
fn reversed_method(
    vm: &mut Vm,
    args: Args,
    tyname: &str,
    is_it: fn(&Payload) -> bool,
) -> PyResult<Value> {
    args.check(vm, "__reversed__", 1, 1)?;
    let seq = args.pos[0].clone();
    if !seq.payload().is_some_and(is_it) {
        let t = vm.type_name(&seq);
        return Err(vm.type_error(format!(
            "descriptor '__reversed__' for '{tyname}' objects doesn't apply to a '{t}' object"
        )));
    }
    let cls = vm.types.reversed.clone();
    reversed_builtin(vm, &cls, seq)
}

pub fn list_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    reversed_method(vm, args, "list", |p| matches!(p, Payload::List(_)))
}

pub fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    reversed_method(vm, args, "dict", |p| matches!(p, Payload::Dict(_)))
}

/// `dict_keys.__reversed__()`, `dict_values.__reversed__()`, `dict_items.__reversed__()`
/// (`dictkeys_reversed`, ...).
pub fn dictview_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    reversed_method(vm, args, "dict_keys", |p| {
        matches!(p, Payload::DictView(..))
    })
}

/// Marks an exhausted sequence iterator (`next` sets it; CPython clears `it_seq`).
const EXHAUSTED: usize = usize::MAX / 2;

/// `it.__reduce__()` of a sequence or reversed iterator (`listiter_reduce`, ...):
/// `(iter, (seq,), index)`, `(reversed, (seq,), index)`, or once exhausted
/// `(iter, (empty,))` with an empty list, str or tuple.
fn seq_iter_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    let it = args.pos[0].clone();
    let iter_fn = {
        let n = vm.intern("iter");
        let b = vm.builtins.clone();
        let h = crate::object::attr::hash_of(vm, &n);
        crate::types::dict::dict_get_str(&b, crate::object::attr::pystr(&n), h)
            .unwrap_or(Value::None)
    };
    let (seq, idx, reversed) = match it.payload() {
        Some(Payload::SeqIter(seq, idx)) => (seq.clone(), idx.get() as i64, false),
        Some(Payload::Reversed(seq, idx)) => (seq.clone(), idx.get() as i64, true),
        _ => {
            let t = vm.type_name(&it);
            return Err(vm.type_error(format!("cannot pickle '{t}' object")));
        }
    };
    let exhausted = if reversed {
        idx < 0
    } else {
        idx as usize >= EXHAUSTED
    };
    if exhausted {
        let empty = match seq.payload() {
            Some(Payload::List(_)) => vm.new_list(vec![]),
            Some(Payload::Str(_)) => vm.new_str(""),
            _ => vm.new_tuple(vec![]),
        };
        let a = vm.new_tuple(vec![empty]);
        return Ok(vm.new_tuple(vec![iter_fn, a]));
    }
    let callable = if reversed {
        Value::Obj(vm.types.reversed.clone())
    } else {
        iter_fn
    };
    let a = vm.new_tuple(vec![seq]);
    Ok(vm.new_tuple(vec![callable, a, Value::Int(idx)]))
}

/// `it.__setstate__(index)`: the position, clamped to the sequence (nothing once the
/// iterator is exhausted).
fn seq_iter_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setstate__", 2, 2)?;
    let it = args.pos[0].clone();
    let i = match &args.pos[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return Err(vm.type_error("an integer is required")),
    };
    match it.payload() {
        Some(Payload::SeqIter(seq, idx)) if idx.get() < EXHAUSTED => {
            let seq = seq.clone();
            let n = vm.len(&seq)? as i64;
            idx.set(i.clamp(0, n) as usize);
        }
        Some(Payload::Reversed(seq, idx)) if idx.get() >= 0 => {
            let seq = seq.clone();
            let n = vm.len(&seq)? as i64;
            idx.set(i.clamp(-1, n - 1) as isize);
        }
        Some(Payload::SeqIter(..) | Payload::Reversed(..)) => {}
        _ => {
            let t = vm.type_name(&it);
            return Err(vm.type_error(format!(
                "descriptor '__setstate__' doesn't apply to a '{t}' object"
            )));
        }
    }
    Ok(Value::None)
}

/// `__reduce__`/`__setstate__` of the sequence and reversed iterators.
pub const SEQ_ITERATOR_METHODS: &[(&str, crate::types::function::NativeFn)] = &[
    ("__reduce__", seq_iter_reduce),
    ("__setstate__", seq_iter_setstate),
];

/// Methods of the builtin iterator types (installed by `types::install_methods`).
pub const ITERATOR_METHODS: &[(&str, crate::types::function::NativeFn)] =
    &[("__length_hint__", length_hint)];
