//! Generators (CPython: `Objects/genobject.c`). A suspended generator owns its frame's
//! state (the `Frame` record, its localsplus window and value stack, moved out of the
//! thread's stacks at YIELD_VALUE / RETURN_GENERATOR); resuming moves them back on top
//! of the thread's stacks, and either re-enters the eval loop with the generator frame
//! as entry (a resume from Rust: `next()`, `send`, `sum(gen)`) or lets the running loop
//! continue in it (FOR_ITER / SEND over an exact generator: [`resume_inline`]).

use crate::frame::Frame;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};

pub struct GenData {
    /// The suspended frame's record: `None` while running and after finishing.
    pub frame: RefCell<Option<Frame>>,
    /// While suspended: the frame's localsplus, last slot first (reversed so that suspend
    /// and resume move them with `pop`/`push` only: for the few slots of a generator frame
    /// cheaper than `append` (a call and a `memcpy`) or `drain`). Empty while running; the
    /// vector keeps its capacity, so a resume/yield cycle allocates nothing.
    pub fast: RefCell<Vec<Option<Value>>>,
    /// While suspended: the frame's value stack, top first (resume pops them from the end,
    /// bottom first, onto the thread's stack). Empty while running.
    pub stack: RefCell<Vec<Option<Value>>>,
    pub running: Cell<bool>,
    pub finished: Cell<bool>,
    /// An exact `generator` (not a coroutine or an async generator): its type, fixed when
    /// it is made (a generator's `__class__` cannot be assigned), read by the loop's
    /// resume without the dependent loads of the type test.
    pub plain: bool,
    /// Consumed by [`drive`]: its YIELD_VALUE leaves the frame where it lies on the frame
    /// stack (no moves out and back per item) and returns to the driver.
    pub driven: Cell<bool>,
    /// What the driver ([`drive_acc`]) lets YIELD_VALUE do with a plain item without
    /// leaving the loop ([`absorb`]). [`Acc::Off`] except inside the driver's loop entry.
    pub acc: Cell<Acc>,
    /// Resumed at least once (CPython: past `FRAME_CREATED`): only then can dropping it
    /// unfinished run code (its `finally` blocks), so only then does it need finalizing.
    pub started: Cell<bool>,
    pub name: String,
    pub qualname: String,
    /// The code object (`gi_code`), kept after the frame is gone.
    pub code: PyRef,
    /// An async generator's `sys.set_asyncgen_hooks` finalizer, or a coroutine's
    /// `cr_origin` (CPython's `ag_origin_or_finalizer`; `builtins/sys_runtime.rs`).
    pub origin_or_finalizer: RefCell<Option<Value>>,
    /// An async generator's hooks were looked at (its first asend/athrow/aclose).
    pub hooks_inited: Cell<bool>,
}

impl GenData {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in self.fast.borrow().iter().flatten() {
            visit(v)
        }
        for v in self.stack.borrow().iter().flatten() {
            visit(v)
        }
        if let Some(v) = &*self.origin_or_finalizer.borrow() {
            visit(v)
        }
    }
    pub fn name(&self) -> String {
        self.name.clone()
    }
    /// CPython's `_PyGen_Finalize` condition: suspended after starting, not finished;
    /// dropping it must `close()` it (`crate::finalize`).
    pub fn needs_close(&self) -> bool {
        self.started.get() && !self.finished.get() && !self.running.get()
    }
    /// An unfinished async generator holding a `sys.set_asyncgen_hooks` finalizer: when
    /// it dies the finalizer gets it, started or not (`_PyGen_Finalize`).
    pub fn has_finalizer_hook(&self) -> bool {
        self.hooks_inited.get()
            && !self.finished.get()
            && !self.running.get()
            && self.origin_or_finalizer.borrow().is_some()
    }
    pub fn qualname(&self) -> String {
        self.qualname.clone()
    }
    /// Suspended (not running, not finished) at a yield, not before its first
    /// instruction (`gi_suspended`; CPython: `FRAME_SUSPENDED`, not `FRAME_CREATED`).
    pub fn suspended_after_start(&self) -> bool {
        self.started.get()
            && !self.running.get()
            && !self.finished.get()
            && self.frame.borrow().is_some()
    }
    /// The suspended frame's localsplus in slot order (empty while running or finished).
    pub fn saved_fast(&self) -> Vec<Option<Value>> {
        self.fast.borrow().iter().rev().cloned().collect()
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
    let frame = gd.frame.borrow_mut().take();
    let Some(frame) = frame else {
        gd.finished.set(true);
        if let Some(e) = exc {
            return Err(e);
        }
        if g.ty.is(&vm.types.coroutine) {
            return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
        }
        return Ok(Err(Value::None));
    };
    if let Err(e) = vm.enter_recursion("") {
        *gd.frame.borrow_mut() = Some(frame);
        return Err(e);
    }
    if exc.is_none() {
        load_frame(vm, g, gd, frame, Some(value), true);
    } else {
        load_frame(vm, g, gd, frame, None, true);
    }
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
            Err(error_leaving(vm, g, e))
        }
    }
}

