//! `range` (CPython: `Objects/rangeobject.c`): construction, length, items, slices,
//! membership, `index`/`count`, equality, hash and repr. Bounds are arbitrary ints; the
//! common case (bounds and length fit in i64) is kept inline for the fast paths.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::int::{big_to_value, to_bigint};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::num::NonZeroI64;

/// A range. Invariant: `Small` exactly when start, stop, step and the length all fit in
/// i64 (as CPython's `range_iterator` vs `longrange_iterator` split); `step` is never 0.
/// (`NonZeroI64` lets `Big` live in its niche: the enum stays 24 bytes.)
#[derive(Clone)]
pub enum RangeData {
    Small {
        start: i64,
        stop: i64,
        step: NonZeroI64,
    },
    Big(Box<BigRange>),
}

#[derive(Clone)]
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

/// The length of `range(start, stop, step)` (`compute_range_length`); `step` nonzero.
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - 1u8).div_floor(&st) + 1u8
}

impl RangeData {
    /// `range(start, stop, step)`; `step` must be nonzero (the caller checks).
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> RangeData {
        let len = big_len(&start, &stop, &step);
        if let (Some(a), Some(b), Some(c), Some(_)) =
            (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64())
        {
            if let Some(c) = NonZeroI64::new(c) {
                return RangeData::Small {
                    start: a,
                    stop: b,
                    step: c,
                };
            }
        }
        RangeData::Big(Box::new(BigRange {
            start,
            stop,
            step,
            len,
        }))
    }

    /// `(start, stop, step)` when the range is `Small`.
    pub fn small(&self) -> Option<(i64, i64, i64)> {
        match self {
            RangeData::Small { start, stop, step } => Some((*start, *stop, step.get())),
            RangeData::Big(_) => None,
        }
    }

    /// The length of `range(start, stop, step)` for i64 bounds (at most 2**64).
    fn len_i128(start: i64, stop: i64, step: i64) -> i128 {
        let (lo, hi, st) = (start as i128, stop as i128, step as i128);
        if st > 0 && lo < hi {
            (hi - lo - 1) / st + 1
        } else if st < 0 && lo > hi {
            (lo - hi - 1) / (-st) + 1
        } else {
            0
        }
    }

    /// The length of a `Small` range (fits in i64 by the invariant).
    fn small_len(start: i64, stop: i64, step: i64) -> i64 {
        Self::len_i128(start, stop, step) as i64
    }

    /// The length as an int (never overflows).
    pub fn len_big(&self) -> BigInt {
        match self {
            RangeData::Small { start, stop, step } => {
                BigInt::from(Self::small_len(*start, *stop, step.get()))
            }
            RangeData::Big(b) => b.len.clone(),
        }
    }

