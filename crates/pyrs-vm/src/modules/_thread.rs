//! The `_thread` module for an interpreter with one thread: `lock` (`allocate_lock`,
//! `LockType`), `RLock`, thread identities, `stack_size`, and `start_new_thread`, which
//! refuses until threads arrive (CPython: `Modules/_threadmodule.c`).
//!
//! Decisions where one thread changes the outcome (docs/differences.md):
//! - A blocking `acquire()` without timeout of a lock that is held can only deadlock
//!   (no other thread exists to release it; CPython hangs until Ctrl-C). pyrs never
//!   hangs: it raises `RuntimeError` naming the deadlock.
//! - A blocking acquire with a timeout of a held lock waits the timeout and returns
//!   False, as CPython does; Ctrl-C interrupts the wait with KeyboardInterrupt.
//! - `get_ident()` is the OS thread id (`gettid`; CPython: `pthread_self()`), the same
//!   number as `get_native_id()`.
//! - `_local` is left out: `threading` falls back to `_threading_local`.

use super::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;
use std::sync::atomic::Ordering;

const DOC: &str = "This module provides primitive operations to write multi-threaded programs.\n\
The 'threading' module provides a more convenient interface.";

/// `PY_TIMEOUT_MAX` in seconds, as CPython 3.11 on Linux reports it.
const TIMEOUT_MAX: f64 = 9223372036.0;

struct Lock {
    locked: Cell<bool>,
}

impl NativeData for Lock {
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

struct RLock {
    /// The owning thread's ident (0: not owned).
    owner: Cell<u64>,
    count: Cell<u64>,
}

impl NativeData for RLock {
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Module state: the lock type (for `allocate_lock`) and the stack size setting.
struct ThreadState {
    lock_type: PyRef,
    stack_size: Cell<usize>,
}

impl NativeData for ThreadState {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.lock_type.clone()));
    }
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_thread", DOC);
    let lock_methods: &[(&'static str, NativeFn)] = &[
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_exit),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("_at_fork_reinit", lock_at_fork_reinit),
        ("__repr__", lock_repr),
    ];
    let mut spec = nt::Spec::new("lock", "_thread");
    spec.doc = Some(LOCK_DOC);
    spec.methods = lock_methods;
    spec.subclassable = false;
    let lock_type = nt::new_type(vm, &spec);
    let rlock_methods: &[(&'static str, NativeFn)] = &[
        ("acquire", rlock_acquire),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_exit),
        ("_is_owned", rlock_is_owned),
        ("_release_save", rlock_release_save),
        ("_acquire_restore", rlock_acquire_restore),
        ("_at_fork_reinit", rlock_at_fork_reinit),
        ("__repr__", rlock_repr),
    ];
    let mut spec = nt::Spec::new("RLock", "_thread");
    spec.new = Some(rlock_new);
    spec.methods = rlock_methods;
    let rlock_type = nt::new_type(vm, &spec);
    crate::import::dict_set(vm, &d, "LockType", Value::Obj(lock_type.clone()));
    crate::import::dict_set(vm, &d, "RLock", Value::Obj(rlock_type));
    crate::import::dict_set(vm, &d, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    let err = Value::Obj(vm.types.runtime_error.clone());
    crate::import::dict_set(vm, &d, "error", err);
    let state_ty = nt::new_type(vm, &{
        let mut s = nt::Spec::new("_thread_state", "_thread");
        s.subclassable = false;
        s
    });
    let state = nt::alloc(
        vm,
        &state_ty,
        ThreadState {
            lock_type,
            stack_size: Cell::new(0),
        },
    );
    let bound: &[(&'static str, NativeFn)] = &[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("_set_sentinel", allocate_lock),
        ("stack_size", stack_size),
    ];
    nt::add_state_functions(vm, &d, &state, bound);
    let fns: &[(&'static str, NativeFn)] = &[
        ("get_ident", get_ident),
        ("get_native_id", get_ident),
        ("_count", count),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("exit", exit),
        ("exit_thread", exit),
    ];
    super::add_functions(vm, &d, fns);
    Ok(m)
}

const LOCK_DOC: &str = "A lock object is a synchronization primitive.  To create a lock,\n\
call threading.Lock().  Methods are:\n\n\
acquire() -- lock the lock, possibly blocking until it can be obtained\n\
release() -- unlock of the lock\n\
locked() -- test whether the lock is currently locked\n\n\
A lock is not owned by the thread that locked it; another thread may\n\
unlock it.  A thread attempting to lock a lock that it has already locked\n\
will block until another thread unlocks it.  Deadlocks may ensue.";

/// The OS id of the calling thread (`gettid`, through rustix: a plain system call, no
/// file system access; `RLock` asks for it on every acquire and release).
fn thread_id() -> u64 {
    rustix::thread::gettid().as_raw_nonzero().get() as u64
}

/// The calling thread's `get_ident()` (`sys._current_frames` keys).
pub fn ident() -> i64 {
    thread_id() as i64
}

fn get_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_ident", 0, 0)?;
    Ok(Value::Int(thread_id() as i64))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_count", 0, 0)?;
    // Threads started by `start_new_thread` and still running: none can be.
    Ok(Value::Int(0))
}

fn start_new_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = args;
    Err(vm.runtime_error(
        "can't start new thread: pyrs runs one thread for now (threads arrive in a later release)",
    ))
}

