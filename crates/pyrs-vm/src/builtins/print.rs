//! `print` and `input` (CPython: `builtin_print`, `builtin_input` in
//! `Python/bltinmodule.c`), and the life of the standard streams: their creation as
//! `create_stdio` in `Python/pylifecycle.c` makes them (encoding and error handler,
//! buffering, `-u`) and their flushing at exit (`flush_std_files`).
//!
//! `sys.stdout`/`sys.stderr`/`sys.stdin` are real `_io.TextIOWrapper` objects over
//! `BufferedWriter(FileIO(1|2, closefd=False))` (`modules/_io/open.rs`'s
//! `create_stdio`), so their buffering and ordering are `_io`'s: text waits in the
//! wrapper's pending bytes, bytes in the buffer, and nothing else flushes stdout (not
//! stderr writes, not `os.write`, not the traceback report), as in CPython.
//!
//! `print` looks up `sys.stdout` on every call and writes each piece (`str(arg)`,
//! `sep`, `end`) with the file's `write`; when the file is an exact `TextIOWrapper`
//! whose `write` nothing shadows, the pieces go to `textio::write_str` directly (what
//! the method would run), without a method call or a str object per piece.

use crate::modules::_io::textio;
use crate::object::{PyRef, Value};
use crate::types::function::Args;
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};

/// `sys.<name>`: `None` when the attribute is missing.
fn sys_file(vm: &mut Vm, name: &str) -> Option<Value> {
    crate::import::sys_attr(vm, name)
}

/// `sys.stdout` (the interned name's lookup, done on every `print()`).
fn sys_stdout(vm: &mut Vm) -> Option<Value> {
    let io = crate::modules::_io::types(vm);
    let (n, h) = &io.name_stdout;
    crate::types::dict::dict_get_str(&vm.sys_dict, crate::object::attr::pystr(n), *h)
}

/// Write `s` to the file-like object `file` (`PyFile_WriteString`).
pub fn write_to(vm: &mut Vm, file: &Value, s: &str) -> PyResult<()> {
    if let Some(t) = textio::exact_writer(vm, file) {
        textio::write_str(vm, t, &PyStr::from_str(s))?;
        return Ok(());
    }
    let w = crate::modules::native_type::getattr(vm, file, "write")?;
    let sv = vm.new_str(s);
    vm.call(&w, vec![sv])?;
    Ok(())
}

/// One piece of a `print` (`PyFile_WriteObject(v, file, Py_PRINT_RAW)`): `str(v)`
/// written with `file.write`. `fast` is `file` as an exact `TextIOWrapper` (see
/// [`textio::exact_writer`]), found again after `str(v)` ran Python code.
fn write_piece<'a>(
    vm: &mut Vm,
    file: &'a Value,
    fast: &mut Option<&'a textio::TextIOWrapper>,
    v: &Value,
) -> PyResult<()> {
    if let Some(t) = *fast {
        match v {
            Value::Int(n) => {
                textio::write_str(vm, t, &PyStr::from_i64(*n))?;
                return Ok(());
            }
            Value::Obj(o) if o.ty.is(&vm.types.str) => {
                let s = v.as_str().expect("a str object");
                textio::write_str(vm, t, s)?;
                return Ok(());
            }
            _ => {
                let s = vm.str_value(v)?;
                *fast = textio::exact_writer(vm, file);
                if let (Some(t), Some(text)) = (*fast, s.as_str()) {
                    textio::write_str(vm, t, text)?;
                    return Ok(());
                }
                let w = crate::modules::native_type::getattr(vm, file, "write")?;
                vm.call(&w, vec![s])?;
                return Ok(());
            }
        }
    }
    // `file.write` is looked up before `str(v)` runs, as in CPython.
    let w = crate::modules::native_type::getattr(vm, file, "write")?;
    let s = vm.str_value(v)?;
    vm.call(&w, vec![s])?;
    Ok(())
}

pub fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep");
    let end = args.take_kw("end");
    let file = args.take_kw("file").filter(|v| !matches!(v, Value::None));
    let flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        let n = Value::Obj(k.clone())
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for print()")));
    }
    // The clinic's `p` converter: `flush` is a bool before anything is written.
    let flush = match flush {
        Some(f) => vm.truthy(&f)?,
        None => false,
    };
    let file = match file {
        Some(f) => f,
        None => match sys_stdout(vm) {
            None => return Err(vm.runtime_error("lost sys.stdout")),
            // sys.stdout may be None when the descriptor is not connected.
            Some(Value::None) => return Ok(Value::None),
            Some(f) => f,
        },
    };
    let check = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<Value>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) if v.as_str().is_some() => Ok(Some(v)),
            Some(v) => Err(vm.type_error(format!(
                "{what} must be None or a string, not {}",
                vm.type_name(&v)
            ))),
        }
    };
    let sep = check(vm, sep, "sep")?;
    let end = check(vm, end, "end")?;
    let mut fast = textio::exact_writer(vm, &file);
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            match &sep {
                Some(s) => write_piece(vm, &file, &mut fast, s)?,
                None => match fast {
                    Some(t) => textio::write_ascii(vm, t, " ")?,
                    None => write_to(vm, &file, " ")?,
                },
            }
        }
        write_piece(vm, &file, &mut fast, a)?;
    }
    match &end {
        Some(e) => write_piece(vm, &file, &mut fast, e)?,
        None => match fast {
            Some(t) => textio::write_ascii(vm, t, "\n")?,
            None => write_to(vm, &file, "\n")?,
        },
    }
    if flush {
        vm.call_method(&file, "flush", vec![])?;
    }
    Ok(Value::None)
}

