//! `set` and `frozenset` (CPython: `Objects/setobject.c`). Membership lives in a dict
//! table with `None` values (its lookup, Python `__eq__` included); the iteration order is
//! CPython's hash-table order, kept by `types/set_order.rs`. The operations follow
//! CPython's algorithms (which operand is iterated, copies through `set_merge`) because
//! they decide that order.

use crate::object::{Payload, PyRef, Value};
use crate::types::dict::DictData;
use crate::types::function::{Args, FastMethod, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

#[derive(Default)]
pub struct SetData {
    pub table: DictData,
    pub order: crate::types::set_order::Order,
}

impl SetData {
    pub fn len(&self) -> usize {
        self.table.len()
    }
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
    pub fn items(&self) -> Vec<Value> {
        self.order.items()
    }
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.table.traverse(visit);
        self.order.traverse(visit)
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
    let tmp = vm.alloc(&ty, Payload::Dict(Box::new(RefCell::new(table))));
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

fn cell(s: &Value) -> Option<&RefCell<SetData>> {
    match s.payload() {
        Some(Payload::Set(c)) => Some(c),
        _ => None,
    }
}

/// Add `item` (with its hash `h`) to the membership table; true when it is new.
fn add_member(vm: &mut Vm, s: &Value, item: &Value, h: i64) -> PyResult<bool> {
    let before = cell(s).map_or(0, |c| c.borrow().table.len());
    let it = item.clone();
    // Hashed once (`h`): a member whose hash recurses (a union, an alias) is not hashed
    // again by the table.
    with_table(vm, s, |vm, d| {
        crate::types::dict::set_item_hashed(vm, d, it, Value::None, h)
    })?;
    Ok(cell(s).map_or(0, |c| c.borrow().table.len()) > before)
}

pub fn set_add(vm: &mut Vm, s: &Value, item: Value) -> PyResult<()> {
    let h = vm.hash(&item)?;
    if add_member(vm, s, &item, h)? {
        if let Some(c) = cell(s) {
            c.borrow_mut().order.add_new(h, item);
        }
    }
    Ok(())
}

/// `set_update_internal`: add the members of `other` (a set through `set_merge`, a dict's
/// keys after one resize, else each item in turn).
pub fn set_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    match other.payload() {
        Some(Payload::Set(oc)) => {
            let src = oc.borrow().order.clone();
            let mut news = Vec::new();
            for k in src.items() {
                let h = vm.hash(&k)?;
                if add_member(vm, s, &k, h)? {
                    news.push(k);
                }
            }
            if let Some(c) = cell(s) {
                let mut is_new = |k: &Value| news.iter().any(|n| n.is(k));
                c.borrow_mut().order.merge(&src, &mut is_new);
            }
            Ok(())
        }
        Some(Payload::Dict(_)) if !other.as_obj().is_some_and(|o| o.ty_is_heap()) => {
            let keys: Vec<Value> =
                crate::types::dict::items(other.as_obj().unwrap_or_else(|| unreachable_dict()))
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect();
            if let Some(c) = cell(s) {
                let mut c = c.borrow_mut();
                let o = &mut c.order;
                if (o.fill + keys.len()) * 5 >= (o.slots.len() - 1) * 3 {
                    let minused = (o.used + keys.len()) * 2;
                    o.resize(minused);
                }
            }
            for k in keys {
                set_add(vm, s, k)?;
            }
            Ok(())
        }
        _ => {
            for x in vm.collect(other)? {
                set_add(vm, s, x)?;
            }
            Ok(())
        }
    }
}

fn unreachable_dict() -> &'static PyRef {
    panic!("pyrs internal error: dict payload without object")
}

pub fn set_contains(vm: &mut Vm, s: &Value, item: &Value) -> PyResult<bool> {
    let item = lookup_key(vm, item)?;
    with_table(vm, s, |vm, d| {
        Ok(crate::types::dict::get_item(vm, d, &item)?.is_some())
    })
}

