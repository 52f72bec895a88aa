//! Coroutines and async generators (CPython: `Objects/genobject.c`, the async opcodes of
//! `Python/ceval.c`). Both are generator objects (`Payload::Generator`) whose type says
//! which: a code object with CO_COROUTINE makes a `coroutine`, CO_ASYNC_GENERATOR an
//! `async_generator`. An async generator's `yield v` runs ASYNC_GEN_WRAP first, so the
//! values it yields to its consumer are told apart from what its awaits pass through to
//! the event loop; the awaitables `asend()`/`athrow()`/`__anext__()`/`aclose()` return
//! (`async_generator_asend`/`async_generator_athrow`, `Payload::AsyncGenOp`) do the
//! unwrapping. With no event loop yet, tests drive coroutines with `send`.

use crate::object::typeobj::{is_subtype, tdata};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::Cell;

const CO_ITERABLE_COROUTINE: u32 = 0x100;
const CO_COROUTINE: u32 = 0x80;
const CO_ASYNC_GENERATOR: u32 = 0x200;

/// The type of the generator object RETURN_GENERATOR makes for `code`.
pub fn type_for_code(vm: &Vm, code: &PyRef) -> PyRef {
    let flags = crate::code::as_code(code).map_or(0, |c| c.flags);
    if flags & CO_COROUTINE != 0 {
        vm.types.coroutine.clone()
    } else if flags & CO_ASYNC_GENERATOR != 0 {
        vm.types.async_generator.clone()
    } else {
        vm.types.generator.clone()
    }
}

pub fn is_coroutine(vm: &Vm, v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.ty.is(&vm.types.coroutine))
}

fn is_async_gen(vm: &Vm, o: &PyRef) -> bool {
    o.ty.is(&vm.types.async_generator)
}

/// "generator", "coroutine" or "async generator", for messages.
pub fn kind_name(vm: &Vm, g: &PyRef) -> &'static str {
    if g.ty.is(&vm.types.coroutine) {
        "coroutine"
    } else if is_async_gen(vm, g) {
        "async generator"
    } else {
        "generator"
    }
}

/// `_PyCoro_GetAwaitableIter`: the iterator an `await` drives.
pub fn awaitable_iter(vm: &mut Vm, o: &Value) -> PyResult<Option<Value>> {
    if is_coroutine(vm, o) {
        return Ok(Some(o.clone()));
    }
    if let Some(obj) = o.as_obj() {
        if matches!(obj.payload, Payload::AsyncGenOp(_)) {
            return Ok(Some(o.clone()));
        }
        if matches!(obj.payload, Payload::Generator(_)) && obj.ty.is(&vm.types.generator) {
            // A generator decorated with types.coroutine.
            let flags = match &obj.payload {
                Payload::Generator(g) => g
                    .frame
                    .borrow()
                    .as_ref()
                    .and_then(|f| crate::code::as_code(&f.code).map(|c| c.flags)),
                _ => None,
            };
            if flags.is_some_and(|f| f & CO_ITERABLE_COROUTINE != 0) {
                return Ok(Some(o.clone()));
            }
        }
    }
    let ty = vm.type_of(o).clone();
    let Some(getter) = crate::object::protocol::heap_dunder(vm, &ty, "__await__") else {
        return Ok(None);
    };
    let r = crate::object::protocol::call_dunder(vm, getter, o, vec![])?;
    if is_coroutine(vm, &r) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    if !crate::types::iter::is_iterator(vm, &r) {
        let t = vm.type_name(&r);
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{t}'")));
    }
    Ok(Some(r))
}

/// GET_AWAITABLE: `where_` is 1 after `__aenter__`, 2 after `__aexit__`, else 0.
pub fn get_awaitable(vm: &mut Vm, o: &Value, where_: u32) -> PyResult<Value> {
    match awaitable_iter(vm, o)? {
        Some(it) => {
            if let Some(g) = it.as_obj().filter(|_| is_coroutine(vm, &it)) {
                if crate::types::generator::yield_from_target(g).is_some() {
                    return Err(vm.runtime_error("coroutine is being awaited already"));
                }
            }
            Ok(it)
        }
        None => {
            let t = vm.type_name(o);
            Err(vm.type_error(match where_ {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {t}"
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {t}"
                ),
                _ => format!("object {t} can't be used in 'await' expression"),
            }))
        }
    }
}

