//! The `atexit` module: functions run when the interpreter finishes, last registered
//! first (CPython: `Modules/atexitmodule.c`). The callbacks are interpreter state
//! (`Interpreter::atexit`); `import/main.rs` runs them at exit before the standard
//! streams are flushed and the modules go ([`run_exitfuncs`], `_PyAtExit_Call`). An
//! exception in a callback is reported as "Exception ignored in atexit callback" and the
//! others still run.

use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

const DOC: &str = "allow programmer to define multiple exit functions to be executed\n\
upon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n";

/// One registered call: the function, its positional and keyword arguments.
pub struct Callback {
    pub func: Value,
    pub args: Vec<Value>,
    pub kwargs: Vec<(PyRef, Value)>,
}

impl Callback {
    /// The references a callback holds (for the cycle collector to come).
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        self.args.iter().for_each(|a| visit(a));
        for (k, v) in &self.kwargs {
            visit(&Value::Obj(k.clone()));
            visit(v);
        }
    }
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "atexit", DOC);
    let fns: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("_clear", clear),
        ("_run_exitfuncs", run_exitfuncs_fn),
        ("_ncallbacks", ncallbacks),
    ];
    super::add_functions(vm, &d, fns);
    Ok(m)
}

/// `register(func, /, *args, **kwargs)`: returns `func` (usable as a decorator).
fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Args { pos, kw } = args;
    let mut pos = pos.into_vec();
    if pos.is_empty() {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = pos.remove(0);
    let callable = crate::builtins::attrs::callable(vm, Args::positional(vec![func.clone()]))?;
    if !matches!(callable, Value::Bool(true)) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    vm.interp.atexit.push(Some(Callback {
        func: func.clone(),
        args: pos,
        kwargs: kw,
    }));
    Ok(func)
}

/// `unregister(func, /)`: remove every registration of a function equal to `func`.
fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "unregister", 1, 1)?;
    let func = args.pos[0].clone();
    // A removed callback leaves an empty slot, as `atexit_delete_cb` does (so
    // `_ncallbacks()` still counts it until the list is cleared).
    let mut i = 0;
    while i < vm.interp.atexit.len() {
        let Some(f) = vm.interp.atexit[i].as_ref().map(|c| c.func.clone()) else {
            i += 1;
            continue;
        };
        // `==` may run Python code (which may change the list): compare, then re-check.
        if vm.eq(&f, &func)? {
            let same = matches!(vm.interp.atexit.get(i), Some(Some(c)) if c.func.is(&f));
            if same {
                let removed = vm.interp.atexit[i].take();
                drop(removed);
            }
        }
        i += 1;
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_clear", 0, 0)?;
    let old = std::mem::take(&mut vm.interp.atexit);
    drop(old);
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_ncallbacks", 0, 0)?;
    Ok(Value::Int(vm.interp.atexit.len() as i64))
}

fn run_exitfuncs_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_run_exitfuncs", 0, 0)?;
    run_exitfuncs(vm);
    Ok(Value::None)
}

/// Run the registered callbacks, last first, then forget them all (`atexit_callfuncs`).
/// Callbacks registered meanwhile are forgotten without running, as in CPython.
pub fn run_exitfuncs(vm: &mut Vm) {
    let callbacks = std::mem::take(&mut vm.interp.atexit);
    for cb in callbacks.into_iter().rev().flatten() {
        let r = vm.call_args(
            &cb.func,
            Args {
                pos: cb.args.into(),
                kw: cb.kwargs,
            },
        );
        if let Err(e) = r {
            crate::report::unraisable::write_unraisable(
                vm,
                &e,
                Some("Exception ignored in atexit callback"),
                Some(cb.func.clone()),
            );
        }
        crate::finalize::run_pending(vm);
    }
    let late = std::mem::take(&mut vm.interp.atexit);
    drop(late);
}
