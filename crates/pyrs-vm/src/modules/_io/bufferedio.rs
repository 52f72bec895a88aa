//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and `BufferedRWPair`: buffering
//! over a raw stream (CPython: `Modules/_io/bufferedio.c`).
//!
//! One state ([`Buffered`]) serves the three single-stream types: a read buffer (bytes
//! read ahead from the raw stream, consumed from `rpos`) and a write buffer (bytes not yet
//! handed to the raw stream). At most one of them holds data at a time: a write first
//! gives back the unread read-ahead (the raw stream is seeked back), a read first
//! flushes pending writes, so the raw position is always `tell() + unread - pending`.
//! The raw stream is any object with `readinto`/`write`/`seek`/...; an exact `FileIO` is
//! driven in Rust. No `RefCell` borrow is held across a call into Python (the raw
//! stream may be a class statement's), so re-entrancy cannot panic.

use super::fileio::{self, FileIO};
use super::iobase::{buffer_arg, size_arg, unsupported, writable_len, write_into};
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

pub struct BufInner {
    pub raw: Option<Value>,
    pub detached: bool,
    pub kind: Kind,
    pub buffer_size: usize,
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    pub wbuf: Vec<u8>,
    /// The raw stream is an exact `FileIO` (driven in Rust).
    pub fast: bool,
}

pub struct Buffered {
    pub inner: RefCell<BufInner>,
}

impl NativeData for Buffered {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(i) = self.inner.try_borrow() {
            if let Some(r) = &i.raw {
                visit(r);
            }
        }
    }
}

impl Drop for Buffered {
    /// Pending writes reach an exact `FileIO` even if the finalizer never ran.
    fn drop(&mut self) {
        let i = self.inner.get_mut();
        if i.wbuf.is_empty() || !i.fast {
            return;
        }
        if let Some(f) = i.raw.as_ref().and_then(|r| nt::state::<FileIO>(r)) {
            if let fileio::Fd::Owned(o) = &f.inner.borrow().fd {
                let mut data = &i.wbuf[..];
                while !data.is_empty() {
                    match rustix::io::retry_on_intr(|| rustix::io::write(o, data)) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => data = &data[n..],
                    }
                }
            }
        }
    }
}

/// The state of `v` when it is an exact `BufferedReader`/`BufferedWriter`/
/// `BufferedRandom` (not a subclass, which may override any method), so Rust can drive
/// it as its own methods would.
pub fn exact<'a>(vm: &mut Vm, v: &'a Value) -> Option<&'a Buffered> {
    let b = nt::state::<Buffered>(v)?;
    let t = super::types(vm);
    let ty = vm.type_of(v);
    (ty.is(&t.buffered_writer) || ty.is(&t.buffered_reader) || ty.is(&t.buffered_random))
        .then_some(b)
}

/// Whether `obj`'s instance `__dict__` holds `name` (which would shadow the type's
/// method, as it does for CPython's `PyObject_CallMethod`).
pub fn shadowed(vm: &mut Vm, obj: &Value, name: &str) -> bool {
    if obj.as_obj().and_then(|o| o.dict.get()).is_none() {
        return false;
    }
    let n = vm.intern(name);
    let h = crate::object::attr::hash_of(vm, &n);
    super::dict_has(obj, &(n, h))
}

pub struct RWPair {
    pub reader: RefCell<Option<Value>>,
    pub writer: RefCell<Option<Value>>,
}

impl NativeData for RWPair {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for c in [&self.reader, &self.writer] {
            if let Ok(v) = c.try_borrow() {
                if let Some(v) = &*v {
                    visit(v);
                }
            }
        }
    }
}

