//! `set` and `frozenset` (CPython: `Objects/setobject.c`). Stored as a dict table with
//! `None` values, so iteration follows insertion order: a known difference from CPython,
//! whose order follows the hash table (docs/internals/vm.md).

use crate::object::{Payload, PyRef, Value};
use crate::types::dict::DictData;
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

#[derive(Default)]
pub struct SetData {
    pub table: DictData,
}

impl SetData {
    pub fn len(&self) -> usize {
        self.table.len()
    }
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
    pub fn items(&self) -> Vec<Value> {
        self.table.iter().map(|e| e.key.clone()).collect()
    }
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.table.traverse(visit)
    }
}

/// The set's table as a dict object, for reusing the dict lookup (a temporary view that
/// shares nothing: built on demand only for Python-`__eq__` keys).
fn with_table<T>(
    vm: &mut Vm,
    s: &Value,
    f: impl FnOnce(&mut Vm, &PyRef) -> PyResult<T>,
) -> PyResult<T> {
    // Move the table into a temporary dict object, run `f`, move it back.
    let Some(Payload::Set(cell)) = s.payload() else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
    };
    let table = std::mem::take(&mut cell.borrow_mut().table);
    let ty = vm.types.dict.clone();
    let tmp = vm.alloc(&ty, Payload::Dict(RefCell::new(table)));
    let r = f(vm, &tmp);
    if let (Payload::Dict(d), Some(Payload::Set(cell))) = (&tmp.payload, s.payload()) {
        let t = std::mem::take(&mut *d.borrow_mut());
        let mut c = cell.borrow_mut();
        // Python code run by `f` may have added items to the (then empty) set.
        let extra = std::mem::replace(&mut c.table, t);
        drop(c);
        drop(extra);
    }
    r
}

pub fn set_add(vm: &mut Vm, s: &Value, item: Value) -> PyResult<()> {
    vm.hash(&item)?;
    with_table(vm, s, |vm, d| {
        crate::types::dict::set_item(vm, d, item, Value::None)
    })
}

pub fn set_contains(vm: &mut Vm, s: &Value, item: &Value) -> PyResult<bool> {
    let item = match item.payload() {
        Some(Payload::Set(_)) => frozen_copy(vm, item)?,
        _ => item.clone(),
    };
    with_table(vm, s, |vm, d| {
        Ok(crate::types::dict::get_item(vm, d, &item)?.is_some())
    })
}

fn frozen_copy(vm: &mut Vm, s: &Value) -> PyResult<Value> {
    let items = match s.payload() {
        Some(Payload::Set(c)) => c.borrow().items(),
        _ => Vec::new(),
    };
    let ty = vm.types.frozenset.clone();
    build(vm, &ty, items)
}

fn set_discard(vm: &mut Vm, s: &Value, item: &Value) -> PyResult<bool> {
    with_table(vm, s, |vm, d| {
        Ok(crate::types::dict::del_item(vm, d, item)?.is_some())
    })
}

/// A new set/frozenset of type `ty` from items.
pub fn build(vm: &mut Vm, ty: &PyRef, items: Vec<Value>) -> PyResult<Value> {
    let s = Value::Obj(vm.alloc_instance(ty, Payload::Set(Default::default())));
    for i in items {
        set_add(vm, &s, i)?;
    }
    Ok(s)
}

/// A frozenset constant (items are hashable constants: no Python code runs).
pub fn new_frozenset_unchecked(vm: &mut Vm, items: Vec<Value>) -> Value {
    let ty = vm.types.frozenset.clone();
    build(vm, &ty, items).unwrap_or(Value::None)
}

pub fn set_new(vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult<Value> {
    build(vm, cls, Vec::new())
}

pub fn set_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<()> {
    args.check(vm, "set", 0, 1)?;
    if let Some(src) = args.pos.first() {
        for i in vm.collect(src)? {
            set_add(vm, this, i)?;
        }
    }
    Ok(())
}

pub fn frozenset_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "frozenset", 0, 1)?;
    let items = match args.pos.first() {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    build(vm, cls, items)
}

fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::Set(c)) => Ok(c.borrow().items()),
        _ => vm.collect(v),
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (BINARY_OP base 7, 1, 10, 12).
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    let ty = vm.type_of(a).clone();
    let ty = if crate::object::typeobj::is_subtype(&ty, &vm.types.frozenset) {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    };
    let (xa, xb) = (items_of(vm, a)?, items_of(vm, b)?);
    let mut out = Vec::new();
    match op {
        7 => {
            out.extend(xa);
            out.extend(xb);
        }
        1 => {
            for x in xa {
                if set_contains(vm, b, &x)? {
                    out.push(x);
                }
            }
        }
        10 => {
            for x in xa {
                if !set_contains(vm, b, &x)? {
                    out.push(x);
                }
            }
        }
        _ => {
            for x in xa {
                if !set_contains(vm, b, &x)? {
                    out.push(x);
                }
            }
            for x in xb {
                if !set_contains(vm, a, &x)? {
                    out.push(x);
                }
            }
        }
    }
    build(vm, &ty, out)
}

