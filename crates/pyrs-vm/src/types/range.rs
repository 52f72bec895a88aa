//! `range` (CPython: `Objects/rangeobject.c`), with i64 bounds (larger ones raise
//! OverflowError for now).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy)]
pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeData {
    pub fn len(&self) -> i64 {
        let (lo, hi, st) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if st > 0 && lo < hi {
            (hi - lo - 1) / st + 1
        } else if st < 0 && lo > hi {
            (lo - hi - 1) / (-st) + 1
        } else {
            0
        };
        n as i64
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }

    pub fn contains(&self, v: i64) -> bool {
        let n = self.len();
        if n == 0 {
            return false;
        }
        let off = v as i128 - self.start as i128;
        off % self.step as i128 == 0 && {
            let k = off / self.step as i128;
            k >= 0 && k < n as i128
        }
    }

    /// Equality as sequences (`range_equals`).
    pub fn same(&self, o: &RangeData) -> bool {
        let (n, m) = (self.len(), o.len());
        n == m && (n == 0 || (self.start == o.start && (n == 1 || self.step == o.step)))
    }
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
    let mut v = Vec::new();
    for a in &args.pos {
        v.push(vm.index_value(a, "'{}' object cannot be interpreted as an integer")?);
    }
    let (start, stop, step) = match n {
        1 => (0, v[0], 1),
        2 => (v[0], v[1], 1),
        _ => (v[0], v[1], v[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(vm.alloc(
        cls,
        Payload::Range(RangeData { start, stop, step }),
    )))
}

fn rdata(vm: &mut Vm, args: &Args) -> PyResult<RangeData> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Range(r)) => Ok(*r),
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rdata(vm, &args)?;
    if let Some(Value::Int(i)) = args.pos.get(1) {
        if r.contains(*i) {
            return Ok(Value::Int((*i - r.start) / r.step));
        }
    }
    let s = vm.repr(args.pos.get(1).unwrap_or(&Value::None))?;
    Err(vm.value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rdata(vm, &args)?;
    Ok(Value::Int(
        matches!(args.pos.get(1), Some(Value::Int(i)) if r.contains(*i)) as i64,
    ))
}

pub const METHODS: &[(&str, NativeFn)] = &[("index", range_index), ("count", range_count)];