/// Move a suspended generator's saved frame on top of the thread's stacks (the
/// recursion depth already counted), with `value` as the result of the yield it stopped at
/// (pushed, or dropped at once for the POP_TOP after the yield: [`resume_target`]; none
/// when an exception is thrown in), and mark it running.
#[inline(always)]
fn load_frame(
    vm: &mut Vm,
    g: &PyRef,
    gd: &GenData,
    frame: Frame,
    value: Option<Value>,
    entry: bool,
) {
    // Resumed with a value (not an exception thrown in): past the RESUME/POP_TOP after
    // the yield, as `resume_inline`.
    let mut ip = frame.ip;
    let mut value = value;
    if value.is_some() {
        let breaker = vm
            .interp
            .eval_breaker
            .load(std::sync::atomic::Ordering::Relaxed);
        if let Some(co) = crate::code::as_code(&frame.code) {
            let (to, push) = resume_target(&co.units, frame.ip, breaker);
            ip = to;
            if !push {
                value = None;
            }
        }
    }
    let t = &mut vm.thread;
    let (fast_base, stack_base) = load_values(t, gd);
    if let Some(v) = value {
        vm.thread.stack.push(Some(v));
    }
    // Pushed as it was saved, then patched in place: setting the fields on the moved
    // value first made the generated code copy the 11-word record once more.
    vm.thread.frames.push(frame);
    if let Some(f) = vm.thread.frames.last_mut() {
        f.fast_base = fast_base;
        f.stack_base = stack_base;
        f.ip = ip;
        f.set_entry(entry);
        f.generator = Some(g.clone());
    }
    gd.running.set(true);
    gd.started.set(true);
}

/// Where a generator frame resumed with a value goes on, and whether the value is to be
/// pushed. 3.11 compiles every yield as YIELD_VALUE, `RESUME 1|2|3`, then POP_TOP (a
/// `yield` statement, a generator expression) or JUMP_BACKWARD_NO_INTERRUPT back to the
/// SEND of a `yield from`/`await` loop. After a yield, RESUME's only work is the
/// eval-breaker test (arg < 2: `breaker` says the flag is set, and then nothing is
/// skipped); a POP_TOP would drop the value just pushed, so neither happens (`false`); the
/// jump back is taken here. Two or three dispatches fewer per resume. `ip` is the saved
/// `ip`, the instruction after the YIELD_VALUE; anything else there resumes at `ip` with
/// the value pushed, as without this.
#[inline(always)]
pub fn resume_target(units: &[(u8, u8)], ip: usize, breaker: bool) -> (usize, bool) {
    use pyrs_bytecode::opnum::{JUMP_BACKWARD_NO_INTERRUPT, POP_TOP, RESUME};
    match units.get(ip) {
        Some(&(RESUME, arg)) if arg >= 2 || !breaker => match units.get(ip + 1) {
            Some(&(POP_TOP, _)) => (ip + 2, false),
            // JUMP_BACKWARD_NO_INTERRUPT's target (`jump_back_no_interrupt`), never
            // before the code's start (else it runs and raises there).
            Some(&(JUMP_BACKWARD_NO_INTERRUPT, a)) if a as usize <= ip + 2 => {
                (ip + 2 - a as usize, true)
            }
            _ => (ip + 1, true),
        },
        _ => (ip, true),
    }
}

