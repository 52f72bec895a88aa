//! `_io.FileIO`: raw, unbuffered binary I/O on an OS file descriptor (CPython:
//! `Modules/_io/fileio.c`).
//!
//! The descriptor is either owned (`OwnedFd`: opened here, or taken over from the
//! `posix` table for `FileIO(fd)` with `closefd=True`; dropping it closes it, so a file
//! object that dies closes its descriptor even without the finalizer) or borrowed by
//! number (`closefd=False`, and the standard streams 0-2), whose calls go through
//! `posix`'s descriptor table (`modules/posix/fds.rs`). System calls through rustix.

use super::iobase::{buffer_arg, size_arg, unsupported, writable_len, write_into};
use crate::modules::native_type::{self as nt, NativeData};
use crate::modules::posix::fds;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use rustix::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use rustix::io::Errno;
use std::cell::RefCell;

pub enum Fd {
    Closed,
    Owned(OwnedFd),
    /// A descriptor this object does not close (`posix`'s, or 0-2).
    Borrowed(i32),
}

pub struct FileInner {
    pub fd: Fd,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// -1 unknown, 0 no, 1 yes (CPython's `seekable` cache).
    pub seekable: i8,
    pub blksize: i64,
}

pub struct FileIO {
    pub inner: RefCell<FileInner>,
}

impl NativeData for FileIO {
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

impl FileIO {
    fn closed() -> FileIO {
        FileIO {
            inner: RefCell::new(FileInner {
                fd: Fd::Closed,
                readable: false,
                writable: false,
                appending: false,
                created: false,
                closefd: true,
                seekable: -1,
                blksize: 0,
            }),
        }
    }

    pub fn is_closed(&self) -> bool {
        matches!(self.inner.borrow().fd, Fd::Closed)
    }

    pub fn fileno(&self) -> i32 {
        match &self.inner.borrow().fd {
            Fd::Closed => -1,
            Fd::Owned(o) => o.as_raw_fd(),
            Fd::Borrowed(n) => *n,
        }
    }

    /// `mode` as CPython's `mode_string`.
    pub fn mode(&self) -> &'static str {
        let i = self.inner.borrow();
        match (i.created, i.appending, i.readable, i.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }
}

pub fn make_type(vm: &mut Vm, raw_iobase: &PyRef) -> PyRef {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", fileio_init),
        ("__repr__", fileio_repr),
        ("read", fileio_read),
        ("readall", fileio_readall),
        ("readinto", fileio_readinto),
        ("write", fileio_write),
        ("seek", fileio_seek),
        ("tell", fileio_tell),
        ("truncate", fileio_truncate),
        ("close", fileio_close),
        ("seekable", fileio_seekable),
        ("readable", fileio_readable),
        ("writable", fileio_writable),
        ("fileno", fileio_fileno),
        ("isatty", fileio_isatty),
    ];
    let b = [raw_iobase.clone()];
    let mut spec = nt::Spec::new("FileIO", "_io");
    spec.doc = Some(
        "Open a file.\n\nThe mode can be 'r' (default), 'w', 'x' or 'a' for reading,\n\
         writing, exclusive creation or appending.",
    );
    spec.bases = &b;
    spec.new = Some(fileio_new);
    spec.methods = methods;
    spec.no_dict = false;
    let ty = nt::new_type(vm, &spec);
    super::iobase::property(vm, &ty, "closed", fileio_closed, None);
    super::iobase::property(vm, &ty, "closefd", fileio_closefd, None);
    super::iobase::property(vm, &ty, "mode", fileio_mode, None);
    super::iobase::property(vm, &ty, "_blksize", fileio_blksize, None);
    ty
}

fn fileio_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "FileIO")?;
    Ok(nt::alloc(vm, &cls, FileIO::closed()))
}

fn me<'a>(vm: &mut Vm, args: &'a Args, method: &str) -> PyResult<&'a FileIO> {
    nt::this::<FileIO>(vm, args, method, "_io.FileIO")
}