pub fn make_types(vm: &mut Vm, base: &PyRef) -> (PyRef, PyRef, PyRef, PyRef) {
    let common: &[(&'static str, NativeFn)] = &[
        ("__repr__", buf_repr),
        ("close", buf_close),
        ("detach", buf_detach),
        ("flush", buf_flush),
        ("seek", buf_seek),
        ("tell", buf_tell),
        ("truncate", buf_truncate),
        ("fileno", |vm, a| delegate(vm, a, "fileno")),
        ("isatty", |vm, a| delegate(vm, a, "isatty")),
        ("seekable", |vm, a| delegate(vm, a, "seekable")),
        ("readable", |vm, a| delegate(vm, a, "readable")),
        ("writable", |vm, a| delegate(vm, a, "writable")),
        ("_dealloc_warn", |_, _| Ok(Value::None)),
    ];
    let read: &[(&'static str, NativeFn)] = &[
        ("read", buf_read),
        ("read1", buf_read1),
        ("peek", buf_peek),
        ("readline", buf_readline),
        ("readinto", buf_readinto),
        ("readinto1", buf_readinto1),
        ("__next__", buf_next),
    ];
    let write: &[(&'static str, NativeFn)] = &[("write", buf_write)];
    let b = [base.clone()];
    let mk =
        |vm: &mut Vm, name: &'static str, init: NativeFn, parts: &[&[(&'static str, NativeFn)]]| {
            let mut methods: Vec<(&'static str, NativeFn)> = vec![("__init__", init)];
            for p in parts {
                methods.extend_from_slice(p);
            }
            let mut spec = nt::Spec::new(name, "_io");
            spec.bases = &b;
            spec.new = Some(buf_new);
            spec.methods = &methods;
            spec.no_dict = false;
            let ty = nt::new_type(vm, &spec);
            super::iobase::property(vm, &ty, "closed", |vm, a| attr(vm, a, "closed"), None);
            super::iobase::property(vm, &ty, "name", |vm, a| attr(vm, a, "name"), None);
            super::iobase::property(vm, &ty, "mode", |vm, a| attr(vm, a, "mode"), None);
            super::iobase::property(vm, &ty, "raw", buf_raw, None);
            ty
        };
    let reader = mk(vm, "BufferedReader", init_reader, &[common, read]);
    let writer = mk(vm, "BufferedWriter", init_writer, &[common, write]);
    let random = mk(vm, "BufferedRandom", init_random, &[common, read, write]);
    let pair_methods: &[(&'static str, NativeFn)] = &[
        ("__init__", pair_init),
        ("read", |vm, a| pair_call(vm, a, false, "read")),
        ("peek", |vm, a| pair_call(vm, a, false, "peek")),
        ("read1", |vm, a| pair_call(vm, a, false, "read1")),
        ("readinto", |vm, a| pair_call(vm, a, false, "readinto")),
        ("readinto1", |vm, a| pair_call(vm, a, false, "readinto1")),
        ("readable", |vm, a| pair_call(vm, a, false, "readable")),
        ("write", |vm, a| pair_call(vm, a, true, "write")),
        ("flush", |vm, a| pair_call(vm, a, true, "flush")),
        ("writable", |vm, a| pair_call(vm, a, true, "writable")),
        ("isatty", pair_isatty),
        ("close", pair_close),
    ];
    let mut spec = nt::Spec::new("BufferedRWPair", "_io");
    spec.bases = &b;
    spec.new = Some(pair_new);
    spec.methods = pair_methods;
    spec.no_dict = false;
    let pair = nt::new_type(vm, &spec);
    super::iobase::property(
        vm,
        &pair,
        "closed",
        |vm, a| pair_call(vm, a, true, "closed"),
        None,
    );
    (reader, writer, random, pair)
}

fn buf_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "Buffered")?;
    Ok(nt::alloc(
        vm,
        &cls,
        Buffered {
            inner: RefCell::new(BufInner {
                raw: None,
                detached: false,
                kind: Kind::Reader,
                buffer_size: super::DEFAULT_BUFFER_SIZE,
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
                fast: false,
            }),
        },
    ))
}

fn me<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Buffered> {
    match args.pos.first().and_then(|v| nt::state::<Buffered>(v)) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires a '_io._Buffered' object")),
    }
}

/// The raw stream, or the errors of an uninitialised / detached object.
fn raw_of(vm: &mut Vm, b: &Buffered) -> PyResult<(Value, bool)> {
    let i = b.inner.borrow();
    match &i.raw {
        Some(r) => Ok((r.clone(), i.fast)),
        None if i.detached => {
            drop(i);
            Err(vm.value_error("raw stream has been detached"))
        }
        None => {
            drop(i);
            Err(vm.value_error("I/O operation on uninitialized object"))
        }
    }
}

