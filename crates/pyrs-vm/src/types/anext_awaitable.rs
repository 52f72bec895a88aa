//! `anext_awaitable`, what `anext(aiterator, default)` returns (CPython:
//! `Objects/iterobject.c`, `anextawaitableobject`): it drives the awaitable that
//! `aiterator.__anext__()` returned and turns its StopAsyncIteration into
//! `StopIteration(default)`, so that `await anext(it, default)` gives the default at the
//! end of the iteration.
//!
//! As CPython 3.11, every `__next__`/`send`/`throw`/`close` asks the wrapped object for
//! its awaitable iterator again (`anextawaitable_getiter`): for coroutines and async
//! generator awaitables that is the object itself; a class's `__await__` is called each
//! time.
//!
//! A native type (`modules/native_type.rs`) so that the protocol paths (iteration,
//! `await`) find its special methods as they find a class's.

use crate::modules::native_type::{self, NativeData, Spec};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};

struct AnextAwaitable {
    /// What `__anext__()` returned.
    wrapped: Value,
    default: Value,
}

impl NativeData for AnextAwaitable {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.wrapped);
        visit(&self.default);
    }
}

const NAME: &str = "anext_awaitable";

/// The type, made once by `types::install_methods`.
pub fn make_type(vm: &mut Vm) -> PyRef {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__await__", self_iter),
        ("__iter__", self_iter),
        ("__next__", next),
        ("send", send),
        ("throw", throw),
        ("close", close),
    ];
    let mut spec = Spec::new(NAME, "builtins");
    spec.methods = methods;
    spec.subclassable = false;
    native_type::new_type(vm, &spec)
}

/// `anext(aiterator, default)`: `awaitable` is what `aiterator.__anext__()` returned.
pub fn new(vm: &mut Vm, awaitable: Value, default: Value) -> Value {
    let ty = vm.types.anext_awaitable.clone();
    native_type::alloc(
        vm,
        &ty,
        AnextAwaitable {
            wrapped: awaitable,
            default,
        },
    )
}

fn this<'a>(vm: &mut Vm, args: &'a Args, method: &str) -> PyResult<&'a AnextAwaitable> {
    native_type::this::<AnextAwaitable>(vm, args, method, NAME)
}

fn self_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__iter__")?;
    Ok(args.pos[0].clone())
}

/// `anextawaitable_proxy`: call `meth` of the wrapped object's awaitable iterator; its
/// StopAsyncIteration becomes `StopIteration(default)`.
fn proxy(vm: &mut Vm, args: &Args, meth: &str, rest: Vec<Value>) -> PyResult<Value> {
    let a = this(vm, args, meth)?;
    let (wrapped, default) = (a.wrapped.clone(), a.default.clone());
    let Some(aw) = crate::types::coroutine::awaitable_iter(vm, &wrapped)? else {
        let t = vm.type_name(&wrapped);
        return Err(vm.type_error(format!("object {t} can't be used in 'await' expression")));
    };
    // A coroutine has no `__next__`: CPython drives its `coroutine_wrapper`, whose
    // `__next__` is `send(None)`.
    let r = if meth == "__next__" && crate::types::coroutine::is_coroutine(vm, &aw) {
        vm.call_method(&aw, "send", vec![Value::None])
    } else {
        vm.call_method(&aw, meth, rest)
    };
    match r {
        Err(e) if vm.err_matches(&e, &vm.types.stop_async_iteration.clone()) => {
            Err(stop_iteration_value(vm, default))
        }
        r => r,
    }
}

/// `_PyGen_SetStopIterationValue`: StopIteration whose `value` is `v` (no arguments for
/// None, as `PyErr_SetObject` creates it).
fn stop_iteration_value(vm: &mut Vm, v: Value) -> PyErr {
    let t = vm.types.stop_iteration.clone();
    let args = if matches!(v, Value::None) {
        vec![]
    } else {
        vec![v]
    };
    PyErr(crate::types::exceptions::new_exception(vm, &t, args))
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy(vm, &args, "__next__", vec![])
}

fn send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "{NAME}.send() takes exactly one argument ({n} given)"
        )));
    }
    let v = args.pos[1].clone();
    proxy(vm, &args, "send", vec![v])
}

fn throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.pos.get(1..).unwrap_or_default().to_vec();
    proxy(vm, &args, "throw", rest)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.pos.get(1..).unwrap_or_default().to_vec();
    proxy(vm, &args, "close", rest)
}
