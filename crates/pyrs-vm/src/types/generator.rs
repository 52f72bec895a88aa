//! Generators (CPython: `Objects/genobject.c`). A suspended generator owns its frame's
//! state (the `Frame` record, its localsplus window and value stack, moved out of the
//! thread's stacks at YIELD_VALUE / RETURN_GENERATOR); resuming moves them back on top
//! of the thread's stacks and re-enters the eval loop with the generator frame as entry.

use crate::frame::Frame;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};

pub struct SavedFrame {
    pub frame: Frame,
    pub fast: Vec<Option<Value>>,
    pub stack: Vec<Option<Value>>,
}

pub struct GenData {
    /// `None` while running or after finishing.
    pub saved: RefCell<Option<SavedFrame>>,
    pub running: Cell<bool>,
    pub finished: Cell<bool>,
    /// The emptied `fast`/`stack` vectors of the last resume, kept for the next suspend
    /// so that a yield allocates nothing (`eval::call::suspend_generator`).
    pub spare: RefCell<(Vec<Option<Value>>, Vec<Option<Value>>)>,
    pub name: String,
    pub qualname: String,
}

impl GenData {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &*self.saved.borrow() {
            for v in s.fast.iter().chain(&s.stack).flatten() {
                visit(v)
            }
        }
    }
    pub fn name(&self) -> String {
        self.name.clone()
    }
    pub fn qualname(&self) -> String {
        self.qualname.clone()
    }
}

fn gdata(g: &PyRef) -> Option<&GenData> {
    match &g.payload {
        Payload::Generator(d) => Some(d),
        _ => None,
    }
}

/// Resume with `value` sent in (or `exc` thrown in). `Ok(Ok(v))` is a yielded value,
/// `Ok(Err(v))` the return value (the generator finished).
pub fn resume(
    vm: &mut Vm,
    g: &PyRef,
    value: Value,
    exc: Option<PyErr>,
) -> PyResult<Result<Value, Value>> {
    let Some(gd) = gdata(g) else {
        return Err(vm.type_error("not a generator"));
    };
    if gd.running.get() {
        return Err(vm.value_error("generator already executing"));
    }
    let saved = gd.saved.borrow_mut().take();
    let Some(saved) = saved else {
        gd.finished.set(true);
        if let Some(e) = exc {
            return Err(e);
        }
        return Ok(Err(Value::None));
    };
    if let Err(e) = vm.enter_recursion("") {
        *gd.saved.borrow_mut() = Some(saved);
        return Err(e);
    }
    let SavedFrame {
        mut frame,
        mut fast,
        mut stack,
    } = saved;
    frame.fast_base = vm.thread.fast.len();
    frame.stack_base = vm.thread.stack.len();
    frame.entry = true;
    frame.generator = Some(g.clone());
    vm.thread.fast.extend(fast.drain(..));
    vm.thread.stack.extend(stack.drain(..));
    *gd.spare.borrow_mut() = (fast, stack);
    if exc.is_none() {
        vm.thread.stack.push(Some(value));
    }
    vm.thread.frames.push(frame);
    gd.running.set(true);
    let r = crate::eval::run_frame(vm, exc);
    gd.running.set(false);
    match r {
        Ok(crate::eval::Exit::Yield(v)) => Ok(Ok(v)),
        Ok(crate::eval::Exit::Return(v)) => {
            gd.finished.set(true);
            Ok(Err(v))
        }
        Err(e) => {
            gd.finished.set(true);
            if vm.err_matches(&e, &vm.types.stop_iteration.clone()) {
                let r = vm.runtime_error("generator raised StopIteration");
                crate::eval::exceptions::set_context(vm, &r, Some(Value::Obj(e.0.clone())));
                if let Some(d) = crate::types::exceptions::exc_data(&r.0) {
                    *d.cause.borrow_mut() = Some(Value::Obj(e.0));
                    d.suppress_context.set(true);
                }
                return Err(r);
            }
            Err(e)
        }
    }
}

/// `next(gen)`: `None` when it finished.
pub fn gen_next(vm: &mut Vm, g: &PyRef) -> PyResult<Option<Value>> {
    match resume(vm, g, Value::None, None)? {
        Ok(v) => Ok(Some(v)),
        Err(_) => Ok(None),
    }
}

fn stop_iteration_with(vm: &mut Vm, v: Value) -> PyErr {
    let t = vm.types.stop_iteration.clone();
    let args = if matches!(v, Value::None) {
        vec![]
    } else {
        vec![v]
    };
    PyErr(crate::types::exceptions::new_exception(vm, &t, args))
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<PyRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if gdata(o).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

fn send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "send", 2, 2)?;
    let g = this(vm, &args)?;
    let started =
        gdata(&g).is_some_and(|d| d.saved.borrow().as_ref().is_some_and(|s| s.frame.lasti > 0));
    if !started && !matches!(args.pos[1], Value::None) {
        return Err(vm.type_error("can't send non-None value to a just-started generator"));
    }
    match resume(vm, &g, args.pos[1].clone(), None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(stop_iteration_with(vm, r)),
    }
}

fn throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "throw", 2, 4)?;
    let g = this(vm, &args)?;
    let e = crate::eval::exceptions::make_exception(vm, &args.pos[1])?;
    match resume(vm, &g, Value::None, Some(e))? {
        Ok(v) => Ok(v),
        Err(r) => Err(stop_iteration_with(vm, r)),
    }
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    if gdata(&g).is_some_and(|d| d.saved.borrow().is_none()) {
        return Ok(Value::None);
    }
    let t = vm.types.generator_exit.clone();
    let e = PyErr(crate::types::exceptions::new_exception(vm, &t, vec![]));
    match resume(vm, &g, Value::None, Some(e)) {
        Ok(Ok(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(Err(_)) => Ok(Value::None),
        Err(e) if vm.err_matches(&e, &vm.types.generator_exit.clone()) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn next_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    match gen_next(vm, &g)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration()),
    }
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("send", send),
    ("throw", throw),
    ("close", close),
    ("__iter__", iter_self),
    ("__next__", next_method),
];
