//! `collections.deque` and its iterators (CPython: `Modules/_collectionsmodule.c`
//! deque_*, dequeiter_*).
//!
//! Invariants: `state` grows on every change of length or order, so an iterator (and
//! `index`/`count`/`remove`/`in`, which compare items by Python `==`) can tell the deque
//! was mutated meanwhile ("deque mutated during iteration"). No `RefCell` borrow of the
//! items is held while Python code runs: items are cloned out one at a time.

use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

pub struct Deque {
    /// The module's `_deque_iterator` and `_deque_reverse_iterator` types (CPython keeps
    /// them in module state).
    iter_types: Rc<[PyRef; 2]>,
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    state: Cell<u64>,
}

impl NativeData for Deque {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.borrow().iter().for_each(|v| visit(v));
        self.iter_types
            .iter()
            .for_each(|t| visit(&Value::Obj(t.clone())));
    }
}

impl Deque {
    fn new(iter_types: Rc<[PyRef; 2]>, maxlen: Option<usize>) -> Deque {
        Deque {
            iter_types,
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    /// `deque_append`: the item dropped from the other end (released by the caller,
    /// after the borrow) when at maxlen.
    fn push_back(&self, v: Value) -> Option<Value> {
        self.bump();
        let mut items = self.items.borrow_mut();
        match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) if items.len() >= m => {
                let old = items.pop_front();
                items.push_back(v);
                old
            }
            _ => {
                items.push_back(v);
                None
            }
        }
    }
    fn push_front(&self, v: Value) -> Option<Value> {
        self.bump();
        let mut items = self.items.borrow_mut();
        match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) if items.len() >= m => {
                let old = items.pop_back();
                items.push_front(v);
                old
            }
            _ => {
                items.push_front(v);
                None
            }
        }
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    fn clear(&self) {
        self.bump();
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }
}

const DEQUE_DOC: &str = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints.";

pub fn install(vm: &mut Vm, d: &PyRef) {
    let mut iter_types = Vec::new();
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let m: &[(&'static str, NativeFn)] = &[
            ("__iter__", iter_self),
            ("__next__", iter_next),
            ("__length_hint__", iter_length_hint),
        ];
        let mut spec = nt::Spec::new(name, "_collections");
        spec.methods = m;
        spec.subclassable = false;
        let t = nt::new_type(vm, &spec);
        crate::import::dict_set(vm, d, name, Value::Obj(t.clone()));
        iter_types.push(Value::Obj(t));
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("rotate", rotate),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__repr__", repr),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__iadd__", iadd),
        ("__imul__", imul),
        ("__reduce__", reduce),
    ];
    let classmethods: &[(&'static str, NativeFn)] = &[("__class_getitem__", nt::class_getitem)];
    let mut spec = nt::Spec::new("deque", "collections");
    spec.doc = Some(DEQUE_DOC);
    spec.new = Some(deque_new);
    spec.new_self = Some(vm.new_tuple(iter_types));
    spec.methods = methods;
    spec.classmethods = classmethods;
    let ty = nt::new_type(vm, &spec);
    nt::add_property(vm, &ty, "maxlen", maxlen_get, None, None);
    crate::import::dict_set(vm, d, "deque", Value::Obj(ty));
}

fn this<'a>(vm: &mut Vm, args: &'a Args, m: &str) -> PyResult<&'a Deque> {
    nt::this::<Deque>(vm, args, m, "collections.deque")
}

/// `deque.__new__`, bound to the tuple of the module's iterator types.
fn deque_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let types = match args.pos.first().and_then(|t| t.as_tuple()) {
        Some([Value::Obj(a), Value::Obj(b)]) => Rc::new([a.clone(), b.clone()]),
        _ => return Err(vm.system_error("deque: iterator types missing")),
    };
    args.pos.remove(0);
    let cls = nt::take_cls(vm, &mut args, "deque")?;
    Ok(nt::alloc(vm, &cls, Deque::new(types, None)))
}

fn deque_init(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(dq) = nt::state::<Deque>(&me) else {
        return Err(
            vm.type_error("descriptor '__init__' for 'collections.deque' objects doesn't apply")
        );
    };
    args.pos.remove(0);
    let [iterable, maxlen] = nt::clinic(vm, args, "deque", ["iterable", "maxlen"], 0, 2)?;
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = match v {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                _ if matches!(v.payload(), Some(Payload::Int(_))) => {
                    return Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
                }
                _ => return Err(vm.type_error("an integer is required")),
            };
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    dq.maxlen.set(maxlen);
    if dq.len() > 0 {
        dq.clear();
    }
    if let Some(it) = iterable {
        extend_from(vm, &me, dq, &it, false)?;
    }
    Ok(Value::None)
}