/// The key `item` is looked up by: a (mutable) set is looked up as the frozenset of its
/// items (CPython's set_contains/set_discard retry); a frozenset, of any class, as itself
/// (copying it would make nested frozensets quadratic).
fn lookup_key(vm: &mut Vm, item: &Value) -> PyResult<Value> {
    match item.payload() {
        Some(Payload::Set(_))
            if !crate::object::typeobj::is_subtype(vm.type_of(item), &vm.types.frozenset) =>
        {
            frozen_copy(vm, item)
        }
        _ => Ok(item.clone()),
    }
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
    let item = lookup_key(vm, item)?;
    let removed = with_table(vm, s, |vm, d| {
        Ok(crate::types::dict::del_item(vm, d, &item)?.is_some())
    })?;
    if removed {
        let h = vm.hash(&item)?;
        order_remove(vm, s, &item, h)?;
    }
    Ok(removed)
}

/// Remove the member equal to `item` from the order table.
fn order_remove(vm: &mut Vm, s: &Value, item: &Value, h: i64) -> PyResult<()> {
    let Some(c) = cell(s) else { return Ok(()) };
    let quick = c.borrow().order.find(h, &mut |k| {
        k.is(item) || crate::types::dict::fast_eq(k, item) == Some(true)
    });
    let slot = match quick {
        Some(j) => Some(j),
        None => {
            // Keys with a Python __eq__: compare outside the borrow.
            let cands: Vec<(usize, Value)> = c
                .borrow()
                .order
                .slots
                .iter()
                .enumerate()
                .filter_map(|(j, sl)| match sl {
                    crate::types::set_order::Slot::Active(hh, k) if *hh == h => {
                        Some((j, k.clone()))
                    }
                    _ => None,
                })
                .collect();
            let mut found = None;
            for (j, k) in cands {
                if vm.eq(&k, item)? {
                    found = Some(j);
                    break;
                }
            }
            found
        }
    };
    if let Some(j) = slot {
        let old = c.borrow_mut().order.remove_at(j);
        drop(old);
    }
    Ok(())
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
        clear_all(this);
        set_update(vm, this, src)?;
    }
    Ok(())
}

pub fn frozenset_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "frozenset", 0, 1)?;
    if let Some(src) = args.pos.first() {
        if cls.is(&vm.types.frozenset) && vm.type_of(src).is(&vm.types.frozenset) {
            return Ok(src.clone());
        }
    }
    let s = build(vm, cls, Vec::new())?;
    if let Some(src) = args.pos.first() {
        set_update(vm, &s, src)?;
    }
    Ok(s)
}

fn clear_all(s: &Value) {
    if let Some(c) = cell(s) {
        let mut b = c.borrow_mut();
        let old = std::mem::take(&mut b.table);
        let old_order = std::mem::take(&mut b.order);
        drop(b);
        drop(old);
        drop(old_order);
    }
}

/// A new set of type `ty` with the members of `src` (`make_new_set(type, src)`).
fn copy_of(vm: &mut Vm, ty: &PyRef, src: &Value) -> PyResult<Value> {
    let s = build(vm, ty, Vec::new())?;
    set_update(vm, &s, src)?;
    Ok(s)
}

fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::Set(c)) => Ok(c.borrow().items()),
        _ => vm.collect(v),
    }
}

fn len_of(v: &Value) -> usize {
    cell(v).map_or(0, |c| c.borrow().table.len())
}

/// `set_intersection(so, other)`.
fn intersection_of(vm: &mut Vm, ty: &PyRef, a: &Value, b: &Value) -> PyResult<Value> {
    if a.is(b) {
        return copy_of(vm, ty, a);
    }
    let result = build(vm, ty, Vec::new())?;
    if cell(b).is_some() {
        // Iterate the smaller set, look up in the larger.
        let (big, small) = if len_of(b) > len_of(a) {
            (b, a)
        } else {
            (a, b)
        };
        let items = items_of(vm, small)?;
        for x in items {
            if set_contains(vm, big, &x)? {
                set_add(vm, &result, x)?;
            }
        }
        return Ok(result);
    }
    for x in vm.collect(b)? {
        if set_contains(vm, a, &x)? {
            set_add(vm, &result, x)?;
        }
    }
    Ok(result)
}

