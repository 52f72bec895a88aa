//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`
//! (CPython: `Modules/_io/iobase.c`, `bufferedio.c`'s `_BufferedIOBase`, `textio.c`'s
//! `_TextIOBase`), and the helpers every `_io` type shares (errors, argument converters,
//! properties, writing into a caller's buffer).
//!
//! These methods work on any object through its Python attributes (`self.closed`,
//! `self.read(1)`, `self.readinto(b)`), as CPython's do: they are what a class statement
//! subclassing `io.RawIOBase` & co. inherits. The concrete types override the ones they
//! implement natively. `_IOBase` keeps its closed flag in the instance dict under
//! `__IOBase_closed`, as CPython does.

use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};

/// The state of an instance of one of the abstract bases (nothing: a subclass keeps its
/// data in its `__dict__`).
pub struct IoBaseState;

impl NativeData for IoBaseState {
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Make `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`.
pub fn make_types(vm: &mut Vm) -> (PyRef, PyRef, PyRef, PyRef) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("seek", iobase_seek),
        ("tell", iobase_tell),
        ("truncate", iobase_truncate),
        ("flush", iobase_flush),
        ("close", iobase_close),
        ("seekable", return_false),
        ("readable", return_false),
        ("writable", return_false),
        ("_checkClosed", check_closed_m),
        ("_checkSeekable", check_seekable_m),
        ("_checkReadable", check_readable_m),
        ("_checkWritable", check_writable_m),
        ("fileno", iobase_fileno),
        ("isatty", iobase_isatty),
        ("__enter__", iobase_enter),
        ("__exit__", iobase_exit),
        ("readline", iobase_readline),
        ("readlines", iobase_readlines),
        ("writelines", iobase_writelines),
        ("__iter__", iobase_iter),
        ("__next__", iobase_next),
        ("__del__", iobase_del),
    ];
    let mut spec = nt::Spec::new("_IOBase", "_io");
    spec.doc = Some("The abstract base class for all I/O classes.");
    spec.new = Some(iobase_new);
    spec.methods = methods;
    spec.no_dict = false;
    let iobase = nt::new_type(vm, &spec);
    property(vm, &iobase, "closed", iobase_closed, None);

    let raw_methods: &[(&'static str, NativeFn)] = &[
        ("read", raw_read),
        ("readall", raw_readall),
        ("readinto", not_implemented),
        ("write", not_implemented),
    ];
    let b = [iobase.clone()];
    let mut spec = nt::Spec::new("_RawIOBase", "_io");
    spec.doc = Some("Base class for raw binary I/O.");
    spec.bases = &b;
    spec.methods = raw_methods;
    spec.no_dict = false;
    let raw = nt::new_type(vm, &spec);

    let buf_methods: &[(&'static str, NativeFn)] = &[
        ("detach", |vm, _| Err(unsupported(vm, "detach"))),
        ("read", |vm, _| Err(unsupported(vm, "read"))),
        ("read1", |vm, _| Err(unsupported(vm, "read1"))),
        ("write", |vm, _| Err(unsupported(vm, "write"))),
        ("readinto", buffered_readinto),
        ("readinto1", buffered_readinto1),
    ];
    let mut spec = nt::Spec::new("_BufferedIOBase", "_io");
    spec.doc = Some("Base class for buffered IO objects.");
    spec.bases = &b;
    spec.methods = buf_methods;
    spec.no_dict = false;
    let buffered = nt::new_type(vm, &spec);

    let text_methods: &[(&'static str, NativeFn)] = &[
        ("detach", |vm, _| Err(unsupported(vm, "detach"))),
        ("read", |vm, _| Err(unsupported(vm, "read"))),
        ("readline", |vm, _| Err(unsupported(vm, "readline"))),
        ("write", |vm, _| Err(unsupported(vm, "write"))),
    ];
    let mut spec = nt::Spec::new("_TextIOBase", "_io");
    spec.doc = Some("Base class for text I/O.");
    spec.bases = &b;
    spec.methods = text_methods;
    spec.no_dict = false;
    let text = nt::new_type(vm, &spec);
    for name in ["encoding", "newlines", "errors"] {
        property(vm, &text, name, |_, _| Ok(Value::None), None);
    }
    (iobase, raw, buffered, text)
}

fn iobase_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "_IOBase")?;
    Ok(nt::alloc(vm, &cls, IoBaseState))
}

// ---- shared helpers ------------------------------------------------------------------

/// A read-only (or, with `set`, writable) property on an `_io` type.
pub fn property(vm: &mut Vm, ty: &PyRef, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    nt::add_property(vm, ty, name, get, set, None);
}

