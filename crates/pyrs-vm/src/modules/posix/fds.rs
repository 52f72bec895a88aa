//! File descriptors: the interpreter's table of the descriptors `posix` opened, and the
//! functions on them (`open`, `close`, `read`, `write`, `lseek`, `dup`, `pipe`, `isatty`,
//! `fsync`, `ftruncate`, `get_terminal_size`, `device_encoding`, `get/set_inheritable`,
//! `get/set_blocking`). CPython: `Modules/posixmodule.c`.
//!
//! Safe Rust cannot turn an integer into a descriptor (`BorrowedFd::borrow_raw` is
//! `unsafe`; design.md §5 keeps `unsafe` in object/refcount.rs), so `posix` owns what it
//! opens: `os.open`, `os.pipe` and `os.dup` put an `OwnedFd` in [`FdTable`] under its
//! number, and the other functions look the number up there; 0, 1 and 2 are the
//! process's standard streams, borrowed through std's handles. A descriptor that is
//! open in the process but not in the table (a file object's, an inherited one) raises
//! NotImplementedError, except for `fstat` (read through `/proc/self/fd/N`); a number
//! that is not open raises `OSError: [Errno 9] Bad file descriptor`, as in CPython.

use super::args;
use super::path::{errno_error, os_error};
use crate::object::Value;
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use rustix::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use rustix::io::Errno;
use std::collections::HashMap;

/// The descriptors `posix` opened, by number (interpreter-wide, as the process's are).
#[derive(Default)]
pub struct FdTable {
    owned: HashMap<i32, OwnedFd>,
}

/// Record a descriptor `posix` now owns; its number.
pub fn adopt(vm: &mut Vm, fd: OwnedFd) -> i32 {
    let n = fd.as_raw_fd();
    vm.interp.posix.fds.owned.insert(n, fd);
    n
}

/// Take descriptor `fd` out of the table (its new owner closes it): `_io.FileIO(fd)`
/// with `closefd=True`, and an `opener`'s result.
pub fn take(vm: &mut Vm, fd: i32) -> Option<OwnedFd> {
    vm.interp.posix.fds.owned.remove(&fd)
}

/// Whether `fd` is open in the process (`/proc/self/fd/N` exists).
fn open_in_process(fd: i32) -> bool {
    fd >= 0 && std::path::Path::new(&format!("/proc/self/fd/{fd}")).exists()
}