/// Resume the exact generator on top of the value stack from the eval loop (FOR_ITER, and
/// SEND once it popped the value sent: 3.12's FOR_ITER_GEN and SEND_GEN): its frame is
/// pushed as an ordinary, non-entry frame with `value` as the result of the yield it
/// stopped at, and the loop runs it without recursing. `Ok(false)`: not an exact
/// generator, or running or finished; nothing was done and the caller takes the generic
/// path (which raises or reports exhaustion). The generator is cloned once (that reference
/// becomes the frame's `generator`).
///
/// Protocol with the loop (`eval/mod.rs`): the resuming frame's `lasti` is its FOR_ITER or
/// SEND and its `ip` the instruction's exit target. A YIELD_VALUE of the generator frame
/// ([`suspend`]) sets the caller's `ip` back to `lasti + 1` and pushes the value; a
/// RETURN_VALUE pops the iterator (FOR_ITER: the value is dropped; SEND: the value replaces
/// it) and the caller continues at its exit target; an exception leaving the generator
/// frame goes through [`error_leaving`] in `unwind`.
pub fn resume_inline(vm: &mut Vm, value: &Value) -> PyResult<bool> {
    let g = match vm.thread.stack.last() {
        Some(Some(Value::Obj(g))) if matches!(&g.payload, Payload::Generator(gd) if gd.plain) => {
            g.clone()
        }
        _ => return Ok(false),
    };
    let Payload::Generator(gd) = &g.payload else {
        return Ok(false);
    };
    if gd.running.get() {
        return Ok(false);
    }
    let mut saved = gd.frame.borrow_mut();
    let Some(frame) = saved.as_ref() else {
        return Ok(false);
    };
    let breaker = vm
        .interp
        .eval_breaker
        .load(std::sync::atomic::Ordering::Relaxed);
    let (ip, push) = match crate::code::as_code(&frame.code) {
        Some(co) => resume_target(&co.units, frame.ip, breaker),
        None => (frame.ip, true),
    };
    vm.enter_recursion("")?;
    let t = &mut vm.thread;
    let (fast_base, stack_base) = load_values(t, gd);
    if push {
        t.stack.push(Some(value.clone()));
    }
    gd.running.set(true);
    gd.started.set(true);
    // Pushed as it was saved, then patched in place (setting the fields on the moved
    // value first made the generated code copy the 11-word record once more).
    push_saved(&mut t.frames, &mut saved);
    drop(saved);
    if let Some(f) = t.frames.last_mut() {
        f.fast_base = fast_base;
        f.stack_base = stack_base;
        f.ip = ip;
        f.set_entry(false);
        // A saved record owns no generator (`suspend` took it): nothing to drop.
        debug_assert!(f.generator.is_none());
        std::mem::forget(f.generator.replace(g));
    }
    Ok(true)
}

/// Move a generator's saved record onto the frame stack, out of line so that the push is
/// inlined here and reads the record where it was saved: `Vec::push` called out of line
/// from `resume_inline` read it from a spill slot written as 8 + 80 bytes (the
/// `Option<Frame>` taken) with 16-byte loads at other offsets, which cannot be
/// store-forwarded.
#[inline(never)]
fn push_saved(frames: &mut Vec<Frame>, saved: &mut Option<Frame>) {
    if let Some(f) = saved.take() {
        crate::eval::call::push_record(frames, f);
    }
}

/// YIELD_VALUE: move the generator's frame back into its generator object (its record
/// into `frame`, its localsplus into `fast`, its value stack into `stack`). Returns whether
/// the frame was an entry frame (resumed from Rust).
///
/// A generator consumed by [`drive`] stays where it lies (an entry frame: the driver gets
/// the value and re-enters the loop in it), unless a finalizer is due: `__del__` must not
/// run above a paused frame, so then it is suspended as any other.
pub fn suspend(vm: &mut Vm) -> bool {
    let t = &mut vm.thread;
    let Some(f) = t.frames.last_mut() else {
        return true;
    };
    let entry = f.entry();
    if entry {
        if let Some(Payload::Generator(gd)) = f.generator.as_ref().map(|g| &g.payload) {
            if gd.driven.get() {
                if !crate::finalize::pending() {
                    return true;
                }
                gd.driven.set(false);
            }
        }
    }
    // Taken, not cloned: the record stored below must not own its generator (a cycle).
    let Some(g) = f.generator.take() else {
        crate::eval::call::pop_frame(vm);
        return entry;
    };
    let (fast_base, stack_base) = (f.fast_base, f.stack_base);
    if let Payload::Generator(gd) = &g.payload {
        gd.running.set(false);
        save_values(t, gd, fast_base, stack_base);
        let mut saved = gd.frame.borrow_mut();
        // `frame` is `None` while the generator runs (resume took it): storing into it
        // drops nothing, so skip the drop call (were it not `None`, its frame would leak,
        // never be freed twice).
        debug_assert!(saved.is_none());
        std::mem::forget(std::mem::replace(&mut *saved, t.frames.pop()));
    } else {
        t.frames.pop();
    }
    vm.leave_recursion();
    entry
}

