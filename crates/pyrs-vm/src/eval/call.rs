//! Calls (CPython: `PRECALL`/`CALL`/`CALL_FUNCTION_EX`/`MAKE_FUNCTION` in `Python/ceval.c`,
//! `_PyEvalFramePushAndInit` and `initialize_locals`).
//!
//! Calling convention (3.11): the stack holds `[NULL | method, callable | self, args...]`;
//! KW_NAMES names the last arguments. A Python function called from the loop gets a new
//! frame whose localsplus window is filled from the stack (no Rust recursion); anything
//! else is called through [`call`], which may re-enter the loop for Python functions
//! (guarded by the recursion limit and `stacker`).

use super::{pop, push};
use crate::code::{as_code, Code};
use crate::frame::{Frame, Namespaces};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, FunctionData};
use crate::vm::{PyResult, Vm};
use pyrs_bytecode::code::flags::{CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};
use std::cell::RefCell;

pub enum Called {
    Value(Value),
    /// A Python frame was pushed; the loop continues in it.
    Frame,
}

/// PRECALL: unpack a bound method into (function, self) so CALL can prepend self.
#[inline(always)]
pub fn precall(vm: &mut Vm, n: usize) -> PyResult<()> {
    let len = vm.thread.stack.len();
    if len < n + 2 {
        return Err(vm.system_error("stack underflow in PRECALL"));
    }
    if vm.thread.stack[len - n - 2].is_none() {
        if let Some(Value::Obj(o)) = &vm.thread.stack[len - n - 1] {
            if let Payload::BoundMethod(m) = &o.payload {
                let (f, s) = (m.0.clone(), m.1.clone());
                vm.thread.stack[len - n - 2] = Some(f);
                vm.thread.stack[len - n - 1] = Some(s);
            }
        }
    }
    Ok(())
}

/// PRECALL with the loop's local stack pointer (detached mode): the same unpacking as
/// [`precall`]; `false` on a stack underflow, which [`precall`] reports.
#[inline(always)]
pub fn precall_at(stack: &mut crate::frame::ValueStack, sp: usize, n: usize) -> bool {
    if sp < n + 2 {
        return false;
    }
    if let (Some(None), Some(Some(Value::Obj(o)))) =
        (stack.peek_at(sp, n + 2), stack.peek_at(sp, n + 1))
    {
        if let Payload::BoundMethod(m) = &o.payload {
            let (f, s) = (m.0.clone(), m.1.clone());
            if let Some(slot) = stack.slot_at(sp, n + 2) {
                *slot = Some(f);
            }
            // Replacing the bound method may free it: its function and self are held.
            if let Some(slot) = stack.slot_at(sp, n + 1) {
                *slot = Some(s);
            }
        }
    }
    true
}

fn kwnames_list(kwnames: &Option<Value>) -> Vec<PyRef> {
    kwnames
        .as_ref()
        .and_then(|k| k.as_tuple())
        .map(|t| t.iter().filter_map(|v| v.as_obj().cloned()).collect())
        .unwrap_or_default()
}

