//! `print` and `input`, and the text streams behind `sys.stdout`/`sys.stderr` (CPython:
//! `builtin_print` in `Python/bltinmodule.c`; the streams are `io.TextIOWrapper`s over a
//! `BufferedWriter` there, made by `create_stdio` in `Python/pylifecycle.c`).
//!
//! Here they are native `_io.TextIOWrapper` objects with CPython's attributes and writing
//! methods, each with a `buffer` (`_io.BufferedWriter`) writing bytes to the same OS
//! stream. stdout's text and bytes share one buffer, `vm.out_buf` (flushed past 8 KiB, at
//! a newline when stdout is a terminal, at exit and before anything else writes to the
//! descriptor); stderr is unbuffered and flushes stdout first, so output keeps its order.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::io::Write;

/// Which OS stream a stream object writes to.
fn os_stream(vm: &Vm, f: &Value) -> Option<u8> {
    let o = f.as_obj()?;
    if vm.stdout.as_ref().is_some_and(|s| s.is(o)) {
        Some(1)
    } else if vm.stderr.as_ref().is_some_and(|s| s.is(o)) {
        Some(2)
    } else {
        None
    }
}

fn write_os(vm: &mut Vm, which: u8, s: &str) -> PyResult<()> {
    write_os_bytes(vm, which, s.as_bytes(), true)
}

/// Write to stdout (through `vm.out_buf`) or stderr (unbuffered, after stdout's
/// pending output). `text`: a text stream's write, which a line-buffered stdout
/// flushes when it holds "\n" or "\r" (`TextIOWrapper.write`); its binary buffer's
/// writes do not.
fn write_os_bytes(vm: &mut Vm, which: u8, b: &[u8], text: bool) -> PyResult<()> {
    let r = if which == 1 {
        vm.out_buf.extend_from_slice(b);
        if vm.out_buf.len() > 8192
            // (The terminal test first: a piped stdout's writes are not scanned.)
            || (text && stdout_line_buffered() && b.iter().any(|&c| c == b'\n' || c == b'\r'))
        {
            flush_stdout(vm)
        } else {
            Ok(())
        }
    } else {
        let _ = flush_stdout(vm);
        std::io::stderr().write_all(b)
    };
    r.map_err(|e| crate::types::exceptions::os_error_from_io(vm, &e, None))
}

/// Write buffered stdout text to the OS.
pub fn flush_stdout(vm: &mut Vm) -> std::io::Result<()> {
    if vm.out_buf.is_empty() {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    let r = out.write_all(&vm.out_buf).and_then(|_| out.flush());
    vm.out_buf.clear();
    r
}

/// Write `s` to a file-like object.
pub fn write_to(vm: &mut Vm, file: &Value, s: &str) -> PyResult<()> {
    match os_stream(vm, file) {
        Some(w) => write_os(vm, w, s),
        None => {
            let sv = vm.new_str(s);
            vm.call_method(file, "write", vec![sv])?;
            Ok(())
        }
    }
}

pub fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").filter(|v| !matches!(v, Value::None));
    let end = args.take_kw("end").filter(|v| !matches!(v, Value::None));
    let file = args.take_kw("file").filter(|v| !matches!(v, Value::None));
    let flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        let n = Value::Obj(k.clone())
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for print()")));
    }
    let to_text = |vm: &mut Vm, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.as_rust().into_owned()),
                None => Err(vm.type_error(format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(&v)
                ))),
            },
        }
    };
    let sep = to_text(vm, sep, " ", "sep")?;
    let end = to_text(vm, end, "\n", "end")?;
    let file = match file {
        Some(f) => f,
        None => match &vm.stdout {
            Some(s) => Value::Obj(s.clone()),
            None => return Ok(Value::None),
        },
    };
    // A Python file object gets one write() per piece, as `builtin_print` makes them;
    // the OS streams take the joined text.
    let pieces = os_stream(vm, &file).is_none();
    let mut out = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
            if pieces {
                write_to(vm, &file, &std::mem::take(&mut out))?;
            }
        }
        match a.as_str() {
            Some(s) if !a.as_obj().is_some_and(|o| o.ty_is_heap()) => out.push_str(&s.as_rust()),
            _ => out.push_str(&vm.str_string(a)?),
        }
        if pieces {
            write_to(vm, &file, &std::mem::take(&mut out))?;
        }
    }
    out.push_str(&end);
    write_to(vm, &file, &out)?;
    if let Some(f) = flush {
        if vm.truthy(&f)? && os_stream(vm, &file) == Some(1) {
            let _ = flush_stdout(vm);
        }
    }
    Ok(Value::None)
}