/// BEFORE_ASYNC_WITH: `(bound __aexit__, __aenter__())`.
pub fn before_async_with(vm: &mut Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(mgr).clone();
    let enter = crate::object::protocol::heap_dunder(vm, &ty, "__aenter__");
    let exit = crate::object::protocol::heap_dunder(vm, &ty, "__aexit__");
    let tn = tdata(&ty).name();
    let Some(enter) = enter else {
        return Err(vm.type_error(format!(
            "'{tn}' object does not support the asynchronous context manager protocol"
        )));
    };
    let Some(exit) = exit else {
        return Err(vm.type_error(format!(
            "'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
        )));
    };
    let bound_exit = crate::object::attr::descr_get(vm, exit, Some(mgr.clone()), &ty)?;
    let r = crate::object::protocol::call_dunder(vm, enter, mgr, vec![])?;
    Ok((bound_exit, r))
}

/// GET_AITER: `type(o).__aiter__(o)`, which must have `__anext__`.
pub fn get_aiter(vm: &mut Vm, o: &Value) -> PyResult<Value> {
    if let Some(obj) = o.as_obj().filter(|x| is_async_gen(vm, x)) {
        return Ok(Value::Obj(obj.clone()));
    }
    let ty = vm.type_of(o).clone();
    let Some(f) = crate::object::protocol::heap_dunder(vm, &ty, "__aiter__") else {
        let t = vm.type_name(o);
        return Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {t}"
        )));
    };
    let it = crate::object::protocol::call_dunder(vm, f, o, vec![])?;
    if !has_anext(vm, &it) {
        let t = vm.type_name(&it);
        return Err(vm.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {t}"
        )));
    }
    Ok(it)
}

/// GET_ANEXT: the awaitable of the next item.
pub fn get_anext(vm: &mut Vm, aiter: &Value) -> PyResult<Value> {
    if let Some(g) = aiter.as_obj().filter(|x| is_async_gen(vm, x)) {
        let g = g.clone();
        crate::builtins::sys_runtime::asyncgen_init_hooks(vm, &g)?;
        return Ok(new_op(vm, &g, OpKind::Send(Value::None)));
    }
    let ty = vm.type_of(aiter).clone();
    let Some(f) = crate::object::protocol::heap_dunder(vm, &ty, "__anext__") else {
        let t = vm.type_name(aiter);
        return Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {t}"
        )));
    };
    let next = crate::object::protocol::call_dunder(vm, f, aiter, vec![])?;
    match awaitable_iter(vm, &next)? {
        Some(a) => Ok(a),
        None => {
            let t = vm.type_name(&next);
            Err(vm.type_error(format!(
                "'async for' received an invalid object from __anext__: {t}"
            )))
        }
    }
}

/// ASYNC_GEN_WRAP: mark a value an async generator yields to its consumer.
pub fn wrap(vm: &mut Vm, v: Value) -> Value {
    let ty = vm.types.async_gen_wrapped.clone();
    Value::Obj(vm.alloc(&ty, Payload::AsyncGenWrapped(v)))
}

/// What an `asend`/`athrow` awaitable does when first driven.
pub enum OpKind {
    /// `asend(v)` / `__anext__()`.
    Send(Value),
    /// `athrow(exc)`.
    Throw(Value),
    /// `aclose()`.
    Close,
}

pub struct AsyncGenOp {
    pub gen: PyRef,
    pub kind: OpKind,
    /// 0: not started, 1: iterating, 2: done.
    pub state: Cell<u8>,
}

impl AsyncGenOp {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.gen.clone()));
        if let OpKind::Send(v) | OpKind::Throw(v) = &self.kind {
            visit(v);
        }
    }
}