fn maxlen_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "maxlen")?;
    Ok(match d.maxlen.get() {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

fn one_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "deque.{name}() takes exactly one argument ({n} given)"
        )));
    }
    Ok(args.pos[1].clone())
}

fn no_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("deque.{name}() takes no arguments ({n} given)")));
    }
    Ok(())
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "append")?;
    let v = one_arg(vm, &args, "append")?;
    drop(d.push_back(v));
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "appendleft")?;
    let v = one_arg(vm, &args, "appendleft")?;
    drop(d.push_front(v));
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "pop")?;
    no_args(vm, &args, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "popleft")?;
    no_args(vm, &args, "popleft")?;
    let v = d.items.borrow_mut().pop_front();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

/// `deque_extend`/`deque_extendleft`: `it` may be the deque itself (a snapshot first).
fn extend_from(vm: &mut Vm, me: &Value, d: &Deque, it: &Value, left: bool) -> PyResult<()> {
    if it.is(me) {
        let snap: Vec<Value> = d.items.borrow().iter().cloned().collect();
        for v in snap {
            drop(if left {
                d.push_front(v)
            } else {
                d.push_back(v)
            });
        }
        return Ok(());
    }
    let iter = vm.iter(it)?;
    while let Some(v) = vm.next(&iter)? {
        drop(if left {
            d.push_front(v)
        } else {
            d.push_back(v)
        });
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "extend")?;
    let it = one_arg(vm, &args, "extend")?;
    extend_from(vm, &args.pos[0], d, &it, false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "extendleft")?;
    let it = one_arg(vm, &args, "extendleft")?;
    extend_from(vm, &args.pos[0], d, &it, true)?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "clear")?;
    no_args(vm, &args, "clear")?;
    d.clear();
    Ok(Value::None)
}

/// A new deque of `self`'s type with its items and maxlen (`deque_copy`).
fn copy_of(vm: &mut Vm, me: &Value, d: &Deque) -> PyResult<Value> {
    let ty = vm.type_of(me).clone();
    if nt::state::<Deque>(me).is_some() && crate::object::typeobj::tdata(&ty).slots_only.get() {
        let n = Deque::new(d.iter_types.clone(), d.maxlen.get());
        *n.items.borrow_mut() = d.items.borrow().clone();
        return Ok(nt::alloc(vm, &ty, n));
    }
    // A subclass: `type(self)(self, maxlen)` (or without maxlen when unbounded).
    let tyv = Value::Obj(ty);
    let mut a = vec![me.clone()];
    if let Some(m) = d.maxlen.get() {
        a.push(Value::Int(m as i64));
    }
    vm.call(&tyv, a)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "copy")?;
    no_args(vm, &args, "copy")?;
    copy_of(vm, &args.pos[0], d)
}

/// Run `f` on each item while the deque is unchanged; `Some(i)` for the first item
/// where `f` says true. `start..stop` bounds the positions.
fn scan(vm: &mut Vm, d: &Deque, start: usize, stop: usize, x: &Value) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let mut i = start;
    while i < stop.min(d.len()) {
        let Some(item) = d.get(i) else { break };
        let eq = vm.eq(&item, x)?;
        if d.state.get() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "count")?;
    let x = one_arg(vm, &args, "count")?;
    let state = d.state.get();
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let eq = vm.eq(&item, &x)?;
        if d.state.get() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if eq {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// A slice bound of `index` (`_PyEval_SliceIndexNotNone`), clamped as list.index does.
fn bound(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    let n = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ if matches!(v.payload(), Some(Payload::Int(b)) if b.sign() == num_bigint::Sign::Minus) => {
            i64::MIN
        }
        _ if matches!(v.payload(), Some(Payload::Int(_))) => i64::MAX,
        _ => vm
            .index_value(v, "'{}' object cannot be interpreted as an integer")
            .map_err(|_| {
                vm.type_error("slice indices must be integers or have an __index__ method")
            })?,
    };
    let len = len as i64;
    Ok(if n < 0 {
        (n.saturating_add(len)).max(0)
    } else {
        n.min(len)
    } as usize)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "index")?;
    if args.pos.len() < 2 || args.pos.len() > 4 || !args.kw.is_empty() {
        if !args.kw.is_empty() {
            return Err(vm.type_error("index() takes no keyword arguments"));
        }
        let n = args.pos.len().saturating_sub(1);
        let msg = if n < 1 {
            format!("index expected at least 1 argument, got {n}")
        } else {
            format!("index expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    let x = args.pos[1].clone();
    let len = d.len();
    let start = match args.pos.get(2) {
        Some(v) => bound(vm, v, len)?,
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(v) => bound(vm, v, len)?,
        None => len,
    };
    match scan(vm, d, start, stop, &x)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "insert")?;
    if args.pos.len() != 3 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("insert expected 2 arguments, got {n}")));
    }
    let i = vm.index_value(
        &args.pos[1],
        "'{}' object cannot be interpreted as an integer",
    )?;
    let n = d.len();
    if d.maxlen.get() == Some(n) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let n = n as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.bump();
    d.items.borrow_mut().insert(at, args.pos[2].clone());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "remove")?;
    let x = one_arg(vm, &args, "remove")?;
    match scan(vm, d, 0, usize::MAX, &x)? {
        Some(i) => {
            d.bump();
            let old = d.items.borrow_mut().remove(i);
            drop(old);
            Ok(Value::None)
        }
        None => {
            let r = vm.repr(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "reverse")?;
    no_args(vm, &args, "reverse")?;
    d.bump();
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "rotate")?;
    if args.pos.len() > 2 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("rotate expected at most 1 argument, got {n}")));
    }
    let n = match args.pos.get(1) {
        Some(v) => vm.index_value(v, "'{}' object cannot be interpreted as an integer")?,
        None => 1,
    };
    let len = d.len();
    if len > 1 {
        d.bump();
        let k = n.rem_euclid(len as i64) as usize;
        d.items.borrow_mut().rotate_right(k);
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__len__")?;
    Ok(Value::Int(d.len() as i64))
}