pub fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "input", 0, 1)?;
    if let Some(p) = args.pos.first() {
        let s = vm.str_string(p)?;
        write_os(vm, 1, &s)?;
    }
    let _ = flush_stdout(vm);
    // `fin.readline()` of sys.stdin, as CPython's input() off a terminal (and pyrs has
    // no line editing on one either).
    let name = vm.intern("stdin");
    let key = crate::object::attr::pystr(&name);
    let fin = crate::types::dict::dict_get_str(&vm.sys_dict, key, key.hash(&vm.hash_secret));
    let fin = match fin {
        Some(f) if !matches!(f, Value::None) => f,
        _ => return Err(vm.runtime_error("input(): lost sys.stdin")),
    };
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
    Ok(vm.new_pystr(crate::types::str::PyStr::from_vec(cps)))
}

/// The state of `sys.stdout`/`sys.stderr` (`TextIOWrapper`) and of their `buffer`
/// (`BufferedWriter`): which OS stream they write to, and for a text stream its buffer
/// and its `errors`, fixed at startup as CPython's `create_stdio` fixes them.
struct StdStream {
    fd: u8,
    buffer: Value,
    errors: String,
}

impl crate::modules::native_type::NativeData for StdStream {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.buffer);
    }
}

fn this<'a>(vm: &mut Vm, args: &'a Args, method: &str, tyname: &str) -> PyResult<&'a StdStream> {
    crate::modules::native_type::this::<StdStream>(vm, args, method, tyname)
}

/// CPython's "takes no arguments" / "takes exactly one argument" for a METH_NOARGS /
/// METH_O method of `tyname`.
fn arity(vm: &mut Vm, args: &Args, tyname: &str, method: &str, n: usize) -> PyResult<()> {
    let given = args.pos.len().saturating_sub(1);
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{tyname}.{method}() takes no keyword arguments")));
    }
    if given == n {
        return Ok(());
    }
    Err(vm.type_error(if n == 0 {
        format!("{tyname}.{method}() takes no arguments ({given} given)")
    } else {
        format!("{tyname}.{method}() takes exactly one argument ({given} given)")
    }))
}

fn stream_name(fd: u8) -> &'static str {
    if fd == 1 {
        "<stdout>"
    } else {
        "<stderr>"
    }
}

/// Whether stdout is a terminal at startup: CPython's `create_stdio` makes it
/// line-buffered then (a write holding "\n" or "\r" flushes).
fn stdout_line_buffered() -> bool {
    static TTY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TTY.get_or_init(|| {
        use std::io::IsTerminal;
        std::io::stdout().is_terminal()
    })
}

fn fd_isatty(fd: u8) -> bool {
    use std::io::IsTerminal;
    if fd == 1 {
        std::io::stdout().is_terminal()
    } else {
        std::io::stderr().is_terminal()
    }
}

/// `FileIO.seekable()`: whether `lseek(fd, 0, SEEK_CUR)` succeeds.
fn fd_seekable(fd: u8) -> bool {
    use std::os::fd::AsFd;
    let cur = rustix::fs::SeekFrom::Current(0);
    if fd == 1 {
        rustix::fs::seek(std::io::stdout().as_fd(), cur).is_ok()
    } else {
        rustix::fs::seek(std::io::stderr().as_fd(), cur).is_ok()
    }
}

