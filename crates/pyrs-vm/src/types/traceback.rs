//! Traceback objects (CPython: `Python/traceback.c`): one entry per frame an exception
//! passed through, newest frame last in the `tb_next` chain.
//!
//! `tb_frame`: CPython's entry holds the live frame object. pyrs's frames are records on
//! the thread's stacks (`frame.rs`), so an entry keeps what a frame object needs (code,
//! globals, builtins, the namespace of a module or class body) and makes the frame object
//! when `tb_frame` is first read (then the same object each time):
//! - while the entry's frame is still running (the handler looking at its own exception),
//!   a snapshot of it with its callers as `f_back` (`types/frame.rs`);
//! - once the frame is gone, a frame object of its last state: the locals it had when the
//!   exception left it (its slots copied then, as CPython's frame object takes ownership
//!   of them; the dict is made when `tb_frame` is read), `f_back` None. A frame that handled the exception and later returned has no locals kept
//!   (docs/differences.md).

use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;

pub struct TracebackData {
    pub next: Option<Value>,
    /// The code object of the frame.
    pub code: PyRef,
    /// Code unit of the instruction that raised.
    pub lasti: usize,
    pub lineno: i32,
    /// The frame's globals and builtins (None when the entry was made without a frame
    /// record for `code`).
    pub globals: Option<PyRef>,
    pub builtins: Option<PyRef>,
    /// The frame's index in the thread's frame stack when the entry was made.
    pub depth: usize,
    /// The frame's namespace (a module or class body).
    pub locals: RefCell<Option<Value>>,
    /// A function frame's localsplus slots, copied when the exception left the frame
    /// ([`frame_exiting`]); the frame object's `f_locals` dict is made from them when
    /// `tb_frame` is first read (no dict per exception and frame).
    pub fast: RefCell<Option<Box<[Option<Value>]>>>,
    /// The frame object, once `tb_frame` was read.
    pub frame: RefCell<Option<Value>>,
}

impl TracebackData {
    /// The entry for the thread's current frame running `code` at `lasti` (the unwinder's
    /// `PyTraceBack_Here`).
    pub fn new(
        vm: &Vm,
        next: Option<Value>,
        code: &PyRef,
        lasti: usize,
        lineno: i32,
    ) -> TracebackData {
        let depth = vm.thread.frames.len().saturating_sub(1);
        let f = vm.thread.frames.last().filter(|f| f.code.is(code));
        TracebackData {
            next,
            code: code.clone(),
            lasti,
            lineno,
            globals: f.and_then(|f| f.globals()).cloned(),
            builtins: f.and_then(|f| f.builtins()).cloned(),
            depth,
            locals: RefCell::new(f.and_then(|f| f.locals.clone()).map(Value::Obj)),
            fast: RefCell::new(None),
            frame: RefCell::new(None),
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(n) = &self.next {
            visit(n)
        }
        visit(&Value::Obj(self.code.clone()));
        for r in [&self.globals, &self.builtins].into_iter().flatten() {
            visit(&Value::Obj(r.clone()));
        }
        if let Some(l) = &*self.locals.borrow() {
            visit(l);
        }
        for v in self.fast.borrow().iter().flat_map(|f| f.iter().flatten()) {
            visit(v);
        }
        if let Some(f) = &*self.frame.borrow() {
            visit(f);
        }
    }
}

/// The exception `e` is leaving the current frame (no handler in it): its newest
/// traceback entry, made for this frame, keeps the frame's locals (a copy of a function's
/// localsplus slots) — or, when the frame has a frame object, that object (CPython's
/// entry holds the frame's object: `tb_frame` is then the very object the frame's code
/// saw, and the object keeps the final locals itself, `frame::frame_leaving`).
pub fn frame_exiting(vm: &mut Vm, e: &PyErr) {
    let Some(d) = crate::types::exceptions::exc_data(&e.0) else {
        return;
    };
    let depth = vm.thread.frames.len().saturating_sub(1);
    let Some(f) = vm.thread.frames.last() else {
        return;
    };
    if f.locals.is_some() {
        return;
    }
    let object = crate::types::frame::top_object(vm);
    d.with_newest_entry(|t| {
        if t.depth != depth
            || !f.code.is(&t.code)
            || t.locals.borrow().is_some()
            || t.fast.borrow().is_some()
            || t.frame.borrow().is_some()
        {
            return;
        }
        match object {
            Some(o) => *t.frame.borrow_mut() = Some(o),
            None => *t.fast.borrow_mut() = crate::types::frame::fast_slots(vm, depth),
        }
    });
}

/// Whether the thread's frame at `t.depth` is still the entry's frame (same code and
/// globals, locals not copied at exit).
fn live(vm: &Vm, t: &TracebackData) -> bool {
    // Copied slots mean the frame is gone.
    if t.fast.borrow().is_some() {
        return false;
    }
    if t.locals.borrow().as_ref().is_some_and(|l| {
        // A namespace is the frame's own; copied locals mean the frame is gone.
        !matches!(l, Value::Obj(o) if vm.thread.frames.get(t.depth)
            .is_some_and(|f| f.locals.as_ref().is_some_and(|n| n.is(o))))
    }) {
        return false;
    }
    vm.thread.frames.get(t.depth).is_some_and(|f| {
        f.code.is(&t.code)
            && t.globals
                .as_ref()
                .is_some_and(|g| f.globals().is_some_and(|x| x.is(g)))
    })
}

/// `tb.tb_frame`.
pub fn tb_frame(vm: &mut Vm, o: &PyRef) -> Value {
    let Payload::Traceback(t) = &o.payload else {
        return Value::None;
    };
    if let Some(f) = &*t.frame.borrow() {
        return f.clone();
    }
    let made = if live(vm, t) {
        crate::types::frame::snapshot(vm, t.depth)
    } else {
        None
    };
    let f = match made {
        Some(f) => f,
        None => {
            let globals = t.globals.clone().unwrap_or_else(|| vm.new_dict_ref());
            let builtins = t.builtins.clone().unwrap_or_else(|| vm.builtins.clone());
            let namespace = t.locals.borrow().clone();
            let slots = t.fast.borrow().clone();
            let locals = match (namespace, slots) {
                (Some(l), _) => l,
                (None, Some(f)) => crate::types::frame::locals_from_slots(vm, &t.code, &f),
                (None, None) => Value::Obj(vm.new_dict_ref()),
            };
            crate::types::frame::dead_frame(
                vm,
                crate::types::frame::DeadFrame {
                    code: t.code.clone(),
                    globals,
                    builtins,
                    locals,
                    lasti: t.lasti,
                    lineno: t.lineno,
                },
            )
        }
    };
    *t.frame.borrow_mut() = Some(f.clone());
    f
}

/// `tb.__dir__()` (`tb_dir`): the four attributes only, unsorted, as CPython lists them.
pub fn tb_dir(vm: &mut Vm, args: crate::types::function::Args) -> PyResult<Value> {
    args.check(vm, "__dir__", 1, 1)?;
    if !matches!(args.pos[0].payload(), Some(Payload::Traceback(_))) {
        return Err(vm.type_error("descriptor '__dir__' requires a 'traceback' object"));
    }
    let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"]
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    Ok(vm.new_list(names))
}

pub const TRACEBACK_METHODS: &[(&str, crate::types::function::NativeFn)] = &[("__dir__", tb_dir)];