fn new_op(vm: &mut Vm, g: &PyRef, kind: OpKind) -> Value {
    let ty = if matches!(kind, OpKind::Send(_)) {
        vm.types.async_gen_asend.clone()
    } else {
        vm.types.async_gen_athrow.clone()
    };
    Value::Obj(vm.alloc(
        &ty,
        Payload::AsyncGenOp(Box::new(AsyncGenOp {
            gen: g.clone(),
            kind,
            state: Cell::new(0),
        })),
    ))
}

fn stop_iteration(vm: &mut Vm, v: Value) -> PyErr {
    let t = vm.types.stop_iteration.clone();
    PyErr(crate::types::exceptions::new_exception(vm, &t, vec![v]))
}

fn stop_async(vm: &mut Vm) -> PyErr {
    let t = vm.types.stop_async_iteration.clone();
    PyErr(crate::types::exceptions::new_exception(vm, &t, vec![]))
}

/// Turn what the async generator did into what the awaitable's `send` returns: a value
/// it yielded (ASYNC_GEN_WRAP'd) ends the await with StopIteration(value); anything else
/// it yielded passes through to the event loop.
fn unwrap_result(
    vm: &mut Vm,
    op: &AsyncGenOp,
    r: PyResult<Result<Value, Value>>,
) -> PyResult<Value> {
    let closing = matches!(op.kind, OpKind::Close);
    match r {
        Ok(Ok(y)) => match y.payload() {
            Some(Payload::AsyncGenWrapped(v)) => {
                op.state.set(2);
                if closing {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                let v = v.clone();
                Err(stop_iteration(vm, v))
            }
            _ => Ok(y),
        },
        Ok(Err(_)) => {
            op.state.set(2);
            if closing {
                return Err(stop_iteration(vm, Value::None));
            }
            Err(stop_async(vm))
        }
        Err(e) => {
            op.state.set(2);
            if closing
                && (vm.err_matches(&e, &vm.types.generator_exit.clone())
                    || vm.err_matches(&e, &vm.types.stop_async_iteration.clone()))
            {
                return Err(stop_iteration(vm, Value::None));
            }
            Err(e)
        }
    }
}

fn op_of(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v.as_obj() {
        Some(o) if matches!(o.payload, Payload::AsyncGenOp(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires an async generator awaitable")),
    }
}

fn op_data(o: &PyRef) -> &AsyncGenOp {
    match &o.payload {
        Payload::AsyncGenOp(d) => d,
        _ => unreachable_op(),
    }
}

fn unreachable_op() -> &'static AsyncGenOp {
    panic!("pyrs internal error: not an async generator awaitable")
}

fn gen_done(g: &PyRef) -> bool {
    match &g.payload {
        Payload::Generator(d) => d.frame.borrow().is_none(),
        _ => true,
    }
}

/// `send(v)` on an asend/athrow awaitable (also its `__next__` with None).
pub fn op_send(vm: &mut Vm, o: &PyRef, v: Value) -> PyResult<Value> {
    let op = op_data(o);
    let g = op.gen.clone();
    match op.state.get() {
        2 => {
            let what = if matches!(op.kind, OpKind::Send(_)) {
                "cannot reuse already awaited __anext__()/asend()"
            } else {
                "cannot reuse already awaited aclose()/athrow()"
            };
            Err(vm.runtime_error(what))
        }
        0 => {
            op.state.set(1);
            match &op.kind {
                OpKind::Send(first) => {
                    let first = if matches!(v, Value::None) {
                        first.clone()
                    } else {
                        v
                    };
                    if gen_done(&g) {
                        op.state.set(2);
                        return Err(stop_async(vm));
                    }
                    let r = crate::types::generator::resume(vm, &g, first, None);
                    unwrap_result(vm, op, r)
                }
                OpKind::Throw(e) => {
                    let e = e.clone();
                    let err = crate::eval::exceptions::make_exception(vm, &e)?;
                    let r = crate::types::generator::gen_throw(vm, &g, err);
                    unwrap_result(vm, op, r)
                }
                OpKind::Close => {
                    let t = vm.types.generator_exit.clone();
                    let err = PyErr(crate::types::exceptions::new_exception(vm, &t, vec![]));
                    let r = crate::types::generator::gen_throw(vm, &g, err);
                    unwrap_result(vm, op, r)
                }
            }
        }
        _ => {
            let r = crate::types::generator::resume(vm, &g, v, None);
            unwrap_result(vm, op, r)
        }
    }
}

fn op_send_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "send", 2, 2)?;
    let o = op_of(vm, &args.pos[0])?;
    op_send(vm, &o, args.pos[1].clone())
}

