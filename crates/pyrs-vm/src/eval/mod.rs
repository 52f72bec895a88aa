//! The interpreter loop (CPython: `Python/ceval.c` `_PyEval_EvalFrameDefault`, 3.11).
//!
//! A dispatcher: each arm decodes its operands and either does a one-line stack operation
//! or calls a handler in a themed file (`call.rs`, `exceptions.rs`, `build.rs`, `names.rs`).
//! Python-to-Python calls and returns switch frames inside the loop (`continue 'frame`);
//! only calls from Rust (builtins calling back into Python) re-enter [`run_frame`].
//!
//! Invariants: the current frame is `thread.frames.last()`; `ip` (next code unit) and
//! `lasti` (code unit of the current instruction) are kept in locals and written back to
//! the frame before anything that can look at them (a call that pushes a frame, an error,
//! a yield). The value stack's pointer is the local `sp` while the frame runs: the fast
//! arms use it directly (stack *detached*), the general arms run after `sync!()` wrote it
//! back (*attached*) and `reload!()` it after (vm.md, "Frames and the calling
//! convention"; debug builds assert the mode). Instructions are read from the code
//! object's own `units`; the 11 opcodes
//! with CACHE units skip them in their own arm (`INLINE_CACHES`). Fast arms (3.11's
//! specializations, done by type tests at run time rather than by rewriting the code):
//! int/float BINARY_OP in place on the stack, COMPARE_OP fused with a following
//! POP_JUMP_IF, LOAD_FAST pairs, FOR_ITER over range/list/generator, Python-to-Python
//! CALL with exact positional arguments (`call.rs`).

pub mod build;
pub mod call;
pub mod call_native;
pub mod exceptions;
pub mod inline;
pub mod names;
pub mod pattern;
#[cfg(test)]
mod tests;

use crate::code::as_code;
use crate::object::{Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};
use pyrs_bytecode::opnum::*;
use std::sync::atomic::Ordering;

/// How an entry frame left the loop.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// CACHE units after the opcodes that have them (3.11's `opcode._inline_cache_entries`;
/// every other base opcode has none). Each of these arms skips its units with `skip!`.
pub const INLINE_CACHES: [(u8, usize); 11] = [
    (BINARY_SUBSCR, 4),
    (STORE_SUBSCR, 1),
    (UNPACK_SEQUENCE, 1),
    (STORE_ATTR, 4),
    (LOAD_ATTR, 4),
    (COMPARE_OP, 2),
    (LOAD_GLOBAL, 5),
    (BINARY_OP, 1),
    (LOAD_METHOD, 10),
    (PRECALL, 1),
    (CALL, 4),
];

/// The CACHE count of `op` from [`INLINE_CACHES`] (a constant in each arm).
#[inline(always)]
const fn inline_caches(op: u8) -> usize {
    let mut i = 0;
    while i < INLINE_CACHES.len() {
        if INLINE_CACHES[i].0 == op {
            return INLINE_CACHES[i].1;
        }
        i += 1;
    }
    0
}

/// Run the frame on top of the frame stack (an entry frame) until it returns or yields.
/// `throw` raises an exception in it first (generator `throw`).
pub fn run_frame(vm: &mut Vm, throw: Option<PyErr>) -> PyResult<Exit> {
    let mut pending = throw;
    loop {
        let r = match pending.take() {
            Some(e) => Err(e),
            None => execute(vm),
        };
        match r {
            Ok(exit) => {
                drain_finalizers(vm);
                return Ok(exit);
            }
            Err(e) => {
                if let Some(e) = exceptions::unwind(vm, e)? {
                    drain_finalizers(vm);
                    return Err(e);
                }
            }
        }
    }
}

/// Back to Rust code: the finalizers of what the frame dropped on its way out run now,
/// not at the next instruction of some Python frame after the Rust caller is done (as
/// CPython, which runs them when the frame is freed; `print(obj)` whose `__str__` drops
/// an object prints the `__del__` output first).
#[inline(always)]
fn drain_finalizers(vm: &mut Vm) {
    if crate::finalize::pending() {
        crate::finalize::run_pending(vm);
    }
}

/// Run the due finalizers with the current frame's `ip`/`lasti` saved (out of line: the
/// loop's hot path keeps only the flag test).
#[cold]
#[inline(never)]
fn finalize_at(vm: &mut Vm, ip: usize, lasti: usize) {
    if let Some(f) = vm.thread.frames.last_mut() {
        f.ip = ip;
        f.lasti = lasti;
    }
    crate::finalize::run_pending(vm);
}

#[inline(always)]
fn pop(vm: &mut Vm) -> Value {
    vm.thread.stack.pop().flatten().unwrap_or(Value::None)
}

#[inline(always)]
fn push(vm: &mut Vm, v: Value) {
    vm.thread.stack.push(Some(v));
}

#[inline(always)]
fn top(vm: &Vm) -> Value {
    vm.thread
        .stack
        .last()
        .cloned()
        .flatten()
        .unwrap_or(Value::None)
}

/// Stack item `n` from the top (1 is the top).
#[inline(always)]
fn peek(vm: &Vm, n: usize) -> Option<Value> {
    let len = vm.thread.stack.len();
    if n == 0 || n > len {
        return None;
    }
    vm.thread.stack[len - n].clone()
}

/// The target of a backward jump; a target before the code's start (hostile bytecode)
/// is a SystemError rather than a wrap-around.
/// Backward jumps test the eval breaker (a pending SIGINT, `signals.rs`) as 3.11's do,
/// except JUMP_BACKWARD_NO_INTERRUPT.
#[inline(always)]
fn jump_back(vm: &mut Vm, ip: usize, arg: u32) -> PyResult<usize> {
    if vm.interp.eval_breaker.load(Ordering::Relaxed) {
        crate::signals::check(vm)?;
    }
    jump_back_no_interrupt(vm, ip, arg)
}

#[inline(always)]
fn jump_back_no_interrupt(vm: &mut Vm, ip: usize, arg: u32) -> PyResult<usize> {
    match ip.checked_sub(arg as usize) {
        Some(t) => Ok(t),
        None => Err(jump_error(vm)),
    }
}

#[cold]
fn jump_error(vm: &mut Vm) -> PyErr {
    vm.system_error("jump before the start of the code object")
}