    /// The length when it fits in i64 (always for `Small`).
    pub fn len_i64(&self) -> Option<i64> {
        match self {
            RangeData::Small { start, stop, step } => {
                Some(Self::small_len(*start, *stop, step.get()))
            }
            RangeData::Big(b) => b.len.to_i64(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            RangeData::Small { .. } => self.len_i64() == Some(0),
            RangeData::Big(b) => b.len.is_zero(),
        }
    }

    pub fn start_big(&self) -> BigInt {
        match self {
            RangeData::Small { start, .. } => BigInt::from(*start),
            RangeData::Big(b) => b.start.clone(),
        }
    }

    pub fn stop_big(&self) -> BigInt {
        match self {
            RangeData::Small { stop, .. } => BigInt::from(*stop),
            RangeData::Big(b) => b.stop.clone(),
        }
    }

    pub fn step_big(&self) -> BigInt {
        match self {
            RangeData::Small { step, .. } => BigInt::from(step.get()),
            RangeData::Big(b) => b.step.clone(),
        }
    }

    /// `start + i * step` (`compute_item`), for any i.
    pub fn item_big(&self, i: &BigInt) -> BigInt {
        self.start_big() + i * self.step_big()
    }

    /// Whether the int `v` is one of the range's items (`range_contains_long`).
    pub fn contains_big(&self, v: &BigInt) -> bool {
        if let (Some(_), Some(v)) = (self.small(), v.to_i64()) {
            return self.contains_i64(v);
        }
        let (start, step) = (self.start_big(), self.step_big());
        let off = v - &start;
        if off.is_zero() {
            return !self.is_empty();
        }
        let (k, r) = off.div_mod_floor(&step);
        r.is_zero() && !k.is_negative() && k < self.len_big()
    }

    /// Whether the machine int `v` is an item (no BigInt on the `Small` path).
    pub fn contains_i64(&self, v: i64) -> bool {
        let Some((start, _, step)) = self.small() else {
            return self.contains_big(&BigInt::from(v));
        };
        let n = self.len_i64().unwrap_or(0);
        let off = v as i128 - start as i128;
        n != 0 && off % step as i128 == 0 && {
            let k = off / step as i128;
            k >= 0 && k < n as i128
        }
    }

    /// Equality as sequences (`range_equals`): same length, and when nonempty the same
    /// start, and when longer than 1 the same step.
    pub fn same(&self, o: &RangeData) -> bool {
        let (n, m) = (self.len_big(), o.len_big());
        n == m
            && (n.is_zero()
                || (self.start_big() == o.start_big()
                    && (n.is_one() || self.step_big() == o.step_big())))
    }

    /// `repr(range)`: the step only when it is not 1.
    pub fn repr(&self) -> String {
        let (a, b, c) = (self.start_big(), self.stop_big(), self.step_big());
        if c.is_one() {
            format!("range({a}, {b})")
        } else {
            format!("range({a}, {b}, {c})")
        }
    }
}

/// `PyNumber_Index` for range arguments: the int value, or TypeError with `msg` (one
/// `{}` for the type name).
pub fn index_big(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        if !matches!(v, Value::Float(_)) {
            return Ok(b);
        }
    }
    if let Value::Obj(_) = v {
        if let Some(r) = crate::object::protocol::try_heap_dunder(vm, v, "__index__", vec![])? {
            return match (to_bigint(&r), &r) {
                (Some(b), Value::Int(_) | Value::Bool(_) | Value::Obj(_)) => Ok(b),
                _ => Err(vm.type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    Err(vm.type_error(msg.replace("{}", &vm.type_name(v))))
}

pub fn range_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "range")?;
    let n = args.pos.len();
    if n == 0 {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}")));
    }
    // The fast path: small ints.
    if let Some(r) = small_args(&args.pos) {
        return Ok(Value::Obj(vm.alloc(cls, Payload::Range(r))));
    }
    let mut v = Vec::new();
    for a in &args.pos {
        v.push(index_big(
            vm,
            a,
            "'{}' object cannot be interpreted as an integer",
        )?);
    }
    let mut v = v.into_iter();
    let (start, stop, step) = match n {
        1 => (BigInt::zero(), v.next().unwrap_or_default(), BigInt::one()),
        2 => {
            let a = v.next().unwrap_or_default();
            (a, v.next().unwrap_or_default(), BigInt::one())
        }
        _ => {
            let a = v.next().unwrap_or_default();
            let b = v.next().unwrap_or_default();
            (a, b, v.next().unwrap_or_default())
        }
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    let r = RangeData::new(start, stop, step);
    Ok(Value::Obj(vm.alloc(cls, Payload::Range(r))))
}

/// `range(...)` of inline ints whose length fits in i64.
fn small_args(pos: &[Value]) -> Option<RangeData> {
    let mut v = [0i64; 3];
    for (k, a) in pos.iter().enumerate() {
        v[k] = match a {
            Value::Int(i) => *i,
            _ => return None,
        };
    }
    let (start, stop, step) = match pos.len() {
        1 => (0, v[0], 1),
        2 => (v[0], v[1], 1),
        _ => (v[0], v[1], v[2]),
    };
    let step = NonZeroI64::new(step)?;
    let n = RangeData::len_i128(start, stop, step.get());
    (n <= i64::MAX as i128).then_some(RangeData::Small { start, stop, step })
}

/// `len(range)`: OverflowError past `sys.maxsize`, as CPython.
pub fn len(vm: &mut Vm, r: &RangeData) -> PyResult<usize> {
    match r.len_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `r.start` / `r.stop` / `r.step`.
pub fn attr(vm: &Vm, r: &RangeData, name: &str) -> Value {
    if let Some((a, b, c)) = r.small() {
        return Value::Int(match name {
            "start" => a,
            "stop" => b,
            _ => c,
        });
    }
    let v = match name {
        "start" => r.start_big(),
        "stop" => r.stop_big(),
        _ => r.step_big(),
    };
    big_to_value(vm, v)
}

/// `hash(range)` (`range_hash`): the hash of `(len, start, step)` with start and step
/// None where they do not matter, so that equal ranges hash equal.
pub fn hash(vm: &mut Vm, r: &RangeData) -> PyResult<i64> {
    let n = r.len_big();
    let (start, step) = if n.is_zero() {
        (Value::None, Value::None)
    } else if n.is_one() {
        (big_to_value(vm, r.start_big()), Value::None)
    } else {
        (
            big_to_value(vm, r.start_big()),
            big_to_value(vm, r.step_big()),
        )
    };
    let t = vm.new_tuple(vec![big_to_value(vm, n), start, step]);
    vm.hash(&t)
}

/// `item in range` for ints and bools (`None`: other objects search by iteration).
pub fn contains(r: &RangeData, item: &Value) -> Option<bool> {
    match item {
        Value::Int(i) => Some(r.contains_i64(*i)),
        Value::Bool(b) => Some(r.contains_i64(*b as i64)),
        // Exact ints only: an int subclass may define its own `__eq__`.
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) && !o.ty_is_heap() => {
            to_bigint(item).map(|b| r.contains_big(&b))
        }
        _ => None,
    }
}

/// `range[key]` (`range_subscript`): an item for an index, a range for a slice.
pub fn getitem(vm: &mut Vm, r: &RangeData, key: &Value) -> PyResult<Value> {
    if let (Value::Int(i), Some((start, _, step))) = (key, r.small()) {
        let n = r.len_i64().unwrap_or(0);
        let j = if *i < 0 { i.wrapping_add(n) } else { *i };
        if *i >= -n && j < n {
            // i128: `j * step` alone may pass i64 even though the item does not.
            return Ok(Value::Int(
                (start as i128 + j as i128 * step as i128) as i64,
            ));
        }
        return Err(vm.index_error("range object index out of range"));
    }
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let (start, stop, step) = crate::types::slice::long_indices(vm, &s, &r.len_big())?;
        let nr = RangeData::new(r.item_big(&start), r.item_big(&stop), r.step_big() * step);
        let ty = vm.types.range.clone();
        return Ok(Value::Obj(vm.alloc(&ty, Payload::Range(nr))));
    }
    let tn = vm.type_name(key);
    let i = index_big(
        vm,
        key,
        &format!("range indices must be integers or slices, not {tn}"),
    )?;
    let n = r.len_big();
    let j = if i.is_negative() { &i + &n } else { i };
    if j.is_negative() || j >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(big_to_value(vm, r.item_big(&j)))
}

/// The range of a one-argument method (METH_O) call, with CPython's messages.
fn rdata(vm: &mut Vm, args: &Args, name: &str) -> PyResult<RangeData> {
    args.no_kw(vm, &format!("range.{name}"))?;
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "range.{name}() takes exactly one argument ({n} given)"
        )));
    }
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Range(r)) => Ok(r.clone()),
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