/// Run `f` on descriptor `fd`: `Ok(Err(errno))` is the system call's failure (EBADF for
/// a number that is not open), `Err` the NotImplementedError of a descriptor open in
/// the process that `posix` does not own.
pub fn with_fd<R>(
    vm: &mut Vm,
    fd: i32,
    f: impl FnOnce(BorrowedFd<'_>) -> rustix::io::Result<R>,
) -> PyResult<rustix::io::Result<R>> {
    if let Some(o) = vm.interp.posix.fds.owned.get(&fd) {
        return Ok(f(o.as_fd()));
    }
    Ok(match fd {
        0 => f(std::io::stdin().as_fd()),
        1 => f(std::io::stdout().as_fd()),
        2 => f(std::io::stderr().as_fd()),
        _ if open_in_process(fd) => return Err(foreign(vm, fd)),
        _ => Err(Errno::BADF),
    })
}

fn foreign(vm: &mut Vm, fd: i32) -> crate::vm::PyErr {
    vm.not_implemented_error(format!(
        "file descriptor {fd} was not opened by the os module; pyrs's os functions work \
         on descriptors from os.open, os.pipe and os.dup and on 0, 1 and 2"
    ))
}

/// A descriptor's OSError without a filename (`[Errno 9] Bad file descriptor`).
fn fd_err(vm: &mut Vm, e: Errno) -> crate::vm::PyErr {
    errno_error(vm, e, None)
}

/// `fstat` of any open descriptor: the table's, the standard streams, or another one
/// through `/proc/self/fd/N` (which names the same open file).
pub fn fstat_any(vm: &mut Vm, fd: i32) -> PyResult<rustix::io::Result<rustix::fs::Stat>> {
    if vm.interp.posix.fds.owned.contains_key(&fd) || (0..=2).contains(&fd) {
        return with_fd(vm, fd, |d| rustix::fs::fstat(d));
    }
    if fd < 0 || !open_in_process(fd) {
        return Ok(Err(Errno::BADF));
    }
    Ok(rustix::fs::stat(format!("/proc/self/fd/{fd}").as_str()))
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: the new descriptor is
/// non-inheritable (`O_CLOEXEC`), as PEP 446 makes it.
pub fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, flags, mode, dir_fd] =
        args::parse(vm, a, "open", ["path", "flags", "mode", "dir_fd"], 2, 3)?;
    let p = super::path::path_arg(
        vm,
        path.unwrap_or(Value::None),
        "open",
        "path",
        super::path::PATH,
    )?;
    let flags = args::c_int(vm, &flags.unwrap_or(Value::None))?;
    let mode = match mode {
        Some(m) => args::c_int(vm, &m)?,
        None => 0o777,
    };
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let oflags = rustix::fs::OFlags::from_bits_retain(flags as u32) | rustix::fs::OFlags::CLOEXEC;
    let m = rustix::fs::Mode::from_bits_retain(mode as u32);
    let c = p.c().to_owned();
    let r = at(vm, dir_fd, |d| {
        rustix::io::retry_on_intr(|| rustix::fs::openat(d, c.as_c_str(), oflags, m))
    })?;
    match r {
        Ok(fd) => Ok(Value::Int(adopt(vm, fd) as i64)),
        Err(e) => Err(errno_error(vm, e, Some(&p.object))),
    }
}

/// Run `f` with the directory of a `dir_fd` argument (the current one for None).
pub fn at<R>(
    vm: &mut Vm,
    dir_fd: Option<i32>,
    f: impl FnOnce(BorrowedFd<'_>) -> rustix::io::Result<R>,
) -> PyResult<rustix::io::Result<R>> {
    match dir_fd {
        None => Ok(f(rustix::fs::CWD)),
        Some(fd) => with_fd(vm, fd, f),
    }
}

/// `close(fd)`.
pub fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd] = args::parse(vm, a, "close", ["fd"], 1, 1)?;
    let fd = args::fd(vm, &fd.unwrap_or(Value::None))?;
    if vm.interp.posix.fds.owned.remove(&fd).is_some() {
        return Ok(Value::None);
    }
    if (0..=2).contains(&fd) || open_in_process(fd) {
        return Err(vm.not_implemented_error(format!(
            "os.close({fd}): pyrs closes only descriptors from os.open, os.pipe and os.dup"
        )));
    }
    Err(fd_err(vm, Errno::BADF))
}

/// `closerange(fd_low, fd_high)`: the table's descriptors in the range (errors ignored,
/// as CPython ignores them).
pub fn closerange(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "closerange", 2, 2)?;
    let lo = args::fd(vm, &a.pos[0])?;
    let hi = args::fd(vm, &a.pos[1])?;
    vm.interp
        .posix
        .fds
        .owned
        .retain(|k, _| !(lo..hi).contains(k));
    Ok(Value::None)
}