/// CALL(n) of a Python function with exactly its positional parameters and no keywords
/// (generators and coroutines too: their RETURN_GENERATOR runs in the new frame): the
/// arguments move from the stack into a new localsplus window and the frame is pushed,
/// nothing allocated (CPython's `_PyFrame_PushUnchecked` + `initialize_locals`' fast
/// case). `Ok(false)`: not such a call, nothing was touched; the caller takes
/// [`call_instr`].
#[inline(never)]
pub fn push_simple_frame(vm: &mut Vm, n: usize) -> PyResult<bool> {
    let stack = &vm.thread.stack;
    let len = stack.len();
    // [NULL | method, callable | self, args...]
    let Some(fslot) = len.checked_sub(n + 2) else {
        return Ok(false);
    };
    let nargs = n + stack[fslot].is_some() as usize;
    let fpos = len - nargs - 1;
    // The shape is read from the function (`FunctionData::shape`), not from its code
    // object: two dependent loads fewer before the test.
    let shape = match &stack[fpos] {
        Some(Value::Obj(fo)) => match &fo.payload {
            Payload::Function(fd) => fd.shape.get(),
            _ => return Ok(false),
        },
        _ => return Ok(false),
    };
    if shape.simple_argcount != nargs {
        return Ok(false);
    }
    vm.enter_recursion("")?;
    // The new frame's RESUME 0 is skipped (`CallShape::first_ip`) unless the eval breaker
    // is set: then it runs and handles the signal, as 3.11's RESUME does.
    let first_ip = if vm
        .interp
        .eval_breaker
        .load(std::sync::atomic::Ordering::Relaxed)
    {
        0
    } else {
        shape.first_ip
    };
    let t = &mut vm.thread;
    // The stack's reference to the function moves into the frame (a plain move: the slot
    // was written several instructions ago, so reading it whole does not wait on store
    // forwarding, and no count changes).
    let func = match std::mem::replace(&mut t.stack[fpos], None) {
        Some(Value::Obj(f)) => f,
        v => {
            // (Not the function tested above: cannot happen.)
            t.stack[fpos] = v;
            vm.leave_recursion();
            return Ok(false);
        }
    };
    let fast_base = t.fast.len();
    t.stack
        .move_args(len - nargs, &mut t.fast, shape.nlocalsplus);
    // The NULL/self, function and argument slots are empty now.
    t.stack.drop_empty_above(fslot);
    // The code and namespaces are read after the moves, so that they need not live
    // in registers (or spill slots) across them.
    let (code, ns) = match &func.payload {
        Payload::Function(fd) => (fd.code.get(), Namespaces::of(fd)),
        _ => (
            func.clone(),
            Namespaces {
                globals: 0,
                builtins: 0,
            },
        ),
    };
    let mut frame = Frame::new(code, func, ns, None, fast_base, fslot, 0);
    frame.ip = first_ip;
    push_record(&mut t.frames, frame);
    Ok(true)
}

/// `frames.push(f)` with the capacity test first, so that the common path's `push` cannot
/// grow and the record is stored straight into the vector. A plain `push` builds it in a
/// spill slot with 8-byte stores and copies it with 16-byte loads, which cannot be
/// store-forwarded: measured (user time, fib) as ~40% of `push_simple_frame`'s cycles.
#[inline(always)]
pub fn push_record(frames: &mut Vec<Frame>, f: Frame) {
    if frames.len() == frames.capacity() {
        push_record_growing(frames, f);
    } else {
        frames.push(f);
    }
}

#[cold]
#[inline(never)]
fn push_record_growing(frames: &mut Vec<Frame>, f: Frame) {
    frames.push(f);
}

/// CALL(n).
pub fn call_instr(vm: &mut Vm, n: usize, kwnames: Option<Value>) -> PyResult<Called> {
    // A method or builtin with a `FastMethod` entry (`xs.append(x)`, `d.get(k)`, `len(x)`).
    if kwnames.is_none() {
        if let Some(r) = super::call_native::call_fast(vm, n) {
            return r.map(Called::Value);
        }
    }
    let len = vm.thread.stack.len();
    if len < n + 2 {
        return Err(vm.system_error("stack underflow in CALL"));
    }
    let is_meth = vm.thread.stack[len - n - 2].is_some();
    let nargs = n + is_meth as usize;
    // (A Python function with exactly its positional parameters and no keywords was
    // taken by `push_simple_frame`, which CALL's fast arm tries first.)
    // A class with a Python `__init__`: the instance is made here and `__init__` runs as a
    // frame of this loop.
    if let Some(Value::Obj(cls)) = &vm.thread.stack[len - nargs - 1] {
        if matches!(cls.payload, Payload::Type(_)) {
            let cls = cls.clone();
            if let Some(r) = push_init_frame(vm, &cls, n, nargs, kwnames.as_ref())? {
                return Ok(r);
            }
        }
    }
    // A builtin or a type: its arguments move straight off the stack.
    if let Some(r) = super::call_native::call_builtin_on_stack(vm, n, nargs, kwnames.as_ref()) {
        return r.map(Called::Value);
    }
    let callable = vm.thread.stack[len - nargs - 1]
        .clone()
        .unwrap_or(Value::None);
    let kw = kwnames_list(&kwnames);
    // One allocation: the arguments move straight into the `Args` vector.
    let mut args: Vec<Value> = Vec::with_capacity(nargs);
    for i in len - nargs..len {
        args.push(crate::frame::take_slot(&mut vm.thread.stack[i]).unwrap_or(Value::None));
    }
    vm.thread.stack.truncate(len - n - 2);
    let kwvals = args.split_off(args.len() - kw.len().min(args.len()));
    let a = Args {
        pos: args.into(),
        kw: kw.into_iter().zip(kwvals).collect(),
    };
    if let Value::Obj(fo) = &callable {
        if let Payload::Function(fd) = &fo.payload {
            let code = fd.code.get();
            let fast_base = bind_into_fast(vm, fo, fd, &code, a)?;
            push_frame(vm, fo, fd, code, fast_base, false);
            return Ok(Called::Frame);
        }
    }
    call(vm, &callable, a).map(Called::Value)
}