/// Subset comparisons (`<=` is issubset).
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<bool> {
    let subset = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
        for i in items_of(vm, x)? {
            if !set_contains(vm, y, &i)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    Ok(match op {
        0 => la < lb && subset(vm, a, b)?,
        1 => subset(vm, a, b)?,
        2 => la == lb && subset(vm, a, b)?,
        3 => !(la == lb && subset(vm, a, b)?),
        4 => la > lb && subset(vm, b, a)?,
        _ => subset(vm, b, a)?,
    })
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "add", 2, 2)?;
    set_add(vm, &args.pos[0], args.pos[1].clone())?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "discard", 2, 2)?;
    set_discard(vm, &args.pos[0], &args.pos[1])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "remove", 2, 2)?;
    if !set_discard(vm, &args.pos[0], &args.pos[1])? {
        return Err(vm.key_error(args.pos[1].clone()));
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "pop", 1, 1)?;
    let first = match args.pos[0].payload() {
        Some(Payload::Set(c)) => c.borrow().items().into_iter().next(),
        _ => None,
    };
    match first {
        Some(v) => {
            set_discard(vm, &args.pos[0], &v)?;
            Ok(v)
        }
        None => Err(vm.key_error(vm.new_str("pop from an empty set"))),
    }
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for other in &args.pos[1..] {
        for i in vm.collect(other)? {
            set_add(vm, &args.pos[0], i)?;
        }
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "clear", 1, 1)?;
    if let Some(Payload::Set(c)) = args.pos[0].payload() {
        let old = std::mem::take(&mut c.borrow_mut().table);
        drop(old);
    }
    Ok(Value::None)
}

fn binop_method(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let mut acc = args.pos[0].clone();
    for other in &args.pos[1..] {
        let o = match other.payload() {
            Some(Payload::Set(_)) => other.clone(),
            _ => {
                let items = vm.collect(other)?;
                let ty = vm.types.set.clone();
                build(vm, &ty, items)?
            }
        };
        acc = set_binop(vm, &acc, &o, op)?;
    }
    if args.pos.len() == 1 {
        let items = items_of(vm, &acc)?;
        let ty = vm.type_of(&acc).clone();
        return build(vm, &ty, items);
    }
    Ok(acc)
}

fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binop_method(vm, args, 7)
}
fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binop_method(vm, args, 1)
}
fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binop_method(vm, args, 10)
}
fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binop_method(vm, args, 12)
}
/// The argument of issubset/issuperset as a set (any iterable is accepted).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if matches!(v.payload(), Some(Payload::Set(_))) {
        return Ok(v.clone());
    }
    let items = vm.collect(v)?;
    let ty = vm.types.set.clone();
    build(vm, &ty, items)
}
fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "issubset", 2, 2)?;
    let other = as_set(vm, &args.pos[1])?;
    Ok(Value::Bool(set_compare(vm, &args.pos[0], &other, 1)?))
}
fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "issuperset", 2, 2)?;
    let other = as_set(vm, &args.pos[1])?;
    Ok(Value::Bool(set_compare(vm, &args.pos[0], &other, 5)?))
}
fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ty = vm.type_of(&args.pos[0]).clone();
    if ty.is(&vm.types.frozenset) {
        // An exact frozenset is its own copy; a set copy is a plain set.
        return Ok(args.pos[0].clone());
    }
    let items = items_of(vm, &args.pos[0])?;
    let ty = if crate::object::typeobj::is_subtype(&ty, &vm.types.frozenset) {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    };
    build(vm, &ty, items)
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "isdisjoint", 2, 2)?;
    for x in vm.collect(&args.pos[1])? {
        if set_contains(vm, &args.pos[0], &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `s.<op>_update(*others)`: the operator's result becomes the contents of `s`.
fn update_with(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let this = args.pos[0].clone();
    let r = binop_method(vm, Args::positional(args.pos), op)?;
    let items = items_of(vm, &r)?;
    if let Some(Payload::Set(c)) = this.payload() {
        let old = std::mem::take(&mut c.borrow_mut().table);
        drop(old);
    }
    for i in items {
        set_add(vm, &this, i)?;
    }
    Ok(Value::None)
}
fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    update_with(vm, args, 1)
}
fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    update_with(vm, args, 10)
}
fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "symmetric_difference_update", 2, 2)?;
    update_with(vm, args, 12)
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("isdisjoint", isdisjoint),
    ("intersection_update", intersection_update),
    ("difference_update", difference_update),
    ("symmetric_difference_update", symmetric_difference_update),
    ("add", add),
    ("discard", discard),
    ("remove", remove),
    ("pop", pop),
    ("update", update),
    ("clear", clear),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("copy", copy),
];

pub const FROZENSET_METHODS: &[(&str, NativeFn)] = &[
    ("isdisjoint", isdisjoint),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("copy", copy),
];