fn exit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let t = vm.types.system_exit.clone();
    Err(crate::vm::PyErr(crate::types::exceptions::new_exception(
        vm,
        &t,
        vec![],
    )))
}

fn allocate_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(st) = args.pos.first().and_then(|v| nt::state::<ThreadState>(v)) else {
        return Err(vm.system_error("_thread: module state missing"));
    };
    let ty = st.lock_type.clone();
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error("allocate_lock() takes no arguments"));
    }
    Ok(nt::alloc(
        vm,
        &ty,
        Lock {
            locked: Cell::new(false),
        },
    ))
}

fn stack_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(st) = args.pos.first().and_then(|v| nt::state::<ThreadState>(v)) else {
        return Err(vm.system_error("_thread: module state missing"));
    };
    let old = st.stack_size.get();
    let rest = &args.pos[1..];
    if !args.kw.is_empty() {
        return Err(vm.type_error("stack_size() takes no keyword arguments"));
    }
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "stack_size expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    if let Some(v) = rest.first() {
        let n = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
        // THREAD_STACK_MIN on Linux: 32 KiB; 0 means the system default.
        if n != 0 && n < 0x8000 {
            return Err(vm.value_error(format!("size not valid: {n} bytes")));
        }
        st.stack_size.set(n as usize);
    }
    Ok(Value::Int(old as i64))
}

/// `acquire(blocking=True, timeout=-1)`'s arguments: `None` for "wait forever", else the
/// timeout in seconds (0 for a non-blocking call).
fn acquire_args(vm: &mut Vm, args: Args) -> PyResult<Option<f64>> {
    let [blocking, timeout] = nt::clinic(vm, args, "acquire", ["blocking", "timeout"], 0, 2)?;
    let blocking = match blocking {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let timeout = match timeout {
        None => -1.0,
        Some(Value::Int(i)) => i as f64,
        Some(Value::Float(f)) => f,
        Some(v) => {
            if let Some(crate::object::Payload::Float(f)) = v.payload() {
                *f
            } else {
                vm.index_value(&v, "'{}' object cannot be interpreted as an integer")? as f64
            }
        }
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(Some(0.0));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout > TIMEOUT_MAX || timeout.is_nan() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(Some(timeout))
}

/// Wait for a held lock that no other thread can release: `timeout` seconds, then
/// `false` (Ctrl-C interrupts); without a timeout, the deadlock error.
fn wait_held(vm: &mut Vm, timeout: Option<f64>, what: &str) -> PyResult<bool> {
    let Some(t) = timeout else {
        return Err(vm.runtime_error(format!(
            "deadlock: blocking acquire() of a {what} held by the only thread, without a \
             timeout (pyrs has no other thread to release it)"
        )));
    };
    let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(t);
    loop {
        if vm.interp.eval_breaker.load(Ordering::SeqCst) {
            crate::signals::check(vm)?;
        }
        let now = std::time::Instant::now();
        if now >= end {
            return Ok(false);
        }
        std::thread::sleep((end - now).min(std::time::Duration::from_millis(20)));
    }
}

fn lock_acquire(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(l) = nt::state::<Lock>(&me) else {
        return Err(vm.type_error("descriptor 'acquire' for '_thread.lock' objects doesn't apply"));
    };
    args.pos.remove(0);
    let timeout = acquire_args(vm, args)?;
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(Value::Bool(true));
    }
    if timeout == Some(0.0) {
        return Ok(Value::Bool(false));
    }
    let got = wait_held(vm, timeout, "lock")?;
    Ok(Value::Bool(got))
}

fn lock_of<'a>(vm: &mut Vm, args: &'a Args, m: &str) -> PyResult<&'a Lock> {
    nt::this::<Lock>(vm, args, m, "_thread.lock")
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = lock_of(vm, &args, "release")?;
    if args.pos.len() != 1 || !args.kw.is_empty() {
        return Err(vm.type_error("release() takes no arguments"));
    }
    if !l.locked.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = lock_of(vm, &args, "__exit__")?;
    if !l.locked.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = lock_of(vm, &args, "locked")?;
    Ok(Value::Bool(l.locked.get()))
}