/// CALL of a class `cls` whose instances `object.__new__` makes and whose `__init__` is a
/// Python function (not a generator): `type_call` without recursing into Rust (3.12's
/// `_Py_InitCleanup` shim frame). The instance is made, the callable's slot at the bottom
/// of the call's stack items becomes the result slot holding it, and `__init__`'s frame
/// is pushed with `init` set, `[instance, args...]` as its arguments and its value stack
/// right above the result slot; its RETURN_VALUE ([`init_returned`]) checks for None and
/// leaves the instance as the call's value. An exception in `__init__` unwinds through
/// the caller as any call's (the instance is dropped with the caller's stack items).
/// `None`: not such a class (a metaclass `__call__`, a `__new__`, a builtin base, a
/// native or generator `__init__`...); nothing was touched and `type_call` does it.
fn push_init_frame(
    vm: &mut Vm,
    cls: &PyRef,
    n: usize,
    nargs: usize,
    kwnames: Option<&Value>,
) -> PyResult<Option<Called>> {
    use crate::object::protocol::heap_dunder;
    use crate::object::typeobj::{tdata, BaseKind};
    use pyrs_bytecode::code::flags::{CO_ASYNC_GENERATOR, CO_COROUTINE};
    let td = tdata(cls);
    if td.kind != BaseKind::Object || !td.heap || cls.is(&vm.types.type_) {
        return Ok(None);
    }
    let meta = cls.ty.clone();
    if heap_dunder(vm, &meta, "__call__").is_some() || heap_dunder(vm, cls, "__new__").is_some() {
        return Ok(None);
    }
    let Some(Value::Obj(init)) = heap_dunder(vm, cls, "__init__") else {
        return Ok(None);
    };
    let Payload::Function(fd) = &init.payload else {
        return Ok(None);
    };
    let code = fd.code.get();
    let Some(co) = as_code(&code) else {
        return Ok(None);
    };
    if co.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0 {
        return Ok(None);
    }
    let kw_tuple = match kwnames {
        None => None,
        Some(k) => match k.as_tuple() {
            Some(t) if t.len() <= nargs && t.iter().all(|k| k.as_str().is_some()) => Some(t),
            _ => return Ok(None),
        },
    };
    let Some(newf) = td.find_new() else {
        return Ok(None);
    };
    if newf as *const () as usize != crate::types::object::object_new as *const () as usize {
        return Ok(None);
    }
    // `type_call` with a Python `__init__` and `object.__new__`: `__new__` gets no arguments.
    let obj = newf(vm, cls, Args::default())?;
    let len = vm.thread.stack.len();
    let fslot = len - n - 2;
    let ci = len - nargs - 1;
    let nkw = kw_tuple.map_or(0, |t| t.len());
    let fast_base = if nkw == 0 && co.simple_argcount == nargs + 1 {
        // Exactly the positional parameters: the arguments move into the new window.
        vm.enter_recursion("")?;
        let nlocals = co.nlocalsplus();
        let t = &mut vm.thread;
        let fast_base = t.fast.len();
        t.fast.push(Some(obj.clone()));
        t.stack.move_into(len - nargs, &mut t.fast);
        if nlocals > nargs + 1 {
            t.fast.resize(fast_base + nlocals, None);
        }
        fast_base
    } else {
        let names: Vec<PyRef> = kw_tuple
            .map(|t| t.iter().filter_map(|k| k.as_obj().cloned()).collect())
            .unwrap_or_default();
        let mut pos: Vec<Value> = Vec::with_capacity(nargs + 1);
        pos.push(obj.clone());
        for i in len - nargs..len {
            pos.push(crate::frame::take_slot(&mut vm.thread.stack[i]).unwrap_or(Value::None));
        }
        let kwvals = pos.split_off(pos.len() - nkw);
        let args = Args {
            pos: pos.into(),
            kw: names.into_iter().zip(kwvals).collect(),
        };
        // The argument slots are empty now; the callable's slot is cleared below.
        let cls_slot = crate::frame::take_slot(&mut vm.thread.stack[ci]);
        vm.thread.stack.drop_empty_above(fslot);
        vm.thread.stack.push(Some(obj));
        drop(cls_slot);
        let fast_base = bind_into_fast(vm, &init, fd, &code, args)?;
        push_init(vm, &init, fd, code, fast_base, fslot);
        return Ok(Some(Called::Frame));
    };
    // The class's reference leaves the stack; the slot below the arguments (NULL or the
    // class itself) becomes the result slot.
    let cls_slot = crate::frame::take_slot(&mut vm.thread.stack[ci]);
    vm.thread.stack.drop_empty_above(fslot);
    vm.thread.stack.push(Some(obj));
    drop(cls_slot);
    push_init(vm, &init, fd, code, fast_base, fslot);
    Ok(Some(Called::Frame))
}

