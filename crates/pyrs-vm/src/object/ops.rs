//! Operators (CPython: `Objects/abstract.c` `binary_op1`, `Objects/object.c`
//! `do_richcompare`): builtin operands take direct paths; class instances get the dunder
//! protocol with reflected operands, subclass priority and `NotImplemented`.

use crate::object::protocol::{call_dunder, heap_dunder};
use crate::object::typeobj::{is_subtype, tdata};
use crate::object::{Payload, PyRef, Value};
use crate::types::int::{num_of, numeric_binop, numeric_compare};
use crate::vm::{PyResult, Vm};

pub const BINOP_NAMES: [(&str, &str, &str); 13] = [
    ("+", "__add__", "__radd__"),
    ("&", "__and__", "__rand__"),
    ("//", "__floordiv__", "__rfloordiv__"),
    ("<<", "__lshift__", "__rlshift__"),
    ("@", "__matmul__", "__rmatmul__"),
    ("*", "__mul__", "__rmul__"),
    ("%", "__mod__", "__rmod__"),
    ("|", "__or__", "__ror__"),
    ("**", "__pow__", "__rpow__"),
    (">>", "__rshift__", "__rrshift__"),
    ("-", "__sub__", "__rsub__"),
    ("/", "__truediv__", "__rtruediv__"),
    ("^", "__xor__", "__rxor__"),
];

const INPLACE_NAMES: [&str; 13] = [
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];

pub const CMP_NAMES: [(&str, &str); 6] = [
    ("<", "__lt__"),
    ("<=", "__le__"),
    ("==", "__eq__"),
    ("!=", "__ne__"),
    (">", "__gt__"),
    (">=", "__ge__"),
];
const CMP_SWAP: [usize; 6] = [4, 5, 2, 3, 0, 1];

fn is_heap(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if tdata(&o.ty).heap)
}

/// The builtin in-place operations that mutate their left operand (`dict |=`, set
/// `&= |= -= ^=`, bytearray and list `+=` `*=`): the result (the operand itself), or
/// None when the payloads have no in-place form (the binary operation then applies).
/// Also what `list.__iadd__` and the other in-place slot wrappers run.
pub fn builtin_inplace(vm: &mut Vm, a: &Value, b: &Value, base: usize) -> PyResult<Option<Value>> {
    if let (Some(Payload::Dict(_)), 7) = (a.payload(), base) {
        if let (Some(d), Some(Payload::Dict(_))) = (a.as_obj(), b.payload()) {
            let d = d.clone();
            for (k, v) in crate::types::dict::items(b.as_obj().unwrap_or(&d)) {
                crate::types::dict::set_item(vm, &d, k, v)?;
            }
            return Ok(Some(a.clone()));
        }
        // `d |= iterable` takes what `dict.update` takes (`dict_ior`).
        if !is_heap(a) {
            vm.call_method(a, "update", vec![b.clone()])?;
            return Ok(Some(a.clone()));
        }
    }
    // `s |= t` and friends mutate a set in place (frozensets rebind).
    if let (Some(Payload::Set(_)), Some(Payload::Set(_)), 1 | 7 | 10 | 12) =
        (a.payload(), b.payload(), base)
    {
        if !is_heap(a) && !crate::object::typeobj::is_subtype(vm.type_of(a), &vm.types.frozenset) {
            crate::types::set::set_inplace(vm, a, b, base)?;
            return Ok(Some(a.clone()));
        }
    }
    if let Some(Payload::ByteArray(ba)) = a.payload() {
        if base == 0 {
            if let Some(add) = crate::types::bytearray::bytes_like(b) {
                ba.check_resize(vm, ba.borrow().len() + add.len())?;
                ba.borrow_mut().extend(add);
                return Ok(Some(a.clone()));
            }
        }
        if base == 5 {
            if let Some(n) = seq_repeat(vm, b)? {
                let cur = ba.borrow().clone();
                ba.check_resize(vm, cur.len().saturating_mul(n))?;
                *ba.borrow_mut() = cur.repeat(n);
                return Ok(Some(a.clone()));
            }
        }
    }
    if let Some(Payload::List(l)) = a.payload() {
        if base == 0 {
            let items = vm.collect(b)?;
            l.borrow_mut().extend(items);
            return Ok(Some(a.clone()));
        }
        if base == 5 {
            let n = vm.index_value(b, "can't multiply sequence by non-int of type '{}'")?;
            let cur = l.borrow().clone();
            let mut out = Vec::new();
            for _ in 0..n.max(0) {
                out.extend(cur.iter().cloned());
            }
            *l.borrow_mut() = out;
            return Ok(Some(a.clone()));
        }
    }
    Ok(None)
}

