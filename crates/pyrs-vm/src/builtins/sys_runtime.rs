//! The `sys` functions about the running interpreter (CPython: `Python/sysmodule.c`):
//! reference counts, the switch interval, finalization, the async generator hooks
//! (PEP 525: `firstiter` called when an async generator is first iterated, `finalizer`
//! instead of closing it when it dies; asyncio installs both), coroutine origin tracking,
//! `call_tracing`, `breakpointhook` (and `builtins.breakpoint`), `_current_frames`,
//! `_clear_type_cache`, the dlopen flags, and constants (`maxunicode`, `orig_argv`, ...).
//!
//! `settrace`/`setprofile` are left out until the eval loop can trace (AttributeError, as
//! for any missing name); `gettrace`/`getprofile` answer `None`, which is what they return
//! while nothing is set.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{new_builtin, Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// Interpreter-wide state of these functions (`Interpreter::sys_runtime`).
pub struct SysRuntime {
    /// `sys.getswitchinterval()`: seconds (5 ms by default). With one thread it decides
    /// nothing yet; the GIL will read it when threads arrive.
    pub switch_interval: f64,
    /// `sys.getdlopenflags()`: RTLD_NOW by default. pyrs loads no extension modules, so
    /// the flags are only kept (docs/differences.md).
    pub dlopenflags: i64,
    /// `sys.is_finalizing()`: set when the interpreter starts shutting down.
    pub finalizing: bool,
}

impl Default for SysRuntime {
    fn default() -> Self {
        SysRuntime {
            switch_interval: 0.005,
            dlopenflags: 2,
            finalizing: false,
        }
    }
}

/// Per-thread state (`ThreadState::sys_hooks`; CPython keeps these in `PyThreadState`).
#[derive(Default)]
pub struct SysHooks {
    pub asyncgen_firstiter: Option<Value>,
    pub asyncgen_finalizer: Option<Value>,
    /// `sys.get_coroutine_origin_tracking_depth()`: frames recorded in `cr_origin`.
    pub coroutine_origin_depth: i64,
}

fn set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
    let n = vm.intern(name);
    crate::types::dict::dict_set_str(vm, d, &n, v);
}

fn get(vm: &mut Vm, d: &PyRef, name: &str) -> Option<Value> {
    let n = vm.intern(name);
    let h = crate::object::attr::hash_of(vm, &n);
    crate::types::dict::dict_get_str(d, crate::object::attr::pystr(&n), h)
}

/// Put the functions and constants into the `sys` dict `d` (after `builtins::sys`'s).
pub fn install(vm: &mut Vm, d: &PyRef) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("getrefcount", getrefcount),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("is_finalizing", is_finalizing),
        ("call_tracing", call_tracing),
        ("gettrace", gettrace),
        ("getprofile", getprofile),
        ("get_asyncgen_hooks", get_asyncgen_hooks),
        ("set_asyncgen_hooks", set_asyncgen_hooks),
        (
            "get_coroutine_origin_tracking_depth",
            get_coroutine_origin_tracking_depth,
        ),
        (
            "set_coroutine_origin_tracking_depth",
            set_coroutine_origin_tracking_depth,
        ),
        ("_current_frames", current_frames),
        ("_current_exceptions", current_exceptions),
        ("_clear_type_cache", clear_type_cache),
        ("getdlopenflags", getdlopenflags),
        ("setdlopenflags", setdlopenflags),
        ("breakpointhook", breakpointhook),
    ];
    for (n, f) in fns {
        let b = new_builtin(vm, n, *f);
        set(vm, d, n, b);
    }
    // The original hooks, for restoring (`sys.__displayhook__`, ...).
    for (orig, cur) in [
        ("__displayhook__", "displayhook"),
        ("__excepthook__", "excepthook"),
        ("__breakpointhook__", "breakpointhook"),
    ] {
        if let Some(v) = get(vm, d, cur) {
            set(vm, d, orig, v);
        }
    }
    vm.types.asyncgen_hooks =
        crate::types::structseq::make_type(vm, "asyncgen_hooks", &["firstiter", "finalizer"]);
    set(vm, d, "maxunicode", Value::Int(0x10FFFF));
    let s = vm.new_str("short");
    set(vm, d, "float_repr_style", s);
    let s = vm.new_str("");
    set(vm, d, "abiflags", s);
    let s = vm.new_str(COPYRIGHT);
    set(vm, d, "copyright", s);
    // The command line as the OS gave it (`Py_GetArgcArgv`), before option processing.
    let argv: Vec<Value> = std::env::args_os()
        .map(|a| {
            let s = a.to_string_lossy().into_owned();
            vm.new_str(&s)
        })
        .collect();
    let l = vm.new_list(argv);
    set(vm, d, "orig_argv", l);
    // `sys` is a top-level built-in module: its package is "" (`_init_module_attrs`).
    let s = vm.new_str("");
    set(vm, d, "__package__", s);
    let names: Vec<Value> = super::stdlib_module_names::STDLIB_MODULE_NAMES
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    let names = crate::types::set::new_frozenset_unchecked(vm, names);
    set(vm, d, "stdlib_module_names", names);
}