/// Push an `__init__` frame whose caller's result slot is `fslot` (the instance).
fn push_init(
    vm: &mut Vm,
    fo: &PyRef,
    fd: &FunctionData,
    code: PyRef,
    fast_base: usize,
    fslot: usize,
) {
    push_function_record(vm, fo, fd, code, fast_base, fslot + 1, Frame::INIT);
}

/// RETURN_VALUE of an `__init__` frame ([`push_init_frame`], already popped): `v` must be
/// None; the instance below is the call's value. The error is raised in the caller (at
/// its CALL), as `type_call`'s.
#[cold]
#[inline(never)]
pub fn init_returned(vm: &mut Vm, v: Value) -> PyResult<()> {
    if matches!(v, Value::None) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "__init__() should return None, not '{}'",
        vm.type_name(&v)
    )))
}

#[inline(always)]
fn push_frame(
    vm: &mut Vm,
    fo: &PyRef,
    fd: &FunctionData,
    code: PyRef,
    fast_base: usize,
    entry: bool,
) {
    let stack_base = vm.thread.stack.len();
    let flags = entry as usize * Frame::ENTRY;
    push_function_record(vm, fo, fd, code, fast_base, stack_base, flags);
}

/// The record of a call of `fo` (its function data `fd`) running `code`.
#[inline(always)]
fn push_function_record(
    vm: &mut Vm,
    fo: &PyRef,
    fd: &FunctionData,
    code: PyRef,
    fast_base: usize,
    stack_base: usize,
    flags: usize,
) {
    push_record(
        &mut vm.thread.frames,
        Frame::new(
            code,
            fo.clone(),
            Namespaces::of(fd),
            None,
            fast_base,
            stack_base,
            flags,
        ),
    );
}

/// Pop the current frame and its windows; `None` if there was none.
#[inline(always)]
pub fn pop_frame(vm: &mut Vm) -> Option<Frame> {
    let f = vm.thread.frames.pop()?;
    // Dropping the values frees objects but runs no Python code (no `__del__` yet), so
    // truncating in place is safe and allocates nothing.
    vm.thread.fast.truncate(f.fast_base);
    vm.thread.stack.truncate(f.stack_base);
    vm.leave_recursion();
    Some(f)
}

/// Pop the current frame and its windows without moving the record out (RETURN_VALUE).
/// Out of line: the window's drop loop is then inlined here rather than called, one
/// call fewer per return (method_calls 10k 330.6M -> 327.5M instructions, user time
/// -1.5%; dropping the record first, so that no slice loop is needed, ran fewer
/// instructions still but method_calls 2% slower).
#[inline(never)]
pub fn pop_frame_in_place(vm: &mut Vm) {
    let t = &mut vm.thread;
    let n = t.frames.len();
    if let Some(f) = t.frames.last() {
        let (fast_base, stack_base) = (f.fast_base, f.stack_base);
        // Dropping values frees objects but runs no Python code (finalizers wait for
        // the next instruction boundary).
        t.fast.truncate(fast_base);
        t.stack.truncate(stack_base);
        t.frames.truncate(n - 1);
        vm.leave_recursion();
    }
}

