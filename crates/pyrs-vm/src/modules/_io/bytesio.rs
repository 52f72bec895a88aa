//! `_io.BytesIO`: a binary stream over an in-memory buffer (CPython:
//! `Modules/_io/bytesio.c`). The buffer is a `Vec<u8>` and a position that may lie past
//! its end (a write there pads with zero bytes, as CPython's).
//!
//! `getbuffer()` returns a memoryview whose `obj` is a `_io._BytesIOBuffer` holding the
//! BytesIO: the view reads and writes the BytesIO's buffer in place, and while it is
//! alive (not released) the BytesIO counts an export and refuses `write`, `writelines`
//! of anything, `truncate`, `close`, `__setstate__` and `__init__` with BufferError
//! (CPython's `CHECK_EXPORTS`; `types/memoryview/exporter.rs`).

use super::iobase::{buffer_arg, closed_err, is_index, size_arg, writable_len, write_into};
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::typeobj::tdata;
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::memoryview::exporter::ExportCount;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub struct BytesInner {
    pub buf: Vec<u8>,
    pub pos: usize,
    pub closed: bool,
}

pub struct BytesIO {
    pub inner: RefCell<BytesInner>,
    /// Live memoryviews of `getbuffer()`: no change of the buffer while not zero.
    pub exports: ExportCount,
}

impl NativeData for BytesIO {
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// `_io._BytesIOBuffer` (CPython's `bytesiobuf`): the exporter object of a
/// `getbuffer()` view, its `obj`; holds the BytesIO whose buffer it exports.
pub struct BytesIOBuffer {
    source: Value,
}

impl NativeData for BytesIOBuffer {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.source);
    }
}

/// The BytesIO whose buffer `obj` exports, if `obj` is a `_io._BytesIOBuffer`.
pub fn exported(obj: &Value) -> Option<&BytesIO> {
    nt::state::<BytesIO>(&nt::state::<BytesIOBuffer>(obj)?.source)
}

/// The `_io._BytesIOBuffer` type: not instantiable from Python, not subclassable.
pub fn make_buffer_type(vm: &mut Vm) -> PyRef {
    let mut spec = nt::Spec::new("_BytesIOBuffer", "_io");
    spec.subclassable = false;
    nt::new_type(vm, &spec)
}

/// `getbuffer()`: a writable memoryview of the contents (not past the end: a position
/// beyond it does not count).
fn getbuffer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getbuffer", 1, 1)?;
    check(vm, &args)?;
    let ty = super::types(vm).bytesio_buffer.clone();
    let exporter = nt::alloc(
        vm,
        &ty,
        BytesIOBuffer {
            source: args.pos[0].clone(),
        },
    );
    Ok(crate::types::memoryview::export_view(vm, exporter))
}

/// The state of an open BytesIO that no view exports (ValueError when closed,
/// BufferError while exported), for the operations that change the buffer.
fn check_unexported<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a BytesIO> {
    let b = check(vm, args)?;
    b.exports.check_resize(vm)?;
    Ok(b)
}

pub fn make_type(vm: &mut Vm, base: &PyRef) -> PyRef {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", bytesio_init),
        ("getvalue", getvalue),
        ("getbuffer", getbuffer),
        ("read", read),
        ("read1", read),
        ("readline", readline),
        ("readlines", readlines),
        ("readinto", readinto),
        ("write", write),
        ("writelines", writelines),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("flush", |vm, a| check(vm, &a).map(|_| Value::None)),
        ("isatty", |vm, a| check(vm, &a).map(|_| Value::Bool(false))),
        ("readable", |vm, a| check(vm, &a).map(|_| Value::Bool(true))),
        ("writable", |vm, a| check(vm, &a).map(|_| Value::Bool(true))),
        ("seekable", |vm, a| check(vm, &a).map(|_| Value::Bool(true))),
        ("__iter__", |_, a| Ok(a.pos[0].clone())),
        ("__next__", next),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
    ];
    let b = [base.clone()];
    let mut spec = nt::Spec::new("BytesIO", "_io");
    spec.doc = Some("Buffered I/O implementation using an in-memory bytes buffer.");
    spec.bases = &b;
    spec.new = Some(bytesio_new);
    spec.methods = methods;
    spec.no_dict = false;
    let ty = nt::new_type(vm, &spec);
    super::iobase::property(vm, &ty, "closed", closed, None);
    ty
}