/// A read-only attribute of a native type whose setter and deleter raise `deny`'s
/// error (CPython's messages differ between a `PyMemberDef` READONLY member, "readonly
/// attribute", and a getset without setter: see [`readonly_member`]).
pub fn readonly(vm: &mut Vm, ty: &PyRef, name: &'static str, get: NativeFn, deny: NativeFn) {
    nt::add_property(vm, ty, name, get, Some(deny), Some(deny));
}

/// The setter and deleter of a READONLY member (`encoding`, `buffer`, ...).
pub fn readonly_member(vm: &mut Vm, _: Args) -> PyResult<Value> {
    Err(vm.attribute_error("readonly attribute"))
}

/// CPython's "takes no arguments" / "takes exactly one argument" of a METH_NOARGS /
/// METH_O method `tyname.method` (`args.pos[0]` is self).
pub fn arity(vm: &mut Vm, args: &Args, tyname: &str, method: &str, n: usize) -> PyResult<()> {
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

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let t = super::types(vm).unsupported_operation.clone();
    vm.new_error(&t, msg)
}

/// `class UnsupportedOperation(OSError, ValueError)` with `__module__` "io".
pub fn make_unsupported_operation(vm: &mut Vm) -> PyRef {
    let bases = vm.new_tuple(vec![
        Value::Obj(vm.types.os_error.clone()),
        Value::Obj(vm.types.value_error.clone()),
    ]);
    let ns = vm.new_dict_ref();
    let m = vm.new_str("io");
    crate::import::dict_set(vm, &ns, "__module__", m);
    let name = vm.new_str("UnsupportedOperation");
    let ty = Value::Obj(vm.types.type_.clone());
    match vm.call(&ty, vec![name, bases, Value::Obj(ns)]) {
        Ok(Value::Obj(t)) => t,
        // Cannot fail for these bases; the static type is the fallback.
        _ => vm.types.unsupported_operation.clone(),
    }
}

/// `ValueError: I/O operation on closed file.`
pub fn closed_err(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// `n` zero bytes, or MemoryError when they cannot be allocated (a huge `read(n)`).
pub fn zeroed(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v: Vec<u8> = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        let t = vm.types.memory_error.clone();
        return Err(vm.new_error(&t, ""));
    }
    v.resize(n, 0);
    Ok(v)
}

/// Grow `buf` to `len` elements (zero-filled), or MemoryError.
pub fn grow<T: Copy + Default>(vm: &mut Vm, buf: &mut Vec<T>, len: usize) -> PyResult<()> {
    if len > buf.len() {
        if buf.try_reserve(len - buf.len()).is_err() {
            let t = vm.types.memory_error.clone();
            return Err(vm.new_error(&t, ""));
        }
        buf.resize(len, T::default());
    }
    Ok(())
}

/// `OSError(msg)`.
pub fn os_error(vm: &mut Vm, msg: String) -> PyErr {
    let t = vm.types.os_error.clone();
    vm.new_error(&t, msg)
}

/// A builtin name's value (`BlockingIOError`, ...).
pub fn builtin_value(vm: &mut Vm, name: &str) -> Option<Value> {
    let n = vm.intern(name);
    let s = Value::Obj(n.clone());
    let s = s.as_str()?;
    let h = s.hash(&vm.hash_secret);
    crate::types::dict::dict_get_str(&vm.builtins.clone(), s, h)
}

/// A `size` argument: None or negative is "all" (`None`), as `_Py_convert_optional_to_ssize_t`.
pub fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if !is_index(vm, v) {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("argument should be integer or None, not '{t}'")));
            }
            let n = vm.index_value(v, "argument should be integer or None, not '{}'")?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

/// Has `v` an `__index__` (int, bool, int subclasses, classes defining it)?
pub fn is_index(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Float(_) => false,
        _ => {
            if matches!(v.payload(), Some(Payload::Int(_))) {
                return true;
            }
            let ty = vm.type_of(v).clone();
            crate::object::protocol::special_method(vm, &ty, "__index__").is_some()
        }
    }
}

/// `self.closed`, as a bool (CPython's `iobase_check_closed` reads the attribute).
pub fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let c = nt::getattr(vm, obj, "closed")?;
    vm.truthy(&c)
}

/// Copy `data` to the start of the writable buffer `target` (bytearray, or a memoryview
/// of one); the number of bytes copied (at most the buffer's length).
pub fn write_into(vm: &mut Vm, target: &Value, data: &[u8]) -> PyResult<usize> {
    match target.payload() {
        Some(Payload::ByteArray(b)) => {
            let mut b = b.borrow_mut();
            let n = data.len().min(b.len());
            b[..n].copy_from_slice(&data[..n]);
            Ok(n)
        }
        // Any format: the view's bytes, as the `w*` buffer CPython's readinto fills.
        Some(Payload::MemoryView(_)) => crate::types::memoryview::write_raw(vm, target, data),
        _ => {
            let t = vm.type_name(target);
            Err(vm.type_error(format!(
                "readinto() argument must be read-write bytes-like object, not {t}"
            )))
        }
    }
}