/// BINARY_OP: `op` is the 3.11 NB_* index (0..26, inplace from 13).
pub fn binary_op(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    let base = op % 13;
    // `&`, `|`, `^` of two machine ints (the eval loop's own fast arm has `+ - * % //`):
    // the result always fits, and no class can be involved.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        match base {
            1 => return Ok(Value::Int(x & y)),
            7 => return Ok(Value::Int(x | y)),
            12 => return Ok(Value::Int(x ^ y)),
            _ => {}
        }
    }
    if op >= 13 {
        if is_heap(a) {
            if let Some(r) = crate::object::protocol::try_heap_dunder(
                vm,
                a,
                INPLACE_NAMES[base],
                vec![b.clone()],
            )? {
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = builtin_inplace(vm, a, b, base)? {
            return Ok(r);
        }
    }
    if !is_heap(a) && !is_heap(b) {
        if let Some(r) = builtin_binop(vm, a, b, base)? {
            return Ok(r);
        }
        return Err(unsupported(vm, a, b, base, op >= 13));
    }
    let (_, lname, rname) = BINOP_NAMES[base];
    let ta = vm.type_of(a).clone();
    let tb = vm.type_of(b).clone();
    let lf = heap_dunder(vm, &ta, lname);
    let rf = if ta.is(&tb) {
        None
    } else {
        heap_dunder(vm, &tb, rname)
    };
    let mut right_done = false;
    if let Some(rf) = &rf {
        if is_subtype(&tb, &ta) {
            right_done = true;
            let r = call_dunder(vm, rf.clone(), b, vec![a.clone()])?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match lf {
        Some(f) => {
            let r = call_dunder(vm, f, a, vec![b.clone()])?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        None => {
            if let Some(r) = builtin_binop(vm, a, b, base)? {
                return Ok(r);
            }
        }
    }
    if let (Some(rf), false) = (rf, right_done) {
        let r = call_dunder(vm, rf, b, vec![a.clone()])?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(unsupported(vm, a, b, base, op >= 13))
}

fn unsupported(vm: &mut Vm, a: &Value, b: &Value, base: usize, inplace: bool) -> crate::vm::PyErr {
    let sym = BINOP_NAMES[base].0;
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    if base == 0 {
        match a.payload() {
            Some(Payload::Str(_)) if !is_heap(a) => {
                return vm.type_error(format!("can only concatenate str (not \"{tb}\") to str"))
            }
            Some(Payload::List(_)) if !is_heap(a) && !inplace => {
                return vm.type_error(format!("can only concatenate list (not \"{tb}\") to list"))
            }
            Some(Payload::Tuple(_)) if !is_heap(a) => {
                return vm.type_error(format!(
                    "can only concatenate tuple (not \"{tb}\") to tuple"
                ))
            }
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                return vm.type_error(format!("can't concat {tb} to {ta}"));
            }
            _ => {}
        }
    }
    if base == 5
        && matches!(
            b.payload(),
            Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_))
        )
    {
        return vm.type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
    }
    if base == 5
        && matches!(
            a.payload(),
            Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_))
        )
    {
        return vm.type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
    }
    let sym = if inplace {
        format!("{sym}=")
    } else {
        sym.to_string()
    };
    if base == 8 {
        return vm.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"
        ));
    }
    vm.type_error(format!(
        "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
    ))
}