/// Is the raw stream closed (`raw.closed`)?
fn raw_closed(vm: &mut Vm, raw: &Value, fast: bool) -> PyResult<bool> {
    if fast {
        if let Some(f) = nt::state::<FileIO>(raw) {
            return Ok(f.is_closed());
        }
    }
    super::iobase::is_closed(vm, raw)
}

/// The raw stream of an open object; `what` names the ValueError of a closed one
/// ("read of closed file").
fn open_raw(vm: &mut Vm, b: &Buffered, what: &str) -> PyResult<(Value, bool)> {
    let (raw, fast) = raw_of(vm, b)?;
    if raw_closed(vm, &raw, fast)? {
        // A closed stream whose buffer still has data can be read (CPython's
        // CHECK_CLOSED lets a non-empty read buffer through).
        let i = b.inner.borrow();
        if what.starts_with("read") && i.rpos < i.rbuf.len() {
            return Ok((raw, fast));
        }
        drop(i);
        return Err(vm.value_error(format!("{what} of closed file")));
    }
    Ok((raw, fast))
}

fn os_error(vm: &mut Vm, msg: String) -> PyErr {
    let t = vm.types.os_error.clone();
    vm.new_error(&t, msg)
}

/// One read of at most `n` bytes from the raw stream; `None` when it would block.
fn raw_read(vm: &mut Vm, raw: &Value, fast: bool, n: usize) -> PyResult<Option<Vec<u8>>> {
    if fast {
        if let Some(f) = nt::state::<FileIO>(raw) {
            return fileio::read_some(vm, f, n);
        }
    }
    let z = super::iobase::zeroed(vm, n)?;
    let ba = crate::types::bytearray::new_bytearray(vm, z);
    let r = vm.call_method(raw, "readinto", vec![ba.clone()])?;
    if matches!(r, Value::None) {
        return Ok(None);
    }
    let k = vm.index_value(&r, "an integer is required")?;
    if k < 0 || k as usize > n {
        return Err(os_error(
            vm,
            format!(
                "raw readinto() returned invalid length {k} (should have been between 0 and {n})"
            ),
        ));
    }
    let mut data = crate::types::bytearray::bytes_like(&ba).unwrap_or_default();
    data.truncate(k as usize);
    Ok(Some(data))
}

/// One write to the raw stream; `None` when it would block.
fn raw_write(vm: &mut Vm, raw: &Value, fast: bool, data: &[u8]) -> PyResult<Option<usize>> {
    if fast {
        if let Some(f) = nt::state::<FileIO>(raw) {
            return fileio::write_some(vm, f, data);
        }
    }
    let b = vm.new_bytes(data.to_vec());
    let r = vm.call_method(raw, "write", vec![b])?;
    if matches!(r, Value::None) {
        return Ok(None);
    }
    let k = vm.index_value(&r, "an integer is required")?;
    if k < 0 || k as usize > data.len() {
        return Err(os_error(
            vm,
            format!(
                "raw write() returned invalid length {k} (should have been between 0 and {})",
                data.len()
            ),
        ));
    }
    Ok(Some(k as usize))
}