/// `sys.copyright` of CPython 3.11.
const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

/// `sys.getrefcount(obj)`: the object's reference count, this call's argument included
/// (as CPython's). Values pyrs keeps inline (None, bools, ints that fit in 64 bits,
/// floats) have no count; they answer as 3.12's immortal objects do (docs/differences.md).
fn getrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("sys.getrefcount() takes no keyword arguments"));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "sys.getrefcount() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(match &args.pos[0] {
        Value::Obj(o) => Value::Int(o.refcount() as i64),
        _ => Value::Int(u32::MAX as i64),
    })
}

fn getswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getswitchinterval", 0, 0)?;
    Ok(Value::Float(vm.interp.sys_runtime.switch_interval))
}

/// `sys.setswitchinterval(interval)`: a positive number of seconds.
fn setswitchinterval(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let v = match args.take_kw("interval") {
        Some(v) => v,
        None => {
            args.check(vm, "setswitchinterval", 1, 1)?;
            args.pos[0].clone()
        }
    };
    let x = crate::types::float::as_double(vm, &v)?;
    if x <= 0.0 || x.is_nan() {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    // CPython keeps whole microseconds (`1e-9` is 0.0).
    let us = (x * 1e6).min(u64::MAX as f64) as u64;
    vm.interp.sys_runtime.switch_interval = us as f64 / 1e6;
    Ok(Value::None)
}

fn is_finalizing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "is_finalizing", 0, 0)?;
    Ok(Value::Bool(vm.interp.sys_runtime.finalizing))
}

/// `sys.call_tracing(func, args)`: `func(*args)` (tracing is not suspended: pyrs has no
/// tracing yet).
fn call_tracing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "call_tracing", 2, 2)?;
    let Some(a) = args.pos[1].as_tuple().map(|t| t.to_vec()) else {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("call_tracing() argument 2 must be tuple, not {t}")));
    };
    let f = args.pos[0].clone();
    vm.call(&f, a)
}

fn gettrace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "gettrace", 0, 0)?;
    Ok(Value::None)
}