fn op_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = op_of(vm, &args.pos[0])?;
    op_send(vm, &o, Value::None)
}

fn op_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "throw", 2, 4)?;
    let o = op_of(vm, &args.pos[0])?;
    let op = op_data(&o);
    if op.state.get() == 2 {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    op.state.set(1);
    let g = op.gen.clone();
    let err = crate::eval::exceptions::make_exception(vm, &args.pos[1])?;
    let r = crate::types::generator::gen_throw(vm, &g, err);
    unwrap_result(vm, op, r)
}

fn op_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = op_of(vm, &args.pos[0])?;
    op_data(&o).state.set(2);
    Ok(Value::None)
}

fn op_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

pub const OP_METHODS: &[(&str, NativeFn)] = &[
    ("send", op_send_method),
    ("throw", op_throw),
    ("close", op_close),
    ("__await__", op_self),
    ("__iter__", op_self),
    ("__next__", op_next),
];

fn agen_of(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v.as_obj() {
        Some(o) if is_async_gen(vm, o) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires an 'async_generator' object")),
    }
}

fn asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "asend", 2, 2)?;
    let g = agen_of(vm, &args.pos[0])?;
    crate::builtins::sys_runtime::asyncgen_init_hooks(vm, &g)?;
    Ok(new_op(vm, &g, OpKind::Send(args.pos[1].clone())))
}

fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_of(vm, &args.pos[0])?;
    crate::builtins::sys_runtime::asyncgen_init_hooks(vm, &g)?;
    Ok(new_op(vm, &g, OpKind::Send(Value::None)))
}

fn athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "athrow", 2, 4)?;
    let g = agen_of(vm, &args.pos[0])?;
    crate::builtins::sys_runtime::asyncgen_init_hooks(vm, &g)?;
    Ok(new_op(vm, &g, OpKind::Throw(args.pos[1].clone())))
}

fn aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_of(vm, &args.pos[0])?;
    crate::builtins::sys_runtime::asyncgen_init_hooks(vm, &g)?;
    Ok(new_op(vm, &g, OpKind::Close))
}

fn aiter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_of(vm, &args.pos[0])?;
    Ok(Value::Obj(g))
}

pub const ASYNC_GEN_METHODS: &[(&str, NativeFn)] = &[
    ("asend", asend),
    ("athrow", athrow),
    ("aclose", aclose),
    ("__aiter__", aiter_self),
    ("__anext__", anext),
];

/// `aiter(obj)`.
pub fn aiter_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "aiter", 1, 1)?;
    let o = &args.pos[0];
    if let Some(g) = o.as_obj().filter(|x| is_async_gen(vm, x)) {
        return Ok(Value::Obj(g.clone()));
    }
    let ty = vm.type_of(o).clone();
    let Some(f) = crate::object::protocol::heap_dunder(vm, &ty, "__aiter__") else {
        let t = vm.type_name(o);
        return Err(vm.type_error(format!("'{t}' object is not an async iterable")));
    };
    let it = crate::object::protocol::call_dunder(vm, f, o, vec![])?;
    if !has_anext(vm, &it) {
        let t = vm.type_name(&it);
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{t}'"
        )));
    }
    Ok(it)
}

