//! Slot wrappers: the special methods of builtin types as attributes (`str.__add__`,
//! `frozenset().__contains__`, `int.__index__`, `object.__lt__`, `list.__init__`).
//! CPython: `slotdefs` in `Objects/typeobject.c` (which `tp_*` slot shows as which dunder)
//! and `wrapperdescr` / `method-wrapper` in `Objects/descrobject.c`.
//!
//! Operators on builtin payloads do not go through these objects: the protocol functions
//! (`object/ops.rs`, `object/protocol.rs`, `object/subscript.rs`, `types/iter.rs`) take
//! the payload's path directly, and `protocol::heap_dunder` stops at the first builtin
//! type of an MRO, so installing wrappers changes no dispatch. A wrapper runs the
//! payload's own behaviour (`builtin_*` functions) even when `self` is an instance of a
//! class that overrides the dunder: that is what `super().__setitem__(k, v)` in a `dict`
//! subclass needs, and calling the generic protocol there would recurse into the override.
//!
//! A wrapper is a `Payload::Builtin` method of the type (`is_method`, bound like any
//! builtin method) whose type object is `wrapper_descriptor`; bound, it is a
//! `method-wrapper`. A name the type's method table already has (`dict.__getitem__`, a
//! `method_descriptor` in CPython too) keeps its method.

use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, BuiltinData, NativeFn};
use crate::types::int::{num_of, Num};
use crate::vm::{PyResult, Vm};

/// The arguments after `self`, checked as `check_num_args` does (`n` of them, no keywords).
fn operands(vm: &mut Vm, args: Args, name: &str, n: usize) -> PyResult<Vec<Value>> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    if args.pos.is_empty() {
        return Err(vm.type_error(format!("descriptor '{name}' needs an argument")));
    }
    let got = args.pos.len() - 1;
    if got != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {n} argument{s}, got {got}")));
    }
    Ok(args.pos.into_vec())
}

fn not_implemented(vm: &mut Vm, r: Option<Value>) -> Value {
    r.unwrap_or_else(|| vm.not_implemented())
}

/// `a.__op__(b)` (or the reflected `b.__rop__(a)` with `reflected`) for the NB_* index.
fn binary(vm: &mut Vm, args: Args, name: &str, base: usize, reflected: bool) -> PyResult<Value> {
    let a = operands(vm, args, name, 1)?;
    let (x, y) = if reflected {
        (&a[1], &a[0])
    } else {
        (&a[0], &a[1])
    };
    let r = crate::object::ops::builtin_binop(vm, x, y, base)?;
    Ok(not_implemented(vm, r))
}

macro_rules! binary_slots {
    ($(($f:ident, $rf:ident, $name:literal, $rname:literal, $base:literal)),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                binary(vm, args, $name, $base, false)
            }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult<Value> {
                binary(vm, args, $rname, $base, true)
            }
        )*
    };
}

// The NB_* indexes of `object/ops.rs` BINOP_NAMES.
binary_slots![
    (add, radd, "__add__", "__radd__", 0),
    (and, rand, "__and__", "__rand__", 1),
    (floordiv, rfloordiv, "__floordiv__", "__rfloordiv__", 2),
    (lshift, rlshift, "__lshift__", "__rlshift__", 3),
    (mul, rmul, "__mul__", "__rmul__", 5),
    (mod_, rmod, "__mod__", "__rmod__", 6),
    (or, ror, "__or__", "__ror__", 7),
    (pow, rpow, "__pow__", "__rpow__", 8),
    (rshift, rrshift, "__rshift__", "__rrshift__", 9),
    (sub, rsub, "__sub__", "__rsub__", 10),
    (truediv, rtruediv, "__truediv__", "__rtruediv__", 11),
    (xor, rxor, "__xor__", "__rxor__", 12),
];

/// The check of an unbound method descriptor's first argument (`descr_check`,
/// `wrapperdescr_call`, `method_vectorcall_*`): an instance of the descriptor's class,
/// in CPython's words for a method (`str.join`) or a slot wrapper (`str.__add__`).
pub fn check_self(
    vm: &mut Vm,
    descr: &PyRef,
    b: &BuiltinData,
    owner: &PyRef,
    args: &Args,
) -> PyResult<()> {
    // What CPython makes class or static methods (pyrs's tables hold them as methods,
    // called with a class or with nothing first).
    if matches!(
        b.name,
        "__new__" | "__init_subclass__" | "__subclasshook__" | "__class_getitem__"
    ) {
        return Ok(());
    }
    let wrapper = descr.ty.is(&vm.types.wrapper_descriptor);
    let (name, tname) = (b.name, tdata(owner).name());
    let Some(x) = args.pos.first() else {
        return Err(vm.type_error(if wrapper {
            format!("descriptor '{name}' of '{tname}' object needs an argument")
        } else {
            format!("unbound method {tname}.{name}() needs an argument")
        }));
    };
    let t = vm.type_of(x).clone();
    if crate::object::typeobj::is_subtype(&t, owner) {
        return Ok(());
    }
    let xname = tdata(&t).name();
    Err(vm.type_error(if wrapper {
        format!("descriptor '{name}' requires a '{tname}' object but received a '{xname}'")
    } else {
        format!("descriptor '{name}' for '{tname}' objects doesn't apply to a '{xname}' object")
    }))
}

