//! The `sys` module essentials (CPython: `Python/sysmodule.c`).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{new_builtin, Args};
use crate::vm::{PyResult, Vm};

/// The fields of `sys.flags`, in CPython 3.11's order (`import/main.rs` fills them from
/// the command line).
pub const SYS_FLAGS_FIELDS: [&str; 18] = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
];

fn set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
    let n = vm.intern(name);
    crate::types::dict::dict_set_str(vm, d, &n, v);
}

pub fn install(vm: &mut Vm) {
    let d = vm.sys_dict.clone();
    crate::builtins::print::init_stdio(vm, crate::builtins::print::env_buffered());
    let name = vm.new_str("sys");
    set(vm, &d, "__name__", name);
    // CPython's docstring of sys (`types/doc_table.rs`).
    let doc = match crate::types::doc::attr_doc("sys", "__doc__") {
        Some((Some(t), _)) => vm.new_str(t),
        _ => Value::None,
    };
    set(vm, &d, "__doc__", doc);
    let ver = vm.new_str("3.11.7 (pyrs)");
    set(vm, &d, "version", ver);
    install_info(vm, &d);
    set(vm, &d, "maxsize", Value::Int(i64::MAX));
    let bo = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    });
    set(vm, &d, "byteorder", bo);
    let pl = vm.new_str(std::env::consts::OS);
    set(vm, &d, "platform", pl);
    let modules = Value::Obj(vm.new_dict_ref());
    set(vm, &d, "modules", modules);
    let path = vm.new_list(vec![]);
    set(vm, &d, "path", path);
    for (n, f) in [
        (
            "getrecursionlimit",
            getrecursionlimit as crate::types::function::NativeFn,
        ),
        ("setrecursionlimit", setrecursionlimit),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("exit", exit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("_getframe", getframe),
        ("getsizeof", getsizeof),
        ("getdefaultencoding", getdefaultencoding),
        ("getfilesystemencoding", getfilesystemencoding),
        ("getfilesystemencodeerrors", getfilesystemencodeerrors),
        ("excepthook", excepthook),
        ("displayhook", displayhook),
        ("audit", super::audit::audit),
        ("addaudithook", super::audit::addaudithook),
        ("getallocatedblocks", getallocatedblocks),
        ("_getquickenedcount", getquickenedcount),
        ("_debugmallocstats", debugmallocstats),
    ] {
        let b = new_builtin(vm, n, f);
        set(vm, &d, n, b);
    }
    vm.types.unraisable_hook_args = crate::report::unraisable::make_type(vm);
    let hook = new_builtin(
        vm,
        "unraisablehook",
        crate::report::unraisable::unraisablehook,
    );
    set(vm, &d, "unraisablehook", hook.clone());
    set(vm, &d, "__unraisablehook__", hook);
    super::sys_runtime::install(vm, &d);
    let ty = vm.types.module.clone();
    let m = vm.alloc(&ty, Payload::Module(d));
    vm.sys_module = Some(m);
}