/// COMPARE_OP's operator `arg` (0 `<` .. 5 `>=`) on two ints or two floats (IEEE
/// comparisons, as `float_richcompare` on two floats: NaN is unequal to everything).
#[inline(always)]
fn compare_op<T: PartialOrd>(arg: u32, x: &T, y: &T) -> bool {
    match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

#[cold]
#[inline(never)]
fn unbound_local(vm: &mut Vm, co: &crate::code::Code, arg: u32) -> PyErr {
    let name = names::localsplus_name(co, arg as usize);
    let ty = vm.types.unbound_local_error.clone();
    vm.new_error(
        &ty,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn execute(vm: &mut Vm) -> PyResult<Exit> {
    // The running frame's code, held by the loop so that `co` stays valid whatever the
    // arms do to the frame stack. Kept across a frame switch to a frame running the same
    // code (recursion): no count change then.
    let mut code_ref: Option<crate::object::PyRef> = None;
    'frame: loop {
        // Finalizers made due by the return or call that switched frames (see the check
        // after the dispatch); the frames' `ip`/`lasti` are already saved.
        drain_finalizers(vm);
        let Some(f) = vm.thread.frames.last() else {
            return Err(vm.system_error("no frame to execute"));
        };
        if !code_ref.as_ref().is_some_and(|c| c.is(&f.code)) {
            code_ref = Some(f.code.clone());
        }
        let mut ip = f.ip;
        // Set at each instruction before anything can read it.
        let mut lasti: usize;
        let fast_base = f.fast_base;
        let Some(co) = code_ref.as_ref().and_then(as_code) else {
            return Err(vm.system_error("frame without a code object"));
        };
        let units = &co.units[..];
        // Keyword names set by KW_NAMES for the next CALL of this frame (KW_NAMES,
        // PRECALL and CALL are consecutive: no frame switch or error between them).
        let mut kwnames: Option<Value> = None;
        // The value stack's pointer lives in this local while the frame runs (a register
        // instead of a load and a store through `vm` per push/pop). Invariant: at the
        // top of the dispatch loop and in the fast arms the stack is *detached*
        // (`sp` is the truth, `ValueStack::*_at` only); the general arms run *attached*
        // (`sync!()` wrote `sp` back, anything may use `vm.thread.stack`) and `reload!()`
        // after; frame switches (`continue 'frame`) and returns leave attached. Debug
        // builds assert the mode in every `ValueStack` method.
        let mut sp = vm.thread.stack.detach();
        macro_rules! sync {
            () => {
                vm.thread.stack.attach(sp)
            };
        }
        macro_rules! reload {
            () => {
                sp = vm.thread.stack.detach()
            };
        }
        macro_rules! fpush {
            ($v:expr) => {{
                let v = $v;
                vm.thread.stack.push_at(&mut sp, v)
            }};
        }
        macro_rules! save {
            () => {
                if let Some(f) = vm.thread.frames.last_mut() {
                    f.ip = ip;
                    f.lasti = lasti;
                }
            };
        }
        // `continue` after an instruction that may have released an object: finalizers
        // made due run first (plain `continue` skips the check after the dispatch).
        // `fnext_checked!` in the fast arms (detached); the general arms reach the check
        // after the dispatch (`next!` skips it; attached, it reloads the stack pointer).
        macro_rules! fnext_checked {
            () => {{
                if crate::finalize::pending() {
                    sync!();
                    finalize_at(vm, ip, lasti);
                    reload!();
                }
                continue;
            }};
        }
        macro_rules! next {
            () => {{
                reload!();
                continue;
            }};
        }
        // A backward jump from a fast arm: the eval breaker (a signal handler may run
        // Python code) and a target before the code's start are handled attached.
        macro_rules! fjump_back {
            ($arg:expr) => {{
                if vm.interp.eval_breaker.load(Ordering::Relaxed) {
                    sync!();
                    if let Err(e) = crate::signals::check(vm) {
                        save!();
                        return Err(e);
                    }
                    reload!();
                }
                match ip.checked_sub($arg as usize) {
                    Some(t) => ip = t,
                    None => {
                        sync!();
                        save!();
                        return Err(jump_error(vm));
                    }
                }
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        save!();
                        return Err(e);
                    }
                }
            };
        }
        loop {
            lasti = ip;
            let Some(&(op, a)) = units.get(ip) else {
                sync!();
                save!();
                return Err(vm.system_error("bytecode ran past the end of the code object"));
            };
            let mut arg = a as u32;
            ip += 1;
            let mut op = op;
            while op == EXTENDED_ARG {
                let Some(&(o2, a2)) = units.get(ip) else {
                    sync!();
                    save!();
                    return Err(vm.system_error("EXTENDED_ARG at the end of the code object"));
                };
                arg = (arg << 8) | a2 as u32;
                op = o2;
                lasti = ip;
                ip += 1;
            }
            // Opcodes with inline CACHE units skip them in their own arm (`skip!`), so
            // the other opcodes pay no table lookup; `INLINE_CACHES` lists the counts
            // and a test checks them against `opcode._inline_cache_entries`.
            let cache_at = ip;
            macro_rules! skip {
                ($op:expr) => {{
                    const N: usize = inline_caches($op);
                    ip += N;
                }};
            }
            // ---- Fast arms: the stack pointer is the local `sp` (detached). Each arm
            // either completes and `continue`s, or changes nothing and falls through to
            // the general arms below, which run attached (`sync!()` first).
            match op {
                NOP | CACHE => continue,
                RESUME => {
                    // The eval breaker at a function's start (not after a yield), as 3.11.
                    if !(arg < 2 && vm.interp.eval_breaker.load(Ordering::Relaxed)) {
                        continue;
                    }
                }
                LOAD_FAST => {
                    if let Some(Some(v)) = vm.thread.fast.get(fast_base + arg as usize) {
                        // LOAD_FAST + LOAD_ATTR (`p.x`): a cache hit reads the attribute
                        // of the local where it lies and pushes only the value (no
                        // dispatch, no count traffic on the object; nothing released).
                        if let Value::Obj(_) = v {
                            // The next opcode and its first CACHE unit (the slot number)
                            // with one bounds check.
                            match units.get(ip..ip + 2) {
                                Some(&[(LOAD_ATTR, _), unit]) => {
                                    if let Some(r) = inline::load_attr_hit_unit(vm, co, unit, v) {
                                        fpush!(Some(r));
                                        ip += 1 + inline_caches(LOAD_ATTR);
                                        continue;
                                    }
                                }
                                // LOAD_FAST + LOAD_METHOD (`p.m(...)`): the cached function
                                // and the local above it.
                                Some(&[(LOAD_METHOD, a2), unit]) => {
                                    let name = names::name_ref(co, a2 as usize);
                                    if let Some(f) =
                                        inline::load_method_hit_unit(vm, co, unit, v, name)
                                    {
                                        let v = v.clone();
                                        fpush!(Some(f));
                                        fpush!(Some(v));
                                        ip += 1 + inline_caches(LOAD_METHOD);
                                        continue;
                                    }
                                }
                                // LOAD_FAST + STORE_ATTR (`p.x = value`): a cache hit stores the
                                // value on top into the local's instance dict.
                                Some(&[(STORE_ATTR, _), unit]) => {
                                    if let (Some(s), Value::Obj(o), Some(Some(_))) = (
                                        inline::store_attr_slot_unit(vm, co, unit, v),
                                        v,
                                        vm.thread.stack.peek_at(sp, 1),
                                    ) {
                                        if let Some(Some(val)) = vm.thread.stack.pop_at(&mut sp) {
                                            match inline::store_attr_hit(s, o, val) {
                                                Ok(old) => {
                                                    drop(old);
                                                    lasti = ip;
                                                    ip += 1 + inline_caches(STORE_ATTR);
                                                    // The old value may have died.
                                                    fnext_checked!();
                                                }
                                                // Not the hinted entry: the value goes back,
                                                // the instructions run one by one.
                                                Err(val) => fpush!(Some(val)),
                                            }
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                        let v = v.clone();
                        fpush!(Some(v));
                        // LOAD_FAST pairs (3.11's LOAD_FAST__LOAD_FAST): the second runs
                        // here without a dispatch when its local is bound (an unbound one
                        // raises at its own dispatch).
                        if let Some(&(LOAD_FAST, a2)) = units.get(ip) {
                            if let Some(Some(v)) = vm.thread.fast.get(fast_base + a2 as usize) {
                                let v = v.clone();
                                fpush!(Some(v));
                                ip += 1;
                            }
                        }
                        continue;
                    }
                }
                STORE_FAST => {
                    let v = vm.thread.stack.pop_at(&mut sp).flatten();
                    match vm.thread.fast.get_mut(fast_base + arg as usize) {
                        Some(slot) => {
                            // Only an object's release can make a finalizer due.
                            match std::mem::replace(slot, v) {
                                Some(Value::Obj(o)) => drop(o),
                                _ => continue,
                            }
                        }
                        None => drop(v),
                    }
                    fnext_checked!();
                }
                LOAD_CONST => {
                    if let Some(v) = co.consts.get(arg as usize) {
                        fpush!(Some(v.clone()));
                        continue;
                    }
                }
                POP_TOP => match vm.thread.stack.pop_at(&mut sp) {
                    Some(Some(Value::Obj(o))) => {
                        drop(o);
                        fnext_checked!();
                    }
                    _ => continue,
                },
                PUSH_NULL => {
                    fpush!(None);
                    continue;
                }
                COPY => {
                    let n = arg as usize;
                    // COPY 1 + LOAD_ATTR (the read of `x.a += v`): a cache hit pushes the
                    // attribute of the object on top, which stays below it (no clone of
                    // the object, one dispatch fewer).
                    if n == 1 {
                        if let Some(&(LOAD_ATTR, _)) = units.get(ip) {
                            let hit = match vm.thread.stack.peek_at(sp, 1) {
                                Some(Some(o)) => inline::load_attr_hit(vm, co, ip + 1, o),
                                _ => None,
                            };
                            if let Some(r) = hit {
                                fpush!(Some(r));
                                ip += 1 + inline_caches(LOAD_ATTR);
                                continue;
                            }
                        }
                    }
                    let v = if n == 0 || n > sp {
                        None
                    } else {
                        vm.thread.stack.peek_at(sp, n).cloned().flatten()
                    };
                    fpush!(v);
                    continue;
                }
                SWAP => {
                    let n = arg as usize;
                    // SWAP 2 + STORE_ATTR (the write of `x.a += v`, stack `[x, v]`): a
                    // cache hit stores `v` into `x` without the swap and pops both.
                    if n == 2 {
                        if let Some(&(STORE_ATTR, _)) = units.get(ip) {
                            if let (Some(Some(o)), Some(Some(_))) = (
                                vm.thread.stack.peek_at(sp, 2),
                                vm.thread.stack.peek_at(sp, 1),
                            ) {
                                if let Some(s) = inline::store_attr_slot(vm, co, ip + 1, o) {
                                    if let Some(Some(val)) = vm.thread.stack.pop_at(&mut sp) {
                                        let r = match vm.thread.stack.peek_at(sp, 1) {
                                            Some(Some(Value::Obj(o))) => {
                                                inline::store_attr_hit(s, o, val)
                                            }
                                            _ => Err(val),
                                        };
                                        match r {
                                            Ok(old) => {
                                                drop(old);
                                                let o = vm.thread.stack.pop_at(&mut sp);
                                                drop(o);
                                                lasti = ip;
                                                ip += 1 + inline_caches(STORE_ATTR);
                                                // The old value or the object may have died.
                                                fnext_checked!();
                                            }
                                            // Not the hinted entry: the value goes back and
                                            // the instructions run one by one.
                                            Err(val) => fpush!(Some(val)),
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if n <= sp && n >= 1 {
                        vm.thread.stack.swap_at(sp, sp - 1, sp - n);
                    }
                    continue;
                }
                UNARY_NEGATIVE => {
                    // A float negated in its stack slot (`vel.x = -vel.x`).
                    if let Some(Some(Value::Float(f))) = vm.thread.stack.slot_at(sp, 1) {
                        *f = -*f;
                        continue;
                    }
                }
                BINARY_OP => {
                    // Int and float operands in place (3.11's BINARY_OP_ADD_INT,
                    // _MULTIPLY_FLOAT, ...): the result overwrites the operands' slots.
                    let quick = match vm.thread.stack.top2_at(sp) {
                        Some((Value::Int(x), Value::Int(y))) => match arg {
                            0 | 13 => x.checked_add(*y).map(Value::Int),
                            10 | 23 => x.checked_sub(*y).map(Value::Int),
                            5 | 18 => x.checked_mul(*y).map(Value::Int),
                            6 | 19 if *y > 0 && *x >= 0 => Some(Value::Int(x % y)),
                            2 | 15 if *y > 0 && *x >= 0 => Some(Value::Int(x / y)),
                            _ => None,
                        },
                        Some((Value::Float(x), Value::Float(y))) => match arg {
                            0 | 13 => Some(Value::Float(x + y)),
                            10 | 23 => Some(Value::Float(x - y)),
                            5 | 18 => Some(Value::Float(x * y)),
                            11 | 24 if *y != 0.0 => Some(Value::Float(x / y)),
                            _ => None,
                        },
                        _ => None,
                    };
                    if let Some(r) = quick {
                        vm.thread.stack.replace_top2_plain_at(&mut sp, r);
                        skip!(BINARY_OP);
                        continue;
                    }
                }
                COMPARE_OP => {
                    let t = match vm.thread.stack.top2_at(sp) {
                        Some((Value::Int(x), Value::Int(y))) => Some(compare_op(arg, x, y)),
                        Some((Value::Float(x), Value::Float(y))) => Some(compare_op(arg, x, y)),
                        _ => None,
                    };
                    if let Some(t) = t {
                        skip!(COMPARE_OP);
                        // COMPARE_OP + POP_JUMP_IF_TRUE/FALSE (3.11's COMPARE_OP_INT_JUMP
                        // and COMPARE_OP_FLOAT_JUMP): the bool never reaches the stack.
                        match units.get(ip).copied() {
                            Some((
                                nop @ (POP_JUMP_FORWARD_IF_FALSE
                                | POP_JUMP_FORWARD_IF_TRUE
                                | POP_JUMP_BACKWARD_IF_FALSE
                                | POP_JUMP_BACKWARD_IF_TRUE),
                                narg,
                            )) => {
                                vm.thread.stack.pop2_plain_at(&mut sp);
                                lasti = ip;
                                ip += 1;
                                let want = matches!(
                                    nop,
                                    POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE
                                );
                                if t != want {
                                    continue;
                                }
                                if matches!(
                                    nop,
                                    POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE
                                ) {
                                    ip += narg as usize;
                                    continue;
                                }
                                // A backward jump may run a signal handler: checked.
                                fjump_back!(narg as u32);
                                fnext_checked!();
                            }
                            _ => {
                                vm.thread
                                    .stack
                                    .replace_top2_plain_at(&mut sp, Value::Bool(t));
                                continue;
                            }
                        }
                    }
                }
                JUMP_FORWARD => {
                    ip += arg as usize;
                    continue;
                }
                JUMP_BACKWARD => {
                    fjump_back!(arg);
                    fnext_checked!();
                }
                POP_JUMP_FORWARD_IF_FALSE
                | POP_JUMP_FORWARD_IF_TRUE
                | POP_JUMP_BACKWARD_IF_FALSE
                | POP_JUMP_BACKWARD_IF_TRUE => {
                    // The truth of values that own nothing and run no `__bool__`.
                    let t = match vm.thread.stack.peek_at(sp, 1) {
                        Some(Some(Value::Bool(b))) => Some(*b),
                        Some(Some(Value::Int(i))) => Some(*i != 0),
                        Some(Some(Value::None)) => Some(false),
                        _ => None,
                    };
                    if let Some(t) = t {
                        vm.thread.stack.pop_at(&mut sp);
                        let want =
                            matches!(op, POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
                        if t != want {
                            continue;
                        }
                        if matches!(op, POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE) {
                            ip += arg as usize;
                            continue;
                        }
                        // A backward jump may have run a signal handler: checked.
                        fjump_back!(arg);
                        fnext_checked!();
                    }
                }
                FOR_ITER => {
                    // 3.11's FOR_ITER_RANGE / FOR_ITER_LIST: read through the stack slot,
                    // no reference count traffic on the iterator. `None`: not one of
                    // them; `Some(None)`: exhausted.
                    let quick = for_iter_quick(vm.thread.stack.peek_at(sp, 1));
                    match quick {
                        // An item from a range or list: nothing released.
                        Some(Some(v)) => {
                            fpush!(Some(v));
                            continue;
                        }
                        Some(None) => {
                            let it = vm.thread.stack.pop_at(&mut sp);
                            drop(it);
                            ip += arg as usize;
                            fnext_checked!();
                        }
                        None => {
                            // A generator: an exact one is resumed here, in this loop
                            // (3.12's FOR_ITER_GEN; protocol: `generator::resume_inline`),
                            // without the general arm's dispatch.
                            if let Some(Some(Value::Obj(g))) = vm.thread.stack.peek_at(sp, 1) {
                                if let Payload::Generator(_) = g.payload {
                                    sync!();
                                    if let Some(f) = vm.thread.frames.last_mut() {
                                        f.ip = ip + arg as usize;
                                        f.lasti = lasti;
                                    }
                                    if tri!(crate::types::generator::resume_inline(
                                        vm,
                                        &Value::None
                                    )) {
                                        continue 'frame;
                                    }
                                    reload!();
                                }
                            }
                        }
                    }
                }
                LOAD_GLOBAL => {
                    if let Some(v) = inline::load_global_hit(vm, co, cache_at) {
                        if arg & 1 == 1 {
                            fpush!(None);
                        }
                        fpush!(Some(v));
                        skip!(LOAD_GLOBAL);
                        continue;
                    }
                }
                LOAD_ATTR => {
                    // A cache hit overwrites the object in its stack slot (no pop, push).
                    let epoch = vm.type_epoch;
                    if let Some(slot) = vm.thread.stack.slot_at(sp, 1) {
                        let hit = match slot {
                            Some(o) => inline::load_attr_hit_in(epoch, co, cache_at, o),
                            None => None,
                        };
                        if let Some(v) = hit {
                            drop(std::mem::replace(slot, Some(v)));
                            skip!(LOAD_ATTR);
                            // The object may have died: its finalizer runs first.
                            fnext_checked!();
                        }
                    }
                }
                LOAD_METHOD => {
                    let name = names::name_ref(co, arg as usize);
                    // A cache hit puts the function in the object's slot and pushes the
                    // object back above it.
                    let hit = match vm.thread.stack.peek_at(sp, 1) {
                        Some(Some(o)) => inline::load_method_hit(vm, co, cache_at, o, name),
                        _ => None,
                    };
                    if let Some(f) = hit {
                        let o = vm
                            .thread
                            .stack
                            .slot_at(sp, 1)
                            .and_then(|slot| std::mem::replace(slot, Some(f)));
                        fpush!(o);
                        skip!(LOAD_METHOD);
                        continue;
                    }
                }
                PRECALL => {
                    if call::precall_at(&mut vm.thread.stack, sp, arg as usize) {
                        skip!(PRECALL);
                        continue;
                    }
                }
                // A comprehension's append (3.11's `_PyList_AppendTakeRef`): the value on
                // top moves into the list `arg` items below it. No code runs and nothing
                // is released (the list clone's drop leaves the stack's reference).
                LIST_APPEND if arg >= 1 => {
                    let list = match vm.thread.stack.peek_at(sp, arg as usize + 1) {
                        Some(Some(Value::Obj(l))) if matches!(l.payload, Payload::List(_)) => {
                            Some(l.clone())
                        }
                        _ => None,
                    };
                    if let Some(l) = list {
                        let v = vm.thread.stack.pop_at(&mut sp).flatten();
                        if let Payload::List(items) = &l.payload {
                            items.borrow_mut().push(v.unwrap_or(Value::None));
                        }
                        continue;
                    }
                }
                // CALL of a Python function with exactly its positional parameters: the
                // frame is pushed here, one dispatch fewer than through the general arm.
                CALL => {
                    if kwnames.is_none() {
                        sync!();
                        let at = ip;
                        skip!(CALL);
                        save!();
                        match call::push_simple_frame(vm, arg as usize) {
                            Ok(true) => continue 'frame,
                            Ok(false) => {}
                            Err(e) => return Err(e),
                        }
                        ip = at;
                        reload!();
                    }
                }
                _ => {}
            }
            // ---- General arms: the stack is attached (`vm.thread.stack` is current).
            sync!();
            // The opcode again, from `lasti` (the unit of the opcode proper, after any
            // EXTENDED_ARG; a fast arm that falls through has not moved it): `op` then
            // need not live through the fast arms, which frees a register there. (`lasti`
            // was read at the top of this dispatch, so the lookup cannot miss.)
            let op = units.get(lasti).map_or(NOP, |u| u.0);
            match op {
                NOP | CACHE => next!(),
                RESUME => {
                    // The eval breaker at a function's start (not after a yield), as 3.11.
                    if arg < 2 && vm.interp.eval_breaker.load(Ordering::Relaxed) {
                        tri!(crate::signals::check(vm));
                    } else {
                        next!();
                    }
                }
                LOAD_FAST => {
                    match vm.thread.fast.get(fast_base + arg as usize) {
                        Some(Some(v)) => push(vm, v.clone()),
                        _ => tri!(Err(unbound_local(vm, co, arg))),
                    }
                    // LOAD_FAST pairs (3.11's LOAD_FAST__LOAD_FAST superinstruction): the
                    // second runs here without a dispatch. `lasti` moves to it first, so
                    // an error names the right instruction.
                    if let Some(&(LOAD_FAST, a2)) = units.get(ip) {
                        lasti = ip;
                        ip += 1;
                        match vm.thread.fast.get(fast_base + a2 as usize) {
                            Some(Some(v)) => push(vm, v.clone()),
                            _ => tri!(Err(unbound_local(vm, co, a2 as u32))),
                        }
                    }
                    next!();
                }
                STORE_FAST => {
                    let v = pop(vm);
                    if let Some(slot) = vm.thread.fast.get_mut(fast_base + arg as usize) {
                        // Only an object's release can make a finalizer due.
                        match std::mem::replace(slot, Some(v)) {
                            Some(Value::Obj(o)) => drop(o),
                            _ => next!(),
                        }
                    }
                }
                DELETE_FAST => {
                    let old = vm
                        .thread
                        .fast
                        .get_mut(fast_base + arg as usize)
                        .and_then(|s| s.take());
                    if old.is_none() {
                        let name = names::localsplus_name(co, arg as usize);
                        tri!(Err(vm.new_error(
                            &vm.types.unbound_local_error.clone(),
                            format!("cannot access local variable '{name}' where it is not associated with a value")
                        )))
                    }
                }
                LOAD_CONST => match co.consts.get(arg as usize) {
                    Some(v) => {
                        push(vm, v.clone());
                        next!();
                    }
                    None => tri!(Err(vm.system_error("LOAD_CONST index out of range"))),
                },
                POP_TOP => match vm.thread.stack.pop() {
                    Some(Some(Value::Obj(o))) => drop(o),
                    _ => next!(),
                },
                PRINT_EXPR => {
                    // `compile(..., 'single')`: an expression statement's value goes to
                    // `sys.displayhook` (CPython's PRINT_EXPR).
                    let v = pop(vm);
                    save!();
                    let hook = crate::import::sys_attr(vm, "displayhook");
                    match hook {
                        Some(h) => {
                            tri!(call::call(
                                vm,
                                &h,
                                crate::types::function::Args::positional(vec![v])
                            ));
                        }
                        None => tri!(Err(vm.runtime_error("lost sys.displayhook"))),
                    }
                }
                PUSH_NULL => {
                    vm.thread.stack.push(None);
                    next!();
                }
                COPY => {
                    let v = peek(vm, arg as usize);
                    vm.thread.stack.push(v);
                    next!();
                }
                SWAP => {
                    let len = vm.thread.stack.len();
                    if arg as usize <= len && arg >= 1 {
                        vm.thread.stack.swap(len - 1, len - arg as usize);
                    }
                    next!();
                }
                UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_INVERT | UNARY_NOT => {
                    let v = pop(vm);
                    let r = tri!(build::unary(vm, op, &v));
                    push(vm, r);
                }
                BINARY_OP => {
                    skip!(BINARY_OP);
                    // Int and float operands in place (3.11's BINARY_OP_ADD_INT,
                    // _MULTIPLY_FLOAT, ...): the result overwrites the operands' slots.
                    let quick = match vm.thread.stack.top2() {
                        Some((Value::Int(x), Value::Int(y))) => match arg {
                            0 | 13 => x.checked_add(*y).map(Value::Int),
                            10 | 23 => x.checked_sub(*y).map(Value::Int),
                            5 | 18 => x.checked_mul(*y).map(Value::Int),
                            6 | 19 if *y > 0 && *x >= 0 => Some(Value::Int(x % y)),
                            2 | 15 if *y > 0 && *x >= 0 => Some(Value::Int(x / y)),
                            _ => None,
                        },
                        Some((Value::Float(x), Value::Float(y))) => match arg {
                            0 | 13 => Some(Value::Float(x + y)),
                            10 | 23 => Some(Value::Float(x - y)),
                            5 | 18 => Some(Value::Float(x * y)),
                            11 | 24 if *y != 0.0 => Some(Value::Float(x / y)),
                            _ => None,
                        },
                        _ => None,
                    };
                    if let Some(r) = quick {
                        vm.thread.stack.replace_top2_plain(r);
                        next!();
                    }
                    // `s += t` / `s = s + t` stored back to the local `s` came from: exact
                    // strs appended in place when nothing else sees `s` (3.11's
                    // BINARY_OP_INPLACE_ADD_UNICODE; checks and aliasing in build.rs).
                    if let (0 | 13, Some(&(STORE_FAST, local))) = (arg, units.get(ip)) {
                        if build::concat_in_place(vm, fast_base + local as usize) {
                            next!();
                        }
                    }
                    let b = pop(vm);
                    let a = pop(vm);
                    let r = match (&a, &b, arg) {
                        (Value::Int(x), Value::Int(y), 0 | 13) if x.checked_add(*y).is_some() => {
                            Value::Int(x + y)
                        }
                        (Value::Int(x), Value::Int(y), 10 | 23) if x.checked_sub(*y).is_some() => {
                            Value::Int(x - y)
                        }
                        (Value::Int(x), Value::Int(y), 5 | 18) if x.checked_mul(*y).is_some() => {
                            Value::Int(x * y)
                        }
                        (Value::Int(x), Value::Int(y), 6 | 19) if *y > 0 && *x >= 0 => {
                            Value::Int(x % y)
                        }
                        (Value::Int(x), Value::Int(y), 2 | 15) if *y > 0 && *x >= 0 => {
                            Value::Int(x / y)
                        }
                        // `& | ^` of machine ints (two's complement on i64 is Python's);
                        // here rather than in the fast arm, whose code they would change.
                        (Value::Int(x), Value::Int(y), 1 | 14) => Value::Int(x & y),
                        (Value::Int(x), Value::Int(y), 7 | 20) => Value::Int(x | y),
                        (Value::Int(x), Value::Int(y), 12 | 25) => Value::Int(x ^ y),
                        (Value::Float(x), Value::Float(y), 11 | 24) if *y != 0.0 => {
                            Value::Float(x / y)
                        }
                        (Value::Float(x), Value::Float(y), 0 | 13) => Value::Float(x + y),
                        (Value::Float(x), Value::Float(y), 10 | 23) => Value::Float(x - y),
                        (Value::Float(x), Value::Float(y), 5 | 18) => Value::Float(x * y),
                        // `**` of a positive finite base: C's pow, as float_pow; an
                        // overflow (inf) takes the generic path, which raises.
                        (Value::Float(x), Value::Float(y), 8 | 21)
                            if *x > 0.0
                                && x.is_finite()
                                && y.is_finite()
                                && x.powf(*y).is_finite() =>
                        {
                            Value::Float(x.powf(*y))
                        }
                        _ => tri!(crate::object::ops::binary_op(vm, &a, &b, arg as usize)),
                    };
                    push(vm, r);
                }
                COMPARE_OP => {
                    skip!(COMPARE_OP);
                    let b = pop(vm);
                    let a = pop(vm);
                    let t = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => Some(compare_op(arg, x, y)),
                        (Value::Float(x), Value::Float(y)) => Some(compare_op(arg, x, y)),
                        _ => None,
                    };
                    match t {
                        Some(t) => {
                            // COMPARE_OP + POP_JUMP_IF_TRUE/FALSE (3.11's COMPARE_OP_INT_JUMP
                            // and COMPARE_OP_FLOAT_JUMP): the bool never reaches the stack.
                            let next = units.get(ip).copied();
                            match next {
                                Some((
                                    nop @ (POP_JUMP_FORWARD_IF_FALSE
                                    | POP_JUMP_FORWARD_IF_TRUE
                                    | POP_JUMP_BACKWARD_IF_FALSE
                                    | POP_JUMP_BACKWARD_IF_TRUE),
                                    narg,
                                )) => {
                                    lasti = ip;
                                    ip += 1;
                                    let want = matches!(
                                        nop,
                                        POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE
                                    );
                                    if t != want {
                                        next!();
                                    }
                                    if matches!(
                                        nop,
                                        POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE
                                    ) {
                                        ip += narg as usize;
                                        next!();
                                    }
                                    // A backward jump may run a signal handler: checked.
                                    ip = tri!(jump_back(vm, ip, narg as u32));
                                }
                                _ => {
                                    push(vm, Value::Bool(t));
                                    next!();
                                }
                            }
                        }
                        None => {
                            let r = tri!(crate::object::ops::compare(vm, &a, &b, arg.min(5)));
                            push(vm, r);
                        }
                    }
                }
                IS_OP => {
                    let b = pop(vm);
                    let a = pop(vm);
                    push(vm, Value::Bool(a.is(&b) != (arg == 1)));
                }
                CONTAINS_OP => {
                    let b = pop(vm);
                    let a = pop(vm);
                    let r = tri!(crate::object::subscript::contains_op(vm, &b, &a));
                    push(vm, Value::Bool(r != (arg == 1)));
                }
                BINARY_SUBSCR => {
                    skip!(BINARY_SUBSCR);
                    let k = pop(vm);
                    let o = pop(vm);
                    let r = match (&o, &k) {
                        (Value::Obj(l), Value::Int(i))
                            if !l.ty_is_heap() && matches!(l.payload, Payload::List(_)) =>
                        {
                            let item = match &l.payload {
                                Payload::List(items) => {
                                    let b = items.borrow();
                                    let j = if *i < 0 { *i + b.len() as i64 } else { *i };
                                    if j >= 0 {
                                        b.get(j as usize).cloned()
                                    } else {
                                        None
                                    }
                                }
                                _ => None,
                            };
                            match item {
                                Some(v) => v,
                                None => tri!(Err(vm.index_error("list index out of range"))),
                            }
                        }
                        _ => tri!(crate::object::subscript::binary_subscr(vm, &o, &k)),
                    };
                    push(vm, r);
                }
                STORE_SUBSCR => {
                    skip!(STORE_SUBSCR);
                    let k = pop(vm);
                    let o = pop(vm);
                    let v = pop(vm);
                    tri!(crate::object::subscript::store_subscr(vm, o, k, v));
                }
                DELETE_SUBSCR => {
                    let k = pop(vm);
                    let o = pop(vm);
                    tri!(crate::object::subscript::delete_subscr(vm, o, k));
                }
                GET_LEN => {
                    let v = top(vm);
                    let n = tri!(vm.len(&v));
                    push(vm, Value::Int(n as i64));
                }
                LOAD_GLOBAL => {
                    skip!(LOAD_GLOBAL);
                    if arg & 1 == 1 {
                        vm.thread.stack.push(None);
                    }
                    let v = tri!(inline::load_global(vm, co, cache_at, (arg >> 1) as usize));
                    push(vm, v);
                }
                STORE_GLOBAL | DELETE_GLOBAL => {
                    let v = if op == STORE_GLOBAL {
                        Some(pop(vm))
                    } else {
                        None
                    };
                    tri!(names::store_global(vm, co, arg as usize, v));
                }
                LOAD_NAME => {
                    let v = tri!(names::load_name(vm, co, arg as usize));
                    push(vm, v);
                }
                STORE_NAME | DELETE_NAME => {
                    let v = if op == STORE_NAME {
                        Some(pop(vm))
                    } else {
                        None
                    };
                    tri!(names::store_name(vm, co, arg as usize, v));
                }
                LOAD_ATTR => {
                    skip!(LOAD_ATTR);
                    let name = names::name_ref(co, arg as usize);
                    // Only misses get here: the fast arm above tried the cache hit. A miss
                    // may run Python code (a property, `__getattr__`) or read a frame
                    // object: the position is saved first, so `f_lineno` of this frame is
                    // live (`fr.f_lineno`, `sys._getframe(1).f_lineno` in a getter).
                    save!();
                    let o = pop(vm);
                    let v = tri!(inline::load_attr_miss(vm, co, cache_at, &o, name));
                    push(vm, v);
                }
                LOAD_METHOD => {
                    skip!(LOAD_METHOD);
                    let name = names::name_ref(co, arg as usize);
                    // Only misses get here (the fast arm above tried the cache hit).
                    save!(); // as LOAD_ATTR's miss
                    let o = pop(vm);
                    let (m, unbound) = tri!(inline::load_method_miss(vm, co, cache_at, &o, name));
                    if unbound {
                        push(vm, m);
                        push(vm, o);
                    } else {
                        vm.thread.stack.push(None);
                        push(vm, m);
                    }
                }
                STORE_ATTR | DELETE_ATTR => {
                    if op == STORE_ATTR {
                        skip!(STORE_ATTR);
                    }
                    let o = pop(vm);
                    let v = if op == STORE_ATTR {
                        Some(pop(vm))
                    } else {
                        None
                    };
                    let name = names::name_ref(co, arg as usize);
                    match v {
                        Some(v) => tri!(inline::store_attr(vm, co, cache_at, &o, name, v)),
                        None => tri!(crate::object::attr::setattr(vm, &o, name, None)),
                    }
                }
                MAKE_CELL => {
                    let i = fast_base + arg as usize;
                    let cur = vm.thread.fast.get_mut(i).and_then(|s| s.take());
                    let ty = vm.types.cell.clone();
                    let cell = vm.alloc(&ty, Payload::Cell(std::cell::RefCell::new(cur)));
                    if let Some(s) = vm.thread.fast.get_mut(i) {
                        *s = Some(Value::Obj(cell));
                    }
                }
                COPY_FREE_VARS => tri!(names::copy_free_vars(vm, co, fast_base, arg as usize)),
                LOAD_CLOSURE => {
                    let v = vm
                        .thread
                        .fast
                        .get(fast_base + arg as usize)
                        .cloned()
                        .flatten()
                        .unwrap_or(Value::None);
                    push(vm, v);
                }
                LOAD_DEREF | LOAD_CLASSDEREF => {
                    let v = tri!(names::load_deref(
                        vm,
                        co,
                        fast_base,
                        arg as usize,
                        op == LOAD_CLASSDEREF
                    ));
                    push(vm, v);
                }
                STORE_DEREF | DELETE_DEREF => {
                    let v = if op == STORE_DEREF {
                        Some(pop(vm))
                    } else {
                        None
                    };
                    tri!(names::store_deref(vm, co, fast_base, arg as usize, v));
                }
                JUMP_FORWARD => {
                    ip += arg as usize;
                    next!();
                }
                JUMP_BACKWARD => ip = tri!(jump_back(vm, ip, arg)),
                JUMP_BACKWARD_NO_INTERRUPT => ip = tri!(jump_back_no_interrupt(vm, ip, arg)),
                POP_JUMP_FORWARD_IF_FALSE
                | POP_JUMP_FORWARD_IF_TRUE
                | POP_JUMP_BACKWARD_IF_FALSE
                | POP_JUMP_BACKWARD_IF_TRUE => {
                    let v = pop(vm);
                    let (t, mut plain) = match v {
                        Value::Bool(b) => (b, true),
                        _ => (tri!(vm.truthy(&v)), false),
                    };
                    let want = matches!(op, POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
                    if t == want {
                        if matches!(op, POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE) {
                            ip += arg as usize;
                        } else {
                            ip = tri!(jump_back(vm, ip, arg));
                            // A backward jump may have run a signal handler: checked.
                            plain = false;
                        }
                    }
                    if plain {
                        // A bool popped (nothing released) and no handler ran.
                        next!();
                    }
                }
                POP_JUMP_FORWARD_IF_NONE
                | POP_JUMP_FORWARD_IF_NOT_NONE
                | POP_JUMP_BACKWARD_IF_NONE
                | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                    let v = pop(vm);
                    let is_none = matches!(v, Value::None);
                    let want = matches!(op, POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE);
                    if is_none == want {
                        if matches!(op, POP_JUMP_FORWARD_IF_NONE | POP_JUMP_FORWARD_IF_NOT_NONE) {
                            ip += arg as usize;
                        } else {
                            ip = tri!(jump_back(vm, ip, arg));
                        }
                    }
                }
                JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                    let v = top(vm);
                    let t = tri!(vm.truthy(&v));
                    if t == (op == JUMP_IF_TRUE_OR_POP) {
                        ip += arg as usize;
                    } else {
                        vm.thread.stack.pop();
                    }
                }
                GET_ITER | GET_YIELD_FROM_ITER => {
                    let v = pop(vm);
                    let it = if op == GET_YIELD_FROM_ITER
                        && matches!(v.payload(), Some(Payload::Generator(_)))
                    {
                        v
                    } else {
                        tri!(vm.iter(&v))
                    };
                    push(vm, it);
                }
                FOR_ITER => {
                    // 3.11's FOR_ITER_RANGE / FOR_ITER_LIST: read through the stack slot,
                    // no reference count traffic on the iterator. `None`: not one of
                    // them; `Some(None)`: exhausted.
                    let quick = for_iter_quick(vm.thread.stack.last());
                    let next = match quick {
                        // An item from a range or list: nothing released.
                        Some(Some(v)) => {
                            push(vm, v);
                            next!();
                        }
                        Some(None) => None,
                        None => {
                            // An exact generator: its frame is pushed and run by this loop
                            // (3.12's FOR_ITER_GEN); the caller's `ip` becomes the exit
                            // target (protocol: `generator::resume_inline`).
                            if let Some(f) = vm.thread.frames.last_mut() {
                                f.ip = ip + arg as usize;
                                f.lasti = lasti;
                            }
                            if tri!(crate::types::generator::resume_inline(vm, &Value::None)) {
                                continue 'frame;
                            }
                            save!();
                            let it = top(vm);
                            match &it {
                                Value::Obj(g) if matches!(g.payload, Payload::Generator(_)) => {
                                    tri!(crate::types::generator::gen_next(vm, g))
                                }
                                _ => tri!(vm.next(&it)),
                            }
                        }
                    };
                    match next {
                        Some(v) => push(vm, v),
                        None => {
                            vm.thread.stack.pop();
                            ip += arg as usize;
                        }
                    }
                }
                UNPACK_SEQUENCE => {
                    skip!(UNPACK_SEQUENCE);
                    let v = pop(vm);
                    tri!(build::unpack_sequence(vm, v, arg as usize));
                }
                UNPACK_EX => {
                    let v = pop(vm);
                    tri!(build::unpack_ex(
                        vm,
                        v,
                        (arg & 0xFF) as usize,
                        (arg >> 8) as usize
                    ));
                }
                BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_MAP | BUILD_CONST_KEY_MAP
                | BUILD_STRING | BUILD_SLICE | LIST_TO_TUPLE => {
                    tri!(build::build(vm, op, arg as usize))
                }
                LIST_APPEND | SET_ADD | MAP_ADD | LIST_EXTEND | SET_UPDATE | DICT_MERGE
                | DICT_UPDATE => {
                    tri!(build::container_op(vm, op, arg as usize))
                }
                FORMAT_VALUE => tri!(build::format_value(vm, arg)),
                KW_NAMES => kwnames = co.consts.get(arg as usize).cloned(),
                PRECALL => {
                    skip!(PRECALL);
                    tri!(call::precall(vm, arg as usize))
                }
                CALL => {
                    skip!(CALL);
                    let kw = kwnames.take();
                    save!();
                    // (The fast arm tried `push_simple_frame` when there are no keywords.)
                    match tri!(call::call_instr(vm, arg as usize, kw)) {
                        call::Called::Value(v) => push(vm, v),
                        call::Called::Frame => continue 'frame,
                    }
                }
                CALL_FUNCTION_EX => {
                    save!();
                    let v = tri!(call::call_function_ex(vm, arg & 1 == 1));
                    push(vm, v);
                }
                MAKE_FUNCTION => tri!(call::make_function(vm, arg)),
                RETURN_VALUE => {
                    let v = pop(vm);
                    // A function's frame (not a generator's) is dropped where it lies.
                    if let Some(f) = vm.thread.frames.last() {
                        if f.generator.is_none() {
                            let (entry, init) = (f.entry(), f.init());
                            if f.frame_object_id() != 0 {
                                // Its frame object takes the final line and locals.
                                save!();
                                crate::types::frame::frame_leaving(vm);
                            }
                            call::pop_frame_in_place(vm);
                            if entry {
                                return Ok(Exit::Return(v));
                            }
                            if init {
                                // `__init__` of a class call: the instance is the value
                                // (already in the caller's slot); the caller's ip/lasti
                                // were saved at its CALL.
                                call::init_returned(vm, v)?;
                                continue 'frame;
                            }
                            push(vm, v);
                            continue 'frame;
                        }
                    }
                    if vm
                        .thread
                        .frames
                        .last()
                        .is_some_and(|f| f.frame_object_id() != 0)
                    {
                        save!();
                        crate::types::frame::frame_leaving(vm);
                    }
                    let Some(f) = call::pop_frame(vm) else {
                        return Ok(Exit::Return(v));
                    };
                    if let Some(g) = &f.generator {
                        if let Payload::Generator(gd) = &g.payload {
                            gd.finished.set(true);
                            gd.running.set(false);
                        }
                        if !f.entry() {
                            // Resumed by this loop's FOR_ITER or SEND: leave by its exit.
                            call::generator_returned(vm, v);
                            continue 'frame;
                        }
                    }
                    if f.entry() {
                        return Ok(Exit::Return(v));
                    }
                    push(vm, v);
                    continue 'frame;
                }
                RETURN_GENERATOR => {
                    save!();
                    match crate::types::generator::make(vm) {
                        Some((gen, entry)) => {
                            if entry {
                                return Ok(Exit::Return(gen));
                            }
                            push(vm, gen);
                            continue 'frame;
                        }
                        None => {
                            return Err(vm.system_error("RETURN_GENERATOR outside a function frame"))
                        }
                    }
                }
                YIELD_VALUE => {
                    let v = pop(vm);
                    // A machine int or float for `sum`/`max` driving this generator is
                    // consumed here; the yield evaluates to None (`generator::absorb`).
                    let Some(v) = crate::types::generator::absorb(vm, v) else {
                        // The yield evaluates to None; the RESUME and POP_TOP after it are
                        // skipped when they would do nothing (`resume_target`).
                        let breaker = vm.interp.eval_breaker.load(Ordering::Relaxed);
                        let (to, push_none) =
                            crate::types::generator::resume_target(units, ip, breaker);
                        ip = to;
                        if push_none {
                            push(vm, Value::None);
                        }
                        next!();
                    };
                    save!();
                    if crate::types::generator::suspend(vm) {
                        return Ok(Exit::Yield(v));
                    }
                    // Resumed by this loop's FOR_ITER or SEND: the caller goes on after it
                    // with the value (protocol: `generator::resume_inline`).
                    if let Some(f) = vm.thread.frames.last_mut() {
                        f.ip = f.lasti + 1;
                    }
                    push(vm, v);
                    continue 'frame;
                }
                SEND => {
                    let v = pop(vm);
                    // An exact generator runs in this loop (3.12's SEND_GEN), as FOR_ITER.
                    if let Some(f) = vm.thread.frames.last_mut() {
                        f.ip = ip + arg as usize;
                        f.lasti = lasti;
                    }
                    if tri!(crate::types::generator::resume_inline(vm, &v)) {
                        continue 'frame;
                    }
                    save!();
                    let receiver = top(vm);
                    match tri!(call::send(vm, &receiver, v)) {
                        Ok(y) => push(vm, y),
                        Err(r) => {
                            vm.thread.stack.pop();
                            push(vm, r);
                            ip += arg as usize;
                        }
                    }
                }
                LOAD_BUILD_CLASS => {
                    let n = vm.intern("__build_class__");
                    let v = crate::types::dict::dict_get_str(
                        &vm.builtins.clone(),
                        Value::Obj(n.clone())
                            .as_str()
                            .unwrap_or(&crate::types::str::PyStr::from_str("")),
                        Value::Obj(n)
                            .as_str()
                            .map_or(0, |s| s.hash(&vm.hash_secret)),
                    );
                    match v {
                        Some(v) => push(vm, v),
                        None => tri!(Err(vm.name_error("__build_class__ not found"))),
                    }
                }
                LOAD_ASSERTION_ERROR => {
                    let t = vm.types.assertion_error.clone();
                    push(vm, Value::Obj(t));
                }
                SETUP_ANNOTATIONS => tri!(names::setup_annotations(vm)),
                MATCH_MAPPING => pattern::match_mapping(vm),
                MATCH_SEQUENCE => pattern::match_sequence(vm),
                MATCH_KEYS => tri!(pattern::match_keys(vm)),
                MATCH_CLASS => tri!(pattern::match_class(vm, arg as usize)),
                RAISE_VARARGS => {
                    save!();
                    let e = exceptions::raise_varargs(vm, arg as usize);
                    return Err(e);
                }
                RERAISE => {
                    // CPython restores `prev_instr` from the saved lasti (for f_lineno),
                    // but searches the exception table at the RERAISE itself; the
                    // traceback entry was added when the exception was first raised.
                    let e = pop(vm);
                    save!();
                    vm.thread.reraise = true;
                    return Err(exceptions::as_err(vm, e));
                }
                PUSH_EXC_INFO => {
                    let v = pop(vm);
                    let prev = vm.thread.exc_info.replace(v.clone()).unwrap_or(Value::None);
                    push(vm, prev);
                    push(vm, v);
                }
                POP_EXCEPT => {
                    let v = pop(vm);
                    vm.thread.exc_info = if matches!(v, Value::None) {
                        None
                    } else {
                        Some(v)
                    };
                }
                CHECK_EXC_MATCH => {
                    let t = pop(vm);
                    let e = top(vm);
                    let r = tri!(exceptions::exc_matches(vm, &e, &t));
                    push(vm, Value::Bool(r));
                }
                GET_AWAITABLE => {
                    let o = pop(vm);
                    let it = tri!(crate::types::coroutine::get_awaitable(vm, &o, arg));
                    push(vm, it);
                }
                BEFORE_ASYNC_WITH => {
                    let m = pop(vm);
                    let (exit, r) = tri!(crate::types::coroutine::before_async_with(vm, &m));
                    push(vm, exit);
                    push(vm, r);
                }
                GET_AITER => {
                    let o = pop(vm);
                    let it = tri!(crate::types::coroutine::get_aiter(vm, &o));
                    push(vm, it);
                }
                GET_ANEXT => {
                    let it = top(vm);
                    let a = tri!(crate::types::coroutine::get_anext(vm, &it));
                    push(vm, a);
                }
                END_ASYNC_FOR => {
                    let e = pop(vm);
                    if crate::types::coroutine::is_stop_async(vm, &e) {
                        pop(vm);
                    } else {
                        save!();
                        vm.thread.reraise = true;
                        return Err(exceptions::as_err(vm, e));
                    }
                }
                ASYNC_GEN_WRAP => {
                    let v = pop(vm);
                    let w = crate::types::coroutine::wrap(vm, v);
                    push(vm, w);
                }
                CHECK_EG_MATCH => {
                    let t = pop(vm);
                    let e = pop(vm);
                    let (a, b) = tri!(crate::types::exception_group::check_eg_match(vm, e, &t));
                    push(vm, a);
                    push(vm, b);
                }
                PREP_RERAISE_STAR => {
                    let excs = pop(vm);
                    let orig = pop(vm);
                    let v = tri!(crate::types::exception_group::prep_reraise_star(
                        vm, &orig, &excs
                    ));
                    push(vm, v);
                }
                BEFORE_WITH => {
                    let m = pop(vm);
                    tri!(exceptions::before_with(vm, m));
                }
                WITH_EXCEPT_START => {
                    let val = top(vm);
                    let exit = peek(vm, 4).unwrap_or(Value::None);
                    let r = tri!(exceptions::with_except_start(vm, &exit, &val));
                    push(vm, r);
                }
                IMPORT_NAME => {
                    let fromlist = pop(vm);
                    let level = pop(vm);
                    let name = names::name(co, arg as usize);
                    let m = tri!(crate::import::import_name(vm, &name, fromlist, level));
                    push(vm, m);
                }
                IMPORT_FROM => {
                    let m = top(vm);
                    let name = names::name(co, arg as usize);
                    let v = tri!(crate::import::import_from(vm, &m, &name));
                    push(vm, v);
                }
                IMPORT_STAR => {
                    let m = pop(vm);
                    tri!(crate::import::import_star(vm, &m));
                }
                _ => {
                    let name = pyrs_bytecode::opcode::name(op);
                    tri!(Err(vm.system_error(format!(
                        "unknown opcode {op} ({name}): not supported by pyrs yet"
                    ))))
                }
            }
            // `__del__` and generator closes made due by this instruction run before the
            // next one (finalize.rs). `lasti` is still the instruction that dropped the
            // object: where an error report of the finalizer points. Arms that provably
            // release no object and run no Python code (LOAD_FAST, LOAD_CONST, int/float
            // BINARY_OP and fused COMPARE_OP, STORE_FAST/POP_TOP of a non-object, ...)
            // `continue` past this check; a frame switch checks at the top of 'frame.
            if crate::finalize::pending() {
                finalize_at(vm, ip, lasti);
            }
            reload!();
        }
    }
}

/// 3.11's FOR_ITER_RANGE / FOR_ITER_LIST on the iterator in `slot` (the top of the value
/// stack), read in place with no reference-count traffic on the iterator: `None` when it
/// is not one of them, `Some(None)` when it is exhausted (as `iter::next`: past the end it
/// stays exhausted even if the list grows).
#[inline(always)]
fn for_iter_quick(slot: Option<&Option<Value>>) -> Option<Option<Value>> {
    let Some(Some(Value::Obj(o))) = slot else {
        return None;
    };
    match &o.payload {
        Payload::RangeIter(cur, stop, step, _) => {
            let c = cur.get();
            Some(if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                cur.set(c.saturating_add(*step));
                Some(Value::Int(c))
            } else {
                None
            })
        }
        // A list iterator reads the list's items even of a subclass instance (as
        // `listiter_next`): `iter::get_iter` makes a SeqIter over a list payload only as a
        // `list_iterator`, and iterator types cannot be subclassed, so no type test here.
        Payload::SeqIter(Value::Obj(l), idx) => match &l.payload {
            Payload::List(items) => {
                let i = idx.get();
                let r = items.borrow().get(i).cloned();
                idx.set(if r.is_some() { i + 1 } else { usize::MAX / 2 });
                Some(r)
            }
            _ => None,
        },
        _ => None,
    }
}