fn raw_seek(vm: &mut Vm, raw: &Value, fast: bool, pos: i64, whence: i64) -> PyResult<i64> {
    if fast {
        if let Some(f) = nt::state::<FileIO>(raw) {
            return Ok(fileio::seek(vm, f, pos, whence)? as i64);
        }
    }
    let r = vm.call_method(raw, "seek", vec![Value::Int(pos), Value::Int(whence)])?;
    let n = vm.index_value(&r, "an integer is required")?;
    if n < 0 {
        return Err(os_error(
            vm,
            format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

fn raw_tell(vm: &mut Vm, raw: &Value, fast: bool) -> PyResult<i64> {
    if fast {
        return raw_seek(vm, raw, fast, 0, 1);
    }
    let r = vm.call_method(raw, "tell", vec![])?;
    let n = vm.index_value(&r, "an integer is required")?;
    if n < 0 {
        return Err(os_error(
            vm,
            format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

/// Hand the write buffer to the raw stream (`_bufferedwriter_flush_unlocked`).
fn flush_writes(vm: &mut Vm, b: &Buffered, raw: &Value, fast: bool) -> PyResult<()> {
    loop {
        let data = {
            let i = b.inner.borrow();
            if i.wbuf.is_empty() {
                return Ok(());
            }
            i.wbuf.clone()
        };
        match raw_write(vm, raw, fast, &data)? {
            None => {
                let t = builtin_type(vm, "BlockingIOError");
                return Err(vm.new_error(&t, "write could not complete without blocking"));
            }
            Some(n) => {
                let mut i = b.inner.borrow_mut();
                let n = n.min(i.wbuf.len());
                i.wbuf.drain(..n);
            }
        }
    }
}

fn builtin_type(vm: &mut Vm, name: &str) -> PyRef {
    match super::iobase::builtin_value(vm, name) {
        Some(Value::Obj(o)) => o,
        _ => vm.types.os_error.clone(),
    }
}

/// Give the unread read-ahead back: seek the raw stream to the logical position and
/// empty the read buffer (before a write, a seek, a truncate, a detach).
fn drop_readahead(vm: &mut Vm, b: &Buffered, raw: &Value, fast: bool) -> PyResult<()> {
    let unread = {
        let i = b.inner.borrow();
        i.rbuf.len() - i.rpos
    };
    {
        let mut i = b.inner.borrow_mut();
        i.rbuf.clear();
        i.rpos = 0;
    }
    if unread > 0 {
        raw_seek(vm, raw, fast, -(unread as i64), 1)?;
    }
    Ok(())
}

fn init_common(vm: &mut Vm, args: Args, kind: Kind, name: &str) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let [raw, size] = nt::clinic(vm, rest, name, ["raw", "buffer_size"], 1, 2)?;
    let raw = raw.unwrap_or(Value::None);
    let check = |vm: &mut Vm, m: &str, msg: &str| -> PyResult<()> {
        let r = vm.call_method(&raw, m, vec![])?;
        if !vm.truthy(&r)? {
            return Err(unsupported(vm, msg));
        }
        Ok(())
    };
    if kind != Kind::Writer {
        check(vm, "readable", "File or stream is not readable.")?;
    }
    if kind != Kind::Reader {
        check(vm, "writable", "File or stream is not writable.")?;
    }
    if kind == Kind::Random {
        check(vm, "seekable", "File or stream is not seekable.")?;
    }
    let size = match size {
        None => super::DEFAULT_BUFFER_SIZE as i64,
        Some(v) => vm.index_value(&v, "an integer is required")?,
    };
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let Some(b) = nt::state::<Buffered>(&this) else {
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a '_io.{name}' object"
        )));
    };
    let ft = super::types(vm).fileio.clone();
    let fast = vm.type_of(&raw).is(&ft);
    let mut i = b.inner.borrow_mut();
    i.raw = Some(raw);
    i.detached = false;
    i.kind = kind;
    i.buffer_size = size as usize;
    i.rbuf.clear();
    i.rpos = 0;
    i.wbuf.clear();
    i.fast = fast;
    Ok(Value::None)
}

fn init_reader(vm: &mut Vm, args: Args) -> PyResult<Value> {
    init_common(vm, args, Kind::Reader, "BufferedReader")
}

fn init_writer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    init_common(vm, args, Kind::Writer, "BufferedWriter")
}

fn init_random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    init_common(vm, args, Kind::Random, "BufferedRandom")
}

/// `raw.<name>` (the `closed`, `name`, `mode` properties).
fn attr(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let b = me(vm, &args)?;
    let (raw, fast) = raw_of(vm, b)?;
    if fast && name == "closed" {
        if let Some(f) = nt::state::<FileIO>(&raw) {
            return Ok(Value::Bool(f.is_closed()));
        }
    }
    nt::getattr(vm, &raw, name)
}

fn buf_raw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(vm, &args)?;
    let r = b.inner.borrow().raw.clone();
    Ok(r.unwrap_or(Value::None))
}

/// `raw.<name>()` (`fileno`, `isatty`, `seekable`, `readable`, `writable`).
fn delegate(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let b = me(vm, &args)?;
    let (raw, _) = raw_of(vm, b)?;
    vm.call_method(&raw, name, vec![])
}

fn buf_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me_v = args.pos.first().cloned().unwrap_or(Value::None);
    let tn = nt::tp_name(vm, &me_v, "_io", "Buffered");
    let name = match nt::getattr(vm, &me_v, "name") {
        Ok(n) => Some(n),
        Err(e) => {
            let ve = vm.types.value_error.clone();
            let ae = vm.types.attribute_error.clone();
            if vm.err_matches(&e, &ve) || vm.err_matches(&e, &ae) {
                None
            } else {
                return Err(e);
            }
        }
    };
    let s = match name {
        None => format!("<{tn}>"),
        Some(n) => {
            let r = nt::repr_enter(vm, &me_v, |vm| vm.repr(&n))?;
            match r {
                Some(r) => format!("<{tn} name={r}>"),
                None => {
                    return Err(vm.runtime_error(format!("reentrant call inside {tn}.__repr__")))
                }
            }
        }
    };
    Ok(vm.new_str(&s))
}