/// `read(fd, length, /)`.
pub fn read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "read", 2, 2)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let n = args::ssize(vm, &a.pos[1])?;
    if n < 0 {
        return Err(os_error(vm, 22, None, None));
    }
    let mut buf = args::reserve(vm, n as usize)?;
    let r = with_fd(vm, fd, |d| {
        rustix::io::retry_on_intr(|| {
            if buf.capacity() == 0 {
                rustix::io::read(d, &mut [0u8; 0][..])
            } else {
                rustix::io::read(d, rustix::buffer::spare_capacity(&mut buf))
            }
        })
    })?;
    match r {
        Ok(_) => Ok(vm.new_bytes(buf)),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `write(fd, data, /)`: the number of bytes written.
pub fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "write", 2, 2)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let Some(data) = crate::types::bytearray::bytes_like(&a.pos[1]) else {
        let t = vm.type_name(&a.pos[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    let r = with_fd(vm, fd, |d| {
        rustix::io::retry_on_intr(|| rustix::io::write(d, &data))
    })?;
    match r {
        Ok(k) => Ok(Value::Int(k as i64)),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `lseek(fd, position, whence, /)`: the new offset.
pub fn lseek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "lseek", 3, 3)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let pos = args::c_long(vm, &a.pos[1])?;
    let how = args::c_int(vm, &a.pos[2])?;
    use rustix::fs::SeekFrom;
    let from = match how {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        0 => return Err(os_error(vm, 22, None, None)),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        3 => SeekFrom::Data(pos as u64),
        4 => SeekFrom::Hole(pos as u64),
        _ => return Err(os_error(vm, 22, None, None)),
    };
    match with_fd(vm, fd, |d| rustix::fs::seek(d, from))? {
        Ok(off) => Ok(Value::Int(off as i64)),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `dup(fd, /)`: a new non-inheritable descriptor for the same open file.
pub fn dup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "dup")?;
    let fd = args::fd(vm, &a.pos[0])?;
    match with_fd(vm, fd, |d| rustix::io::fcntl_dupfd_cloexec(d, 0))? {
        Ok(n) => Ok(Value::Int(adopt(vm, n) as i64)),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `dup2(fd, fd2, inheritable=True)`: `fd2` becomes a copy of `fd`; returns `fd2`.
/// `fd2` must be free or one of the table's (another owner's descriptor cannot be
/// replaced safely: NotImplementedError).
pub fn dup2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd, fd2, inh] = args::parse(vm, a, "dup2", ["fd", "fd2", "inheritable"], 2, 3)?;
    let fd = args::fd(vm, &fd.unwrap_or(Value::None))?;
    let fd2 = args::fd(vm, &fd2.unwrap_or(Value::None))?;
    let inheritable = args::flag(vm, inh, true)?;
    let cloexec = if inheritable {
        rustix::io::DupFlags::empty()
    } else {
        rustix::io::DupFlags::CLOEXEC
    };
    if fd2 < 0 {
        return Err(fd_err(vm, Errno::BADF));
    }
    if fd == fd2 {
        return match with_fd(vm, fd, |d| rustix::io::fcntl_getfd(d))? {
            Ok(_) => Ok(Value::Int(fd2 as i64)),
            Err(e) => Err(fd_err(vm, e)),
        };
    }
    if let Some(mut target) = vm.interp.posix.fds.owned.remove(&fd2) {
        let r = with_fd(vm, fd, |d| rustix::io::dup3(d, &mut target, cloexec));
        vm.interp.posix.fds.owned.insert(fd2, target);
        return match r? {
            Ok(()) => Ok(Value::Int(fd2 as i64)),
            Err(e) => Err(fd_err(vm, e)),
        };
    }
    if (0..=2).contains(&fd2) || open_in_process(fd2) {
        return Err(vm.not_implemented_error(format!(
            "os.dup2(fd, {fd2}): pyrs replaces only descriptors from os.open, os.pipe and os.dup"
        )));
    }
    // fd2 is free: the lowest free descriptor from fd2 on is fd2 itself.
    let r = with_fd(vm, fd, |d| {
        let n = rustix::io::fcntl_dupfd_cloexec(d, fd2)?;
        if inheritable {
            rustix::io::fcntl_setfd(&n, rustix::io::FdFlags::empty())?;
        }
        Ok(n)
    })?;
    match r {
        Ok(n) => {
            let got = adopt(vm, n);
            if got != fd2 {
                vm.interp.posix.fds.owned.remove(&got);
                return Err(fd_err(vm, Errno::BUSY));
            }
            Ok(Value::Int(fd2 as i64))
        }
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `pipe()`: `(read_fd, write_fd)`, both non-inheritable.
pub fn pipe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "pipe")?;
    match rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC) {
        Ok((r, w)) => {
            let r = adopt(vm, r);
            let w = adopt(vm, w);
            Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(w as i64)]))
        }
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `isatty(fd, /)`: False for anything that is not an open terminal.
pub fn isatty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "isatty")?;
    let fd = args::fd(vm, &a.pos[0])?;
    if !vm.interp.posix.fds.owned.contains_key(&fd) && !(0..=2).contains(&fd) {
        if !open_in_process(fd) {
            return Ok(Value::Bool(false));
        }
        // Another owner's descriptor: the file it names, opened again, is a terminal
        // exactly when the descriptor is.
        let path = format!("/proc/self/fd/{fd}");
        let flags = rustix::fs::OFlags::RDONLY
            | rustix::fs::OFlags::NOCTTY
            | rustix::fs::OFlags::NONBLOCK
            | rustix::fs::OFlags::CLOEXEC;
        return Ok(Value::Bool(
            rustix::fs::open(path.as_str(), flags, rustix::fs::Mode::empty())
                .is_ok_and(|f| rustix::termios::isatty(&f)),
        ));
    }
    let r = with_fd(vm, fd, |d| Ok(rustix::termios::isatty(d)))?;
    Ok(Value::Bool(r.unwrap_or(false)))
}

