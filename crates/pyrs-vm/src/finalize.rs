//! Running finalizers (CPython: `PyObject_CallFinalizerFromDealloc`, `slot_tp_finalize`,
//! `_PyGen_Finalize`, `PyErr_WriteUnraisable`).
//!
//! When the last reference to an object that needs a finalizer goes, `object/refcount.rs`
//! keeps the object alive on a per-thread pending list instead of freeing it (Drop cannot
//! run Python code). [`run_pending`] runs those finalizers; the eval loop calls it at the
//! next instruction boundary, so `del x; print("after")` prints what `x.__del__` prints
//! first, as in CPython. The finalizer's errors never propagate: they are printed as
//! CPython's "Exception ignored in: ..." report and dropped.
//!
//! Invariant: a finalizer runs at most once per object (the FINALIZED bit of the count);
//! an object its `__del__` stored somewhere (resurrection) lives on and is then freed
//! without a second `__del__`, as PEP 442 specifies.

use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyErr, Vm};

/// Is some finalizer due? One thread-local flag read: cheap enough for every instruction.
#[inline(always)]
pub fn pending() -> bool {
    crate::object::refcount::has_pending_finalizers()
}

/// Run every due finalizer, including those that finalizers themselves make due.
#[cold]
pub fn run_pending(vm: &mut Vm) {
    while let Some(obj) = crate::object::refcount::pop_pending_finalizer() {
        finalize(vm, &obj);
        // Dropping the list's reference frees the object (FINALIZED: no second run),
        // unless the finalizer resurrected it.
        drop(obj);
    }
}

fn finalize(vm: &mut Vm, obj: &PyRef) {
    // A weak reference whose referent died: its callback (`modules/_weakref.rs`).
    if crate::modules::_weakref::run_callback(vm, obj) {
        return;
    }
    if let Payload::Generator(_) = &obj.payload {
        gen_finalize(vm, obj);
        return;
    }
    let ty = obj.ty.clone();
    let Some(del) = crate::object::protocol::heap_dunder(vm, &ty, "__del__") else {
        return;
    };
    // The exception being handled where the finalizer happens to run is not the
    // finalizer's business; CPython saves and restores the raised one around it.
    let r = crate::object::protocol::call_dunder(vm, del.clone(), &Value::Obj(obj.clone()), vec![]);
    if let Err(e) = r {
        write_unraisable(vm, &e, &del);
    }
}

/// `_PyGen_Finalize` (a dropped generator's finalizer, and `gen.__del__()`): an async
/// generator that saw a `sys.set_asyncgen_hooks` finalizer is handed to it (asyncio
/// schedules its `aclose()`); any other suspended generator, coroutine or async generator
/// is closed (its `finally` blocks run, GeneratorExit raised at the yield). Errors are
/// reported as unraisable.
pub fn gen_finalize(vm: &mut Vm, obj: &PyRef) {
    let Payload::Generator(gd) = &obj.payload else {
        return;
    };
    if gd.finished.get() {
        return;
    }
    let hook = match obj.ty.is(&vm.types.async_generator) {
        true => gd.origin_or_finalizer.borrow().clone(),
        false => None,
    };
    if let Some(f) = hook {
        if let Err(e) = vm.call(&f, vec![Value::Obj(obj.clone())]) {
            write_unraisable(vm, &e, &Value::Obj(obj.clone()));
        }
        return;
    }
    if let Err(e) = crate::types::generator::gen_close(vm, obj) {
        write_unraisable(vm, &e, &Value::Obj(obj.clone()));
    }
}

/// `PyErr_WriteUnraisable(obj)`: `sys.unraisablehook` reports `e`
/// (`report/unraisable.rs`; by default "Exception ignored in: <repr of obj>" and the
/// traceback on sys.stderr).
pub fn write_unraisable(vm: &mut Vm, e: &PyErr, obj: &Value) {
    // An exception raised by the machinery itself (a generator ignoring GeneratorExit)
    // has no traceback yet: CPython gives it the current frame's entry.
    let bare = crate::types::exceptions::exc_data(&e.0).is_some_and(|d| !d.has_traceback());
    if bare {
        if let Some(f) = vm.thread.frames.last() {
            let (code, lasti) = (f.code.clone(), f.lasti);
            crate::eval::exceptions::add_traceback(vm, e, &code, lasti);
        }
    }
    crate::report::unraisable::write_unraisable(vm, e, None, Some(obj.clone()));
}