/// Move a suspended generator's localsplus onto the thread's `fast` (popped from the
/// end of `gd.fast`: the first slot first).
#[inline(always)]
fn move_fast_in(t: &mut crate::vm::ThreadState, gd: &GenData) {
    let mut saved = gd.fast.borrow_mut();
    while let Some(v) = saved.pop() {
        t.fast.push(v);
    }
}

/// Move `gd`'s saved localsplus and value stack onto the thread's stacks (the inverse of
/// [`save_values`]); the new frame's `fast_base` and `stack_base`.
#[inline(always)]
fn load_values(t: &mut crate::vm::ThreadState, gd: &GenData) -> (usize, usize) {
    let fast_base = t.fast.len();
    move_fast_in(t, gd);
    let stack_base = t.stack.len();
    // Saved top first: popped from the end, bottom first.
    let mut saved = gd.stack.borrow_mut();
    while let Some(v) = saved.pop() {
        t.stack.push(v);
    }
    (fast_base, stack_base)
}

/// Move the top frame's localsplus window (from `fast_base`) and value stack (from
/// `stack_base`) out of the thread's stacks into `gd` (allocation-free after the first
/// suspension: the vectors keep their capacity).
#[inline(always)]
fn save_values(t: &mut crate::vm::ThreadState, gd: &GenData, fast_base: usize, stack_base: usize) {
    {
        let mut saved = gd.fast.borrow_mut();
        while t.fast.len() > fast_base {
            if let Some(v) = t.fast.pop() {
                saved.push(v);
            }
        }
    }
    let mut saved = gd.stack.borrow_mut();
    while t.stack.len() > stack_base {
        if let Some(v) = t.stack.pop() {
            saved.push(v);
        }
    }
}

/// RETURN_GENERATOR: move the current frame into a new generator object. Returns the
/// generator and whether the frame was an entry frame.
pub fn make(vm: &mut Vm) -> Option<(Value, bool)> {
    let f = vm.thread.frames.pop()?;
    let fast = RefCell::new(Vec::new());
    let stack = RefCell::new(Vec::new());
    let entry = f.entry();
    let code = f.code.clone();
    let (name, qualname) = match crate::code::as_code(&code) {
        Some(co) => (
            co.name_str(),
            Value::Obj(co.qualname.clone())
                .as_str()
                .map(|s| s.as_rust().into_owned())
                .unwrap_or_default(),
        ),
        None => (String::new(), String::new()),
    };
    let ty = crate::types::coroutine::type_for_code(vm, &code);
    let gd = GenData {
        frame: RefCell::new(None),
        fast,
        stack,
        running: Cell::new(false),
        plain: ty.is(&vm.types.generator),
        driven: Cell::new(false),
        acc: Cell::new(Acc::Off),
        finished: Cell::new(false),
        started: Cell::new(false),
        name,
        qualname,
        code: code.clone(),
        origin_or_finalizer: RefCell::new(None),
        hooks_inited: Cell::new(false),
    };
    save_values(&mut vm.thread, &gd, f.fast_base, f.stack_base);
    *gd.frame.borrow_mut() = Some(f);
    vm.leave_recursion();
    if vm.thread.sys_hooks.coroutine_origin_depth > 0 && ty.is(&vm.types.coroutine) {
        *gd.origin_or_finalizer.borrow_mut() = crate::builtins::sys_runtime::coroutine_origin(vm);
    }
    let g = vm.alloc(&ty, Payload::Generator(Box::new(gd)));
    Some((Value::Obj(g), entry))
}