/// Bind arguments to a new localsplus window on the thread's fast stack (checked against
/// the recursion limit); returns its base.
/// `code` is `fd`'s code as read once by the caller (the frame it pushes runs that one,
/// even if the binding's errors path ran code that replaced `__code__`).
fn bind_into_fast(
    vm: &mut Vm,
    fo: &PyRef,
    fd: &FunctionData,
    code: &PyRef,
    args: Args,
) -> PyResult<usize> {
    let Some(co) = as_code(code) else {
        return Err(vm.system_error("function without code"));
    };
    let locals = bind_args(vm, fo, fd, co, args)?;
    vm.enter_recursion("")?;
    let base = vm.thread.fast.len();
    vm.thread.fast.extend(locals);
    Ok(base)
}

fn qualname(fd: &FunctionData) -> String {
    fd.qualname
        .borrow()
        .as_str()
        .map(|s| s.as_rust().into_owned())
        .unwrap_or_default()
}

fn names_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// `initialize_locals`: positional, keyword, defaults, `*args`, `**kwargs`.
fn bind_args(
    vm: &mut Vm,
    _fo: &PyRef,
    fd: &FunctionData,
    co: &Code,
    args: Args,
) -> PyResult<Vec<Option<Value>>> {
    let mut locals: Vec<Option<Value>> = vec![None; co.nlocalsplus()];
    let argc = co.argcount;
    let kwonly = co.kwonlyargcount;
    let has_varargs = co.flags & CO_VARARGS != 0;
    let has_varkw = co.flags & CO_VARKEYWORDS != 0;
    let name = |i: usize| crate::eval::names::localsplus_name(co, i);
    let npos = args.pos.len();
    let mut pos = args.pos.into_iter();
    for (i, v) in pos.by_ref().take(argc).enumerate() {
        locals[i] = Some(v);
    }
    let extra: Vec<Value> = pos.collect();
    let mut slot = argc + kwonly;
    if has_varargs {
        locals[slot] = Some(vm.new_tuple(extra.clone()));
        slot += 1;
    } else if !extra.is_empty() {
        let ndef = fd
            .defaults
            .borrow()
            .as_ref()
            .and_then(|d| d.as_tuple().map(|t| t.len()))
            .unwrap_or(0);
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", argc - ndef, argc)
        } else {
            format!(
                "{argc} positional argument{}",
                if argc == 1 { "" } else { "s" }
            )
        };
        let given = if npos == 1 {
            "1 was given".to_string()
        } else {
            format!("{npos} were given")
        };
        return Err(vm.type_error(format!("{}() takes {takes} but {given}", qualname(fd))));
    }
    let kwdict = if has_varkw {
        let d = vm.new_dict_ref();
        locals[slot] = Some(Value::Obj(d.clone()));
        Some(d)
    } else {
        None
    };
    let mut posonly_as_kw = Vec::new();
    for (k, v) in args.kw {
        let ks = match &k.payload {
            Payload::Str(s) => s,
            _ => return Err(vm.type_error("keywords must be strings")),
        };
        let found = (co.posonlyargcount..argc + kwonly).find(|&i| {
            co.localsplus_names
                .get(i)
                .is_some_and(|n| match &n.payload {
                    Payload::Str(s) => s.eq_str(ks),
                    _ => false,
                })
        });
        match found {
            Some(i) => {
                if locals[i].is_some() {
                    return Err(vm.type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(fd),
                        ks.as_rust()
                    )));
                }
                locals[i] = Some(v);
            }
            None => match &kwdict {
                Some(d) => crate::types::dict::set_item(vm, d, Value::Obj(k.clone()), v)?,
                None => {
                    if (0..co.posonlyargcount).any(|i| name(i) == ks.as_rust()) {
                        posonly_as_kw.push(ks.as_rust().into_owned());
                        continue;
                    }
                    return Err(vm.type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(fd),
                        ks.as_rust()
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(fd),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for the last positional parameters.
    let defaults = fd.defaults.borrow().clone();
    let defs = defaults
        .as_ref()
        .and_then(|d| d.as_tuple())
        .map(|t| t.to_vec())
        .unwrap_or_default();
    let first_def = argc.saturating_sub(defs.len());
    let mut missing = Vec::new();
    for i in 0..argc {
        if locals[i].is_none() {
            if i >= first_def {
                locals[i] = Some(defs[i - first_def].clone());
            } else {
                missing.push(name(i));
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            qualname(fd),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            names_list(&missing)
        )));
    }
    let kwdefaults = fd.kwdefaults.borrow().clone();
    let mut missing = Vec::new();
    for i in argc..argc + kwonly {
        if locals[i].is_none() {
            let n = name(i);
            let d = match &kwdefaults {
                Some(Value::Obj(kd)) => crate::types::dict::items(kd)
                    .into_iter()
                    .find(|(k, _)| k.as_str().is_some_and(|s| s.eq_rust(&n)))
                    .map(|(_, v)| v),
                _ => None,
            };
            match d {
                Some(v) => locals[i] = Some(v),
                None => missing.push(n),
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            qualname(fd),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            names_list(&missing)
        )));
    }
    Ok(locals)
}