/// `fsync(fd)` (any object with `fileno()` too).
pub fn fsync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd] = args::parse(vm, a, "fsync", ["fd"], 1, 1)?;
    let fd = fileno_of(vm, fd.unwrap_or(Value::None))?;
    match with_fd(vm, fd, |d| rustix::fs::fsync(d))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// An int, or an object's `fileno()` (`PyObject_AsFileDescriptor`).
fn fileno_of(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let v = match v {
        Value::Int(_) | Value::Bool(_) => v,
        _ if matches!(v.payload(), Some(crate::object::Payload::Int(_))) => v,
        _ => vm.call_method(&v, "fileno", vec![])?,
    };
    let fd = args::fd(vm, &v)?;
    if fd < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// `ftruncate(fd, length, /)`.
pub fn ftruncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "ftruncate", 2, 2)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let len = args::c_long(vm, &a.pos[1])?;
    if len < 0 {
        return Err(os_error(vm, 22, None, None));
    }
    match with_fd(vm, fd, |d| rustix::fs::ftruncate(d, len as u64))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `get_terminal_size(fd=STDOUT_FILENO, /)`: an `os.terminal_size(columns, lines)`.
pub fn get_terminal_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "get_terminal_size", 0, 1)?;
    let fd = match a.pos.first() {
        Some(v) => args::fd(vm, v)?,
        None => 1,
    };
    match with_fd(vm, fd, |d| rustix::termios::tcgetwinsize(d))? {
        Ok(w) => {
            let ty = super::types(vm).terminal_size.clone();
            Ok(crate::types::structseq::new(
                vm,
                &ty,
                vec![Value::Int(w.ws_col as i64), Value::Int(w.ws_row as i64)],
            ))
        }
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `device_encoding(fd)`: 'UTF-8' for a terminal (pyrs's locale encoding is UTF-8, as
/// CPython's in the UTF-8 mode and C.UTF-8 locales), None otherwise.
pub fn device_encoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd] = args::parse(vm, a, "device_encoding", ["fd"], 1, 1)?;
    let fd = args::fd(vm, &fd.unwrap_or(Value::None))?;
    let tty = match with_fd(vm, fd, |d| Ok(rustix::termios::isatty(d))) {
        Ok(r) => r.unwrap_or(false),
        Err(_) => false,
    };
    Ok(if tty {
        vm.new_str("UTF-8")
    } else {
        Value::None
    })
}