/// `set_difference(so, other)`.
fn difference_of(vm: &mut Vm, ty: &PyRef, a: &Value, b: &Value) -> PyResult<Value> {
    let other_size = match b.payload() {
        Some(Payload::Set(_)) => Some(len_of(b)),
        Some(Payload::Dict(_)) => Some(vm.len(b)?),
        _ => None,
    };
    match other_size {
        Some(n) if (len_of(a) >> 2) <= n => {
            let result = build(vm, ty, Vec::new())?;
            for x in items_of(vm, a)? {
                let inside = if cell(b).is_some() {
                    set_contains(vm, b, &x)?
                } else {
                    crate::object::ops::contains(vm, b, &x)?
                };
                if !inside {
                    set_add(vm, &result, x)?;
                }
            }
            Ok(result)
        }
        _ => {
            let result = copy_of(vm, ty, a)?;
            for x in vm.collect(b)? {
                set_discard(vm, &result, &x)?;
            }
            Ok(result)
        }
    }
}

/// `set_symmetric_difference_update(so, other)`.
fn symmetric_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    let items = match cell(other) {
        Some(_) => items_of(vm, other)?,
        None => {
            let ty = vm.types.set.clone();
            let tmp = copy_of(vm, &ty, other)?;
            items_of(vm, &tmp)?
        }
    };
    for x in items {
        if !set_discard(vm, s, &x)? {
            set_add(vm, s, x)?;
        }
    }
    Ok(())
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (BINARY_OP base 7, 1, 10, 12).
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    let ty = vm.type_of(a).clone();
    let ty = if crate::object::typeobj::is_subtype(&ty, &vm.types.frozenset) {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    };
    match op {
        7 => {
            let r = copy_of(vm, &ty, a)?;
            set_update(vm, &r, b)?;
            Ok(r)
        }
        1 => intersection_of(vm, &ty, a, b),
        10 => difference_of(vm, &ty, a, b),
        _ => {
            let r = copy_of(vm, &ty, b)?;
            symmetric_update(vm, &r, a)?;
            Ok(r)
        }
    }
}

/// `a |= b`, `&=`, `-=`, `^=` on a set: in place, as CPython's `set_ior` and friends.
pub fn set_inplace(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<()> {
    match op {
        7 => set_update(vm, a, b),
        1 => {
            let ty = vm.types.set.clone();
            let r = intersection_of(vm, &ty, a, b)?;
            swap_bodies(a, &r);
            Ok(())
        }
        10 => {
            if a.is(b) {
                clear_all(a);
                return Ok(());
            }
            for x in vm.collect(b)? {
                set_discard(vm, a, &x)?;
            }
            Ok(())
        }
        _ => {
            if a.is(b) {
                clear_all(a);
                return Ok(());
            }
            symmetric_update(vm, a, b)
        }
    }
}

fn swap_bodies(a: &Value, b: &Value) {
    if let (Some(x), Some(y)) = (cell(a), cell(b)) {
        std::mem::swap(&mut *x.borrow_mut(), &mut *y.borrow_mut());
    }
}

/// Subset comparisons (`<=` is issubset).
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<bool> {
    // Members that are sets compare in Rust recursion: counted like Python frames
    // (PyObject_RichCompare's Py_EnterRecursiveCall), on a stack that grows.
    vm.enter_recursion(" in comparison")?;
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || set_compare_inner(vm, a, b, op));
    vm.leave_recursion();
    r
}