/// `a.__iadd__(b)` ...: the builtin in-place operation (mutating `a` and returning it)
/// or NotImplemented.
fn inplace(vm: &mut Vm, args: Args, name: &str, base: usize) -> PyResult<Value> {
    let a = operands(vm, args, name, 1)?;
    let r = crate::object::ops::builtin_inplace(vm, &a[0], &a[1], base)?;
    Ok(not_implemented(vm, r))
}

macro_rules! inplace_slots {
    ($(($f:ident, $name:literal, $base:literal)),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                inplace(vm, args, $name, $base)
            }
        )*
    };
}

inplace_slots![
    (iadd, "__iadd__", 0),
    (iand, "__iand__", 1),
    (imul, "__imul__", 5),
    (ior, "__ior__", 7),
    (isub, "__isub__", 10),
    (ixor, "__ixor__", 12),
];

/// `a.__divmod__(b)` / `b.__rdivmod__(a)` of ints and floats (`long_divmod`,
/// `float_divmod`): NotImplemented unless both are numbers and, for an int `self`, both
/// are ints.
fn divmod_slot(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult<Value> {
    let a = operands(vm, args, name, 1)?;
    let (x, y) = if reflected {
        (&a[1], &a[0])
    } else {
        (&a[0], &a[1])
    };
    let (Some(nx), Some(ny)) = (num_of(x), num_of(y)) else {
        return Ok(vm.not_implemented());
    };
    let self_float = matches!(num_of(&a[0]), Some(Num::F(_)));
    let any_float = matches!(nx, Num::F(_)) || matches!(ny, Num::F(_));
    if any_float && !self_float {
        return Ok(vm.not_implemented());
    }
    if any_float {
        let (fx, fy) = (
            crate::types::float::to_float(vm, x)?,
            crate::types::float::to_float(vm, y)?,
        );
        if fy == 0.0 {
            return Err(vm.zero_division("float divmod()"));
        }
        let (q, r) = crate::types::float::divmod(fx, fy);
        return Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    // The payloads' own floor division and modulo (never a subclass's override).
    let q = crate::object::ops::builtin_binop(vm, x, y, 2)?;
    let r = crate::object::ops::builtin_binop(vm, x, y, 6)?;
    match (q, r) {
        (Some(q), Some(r)) => Ok(vm.new_tuple(vec![q, r])),
        _ => Ok(vm.not_implemented()),
    }
}

fn divmod_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_slot(vm, args, "__divmod__", false)
}
fn rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_slot(vm, args, "__rdivmod__", true)
}

/// `a.__lt__(b)` ...: the builtin comparison or NotImplemented.
fn compare(vm: &mut Vm, args: Args, name: &str, op: usize) -> PyResult<Value> {
    let a = operands(vm, args, name, 1)?;
    let r = crate::object::ops::builtin_compare(vm, &a[0], &a[1], op)?;
    Ok(match r {
        Some(b) => Value::Bool(b),
        None => vm.not_implemented(),
    })
}

fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__lt__", 0)
}
fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__le__", 1)
}
fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__eq__", 2)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ne__", 3)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__gt__", 4)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ge__", 5)
}

/// `object.__lt__` ... (`object_richcompare`): NotImplemented for the orderings, whatever
/// the operands (`object.__lt__(1, 2)`).
fn object_order(vm: &mut Vm, args: Args) -> PyResult<Value> {
    operands(vm, args, "__lt__", 1)?;
    Ok(vm.not_implemented())
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__contains__", 1)?;
    crate::object::ops::builtin_contains(vm, &a[0], &a[1]).map(Value::Bool)
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__getitem__", 1)?;
    crate::object::subscript::builtin_getitem(vm, &a[0], &a[1])
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__setitem__", 2)?;
    crate::object::subscript::builtin_setitem(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__delitem__", 1)?;
    crate::object::subscript::builtin_setitem(vm, &a[0], &a[1], None)?;
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__len__", 0)?;
    let n = vm.builtin_len(&a[0])?;
    Ok(Value::Int(n as i64))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__iter__", 0)?;
    crate::types::iter::builtin_iter(vm, &a[0])
}

/// `it.__next__()`: the next item, StopIteration at the end.
fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__next__", 0)?;
    match crate::types::iter::next_of_payload(vm, &a[0])? {
        Some(v) => Ok(v),
        None => {
            let ty = vm.types.stop_iteration.clone();
            Err(crate::vm::PyErr(crate::types::exceptions::new_exception(
                vm,
                &ty,
                vec![],
            )))
        }
    }
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__repr__", 0)?;
    let s = crate::types::repr::builtin_repr(vm, &a[0])?;
    Ok(vm.new_str(&s))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__hash__", 0)?;
    let h = match &a[0] {
        Value::Obj(o) => crate::types::repr::builtin_hash(vm, o)?,
        v => vm.hash(v)?,
    };
    Ok(Value::Int(h))
}