/// Call any callable from Rust. Python functions re-enter the loop.
pub fn call(vm: &mut Vm, callable: &Value, args: Args) -> PyResult<Value> {
    let Value::Obj(o) = callable else {
        return Err(vm.type_error(format!(
            "'{}' object is not callable",
            vm.type_name(callable)
        )));
    };
    match &o.payload {
        Payload::Function(fd) => {
            // Exactly the positional parameters: the arguments move into the window.
            let code = fd.code.get();
            if let Some(co) = as_code(&code) {
                if args.kw.is_empty()
                    && co.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) == 0
                    && co.kwonlyargcount == 0
                    && co.argcount == args.pos.len()
                {
                    let nlocals = co.nlocalsplus();
                    vm.enter_recursion("")?;
                    let fast_base = vm.thread.fast.len();
                    let fast = &mut vm.thread.fast;
                    fast.reserve(nlocals);
                    fast.extend(args.pos.into_iter().map(Some));
                    fast.resize(fast_base + nlocals, None);
                    push_frame(vm, o, fd, code, fast_base, true);
                    return run_entry(vm);
                }
            }
            let fast_base = bind_into_fast(vm, o, fd, &code, args)?;
            push_frame(vm, o, fd, code, fast_base, true);
            run_entry(vm)
        }
        Payload::Builtin(b) => {
            let mut a = args;
            if let Some(s) = &b.self_ {
                a.pos.insert(0, s.clone());
            } else if b.is_method {
                // An unbound method descriptor (`str.join(x, ...)`, also what a method
                // call through LOAD_METHOD runs): `x` must be an instance of its class.
                if let Some(owner) = &b.owner {
                    let ok = a.pos.first().is_some_and(|x| vm.type_of(x).is(owner));
                    if !ok {
                        crate::types::slot_wrapper::check_self(vm, o, b, owner, &a)?;
                    }
                }
            }
            (b.func)(vm, a)
        }
        Payload::BoundMethod(m) => {
            let (f, s) = (m.0.clone(), m.1.clone());
            let mut a = args;
            a.pos.insert(0, s);
            call(vm, &f, a)
        }
        Payload::GenericAlias(_) => crate::types::generic_alias::call(vm, callable, args),
        // staticmethod objects are callable since 3.10.
        Payload::StaticMethod(f) => {
            let f = f.clone();
            call(vm, &f, args)
        }
        Payload::Type(_) => {
            // A metaclass's own `__call__` (`class Meta(type): def __call__`).
            let meta = o.ty.clone();
            if let Some(f) = crate::object::protocol::heap_dunder(vm, &meta, "__call__") {
                let mut a = args;
                a.pos.insert(0, callable.clone());
                return call(vm, &f, a);
            }
            crate::types::type_::type_call(vm, o, args)
        }
        _ => {
            let ty = o.ty.clone();
            match crate::object::protocol::heap_dunder(vm, &ty, "__call__") {
                Some(f) => {
                    let mut a = args;
                    a.pos.insert(0, callable.clone());
                    call(vm, &f, a)
                }
                None => Err(vm.type_error(format!(
                    "'{}' object is not callable",
                    vm.type_name(callable)
                ))),
            }
        }
    }
}