fn buf_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(vm, &args)?;
    flush(vm, b)?;
    Ok(Value::None)
}

/// `close()`: flush, then `raw.close()`; a flush error is raised after the raw stream
/// closed (with the close error, if any, chained to it as context).
fn buf_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me_v = args.pos[0].clone();
    let b = me(vm, &args)?;
    let (raw, fast) = raw_of(vm, b)?;
    if raw_closed(vm, &raw, fast)? {
        return Ok(Value::None);
    }
    let flushed = vm.call_method(&me_v, "flush", vec![]);
    {
        let mut i = b.inner.borrow_mut();
        i.rbuf.clear();
        i.rpos = 0;
    }
    let closed = vm.call_method(&raw, "close", vec![]);
    match (flushed, closed) {
        (Err(e), _) => Err(e),
        (Ok(_), Err(e)) => Err(e),
        _ => Ok(Value::None),
    }
}

fn buf_detach(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me_v = args.pos[0].clone();
    let b = me(vm, &args)?;
    let (raw, fast) = raw_of(vm, b)?;
    vm.call_method(&me_v, "flush", vec![])?;
    if b.inner.borrow().kind != Kind::Writer {
        drop_readahead(vm, b, &raw, fast).ok();
    }
    let mut i = b.inner.borrow_mut();
    i.detached = true;
    Ok(i.raw.take().unwrap_or(raw))
}

fn whence_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(w) => {
            if !super::iobase::is_index(vm, w) {
                let t = vm.type_name(w);
                return Err(
                    vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
            vm.index_value(w, "an integer is required")
        }
    }
}

fn buf_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "seek", 2, 3)?;
    let b = me(vm, &args)?;
    let whence = whence_arg(vm, args.pos.get(2))?;
    if !(0..=4).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    let (raw, fast) = open_raw(vm, b, "seek")?;
    if !super::iobase::is_index(vm, &args.pos[1]) {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let mut pos = vm.index_value(&args.pos[1], "an integer is required")?;
    flush_writes(vm, b, &raw, fast)?;
    if whence == 1 {
        let i = b.inner.borrow();
        pos -= (i.rbuf.len() - i.rpos) as i64;
    }
    {
        let mut i = b.inner.borrow_mut();
        i.rbuf.clear();
        i.rpos = 0;
    }
    let n = raw_seek(vm, &raw, fast, pos, whence)?;
    Ok(Value::Int(n))
}

fn buf_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(vm, &args)?;
    let (raw, fast) = raw_of(vm, b)?;
    let p = raw_tell(vm, &raw, fast)?;
    let i = b.inner.borrow();
    let p = p - (i.rbuf.len() - i.rpos) as i64 + i.wbuf.len() as i64;
    Ok(Value::Int(p.max(0)))
}

fn buf_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "truncate", 1, 2)?;
    let me_v = args.pos[0].clone();
    let b = me(vm, &args)?;
    let (raw, fast) = open_raw(vm, b, "truncate")?;
    if b.inner.borrow().kind == Kind::Reader {
        return Err(unsupported(vm, "truncate"));
    }
    let pos = match args.pos.get(1) {
        None | Some(Value::None) => vm.call_method(&me_v, "tell", vec![])?,
        Some(v) => v.clone(),
    };
    flush_writes(vm, b, &raw, fast)?;
    drop_readahead(vm, b, &raw, fast)?;
    vm.call_method(&raw, "truncate", vec![pos])
}