/// `str.__str__`: the same text as an exact str.
fn str_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__str__", 0)?;
    match a[0].as_str() {
        Some(_) if a[0].as_obj().is_some_and(|o| o.ty.is(&vm.types.str)) => Ok(a[0].clone()),
        Some(s) => Ok(vm.new_pystr(crate::types::str::PyStr::from_vec(s.to_vec()))),
        None => Err(vm.type_error("descriptor '__str__' requires a 'str' object")),
    }
}

/// The number of an int, bool or float payload; TypeError naming the slot otherwise.
fn number<'a>(vm: &mut Vm, v: &'a Value, name: &str) -> PyResult<Num<'a>> {
    match num_of(v) {
        Some(n) => Ok(n),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{name}' requires a number, not '{t}'")))
        }
    }
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__bool__", 0)?;
    // `none_bool`; `notimplemented_bool` (true, with 3.11's DeprecationWarning).
    if matches!(a[0], Value::None) {
        return Ok(Value::Bool(false));
    }
    if vm.is_not_implemented(&a[0]) {
        crate::modules::_warnings::warn_builtin(
            vm,
            "DeprecationWarning",
            "NotImplemented should not be used in a boolean context",
        )?;
        return Ok(Value::Bool(true));
    }
    match a[0].payload() {
        Some(Payload::Complex(re, im)) => return Ok(Value::Bool(*re != 0.0 || *im != 0.0)),
        Some(Payload::Range(_)) => return Ok(Value::Bool(vm.builtin_len(&a[0])? != 0)),
        _ => {}
    }
    Ok(Value::Bool(match number(vm, &a[0], "__bool__")? {
        Num::I(i) => i != 0,
        Num::B(_) => true,
        Num::F(f) => f != 0.0,
    }))
}

/// `int.__index__` / `int.__int__`: the value as an exact int (also from a bool or an int
/// subclass); `float.__int__` truncates.
fn int_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__int__", 0)?;
    match number(vm, &a[0], "__int__")? {
        Num::I(i) => Ok(Value::Int(i)),
        Num::B(b) => {
            let b = b.clone();
            Ok(crate::types::int::big_to_value(vm, b))
        }
        Num::F(f) => float_to_int(vm, f),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__index__", 0)?;
    match num_of(&a[0]) {
        Some(Num::I(i)) => Ok(Value::Int(i)),
        Some(Num::B(b)) => {
            let b = b.clone();
            Ok(crate::types::int::big_to_value(vm, b))
        }
        _ => {
            let t = vm.type_name(&a[0]);
            Err(vm.type_error(format!(
                "descriptor '__index__' requires a 'int' object but received a '{t}'"
            )))
        }
    }
}

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    // Finite, so the conversion is exact and cannot fail.
    let b = <num_bigint::BigInt as num_traits::FromPrimitive>::from_f64(t).unwrap_or_default();
    Ok(crate::types::int::big_to_value(vm, b))
}

fn float_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__float__", 0)?;
    let n = number(vm, &a[0], "__float__")?;
    let f = crate::types::int::to_f64(vm, &n)?;
    Ok(Value::Float(f))
}

/// `-x`, `+x`, `abs(x)`, `~x` of a number payload (`which`: 0, 1, 2 for abs, 3 for `~`).
fn unary(vm: &mut Vm, args: Args, name: &str, which: u8) -> PyResult<Value> {
    let a = operands(vm, args, name, 0)?;
    let v = &a[0];
    if let Some(Payload::Complex(re, im)) = v.payload() {
        if which != 3 {
            return crate::types::complex::unary(vm, (*re, *im), which);
        }
    }
    match (num_of(v), which) {
        (Some(Num::F(f)), 0) => Ok(Value::Float(-f)),
        (Some(Num::F(f)), 1) => Ok(Value::Float(f)),
        (Some(Num::F(f)), 2) => Ok(Value::Float(f.abs())),
        (Some(Num::F(_)), _) | (None, _) => Ok(vm.not_implemented()),
        (Some(n), 2) => {
            let b = crate::types::int::to_bigint(v).unwrap_or_default();
            let _ = n;
            Ok(crate::types::int::big_to_value(
                vm,
                num_traits::Signed::abs(&b),
            ))
        }
        (Some(n), 3) => Ok(crate::types::int::int_unary(vm, &n, 2)),
        (Some(n), w) => Ok(crate::types::int::int_unary(vm, &n, w)),
    }
}