fn set_compare_inner(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<bool> {
    let subset = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
        // Set against set: each member looked up with the hash its table stored, as
        // CPython's set_issubset (re-hashing members made comparing sets of unions or
        // aliases, whose hashes recurse, exponentially slower than CPython).
        if let (Some(Payload::Set(cx)), Some(Payload::Set(_))) = (x.payload(), y.payload()) {
            let pairs: Vec<(Value, i64)> = cx
                .borrow()
                .table
                .iter()
                .map(|e| (e.key.clone(), e.hash))
                .collect();
            for (k, h) in pairs {
                let found = with_table(vm, y, |vm, d| {
                    Ok(crate::types::dict::get_item_hashed(vm, d, &k, h)?.is_some())
                })?;
                if !found {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
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
    // METH_O: CPython's messages name the method and count the argument alone.
    args.no_kw(vm, "set.add")?;
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("set.add() takes exactly one argument ({n} given)")));
    }
    set_add(vm, &args.pos[0], args.pos[1].clone())?;
    Ok(Value::None)
}

/// `add`'s [`FastMethod`] entry: `s.add(x)` (the item moves in).
fn add_fast(vm: &mut Vm, recv: &Value, args: &mut [Value]) -> PyResult<Value> {
    let [item] = args else {
        return Err(vm.type_error("add expected 1 argument"));
    };
    set_add(vm, recv, std::mem::replace(item, Value::None))?;
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
    let s = args.pos[0].clone();
    let taken = cell(&s).and_then(|c| {
        let mut b = c.borrow_mut();
        let j = b.order.pop_slot()?;
        b.order.remove_at(j)
    });
    match taken {
        Some(v) => {
            with_table(vm, &s, |vm, d| {
                crate::types::dict::del_item(vm, d, &v).map(|_| ())
            })?;
            Ok(v)
        }
        None => Err(vm.key_error(vm.new_str("pop from an empty set"))),
    }
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for other in &args.pos[1..] {
        set_update(vm, &args.pos[0], other)?;
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "clear", 1, 1)?;
    clear_all(&args.pos[0]);
    Ok(Value::None)
}

fn binop_method(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let this = args.pos[0].clone();
    let ty = if crate::object::typeobj::is_subtype(vm.type_of(&this), &vm.types.frozenset) {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    };
    let others = &args.pos[1..];
    match op {
        // union(*others): a copy updated with each.
        7 => {
            let r = copy_of(vm, &ty, &this)?;
            for o in others {
                set_update(vm, &r, o)?;
            }
            Ok(r)
        }
        1 => {
            if others.is_empty() {
                return copy_of(vm, &ty, &this);
            }
            let mut r = this.clone();
            for o in others {
                r = intersection_of(vm, &ty, &r, o)?;
            }
            Ok(r)
        }
        10 => {
            let Some(first) = others.first() else {
                return copy_of(vm, &ty, &this);
            };
            let r = difference_of(vm, &ty, &this, first)?;
            for o in &others[1..] {
                for x in vm.collect(o)? {
                    set_discard(vm, &r, &x)?;
                }
            }
            Ok(r)
        }
        _ => {
            let r = copy_of(vm, &ty, others.first().unwrap_or(&this))?;
            symmetric_update(vm, &r, &this)?;
            Ok(r)
        }
    }
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
    let ty = if crate::object::typeobj::is_subtype(&ty, &vm.types.frozenset) {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    };
    copy_of(vm, &ty, &args.pos[0])
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

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos[0].clone();
    let r = binop_method(vm, args, 1)?;
    if !r.is(&this) {
        swap_bodies(&this, &r);
    }
    Ok(Value::None)
}
fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for o in &args.pos[1..] {
        set_inplace(vm, &args.pos[0], o, 10)?;
    }
    Ok(Value::None)
}
fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "symmetric_difference_update", 2, 2)?;
    set_inplace(vm, &args.pos[0], &args.pos[1], 12)?;
    Ok(Value::None)
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

/// Methods with a [`FastMethod`] entry (`types/function.rs`).
pub const FAST_METHODS: &[(&str, FastMethod)] = &[(
    "add",
    FastMethod {
        min: 1,
        max: 1,
        f: add_fast,
    },
)];

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
