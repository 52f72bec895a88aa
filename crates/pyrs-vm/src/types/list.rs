//! `list` (CPython: `Objects/listobject.c`). Items live in a `RefCell<Vec<Value>>`; no
//! borrow is held while Python code runs (comparisons, keys, `__eq__`): methods copy what
//! they need first. `sort` empties the list while sorting and raises
//! `ValueError: list modified during sort` if Python code put items back, as CPython does.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, FastMethod, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a RefCell<Vec<Value>>> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}

/// A `METH_O` method's arity (the receiver not counted): CPython's
/// `list.append() takes exactly one argument (0 given)`.
#[inline]
fn meth_o(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.pos.len() == 2 && args.kw.is_empty() {
        return Ok(());
    }
    args.no_kw(vm, &format!("list.{name}"))?;
    Err(vm.type_error(format!(
        "list.{name}() takes exactly one argument ({} given)",
        args.pos.len().saturating_sub(1)
    )))
}

/// A `METH_NOARGS` method's arity: `list.copy() takes no arguments (1 given)`.
fn meth_noargs(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.pos.len() == 1 && args.kw.is_empty() {
        return Ok(());
    }
    args.no_kw(vm, &format!("list.{name}"))?;
    Err(vm.type_error(format!(
        "list.{name}() takes no arguments ({} given)",
        args.pos.len().saturating_sub(1)
    )))
}

/// An argument-clinic method's positional count, the receiver not counted
/// (`_PyArg_CheckPositional`: `pop expected at most 1 argument, got 2`).
fn check_positional(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if (min..=max).contains(&n) && args.kw.is_empty() {
        return Ok(());
    }
    args.no_kw(vm, &format!("list.{name}"))?;
    let msg = if n < min {
        if min == max {
            format!(
                "{name} expected {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        }
    } else if min == max {
        format!(
            "{name} expected {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.type_error(msg))
}

pub fn list_new(vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::List(RefCell::new(Vec::new())),
    )))
}

pub fn list_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<()> {
    args.check(vm, "list", 0, 1)?;
    if let Some(src) = args.pos.first() {
        let items = vm.collect(src)?;
        if let Some(Payload::List(l)) = this.payload() {
            *l.borrow_mut() = items;
        }
    }
    Ok(())
}

fn append(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        meth_o(vm, &args, "append")?;
    }
    // The item moves out of the arguments (no count traffic).
    let v = args.pos.pop().unwrap_or(Value::None);
    this(vm, &args)?.borrow_mut().push(v);
    Ok(Value::None)
}

/// `append`'s [`FastMethod`] entry: `xs.append(x)` (CPython 3.11's
/// `PRECALL_NO_KW_LIST_APPEND`).
fn append_fast(vm: &mut Vm, recv: &Value, args: &mut [Value]) -> PyResult<Value> {
    let (Some(Payload::List(l)), [v]) = (recv.payload(), args) else {
        return Err(vm.type_error("descriptor requires a 'list' object"));
    };
    l.borrow_mut().push(std::mem::replace(v, Value::None));
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    meth_o(vm, &args, "extend")?;
    let items = vm.collect(&args.pos[1])?;
    this(vm, &args)?.borrow_mut().extend(items);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_positional(vm, &args, "pop", 0, 1)?;
    let l = this(vm, &args)?;
    pop_at(vm, l, args.pos.get(1))
}

/// `pop`'s [`FastMethod`] entry: `xs.pop()`, `xs.pop(i)`.
fn pop_fast(vm: &mut Vm, recv: &Value, args: &mut [Value]) -> PyResult<Value> {
    let Some(Payload::List(l)) = recv.payload() else {
        return Err(vm.type_error("descriptor requires a 'list' object"));
    };
    pop_at(vm, l, args.first())
}