/// `input(prompt='')` off a terminal (pyrs has no line editing): stderr is flushed,
/// the prompt written to and stdout flushed, then `sys.stdin.readline()` without its
/// newline.
pub fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "input", 0, 1)?;
    let mut files = Vec::with_capacity(3);
    for name in ["stdin", "stdout", "stderr"] {
        match sys_file(vm, name) {
            None | Some(Value::None) => {
                return Err(vm.runtime_error(format!("input(): lost sys.{name}")))
            }
            Some(f) => files.push(f),
        }
    }
    let (fin, fout, ferr) = (files[0].clone(), files[1].clone(), files[2].clone());
    let _ = vm.call_method(&ferr, "flush", vec![]);
    if let Some(p) = args.pos.first() {
        let mut fast = textio::exact_writer(vm, &fout);
        write_piece(vm, &fout, &mut fast, p)?;
    }
    let _ = vm.call_method(&fout, "flush", vec![]);
    let line = vm.call_method(&fin, "readline", vec![])?;
    let Some(s) = line.as_str() else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    let mut cps = s.to_vec();
    if cps.is_empty() {
        let t = vm.types.eof_error.clone();
        return Err(vm.new_error(&t, "EOF when reading a line"));
    }
    if cps.last() == Some(&('\n' as u32)) {
        cps.pop();
    }
    Ok(vm.new_pystr(PyStr::from_vec(cps)))
}

// ---- the standard streams ---------------------------------------------------------------

/// The encoding and error handler of the standard streams, as CPython's
/// `config_init_stdio_encoding` chooses them: PYTHONIOENCODING's `encoding:errors`
/// (an encoding alone means strict; errors alone keep the locale's encoding), else the
/// locale's encoding (UTF-8: pyrs runs in a UTF-8 locale, or coerces the C locale as
/// CPython does) with surrogateescape in UTF-8 mode and in the C/POSIX locale and its
/// coercion targets, strict otherwise. (pyrs does not ask libc whether the locale exists;
/// CPython falls back to C, and so surrogateescape, for a locale that is not installed.)
pub fn stdio_encoding(vm: &mut Vm) -> (String, String) {
    let (io_encoding, utf8) = (
        vm.interp.python_env("PYTHONIOENCODING"),
        vm.interp.python_env("PYTHONUTF8"),
    );
    let var = |k: &str| match k {
        "PYTHONIOENCODING" => io_encoding.clone(),
        "PYTHONUTF8" => utf8.clone(),
        _ => std::env::var(k).ok().filter(|v| !v.is_empty()),
    };
    let mut encoding = None;
    let mut errors = None;
    if let Some(v) = var("PYTHONIOENCODING") {
        let (enc, e) = v.split_once(':').unwrap_or((&v, ""));
        if !enc.is_empty() {
            // The codec's own name, as `codecs.lookup(name).name` ('latin1' is
            // 'iso8859-1'); an unknown one keeps the locale's (see differences.md).
            if let Ok(c) = crate::types::codecs::lookup(vm, enc) {
                encoding = Some(match c {
                    crate::types::codecs::Codec::Latin1 => "iso8859-1".to_string(),
                    c => c.name().to_string(),
                });
                // "PYTHONIOENCODING=latin1 behaves as PYTHONIOENCODING=latin1:strict".
                errors = Some("strict".to_string());
            }
        }
        if !e.is_empty() {
            errors = Some(e.to_string());
        }
    }
    let errors = errors.unwrap_or_else(|| {
        let loc = var("LC_ALL")
            .or_else(|| var("LC_CTYPE"))
            .or_else(|| var("LANG"));
        let c_locale = matches!(
            loc.as_deref(),
            None | Some("C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8")
        );
        if var("PYTHONUTF8").as_deref() == Some("1") || c_locale {
            "surrogateescape".into()
        } else {
            "strict".into()
        }
    });
    (encoding.unwrap_or_else(|| "utf-8".to_string()), errors)
}

/// Whether the environment asks for unbuffered output (PYTHONUNBUFFERED non-empty;
/// `-u` is the command line's, applied by [`init_stdio`] again).
pub fn env_buffered() -> bool {
    std::env::var_os("PYTHONUNBUFFERED").map_or(true, |v| v.is_empty())
}