/// An item position: ints only (no slices), negative from the end.
fn position(vm: &mut Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ if matches!(key.payload(), Some(Payload::Int(_))) => {
            return Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        _ => {
            let t = vm.type_name(key);
            let msg = format!("sequence index must be integer, not '{t}'");
            vm.index_value(key, "'{}'")
                .map_err(|_| vm.type_error(msg))?
        }
    };
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__getitem__")?;
    let key = one_arg(vm, &args, "__getitem__")?;
    let i = position(vm, d, &key)?;
    Ok(d.get(i).unwrap_or(Value::None))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__setitem__")?;
    if args.pos.len() != 3 {
        return Err(vm.type_error("expected 2 arguments"));
    }
    let i = position(vm, d, &args.pos[1])?;
    let old = d
        .items
        .borrow_mut()
        .get_mut(i)
        .map(|slot| std::mem::replace(slot, args.pos[2].clone()));
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__delitem__")?;
    let key = one_arg(vm, &args, "__delitem__")?;
    let i = position(vm, d, &key)?;
    d.bump();
    let old = d.items.borrow_mut().remove(i);
    drop(old);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__contains__")?;
    let x = one_arg(vm, &args, "__contains__")?;
    Ok(Value::Bool(scan(vm, d, 0, usize::MAX, &x)?.is_some()))
}

// ---- iterators ------------------------------------------------------------------------

struct DequeIter {
    deque: Value,
    /// Items left; the next position is `index` (forward) or `len - 1 - index`.
    index: Cell<usize>,
    counter: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeData for DequeIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
}

fn make_iter(vm: &mut Vm, args: Args, reverse: bool) -> PyResult<Value> {
    let d = this(vm, &args, if reverse { "__reversed__" } else { "__iter__" })?;
    let (n, state) = (d.len(), d.state.get());
    let ty = d.iter_types[reverse as usize].clone();
    Ok(nt::alloc(
        vm,
        &ty,
        DequeIter {
            deque: args.pos[0].clone(),
            index: Cell::new(0),
            counter: Cell::new(n),
            state,
            reverse,
        },
    ))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_iter(vm, args, false)
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_iter(vm, args, true)
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) => Ok(v.clone()),
        None => Err(vm.type_error("expected 0 arguments")),
    }
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = nt::this::<DequeIter>(vm, &args, "__next__", "_collections._deque_iterator")?;
    let Some(d) = nt::state::<Deque>(&it.deque) else {
        return Err(vm.stop_iteration());
    };
    if d.state.get() != it.state {
        it.counter.set(0);
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    if it.counter.get() == 0 {
        return Err(vm.stop_iteration());
    }
    let i = it.index.get();
    let pos = if it.reverse { d.len() - 1 - i } else { i };
    it.index.set(i + 1);
    it.counter.set(it.counter.get() - 1);
    Ok(d.get(pos).unwrap_or(Value::None))
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = nt::this::<DequeIter>(vm, &args, "__length_hint__", "_collections._deque_iterator")?;
    Ok(Value::Int(it.counter.get() as i64))
}

