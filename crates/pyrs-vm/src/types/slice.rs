//! `slice` (CPython: `Objects/sliceobject.c`): construction and `PySlice_GetIndicesEx`.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::int::big_to_value;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

pub fn slice_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "slice", 1, 3)?;
    let mut p = args.pos;
    let s = if p.len() == 1 {
        [Value::None, p.remove(0), Value::None]
    } else {
        p.resize(3, Value::None);
        [p[0].clone(), p[1].clone(), p[2].clone()]
    };
    Ok(Value::Obj(vm.alloc(cls, Payload::Slice(Box::new(s)))))
}

fn index_of(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
            let b = crate::types::int::to_bigint(v).unwrap_or_default();
            Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))
        }
        _ => vm
            .index_value(
                v,
                "slice indices must be integers or None or have an __index__ method",
            )
            .map(Some),
    }
}

/// `(start, stop, step, slicelength)` for a sequence of length `len`.
pub fn indices(vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let len = len as i64;
    let step = index_of(vm, &s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(lo),
            Some(v) => v.min(hi),
        }
    };
    let start = clamp(index_of(vm, &s[0])?, if step < 0 { hi } else { lo });
    let stop = clamp(index_of(vm, &s[1])?, if step < 0 { lo } else { hi });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start as isize, stop as isize, step as isize, n as usize))
}

/// `evaluate_slice_index`: an int from a slice bound.
fn slice_index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    crate::types::range::index_big(
        vm,
        v,
        "slice indices must be integers or None or have an __index__ method",
    )
}

/// `_PySlice_GetLongIndices`: `(start, stop, step)` clamped to a sequence of length `len`,
/// with arbitrary ints (`slice.indices`, range slicing).
pub fn long_indices(
    vm: &mut Vm,
    s: &[Value; 3],
    len: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = match &s[2] {
        Value::None => BigInt::one(),
        v => slice_index_big(vm, v)?,
    };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (-BigInt::one(), len - 1u8)
    } else {
        (BigInt::zero(), len.clone())
    };
    let mut bound = |v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if let Value::None = v {
            return Ok(default.clone());
        }
        let mut i = slice_index_big(vm, v)?;
        if i.is_negative() {
            i += len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = bound(&s[0], if neg { &upper } else { &lower })?;
    let stop = bound(&s[1], if neg { &lower } else { &upper })?;
    Ok((start, stop, step))
}

/// `slice.indices(length)`: `(start, stop, step)` clamped to a sequence of that length.
fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "indices", 2, 2)?;
    let Some(Payload::Slice(s)) = args.pos[0].payload() else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let s = (**s).clone();
    let len = crate::types::range::index_big(
        vm,
        &args.pos[1],
        "'{}' object cannot be interpreted as an integer",
    )?;
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = long_indices(vm, &s, &len)?;
    let items = vec![
        big_to_value(vm, start),
        big_to_value(vm, stop),
        big_to_value(vm, step),
    ];
    Ok(vm.new_tuple(items))
}

/// `slice.__reduce__()`: `(slice, (start, stop, step))`.
fn slice_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    let Some(Payload::Slice(s)) = args.pos[0].payload() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'slice' object"));
    };
    let t = vm.new_tuple(s.to_vec());
    let cls = Value::Obj(vm.types.slice.clone());
    Ok(vm.new_tuple(vec![cls, t]))
}

pub const METHODS: &[(&str, NativeFn)] =
    &[("indices", slice_indices), ("__reduce__", slice_reduce)];

/// The positions a slice selects.
pub fn positions(start: isize, step: isize, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |i| (start + i as isize * step) as usize)
}