/// Read `n` bytes ahead into the read buffer (after what is unread); false at EOF or
/// when the raw stream would block.
fn fill(vm: &mut Vm, b: &Buffered, raw: &Value, fast: bool) -> PyResult<Option<usize>> {
    let size = b.inner.borrow().buffer_size;
    let Some(data) = raw_read(vm, raw, fast, size)? else {
        return Ok(None);
    };
    let mut i = b.inner.borrow_mut();
    let rpos = i.rpos;
    i.rbuf.drain(..rpos);
    i.rpos = 0;
    i.rbuf.extend_from_slice(&data);
    Ok(Some(data.len()))
}

/// Pending writes go first (BufferedRandom), then reads come from the buffer.
fn before_read(vm: &mut Vm, b: &Buffered, raw: &Value, fast: bool) -> PyResult<()> {
    if !b.inner.borrow().wbuf.is_empty() {
        flush_writes(vm, b, raw, fast)?;
    }
    Ok(())
}

fn take(b: &Buffered, n: usize) -> Vec<u8> {
    let mut i = b.inner.borrow_mut();
    let end = i.rpos.saturating_add(n).min(i.rbuf.len());
    let out = i.rbuf[i.rpos..end].to_vec();
    i.rpos = end;
    out
}

fn available(b: &Buffered) -> usize {
    let i = b.inner.borrow();
    i.rbuf.len() - i.rpos
}

fn check_readable(vm: &mut Vm, b: &Buffered, what: &str) -> PyResult<(Value, bool)> {
    let (raw, fast) = raw_of(vm, b)?;
    if b.inner.borrow().kind == Kind::Writer {
        return Err(unsupported(vm, what));
    }
    let _ = (raw, fast);
    open_raw(vm, b, what)
}

/// `read(size=-1)`.
pub fn read(vm: &mut Vm, b: &Buffered, n: Option<usize>) -> PyResult<Value> {
    let (raw, fast) = check_readable(vm, b, "read")?;
    before_read(vm, b, &raw, fast)?;
    match n {
        None => {
            let mut out = take(b, usize::MAX);
            let rest = if fast {
                match nt::state::<FileIO>(&raw) {
                    Some(f) => fileio::read_all(vm, f)?,
                    None => None,
                }
            } else if nt::getattr_opt(vm, &raw, "readall")?.is_some() {
                let r = vm.call_method(&raw, "readall", vec![])?;
                if matches!(r, Value::None) {
                    None
                } else {
                    Some(buffer_arg(vm, &r)?)
                }
            } else {
                // No readall(): read() chunks until EOF.
                let mut all = Vec::new();
                let mut blocked = true;
                loop {
                    let r = vm.call_method(&raw, "read", vec![])?;
                    if matches!(r, Value::None) {
                        break;
                    }
                    blocked = false;
                    let c = buffer_arg(vm, &r)?;
                    if c.is_empty() {
                        break;
                    }
                    all.extend(c);
                }
                (!blocked || !all.is_empty()).then_some(all)
            };
            match rest {
                None if out.is_empty() => return Ok(Value::None),
                None => {}
                Some(r) => out.extend(r),
            }
            Ok(vm.new_bytes(out))
        }
        Some(n) => {
            let mut out = take(b, n);
            while out.len() < n {
                let want = n - out.len();
                let size = b.inner.borrow().buffer_size;
                if want >= size {
                    // A large read goes straight to the raw stream.
                    match raw_read(vm, &raw, fast, want)? {
                        None if out.is_empty() => return Ok(Value::None),
                        None => break,
                        Some(d) if d.is_empty() => break,
                        Some(d) => out.extend(d),
                    }
                } else {
                    match fill(vm, b, &raw, fast)? {
                        None if out.is_empty() => return Ok(Value::None),
                        None | Some(0) => break,
                        Some(_) => out.extend(take(b, want)),
                    }
                }
            }
            Ok(vm.new_bytes(out))
        }
    }
}

fn buf_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "read", 1, 2)?;
    let b = me(vm, &args)?;
    if let Some(Value::Int(n)) = args.pos.get(1) {
        if *n < -1 {
            return Err(vm.value_error("read length must be non-negative or -1"));
        }
    }
    let n = size_arg(vm, args.pos.get(1))?;
    read(vm, b, n)
}

