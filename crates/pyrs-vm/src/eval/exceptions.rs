//! Raising and unwinding (CPython: `do_raise`, the `exception_unwind` label of
//! `Python/ceval.c`, `PyTraceBack_Here`, `_PyErr_SetObject`'s context chaining).
//!
//! Unwinding: the frame's exception table is searched for the raising instruction
//! (`lasti`); a handler truncates the value stack to its depth, pushes `lasti` if asked and
//! the exception, and jumps. Without a handler the frame is popped and the search goes on in
//! the caller; popping an entry frame hands the error to the Rust caller of the loop. Each
//! frame the error passes adds a traceback entry, except the frame that re-raised it
//! (RERAISE, bare `raise`).

use super::{pop, push};
use crate::code::as_code;
use crate::object::typeobj::{is_subtype, tdata};
use crate::object::{Payload, PyRef, Value};
use crate::types::exceptions::{exc_data, new_exception1};
use crate::types::traceback::TracebackData;
use crate::vm::{PyErr, PyResult, Vm};

/// An exception value as an error (a non-exception becomes a SystemError).
pub fn as_err(vm: &mut Vm, v: Value) -> PyErr {
    match v {
        Value::Obj(o) if exc_data(&o).is_some() => PyErr(o),
        other => {
            let n = vm.type_name(&other);
            vm.system_error(format!("RERAISE of a non-exception ({n})"))
        }
    }
}

/// `__context__ = ctx` unless that would make a cycle or it is the exception itself.
pub fn set_context(_vm: &mut Vm, e: &PyErr, ctx: Option<Value>) {
    let Some(Value::Obj(c)) = ctx else { return };
    if c.is(&e.0) {
        return;
    }
    // Break a cycle: remove `e` from the chain of `c` (as _PyErr_SetObject does).
    let mut o = c.clone();
    loop {
        let next = exc_data(&o).and_then(|d| d.context.borrow().clone());
        match next {
            Some(Value::Obj(n)) if n.is(&e.0) => {
                if let Some(d) = exc_data(&o) {
                    *d.context.borrow_mut() = None;
                }
                break;
            }
            Some(Value::Obj(n)) => o = n,
            _ => break,
        }
    }
    if let Some(d) = exc_data(&e.0) {
        *d.context.borrow_mut() = Some(Value::Obj(c));
    }
}

/// `PyTraceBack_Here`: a traceback entry for the current frame running `code` at
/// `lasti`, kept pending in the exception until `__traceback__` is read
/// (`ExcData::traceback`).
pub fn add_traceback(vm: &mut Vm, e: &PyErr, code: &PyRef, lasti: usize) {
    let Some(d) = exc_data(&e.0) else { return };
    let lineno = as_code(code).and_then(|c| c.line_at(lasti)).unwrap_or(-1);
    d.push_traceback(TracebackData::new(vm, None, code, lasti, lineno));
}

/// Find a handler for `e`. `Ok(None)`: handled, the loop continues. `Ok(Some(e))`: the
/// entry frame was left, `e` goes to the Rust caller.
pub fn unwind(vm: &mut Vm, mut e: PyErr) -> PyResult<Option<PyErr>> {
    let mut first = true;
    let reraise = std::mem::take(&mut vm.thread.reraise);
    loop {
        let Some(f) = vm.thread.frames.last() else {
            return Ok(Some(e));
        };
        let (code, lasti, stack_base) = (f.code.clone(), f.lasti, f.stack_base);
        if !(first && reraise) {
            add_traceback(vm, &e, &code, lasti);
        }
        if first && !reraise {
            let has_ctx = exc_data(&e.0).is_some_and(|d| d.context.borrow().is_some());
            if !has_ctx {
                let ctx = vm.thread.exc_info.clone();
                set_context(vm, &e, ctx);
            }
        }
        first = false;
        let handler = as_code(&code).and_then(|co| {
            co.exc_table
                .iter()
                .find(|x| x.start <= lasti && lasti < x.end)
                .copied()
        });
        if let Some(h) = handler {
            let target_len = stack_base + h.depth as usize;
            // Drops the values above the handler's depth in place (no vector).
            vm.thread.stack.truncate(target_len);
            if h.lasti {
                push(vm, Value::Int(lasti as i64));
            }
            push(vm, Value::Obj(e.0.clone()));
            if let Some(f) = vm.thread.frames.last_mut() {
                f.ip = h.target;
            }
            return Ok(None);
        }
        // No handler: the frame ends; its traceback entry keeps its locals (`tb_frame`).
        crate::types::traceback::frame_exiting(vm, &e);
        if vm
            .thread
            .frames
            .last()
            .is_some_and(|f| f.frame_object_id() != 0)
        {
            crate::types::frame::frame_leaving(vm);
        }
        let Some(f) = super::call::pop_frame(vm) else {
            return Ok(Some(e));
        };
        if let Some(g) = &f.generator {
            if let Payload::Generator(gd) = &g.payload {
                gd.finished.set(true);
                if !f.entry() {
                    // Resumed by the loop (`generator::resume_inline`): `resume`'s
                    // conversion of a StopIteration happens here.
                    gd.running.set(false);
                    e = crate::types::generator::error_leaving(vm, g, e);
                }
            }
        }
        if f.entry() {
            return Ok(Some(e));
        }
    }
}

