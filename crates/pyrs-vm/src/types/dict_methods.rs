//! The methods of `dict` (CPython: `Objects/dictobject.c`); the table itself is `dict.rs`.

use crate::object::{Payload, PyRef, Value};
use crate::types::dict::{self, dict_data};
use crate::types::function::{Args, FastMethod, NativeFn};
use crate::vm::{PyResult, Vm};

fn this(vm: &mut Vm, args: &Args) -> PyResult<PyRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if dict_data(o).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

/// `args.check` for a method whose `args` include the receiver (`self` or, for
/// `fromkeys`, the class): CPython's messages count the other arguments only.
#[inline]
fn check_arity(vm: &mut Vm, args: &Args, fname: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if args.kw.is_empty() && (min..=max).contains(&n) {
        return Ok(());
    }
    // CPython names the type: `dict.get() takes no keyword arguments`.
    args.no_kw(vm, &format!("dict.{fname}"))?;
    if (min..=max).contains(&n) || n == 0 {
        return args.check(vm, fname, min, max);
    }
    Args::positional(vec![Value::None; n - 1]).check(vm, fname, min - 1, max - 1)
}

pub fn dict_new(vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(
        vm.alloc_instance(cls, Payload::Dict(Default::default())),
    ))
}

pub fn dict_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<()> {
    let Some(d) = this.as_obj().cloned() else {
        return Ok(());
    };
    if args.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    update_from(vm, &d, args)
}

fn update_from(vm: &mut Vm, d: &PyRef, args: Args) -> PyResult<()> {
    if let Some(src) = args.pos.first() {
        if let Some(Payload::Dict(_)) = src.payload() {
            for (k, v) in dict::items(src.as_obj().unwrap_or(d)) {
                dict::set_item(vm, d, k, v)?;
            }
        } else {
            let keys_name = vm.intern("keys");
            if let Some(keys) = crate::object::attr::getattr_opt(vm, src, &keys_name)? {
                let ks = vm.call(&keys, vec![])?;
                for k in vm.collect(&ks)? {
                    let v = crate::object::subscript::getitem(vm, src, &k)?;
                    dict::set_item(vm, d, k, v)?;
                }
            } else {
                let it = vm.iter(src)?;
                let mut i = 0;
                while let Some(item) = vm.next(&it)? {
                    let kv = vm.collect(&item).map_err(|_| {
                        vm.type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    })?;
                    if kv.len() != 2 {
                        return Err(vm.value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            kv.len()
                        )));
                    }
                    let mut kv = kv.into_iter();
                    if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
                        dict::set_item(vm, d, k, v)?;
                    }
                    i += 1;
                }
            }
        }
    }
    for (k, v) in args.kw {
        dict::set_item(vm, d, Value::Obj(k), v)?;
    }
    Ok(())
}

fn get(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    check_arity(vm, &args, "get", 2, 3)?;
    // The receiver is read in place (no count traffic), as `this` checks it.
    let found = match args.pos.first() {
        Some(Value::Obj(d)) if dict_data(d).is_some() => dict::get_item(vm, d, &args.pos[1])?,
        _ => {
            this(vm, &args)?;
            None
        }
    };
    Ok(match found {
        Some(v) => v,
        // The default moves out (no count traffic).
        None => args
            .pos
            .pop()
            .filter(|_| args.pos.len() == 2)
            .unwrap_or(Value::None),
    })
}

/// `get`'s [`FastMethod`] entry: `d.get(k)` and `d.get(k, default)`.
fn get_fast(vm: &mut Vm, recv: &Value, args: &mut [Value]) -> PyResult<Value> {
    let Some(Value::Obj(d)) = Some(recv).filter(|r| r.as_obj().and_then(dict_data).is_some())
    else {
        return Err(vm.type_error("descriptor requires a 'dict' object"));
    };
    let Some(key) = args.first() else {
        return Ok(Value::None);
    };
    Ok(match dict::get_item(vm, d, key)? {
        Some(v) => v,
        // The default moves out (no count traffic).
        None => args
            .get_mut(1)
            .map(|v| std::mem::replace(v, Value::None))
            .unwrap_or(Value::None),
    })
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, "setdefault", 2, 3)?;
    let d = this(vm, &args)?;
    if let Some(v) = dict::get_item(vm, &d, &args.pos[1])? {
        return Ok(v);
    }
    let v = args.pos.get(2).cloned().unwrap_or(Value::None);
    dict::set_item(vm, &d, args.pos[1].clone(), v.clone())?;
    Ok(v)
}

/// `setdefault`'s [`FastMethod`] entry: `d.setdefault(k)`, `d.setdefault(k, default)`.
fn setdefault_fast(vm: &mut Vm, recv: &Value, args: &mut [Value]) -> PyResult<Value> {
    let d = match recv {
        Value::Obj(o) if dict_data(o).is_some() => o,
        _ => return Err(vm.type_error("descriptor requires a 'dict' object")),
    };
    let Some(key) = args.first().cloned() else {
        return Ok(Value::None);
    };
    if let Some(v) = dict::get_item(vm, d, &key)? {
        return Ok(v);
    }
    let v = args.get(1).cloned().unwrap_or(Value::None);
    dict::set_item(vm, d, key, v.clone())?;
    Ok(v)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, "pop", 2, 3)?;
    let d = this(vm, &args)?;
    match dict::del_item(vm, &d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.key_error(args.pos[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "popitem", 1, 1)?;
    let d = this(vm, &args)?;
    let last = dict_data(&d).and_then(|dd| {
        let b = dd.borrow();
        (0..b.dense_len()).rev().find(|&i| b.entry_at(i).is_some())
    });
    match last.and_then(|i| dict_data(&d).and_then(|dd| dd.borrow_mut().remove_at(i))) {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.key_error(vm.new_str("popitem(): dictionary is empty"))),
    }
}

