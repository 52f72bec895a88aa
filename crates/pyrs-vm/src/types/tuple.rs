//! `tuple` (CPython: `Objects/tupleobject.c`).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

pub fn tuple_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "tuple", 0, 1)?;
    let items = match args.pos.first() {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    if cls.is(&vm.types.tuple) {
        return Ok(vm.new_tuple(items));
    }
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::Tuple(items.into_boxed_slice()),
    )))
}

fn items(vm: &mut Vm, args: &Args) -> PyResult<Vec<Value>> {
    match args.pos.first().and_then(|v| v.as_tuple()) {
        Some(t) => Ok(t.to_vec()),
        None => Err(vm.type_error("descriptor requires a 'tuple' object")),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "index", 2, 2)?;
    for (i, x) in items(vm, &args)?.iter().enumerate() {
        if vm.eq(x, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "count", 2, 2)?;
    let mut n = 0;
    for x in &items(vm, &args)? {
        if vm.eq(x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub const METHODS: &[(&str, NativeFn)] = &[("index", index), ("count", count)];