fn bytesio_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "BytesIO")?;
    Ok(nt::alloc(
        vm,
        &cls,
        BytesIO {
            inner: RefCell::new(BytesInner {
                buf: Vec::new(),
                pos: 0,
                closed: false,
            }),
            exports: ExportCount::default(),
        },
    ))
}

fn me<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a BytesIO> {
    nt::this::<BytesIO>(vm, args, "method", "_io.BytesIO")
}

/// The state of an open BytesIO (ValueError when closed).
fn check<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a BytesIO> {
    let b = me(vm, args)?;
    if b.inner.borrow().closed {
        return Err(closed_err(vm));
    }
    Ok(b)
}

fn bytesio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let [initial] = nt::clinic(vm, rest, "BytesIO", ["initial_bytes"], 0, 1)?;
    let data = match initial {
        None | Some(Value::None) => Vec::new(),
        Some(v) => buffer_arg(vm, &v)?,
    };
    let Some(b) = nt::state::<BytesIO>(&this) else {
        return Err(vm.type_error("descriptor '__init__' requires a '_io.BytesIO' object"));
    };
    b.exports.check_resize(vm)?;
    let mut i = b.inner.borrow_mut();
    i.buf = data;
    i.pos = 0;
    i.closed = false;
    Ok(Value::None)
}

fn closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(vm, &args)?;
    let c = b.inner.borrow().closed;
    Ok(Value::Bool(c))
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = check(vm, &args)?;
    let v = b.inner.borrow().buf.clone();
    Ok(vm.new_bytes(v))
}

fn take(b: &BytesIO, n: Option<usize>) -> Vec<u8> {
    let mut i = b.inner.borrow_mut();
    let start = i.pos.min(i.buf.len());
    let end = match n {
        None => i.buf.len(),
        Some(n) => start.saturating_add(n).min(i.buf.len()),
    };
    let out = i.buf[start..end].to_vec();
    i.pos = end.max(i.pos);
    out
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "read", 1, 2)?;
    let b = check(vm, &args)?;
    let n = size_arg(vm, args.pos.get(1))?;
    let out = take(b, n);
    Ok(vm.new_bytes(out))
}

fn line(b: &BytesIO, limit: Option<usize>) -> Vec<u8> {
    let n = {
        let i = b.inner.borrow();
        let start = i.pos.min(i.buf.len());
        let rest = &i.buf[start..];
        let rest = &rest[..limit.map_or(rest.len(), |l| l.min(rest.len()))];
        rest.iter()
            .position(|&c| c == b'\n')
            .map_or(rest.len(), |k| k + 1)
    };
    take(b, Some(n))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "readline", 1, 2)?;
    let b = check(vm, &args)?;
    let limit = size_arg(vm, args.pos.get(1))?;
    let out = line(b, limit);
    Ok(vm.new_bytes(out))
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "readlines", 1, 2)?;
    let b = check(vm, &args)?;
    let hint = size_arg(vm, args.pos.get(1))?.filter(|&h| h > 0);
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let l = line(b, None);
        if l.is_empty() {
            break;
        }
        total += l.len();
        out.push(vm.new_bytes(l));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(out))
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = check(vm, &args)?;
    let l = line(b, None);
    if l.is_empty() {
        return Err(vm.stop_iteration());
    }
    Ok(vm.new_bytes(l))
}

fn readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "readinto", 2, 2)?;
    let b = check(vm, &args)?;
    let n = writable_len(vm, &args.pos[1])?;
    let data = take(b, Some(n));
    let k = write_into(vm, &args.pos[1], &data)?;
    Ok(Value::Int(k as i64))
}