// ---- repr, comparison, arithmetic -----------------------------------------------------

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__repr__")?;
    let me = args.pos[0].clone();
    let name = nt::type_name(vm, &me);
    let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let maxlen = d.maxlen.get();
    let body = nt::repr_enter(vm, &me, |vm| {
        let mut parts = Vec::with_capacity(items.len());
        for v in &items {
            parts.push(vm.repr(v)?);
        }
        Ok(format!("[{}]", parts.join(", ")))
    })?;
    let s = match body {
        None => "[...]".to_string(),
        Some(b) => match maxlen {
            Some(m) => format!("{name}({b}, maxlen={m})"),
            None => format!("{name}({b})"),
        },
    };
    Ok(vm.new_str(&s))
}

fn compare(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let d = this(vm, &args, "__eq__")?;
    let other = one_arg(vm, &args, "__eq__")?;
    let Some(o) = nt::state::<Deque>(&other) else {
        return Ok(vm.not_implemented());
    };
    let x: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let y: Vec<Value> = o.items.borrow().iter().cloned().collect();
    Ok(Value::Bool(crate::object::ops::seq_compare(
        vm, &x, &y, op,
    )?))
}

fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 0)
}
fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 1)
}
fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 2)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 3)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 4)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 5)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__add__")?;
    let other = one_arg(vm, &args, "__add__")?;
    if nt::state::<Deque>(&other).is_none() {
        let t = vm.type_name(&other);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{t}\") to deque")));
    }
    let new = copy_of(vm, &args.pos[0], d)?;
    if let Some(nd) = nt::state::<Deque>(&new) {
        extend_from(vm, &new, nd, &other, false)?;
    }
    Ok(new)
}

/// The repeat count of `*`: NotImplemented-worthy types are rejected as CPython does.
fn times(vm: &mut Vm, n: &Value) -> PyResult<i64> {
    match n {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => {
            let t = vm.type_name(n);
            let msg = format!("can't multiply sequence by non-int of type '{t}'");
            vm.index_value(n, "'{}'").map_err(|_| vm.type_error(msg))
        }
    }
}

fn repeat_in_place(vm: &mut Vm, d: &Deque, n: i64) -> PyResult<()> {
    if n <= 0 || d.len() == 0 {
        d.clear();
        return Ok(());
    }
    let snap: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let total = (snap.len() as u128) * (n as u128);
    // With a maxlen only the last maxlen items survive: add no more than that.
    let keep = match d.maxlen.get() {
        Some(m) => (m as u128).min(total),
        None => total,
    };
    if keep > (isize::MAX as u128) / 16 {
        return Err(vm.new_error(&vm.types.memory_error.clone(), ""));
    }
    let (len, keep) = (snap.len(), keep as usize);
    if keep as u128 == total {
        for v in snap.iter().cycle().take(keep - len) {
            drop(d.push_back(v.clone()));
        }
    } else {
        // Only the last `keep` items of the repetition survive the maxlen.
        let start = ((total - keep as u128) % len as u128) as usize;
        d.clear();
        for k in 0..keep {
            drop(d.push_back(snap[(start + k) % len].clone()));
        }
    }
    Ok(())
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__mul__")?;
    let n = one_arg(vm, &args, "__mul__")?;
    let n = times(vm, &n)?;
    let new = copy_of(vm, &args.pos[0], d)?;
    if let Some(nd) = nt::state::<Deque>(&new) {
        repeat_in_place(vm, nd, n)?;
    }
    Ok(new)
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__iadd__")?;
    let other = one_arg(vm, &args, "__iadd__")?;
    extend_from(vm, &args.pos[0], d, &other, false)?;
    Ok(args.pos[0].clone())
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__imul__")?;
    let n = one_arg(vm, &args, "__imul__")?;
    let n = times(vm, &n)?;
    repeat_in_place(vm, d, n)?;
    Ok(args.pos[0].clone())
}

/// `__reduce__`: `(type(self), ((), maxlen) or (), None, iter(self))`, as CPython's
/// `deque___reduce__` without a `__dict__` state.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__reduce__")?;
    let me = args.pos[0].clone();
    let ty = Value::Obj(vm.type_of(&me).clone());
    let empty = vm.new_tuple(vec![]);
    let ctor_args = match d.maxlen.get() {
        Some(m) => vm.new_tuple(vec![empty, Value::Int(m as i64)]),
        None => empty,
    };
    let state = match &me {
        Value::Obj(o) => match crate::object::attr::instance_dict(vm, o, false) {
            Some(dd) if crate::types::dict::len(&dd) > 0 => Value::Obj(dd),
            _ => Value::None,
        },
        _ => Value::None,
    };
    let it = vm.iter(&me)?;
    Ok(vm.new_tuple(vec![ty, ctor_args, state, it]))
}