/// The error that leaves a generator's frame (it finished): a StopIteration (an async
/// generator's StopAsyncIteration) raised inside becomes a RuntimeError (PEP 479).
pub fn error_leaving(vm: &mut Vm, g: &PyRef, e: PyErr) -> PyErr {
    let kind = kind_name(vm, g);
    let stop_async =
        kind == "async generator" && vm.err_matches(&e, &vm.types.stop_async_iteration.clone());
    if stop_async || vm.err_matches(&e, &vm.types.stop_iteration.clone()) {
        let what = if stop_async {
            "StopAsyncIteration"
        } else {
            "StopIteration"
        };
        let r = vm.runtime_error(format!("{kind} raised {what}"));
        crate::eval::exceptions::set_context(vm, &r, Some(Value::Obj(e.0.clone())));
        if let Some(d) = crate::types::exceptions::exc_data(&r.0) {
            *d.cause.borrow_mut() = Some(Value::Obj(e.0));
            d.suppress_context.set(true);
        }
        return r;
    }
    e
}

/// How [`drive`] ended.
pub enum Driven {
    /// The generator is not an exact, suspended generator: nothing was done; the caller
    /// takes the generic `next()` loop.
    NotDriven,
    /// The generator finished (returned).
    Exhausted,
    /// The consumer handed back this item (it needs code that may run Python, which must
    /// not run above the paused frame): the generator is suspended as after any yield,
    /// and the caller goes on generically with the item, then `next()`.
    Stopped(Value),
}

/// An accumulator a driven generator's YIELD_VALUE updates in place, without leaving the
/// loop, for the items it can take (machine ints and floats): `sum` and `min`/`max`
/// without a key. Any other item leaves the loop for the driver's `consume` as before.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Acc {
    /// Every item goes to `consume`.
    Off,
    /// `sum` of machine ints (an item that would overflow goes to `consume`).
    SumInt(i64),
    SumFloat(f64),
    /// `min` (`max: false`) or `max` of machine ints or floats: nothing seen yet.
    Best {
        max: bool,
    },
    /// The best machine int so far.
    BestInt {
        max: bool,
        best: i64,
    },
    /// The best float so far (IEEE comparisons, as `float_richcompare`: NaN is never
    /// better, a first NaN stays).
    BestFloat {
        max: bool,
        best: f64,
    },
}

impl Acc {
    /// The accumulator after taking `v`, or `None` if it cannot take it.
    #[inline(always)]
    pub fn take(self, v: &Value) -> Option<Acc> {
        Some(match (self, v) {
            (Acc::SumInt(a), Value::Int(b)) => Acc::SumInt(a.checked_add(*b)?),
            (Acc::SumFloat(a), Value::Float(b)) => Acc::SumFloat(a + b),
            (Acc::Best { max }, Value::Int(b)) => Acc::BestInt { max, best: *b },
            (Acc::Best { max }, Value::Float(b)) => Acc::BestFloat { max, best: *b },
            (Acc::BestInt { max, best }, Value::Int(b)) => {
                let better = if max { *b > best } else { *b < best };
                Acc::BestInt {
                    max,
                    best: if better { *b } else { best },
                }
            }
            (Acc::BestFloat { max, best }, Value::Float(b)) => {
                let better = if max { *b > best } else { *b < best };
                Acc::BestFloat {
                    max,
                    best: if better { *b } else { best },
                }
            }
            _ => return None,
        })
    }
}

/// YIELD_VALUE of `v` by the frame on top: when it is a generator driven with an
/// accumulator ([`drive_acc`]) that takes `v`, the item is consumed here and `None` is
/// returned (the loop pushes the yield's result, None, and goes on in the same frame: no
/// return to the driver and re-entry of the loop per item). Not when a finalizer is
/// due (`__del__` must not run above a paused frame: the ordinary path suspends it).
#[inline(always)]
pub fn absorb(vm: &Vm, v: Value) -> Option<Value> {
    let Some(Some(g)) = vm.thread.frames.last().map(|f| &f.generator) else {
        return Some(v);
    };
    let Payload::Generator(gd) = &g.payload else {
        return Some(v);
    };
    let acc = gd.acc.get();
    if acc == Acc::Off || crate::finalize::pending() {
        return Some(v);
    }
    match acc.take(&v) {
        Some(a) => {
            gd.acc.set(a);
            None
        }
        None => Some(v),
    }
}

/// [`drive`] with an accumulator: the generator's YIELD_VALUE updates `acc` in place for
/// the items it takes ([`absorb`]); `consume` gets the others with the accumulator as it
/// stands, and may update it.
pub fn drive_acc(
    vm: &mut Vm,
    it: &Value,
    acc: &mut Acc,
    mut consume: impl FnMut(&mut Vm, &mut Acc, Value) -> PyResult<Option<Value>>,
) -> PyResult<Driven> {
    drive_impl(vm, it, acc, |vm, a, v| consume(vm, a, v))
}