/// The struct sequences and constants of `sys`: version_info, hexversion, implementation,
/// flags, float_info, int_info, hash_info, builtin_module_names.
fn install_info(vm: &mut Vm, d: &PyRef) {
    use crate::types::structseq;
    let vt = structseq::make_type(
        vm,
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    );
    let fin = vm.new_str("final");
    let vi = structseq::new(
        vm,
        &vt,
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            fin,
            Value::Int(0),
        ],
    );
    set(vm, d, "version_info", vi.clone());
    set(vm, d, "hexversion", Value::Int(0x030B07F0));
    set(vm, d, "api_version", Value::Int(1013));
    // sys.implementation (design.md §2): name "pyrs", cache tag "pyrs-311".
    let ns = crate::types::namespace::new(vm);
    for (k, v) in [
        ("name", vm.new_str("pyrs")),
        ("cache_tag", vm.new_str("pyrs-311")),
        ("version", vi),
        ("hexversion", Value::Int(0x030B07F0)),
    ] {
        crate::types::namespace::set(vm, &ns, k, v);
    }
    set(vm, d, "implementation", ns);
    let hash_random = vm.interp.python_env("PYTHONHASHSEED").as_deref() != Some("0");
    let fields = SYS_FLAGS_FIELDS;
    let ft = structseq::make_type(vm, "sys.flags", &fields);
    let mut vals: Vec<Value> = fields.iter().map(|_| Value::Int(0)).collect();
    vals[11] = Value::Int(hash_random as i64);
    vals[13] = Value::Bool(false);
    vals[16] = Value::Bool(false);
    vals[17] = Value::Int(-1);
    let flags = structseq::new(vm, &ft, vals);
    set(vm, d, "flags", flags);
    let fit = structseq::make_type(
        vm,
        "sys.float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    );
    let fi = structseq::new(
        vm,
        &fit,
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(f64::RADIX as i64),
            Value::Int(1),
        ],
    );
    set(vm, d, "float_info", fi);
    // pyrs's ints are i64 inline and num-bigint (32-bit digits) beyond; CPython's digit
    // size is what programs compare against, so the layout of CPython's 64-bit builds is
    // reported for the conversion limits that matter (default/threshold digits).
    let iit = structseq::make_type(
        vm,
        "sys.int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
    );
    let ii = structseq::new(
        vm,
        &iit,
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(4300),
            Value::Int(640),
        ],
    );
    set(vm, d, "int_info", ii);
    let hit = structseq::make_type(
        vm,
        "sys.hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
    );
    let alg = vm.new_str("siphash13");
    let hi = structseq::new(
        vm,
        &hit,
        vec![
            Value::Int(64),
            Value::Int((1i64 << 61) - 1),
            Value::Int(314159),
            Value::Int(0),
            Value::Int(1000003),
            alg,
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    );
    set(vm, d, "hash_info", hi);
    // `thread_info`: what CPython reports for a build without threads (WASI's
    // "pthread-stubs", no lock type, no version): pyrs runs one thread (`_thread.rs`).
    let tit = structseq::make_type(vm, "sys.thread_info", &["name", "lock", "version"]);
    let stubs = vm.new_str("pthread-stubs");
    let ti = structseq::new(vm, &tit, vec![stubs, Value::None, Value::None]);
    set(vm, d, "thread_info", ti);
    // `_git` is (implementation, branch, revision) of the build (`platform` reads it):
    // pyrs, no branch or revision recorded. `_framework` is a macOS framework build's
    // name (empty elsewhere), `_home` a venv's `home` (pyrs reads no pyvenv.cfg).
    let (p, e) = (vm.new_str("pyrs"), vm.new_str(""));
    let git = vm.new_tuple(vec![p, e.clone(), e.clone()]);
    set(vm, d, "_git", git);
    set(vm, d, "_framework", e);
    set(vm, d, "_home", Value::None);
    let names = crate::modules::builtin_module_names()
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    let t = vm.new_tuple(names);
    set(vm, d, "builtin_module_names", t);
}

/// `sys.getallocatedblocks()`: 0, which the documentation allows for an implementation
/// that cannot count its allocator's blocks (pyrs allocates through Rust's allocator).
fn getallocatedblocks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sys.getallocatedblocks", 0, 0)?;
    Ok(Value::Int(0))
}

/// `sys._getquickenedcount()`: the code objects quickened in place, which pyrs never does
/// (its inline caches live beside the code: docs/internals/vm.md).
fn getquickenedcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sys._getquickenedcount", 0, 0)?;
    Ok(Value::Int(0))
}

/// `sys._debugmallocstats()`: statistics of CPython's pymalloc, which pyrs does not have:
/// nothing to print.
fn debugmallocstats(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sys._debugmallocstats", 0, 0)?;
    Ok(Value::None)
}

fn exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exception", 0, 0)?;
    Ok(vm.thread.exc_info.clone().unwrap_or(Value::None))
}

fn getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_getframe", 0, 1)?;
    let depth = match args.pos.first() {
        Some(v) => vm.index_value(v, "'{}' object cannot be interpreted as an integer")?,
        None => 0,
    };
    crate::types::frame::getframe(vm, depth)
}

/// `sys.getsizeof(obj)`: pyrs's own footprint of the object (its heap block plus the
/// buffers it owns; an inline value is the size of a `Value`), or `__sizeof__`'s answer.
fn getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getsizeof", 1, 2)?;
    let v = &args.pos[0];
    if let Some(r) = crate::object::protocol::try_heap_dunder(vm, v, "__sizeof__", vec![])? {
        let n = vm.index_value(&r, "an integer is required")?;
        if n < 0 {
            return Err(vm.value_error("__sizeof__() should return >= 0"));
        }
        return Ok(Value::Int(n));
    }
    let v = v.clone();
    Ok(Value::Int(
        crate::types::introspect::footprint(vm, &v) as i64
    ))
}