/// Write `data` at the position (zero-padding a gap after the end); MemoryError when
/// the buffer cannot grow that far.
pub fn write_bytes(vm: &mut Vm, b: &BytesIO, data: &[u8]) -> PyResult<()> {
    let mut i = b.inner.borrow_mut();
    let pos = i.pos;
    let Some(end) = pos
        .checked_add(data.len())
        .filter(|&e| e <= isize::MAX as usize)
    else {
        drop(i);
        let t = vm.types.memory_error.clone();
        return Err(vm.new_error(&t, ""));
    };
    super::iobase::grow(vm, &mut i.buf, end)?;
    i.buf[pos..end].copy_from_slice(data);
    i.pos = end;
    Ok(())
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "write", 2, 2)?;
    let b = check_unexported(vm, &args)?;
    let data = buffer_arg(vm, &args.pos[1])?;
    write_bytes(vm, b, &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "writelines", 2, 2)?;
    check(vm, &args)?;
    let it = vm.iter(&args.pos[1])?;
    while let Some(line) = vm.next(&it)? {
        let data = buffer_arg(vm, &line)?;
        let b = check_unexported(vm, &args)?;
        write_bytes(vm, b, &data)?;
    }
    Ok(Value::None)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !is_index(vm, v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    vm.index_value(v, "an integer is required")
}

fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "seek", 2, 3)?;
    let b = check(vm, &args)?;
    let pos = int_arg(vm, &args.pos[1])?;
    let whence = match args.pos.get(2) {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    let mut i = b.inner.borrow_mut();
    let new = match whence {
        0 => {
            if pos < 0 {
                drop(i);
                return Err(vm.value_error(format!("negative seek value {pos}")));
            }
            pos
        }
        1 => (i.pos as i64).saturating_add(pos).max(0),
        2 => (i.buf.len() as i64).saturating_add(pos).max(0),
        _ => {
            drop(i);
            return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
        }
    };
    i.pos = new as usize;
    Ok(Value::Int(new))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = check(vm, &args)?;
    let p = b.inner.borrow().pos;
    Ok(Value::Int(p as i64))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "truncate", 1, 2)?;
    let b = check(vm, &args)?;
    let size = match args.pos.get(1) {
        None | Some(Value::None) => b.inner.borrow().pos as i64,
        Some(v) => {
            // `_Py_convert_optional_to_ssize_t`'s message for a non-index.
            if !is_index(vm, v) {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("argument should be integer or None, not '{t}'")));
            }
            int_arg(vm, v)?
        }
    };
    b.exports.check_resize(vm)?;
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    let mut i = b.inner.borrow_mut();
    if (size as usize) < i.buf.len() {
        i.buf.truncate(size as usize);
    }
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(vm, &args)?;
    b.exports.check_resize(vm)?;
    let mut i = b.inner.borrow_mut();
    i.closed = true;
    i.buf = Vec::new();
    Ok(Value::None)
}

/// `__getstate__()`: `(getvalue(), tell(), __dict__ or None)`, for pickle and copy.
fn getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = check(vm, &args)?;
    let (v, p) = {
        let i = b.inner.borrow();
        (i.buf.clone(), i.pos)
    };
    let d = match args.pos[0].as_obj().and_then(|o| o.dict.get()) {
        Some(d) if crate::types::dict::dict_data(&d).is_some_and(|x| x.borrow().len() > 0) => {
            let copy = vm.call_method(&Value::Obj(d), "copy", vec![])?;
            copy
        }
        _ => Value::None,
    };
    let v = vm.new_bytes(v);
    Ok(vm.new_tuple(vec![v, Value::Int(p as i64), d]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setstate__", 2, 2)?;
    let b = check(vm, &args)?;
    let st = args.pos[1].clone();
    let items = match st.as_tuple() {
        Some(t) if t.len() >= 3 => t.to_vec(),
        _ => {
            let t = tdata(vm.type_of(&args.pos[0])).name();
            let s = vm.type_name(&st);
            return Err(vm.type_error(format!(
                "{t}.__setstate__ argument should be 3-tuple, got {s}"
            )));
        }
    };
    b.exports.check_resize(vm)?;
    let data = buffer_arg(vm, &items[0])?;
    let pos = int_arg(vm, &items[1])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    {
        let mut i = b.inner.borrow_mut();
        i.buf = data;
        i.pos = pos as usize;
    }
    if !matches!(items[2], Value::None) {
        if let Some(d) = args.pos[0].as_obj().and_then(|o| o.dict.get()) {
            vm.call_method(&Value::Obj(d), "update", vec![items[2].clone()])?;
        }
    }
    Ok(Value::None)
}