/// The length of a writable buffer argument (the `w*` converter's).
pub fn writable_len(vm: &mut Vm, target: &Value) -> PyResult<usize> {
    match target.payload() {
        Some(Payload::ByteArray(b)) => Ok(b.borrow().len()),
        Some(Payload::MemoryView(_)) => {
            if let Some(n) = crate::types::memoryview::writable_nbytes(vm, target)? {
                return Ok(n);
            }
            let t = vm.type_name(target);
            Err(vm.type_error(format!(
                "readinto() argument must be read-write bytes-like object, not {t}"
            )))
        }
        _ => {
            let t = vm.type_name(target);
            Err(vm.type_error(format!(
                "readinto() argument must be read-write bytes-like object, not {t}"
            )))
        }
    }
}

/// The bytes of a bytes-like argument (`y*`), or CPython's TypeError.
pub fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::types::bytearray::bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn arg0(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

// ---- _IOBase -------------------------------------------------------------------------

fn iobase_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    Ok(Value::Bool(
        nt::getattr_opt(vm, &me, "__IOBase_closed")?.is_some(),
    ))
}

fn iobase_seek(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn iobase_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.call_method(&arg0(&args), "seek", vec![Value::Int(0), Value::Int(1)])
}

fn iobase_truncate(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn iobase_fileno(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn return_false(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn not_implemented(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let t = vm.types.not_implemented_error.clone();
    Err(vm.new_error(&t, ""))
}

/// `_checkClosed()`: ValueError when `self.closed`.
pub fn check_closed(vm: &mut Vm, me: &Value) -> PyResult<()> {
    if is_closed(vm, me)? {
        return Err(closed_err(vm));
    }
    Ok(())
}

fn check_closed_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_closed(vm, &arg0(&args))?;
    Ok(Value::None)
}

fn check_able(vm: &mut Vm, args: Args, method: &str, msg: &str) -> PyResult<Value> {
    let r = vm.call_method(&arg0(&args), method, vec![])?;
    if !matches!(r, Value::Bool(true)) {
        if !vm.truthy(&r)? {
            let m = match args.pos.get(1) {
                Some(Value::None) | None => msg.to_string(),
                Some(v) => vm.str_string(v)?,
            };
            return Err(unsupported(vm, &m));
        }
    }
    Ok(Value::Bool(true))
}

fn check_seekable_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_able(vm, args, "seekable", "File or stream is not seekable.")
}

fn check_readable_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_able(vm, args, "readable", "File or stream is not readable.")
}

fn check_writable_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_able(vm, args, "writable", "File or stream is not writable.")
}

fn iobase_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    if nt::getattr_opt(vm, &me, "__IOBase_closed")?.is_some() {
        return Err(closed_err(vm));
    }
    Ok(Value::None)
}

/// `_IOBase.close()`: `self.flush()`, then mark closed (even when flush raised).
fn iobase_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    if nt::getattr_opt(vm, &me, "__IOBase_closed")?.is_some() {
        return Ok(Value::None);
    }
    let r = vm.call_method(&me, "flush", vec![]);
    nt::setattr(vm, &me, "__IOBase_closed", Value::Bool(true))?;
    r.map(|_| Value::None)
}

fn iobase_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_closed(vm, &arg0(&args))?;
    Ok(Value::Bool(false))
}

fn iobase_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    check_closed(vm, &me)?;
    Ok(me)
}

fn iobase_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.call_method(&arg0(&args), "close", vec![])
}

fn iobase_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    check_closed(vm, &me)?;
    Ok(me)
}

fn iobase_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let line = vm.call_method(&arg0(&args), "readline", vec![])?;
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration());
    }
    Ok(line)
}

/// `iobase_finalize`: close the object unless it is closed already; errors are reported
/// as unraisable by the finalizer.
fn iobase_del(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    let closed = match nt::getattr_opt(vm, &me, "closed") {
        Ok(Some(c)) => vm.truthy(&c).unwrap_or(true),
        _ => true,
    };
    if !closed {
        vm.call_method(&me, "close", vec![])?;
    }
    Ok(Value::None)
}