fn buf_read1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "read1", 1, 2)?;
    let b = me(vm, &args)?;
    let n = size_arg(vm, args.pos.get(1))?;
    let (raw, fast) = check_readable(vm, b, "read")?;
    before_read(vm, b, &raw, fast)?;
    let n = n.unwrap_or(b.inner.borrow().buffer_size);
    if n == 0 {
        return Ok(vm.new_bytes(Vec::new()));
    }
    if available(b) == 0 {
        fill(vm, b, &raw, fast)?;
    }
    let out = take(b, n);
    Ok(vm.new_bytes(out))
}

fn buf_peek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "peek", 1, 2)?;
    let b = me(vm, &args)?;
    let (raw, fast) = check_readable(vm, b, "peek")?;
    before_read(vm, b, &raw, fast)?;
    if available(b) == 0 {
        fill(vm, b, &raw, fast)?;
    }
    let i = b.inner.borrow();
    let out = i.rbuf[i.rpos..].to_vec();
    drop(i);
    Ok(vm.new_bytes(out))
}

pub fn readline(vm: &mut Vm, b: &Buffered, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let (raw, fast) = check_readable(vm, b, "readline")?;
    before_read(vm, b, &raw, fast)?;
    let mut out = Vec::new();
    loop {
        let found = {
            let i = b.inner.borrow();
            let avail = &i.rbuf[i.rpos..];
            let room = limit.map_or(usize::MAX, |l| l - out.len());
            let scan = &avail[..avail.len().min(room)];
            match scan.iter().position(|&c| c == b'\n') {
                Some(k) => Some(k + 1),
                None if scan.len() == room => Some(room),
                None => None,
            }
        };
        if let Some(k) = found {
            out.extend(take(b, k));
            return Ok(out);
        }
        out.extend(take(b, usize::MAX));
        match fill(vm, b, &raw, fast)? {
            None | Some(0) => return Ok(out),
            Some(_) => {}
        }
    }
}

fn buf_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "readline", 1, 2)?;
    let b = me(vm, &args)?;
    let limit = size_arg(vm, args.pos.get(1))?;
    let line = readline(vm, b, limit)?;
    Ok(vm.new_bytes(line))
}

fn buf_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(vm, &args)?;
    let line = readline(vm, b, None)?;
    if line.is_empty() {
        return Err(vm.stop_iteration());
    }
    Ok(vm.new_bytes(line))
}

fn readinto_common(vm: &mut Vm, args: Args, one: bool) -> PyResult<Value> {
    let name = if one { "readinto1" } else { "readinto" };
    args.check(vm, name, 2, 2)?;
    let b = me(vm, &args)?;
    let n = writable_len(vm, &args.pos[1])?;
    let data = if one {
        let (raw, fast) = check_readable(vm, b, "readinto")?;
        before_read(vm, b, &raw, fast)?;
        if available(b) == 0 && n > 0 {
            fill(vm, b, &raw, fast)?;
        }
        take(b, n)
    } else {
        let _ = check_readable(vm, b, "readinto")?;
        let v = read(vm, b, Some(n))?;
        if matches!(v, Value::None) {
            return Ok(Value::None);
        }
        crate::types::bytearray::bytes_like(&v).unwrap_or_default()
    };
    let k = write_into(vm, &args.pos[1], &data)?;
    Ok(Value::Int(k as i64))
}

fn buf_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    readinto_common(vm, args, false)
}

fn buf_readinto1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    readinto_common(vm, args, true)
}

/// `write(b)` (CPython's `_io__Buffered_write_impl`): data that fits in the buffer is
/// copied there; otherwise what is pending goes out first (an error leaves it pending),
/// then the data goes straight to the raw stream while more than `buffer_size` bytes
/// remain, and the rest is buffered. So a failed write of a large chunk leaves nothing
/// of it behind (what makes `print` to a closed pipe fail once, not again at exit).
pub fn write(vm: &mut Vm, b: &Buffered, data: &[u8]) -> PyResult<usize> {
    let (raw, fast) = raw_of(vm, b)?;
    if raw_closed(vm, &raw, fast)? {
        return Err(vm.value_error("write to closed file"));
    }
    if b.inner.borrow().rpos < b.inner.borrow().rbuf.len() {
        drop_readahead(vm, b, &raw, fast)?;
    }
    let fits = {
        let mut i = b.inner.borrow_mut();
        i.rbuf.clear();
        i.rpos = 0;
        if i.wbuf.len() + data.len() <= i.buffer_size {
            i.wbuf.extend_from_slice(data);
            true
        } else {
            false
        }
    };
    if fits {
        return Ok(data.len());
    }
    flush_writes(vm, b, &raw, fast)?;
    let size = b.inner.borrow().buffer_size;
    let mut rest = data;
    while rest.len() > size {
        match raw_write(vm, &raw, fast, rest)? {
            None => {
                let t = builtin_type(vm, "BlockingIOError");
                return Err(vm.new_error(&t, "write could not complete without blocking"));
            }
            Some(n) => rest = &rest[n.min(rest.len())..],
        }
    }
    b.inner.borrow_mut().wbuf.extend_from_slice(rest);
    Ok(data.len())
}