fn lock_at_fork_reinit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = lock_of(vm, &args, "_at_fork_reinit")?;
    l.locked.set(false);
    Ok(Value::None)
}

fn lock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = lock_of(vm, &args, "__repr__")?;
    let state = if l.locked.get() { "locked" } else { "unlocked" };
    let name = nt::type_name(vm, &args.pos[0]);
    let id = args.pos[0].id();
    Ok(vm.new_str(&format!("<{state} _thread.{name} object at {id:#x}>")))
}

// ---- RLock ----------------------------------------------------------------------------

fn rlock_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "RLock")?;
    Ok(nt::alloc(
        vm,
        &cls,
        RLock {
            owner: Cell::new(0),
            count: Cell::new(0),
        },
    ))
}

fn rlock_of<'a>(vm: &mut Vm, args: &'a Args, m: &str) -> PyResult<&'a RLock> {
    nt::this::<RLock>(vm, args, m, "_thread.RLock")
}

fn rlock_acquire(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(r) = nt::state::<RLock>(&me) else {
        return Err(vm.type_error("descriptor 'acquire' for '_thread.RLock' objects doesn't apply"));
    };
    args.pos.remove(0);
    let timeout = acquire_args(vm, args)?;
    let tid = thread_id();
    if r.count.get() > 0 && r.owner.get() == tid {
        let Some(c) = r.count.get().checked_add(1) else {
            return Err(vm.overflow_error("Internal lock count overflowed"));
        };
        r.count.set(c);
        return Ok(Value::Bool(true));
    }
    if r.count.get() == 0 {
        r.owner.set(tid);
        r.count.set(1);
        return Ok(Value::Bool(true));
    }
    // Held by another thread: impossible with one thread, kept for when threads come.
    if timeout == Some(0.0) {
        return Ok(Value::Bool(false));
    }
    let got = wait_held(vm, timeout, "RLock")?;
    Ok(Value::Bool(got))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rlock_of(vm, &args, "release")?;
    if r.count.get() == 0 || r.owner.get() != thread_id() {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args::positional(args.pos[..1.min(args.pos.len())].to_vec());
    rlock_release(vm, a)
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rlock_of(vm, &args, "_is_owned")?;
    Ok(Value::Bool(
        r.count.get() > 0 && r.owner.get() == thread_id(),
    ))
}

fn rlock_release_save(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rlock_of(vm, &args, "_release_save")?;
    if r.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let (c, o) = (r.count.get(), r.owner.get());
    r.count.set(0);
    r.owner.set(0);
    Ok(vm.new_tuple(vec![Value::Int(c as i64), Value::Int(o as i64)]))
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rlock_of(vm, &args, "_acquire_restore")?;
    let state = args
        .pos
        .get(1)
        .and_then(|v| v.as_tuple())
        .map(|t| t.to_vec());
    let Some([c, o]) = state.and_then(|t| <[Value; 2]>::try_from(t).ok()) else {
        return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) tuple"));
    };
    let c = vm.index_value(&c, "'{}' object cannot be interpreted as an integer")?;
    let o = vm.index_value(&o, "'{}' object cannot be interpreted as an integer")?;
    if r.count.get() > 0 {
        wait_held(vm, None, "RLock")?;
    }
    r.count.set(c as u64);
    r.owner.set(o as u64);
    Ok(Value::None)
}

fn rlock_at_fork_reinit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rlock_of(vm, &args, "_at_fork_reinit")?;
    r.count.set(0);
    r.owner.set(0);
    Ok(Value::None)
}

fn rlock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = rlock_of(vm, &args, "__repr__")?;
    let state = if r.count.get() > 0 {
        "locked"
    } else {
        "unlocked"
    };
    let (o, c) = (r.owner.get(), r.count.get());
    let ty = vm.type_of(&args.pos[0]).clone();
    let tyv = Value::Obj(ty);
    let module = nt::getattr_opt(vm, &tyv, "__module__")?;
    let module = module
        .and_then(|m| m.as_str().map(|s| s.as_rust().into_owned()))
        .unwrap_or_default();
    let name = nt::type_name(vm, &args.pos[0]);
    // CPython prints `tp_name`: dotted for the static type, bare for a subclass.
    let name = if module == "_thread" {
        format!("_thread.{name}")
    } else {
        name
    };
    let id = args.pos[0].id();
    Ok(vm.new_str(&format!(
        "<{state} {name} object owner={o} count={c} at {id:#x}>"
    )))
}