/// An exception instance from a `raise` operand (a class is instantiated).
pub fn make_exception(vm: &mut Vm, v: &Value) -> PyResult<PyErr> {
    let base = vm.types.base_exception.clone();
    if let Value::Obj(o) = v {
        if let Payload::Type(_) = o.payload {
            if is_subtype(o, &base) {
                let inst = vm.call(v, vec![])?;
                return match inst {
                    Value::Obj(i) if exc_data(&i).is_some() => Ok(PyErr(i)),
                    other => {
                        let r = vm.repr(v)?;
                        let tn = vm.type_name(&other);
                        Err(vm.type_error(format!(
                            "calling {r} should have returned an instance of BaseException, not {tn}"
                        )))
                    }
                };
            }
        }
        if exc_data(o).is_some() {
            return Ok(PyErr(o.clone()));
        }
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

/// RAISE_VARARGS(n): the error to unwind with.
pub fn raise_varargs(vm: &mut Vm, n: usize) -> PyErr {
    let cause = if n == 2 { Some(pop(vm)) } else { None };
    let exc = if n >= 1 { Some(pop(vm)) } else { None };
    let Some(exc) = exc else {
        return match vm.thread.exc_info.clone() {
            Some(Value::Obj(o)) if exc_data(&o).is_some() => {
                vm.thread.reraise = true;
                PyErr(o)
            }
            _ => vm.runtime_error("No active exception to reraise"),
        };
    };
    let e = match make_exception(vm, &exc) {
        Ok(e) => e,
        Err(e) => return e,
    };
    if let Some(c) = cause {
        let cause_v = match &c {
            Value::None => None,
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) || exc_data(o).is_some() => {
                match make_exception(vm, &c) {
                    Ok(ce) => Some(Value::Obj(ce.0)),
                    Err(err) => return err,
                }
            }
            _ => return vm.type_error("exception causes must derive from BaseException"),
        };
        if let Some(d) = exc_data(&e.0) {
            *d.cause.borrow_mut() = cause_v;
            d.suppress_context.set(true);
        }
    }
    e
}

/// CHECK_EXC_MATCH: `isinstance(exc, t)` where `t` is an exception class or a tuple.
pub fn exc_matches(vm: &mut Vm, exc: &Value, t: &Value) -> PyResult<bool> {
    // No allocation: `except KeyError:` runs this for every exception that reaches it.
    // The exception's own class is a valid `except` operand (an instance's class derives
    // from BaseException): the common exact match needs neither MRO walk.
    if let (Value::Obj(o), Value::Obj(e)) = (t, exc) {
        if e.ty.is(o) && exc_data(e).is_some() {
            return Ok(true);
        }
    }
    let single = std::slice::from_ref(t);
    let types: &[Value] = t.as_tuple().unwrap_or(single);
    let valid = |ty: &Value, base: &PyRef| {
        ty.as_obj()
            .is_some_and(|o| matches!(o.payload, Payload::Type(_)) && is_subtype(o, base))
    };
    if !types.iter().all(|ty| valid(ty, &vm.types.base_exception)) {
        return Err(
            vm.type_error("catching classes that do not inherit from BaseException is not allowed")
        );
    }
    let et = vm.type_of(exc);
    Ok(types
        .iter()
        .any(|ty| ty.as_obj().is_some_and(|o| is_subtype(et, o))))
}

/// BEFORE_WITH: push the bound `__exit__` and the result of `__enter__()`.
pub fn before_with(vm: &mut Vm, mgr: Value) -> PyResult<()> {
    let ty = vm.type_of(&mgr).clone();
    let enter = crate::object::protocol::special_method(vm, &ty, "__enter__");
    let exit = crate::object::protocol::special_method(vm, &ty, "__exit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let tn = tdata(&ty).name();
        let missing = if crate::object::protocol::heap_dunder(vm, &ty, "__enter__").is_none() {
            ""
        } else {
            " (missed __exit__ method)"
        };
        return Err(vm.type_error(format!(
            "'{tn}' object does not support the context manager protocol{missing}"
        )));
    };
    let bound_exit = crate::object::attr::descr_get(vm, exit, Some(mgr.clone()), &ty)?;
    let r = crate::object::protocol::call_dunder(vm, enter, &mgr, vec![])?;
    push(vm, bound_exit);
    push(vm, r);
    Ok(())
}

/// WITH_EXCEPT_START: `exit(type(val), val, val.__traceback__)`.
pub fn with_except_start(vm: &mut Vm, exit: &Value, val: &Value) -> PyResult<Value> {
    let t = Value::Obj(vm.type_of(val).clone());
    let tb = val
        .as_obj()
        .and_then(exc_data)
        .and_then(|d| d.traceback(vm))
        .unwrap_or(Value::None);
    vm.call(exit, vec![t, val.clone(), tb])
}

/// A new exception of `ty` with a message (for Rust callers that build errors).
pub fn new_err(vm: &mut Vm, ty: &PyRef, msg: &str) -> PyErr {
    let m = vm.new_str(msg);
    PyErr(new_exception1(vm, ty, m))
}