fn neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unary(vm, args, "__neg__", 0)
}
fn pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unary(vm, args, "__pos__", 1)
}
fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unary(vm, args, "__abs__", 2)
}
fn invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unary(vm, args, "__invert__", 3)
}

/// `T.__init__(self, *args)`: the builtin `tp_init` that `self`'s type inherits
/// (`list.__init__`, `dict.__init__`, `set.__init__`, `BaseException.__init__`, ...).
fn init(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("descriptor '__init__' needs an argument"));
    }
    let this = args.pos.remove(0);
    let ty = vm.type_of(&this).clone();
    if let Some(f) = tdata(&ty).find_init() {
        f(vm, &this, args)?;
    }
    Ok(Value::None)
}

/// `f.__call__(*args)`.
fn call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    }
    let f = args.pos.remove(0);
    vm.call_args(&f, args)
}

/// `descr.__get__(obj, type=None)` of functions, classmethods, staticmethods, properties.
fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("wrapper __get__() takes no keyword arguments"));
    }
    let n = args.pos.len().saturating_sub(1);
    if args.pos.is_empty() || !(1..=2).contains(&n) {
        return Err(vm.type_error(format!("expected 1 or 2 arguments, got {n}")));
    }
    let descr = args.pos[0].clone();
    let obj = (!matches!(args.pos[1], Value::None)).then(|| args.pos[1].clone());
    let owner = match (args.pos.get(2), &obj) {
        (Some(Value::Obj(t)), _) if matches!(t.payload, Payload::Type(_)) => t.clone(),
        (_, Some(o)) => vm.type_of(o).clone(),
        (Some(Value::None) | None, None) => {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        (Some(_), None) => return Err(vm.type_error("__get__(None, None) is invalid")),
    };
    crate::object::attr::descr_get(vm, descr, obj, &owner)
}

/// `descr.__set__(obj, value)` / `descr.__delete__(obj)` of member, getset and property
/// descriptors.
fn set_or_delete(vm: &mut Vm, args: Args, name: &str, value: bool) -> PyResult<Value> {
    let a = operands(vm, args, name, if value { 2 } else { 1 })?;
    let v = value.then(|| a[2].clone());
    match a[0].payload() {
        Some(Payload::Member(m)) if crate::types::descriptor::is_builtin_member(m) => {
            let d = a[0]
                .as_obj()
                .cloned()
                .unwrap_or_else(|| vm.types.object.clone());
            crate::types::descriptor::set(vm, &d, &a[1], v)?;
        }
        Some(Payload::Member(m)) => {
            // A slot: stored where `obj.name = v` stores it (the member is on obj's type).
            let n = m.0.clone();
            crate::object::attr::generic_setattr(vm, &a[1], &n, v)?;
        }
        Some(Payload::Property(p)) => {
            let f = if value { p[1].clone() } else { p[2].clone() };
            if matches!(f, Value::None) {
                let what = if value { "setter" } else { "deleter" };
                return Err(crate::types::function::property_error(vm, p, &a[1], what));
            }
            let mut call_args = vec![a[1].clone()];
            call_args.extend(v);
            vm.call(&f, call_args)?;
        }
        _ => return Err(vm.type_error(format!("descriptor '{name}' needs a descriptor"))),
    }
    Ok(Value::None)
}

fn set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_or_delete(vm, args, "__set__", true)
}
fn delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_or_delete(vm, args, "__delete__", false)
}

/// `T.__new__(cls, *args)` (CPython's `tp_new_wrapper`): `T`'s own `tp_new` for a
/// subtype `cls` of `T`. Bound to `T` (its first argument).
fn tp_new_wrapper(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let Some(Value::Obj(t)) = args.pos.first().cloned() else {
        return Err(vm.type_error("__new__ needs its type"));
    };
    let tname = tdata(&t).name();
    if args.pos.len() < 2 {
        return Err(vm.type_error(format!("{tname}.__new__(): not enough arguments")));
    }
    let cls = args.pos.remove(1);
    args.pos.remove(0);
    let Some(c) = cls
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
        .cloned()
    else {
        let n = vm.type_name(&cls);
        return Err(vm.type_error(format!("{tname}.__new__(X): X is not a type object ({n})")));
    };
    if !crate::object::typeobj::is_subtype(&c, &t) {
        let cn = tdata(&c).name();
        return Err(vm.type_error(format!(
            "{tname}.__new__({cn}): {cn} is not a subtype of {tname}"
        )));
    }
    match tdata(&t).tp_new.get() {
        Some(f) => f(vm, &c, args),
        None => Err(vm.type_error(format!("cannot create '{tname}' instances"))),
    }
}