/// `get_inheritable(fd, /)`.
pub fn get_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "get_inheritable")?;
    let fd = args::fd(vm, &a.pos[0])?;
    match with_fd(vm, fd, |d| rustix::io::fcntl_getfd(d))? {
        Ok(f) => Ok(Value::Bool(!f.contains(rustix::io::FdFlags::CLOEXEC))),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `set_inheritable(fd, inheritable, /)`.
pub fn set_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "set_inheritable", 2, 2)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let inh = args::c_int(vm, &a.pos[1])? != 0;
    let r = with_fd(vm, fd, |d| {
        let mut f = rustix::io::fcntl_getfd(d)?;
        f.set(rustix::io::FdFlags::CLOEXEC, !inh);
        rustix::io::fcntl_setfd(d, f)
    })?;
    r.map(|_| Value::None).map_err(|e| fd_err(vm, e))
}

/// `get_blocking(fd, /)`.
pub fn get_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "get_blocking")?;
    let fd = args::fd(vm, &a.pos[0])?;
    match with_fd(vm, fd, |d| rustix::fs::fcntl_getfl(d))? {
        Ok(f) => Ok(Value::Bool(!f.contains(rustix::fs::OFlags::NONBLOCK))),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `set_blocking(fd, blocking, /)`.
pub fn set_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "set_blocking", 2, 2)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let blocking = args::c_int(vm, &a.pos[1])? != 0;
    let r = with_fd(vm, fd, |d| {
        let mut f = rustix::fs::fcntl_getfl(d)?;
        f.set(rustix::fs::OFlags::NONBLOCK, !blocking);
        rustix::fs::fcntl_setfl(d, f)
    })?;
    r.map(|_| Value::None).map_err(|e| fd_err(vm, e))
}

/// `fdatasync(fd)` (any object with `fileno()` too).
pub fn fdatasync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd] = args::parse(vm, a, "fdatasync", ["fd"], 1, 1)?;
    let fd = fileno_of(vm, fd.unwrap_or(Value::None))?;
    match with_fd(vm, fd, |d| rustix::fs::fdatasync(d))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `pread(fd, length, offset, /)`: read at an offset, the file position unchanged.
pub fn pread(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "pread", 3, 3)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let n = args::c_int(vm, &a.pos[1])?;
    let off = args::c_long(vm, &a.pos[2])?;
    if n < 0 || off < 0 {
        return Err(os_error(vm, 22, None, None));
    }
    let mut buf = args::reserve(vm, n as usize)?;
    let r = with_fd(vm, fd, |d| {
        rustix::io::retry_on_intr(|| {
            if buf.capacity() == 0 {
                rustix::io::pread(d, &mut [0u8; 0][..], off as u64)
            } else {
                rustix::io::pread(d, rustix::buffer::spare_capacity(&mut buf), off as u64)
            }
        })
    })?;
    match r {
        Ok(_) => Ok(vm.new_bytes(buf)),
        Err(e) => Err(fd_err(vm, e)),
    }
}

/// `pwrite(fd, data, offset, /)`: the number of bytes written at `offset`.
pub fn pwrite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "pwrite", 3, 3)?;
    let fd = args::fd(vm, &a.pos[0])?;
    let Some(data) = crate::types::bytearray::bytes_like(&a.pos[1]) else {
        let t = vm.type_name(&a.pos[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    let off = args::c_long(vm, &a.pos[2])?;
    if off < 0 {
        return Err(os_error(vm, 22, None, None));
    }
    let r = with_fd(vm, fd, |d| {
        rustix::io::retry_on_intr(|| rustix::io::pwrite(d, &data, off as u64))
    })?;
    match r {
        Ok(k) => Ok(Value::Int(k as i64)),
        Err(e) => Err(fd_err(vm, e)),
    }
}