fn view(vm: &mut Vm, args: Args, kind: u8) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let name = ["keys", "values", "items"][kind as usize % 3];
    args.no_kw(vm, &format!("dict.{name}"))?;
    if args.pos.len() != 1 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("dict.{name}() takes no arguments ({n} given)")));
    }
    let ty = match kind {
        0 => vm.types.dict_keys.clone(),
        1 => vm.types.dict_values.clone(),
        _ => vm.types.dict_items.clone(),
    };
    Ok(Value::Obj(vm.alloc(&ty, Payload::DictView(d, kind))))
}

/// The [`FastMethod`] entries of `keys`, `values`, `items`.
fn keys_fast(vm: &mut Vm, recv: &Value, _: &mut [Value]) -> PyResult<Value> {
    view_of(vm, recv, 0)
}
fn values_fast(vm: &mut Vm, recv: &Value, _: &mut [Value]) -> PyResult<Value> {
    view_of(vm, recv, 1)
}
fn items_fast(vm: &mut Vm, recv: &Value, _: &mut [Value]) -> PyResult<Value> {
    view_of(vm, recv, 2)
}

fn view_of(vm: &mut Vm, recv: &Value, kind: u8) -> PyResult<Value> {
    let d = match recv {
        Value::Obj(o) if dict_data(o).is_some() => o.clone(),
        _ => return Err(vm.type_error("descriptor requires a 'dict' object")),
    };
    let ty = match kind {
        0 => vm.types.dict_keys.clone(),
        1 => vm.types.dict_values.clone(),
        _ => vm.types.dict_items.clone(),
    };
    Ok(Value::Obj(vm.alloc(&ty, Payload::DictView(d, kind))))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, 0)
}
fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, 1)
}
fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, 2)
}

fn update(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    args.pos.remove(0);
    if args.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    update_from(vm, &d, args)?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let old = dict_data(&d).map(|dd| dd.borrow_mut().clear());
    drop(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let n = vm.new_dict_ref();
    for (k, v) in dict::items(&d) {
        dict::set_item(vm, &n, k, v)?;
    }
    Ok(Value::Obj(n))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__getitem__", 2, 2)?;
    this(vm, &args)?;
    // dict_subscript: a subclass's `__missing__` answers a missing key, also when
    // `__getitem__` is called as a method (`super().__getitem__(k)`).
    crate::object::subscript::builtin_getitem(vm, &args.pos[0], &args.pos[1])
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setitem__", 3, 3)?;
    let d = this(vm, &args)?;
    dict::set_item(vm, &d, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

/// `a == b` for dicts.
pub fn dict_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    vm.enter_recursion(" in comparison")?;
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || dict_eq_inner(vm, a, b));
    vm.leave_recursion();
    r
}

fn dict_eq_inner(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(x), Some(y)) = (a.as_obj(), b.as_obj()) else {
        return Ok(false);
    };
    if dict::len(x) != dict::len(y) {
        return Ok(false);
    }
    for (k, v) in dict::items(x) {
        match dict::get_item(vm, y, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `keys().isdisjoint(other)` / `items().isdisjoint(other)`.
fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "isdisjoint", 2, 2)?;
    for x in vm.collect(&args.pos[1])? {
        if crate::object::ops::contains(vm, &args.pos[0], &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Methods of `dict_keys` and `dict_items`.
pub const VIEW_METHODS: &[(&str, NativeFn)] = &[("isdisjoint", view_isdisjoint)];

/// `dict.fromkeys(iterable, value=None)`: a new instance of the class.
fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, "fromkeys", 2, 3)?;
    let value = args.pos.get(2).cloned().unwrap_or(Value::None);
    let keys = vm.collect(&args.pos[1])?;
    let d = crate::eval::call::call(vm, &args.pos[0], Args::positional(vec![]))?;
    for k in keys {
        crate::object::subscript::setitem(vm, &d, &k, Some(value.clone()))?;
    }
    Ok(d)
}

/// Class methods of `dict`.
pub const CLASSMETHODS: &[(&str, NativeFn)] = &[("fromkeys", fromkeys)];

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__reversed__", crate::types::iter::dict_reversed),
    ("get", get),
    ("setdefault", setdefault),
    ("pop", pop),
    ("popitem", popitem),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("update", update),
    ("clear", clear),
    ("copy", copy),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
];

/// Methods with a [`FastMethod`] entry (`types/function.rs`).
pub const FAST_METHODS: &[(&str, FastMethod)] = &[
    (
        "get",
        FastMethod {
            min: 1,
            max: 2,
            f: get_fast,
        },
    ),
    (
        "setdefault",
        FastMethod {
            min: 1,
            max: 2,
            f: setdefault_fast,
        },
    ),
    (
        "keys",
        FastMethod {
            min: 0,
            max: 0,
            f: keys_fast,
        },
    ),
    (
        "values",
        FastMethod {
            min: 0,
            max: 0,
            f: values_fast,
        },
    ),
    (
        "items",
        FastMethod {
            min: 0,
            max: 0,
            f: items_fast,
        },
    ),
];