/// Make `sys.stdin`/`stdout`/`stderr` and their `__std*__` twins (`init_sys_streams`);
/// `buffered` false is `-u`. A descriptor that is not open gives None, as in CPython.
/// `vm.stdout`/`vm.stderr` keep the objects made here, which exit flushes last.
pub fn init_stdio(vm: &mut Vm, buffered: bool) {
    let (encoding, errors) = stdio_encoding(vm);
    let make = |vm: &mut Vm, fd: i32, name: &str, errors: &str| {
        crate::modules::_io::open::create_stdio(vm, fd, name, &encoding, errors, buffered)
            .unwrap_or(Value::None)
    };
    let stdin = make(vm, 0, "<stdin>", &errors);
    let stdout = make(vm, 1, "<stdout>", &errors);
    let stderr = make(vm, 2, "<stderr>", "backslashreplace");
    for (name, v) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        crate::import::set_sys_attr(vm, name, v.clone());
        crate::import::set_sys_attr(vm, &format!("__{name}__"), v.clone());
        let obj = v.as_obj().cloned();
        match name {
            "stdout" => vm.stdout = obj,
            "stderr" => vm.stderr = obj,
            _ => {}
        }
    }
    vm.stdio_buffered = buffered;
}

/// `-u` given on the command line (or -E dropping PYTHONUNBUFFERED): the streams are
/// made again with that buffering, before any code ran.
pub fn set_stdio_buffered(vm: &mut Vm, buffered: bool) {
    if vm.stdio_buffered != buffered {
        init_stdio(vm, buffered);
    }
}

/// `flush_io` after a script file (or stdin) ran, before its traceback is printed
/// (CPython's `_PyRun_SimpleFileObject`; not after `-c` or `-m`): `sys.stderr.flush()`
/// then `sys.stdout.flush()`, errors ignored.
pub fn flush_io(vm: &mut Vm) {
    for name in ["stderr", "stdout"] {
        if let Some(f) = sys_file(vm, name) {
            let _ = vm.call_method(&f, "flush", vec![]);
        }
    }
}

/// Whether `f.closed` is true (CPython's `file_is_closed`: an error counts as open, so
/// the flush that follows reports it).
fn file_is_closed(vm: &mut Vm, f: &Value) -> bool {
    match crate::modules::native_type::getattr(vm, f, "closed") {
        Ok(c) => vm.truthy(&c).unwrap_or(false),
        Err(_) => false,
    }
}

/// `flush_std_files` at exit: `sys.stdout.flush()` (a failure is reported as
/// unraisable, "Exception ignored in: <stdout>") then `sys.stderr.flush()` (silently).
/// False when either failed: the process then exits with status 120 (`Py_RunMain`).
/// Then `sys.stdin`/`stdout`/`stderr` become `sys.__stdin__`/... again, as
/// `finalize_modules` resets them before modules are cleared: what `__del__` methods
/// print at shutdown goes to the real streams.
pub fn flush_std_files(vm: &mut Vm) -> bool {
    let ok = flush_current(vm);
    for name in ["stdin", "stdout", "stderr"] {
        let v = sys_file(vm, &format!("__{name}__")).unwrap_or(Value::None);
        crate::import::set_sys_attr(vm, name, v);
    }
    ok
}

fn flush_current(vm: &mut Vm) -> bool {
    let mut ok = true;
    for name in ["stdout", "stderr"] {
        let Some(f) = sys_file(vm, name).filter(|f| !matches!(f, Value::None)) else {
            continue;
        };
        if file_is_closed(vm, &f) {
            continue;
        }
        if let Err(e) = vm.call_method(&f, "flush", vec![]) {
            ok = false;
            if name == "stdout" {
                crate::report::unraisable::write_unraisable(vm, &e, None, Some(f));
            }
        }
    }
    ok
}

/// The last flush, after `__main__` is gone (CPython: the streams' finalization when
/// `sys` is cleared): the current `sys.stdout`/`sys.stderr` and the ones made at startup,
/// errors ignored.
pub fn final_flush(vm: &mut Vm) {
    let mut files: Vec<Value> = Vec::new();
    for name in ["stdout", "stderr"] {
        if let Some(f) = sys_file(vm, name).filter(|f| !matches!(f, Value::None)) {
            files.push(f);
        }
    }
    let std: [Option<PyRef>; 2] = [vm.stdout.clone(), vm.stderr.clone()];
    files.extend(std.into_iter().flatten().map(Value::Obj));
    for f in files {
        if !file_is_closed(vm, &f) {
            let _ = vm.call_method(&f, "flush", vec![]);
        }
    }
}

/// Flush `sys.stderr` before Rust writes to descriptor 2 itself (the traceback report,
/// fatal messages), so what Python wrote there comes first.
pub fn flush_stderr(vm: &mut Vm) {
    if let Some(f) = sys_file(vm, "stderr").filter(|f| !matches!(f, Value::None)) {
        let _ = vm.call_method(&f, "flush", vec![]);
    }
}