fn seq_repeat(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    match n {
        Value::Int(i) => Ok(Some((*i).max(0) as usize)),
        Value::Bool(b) => Ok(Some(*b as usize)),
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
            match crate::types::int::to_bigint(n).and_then(|b| num_traits::ToPrimitive::to_i64(&b))
            {
                Some(i) => Ok(Some(i.max(0) as usize)),
                None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            }
        }
        Value::Obj(o) if crate::object::typeobj::tdata(&o.ty).heap => {
            match crate::object::protocol::try_heap_dunder(vm, n, "__index__", vec![])? {
                Some(r) => {
                    let i = vm.index_value(&r, "__index__ returned non-int (type {})")?;
                    Ok(Some(i.max(0) as usize))
                }
                None => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// The operation for builtin payloads; `None` when these operand types do not support it.
pub fn builtin_binop(vm: &mut Vm, a: &Value, b: &Value, base: usize) -> PyResult<Option<Value>> {
    // bool's own `&`, `|`, `^` (NB_AND 1, NB_OR 7, NB_XOR 12) return a bool.
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match base {
            1 => return Ok(Some(Value::Bool(*x & *y))),
            7 => return Ok(Some(Value::Bool(*x | *y))),
            12 => return Ok(Some(Value::Bool(*x ^ *y))),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return numeric_binop(vm, &x, &y, base);
    }
    if crate::types::complex::is_complex(a) || crate::types::complex::is_complex(b) {
        return crate::types::complex::binop(vm, a, b, base);
    }
    if base == 7 {
        let typeish = |vm: &Vm, v: &Value| {
            matches!(
                v.payload(),
                Some(Payload::Type(_) | Payload::GenericAlias(_))
            ) || crate::types::union_type::is_union(vm, v)
        };
        if typeish(vm, a) || typeish(vm, b) {
            if let Some(u) = crate::types::union_type::union(vm, a, b)? {
                return Ok(Some(u));
            }
        }
    }
    // A keys/items view on either side takes any iterable on the other
    // (`['b'] & d.keys()`, `1 & d.keys()` raising "'int' object is not iterable":
    // CPython's dictviews_* convert both operands).
    if matches!(base, 1 | 7 | 10 | 12) && (is_set_view(a.payload()) || is_set_view(b.payload())) {
        return dict_view_binop(vm, a, b, base).map(Some);
    }
    let (Some(pa), pb) = (a.payload(), b.payload()) else {
        if base == 5 {
            if let Some(n) = seq_repeat(vm, a)? {
                return builtin_binop(vm, b, &Value::Int(n as i64), 5);
            }
        }
        return Ok(None);
    };
    Ok(match (pa, pb, base) {
        (Payload::Str(x), Some(Payload::Str(y)), 0) => Some(vm.new_pystr(x.concat(y))),
        (Payload::Str(x), _, 5) => match seq_repeat(vm, b)? {
            Some(n) => Some(vm.new_pystr(x.repeat(n))),
            None => None,
        },
        (Payload::Str(_), _, 6) => Some(crate::types::str_methods::percent_format(vm, a, b)?),
        (Payload::Bytes(_) | Payload::ByteArray(_), _, 6) => {
            Some(crate::types::bytes_format::percent_format(vm, a, b)?)
        }
        (Payload::List(x), Some(Payload::List(y)), 0) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Some(vm.new_list(v))
        }
        (Payload::List(x), _, 5) => match seq_repeat(vm, b)? {
            Some(n) => {
                let cur = x.borrow().clone();
                let mut v = Vec::with_capacity(cur.len() * n);
                for _ in 0..n {
                    v.extend(cur.iter().cloned());
                }
                Some(vm.new_list(v))
            }
            None => None,
        },
        (Payload::Tuple(x), Some(Payload::Tuple(y)), 0) => {
            let v: Vec<Value> = x.iter().chain(y.iter()).cloned().collect();
            Some(vm.new_tuple(v))
        }
        (Payload::Tuple(x), _, 5) => match seq_repeat(vm, b)? {
            Some(n) => {
                let mut v = Vec::with_capacity(x.len() * n);
                for _ in 0..n {
                    v.extend(x.iter().cloned());
                }
                Some(vm.new_tuple(v))
            }
            None => None,
        },
        (Payload::Bytes(x), _, 5) => match seq_repeat(vm, b)? {
            Some(n) => Some(vm.new_bytes(x.repeat(n))),
            None => None,
        },
        (Payload::Bytes(_) | Payload::ByteArray(_), _, 0)
            if crate::types::bytearray::bytes_like(b).is_some() =>
        {
            let mut v = crate::types::bytearray::bytes_like(a).unwrap_or_default();
            v.extend(crate::types::bytearray::bytes_like(b).unwrap_or_default());
            Some(if matches!(pa, Payload::ByteArray(_)) {
                crate::types::bytearray::new_bytearray(vm, v)
            } else {
                vm.new_bytes(v)
            })
        }
        (Payload::ByteArray(x), _, 5) => match seq_repeat(vm, b)? {
            Some(n) => {
                let v = x.borrow().repeat(n);
                Some(crate::types::bytearray::new_bytearray(vm, v))
            }
            None => None,
        },
        (Payload::Set(_), Some(Payload::Set(_)), 1 | 7 | 10 | 12) => {
            Some(crate::types::set::set_binop(vm, a, b, base)?)
        }
        (Payload::Dict(x), Some(Payload::Dict(_)), 7) => {
            let items: Vec<(Value, Value)> = x
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            let d = vm.new_dict_ref();
            for (k, v) in items {
                crate::types::dict::set_item(vm, &d, k, v)?;
            }
            if let Some(o) = b.as_obj() {
                for (k, v) in crate::types::dict::items(o) {
                    crate::types::dict::set_item(vm, &d, k, v)?;
                }
            }
            Some(Value::Obj(d))
        }
        _ => None,
    })
}

/// COMPARE_OP: `op` 0..5 is < <= == != > >=.
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: u32) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        if !is_heap(a) && !is_heap(b) {
            return Ok(Value::Bool(numeric_compare(&x, &y, op)));
        }
    }
    let op = op as usize;
    if is_heap(a) || is_heap(b) {
        let ta = vm.type_of(a).clone();
        let tb = vm.type_of(b).clone();
        let swapped = CMP_SWAP[op];
        let mut right_done = false;
        if !ta.is(&tb) && is_subtype(&tb, &ta) {
            if let Some(f) = heap_dunder(vm, &tb, CMP_NAMES[swapped].1) {
                right_done = true;
                let r = call_dunder(vm, f, b, vec![a.clone()])?;
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = heap_compare_half(vm, a, b, &ta, op)? {
            return Ok(r);
        }
        if !right_done {
            if let Some(r) = heap_compare_half(vm, b, a, &tb, swapped)? {
                return Ok(r);
            }
        }
    } else if let Some(r) = builtin_compare(vm, a, b, op)? {
        return Ok(Value::Bool(r));
    }
    match op {
        2 => Ok(Value::Bool(a.is(b))),
        3 => Ok(Value::Bool(!a.is(b))),
        _ => Err(vm.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            CMP_NAMES[op].0,
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

/// One side of a comparison: a class's dunder, `object.__ne__`'s inversion of `__eq__`,
/// or the builtin comparison of the payload.
fn heap_compare_half(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    ta: &PyRef,
    op: usize,
) -> PyResult<Option<Value>> {
    if let Some(f) = heap_dunder(vm, ta, CMP_NAMES[op].1) {
        let r = call_dunder(vm, f, a, vec![b.clone()])?;
        return Ok((!vm.is_not_implemented(&r)).then_some(r));
    }
    if op == 3 {
        if let Some(f) = heap_dunder(vm, ta, "__eq__") {
            let r = call_dunder(vm, f, a, vec![b.clone()])?;
            if vm.is_not_implemented(&r) {
                return Ok(None);
            }
            return Ok(Some(Value::Bool(!vm.truthy(&r)?)));
        }
    }
    if !is_heap(b) || matches!(a.payload(), Some(p) if !matches!(p, Payload::Plain)) {
        if let Some(r) = builtin_compare(vm, a, b, op)? {
            return Ok(Some(Value::Bool(r)));
        }
    }
    Ok(None)
}

fn ord_result(o: std::cmp::Ordering, op: usize) -> bool {
    use std::cmp::Ordering::*;
    match op {
        0 => o == Less,
        1 => o != Greater,
        2 => o == Equal,
        3 => o != Equal,
        4 => o == Greater,
        _ => o != Less,
    }
}

/// Comparison of builtin payloads; `None` when not comparable (NotImplemented).
pub fn builtin_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<bool>> {
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return Ok(Some(numeric_compare(&x, &y, op as u32)));
    }
    if let (Some(Payload::GenericAlias(_)), Some(Payload::GenericAlias(_)), 2 | 3) =
        (a.payload(), b.payload(), op)
    {
        let eq = crate::types::generic_alias::eq(vm, a, b)?;
        return Ok(Some(eq == (op == 2)));
    }
    if (op == 2 || op == 3) && crate::types::union_type::is_union(vm, a) {
        return Ok(crate::types::union_type::eq(vm, a, b)?.map(|eq| eq == (op == 2)));
    }
    if (op == 2 || op == 3)
        && (crate::types::complex::is_complex(a) || crate::types::complex::is_complex(b))
    {
        if let Some(eq) = crate::types::complex::compare_eq(vm, a, b)? {
            return Ok(Some(eq == (op == 2)));
        }
    }
    let (Some(pa), Some(pb)) = (a.payload(), b.payload()) else {
        return Ok(match (a, b, op) {
            (Value::None, Value::None, 2) => Some(true),
            (Value::None, Value::None, 3) => Some(false),
            _ => None,
        });
    };
    if (is_set_view(Some(pa)) || is_set_view(Some(pb)))
        && (is_set_view(Some(pa)) || matches!(pa, Payload::Set(_)))
        && (is_set_view(Some(pb)) || matches!(pb, Payload::Set(_)))
    {
        let ty = vm.types.set.clone();
        let (xa, xb) = (vm.collect(a)?, vm.collect(b)?);
        let (sa, sb) = (
            crate::types::set::build(vm, &ty, xa)?,
            crate::types::set::build(vm, &ty, xb)?,
        );
        return crate::types::set::set_compare(vm, &sa, &sb, op).map(Some);
    }
    if matches!((pa, pb), (Payload::Plain, Payload::Plain)) && (op == 2 || op == 3) {
        if let Some(eq) = crate::types::namespace::compare_eq(vm, a, b)? {
            return Ok(Some(eq == (op == 2)));
        }
    }
    match (pa, pb) {
        (Payload::Str(x), Payload::Str(y)) => Ok(Some(ord_result(x.cmp_str(y), op))),
        (Payload::Bytes(x), Payload::Bytes(y)) => Ok(Some(ord_result(x.cmp(y), op))),
        (Payload::MemoryView(_), _) | (_, Payload::MemoryView(_)) if op == 2 || op == 3 => {
            Ok(crate::types::bytearray::view_eq(a, b).map(|e| e == (op == 2)))
        }
        (Payload::Bytes(_) | Payload::ByteArray(_), Payload::Bytes(_) | Payload::ByteArray(_)) => {
            let (x, y) = (
                crate::types::bytearray::bytes_like(a).unwrap_or_default(),
                crate::types::bytearray::bytes_like(b).unwrap_or_default(),
            );
            Ok(Some(ord_result(x.cmp(&y), op)))
        }
        (Payload::Tuple(x), Payload::Tuple(y)) => {
            let (x, y) = (x.to_vec(), y.to_vec());
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Payload::List(x), Payload::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Payload::Dict(_), Payload::Dict(_)) if op == 2 || op == 3 => {
            let eq = crate::types::dict_methods::dict_eq(vm, a, b)?;
            Ok(Some(eq == (op == 2)))
        }
        (Payload::Set(_), Payload::Set(_)) => {
            crate::types::set::set_compare(vm, a, b, op).map(Some)
        }
        (Payload::Range(x), Payload::Range(y)) if op == 2 || op == 3 => {
            Ok(Some(x.same(y) == (op == 2)))
        }
        (Payload::Slice(x), Payload::Slice(y)) => {
            let (x, y) = (x.to_vec(), y.to_vec());
            seq_compare(vm, &x, &y, op).map(Some)
        }
        // Bound methods are equal when they bind the same function to the same object.
        (Payload::BoundMethod(x), Payload::BoundMethod(y)) if op == 2 || op == 3 => {
            let (xf, yf) = (x.0.clone(), y.0.clone());
            let eq = x.1.is(&y.1) && vm.eq(&xf, &yf)?;
            Ok(Some(eq == (op == 2)))
        }
        // Builtin methods: the same C function bound to the very same object
        // (`meth_richcompare`).
        (Payload::Builtin(x), Payload::Builtin(y))
            if (op == 2 || op == 3) && x.self_.is_some() && y.self_.is_some() =>
        {
            let same_self = matches!((&x.self_, &y.self_), (Some(p), Some(q)) if p.is(q));
            let eq = same_self && x.func as usize == y.func as usize && x.name == y.name;
            Ok(Some(eq == (op == 2)))
        }
        _ => Ok(None),
    }
}

/// Lexicographic comparison of sequences (`list_richcompare`).
pub fn seq_compare(vm: &mut Vm, x: &[Value], y: &[Value], op: usize) -> PyResult<bool> {
    if (op == 2 || op == 3) && x.len() != y.len() {
        return Ok(op == 3);
    }
    for (p, q) in x.iter().zip(y) {
        // Nested containers recurse in Rust: counted like Python frames (CPython's
        // Py_EnterRecursiveCall in PyObject_RichCompare), on a stack that grows.
        vm.enter_recursion(" in comparison")?;
        let e = stacker::maybe_grow(64 * 1024, 1024 * 1024, || vm.eq(p, q));
        vm.leave_recursion();
        if !e? {
            return match op {
                2 => Ok(false),
                3 => Ok(true),
                _ => {
                    let r = compare(vm, p, q, op as u32)?;
                    vm.truthy(&r)
                }
            };
        }
    }
    Ok(ord_result(x.len().cmp(&y.len()), op))
}

impl Vm {
    /// `a == b` as a bool (identity implies equality, as in containers).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = crate::types::dict::fast_eq(a, b) {
            return Ok(r);
        }
        let r = compare(self, a, b, 2)?;
        self.truthy(&r)
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if is_heap(container) {
        if let Some(r) = crate::object::protocol::try_heap_dunder(
            vm,
            container,
            "__contains__",
            vec![item.clone()],
        )? {
            return vm.truthy(&r);
        }
    }
    builtin_contains(vm, container, item)
}

/// `item in container` by the container's builtin payload, whatever class defines
/// `__contains__` (what `frozenset.__contains__(x, item)` runs: `types/slot_wrapper.rs`).
pub fn builtin_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(p) = container.payload() {
        match p {
            Payload::Str(s) => {
                let Some(n) = item.as_str() else {
                    return Err(vm.type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        vm.type_name(item)
                    )));
                };
                return Ok(s.find(n, 0, s.len()).is_some());
            }
            Payload::Dict(_) => {
                let d = container.as_obj().cloned();
                return Ok(match d {
                    Some(d) => crate::types::dict::get_item(vm, &d, item)?.is_some(),
                    None => false,
                });
            }
            Payload::DictView(d, 0) => {
                let d = d.clone();
                return Ok(crate::types::dict::get_item(vm, &d, item)?.is_some());
            }
            Payload::Set(_) => return crate::types::set::set_contains(vm, container, item),
            Payload::Range(r) => {
                if let Some(found) = crate::types::range::contains(r, item) {
                    return Ok(found);
                }
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                let bs = crate::types::bytearray::bytes_like(container).unwrap_or_default();
                if let Value::Int(i) = item {
                    if !(0..256).contains(i) {
                        return Err(vm.value_error("byte must be in range(0, 256)"));
                    }
                    return Ok(bs.contains(&(*i as u8)));
                }
                if let Some(n) = crate::types::bytearray::bytes_like(item) {
                    return Ok(n.is_empty() || bs.windows(n.len()).any(|w| w == &n[..]));
                }
                let t = vm.type_name(item);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
            }
            _ => {}
        }
    }
    let items: &[Value] = match container.payload() {
        // `list_contains`: the length is re-read at each step (an `__eq__` may change
        // the list) and one item at a time is held, not a copy of the list.
        Some(Payload::List(l)) => {
            let mut i = 0;
            loop {
                let Some(x) = l.borrow().get(i).cloned() else {
                    return Ok(false);
                };
                if vm.eq(&x, item)? {
                    return Ok(true);
                }
                i += 1;
            }
        }
        Some(Payload::Tuple(t)) => t,
        _ => {
            let it = vm.iter(container).map_err(|e| {
                if vm.err_matches(&e, &vm.types.type_error.clone()) {
                    vm.type_error(format!(
                        "argument of type '{}' is not iterable",
                        vm.type_name(container)
                    ))
                } else {
                    e
                }
            })?;
            while let Some(x) = vm.next(&it)? {
                if vm.eq(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    };
    for x in items {
        if vm.eq(x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `dict.keys()` and `dict.items()` views, which behave as sets (`values()` does not).
fn is_set_view(p: Option<&Payload>) -> bool {
    matches!(p, Some(Payload::DictView(_, k)) if *k != 1)
}

/// `keys & other`, `keys | other`, ...: both operands as sets, the result a set
/// (CPython's `dictviews_and` etc.).
fn dict_view_binop(vm: &mut Vm, a: &Value, b: &Value, base: usize) -> PyResult<Value> {
    let ty = vm.types.set.clone();
    let (xa, xb) = (vm.collect(a)?, vm.collect(b)?);
    let sa = crate::types::set::build(vm, &ty, xa)?;
    let sb = crate::types::set::build(vm, &ty, xb)?;
    crate::types::set::set_binop(vm, &sa, &sb, base)
}