/// stdout's `errors` as CPython's `config_init_stdio_encoding` chooses it: the error
/// handler of PYTHONIOENCODING if given (strict if it names only an encoding); else
/// surrogateescape in UTF-8 mode and in the C/POSIX locale and its coercion targets,
/// strict otherwise. (pyrs does not ask libc
/// whether the locale exists; CPython falls back to C, and so surrogateescape, for a
/// locale that is not installed.)
fn stdout_errors() -> String {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let Some(v) = var("PYTHONIOENCODING") {
        let (enc, e) = v.split_once(':').unwrap_or((&v, ""));
        if !e.is_empty() {
            return e.to_string();
        }
        // "PYTHONIOENCODING=latin1 behaves as PYTHONIOENCODING=latin1:strict".
        if !enc.is_empty() {
            return "strict".into();
        }
    }
    if var("PYTHONUTF8").as_deref() == Some("1") {
        return "surrogateescape".into();
    }
    let loc = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"));
    match loc.as_deref() {
        None | Some("C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8") => "surrogateescape".into(),
        Some(_) => "strict".into(),
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "write", "TextIOWrapper")?.fd;
    arity(vm, &args, "TextIOWrapper", "write", 1)?;
    let Some(s) = args.pos[1].as_str().map(|s| s.as_rust().into_owned()) else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    let n = s.chars().count();
    write_os(vm, fd, &s)?;
    Ok(Value::Int(n as i64))
}

/// `writelines(lines)`: `write` of each item (CPython's `_IOBase.writelines`).
fn stream_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "writelines", "_IOBase")?;
    arity(vm, &args, "_IOBase", "writelines", 1)?;
    let it = vm.iter(&args.pos[1])?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&args.pos[0], "write", vec![line])?;
    }
    Ok(Value::None)
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "flush", "TextIOWrapper")?.fd;
    arity(vm, &args, "TextIOWrapper", "flush", 0)?;
    if fd == 1 {
        flush_stdout(vm).map_err(|e| crate::types::exceptions::os_error_from_io(vm, &e, None))?;
    }
    Ok(Value::None)
}

fn stream_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "fileno", "TextIOWrapper")?.fd;
    arity(vm, &args, "TextIOWrapper", "fileno", 0)?;
    Ok(Value::Int(fd as i64))
}

fn stream_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "isatty", "TextIOWrapper")?.fd;
    arity(vm, &args, "TextIOWrapper", "isatty", 0)?;
    Ok(Value::Bool(fd_isatty(fd)))
}

fn stream_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "seekable", "TextIOWrapper")?.fd;
    arity(vm, &args, "TextIOWrapper", "seekable", 0)?;
    Ok(Value::Bool(fd_seekable(fd)))
}

fn stream_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "writable", "TextIOWrapper")?;
    arity(vm, &args, "TextIOWrapper", "writable", 0)?;
    Ok(Value::Bool(true))
}

fn stream_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "readable", "TextIOWrapper")?;
    arity(vm, &args, "TextIOWrapper", "readable", 0)?;
    Ok(Value::Bool(false))
}

fn stream_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "__repr__", "TextIOWrapper")?.fd;
    Ok(vm.new_str(&format!(
        "<_io.TextIOWrapper name='{}' mode='w' encoding='utf-8'>",
        stream_name(fd)
    )))
}

/// The read-only attributes of a text stream, each a property over this getter.
fn stream_attr(vm: &mut Vm, args: Args, attr: &str) -> PyResult<Value> {
    let st = this(vm, &args, attr, "TextIOWrapper")?;
    let (fd, errors, buffer) = (st.fd, st.errors.clone(), st.buffer.clone());
    Ok(match attr {
        "name" => vm.new_str(stream_name(fd)),
        "mode" => vm.new_str("w"),
        "encoding" => vm.new_str("utf-8"),
        "errors" => vm.new_str(&errors),
        // create_stdio: stderr always, stdout on a terminal.
        "line_buffering" => Value::Bool(fd == 2 || stdout_line_buffered()),
        "write_through" | "closed" => Value::Bool(false),
        "newlines" => Value::None,
        _ => buffer,
    })
}

fn get_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "name")
}
fn get_mode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "mode")
}
fn get_encoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "encoding")
}
fn get_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "errors")
}
fn get_line_buffering(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "line_buffering")
}
fn get_write_through(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "write_through")
}
fn get_closed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "closed")
}
fn get_newlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "newlines")
}
fn get_buffer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    stream_attr(vm, a, "buffer")
}