/// `anext(aiterator[, default])`: what `aiterator.__anext__()` returns, wrapped in an
/// `anext_awaitable` when there is a default (`types/anext_awaitable.rs`).
pub fn anext_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "anext", 1, 2)?;
    let o = &args.pos[0];
    let is_aiter = match o.as_obj() {
        Some(x) if is_async_gen(vm, x) => true,
        _ => {
            let t = vm.type_of(o).clone();
            crate::object::protocol::heap_dunder(vm, &t, "__anext__").is_some()
        }
    };
    if !is_aiter {
        let t = vm.type_name(o);
        return Err(vm.type_error(format!("'{t}' object is not an async iterator")));
    }
    let awaitable = match o.as_obj().filter(|x| is_async_gen(vm, x)) {
        Some(g) => {
            let g = g.clone();
            crate::builtins::sys_runtime::asyncgen_init_hooks(vm, &g)?;
            new_op(vm, &g, OpKind::Send(Value::None))
        }
        None => vm.call_method(o, "__anext__", vec![])?,
    };
    match args.pos.get(1) {
        Some(d) => Ok(crate::types::anext_awaitable::new(vm, awaitable, d.clone())),
        None => Ok(awaitable),
    }
}

/// Whether `v` is an instance of `StopAsyncIteration` (END_ASYNC_FOR).
pub fn is_stop_async(vm: &Vm, v: &Value) -> bool {
    is_subtype(vm.type_of(v), &vm.types.stop_async_iteration)
}

/// Whether `it` is an async iterator: an async generator, or its type has `__anext__`.
fn has_anext(vm: &mut Vm, it: &Value) -> bool {
    match it.as_obj() {
        Some(x) if is_async_gen(vm, x) => true,
        _ => {
            let t = vm.type_of(it).clone();
            crate::object::protocol::heap_dunder(vm, &t, "__anext__").is_some()
        }
    }
}

// ---- coroutine.__await__() ---------------------------------------------------------------

/// `coroutine_wrapper` (CPython's `PyCoroWrapper`): what `coro.__await__()` returns, an
/// iterator that drives the coroutine (`__next__` is `send(None)`).
struct CoroWrapper {
    coro: Value,
}

impl crate::modules::native_type::NativeData for CoroWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.coro);
    }
}

/// The `coroutine_wrapper` type (made by `types::install_methods`).
pub fn make_wrapper_type(vm: &mut Vm) -> PyRef {
    use crate::modules::native_type::{new_type, Spec};
    new_type(
        vm,
        &Spec {
            methods: &[
                ("__iter__", wrapper_iter),
                ("__next__", wrapper_next),
                ("send", wrapper_send),
                ("throw", wrapper_throw),
                ("close", wrapper_close),
            ],
            subclassable: false,
            ..Spec::new("coroutine_wrapper", "builtins")
        },
    )
}

/// `coroutine.__await__()` (`coro_await`).
pub fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__await__", 1, 1)?;
    let coro = args.pos[0].clone();
    if !is_coroutine(vm, &coro) {
        let t = vm.type_name(&coro);
        return Err(vm.type_error(format!(
            "descriptor '__await__' for 'coroutine' objects doesn't apply to a '{t}' object"
        )));
    }
    let ty = vm.types.coroutine_wrapper.clone();
    Ok(Value::Obj(vm.alloc(
        &ty,
        Payload::Native(Box::new(CoroWrapper { coro })),
    )))
}

/// The wrapped coroutine's method `name` called with `args` after `self`.
fn delegate(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let w = crate::modules::native_type::this::<CoroWrapper>(vm, &args, name, "coroutine_wrapper")?;
    let coro = w.coro.clone();
    let rest: Vec<Value> = args.pos.iter().skip(1).cloned().collect();
    vm.call_method(&coro, name, rest)
}

fn wrapper_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::native_type::this::<CoroWrapper>(vm, &args, "__iter__", "coroutine_wrapper")?;
    Ok(args.pos[0].clone())
}

fn wrapper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__next__", 1, 1)?;
    let mut a = args;
    a.pos.push(Value::None);
    delegate(vm, a, "send")
}

fn wrapper_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "send", 2, 2)?;
    delegate(vm, args, "send")
}

fn wrapper_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "throw", 2, 4)?;
    delegate(vm, args, "throw")
}

fn wrapper_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "close", 1, 1)?;
    delegate(vm, args, "close")
}