/// `ValueError: I/O operation on closed file` (FileIO's own text has no period).
fn err_closed(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

fn errno_err(vm: &mut Vm, e: Errno) -> PyErr {
    crate::modules::posix::path::errno_error(vm, e, None)
}

/// Run a system call on the object's descriptor; ValueError when it is closed.
pub fn with_fd<R>(
    vm: &mut Vm,
    f: &FileIO,
    op: impl FnOnce(BorrowedFd<'_>) -> rustix::io::Result<R>,
) -> PyResult<R> {
    let i = f.inner.borrow();
    let r = match &i.fd {
        Fd::Closed => {
            drop(i);
            return Err(err_closed(vm));
        }
        Fd::Owned(o) => op(o.as_fd()),
        Fd::Borrowed(n) => {
            let n = *n;
            drop(i);
            fds::with_fd(vm, n, op)?
        }
    };
    r.map_err(|e| errno_err(vm, e))
}

/// `FileIO.__init__(file, mode='r', closefd=True, opener=None)`.
fn fileio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let [file, mode, closefd, opener] = nt::clinic(
        vm,
        rest,
        "FileIO",
        ["file", "mode", "closefd", "opener"],
        1,
        4,
    )?;
    let Some(f) = nt::state::<FileIO>(&this) else {
        return Err(vm.type_error("descriptor '__init__' requires a '_io.FileIO' object"));
    };
    // Re-initialising an open object closes it first.
    {
        let mut i = f.inner.borrow_mut();
        if i.closefd {
            i.fd = Fd::Closed;
        }
    }
    let file = file.unwrap_or(Value::None);
    let mode = match mode {
        None => "r".to_string(),
        Some(m) => match m.as_str() {
            Some(s) => s.as_rust().into_owned(),
            None => {
                let t = vm.type_name(&m);
                return Err(vm.type_error(format!("FileIO() argument 'mode' must be str, not {t}")));
            }
        },
    };
    let closefd = match closefd {
        None => true,
        Some(v) => vm.truthy(&v)?,
    };
    let opener = opener.filter(|o| !matches!(o, Value::None));
    if matches!(file, Value::Float(_)) || matches!(file.payload(), Some(Payload::Float(_))) {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let fd_arg = if super::iobase::is_index(vm, &file) {
        let n = vm.index_value(&file, "an integer is required")?;
        if n < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        Some(i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))?)
    } else {
        None
    };
    // Mode parsing (`fileio_init`'s loop).
    let (mut rwa, mut plus) = (false, false);
    let (mut readable, mut writable, mut appending, mut created) = (false, false, false, false);
    let bad = |vm: &mut Vm| {
        vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad(vm));
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                    }
                    'r' => readable = true,
                    'w' => writable = true,
                    _ => {
                        writable = true;
                        appending = true;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad(vm));
                }
                readable = true;
                writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad(vm));
    }
    use rustix::fs::OFlags;
    let mut flags = if readable && writable {
        OFlags::RDWR
    } else if readable {
        OFlags::RDONLY
    } else {
        OFlags::WRONLY
    };
    if created {
        flags |= OFlags::EXCL | OFlags::CREATE;
    } else if appending {
        flags |= OFlags::APPEND | OFlags::CREATE;
    } else if writable && !readable || (writable && mode.contains('w')) {
        flags |= OFlags::TRUNC | OFlags::CREATE;
    }
    flags |= OFlags::CLOEXEC;
    let fd = match fd_arg {
        Some(n) => {
            // The descriptor must be open (`_Py_fstat` below reports EBADF otherwise).
            match fds::fstat_any(vm, n)? {
                Ok(_) => {}
                Err(e) => return Err(errno_err(vm, e)),
            }
            if closefd && n > 2 {
                match fds::take(vm, n) {
                    Some(o) => Fd::Owned(o),
                    None => Fd::Borrowed(n),
                }
            } else {
                Fd::Borrowed(n)
            }
        }
        None => {
            if !closefd {
                return Err(vm.value_error("Cannot use closefd=False with file name"));
            }
            if let Some(op) = &opener {
                let bits = Value::Int(flags.bits() as i64);
                let r = vm.call(op, vec![file.clone(), bits])?;
                if !super::iobase::is_index(vm, &r) {
                    return Err(vm.type_error("expected integer from opener"));
                }
                let n = vm.index_value(&r, "expected integer from opener")?;
                if n < 0 {
                    return Err(vm.value_error(format!("opener returned {n}")));
                }
                let n = n as i32;
                match fds::take(vm, n) {
                    Some(o) => Fd::Owned(o),
                    None => Fd::Borrowed(n),
                }
            } else {
                if !is_path(vm, &file) {
                    let t = vm.type_name(&file);
                    return Err(vm.type_error(format!(
                        "expected str, bytes or os.PathLike object, not {t}"
                    )));
                }
                let p = crate::modules::posix::path::path_arg(
                    vm,
                    file.clone(),
                    "open",
                    "file",
                    crate::modules::posix::path::PATH,
                )?;
                let mode = rustix::fs::Mode::from_bits_retain(0o666);
                let r = rustix::io::retry_on_intr(|| rustix::fs::open(p.c(), flags, mode));
                match r {
                    Ok(o) => Fd::Owned(o),
                    Err(e) => {
                        return Err(crate::modules::posix::path::errno_error(vm, e, Some(&file)))
                    }
                }
            }
        }
    };
    let new = FileIO::closed();
    {
        let mut i = new.inner.borrow_mut();
        i.fd = fd;
        i.readable = readable;
        i.writable = writable;
        i.appending = appending;
        i.created = created;
        i.closefd = closefd;
        i.blksize = super::DEFAULT_BUFFER_SIZE as i64;
    }
    let st = with_fd(vm, &new, |d| rustix::fs::fstat(d));
    match st {
        Ok(st) => {
            if (st.st_mode as u32 & 0o170000) == 0o040000 {
                let e = crate::modules::posix::path::errno_error(vm, Errno::ISDIR, Some(&file));
                return Err(e);
            }
            if st.st_blksize > 1 {
                new.inner.borrow_mut().blksize = st.st_blksize as i64;
            }
        }
        Err(e) => return Err(e),
    }
    nt::setattr(vm, &this, "name", file.clone())?;
    if appending {
        // The position starts at the end (CPython seeks so tell() is right at once).
        let _ = with_fd(vm, &new, |d| {
            rustix::fs::seek(d, rustix::fs::SeekFrom::End(0))
        });
    }
    let taken = std::mem::replace(
        &mut *new.inner.borrow_mut(),
        FileIO::closed().inner.into_inner(),
    );
    *f.inner.borrow_mut() = taken;
    Ok(Value::None)
}