pub const STREAM_METHODS: &[(&str, NativeFn)] = &[
    ("write", stream_write),
    ("writelines", stream_writelines),
    ("flush", stream_flush),
    ("fileno", stream_fileno),
    ("isatty", stream_isatty),
    ("seekable", stream_seekable),
    ("writable", stream_writable),
    ("readable", stream_readable),
    ("__repr__", stream_repr),
];

const STREAM_ATTRS: &[(&str, NativeFn)] = &[
    ("name", get_name),
    ("mode", get_mode),
    ("encoding", get_encoding),
    ("errors", get_errors),
    ("line_buffering", get_line_buffering),
    ("write_through", get_write_through),
    ("closed", get_closed),
    ("newlines", get_newlines),
    ("buffer", get_buffer),
];

// ---- `buffer`: the binary stream under a text stream ---------------------------------

/// `buffer.write(b)`: the bytes go to the same OS stream as the text, after the text
/// already written (stdout's share `vm.out_buf`).
fn buffer_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "write", "BufferedWriter")?.fd;
    arity(vm, &args, "BufferedWriter", "write", 1)?;
    let Some(b) = crate::types::bytearray::bytes_like(&args.pos[1]) else {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    write_os_bytes(vm, fd, &b, false)?;
    Ok(Value::Int(b.len() as i64))
}

fn buffer_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "flush", "BufferedWriter")?.fd;
    arity(vm, &args, "BufferedWriter", "flush", 0)?;
    if fd == 1 {
        flush_stdout(vm).map_err(|e| crate::types::exceptions::os_error_from_io(vm, &e, None))?;
    }
    Ok(Value::None)
}

fn buffer_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "fileno", "BufferedWriter")?.fd;
    arity(vm, &args, "BufferedWriter", "fileno", 0)?;
    Ok(Value::Int(fd as i64))
}

fn buffer_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "isatty", "BufferedWriter")?.fd;
    arity(vm, &args, "BufferedWriter", "isatty", 0)?;
    Ok(Value::Bool(fd_isatty(fd)))
}

fn buffer_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "seekable", "BufferedWriter")?.fd;
    arity(vm, &args, "BufferedWriter", "seekable", 0)?;
    Ok(Value::Bool(fd_seekable(fd)))
}

fn buffer_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "writable", "BufferedWriter")?;
    arity(vm, &args, "BufferedWriter", "writable", 0)?;
    Ok(Value::Bool(true))
}

fn buffer_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "readable", "BufferedWriter")?;
    arity(vm, &args, "BufferedWriter", "readable", 0)?;
    Ok(Value::Bool(false))
}

fn buffer_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "__repr__", "BufferedWriter")?.fd;
    Ok(vm.new_str(&format!("<_io.BufferedWriter name='{}'>", stream_name(fd))))
}

fn buffer_attr(vm: &mut Vm, args: Args, attr: &str) -> PyResult<Value> {
    let fd = this(vm, &args, attr, "BufferedWriter")?.fd;
    Ok(match attr {
        "name" => vm.new_str(stream_name(fd)),
        "mode" => vm.new_str("wb"),
        _ => Value::Bool(false),
    })
}

fn buffer_get_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    buffer_attr(vm, a, "name")
}
fn buffer_get_mode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    buffer_attr(vm, a, "mode")
}
fn buffer_get_closed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    buffer_attr(vm, a, "closed")
}

const BUFFER_METHODS: &[(&str, NativeFn)] = &[
    ("write", buffer_write),
    ("writelines", stream_writelines),
    ("flush", buffer_flush),
    ("fileno", buffer_fileno),
    ("isatty", buffer_isatty),
    ("seekable", buffer_seekable),
    ("writable", buffer_writable),
    ("readable", buffer_readable),
    ("__repr__", buffer_repr),
];

const BUFFER_ATTRS: &[(&str, NativeFn)] = &[
    ("name", buffer_get_name),
    ("mode", buffer_get_mode),
    ("closed", buffer_get_closed),
];