/// `__new__` in the dict of every builtin type with its own `tp_new` but object (whose
/// `__new__` is `types/object.rs`'s): a builtin bound to the type, as CPython's
/// `add_tp_new_wrapper`. `enum` looks for it in `int.__dict__`.
fn install_new(vm: &mut Vm) {
    let t = &vm.types;
    let mut types: Vec<PyRef> = vec![
        t.type_.clone(),
        t.int.clone(),
        t.bool.clone(),
        t.float.clone(),
        t.complex.clone(),
        t.str.clone(),
        t.bytes.clone(),
        t.bytearray.clone(),
        t.memoryview.clone(),
        t.tuple.clone(),
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.property.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
        t.super_.clone(),
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.reversed.clone(),
        t.module.clone(),
        t.generic_alias.clone(),
        t.simple_namespace.clone(),
        t.base_exception.clone(),
    ];
    // Exception types with their own tp_new (BaseExceptionGroup, ...).
    types.extend(vm.types.exception_names.iter().map(|(_, t)| t.clone()));
    types.retain(|ty| tdata(ty).tp_new.get().is_some());
    let fty = vm.types.builtin_function.clone();
    for ty in types {
        let Some(d) = tdata(&ty).dict.get().cloned() else {
            continue;
        };
        let n = vm.intern("__new__");
        let h = crate::object::attr::hash_of(vm, &n);
        if crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&n), h).is_some() {
            continue;
        }
        let b = vm.alloc(
            &fty,
            Payload::Builtin(Box::new(BuiltinData {
                name: "__new__",
                func: tp_new_wrapper,
                self_: Some(Value::Obj(ty.clone())),
                is_method: false,
                owner: Some(ty.clone()),
                fast: None,
            })),
        );
        crate::types::dict::dict_set_str(vm, &d, &n, Value::Obj(b));
    }
}

/// `object.__subclasshook__(subclass)`: NotImplemented (the abc machinery then decides).
fn subclasshook(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

type Slots = &'static [(&'static str, NativeFn)];

/// Entries of object's method table (`types/object.rs`) that CPython shows as slot wrappers.
const OBJECT_SLOTS: &[&str] = &[
    "__init__",
    "__repr__",
    "__str__",
    "__eq__",
    "__ne__",
    "__hash__",
    "__setattr__",
    "__delattr__",
    "__getattribute__",
];

const RICHCOMPARE: Slots = &[
    ("__lt__", lt),
    ("__le__", le),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__gt__", gt),
    ("__ge__", ge),
];

const NUMBER: Slots = &[
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
    ("__bool__", bool_),
    ("__int__", int_),
    ("__float__", float_),
    ("__floordiv__", floordiv),
    ("__rfloordiv__", rfloordiv),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__divmod__", divmod_),
    ("__rdivmod__", rdivmod),
];

const INT_ONLY: Slots = &[
    ("__invert__", invert),
    ("__lshift__", lshift),
    ("__rlshift__", rlshift),
    ("__rshift__", rshift),
    ("__rrshift__", rrshift),
    ("__and__", and),
    ("__rand__", rand),
    ("__xor__", xor),
    ("__rxor__", rxor),
    ("__or__", or),
    ("__ror__", ror),
    ("__index__", index),
];

const COMPLEX: Slots = &[
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
    ("__bool__", bool_),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
];

const BASIC: Slots = &[("__repr__", repr), ("__hash__", hash)];
const SEQUENCE: Slots = &[
    ("__len__", len),
    ("__getitem__", getitem),
    ("__contains__", contains),
    ("__iter__", iter),
];
/// A sized iterable container without item access (sets: not subscriptable).
const COLLECTION: Slots = &[
    ("__len__", len),
    ("__contains__", contains),
    ("__iter__", iter),
];
const CONCAT: Slots = &[("__add__", add), ("__mul__", mul), ("__rmul__", rmul)];
const FORMAT: Slots = &[("__mod__", mod_), ("__rmod__", rmod)];
const MUTABLE: Slots = &[
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__init__", init),
];
const SET: Slots = &[
    ("__and__", and),
    ("__rand__", rand),
    ("__or__", or),
    ("__ror__", ror),
    ("__xor__", xor),
    ("__rxor__", rxor),
    ("__sub__", sub),
    ("__rsub__", rsub),
];
const DICT: Slots = &[("__or__", or), ("__ror__", ror), ("__ior__", ior)];
const INPLACE_SEQUENCE: Slots = &[("__iadd__", iadd), ("__imul__", imul)];
const INPLACE_SET: Slots = &[
    ("__iand__", iand),
    ("__ior__", ior),
    ("__isub__", isub),
    ("__ixor__", ixor),
];
const CALL: Slots = &[("__call__", call)];
const GET: Slots = &[("__get__", get)];
const DATA_DESCRIPTOR: Slots = &[("__get__", get), ("__set__", set), ("__delete__", delete)];
const NEXT: Slots = &[("__iter__", iter), ("__next__", next)];
/// `tp_finalize` of generators, coroutines and async generators (`_PyGen_Finalize`).
const GEN_FINALIZE: Slots = &[("__del__", gen_del)];