/// Consume the items of an exact generator `g` in one loop entry: its frame is loaded
/// once and stays on the frame stack between items ([`suspend`] leaves a driven
/// generator's frame in place at YIELD_VALUE), so an item costs the generator's own
/// bytecode plus a return to here and a re-entry of the loop — not a resume and a
/// suspension moving the frame record and every local out and back.
///
/// Contract for `consume` (why the paused frame is safe): it runs no Python code and
/// touches no frame (pure Rust work on the item: add machine ints, push to a vector,
/// truth of a builtin value). Anything else returns `Ok(Some(item))`: the generator is
/// suspended properly and the caller handles the item generically. An `Err` from
/// `consume` suspends the generator too. A finalizer due at a yield suspends it as well
/// ([`suspend`]), so `__del__` never runs above a paused frame; the driver then
/// resumes it the ordinary way.
pub fn drive(
    vm: &mut Vm,
    it: &Value,
    mut consume: impl FnMut(&mut Vm, Value) -> PyResult<Option<Value>>,
) -> PyResult<Driven> {
    drive_impl(vm, it, &mut Acc::Off, |vm, _, v| consume(vm, v))
}

fn drive_impl(
    vm: &mut Vm,
    it: &Value,
    acc: &mut Acc,
    mut consume: impl FnMut(&mut Vm, &mut Acc, Value) -> PyResult<Option<Value>>,
) -> PyResult<Driven> {
    let Value::Obj(g) = it else {
        return Ok(Driven::NotDriven);
    };
    let Some(gd) = gdata(g) else {
        return Ok(Driven::NotDriven);
    };
    if !gd.plain || gd.running.get() || gd.frame.borrow().is_none() {
        return Ok(Driven::NotDriven);
    }
    loop {
        // Paused on the frame stack (after a driven yield) or suspended (first item, or
        // a finalizer was due at the last yield).
        let suspended = gd.frame.borrow().is_some();
        if suspended {
            let Some(frame) = gd.frame.borrow_mut().take() else {
                return Ok(Driven::Exhausted);
            };
            if let Err(e) = vm.enter_recursion("") {
                *gd.frame.borrow_mut() = Some(frame);
                return Err(e);
            }
            load_frame(vm, g, gd, frame, Some(Value::None), true);
        } else {
            // The value `yield` evaluates to (or skipped with the POP_TOP that would drop
            // it: `resume_target`).
            let breaker = vm
                .interp
                .eval_breaker
                .load(std::sync::atomic::Ordering::Relaxed);
            let mut push = true;
            if let Some(f) = vm.thread.frames.last_mut() {
                if let Some(co) = crate::code::as_code(&f.code) {
                    let (ip, p) = resume_target(&co.units, f.ip, breaker);
                    f.ip = ip;
                    push = p;
                }
            }
            if push {
                vm.thread.stack.push(Some(Value::None));
            }
        }
        gd.driven.set(true);
        gd.acc.set(*acc);
        let r = crate::eval::run_frame(vm, None);
        // Off outside this loop entry: a later resume (inline, `next()`) absorbs nothing.
        *acc = gd.acc.replace(Acc::Off);
        match r {
            Ok(crate::eval::Exit::Yield(v)) => {
                let paused = gd.frame.borrow().is_none();
                let r = consume(vm, acc, v);
                if let (true, Ok(None)) = (paused, &r) {
                    continue;
                }
                if paused {
                    suspend_paused(vm);
                }
                match r {
                    Ok(None) => {}
                    Ok(Some(item)) => return Ok(Driven::Stopped(item)),
                    Err(e) => return Err(e),
                }
            }
            Ok(crate::eval::Exit::Return(_)) => {
                gd.driven.set(false);
                gd.running.set(false);
                gd.finished.set(true);
                return Ok(Driven::Exhausted);
            }
            Err(e) => {
                gd.driven.set(false);
                gd.running.set(false);
                gd.finished.set(true);
                return Err(error_leaving(vm, g, e));
            }
        }
    }
}