/// Run the entry frame just pushed, on a Rust stack with room to spare.
fn run_entry(vm: &mut Vm) -> PyResult<Value> {
    let r = stacker::maybe_grow(256 * 1024, 2 * 1024 * 1024, || super::run_frame(vm, None))?;
    match r {
        super::Exit::Return(v) | super::Exit::Yield(v) => Ok(v),
    }
}

/// Run a module's code object with `globals` as globals and locals.
pub fn run_module_code(vm: &mut Vm, code: &PyRef, globals: &PyRef) -> PyResult<Value> {
    run_code_in(vm, code, globals, globals)
}

/// Run a code object with no arguments in `globals` and `locals` (any mapping): modules,
/// `exec()` and `eval()` (CPython's `PyEval_EvalCode`).
pub fn run_code_in(vm: &mut Vm, code: &PyRef, globals: &PyRef, locals: &PyRef) -> PyResult<Value> {
    let Some(co) = as_code(code) else {
        return Err(vm.system_error("not a code object"));
    };
    // The frame runs as a call of a function made for the code (3.11's `PyEval_EvalCode`
    // makes one too): every frame reaches its globals and builtins through its function,
    // and the builtins are `globals['__builtins__']`'s, as there.
    let builtins = crate::types::function::builtins_from_globals(vm, globals)?;
    let fd = FunctionData::new(
        code.clone(),
        globals.clone(),
        builtins,
        Value::Obj(co.name.clone()),
        Value::Obj(co.qualname.clone()),
        Value::None,
        Value::None,
    );
    let ns = Namespaces::of(&fd);
    let ty = vm.types.function.clone();
    let func = vm.alloc_instance(&ty, Payload::Function(Box::new(fd)));
    vm.enter_recursion("")?;
    let fast_base = vm.thread.fast.len();
    vm.thread.fast.resize(fast_base + co.nlocalsplus(), None);
    let stack_base = vm.thread.stack.len();
    push_record(
        &mut vm.thread.frames,
        Frame::new(
            code.clone(),
            func,
            ns,
            Some(locals.clone()),
            fast_base,
            stack_base,
            Frame::ENTRY,
        ),
    );
    run_entry(vm)
}

/// Run a class body (`func` is the body function, `ns` its locals).
pub fn run_class_body(vm: &mut Vm, func: &PyRef, ns: &PyRef) -> PyResult<Value> {
    let Payload::Function(fd) = &func.payload else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let code = fd.code.get();
    let fast_base = bind_into_fast(vm, func, fd, &code, Args::default())?;
    push_frame(vm, func, fd, code, fast_base, true);
    if let Some(f) = vm.thread.frames.last_mut() {
        f.locals = Some(ns.clone());
    }
    run_entry(vm)
}

/// CALL_FUNCTION_EX: `f(*args, **kwargs)`.
pub fn call_function_ex(vm: &mut Vm, has_kw: bool) -> PyResult<Value> {
    let kwargs = if has_kw { Some(pop(vm)) } else { None };
    let callargs = pop(vm);
    let func = pop(vm);
    vm.thread.stack.pop(); // the NULL below the function
    let pos = match callargs.as_tuple() {
        Some(t) => t.to_vec(),
        None => vm.collect(&callargs)?,
    };
    let mut kw = Vec::new();
    if let Some(k) = kwargs {
        if let Some(d) = k.as_obj() {
            for (key, v) in crate::types::dict::items(d) {
                match key {
                    Value::Obj(ko) if matches!(ko.payload, Payload::Str(_)) => kw.push((ko, v)),
                    _ => return Err(vm.type_error("keywords must be strings")),
                }
            }
        }
    }
    call(
        vm,
        &func,
        Args {
            pos: pos.into(),
            kw,
        },
    )
}