fn getdefaultencoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getdefaultencoding", 0, 0)?;
    Ok(vm.new_str("utf-8"))
}

fn getfilesystemencoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getfilesystemencoding", 0, 0)?;
    Ok(vm.new_str("utf-8"))
}

fn getfilesystemencodeerrors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getfilesystemencodeerrors", 0, 0)?;
    Ok(vm.new_str("surrogateescape"))
}

/// `sys.excepthook(type, value, traceback)`: print the report of an exception to stderr.
fn excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "excepthook", 3, 3)?;
    let is_exc = crate::types::exceptions::exc_data_of(&args.pos[1]).is_some();
    let Some(e) = args.pos[1].as_obj().filter(|_| is_exc) else {
        let t = vm.type_name(&args.pos[1]);
        let msg =
            format!("TypeError: print_exception(): Exception expected for value, {t} found\n");
        return write_stderr(vm, &msg);
    };
    let e = e.clone();
    let text = crate::report::format_exception(vm, &e);
    write_stderr(vm, &text)
}

/// `PyErr_Display`'s output: to `sys.stderr`, then its `flush()`; "lost sys.stderr" on
/// the process's stderr when there is none.
fn write_stderr(vm: &mut Vm, text: &str) -> PyResult<Value> {
    match crate::import::sys_attr(vm, "stderr") {
        None | Some(Value::None) => {
            use std::io::Write;
            let _ = std::io::stderr().write_all(b"lost sys.stderr\n");
        }
        Some(err) => {
            crate::builtins::print::write_to(vm, &err, text)?;
            vm.call_method(&err, "flush", vec![])?;
        }
    }
    Ok(Value::None)
}

/// `sys.displayhook(value)`: print `repr(value)` and set `builtins._` (None is skipped).
fn displayhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "displayhook", 1, 1)?;
    let v = args.pos[0].clone();
    if matches!(v, Value::None) {
        return Ok(Value::None);
    }
    let b = vm.builtins.clone();
    let n = vm.intern("_");
    crate::types::dict::dict_set_str(vm, &b, &n, Value::None);
    let r = vm.repr(&v)?;
    let out = match crate::import::sys_attr(vm, "stdout") {
        None | Some(Value::None) => return Err(vm.runtime_error("lost sys.stdout")),
        Some(o) => o,
    };
    crate::builtins::print::write_to(vm, &out, &format!("{r}\n"))?;
    crate::types::dict::dict_set_str(vm, &b, &n, v);
    Ok(Value::None)
}

/// Set `sys.argv`.
pub fn set_argv(vm: &mut Vm, argv: &[String]) {
    let items = argv.iter().map(|a| vm.new_str(a)).collect();
    let l = vm.new_list(items);
    let d = vm.sys_dict.clone();
    set(vm, &d, "argv", l);
}

fn get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_int_max_str_digits", 0, 0)?;
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(v) = args.take_kw("maxdigits") {
        args.pos.push(v);
    }
    args.check(vm, "set_int_max_str_digits", 1, 1)?;
    let n = vm.index_value(
        &args.pos[0],
        "'{}' object cannot be interpreted as an integer",
    )?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.index_value(
        &args.pos[0],
        "'{}' object cannot be interpreted as an integer",
    )?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.thread.depth {
        let t = vm.types.recursion_error.clone();
        return Err(vm.new_error(
            &t,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                vm.thread.depth
            ),
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exit", 0, 1)?;
    let t = vm.types.system_exit.clone();
    Err(crate::vm::PyErr(crate::types::exceptions::new_exception(
        vm,
        &t,
        args.pos.into_vec(),
    )))
}

pub(super) fn exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match vm.thread.exc_info.clone() {
        Some(e) => {
            let t = Value::Obj(vm.type_of(&e).clone());
            let tb = e
                .as_obj()
                .and_then(crate::types::exceptions::exc_data)
                .and_then(|d| d.traceback(vm))
                .unwrap_or(Value::None);
            Ok(vm.new_tuple(vec![t, e, tb]))
        }
        None => Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "intern", 1, 1)?;
    match args.pos[0].as_str() {
        Some(s) => {
            let t = s.as_rust().into_owned();
            Ok(Value::Obj(vm.intern(&t)))
        }
        None => Err(vm.type_error("intern() argument must be str")),
    }
}