/// Suspend the driven generator whose frame is paused on top of the frame stack (as
/// YIELD_VALUE does for any other generator).
fn suspend_paused(vm: &mut Vm) {
    if let Some(g) = vm.thread.frames.last().and_then(|f| f.generator.as_ref()) {
        if let Payload::Generator(gd) = &g.payload {
            gd.driven.set(false);
        }
    }
    suspend(vm);
}

/// All items of an exact generator, collected in one loop entry ([`drive`]); `None` when
/// `it` is not one (the caller iterates generically).
pub fn try_collect(vm: &mut Vm, it: &Value) -> PyResult<Option<Vec<Value>>> {
    let mut out = Vec::new();
    match drive(vm, it, |_, v| {
        out.push(v);
        Ok(None)
    })? {
        Driven::NotDriven => Ok(None),
        Driven::Exhausted => Ok(Some(out)),
        // `consume` never stops.
        Driven::Stopped(v) => {
            out.push(v);
            while let Some(x) = vm.next(it)? {
                out.push(x);
            }
            Ok(Some(out))
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
    let started = gdata(&g).is_some_and(|d| d.frame.borrow().as_ref().is_some_and(|f| f.lasti > 0));
    if !started && !matches!(args.pos[1], Value::None) {
        let k = kind_name(vm, &g);
        return Err(vm.type_error(format!("can't send non-None value to a just-started {k}")));
    }
    match resume(vm, &g, args.pos[1].clone(), None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(stop_iteration_with(vm, r)),
    }
}

/// `_PyGen_yf`: the iterator a suspended `yield from`/`await` delegates to (the top of
/// the saved stack when the next instruction is `RESUME 2|3`).
pub fn yield_from_target(g: &PyRef) -> Option<Value> {
    let gd = gdata(g)?;
    let frame = gd.frame.borrow();
    let f = frame.as_ref()?;
    if f.lasti == 0 && f.ip == 0 {
        return None;
    }
    let co = crate::code::as_code(&f.code)?;
    let (op, arg) = *co.units.get(f.ip)?;
    if op != pyrs_bytecode::opnum::RESUME || arg < 2 {
        return None;
    }
    gd.stack.borrow().first().cloned().flatten()
}

/// Pop the top of a suspended generator's saved value stack (never its localsplus).
fn pop_saved(gd: &GenData) -> Option<Value> {
    let mut stack = gd.stack.borrow_mut();
    if stack.is_empty() {
        None
    } else {
        stack.remove(0)
    }
}

/// After the delegate of a suspended `yield from` finished (raised StopIteration with
/// `value`) during a throw: pop it and continue at the SEND's exit (CPython's "Termination
/// repetition of SEND loop" in `_gen_throw`).
fn finish_yield_from(vm: &mut Vm, g: &PyRef, value: Value) -> PyResult<Result<Value, Value>> {
    if let Some(gd) = gdata(g) {
        if let Some(f) = gd.frame.borrow_mut().as_mut() {
            pop_saved(gd);
            let send_at = f.ip.saturating_sub(2);
            if let Some(co) = crate::code::as_code(&f.code) {
                let (op, arg) = co.units.get(send_at).copied().unwrap_or((0, 0));
                if op == pyrs_bytecode::opnum::SEND {
                    f.ip = send_at + 1 + arg as usize;
                    f.lasti = send_at;
                }
            }
        }
    }
    resume(vm, g, value, None)
}

/// `gen.throw(exc)`, delegated to the `yield from` target first (`_gen_throw`).
pub fn gen_throw(vm: &mut Vm, g: &PyRef, e: PyErr) -> PyResult<Result<Value, Value>> {
    let genexit = vm.types.generator_exit.clone();
    if let Some(yf) = yield_from_target(g) {
        if vm.err_matches(&e, &genexit) {
            // Close the delegate, then raise GeneratorExit (or what closing raised) here.
            let gd = gdata(g);
            gd.map(|d| d.running.set(true));
            let r = close_iter(vm, &yf);
            gd.map(|d| d.running.set(false));
            return match r {
                Ok(()) => resume(vm, g, Value::None, Some(e)),
                Err(e2) => resume(vm, g, Value::None, Some(e2)),
            };
        }
        let r = match yf.as_obj().filter(|o| gdata(o).is_some()) {
            Some(inner) => {
                let inner = inner.clone();
                let gd = gdata(g);
                gd.map(|d| d.running.set(true));
                let r = gen_throw(vm, &inner, e);
                gd.map(|d| d.running.set(false));
                match r {
                    Ok(Ok(v)) => return Ok(Ok(v)),
                    Ok(Err(v)) => Err(stop_iteration_with(vm, v)),
                    Err(x) => Err(x),
                }
            }
            None => {
                let n = vm.intern("throw");
                match crate::object::attr::getattr_opt(vm, &yf, &n)? {
                    None => return resume(vm, g, Value::None, Some(e)),
                    Some(m) => {
                        let ev = Value::Obj(e.0.clone());
                        vm.call(&m, vec![ev])
                    }
                }
            }
        };
        return match r {
            Ok(v) => Ok(Ok(v)),
            Err(x) if vm.err_matches(&x, &vm.types.stop_iteration.clone()) => {
                let v = crate::types::exceptions::exc_args(&x.0)
                    .into_iter()
                    .next()
                    .unwrap_or(Value::None);
                finish_yield_from(vm, g, v)
            }
            Err(x) => {
                // The delegate raised: pop it and raise in this frame.
                if let Some(gd) = gdata(g) {
                    if gd.frame.borrow().is_some() {
                        let old = pop_saved(gd);
                        gd.stack.borrow_mut().insert(0, Some(Value::None));
                        drop(old);
                    }
                }
                resume(vm, g, Value::None, Some(x))
            }
        };
    }
    resume(vm, g, Value::None, Some(e))
}

/// `gen_close_iter`: close a `yield from` delegate.
fn close_iter(vm: &mut Vm, yf: &Value) -> PyResult<()> {
    if let Some(inner) = yf.as_obj().filter(|o| gdata(o).is_some()) {
        let inner = inner.clone();
        return gen_close(vm, &inner).map(|_| ());
    }
    let n = vm.intern("close");
    if let Some(m) = crate::object::attr::getattr_opt(vm, yf, &n)? {
        vm.call(&m, vec![])?;
    }
    Ok(())
}

fn throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "throw", 2, 4)?;
    let g = this(vm, &args)?;
    let e = match args.pos.get(2).filter(|v| !matches!(v, Value::None)) {
        // throw(type, value): the type called with the value (or the value itself).
        Some(val) if args.pos[1].as_type().is_some() => {
            if vm.isinstance(val, args.pos[1].as_obj().unwrap_or(&g)) {
                PyErr(val.as_obj().cloned().unwrap_or_else(|| g.clone()))
            } else {
                let inst = vm.call(&args.pos[1], vec![val.clone()])?;
                crate::eval::exceptions::make_exception(vm, &inst)?
            }
        }
        _ => crate::eval::exceptions::make_exception(vm, &args.pos[1])?,
    };
    match gen_throw(vm, &g, e)? {
        Ok(v) => Ok(v),
        Err(r) => Err(stop_iteration_with(vm, r)),
    }
}