/// str, bytes, or an object with `__fspath__`.
fn is_path(vm: &mut Vm, v: &Value) -> bool {
    if matches!(v.payload(), Some(Payload::Str(_) | Payload::Bytes(_))) {
        return true;
    }
    let ty = vm.type_of(v).clone();
    crate::object::protocol::special_method(vm, &ty, "__fspath__").is_some()
}

fn fileio_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "__repr__")?;
    let tn = nt::tp_name(vm, &args.pos[0], "_io", "FileIO");
    if f.is_closed() {
        return Ok(vm.new_str(&format!("<{tn} [closed]>")));
    }
    let (mode, closefd) = (f.mode(), f.inner.borrow().closefd);
    let closefd = if closefd { "True" } else { "False" };
    let s = match nt::getattr_opt(vm, &args.pos[0], "name")? {
        None => format!("<{tn} fd={} mode='{mode}' closefd={closefd}>", f.fileno()),
        Some(name) => {
            let r = nt::repr_enter(vm, &args.pos[0], |vm| vm.repr(&name))?;
            let Some(r) = r else {
                return Err(vm.runtime_error(format!("reentrant call inside {tn}.__repr__")));
            };
            format!("<{tn} name={r} mode='{mode}' closefd={closefd}>")
        }
    };
    Ok(vm.new_str(&s))
}