/// `gen.__del__()`: what dropping it runs (`crate::finalize::gen_finalize`).
fn gen_del(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = operands(vm, args, "__del__", 0)?;
    if let Value::Obj(g) = &a[0] {
        crate::finalize::gen_finalize(vm, g);
    }
    Ok(Value::None)
}
/// The set operators of the keys and items views (`dictviews_as_number`).
const SET_VIEW_OPS: Slots = &[
    ("__and__", and),
    ("__rand__", rand),
    ("__or__", or),
    ("__ror__", ror),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__xor__", xor),
    ("__rxor__", rxor),
];

/// Which builtin types get which wrappers (CPython fills the same slots; `bool` inherits
/// int's). Types whose instances are unhashable get `__hash__ = None` ([`UNHASHABLE`]).
fn table(vm: &Vm) -> Vec<(PyRef, Vec<Slots>)> {
    let t = &vm.types;
    vec![
        (
            t.object.clone(),
            vec![&[
                ("__lt__", object_order),
                ("__le__", object_order),
                ("__gt__", object_order),
                ("__ge__", object_order),
            ]],
        ),
        (
            t.type_.clone(),
            vec![&[("__repr__", repr), ("__or__", or), ("__ror__", ror)]],
        ),
        (t.int.clone(), vec![RICHCOMPARE, BASIC, NUMBER, INT_ONLY]),
        (t.float.clone(), vec![RICHCOMPARE, BASIC, NUMBER]),
        (t.complex.clone(), vec![RICHCOMPARE, BASIC, COMPLEX]),
        (
            t.str.clone(),
            vec![
                RICHCOMPARE,
                BASIC,
                SEQUENCE,
                CONCAT,
                FORMAT,
                &[("__str__", str_str)],
            ],
        ),
        (
            t.bytes.clone(),
            vec![
                RICHCOMPARE,
                BASIC,
                SEQUENCE,
                CONCAT,
                FORMAT,
                &[("__str__", repr)],
            ],
        ),
        (
            t.bytearray.clone(),
            vec![
                RICHCOMPARE,
                &[("__repr__", repr)],
                SEQUENCE,
                CONCAT,
                FORMAT,
                MUTABLE,
                INPLACE_SEQUENCE,
            ],
        ),
        (t.tuple.clone(), vec![RICHCOMPARE, BASIC, SEQUENCE, CONCAT]),
        (
            t.list.clone(),
            vec![
                RICHCOMPARE,
                &[("__repr__", repr)],
                SEQUENCE,
                CONCAT,
                MUTABLE,
                INPLACE_SEQUENCE,
            ],
        ),
        (
            t.dict.clone(),
            vec![RICHCOMPARE, &[("__repr__", repr)], SEQUENCE, MUTABLE, DICT],
        ),
        (
            t.set.clone(),
            vec![
                RICHCOMPARE,
                &[("__repr__", repr), ("__init__", init)],
                COLLECTION,
                SET,
                INPLACE_SET,
            ],
        ),
        (
            t.frozenset.clone(),
            vec![RICHCOMPARE, BASIC, COLLECTION, SET],
        ),
        (
            t.range.clone(),
            vec![RICHCOMPARE, BASIC, SEQUENCE, &[("__bool__", bool_)]],
        ),
        (t.function.clone(), vec![&[("__repr__", repr)], CALL, GET]),
        (
            t.builtin_function.clone(),
            vec![&[("__repr__", repr)], CALL],
        ),
        (t.method_descriptor.clone(), vec![CALL, GET]),
        (t.wrapper_descriptor.clone(), vec![CALL, GET]),
        (t.classmethod_descriptor.clone(), vec![CALL, GET]),
        (t.method_wrapper.clone(), vec![CALL]),
        (t.method.clone(), vec![&[("__repr__", repr)], CALL]),
        (t.classmethod.clone(), vec![GET]),
        (t.staticmethod.clone(), vec![GET, CALL]),
        (t.property.clone(), vec![DATA_DESCRIPTOR]),
        (t.member_descriptor.clone(), vec![DATA_DESCRIPTOR]),
        (t.getset_descriptor.clone(), vec![DATA_DESCRIPTOR]),
        (t.module.clone(), vec![&[("__init__", init)]]),
        (t.base_exception.clone(), vec![&[("__init__", init)]]),
        (t.none_type.clone(), vec![&[("__bool__", bool_)]]),
        (t.not_implemented_type.clone(), vec![&[("__bool__", bool_)]]),
        (t.callable_iterator.clone(), vec![NEXT]),
        (t.dict_keys.clone(), vec![SET_VIEW_OPS]),
        (t.dict_items.clone(), vec![SET_VIEW_OPS]),
        (
            t.memoryview.clone(),
            vec![&[
                ("__len__", len),
                ("__getitem__", getitem),
                ("__setitem__", setitem),
                ("__delitem__", delitem),
                ("__iter__", iter),
            ]],
        ),
        (
            t.generic_alias.clone(),
            vec![
                RICHCOMPARE,
                BASIC,
                CALL,
                &[
                    ("__getitem__", getitem),
                    ("__iter__", iter),
                    ("__or__", or),
                    ("__ror__", ror),
                    (
                        "__getattribute__",
                        crate::types::generic_alias::ga_getattribute,
                    ),
                ],
            ],
        ),
        (
            t.union_type.clone(),
            vec![
                RICHCOMPARE,
                BASIC,
                &[
                    ("__getitem__", getitem),
                    ("__or__", or),
                    ("__ror__", ror),
                    (
                        "__getattribute__",
                        crate::types::union_type::union_getattribute,
                    ),
                ],
            ],
        ),
        (
            t.coroutine.clone(),
            vec![
                &[("__await__", crate::types::coroutine::coro_await)],
                GEN_FINALIZE,
            ],
        ),
        (t.async_generator.clone(), vec![GEN_FINALIZE]),
        (t.super_.clone(), vec![&[("__get__", get)]]),
        (t.list_iterator.clone(), vec![NEXT]),
        (t.tuple_iterator.clone(), vec![NEXT]),
        (t.str_iterator.clone(), vec![NEXT]),
        (t.range_iterator.clone(), vec![NEXT]),
        (t.set_iterator.clone(), vec![NEXT]),
        (t.dict_keyiterator.clone(), vec![NEXT]),
        (t.dict_valueiterator.clone(), vec![NEXT]),
        (t.dict_itemiterator.clone(), vec![NEXT]),
        (t.dict_reversekeyiterator.clone(), vec![NEXT]),
        (t.dict_reversevalueiterator.clone(), vec![NEXT]),
        (t.dict_reverseitemiterator.clone(), vec![NEXT]),
        (t.iterator.clone(), vec![NEXT]),
        (t.generator.clone(), vec![NEXT, GEN_FINALIZE]),
        (t.enumerate.clone(), vec![NEXT]),
        (t.zip.clone(), vec![NEXT]),
        (t.map.clone(), vec![NEXT]),
        (t.filter.clone(), vec![NEXT]),
        (t.reversed.clone(), vec![NEXT]),
        (t.list_reverseiterator.clone(), vec![NEXT]),
        (
            t.dict_keys.clone(),
            vec![&[
                ("__len__", len),
                ("__iter__", iter),
                ("__contains__", contains),
            ]],
        ),
        (
            t.dict_items.clone(),
            vec![&[
                ("__len__", len),
                ("__iter__", iter),
                ("__contains__", contains),
            ]],
        ),
        (
            t.dict_values.clone(),
            vec![&[("__len__", len), ("__iter__", iter)]],
        ),
    ]
}