/// `_PySequence_IterSearch` over a range for a non-int `item`: the index of the first
/// equal item (`count == false`) or the number of equal items.
fn iter_search(vm: &mut Vm, range: &Value, item: &Value, count: bool) -> PyResult<Option<i64>> {
    let it = vm.iter(range)?;
    let (mut i, mut n) = (0i64, 0i64);
    while let Some(x) = crate::types::iter::next(vm, &it)? {
        if x.is(item) || vm.eq(&x, item)? {
            if !count {
                return Ok(Some(i));
            }
            n += 1;
        }
        i += 1;
    }
    Ok(count.then_some(n))
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rdata(vm, &args, "index")?;
    let x = &args.pos[1];
    let Some(found) = contains(&r, x) else {
        return match iter_search(vm, &args.pos[0], x, false)? {
            Some(i) => Ok(Value::Int(i)),
            None => Err(vm.value_error("sequence.index(x): x not in sequence")),
        };
    };
    if found {
        let v = to_bigint(x).unwrap_or_default();
        let k = (v - r.start_big()) / r.step_big();
        return Ok(big_to_value(vm, k));
    }
    let s = vm.repr(x)?;
    Err(vm.value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rdata(vm, &args, "count")?;
    match contains(&r, &args.pos[1]) {
        Some(found) => Ok(Value::Int(found as i64)),
        None => Ok(Value::Int(
            iter_search(vm, &args.pos[0], &args.pos[1], true)?.unwrap_or(0),
        )),
    }
}

/// The range of a no-argument method.
fn rdata_noargs(vm: &mut Vm, args: &Args, name: &str) -> PyResult<RangeData> {
    args.no_kw(vm, &format!("range.{name}"))?;
    if args.pos.len() != 1 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("range.{name}() takes no arguments ({n} given)")));
    }
    match args.pos[0].payload() {
        Some(Payload::Range(r)) => Ok(r.clone()),
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

/// `range.__reversed__()`: what `reversed(r)` gives.
fn range_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rdata_noargs(vm, &args, "__reversed__")?;
    let cls = vm.types.reversed.clone();
    crate::types::iter::reversed_builtin(vm, &cls, args.pos[0].clone())
}

/// `range.__reduce__(*ignored)`: `(range, (start, stop, step))` (METH_VARARGS in
/// CPython: arguments are accepted and ignored).
fn range_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Range(r)) => r.clone(),
        _ => return Err(vm.type_error("descriptor requires a 'range' object")),
    };
    let parts = ["start", "stop", "step"].map(|n| attr(vm, &r, n)).to_vec();
    let t = vm.new_tuple(parts);
    let cls = Value::Obj(vm.types.range.clone());
    Ok(vm.new_tuple(vec![cls, t]))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("index", range_index),
    ("count", range_count),
    ("__reversed__", range_reversed),
    ("__reduce__", range_reduce),
];