fn check_readable(vm: &mut Vm, f: &FileIO) -> PyResult<()> {
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    if !f.inner.borrow().readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, f: &FileIO) -> PyResult<()> {
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    if !f.inner.borrow().writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    Ok(())
}

/// One `read(2)` of at most `n` bytes; `None` when it would block.
pub fn read_some(vm: &mut Vm, f: &FileIO, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut buf = super::iobase::zeroed(vm, n)?;
    let r = with_fd(vm, f, |d| {
        rustix::io::retry_on_intr(|| match rustix::io::read(d, &mut buf[..]) {
            Err(Errno::AGAIN) => Ok(usize::MAX),
            r => r,
        })
    })?;
    if r == usize::MAX {
        return Ok(None);
    }
    buf.truncate(r);
    Ok(Some(buf))
}

/// Read to end of file; `None` when the first read would block.
pub fn read_all(vm: &mut Vm, f: &FileIO) -> PyResult<Option<Vec<u8>>> {
    // The size hint: what is left after the current position of a regular file.
    let hint = with_fd(vm, f, |d| {
        let st = rustix::fs::fstat(d)?;
        let pos = rustix::fs::seek(d, rustix::fs::SeekFrom::Current(0)).unwrap_or(0);
        Ok((st.st_size as u64).saturating_sub(pos))
    })
    .unwrap_or(0);
    let mut out: Vec<u8> = Vec::with_capacity((hint as usize).min(1 << 26) + 1);
    loop {
        let want = (out.capacity() - out.len()).max(super::DEFAULT_BUFFER_SIZE);
        match read_some(vm, f, want)? {
            None if out.is_empty() => return Ok(None),
            None => break,
            Some(b) if b.is_empty() => break,
            Some(b) => out.extend_from_slice(&b),
        }
    }
    Ok(Some(out))
}

/// One `write(2)`; `None` when it would block.
pub fn write_some(vm: &mut Vm, f: &FileIO, data: &[u8]) -> PyResult<Option<usize>> {
    let r = with_fd(vm, f, |d| {
        rustix::io::retry_on_intr(|| match rustix::io::write(d, data) {
            Err(Errno::AGAIN) => Ok(usize::MAX),
            r => r,
        })
    })?;
    Ok((r != usize::MAX).then_some(r))
}

pub fn seek(vm: &mut Vm, f: &FileIO, pos: i64, whence: i64) -> PyResult<u64> {
    use rustix::fs::SeekFrom;
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    let from = match whence {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        3 => SeekFrom::Data(pos.max(0) as u64),
        4 => SeekFrom::Hole(pos.max(0) as u64),
        _ => return Err(errno_err(vm, Errno::INVAL)),
    };
    with_fd(vm, f, |d| rustix::fs::seek(d, from))
}

fn fileio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "read", 1, 2)?;
    let f = me(vm, &args, "read")?;
    check_readable(vm, f)?;
    let r = match size_arg(vm, args.pos.get(1))? {
        None => read_all(vm, f)?,
        Some(n) => read_some(vm, f, n)?,
    };
    Ok(r.map_or(Value::None, |b| vm.new_bytes(b)))
}

fn fileio_readall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "readall")?;
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    Ok(read_all(vm, f)?.map_or(Value::None, |b| vm.new_bytes(b)))
}