/// MAKE_FUNCTION(flags): code on top; below it closure (8), annotations (4),
/// kwdefaults (2), defaults (1).
pub fn make_function(vm: &mut Vm, flags: u32) -> PyResult<()> {
    let code = pop(vm);
    let closure = if flags & 8 != 0 { Some(pop(vm)) } else { None };
    let annotations = if flags & 4 != 0 { Some(pop(vm)) } else { None };
    let kwdefaults = if flags & 2 != 0 { Some(pop(vm)) } else { None };
    let defaults = if flags & 1 != 0 { Some(pop(vm)) } else { None };
    let Some(code) = code.as_obj().filter(|c| as_code(c).is_some()).cloned() else {
        return Err(vm.system_error("MAKE_FUNCTION without a code object"));
    };
    let (qualname, name, doc) = match as_code(&code) {
        Some(co) => {
            let doc = match co.consts.first() {
                Some(v) if v.as_str().is_some() && co.flags & 0x100000 == 0 => v.clone(),
                _ => Value::None,
            };
            (
                Value::Obj(co.qualname.clone()),
                Value::Obj(co.name.clone()),
                doc,
            )
        }
        None => (Value::None, Value::None, Value::None),
    };
    let Some(f) = vm.thread.frames.last() else {
        return Err(vm.system_error("no frame"));
    };
    let Some(fd) = f.func_data() else {
        return Err(vm.system_error("frame without a function"));
    };
    let (globals, builtins) = (fd.globals.clone(), fd.builtins.clone());
    let n = vm.intern("__name__");
    let module = match &n.payload {
        Payload::Str(s) => crate::types::dict::dict_get_str(&globals, s, s.hash(&vm.hash_secret))
            .unwrap_or(Value::None),
        _ => Value::None,
    };
    let doc = if matches!(doc, Value::None) {
        Value::None
    } else {
        doc_from_code(&code).unwrap_or(Value::None)
    };
    let fd = FunctionData {
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        closure,
        annotations: RefCell::new(annotations),
        ..FunctionData::new(code, globals, builtins, name, qualname, module, doc)
    };
    let ty = vm.types.function.clone();
    let f = vm.alloc_instance(&ty, Payload::Function(Box::new(fd)));
    push(vm, Value::Obj(f));
    Ok(())
}

fn doc_from_code(code: &PyRef) -> Option<Value> {
    as_code(code)?
        .consts
        .first()
        .filter(|v| v.as_str().is_some())
        .cloned()
}

/// A generator frame resumed by the loop's FOR_ITER or SEND returned `v` (its frame is
/// popped): the resuming frame, now on top, pops the iterator and goes to the exit
/// target already in its `ip` (`types::generator::resume_inline`); SEND pushes `v`.
pub fn generator_returned(vm: &mut Vm, v: Value) {
    let Some(f) = vm.thread.frames.last() else {
        return;
    };
    let op = as_code(&f.code)
        .and_then(|co| co.units.get(f.lasti))
        .map_or(0, |u| u.0);
    vm.thread.stack.pop();
    if op == pyrs_bytecode::opnum::SEND {
        push(vm, v);
    }
}

/// SEND: `Ok(yielded)` or `Err(returned)`.
pub fn send(vm: &mut Vm, receiver: &Value, v: Value) -> PyResult<Result<Value, Value>> {
    if let Value::Obj(o) = receiver {
        if matches!(o.payload, Payload::Generator(_)) {
            return crate::types::generator::resume(vm, o, v, None);
        }
    }
    let r = if matches!(v, Value::None) {
        // A class's `__next__` may end with StopIteration(value): `await` gives it.
        return crate::types::iter::next_or_return(vm, receiver);
    } else {
        vm.call_method(receiver, "send", vec![v]).map(Some)
    };
    match r {
        Ok(Some(y)) => Ok(Ok(y)),
        Ok(None) => Ok(Err(Value::None)),
        Err(e) if vm.err_matches(&e, &vm.types.stop_iteration.clone()) => {
            let val = crate::types::exceptions::exc_args(&e.0)
                .into_iter()
                .next()
                .unwrap_or(Value::None);
            Ok(Err(val))
        }
        Err(e) => Err(e),
    }
}