/// `__hash__ = None` in these types' dicts: their instances are unhashable, which
/// `collections.abc.Hashable` reads from the MRO.
fn unhashable(vm: &Vm) -> Vec<PyRef> {
    let t = &vm.types;
    vec![
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.bytearray.clone(),
        t.slice.clone(),
    ]
}

/// Special methods that CPython lists in the type's method table rather than as slots:
/// they are `method_descriptor`s (`<method '__contains__' of 'frozenset' objects>`).
fn method_table(vm: &Vm) -> Vec<(PyRef, Slots)> {
    let t = &vm.types;
    let v: Vec<(PyRef, Slots)> = vec![
        (t.list.clone(), &[("__getitem__", getitem)]),
        (
            t.dict.clone(),
            &[("__getitem__", getitem), ("__contains__", contains)],
        ),
        (
            t.set.clone(),
            &[
                ("__contains__", contains),
                ("__reduce__", crate::types::reduce::set_reduce),
            ],
        ),
        (
            t.frozenset.clone(),
            &[
                ("__contains__", contains),
                ("__reduce__", crate::types::reduce::set_reduce),
            ],
        ),
        (t.object.clone(), crate::types::reduce::OBJECT_METHODS),
    ];
    v.into_iter()
        .chain(
            crate::types::reduce::getnewargs_types(vm)
                .into_iter()
                .map(|t| (t, crate::types::reduce::GETNEWARGS)),
        )
        .collect()
}