/// `list.pop(index)` (`list_pop_impl`): the index is converted first (a Py_ssize_t
/// argument: a too-large int is an OverflowError), then checked against the length.
fn pop_at(vm: &mut Vm, l: &RefCell<Vec<Value>>, index: Option<&Value>) -> PyResult<Value> {
    let i = match index {
        Some(k) => {
            if let Some(Payload::Int(b)) = k.payload() {
                if i64::try_from(b).is_err() {
                    return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
                }
            }
            vm.index_value(k, "'{}' object cannot be interpreted as an integer")?
        }
        None => -1,
    };
    let len = l.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.borrow_mut().remove(j as usize))
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_positional(vm, &args, "insert", 2, 2)?;
    let i = vm.index_value(
        &args.pos[1],
        "'{}' object cannot be interpreted as an integer",
    )?;
    let l = this(vm, &args)?;
    let len = l.borrow().len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(j as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn find(vm: &mut Vm, args: &Args) -> PyResult<Option<usize>> {
    let items = this(vm, args)?.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &args.pos[1])? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    meth_o(vm, &args, "remove")?;
    match find(vm, &args)? {
        Some(i) => {
            let l = this(vm, &args)?;
            if i < l.borrow().len() {
                let old = l.borrow_mut().remove(i);
                drop(old);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_positional(vm, &args, "index", 1, 3)?;
    match find(vm, &args)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&args.pos[1])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    meth_o(vm, &args, "count")?;
    let items = this(vm, &args)?.borrow().clone();
    let mut n = 0;
    for x in &items {
        if vm.eq(x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    meth_noargs(vm, &args, "reverse")?;
    this(vm, &args)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    meth_noargs(vm, &args, "clear")?;
    let old = std::mem::take(&mut *this(vm, &args)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    meth_noargs(vm, &args, "copy")?;
    let items = this(vm, &args)?.borrow().clone();
    Ok(vm.new_list(items))
}

/// `a < b` for sorting, with fast paths that run no Python code.
pub fn less_than(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
                if !a.as_obj().is_some_and(|o| o.ty_is_heap())
                    && !b.as_obj().is_some_and(|o| o.ty_is_heap())
                {
                    return Ok(x.cmp_str(y) == std::cmp::Ordering::Less);
                }
            }
            let r = crate::object::ops::compare(vm, a, b, 0)?;
            vm.truthy(&r)
        }
    }
}

/// The shape of sort keys whose order needs no Python code: machine ints, floats other
/// than NaN, exact strs, and exact tuples of those (per position). When every key fits
/// one shape, any two keys compare without error and the order is total, so the
/// standard library's stable sort can do the work.
enum KeyKind {
    Int,
    Float,
    Str,
    Tuple(Vec<KeyKind>),
}

/// The shape of `v` merged into `kind` (None: a key that needs the general comparison).
fn merge_kind(kind: Option<KeyKind>, v: &Value, depth: u32) -> Option<KeyKind> {
    match v {
        Value::Int(_) => match kind {
            None | Some(KeyKind::Int) => Some(KeyKind::Int),
            _ => None,
        },
        Value::Float(f) if !f.is_nan() => match kind {
            None | Some(KeyKind::Float) => Some(KeyKind::Float),
            _ => None,
        },
        Value::Obj(o) if !o.ty_is_heap() => match (&o.payload, kind) {
            (Payload::Str(_), None | Some(KeyKind::Str)) => Some(KeyKind::Str),
            (Payload::Tuple(items), k) if depth < 4 => {
                let mut kinds = match k {
                    None => Vec::new(),
                    Some(KeyKind::Tuple(ks)) => ks,
                    Some(_) => return None,
                };
                for (i, item) in items.iter().enumerate() {
                    if i < kinds.len() {
                        let k = std::mem::replace(&mut kinds[i], KeyKind::Int);
                        kinds[i] = merge_kind(Some(k), item, depth + 1)?;
                    } else {
                        kinds.push(merge_kind(None, item, depth + 1)?);
                    }
                }
                Some(KeyKind::Tuple(kinds))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The order of two keys that share a [`KeyKind`] (tuples: the first unequal items
/// decide, then the lengths, as `tuple.__lt__`).
fn fast_cmp(a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Obj(x), Value::Obj(y)) => match (&x.payload, &y.payload) {
            (Payload::Str(p), Payload::Str(q)) => p.cmp_str(q),
            (Payload::Tuple(p), Payload::Tuple(q)) => {
                for (u, v) in p.iter().zip(q.iter()) {
                    match fast_cmp(u, v) {
                        Ordering::Equal => {}
                        o => return o,
                    }
                }
                p.len().cmp(&q.len())
            }
            _ => Ordering::Equal,
        },
        _ => Ordering::Equal,
    }
}

/// Sort (key, value) pairs: the standard library's stable sort when the keys share a
/// [`KeyKind`], else [`merge_sort`] with comparisons that may run Python code and raise.
/// `reverse` keeps equal keys in their original order, as CPython's reverse-sort-reverse.
fn sort_pairs(
    vm: &mut Vm,
    mut pairs: Vec<(Value, Value)>,
    reverse: bool,
) -> PyResult<Vec<(Value, Value)>> {
    let mut kind = None;
    for (k, _) in &pairs {
        kind = merge_kind(kind, k, 0);
        if kind.is_none() {
            return merge_sort(vm, pairs, reverse);
        }
    }
    // All ints (the common case): compare the machine words without dispatch.
    if matches!(kind, Some(KeyKind::Int)) {
        let int = |v: &Value| match v {
            Value::Int(i) => *i,
            _ => 0,
        };
        if reverse {
            pairs.sort_by(|a, b| int(&b.0).cmp(&int(&a.0)));
        } else {
            pairs.sort_by_key(|p| int(&p.0));
        }
        return Ok(pairs);
    }
    if reverse {
        pairs.sort_by(|a, b| fast_cmp(&b.0, &a.0));
    } else {
        pairs.sort_by(|a, b| fast_cmp(&a.0, &b.0));
    }
    Ok(pairs)
}

/// `items` sorted when every one is a machine int (no key function): the words sort
/// unstably in place, since equal machine ints are the same value (stability and
/// `reverse`'s order of equal items cannot show). `None` when some item is not one.
fn sort_machine_ints(items: &[Value], reverse: bool) -> Option<Vec<Value>> {
    let mut ints = items
        .iter()
        .map(|v| match v {
            Value::Int(i) => Some(*i),
            _ => None,
        })
        .collect::<Option<Vec<i64>>>()?;
    if reverse {
        ints.sort_unstable_by(|a, b| b.cmp(a));
    } else {
        ints.sort_unstable();
    }
    Some(ints.into_iter().map(Value::Int).collect())
}

/// Stable merge sort of (key, value) pairs with a comparison that may raise.
fn merge_sort(vm: &mut Vm, v: Vec<(Value, Value)>, reverse: bool) -> PyResult<Vec<(Value, Value)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    // Insertion sort for short runs keeps the comparison count low.
    if v.len() <= 8 {
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(v.len());
        for item in v {
            let mut pos = out.len();
            while pos > 0 {
                let before = if reverse {
                    less_than(vm, &out[pos - 1].0, &item.0)?
                } else {
                    less_than(vm, &item.0, &out[pos - 1].0)?
                };
                if !before {
                    break;
                }
                pos -= 1;
            }
            out.insert(pos, item);
        }
        return Ok(out);
    }
    let mut left = v;
    let right = left.split_off(left.len() / 2);
    let left = merge_sort(vm, left, reverse)?;
    let right = merge_sort(vm, right, reverse)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        let take_right = if reverse {
            less_than(vm, &a.0, &b.0)?
        } else {
            less_than(vm, &b.0, &a.0)?
        };
        let next = if take_right { r.next() } else { l.next() };
        out.extend(next);
    }
    out.extend(l);
    out.extend(r);
    Ok(out)
}

fn sort(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = match args.take_kw("reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    if let Some((k, _)) = args.kw.first() {
        let k = crate::object::attr::pystr(k).as_rust().into_owned();
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for sort()")));
    }
    let l = this(vm, &args)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let result = (|| -> PyResult<Vec<Value>> {
        if key.is_none() {
            if let Some(sorted) = sort_machine_ints(&items, reverse) {
                return Ok(sorted);
            }
        }
        let mut pairs = Vec::with_capacity(items.len());
        for v in &items {
            let k = match &key {
                Some(f) => vm.call(f, vec![v.clone()])?,
                None => v.clone(),
            };
            pairs.push((k, v.clone()));
        }
        Ok(sort_pairs(vm, pairs, reverse)?
            .into_iter()
            .map(|(_, v)| v)
            .collect())
    })();
    let l = this(vm, &args)?;
    let modified = !l.borrow().is_empty();
    match result {
        Ok(sorted) => {
            let old = std::mem::replace(&mut *l.borrow_mut(), sorted);
            drop(old);
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            let old = std::mem::replace(&mut *l.borrow_mut(), items);
            drop(old);
            Err(e)
        }
    }
}

/// `l[a:b:c] = v` / `del l[a:b:c]`.
pub fn set_slice(vm: &mut Vm, l: &PyRef, s: &[Value; 3], value: Option<Value>) -> PyResult<()> {
    let Payload::List(cell) = &l.payload else {
        return Ok(());
    };
    let len = cell.borrow().len();
    let (start, stop, step, n) = crate::types::slice::indices(vm, s, len)?;
    let new = match &value {
        Some(v) => Some(vm.collect(v)?),
        None => None,
    };
    if step == 1 {
        let (a, b) = (start as usize, (stop.max(start)) as usize);
        let old: Vec<Value> = cell
            .borrow_mut()
            .splice(a..b, new.unwrap_or_default())
            .collect();
        drop(old);
        return Ok(());
    }
    let pos: Vec<usize> = crate::types::slice::positions(start, step, n).collect();
    match new {
        Some(items) => {
            if items.len() != n {
                return Err(vm.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {n}",
                    items.len()
                )));
            }
            let mut b = cell.borrow_mut();
            let mut old = Vec::new();
            for (p, v) in pos.into_iter().zip(items) {
                old.push(std::mem::replace(&mut b[p], v));
            }
            drop(b);
            drop(old);
        }
        None => {
            let mut sorted = pos;
            sorted.sort_unstable();
            let mut b = cell.borrow_mut();
            let mut old = Vec::new();
            for p in sorted.into_iter().rev() {
                old.push(b.remove(p));
            }
            drop(b);
            drop(old);
        }
    }
    Ok(())
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__reversed__", crate::types::iter::list_reversed),
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("reverse", reverse),
    ("sort", sort),
    ("clear", clear),
    ("copy", copy),
];

/// Methods with a [`FastMethod`] entry (`types/function.rs`).
pub const FAST_METHODS: &[(&str, FastMethod)] = &[
    (
        "append",
        FastMethod {
            min: 1,
            max: 1,
            f: append_fast,
        },
    ),
    (
        "pop",
        FastMethod {
            min: 0,
            max: 1,
            f: pop_fast,
        },
    ),
];
