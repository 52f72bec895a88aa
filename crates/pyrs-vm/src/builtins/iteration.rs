//! Builtins about iteration: `len`, `iter`, `next`, `sorted`, `any`, `all`.

use crate::object::Value;
use crate::types::function::{Args, FastMethod};
use crate::vm::{PyResult, Vm};

pub fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "len", 1, 1)?;
    Ok(Value::Int(vm.len(&args.pos[0])? as i64))
}

/// `len(x)`'s [`FastMethod`] entry (`x` is the receiver; `types/function.rs`).
fn len_fast(vm: &mut Vm, x: &Value, _: &mut [Value]) -> PyResult<Value> {
    Ok(Value::Int(vm.len(x)? as i64))
}

/// Builtin functions with a [`FastMethod`] entry.
pub const FAST_FUNCTIONS: &[(&str, FastMethod)] = &[(
    "len",
    FastMethod {
        min: 0,
        max: 0,
        f: len_fast,
    },
)];

pub fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "iter", 1, 2)?;
    if let Some(sentinel) = args.pos.get(1) {
        let f = args.pos[0].clone();
        let callable = crate::builtins::attrs::callable(vm, Args::positional(vec![f.clone()]))?;
        if !matches!(callable, Value::Bool(true)) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let ty = vm.types.callable_iterator.clone();
        let p = crate::object::Payload::CallableIter(std::cell::RefCell::new(Some(Box::new((
            f,
            sentinel.clone(),
        )))));
        return Ok(Value::Obj(vm.alloc(&ty, p)));
    }
    vm.iter(&args.pos[0])
}

pub fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "next", 1, 2)?;
    let it = &args.pos[0];
    if !matches!(it.payload(), Some(_)) {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if let (Some(crate::object::Payload::Generator(_)), true) =
        (it.payload(), crate::types::iter::is_iterator(vm, it))
    {
        // A generator's return value travels in StopIteration.value.
        let g = it.as_obj().cloned();
        if let Some(g) = g {
            return match crate::types::generator::resume(vm, &g, Value::None, None)? {
                Ok(v) => Ok(v),
                Err(r) => match args.pos.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => {
                        let t = vm.types.stop_iteration.clone();
                        let a = if matches!(r, Value::None) {
                            vec![]
                        } else {
                            vec![r]
                        };
                        Err(crate::vm::PyErr(crate::types::exceptions::new_exception(
                            vm, &t, a,
                        )))
                    }
                },
            };
        }
    }
    // A class's `__next__`: its StopIteration propagates as raised (value, args, identity).
    if let Some(o) = it.as_obj().filter(|o| o.ty_is_heap()) {
        let ty = o.ty.clone();
        if let Some(f) = crate::object::protocol::heap_dunder(vm, &ty, "__next__") {
            let r = match crate::types::iter::native_next(vm, it, &f) {
                Some(r) => r,
                None => crate::object::protocol::call_dunder(vm, f, it, vec![]),
            };
            return match r {
                Err(e) if vm.err_matches(&e, &vm.types.stop_iteration.clone()) => {
                    args.pos.get(1).cloned().ok_or(e)
                }
                r => r,
            };
        }
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration()),
        },
    }
}

pub fn sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let items = vm.collect(&args.pos.remove(0))?;
    let l = vm.new_list(items);
    let sort = vm.intern("sort");
    let m = crate::object::attr::getattr(vm, &l, &sort)?;
    vm.call_args(
        &m,
        Args {
            pos: Default::default(),
            kw: args.kw,
        },
    )?;
    Ok(l)
}

/// The truth of a value that owns no object (no `__bool__`/`__len__` to call).
fn plain_truth(v: &Value) -> Option<bool> {
    match v {
        Value::None => Some(false),
        Value::Bool(b) => Some(*b),
        Value::Int(i) => Some(*i != 0),
        Value::Float(f) => Some(*f != 0.0),
        Value::Obj(_) => None,
    }
}

pub fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "any", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    // An exact generator of plain values (no `__bool__` to call) in one loop entry.
    let mut found = false;
    let driven = crate::types::generator::drive(vm, &it, |_, v| {
        let Some(t) = plain_truth(&v) else {
            return Ok(Some(v));
        };
        if t {
            found = true;
            return Ok(Some(v));
        }
        Ok(None)
    })?;
    match driven {
        crate::types::generator::Driven::Exhausted => return Ok(Value::Bool(!true)),
        crate::types::generator::Driven::Stopped(v) => {
            if found || vm.truthy(&v)? {
                return Ok(Value::Bool(true));
            }
        }
        crate::types::generator::Driven::NotDriven => {}
    }
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "all", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    // An exact generator of plain values (no `__bool__` to call) in one loop entry.
    let mut found = false;
    let driven = crate::types::generator::drive(vm, &it, |_, v| {
        let Some(t) = plain_truth(&v) else {
            return Ok(Some(v));
        };
        if !t {
            found = true;
            return Ok(Some(v));
        }
        Ok(None)
    })?;
    match driven {
        crate::types::generator::Driven::Exhausted => return Ok(Value::Bool(!false)),
        crate::types::generator::Driven::Stopped(v) => {
            if found || !vm.truthy(&v)? {
                return Ok(Value::Bool(false));
            }
        }
        crate::types::generator::Driven::NotDriven => {}
    }
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