/// `gen.close()`.
pub fn gen_close(vm: &mut Vm, g: &PyRef) -> PyResult<Value> {
    // Running (its frame is out of the generator): `close()` from its own code.
    if gdata(g).is_some_and(|d| d.running.get()) {
        return Err(vm.value_error(format!("{} already executing", kind_name(vm, g))));
    }
    if gdata(g).is_some_and(|d| d.frame.borrow().is_none()) {
        return Ok(Value::None);
    }
    let t = vm.types.generator_exit.clone();
    let e = PyErr(crate::types::exceptions::new_exception(vm, &t, vec![]));
    match gen_throw(vm, g, e) {
        Ok(Ok(_)) => {
            let what = kind_name(vm, g);
            Err(vm.runtime_error(format!("{what} ignored GeneratorExit")))
        }
        Ok(Err(_)) => Ok(Value::None),
        Err(e) if vm.err_matches(&e, &vm.types.generator_exit.clone()) => Ok(Value::None),
        Err(e) if vm.err_matches(&e, &vm.types.stop_iteration.clone()) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

/// "generator", "coroutine" or "async generator", for messages.
pub fn kind_name(vm: &Vm, g: &PyRef) -> &'static str {
    crate::types::coroutine::kind_name(vm, g)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    gen_close(vm, &g)
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

/// A coroutine has the generator methods but is neither iterable nor an iterator.
pub const COROUTINE_METHODS: &[(&str, NativeFn)] =
    &[("send", send), ("throw", throw), ("close", close)];