fn fileio_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "readinto", 2, 2)?;
    let f = me(vm, &args, "readinto")?;
    check_readable(vm, f)?;
    let n = writable_len(vm, &args.pos[1])?;
    match read_some(vm, f, n)? {
        None => Ok(Value::None),
        Some(b) => {
            let k = write_into(vm, &args.pos[1], &b)?;
            Ok(Value::Int(k as i64))
        }
    }
}

fn fileio_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "write", 2, 2)?;
    let f = me(vm, &args, "write")?;
    check_writable(vm, f)?;
    let data = buffer_arg(vm, &args.pos[1])?;
    Ok(match write_some(vm, f, &data)? {
        Some(n) => Value::Int(n as i64),
        None => Value::None,
    })
}

fn fileio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "seek", 2, 3)?;
    let f = me(vm, &args, "seek")?;
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    if matches!(args.pos[1], Value::Float(_)) {
        return Err(vm.type_error("an integer is required"));
    }
    let pos = vm.index_value(&args.pos[1], "an integer is required")?;
    let whence = match args.pos.get(2) {
        Some(w) => vm.index_value(w, "an integer is required")?,
        None => 0,
    };
    let p = seek(vm, f, pos, whence)?;
    Ok(Value::Int(p as i64))
}

fn fileio_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "tell")?;
    let p = seek(vm, f, 0, 1)?;
    Ok(Value::Int(p as i64))
}

fn fileio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "truncate", 1, 2)?;
    let f = me(vm, &args, "truncate")?;
    check_writable(vm, f)?;
    let size = match args.pos.get(1) {
        None | Some(Value::None) => seek(vm, f, 0, 1)? as i64,
        Some(v) => vm.index_value(v, "an integer is required")?,
    };
    if size < 0 {
        return Err(errno_err(vm, Errno::INVAL));
    }
    with_fd(vm, f, |d| rustix::fs::ftruncate(d, size as u64))?;
    Ok(Value::Int(size))
}

/// `close()`: `_RawIOBase.close` (flush) then the descriptor's own close; a borrowed
/// descriptor is only forgotten.
fn fileio_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "close")?;
    let old = std::mem::replace(&mut f.inner.borrow_mut().fd, Fd::Closed);
    if let Fd::Owned(o) = old {
        // Closing reports EBADF and friends as CPython's `internal_close` does. std's
        // close ignores errors; rustix's `close` consumes the descriptor.
        drop(o);
    }
    Ok(Value::None)
}

fn fileio_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "seekable")?;
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    let cached = f.inner.borrow().seekable;
    if cached < 0 {
        let ok = with_fd(vm, f, |d| {
            Ok(rustix::fs::seek(d, rustix::fs::SeekFrom::Current(0)).is_ok())
        })?;
        f.inner.borrow_mut().seekable = ok as i8;
        return Ok(Value::Bool(ok));
    }
    Ok(Value::Bool(cached == 1))
}

fn fileio_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "readable")?;
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    let r = f.inner.borrow().readable;
    Ok(Value::Bool(r))
}

fn fileio_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "writable")?;
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    let w = f.inner.borrow().writable;
    Ok(Value::Bool(w))
}

fn fileio_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "fileno")?;
    if f.is_closed() {
        return Err(err_closed(vm));
    }
    Ok(Value::Int(f.fileno() as i64))
}

pub fn isatty(vm: &mut Vm, f: &FileIO) -> PyResult<bool> {
    with_fd(vm, f, |d| Ok(rustix::termios::isatty(d)))
}

fn fileio_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "isatty")?;
    Ok(Value::Bool(isatty(vm, f)?))
}

fn fileio_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "closed")?;
    Ok(Value::Bool(f.is_closed()))
}

fn fileio_closefd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "closefd")?;
    let c = f.inner.borrow().closefd;
    Ok(Value::Bool(c))
}

fn fileio_mode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "mode")?;
    Ok(vm.new_str(f.mode()))
}

fn fileio_blksize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = me(vm, &args, "_blksize")?;
    let b = f.inner.borrow().blksize;
    Ok(Value::Int(b))
}