/// `_IOBase.readline(size=-1)`: `self.peek` when there is one, else `self.read(1)` until
/// a newline.
fn iobase_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    let limit = size_arg(vm, args.pos.get(1))?;
    let peek = nt::getattr_opt(vm, &me, "peek")?;
    let mut out: Vec<u8> = Vec::new();
    while limit.map_or(true, |l| out.len() < l) {
        let mut nreadahead = 1usize;
        if let Some(peek) = &peek {
            let ra = vm.call(peek, vec![Value::Int(1)])?;
            let Some(ra) = crate::types::bytearray::bytes_like(&ra) else {
                let t = vm.type_name(&ra);
                return Err(os_error(
                    vm,
                    format!("peek() should have returned a bytes object, not '{t}'"),
                ));
            };
            if !ra.is_empty() {
                let mut n = 0;
                let max = limit.map_or(ra.len(), |l| ra.len().min(l - out.len()));
                while n < max {
                    n += 1;
                    if ra[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n;
            }
        }
        let b = vm.call_method(&me, "read", vec![Value::Int(nreadahead as i64)])?;
        if matches!(b, Value::None) {
            break;
        }
        let Some(b) = crate::types::bytearray::bytes_like(&b) else {
            let t = vm.type_name(&b);
            return Err(os_error(
                vm,
                format!("read() should have returned a bytes object, not '{t}'"),
            ));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(vm.new_bytes(out))
}

/// `readlines(hint=-1)`: lines until their total length reaches `hint`.
pub fn iobase_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    let hint = size_arg(vm, args.pos.get(1))?.filter(|&h| h > 0);
    let mut out = Vec::new();
    let mut total = 0usize;
    let it = vm.iter(&me)?;
    while let Some(line) = vm.next(&it)? {
        if let Some(h) = hint {
            total += vm.len(&line)?;
            out.push(line);
            if total >= h {
                break;
            }
        } else {
            out.push(line);
        }
    }
    Ok(vm.new_list(out))
}

fn iobase_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "_IOBase", "writelines", 1)?;
    let me = arg0(&args);
    check_closed(vm, &me)?;
    let it = vm.iter(&args.pos[1])?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&me, "write", vec![line])?;
    }
    Ok(Value::None)
}

// ---- _RawIOBase ----------------------------------------------------------------------

/// `_RawIOBase.read(size=-1)`: `readall()`, or `readinto` a new bytearray.
fn raw_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    let Some(n) = size_arg(vm, args.pos.get(1))? else {
        return vm.call_method(&me, "readall", vec![]);
    };
    let z = zeroed(vm, n)?;
    let b = crate::types::bytearray::new_bytearray(vm, z);
    let got = vm.call_method(&me, "readinto", vec![b.clone()])?;
    if matches!(got, Value::None) {
        return Ok(Value::None);
    }
    let got = vm.index_value(&got, "an integer is required")?;
    if got < 0 || got as usize > n {
        return Err(vm.value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    let mut data = crate::types::bytearray::bytes_like(&b).unwrap_or_default();
    data.truncate(got as usize);
    Ok(vm.new_bytes(data))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until EOF.
fn raw_readall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg0(&args);
    let mut out = Vec::new();
    loop {
        let b = vm.call_method(
            &me,
            "read",
            vec![Value::Int(super::DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if matches!(b, Value::None) {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let Some(b) = crate::types::bytearray::bytes_like(&b) else {
            return Err(vm.type_error("read() should return bytes"));
        };
        if b.is_empty() {
            break;
        }
        out.extend(b);
    }
    Ok(vm.new_bytes(out))
}

// ---- _BufferedIOBase -----------------------------------------------------------------

fn buffered_readinto_generic(vm: &mut Vm, args: Args, method: &str) -> PyResult<Value> {
    args.check(vm, method, 2, 2)?;
    let me = arg0(&args);
    let target = args.pos[1].clone();
    let n = writable_len(vm, &target)?;
    let data = vm.call_method(
        &me,
        if method == "readinto" {
            "read"
        } else {
            "read1"
        },
        vec![Value::Int(n as i64)],
    )?;
    let Some(data) = crate::types::bytearray::bytes_like(&data) else {
        return Err(vm.type_error("read() should return bytes"));
    };
    if data.len() > n {
        return Err(vm.value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            data.len()
        )));
    }
    let k = write_into(vm, &target, &data)?;
    Ok(Value::Int(k as i64))
}

fn buffered_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    buffered_readinto_generic(vm, args, "readinto")
}

fn buffered_readinto1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    buffered_readinto_generic(vm, args, "readinto1")
}

/// Is `v` an instance of the native state `T` and of exactly the type `ty` (not a
/// subclass that may override methods)? Then the concrete types call each other in Rust.
pub fn exact<T: NativeData>(vm: &Vm, v: &Value, ty: &PyRef) -> bool {
    vm.type_of(v).is(ty) && nt::state::<T>(v).is_some()
}