fn getprofile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getprofile", 0, 0)?;
    Ok(Value::None)
}

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter=..., finalizer=...)`.
fn get_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_asyncgen_hooks", 0, 0)?;
    let h = &vm.thread.sys_hooks;
    let vals = vec![
        h.asyncgen_firstiter.clone().unwrap_or(Value::None),
        h.asyncgen_finalizer.clone().unwrap_or(Value::None),
    ];
    let ty = vm.types.asyncgen_hooks.clone();
    Ok(crate::types::structseq::new(vm, &ty, vals))
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: a hook not given is kept,
/// `None` removes one; both are checked before either is set.
fn set_asyncgen_hooks(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let mut firstiter = args.take_kw("firstiter");
    let mut finalizer = args.take_kw("finalizer");
    if let Some((k, _)) = args.kw.first() {
        let k = crate::object::attr::name_of(k);
        return Err(vm.type_error(format!(
            "set_asyncgen_hooks() got an unexpected keyword argument '{k}'"
        )));
    }
    let n = args.pos.len();
    if n > 2 {
        return Err(vm.type_error(format!(
            "set_asyncgen_hooks() takes at most 2 arguments ({n} given)"
        )));
    }
    let mut pos = args.pos.into_iter();
    if let Some(v) = pos.next() {
        if firstiter.is_some() {
            return Err(vm.type_error(
                "argument for set_asyncgen_hooks() given by name ('firstiter') and position (1)",
            ));
        }
        firstiter = Some(v);
    }
    if let Some(v) = pos.next() {
        if finalizer.is_some() {
            return Err(vm.type_error(
                "argument for set_asyncgen_hooks() given by name ('finalizer') and position (2)",
            ));
        }
        finalizer = Some(v);
    }
    for (what, v) in [("finalizer", &finalizer), ("firstiter", &firstiter)] {
        if let Some(v) = v {
            if !matches!(v, Value::None) && !crate::builtins::attrs::is_callable(vm, v) {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("callable {what} expected, got {t}")));
            }
        }
    }
    let h = &mut vm.thread.sys_hooks;
    if let Some(v) = finalizer {
        h.asyncgen_finalizer = (!matches!(v, Value::None)).then_some(v);
    }
    if let Some(v) = firstiter {
        h.asyncgen_firstiter = (!matches!(v, Value::None)).then_some(v);
    }
    Ok(Value::None)
}

/// `async_gen_init_hooks`: the first `asend`/`athrow`/`aclose`/`__anext__` of async
/// generator `g` records the current finalizer hook in it and calls `firstiter(g)`.
pub fn asyncgen_init_hooks(vm: &mut Vm, g: &PyRef) -> PyResult<()> {
    let Payload::Generator(gd) = &g.payload else {
        return Ok(());
    };
    if gd.hooks_inited.get() {
        return Ok(());
    }
    gd.hooks_inited.set(true);
    if let Some(f) = vm.thread.sys_hooks.asyncgen_finalizer.clone() {
        *gd.origin_or_finalizer.borrow_mut() = Some(f);
    }
    if let Some(first) = vm.thread.sys_hooks.asyncgen_firstiter.clone() {
        vm.call(&first, vec![Value::Obj(g.clone())])?;
    }
    Ok(())
}

fn get_coroutine_origin_tracking_depth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_coroutine_origin_tracking_depth", 0, 0)?;
    Ok(Value::Int(vm.thread.sys_hooks.coroutine_origin_depth))
}

fn set_coroutine_origin_tracking_depth(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let v = match args.take_kw("depth") {
        Some(v) => v,
        None => {
            args.check(vm, "set_coroutine_origin_tracking_depth", 1, 1)?;
            args.pos[0].clone()
        }
    };
    let depth = vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?;
    if depth < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    vm.thread.sys_hooks.coroutine_origin_depth = depth;
    Ok(Value::None)
}

/// `cr_origin` of a coroutine being created (`compute_cr_origin`): with tracking on,
/// `((filename, lineno, funcname), ...)` of the innermost frames, innermost first.
pub fn coroutine_origin(vm: &mut Vm) -> Option<Value> {
    let depth = vm.thread.sys_hooks.coroutine_origin_depth;
    if depth <= 0 {
        return None;
    }
    let mut out = Vec::new();
    for i in 0..depth {
        let Ok(f) = crate::types::frame::getframe(vm, i) else {
            break;
        };
        let mut item = Vec::with_capacity(3);
        for (attr, sub) in [
            ("f_code", "co_filename"),
            ("f_lineno", ""),
            ("f_code", "co_name"),
        ] {
            let a = vm.intern(attr);
            let mut v = crate::object::attr::getattr(vm, &f, &a).ok()?;
            if !sub.is_empty() {
                let s = vm.intern(sub);
                v = crate::object::attr::getattr(vm, &v, &s).ok()?;
            }
            item.push(v);
        }
        out.push(vm.new_tuple(item));
    }
    Some(vm.new_tuple(out))
}

/// `sys._current_frames()`: `{thread id: its innermost frame}`; with one thread, the
/// caller's frame.
fn current_frames(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_current_frames", 0, 0)?;
    let d = vm.new_dict_ref();
    if let Ok(f) = crate::types::frame::getframe(vm, 0) {
        let tid = crate::modules::_thread::ident();
        crate::types::dict::set_item(vm, &d, Value::Int(tid), f)?;
    }
    Ok(Value::Obj(d))
}

/// `sys._current_exceptions()`: `{thread id: its sys.exc_info()}` (3.11's form).
fn current_exceptions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_current_exceptions", 0, 0)?;
    let d = vm.new_dict_ref();
    let e = super::sys::exc_info(vm, Args::default())?;
    let tid = crate::modules::_thread::ident();
    crate::types::dict::set_item(vm, &d, Value::Int(tid), e)?;
    Ok(Value::Obj(d))
}

/// `sys._clear_type_cache()`: forget every cached attribute lookup.
fn clear_type_cache(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_clear_type_cache", 0, 0)?;
    vm.type_epoch += 1;
    Ok(Value::None)
}

fn getdlopenflags(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getdlopenflags", 0, 0)?;
    Ok(Value::Int(vm.interp.sys_runtime.dlopenflags))
}

fn setdlopenflags(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setdlopenflags", 1, 1)?;
    let v = vm.index_value(
        &args.pos[0],
        "'{}' object cannot be interpreted as an integer",
    )?;
    if v > i32::MAX as i64 || v < i32::MIN as i64 {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    vm.interp.sys_runtime.dlopenflags = v;
    Ok(Value::None)
}

/// Whether `-E`/`-I` told pyrs to ignore `PYTHON*` variables (`sys.flags`).
fn ignore_environment(vm: &mut Vm) -> bool {
    let d = vm.sys_dict.clone();
    let Some(flags) = get(vm, &d, "flags") else {
        return false;
    };
    let n = vm.intern("ignore_environment");
    match crate::object::attr::getattr(vm, &flags, &n) {
        Ok(v) => vm.truthy(&v).unwrap_or(false),
        Err(_) => false,
    }
}

/// `sys.breakpointhook(*args, **kws)`: call the function `$PYTHONBREAKPOINT` names
/// (`pdb.set_trace` when unset or empty; `0` disables; a name without a dot is a builtin),
/// warning and returning None when it cannot be imported.
fn breakpointhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let env = if ignore_environment(vm) {
        None
    } else {
        std::env::var_os("PYTHONBREAKPOINT").map(|s| s.to_string_lossy().into_owned())
    };
    let target = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(Value::None),
        Some(s) => s.to_string(),
    };
    let (module, attr) = match target.rsplit_once('.') {
        None => ("builtins", target.as_str()),
        Some(("", _)) => return unimportable(vm, &target),
        Some((m, a)) => (m, a),
    };
    let fromlist = {
        let s = vm.new_str("__doc__");
        vm.new_tuple(vec![s])
    };
    let m = match crate::import::import_module_level(vm, module, None, &fromlist, 0) {
        Ok(m) => m,
        Err(e) if vm.err_matches(&e, &vm.types.import_error.clone()) => {
            return unimportable(vm, &target)
        }
        Err(e) => return Err(e),
    };
    let n = vm.intern(attr);
    let hook = match crate::object::attr::getattr(vm, &m, &n) {
        Ok(h) => h,
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => {
            return unimportable(vm, &target)
        }
        Err(e) => return Err(e),
    };
    vm.call_args(&hook, args)
}

fn unimportable(vm: &mut Vm, target: &str) -> PyResult<Value> {
    crate::modules::_warnings::warn_builtin(
        vm,
        "RuntimeWarning",
        &format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{target}\""),
    )?;
    Ok(Value::None)
}

/// `builtins.breakpoint(*args, **kws)`: `sys.breakpointhook(*args, **kws)`, after the
/// `builtins.breakpoint` audit event.
pub fn breakpoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = vm.sys_dict.clone();
    let Some(hook) = get(vm, &d, "breakpointhook") else {
        return Err(vm.runtime_error("lost sys.breakpointhook"));
    };
    crate::builtins::audit::audit_event(vm, "builtins.breakpoint", vec![hook.clone()])?;
    vm.call_args(&hook, args)
}