/// Put `slots` into `ty`'s dict as descriptors of type `descr_ty`, leaving names the dict
/// already has.
fn add_slots(vm: &mut Vm, ty: &PyRef, slots: Slots, descr_ty: &PyRef) {
    let Some(d) = tdata(ty).dict.get().cloned() else {
        return;
    };
    for (name, f) in slots {
        let n = vm.intern(name);
        let h = crate::object::attr::hash_of(vm, &n);
        if crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&n), h).is_some() {
            continue;
        }
        let w = vm.alloc(
            descr_ty,
            Payload::Builtin(Box::new(BuiltinData {
                name,
                func: *f,
                self_: None,
                is_method: true,
                owner: Some(ty.clone()),
                fast: None,
            })),
        );
        crate::types::dict::dict_set_str(vm, &d, &n, Value::Obj(w));
    }
}

/// Install the wrappers of every builtin type (after the method tables, whose entries
/// win), `__hash__ = None` of the unhashable ones and `object.__subclasshook__`.
pub fn install(vm: &mut Vm) {
    let method_ty = vm.types.method_descriptor.clone();
    for (ty, slots) in method_table(vm) {
        add_slots(vm, &ty, slots, &method_ty);
    }
    let wrapper_ty = vm.types.wrapper_descriptor.clone();
    for (ty, groups) in table(vm) {
        for group in groups {
            add_slots(vm, &ty, group, &wrapper_ty);
        }
    }
    // `object.__init__`, `object().__str__`: slot wrappers in CPython (types.py's
    // WrapperDescriptorType, MethodWrapperType), entries of object's method table here.
    let object = vm.types.object.clone();
    if let Some(d) = tdata(&object).dict.get().cloned() {
        for name in OBJECT_SLOTS {
            let n = vm.intern(name);
            let h = crate::object::attr::hash_of(vm, &n);
            let old = crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&n), h);
            if let Some(Payload::Builtin(b)) = old.as_ref().and_then(|v| v.payload()) {
                let w = vm.alloc(
                    &wrapper_ty,
                    Payload::Builtin(Box::new(BuiltinData {
                        name: b.name,
                        func: b.func,
                        self_: None,
                        is_method: true,
                        owner: Some(object.clone()),
                        fast: None,
                    })),
                );
                crate::types::dict::dict_set_str(vm, &d, &n, Value::Obj(w));
            }
        }
    }
    install_new(vm);
    for ty in unhashable(vm) {
        crate::types::set_type_attr(vm, &ty, "__hash__", Value::None);
    }
    crate::types::add_classmethods(
        vm,
        &object,
        &[
            ("__subclasshook__", subclasshook),
            ("__init_subclass__", crate::types::object::init_subclass),
        ],
    );
}

/// `T.__getattribute__` for the builtin types whose CPython dict has their own (those
/// with a `(T, "__getattribute__")` row in `doc_table.rs`: `list`, `int`, `type`,
/// `module`, ...), where pyrs's type has none yet: a wrapper of `T` (its repr, and the
/// check that `self` is a `T`) running `object.__getattribute__`'s lookup, which already
/// takes each payload's path (types, modules, super). Runs after `builtins` exists.
pub fn install_getattribute(vm: &mut Vm) {
    let t = &vm.types;
    let all = crate::types::doc::builtin_types(vm, &[&t.generator, &t.frame]);
    let wrapper_ty = vm.types.wrapper_descriptor.clone();
    for ty in all {
        let td = tdata(&ty);
        if td.heap || ty.is(&vm.types.object) {
            continue;
        }
        if crate::types::doc::attr_doc(&td.name(), "__getattribute__").is_none() {
            continue;
        }
        let slots: Slots = &[(
            "__getattribute__",
            crate::types::object::getattribute_method,
        )];
        add_slots(vm, &ty, slots, &wrapper_ty);
    }
}

/// The repr of a wrapper (`<slot wrapper '__add__' of 'int' objects>`) or of one bound to
/// an object (`<method-wrapper '__add__' of int object at 0x...>`); `None` for other
/// builtins.
pub fn repr_of(vm: &mut Vm, o: &PyRef) -> Option<String> {
    let Payload::Builtin(b) = &o.payload else {
        return None;
    };
    if o.ty.is(&vm.types.wrapper_descriptor) {
        let owner = b
            .owner
            .as_ref()
            .map(|t| tdata(t).name())
            .unwrap_or_default();
        return Some(format!("<slot wrapper '{}' of '{owner}' objects>", b.name));
    }
    if o.ty.is(&vm.types.method_wrapper) {
        let s = b.self_.clone().unwrap_or(Value::None);
        return Some(format!(
            "<method-wrapper '{}' of {} object at {:#x}>",
            b.name,
            vm.type_name(&s),
            s.id()
        ));
    }
    None
}