/// The setter and deleter of a read-only attribute, raising CPython's message: a
/// `PyMemberDef` READONLY member says "readonly attribute", a getset without setter
/// "attribute 'x' of 'T' objects is not writable".
macro_rules! readonly {
    ($f:ident, member) => {
        fn $f(vm: &mut Vm, _: Args) -> PyResult<Value> {
            Err(vm.attribute_error("readonly attribute"))
        }
    };
    ($f:ident, $attr:literal, $ty:literal) => {
        fn $f(vm: &mut Vm, _: Args) -> PyResult<Value> {
            Err(vm.attribute_error(concat!(
                "attribute '",
                $attr,
                "' of '_io.",
                $ty,
                "' objects is not writable"
            )))
        }
    };
}
readonly!(member_readonly, member);
readonly!(text_name_readonly, "name", "TextIOWrapper");
readonly!(text_errors_readonly, "errors", "TextIOWrapper");
readonly!(text_closed_readonly, "closed", "TextIOWrapper");
readonly!(text_newlines_readonly, "newlines", "TextIOWrapper");
readonly!(buffer_name_readonly, "name", "BufferedWriter");
readonly!(buffer_mode_readonly, "mode", "BufferedWriter");
readonly!(buffer_closed_readonly, "closed", "BufferedWriter");

/// The setter (and deleter) of a text stream's attribute `attr`. `mode` is different: CPython's create_stdio puts it in the instance `__dict__`,
/// which pyrs's streams do not have, so it stays read-only here (without setter).
fn text_setter(attr: &str) -> Option<NativeFn> {
    Some(match attr {
        "name" => text_name_readonly,
        "errors" => text_errors_readonly,
        "closed" => text_closed_readonly,
        "newlines" => text_newlines_readonly,
        "mode" => return None,
        _ => member_readonly,
    })
}

fn buffer_setter(attr: &str) -> Option<NativeFn> {
    Some(match attr {
        "name" => buffer_name_readonly,
        "mode" => buffer_mode_readonly,
        _ => buffer_closed_readonly,
    })
}

/// A native `_io.<name>` type with `methods` and read-only properties `attrs`, whose
/// setter and deleter `setter` picks.
fn stream_type(
    vm: &mut Vm,
    name: &'static str,
    methods: &[(&'static str, NativeFn)],
    attrs: &[(&'static str, NativeFn)],
    setter: fn(&str) -> Option<NativeFn>,
) -> PyRef {
    use crate::modules::native_type as nt;
    let mut spec = nt::Spec::new(name, "_io");
    spec.methods = methods;
    spec.subclassable = false;
    let ty = nt::new_type(vm, &spec);
    for (attr, getter) in attrs {
        let f = crate::types::function::new_builtin(vm, attr, *getter);
        let set = match setter(attr) {
            Some(s) => crate::types::function::new_builtin(vm, attr, s),
            None => Value::None,
        };
        let pty = vm.types.property.clone();
        let prop = Value::Obj(vm.alloc(&pty, Payload::Property(Box::new([f, set.clone(), set]))));
        nt::set_attr(vm, &ty, attr, prop);
    }
    ty
}

/// The `sys.stdout`/`sys.stderr` objects.
pub fn make_streams(vm: &mut Vm) -> (PyRef, PyRef) {
    let text = stream_type(
        vm,
        "TextIOWrapper",
        STREAM_METHODS,
        STREAM_ATTRS,
        text_setter,
    );
    let binary = stream_type(
        vm,
        "BufferedWriter",
        BUFFER_METHODS,
        BUFFER_ATTRS,
        buffer_setter,
    );
    let make = |vm: &mut Vm, fd: u8, errors: String| {
        // Exact instances of a native type carry no `__dict__` (`slots_only`).
        let state = StdStream {
            fd,
            buffer: Value::None,
            errors: errors.clone(),
        };
        let buffer = Value::Obj(vm.alloc(&binary, Payload::Native(Box::new(state))));
        let state = StdStream { fd, buffer, errors };
        vm.alloc(&text, Payload::Native(Box::new(state)))
    };
    // Decided at startup, as create_stdio decides it.
    stdout_line_buffered();
    let out = make(vm, 1, stdout_errors());
    let err = make(vm, 2, "backslashreplace".into());
    (out, err)
}