/// `flush()` of a buffer (CPython's `buffered_flush`): "flush of closed file" when the
/// raw stream is closed, else pending writes go to the raw stream.
pub fn flush(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    let (raw, fast) = raw_of(vm, b)?;
    if b.inner.borrow().kind == Kind::Reader {
        if raw_closed(vm, &raw, fast)? {
            return Err(super::iobase::closed_err(vm));
        }
        return Ok(());
    }
    if raw_closed(vm, &raw, fast)? {
        return Err(vm.value_error("flush of closed file"));
    }
    flush_writes(vm, b, &raw, fast)
}

fn buf_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "write", 2, 2)?;
    let b = me(vm, &args)?;
    let data = buffer_arg(vm, &args.pos[1])?;
    let n = write(vm, b, &data)?;
    Ok(Value::Int(n as i64))
}

// ---- BufferedRWPair --------------------------------------------------------------------

fn pair_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "BufferedRWPair")?;
    Ok(nt::alloc(
        vm,
        &cls,
        RWPair {
            reader: RefCell::new(None),
            writer: RefCell::new(None),
        },
    ))
}

fn pair_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let [reader, writer, size] = nt::clinic(
        vm,
        rest,
        "BufferedRWPair",
        ["reader", "writer", "buffer_size"],
        2,
        3,
    )?;
    let size = size.unwrap_or(Value::Int(super::DEFAULT_BUFFER_SIZE as i64));
    let t = super::types(vm);
    let r = vm.call(
        &Value::Obj(t.buffered_reader.clone()),
        vec![reader.unwrap_or(Value::None), size.clone()],
    )?;
    let w = vm.call(
        &Value::Obj(t.buffered_writer.clone()),
        vec![writer.unwrap_or(Value::None), size],
    )?;
    let Some(p) = nt::state::<RWPair>(&this) else {
        return Err(vm.type_error("descriptor '__init__' requires a '_io.BufferedRWPair' object"));
    };
    *p.reader.borrow_mut() = Some(r);
    *p.writer.borrow_mut() = Some(w);
    Ok(Value::None)
}

fn pair_parts(vm: &mut Vm, args: &Args) -> PyResult<(Value, Value)> {
    let p = args.pos.first().and_then(|v| nt::state::<RWPair>(v));
    let (r, w) = match p {
        Some(p) => (p.reader.borrow().clone(), p.writer.borrow().clone()),
        None => (None, None),
    };
    match (r, w) {
        (Some(r), Some(w)) => Ok((r, w)),
        _ => Err(vm.value_error("I/O operation on uninitialized object")),
    }
}

fn pair_call(vm: &mut Vm, args: Args, writer: bool, name: &str) -> PyResult<Value> {
    let (r, w) = pair_parts(vm, &args)?;
    let target = if writer { w } else { r };
    if name == "closed" {
        return nt::getattr(vm, &target, "closed");
    }
    vm.call_method(&target, name, args.pos[1..].to_vec())
}

fn pair_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, w) = pair_parts(vm, &args)?;
    let a = vm.call_method(&w, "isatty", vec![])?;
    if vm.truthy(&a)? {
        return Ok(a);
    }
    vm.call_method(&r, "isatty", vec![])
}

fn pair_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, w) = pair_parts(vm, &args)?;
    let a = vm.call_method(&w, "close", vec![]);
    let b = vm.call_method(&r, "close", vec![]);
    a?;
    b
}
