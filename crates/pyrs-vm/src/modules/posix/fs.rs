//! File-system calls on paths: `listdir`, `mkdir`, `rmdir`, `unlink`/`remove`,
//! `rename`/`replace`, `chdir`, `getcwd`/`getcwdb`, `access`, `chmod`, `readlink`,
//! `symlink`, `link`, `utime`, `truncate` (CPython: `Modules/posixmodule.c`).

use super::args;
use super::path::{err_name, errno_error, os_error, path_arg, Accept, PathKind, PATH, PATH_OR_FD};
use crate::object::Value;
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use rustix::fs::{AtFlags, Mode};
use std::ffi::CString;

fn two_path_error(vm: &mut Vm, e: rustix::io::Errno, a: &Value, b: &Value) -> crate::vm::PyErr {
    os_error(vm, e.raw_os_error(), Some(a), Some(b))
}

/// The names in a directory, without `.` and `..`, in the order the system gives them.
/// `Ok(Err)` is the system call's failure.
pub fn read_names(
    vm: &mut Vm,
    path: &super::path::PathArg,
) -> PyResult<rustix::io::Result<Vec<(Vec<u8>, rustix::fs::FileType, u64)>>> {
    let dir = match path.kind {
        PathKind::Fd(fd) => {
            // `Dir::read_from` reads through a new descriptor of the same directory,
            // from its start, leaving `fd` as it was (CPython dups and rewinds).
            match super::fds::with_fd(vm, fd, |d| rustix::fs::Dir::read_from(d))? {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            }
        }
        PathKind::Path { ref c, .. } => {
            let flags = rustix::fs::OFlags::RDONLY
                | rustix::fs::OFlags::DIRECTORY
                | rustix::fs::OFlags::CLOEXEC;
            let fd = match rustix::fs::open(c.as_c_str(), flags, Mode::empty()) {
                Ok(fd) => fd,
                Err(e) => return Ok(Err(e)),
            };
            match rustix::fs::Dir::new(fd) {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            }
        }
    };
    let mut out = Vec::new();
    for entry in dir {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => return Ok(Err(e)),
        };
        let name = entry.file_name().to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        out.push((name.to_vec(), entry.file_type(), entry.ino()));
    }
    Ok(Ok(out))
}

const LISTDIR: Accept = Accept {
    fd: true,
    none: true,
};

/// `listdir(path=None)`: names as str, or bytes when `path` is bytes.
pub fn listdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path] = args::parse(vm, a, "listdir", ["path"], 0, 1)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "listdir", "path", LISTDIR)?;
    let names = match read_names(vm, &p)? {
        Ok(n) => n,
        Err(e) => return Err(errno_error(vm, e, err_name(&p))),
    };
    let bytes = p.is_bytes();
    let mut items = Vec::with_capacity(names.len());
    for (n, _, _) in names {
        items.push(super::path::fs_value(vm, &n, bytes)?);
    }
    Ok(vm.new_list(items))
}

/// A path-and-dir_fd call: `f(dirfd, path)`, the error naming the path.
fn at_call(
    vm: &mut Vm,
    p: &super::path::PathArg,
    dir_fd: Option<i32>,
    f: impl FnOnce(rustix::fd::BorrowedFd<'_>, &std::ffi::CStr) -> rustix::io::Result<()>,
) -> PyResult<Value> {
    let c = p.c().to_owned();
    match super::fds::at(vm, dir_fd, |d| f(d, c.as_c_str()))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, err_name(p))),
    }
}

/// `mkdir(path, mode=0o777, *, dir_fd=None)`.
pub fn mkdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, mode, dir_fd] = args::parse(vm, a, "mkdir", ["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "mkdir", "path", PATH)?;
    let mode = match mode {
        Some(m) => args::c_int(vm, &m)?,
        None => 0o777,
    };
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    at_call(vm, &p, dir_fd, |d, c| {
        rustix::fs::mkdirat(d, c, Mode::from_bits_retain(mode as u32))
    })
}

/// `rmdir(path, *, dir_fd=None)`.
pub fn rmdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, dir_fd] = args::parse(vm, a, "rmdir", ["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "rmdir", "path", PATH)?;
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    at_call(vm, &p, dir_fd, |d, c| {
        rustix::fs::unlinkat(d, c, AtFlags::REMOVEDIR)
    })
}

fn do_unlink(vm: &mut Vm, a: Args, fname: &str) -> PyResult<Value> {
    let [path, dir_fd] = args::parse(vm, a, fname, ["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), fname, "path", PATH)?;
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    at_call(vm, &p, dir_fd, |d, c| {
        rustix::fs::unlinkat(d, c, AtFlags::empty())
    })
}

/// `unlink(path, *, dir_fd=None)`.
pub fn unlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_unlink(vm, a, "unlink")
}

/// `remove(path, *, dir_fd=None)`: `unlink`.
pub fn remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_unlink(vm, a, "remove")
}

/// Two paths and their `src_dir_fd`/`dst_dir_fd` (`rename`, `replace`, `link`).
fn two_paths(
    vm: &mut Vm,
    a: Args,
    fname: &str,
) -> PyResult<(
    super::path::PathArg,
    super::path::PathArg,
    Option<i32>,
    Option<i32>,
)> {
    let [src, dst, sfd, dfd] = args::parse(
        vm,
        a,
        fname,
        ["src", "dst", "src_dir_fd", "dst_dir_fd"],
        2,
        2,
    )?;
    let s = path_arg(vm, src.unwrap_or(Value::None), fname, "src", PATH)?;
    let d = path_arg(vm, dst.unwrap_or(Value::None), fname, "dst", PATH)?;
    let sfd = args::dir_fd(vm, sfd)?;
    let dfd = args::dir_fd(vm, dfd)?;
    Ok((s, d, sfd, dfd))
}

fn do_rename(vm: &mut Vm, a: Args, fname: &str) -> PyResult<Value> {
    let (s, d, sfd, dfd) = two_paths(vm, a, fname)?;
    let (sc, dc) = (s.c().to_owned(), d.c().to_owned());
    // The destination's directory descriptor, duplicated, so both can be borrowed.
    let dst_dir = match dfd {
        None => None,
        Some(fd) => match super::fds::with_fd(vm, fd, |d| rustix::io::fcntl_dupfd_cloexec(d, 0))? {
            Ok(o) => Some(o),
            Err(e) => return Err(two_path_error(vm, e, &s.object, &d.object)),
        },
    };
    let r = super::fds::at(vm, sfd, |sd| match &dst_dir {
        None => rustix::fs::renameat(sd, sc.as_c_str(), rustix::fs::CWD, dc.as_c_str()),
        Some(dd) => rustix::fs::renameat(sd, sc.as_c_str(), dd, dc.as_c_str()),
    })?;
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(two_path_error(vm, e, &s.object, &d.object)),
    }
}

/// `rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn rename(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_rename(vm, a, "rename")
}

/// `replace(...)`: `rename` (POSIX rename replaces).
pub fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_rename(vm, a, "replace")
}

/// `link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
pub fn link(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [src, dst, sfd, dfd, follow] = args::parse(
        vm,
        a,
        "link",
        ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let s = path_arg(vm, src.unwrap_or(Value::None), "link", "src", PATH)?;
    let d = path_arg(vm, dst.unwrap_or(Value::None), "link", "dst", PATH)?;
    let sfd = args::dir_fd(vm, sfd)?;
    let dfd = args::dir_fd(vm, dfd)?;
    let follow = args::flag(vm, follow, true)?;
    if sfd.is_some() || dfd.is_some() {
        return Err(vm.not_implemented_error(
            "link: src_dir_fd and dst_dir_fd are not supported by pyrs yet",
        ));
    }
    let flags = if follow {
        AtFlags::SYMLINK_FOLLOW
    } else {
        AtFlags::empty()
    };
    match rustix::fs::linkat(rustix::fs::CWD, s.c(), rustix::fs::CWD, d.c(), flags) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(two_path_error(vm, e, &s.object, &d.object)),
    }
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub fn symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [src, dst, _tid, dir_fd] = args::parse(
        vm,
        a,
        "symlink",
        ["src", "dst", "target_is_directory", "dir_fd"],
        2,
        3,
    )?;
    let s = path_arg(vm, src.unwrap_or(Value::None), "symlink", "src", PATH)?;
    let d = path_arg(vm, dst.unwrap_or(Value::None), "symlink", "dst", PATH)?;
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let (sc, dc) = (s.c().to_owned(), d.c().to_owned());
    match super::fds::at(vm, dir_fd, |dd| {
        rustix::fs::symlinkat(sc.as_c_str(), dd, dc.as_c_str())
    })? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(two_path_error(vm, e, &s.object, &d.object)),
    }
}

/// `readlink(path, *, dir_fd=None)`: str or bytes as `path`.
pub fn readlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, dir_fd] = args::parse(vm, a, "readlink", ["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "readlink", "path", PATH)?;
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let c = p.c().to_owned();
    match super::fds::at(vm, dir_fd, |d| {
        rustix::fs::readlinkat(d, c.as_c_str(), Vec::new())
    })? {
        Ok(target) => super::path::fs_value(vm, target.as_bytes(), p.is_bytes()),
        Err(e) => Err(errno_error(vm, e, err_name(&p))),
    }
}

/// `chdir(path)` (an fd too: `fchdir`).
pub fn chdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path] = args::parse(vm, a, "chdir", ["path"], 1, 1)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "chdir", "path", PATH_OR_FD)?;
    let r = match p.kind {
        PathKind::Fd(fd) => super::fds::with_fd(vm, fd, |d| rustix::process::fchdir(d))?,
        PathKind::Path { ref c, .. } => rustix::process::chdir(c.as_c_str()),
    };
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, err_name(&p))),
    }
}

/// `fchdir(fd)`.
pub fn fchdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd] = args::parse(vm, a, "fchdir", ["fd"], 1, 1)?;
    let fd = args::fd(vm, &fd.unwrap_or(Value::None))?;
    match super::fds::with_fd(vm, fd, |d| rustix::process::fchdir(d))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

fn cwd_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    match rustix::process::getcwd(Vec::new()) {
        Ok(c) => Ok(c.into_bytes()),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `getcwd()`: a str.
pub fn getcwd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getcwd")?;
    let b = cwd_bytes(vm)?;
    super::path::fs_decode(vm, &b)
}

/// `getcwdb()`: bytes.
pub fn getcwdb(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getcwdb")?;
    let b = cwd_bytes(vm)?;
    Ok(vm.new_bytes(b))
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`:
/// True or False, never an error for a path the system refuses.
pub fn access(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, mode, dir_fd, eff, follow] = args::parse(
        vm,
        a,
        "access",
        ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    )?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "access", "path", PATH)?;
    let mode = args::c_int(vm, &mode.unwrap_or(Value::None))?;
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let eff = args::flag(vm, eff, false)?;
    let follow = args::flag(vm, follow, true)?;
    let mut flags = AtFlags::empty();
    if eff {
        flags |= AtFlags::EACCESS;
    }
    if !follow {
        flags |= AtFlags::SYMLINK_NOFOLLOW;
    }
    let acc = rustix::fs::Access::from_bits_retain(mode as u32);
    let c = p.c().to_owned();
    let r = super::fds::at(vm, dir_fd, |d| {
        rustix::fs::accessat(d, c.as_c_str(), acc, flags)
    })?;
    Ok(Value::Bool(r.is_ok()))
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)` (an fd: `fchmod`).
pub fn chmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, mode, dir_fd, follow] = args::parse(
        vm,
        a,
        "chmod",
        ["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "chmod", "path", PATH_OR_FD)?;
    let mode = Mode::from_bits_retain(args::c_int(vm, &mode.unwrap_or(Value::None))? as u32);
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let follow = args::flag(vm, follow, true)?;
    if let PathKind::Fd(fd) = p.kind {
        return match super::fds::with_fd(vm, fd, |d| rustix::fs::fchmod(d, mode))? {
            Ok(()) => Ok(Value::None),
            Err(e) => Err(errno_error(vm, e, err_name(&p))),
        };
    }
    if !follow {
        // Linux cannot change a symbolic link's mode (CPython's lchmod is absent there).
        return Err(vm.not_implemented_error("chmod: follow_symlinks unavailable on this platform"));
    }
    at_call(vm, &p, dir_fd, |d, c| {
        rustix::fs::chmodat(d, c, mode, AtFlags::empty())
    })
}

/// `fchmod(fd, mode)`.
pub fn fchmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd, mode] = args::parse(vm, a, "fchmod", ["fd", "mode"], 2, 2)?;
    let fd = args::fd(vm, &fd.unwrap_or(Value::None))?;
    let mode = Mode::from_bits_retain(args::c_int(vm, &mode.unwrap_or(Value::None))? as u32);
    match super::fds::with_fd(vm, fd, |d| rustix::fs::fchmod(d, mode))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `truncate(path, length)` (an fd: `ftruncate`).
pub fn truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, length] = args::parse(vm, a, "truncate", ["path", "length"], 2, 2)?;
    let p = path_arg(
        vm,
        path.unwrap_or(Value::None),
        "truncate",
        "path",
        PATH_OR_FD,
    )?;
    let len = args::c_long(vm, &length.unwrap_or(Value::None))?;
    if len < 0 {
        return Err(os_error(vm, 22, err_name(&p), None));
    }
    let r = match p.kind {
        PathKind::Fd(fd) => super::fds::with_fd(vm, fd, |d| rustix::fs::ftruncate(d, len as u64))?,
        PathKind::Path { ref c, .. } => {
            let flags = rustix::fs::OFlags::WRONLY | rustix::fs::OFlags::CLOEXEC;
            rustix::fs::open(c.as_c_str(), flags, Mode::empty())
                .and_then(|f| rustix::fs::ftruncate(&f, len as u64))
        }
    };
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, err_name(&p))),
    }
}

/// A time argument of `utime` (`times` item: int or float seconds) as a timespec.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<rustix::fs::Timespec> {
    let secs = match v {
        Value::Float(f) => *f,
        _ => {
            let i = args::int_wide(vm, v)?;
            let Ok(i) = i64::try_from(i) else {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            };
            return Ok(rustix::fs::Timespec {
                tv_sec: i,
                tv_nsec: 0,
            });
        }
    };
    // _PyTime_ObjectToTimespec with _PyTime_ROUND_FLOOR.
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let s = secs.floor();
    if !(-9.223372036854776e18..9.223372036854776e18).contains(&s) {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    let mut ns = ((secs - s) * 1e9).floor();
    let mut s = s as i64;
    if ns >= 1e9 {
        ns -= 1e9;
        s += 1;
    }
    Ok(rustix::fs::Timespec {
        tv_sec: s,
        tv_nsec: ns as _,
    })
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub fn utime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, times, ns, dir_fd, follow] = args::parse(
        vm,
        a,
        "utime",
        ["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
        2,
    )?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "utime", "path", PATH_OR_FD)?;
    let times = times.filter(|t| !matches!(t, Value::None));
    if times.is_some() && ns.is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<(Value, Value)> {
        match v.payload() {
            Some(crate::object::Payload::Tuple(t)) if t.len() == 2 => {
                Ok((t[0].clone(), t[1].clone()))
            }
            _ => Err(vm.type_error(format!("utime: {what}"))),
        }
    };
    let ts = if let Some(t) = &times {
        let (x, y) = pair(vm, t, "'times' must be either a tuple of two ints or None")?;
        Some([timespec_of(vm, &x)?, timespec_of(vm, &y)?])
    } else if let Some(n) = &ns {
        let (x, y) = pair(vm, n, "'ns' must be a tuple of two ints")?;
        let mut out = [rustix::fs::Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        }; 2];
        for (o, v) in out.iter_mut().zip([x, y]) {
            let n = args::int_wide(vm, &v)?;
            let Ok(sec) = i64::try_from(n.div_euclid(1_000_000_000)) else {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            };
            o.tv_sec = sec;
            o.tv_nsec = n.rem_euclid(1_000_000_000) as _;
        }
        Some(out)
    } else {
        None
    };
    let now = rustix::fs::Timespec {
        tv_sec: 0,
        tv_nsec: rustix::fs::UTIME_NOW as _,
    };
    let [at_, mt] = ts.unwrap_or([now, now]);
    let stamps = rustix::fs::Timestamps {
        last_access: at_,
        last_modification: mt,
    };
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let follow = args::flag(vm, follow, true)?;
    let flags = if follow {
        AtFlags::empty()
    } else {
        AtFlags::SYMLINK_NOFOLLOW
    };
    let r = match p.kind {
        PathKind::Fd(fd) => super::fds::with_fd(vm, fd, |d| rustix::fs::futimens(d, &stamps))?,
        PathKind::Path { ref c, .. } => {
            let c: CString = c.clone();
            super::fds::at(vm, dir_fd, |d| {
                rustix::fs::utimensat(d, c.as_c_str(), &stamps, flags)
            })?
        }
    };
    // CPython's utime reports no filename (posix_error() without the path).
    r.map(|_| Value::None).map_err(|e| errno_error(vm, e, None))
}

/// A `uid`/`gid` argument (`_Py_Uid_Converter`/`_Py_Gid_Converter`): -1 leaves it
/// unchanged (None); other values outside `uid_t` are OverflowErrors with CPython's
/// words (a value that a C long holds but `uid_t` truncates is "less than minimum").
fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<u32>> {
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v.payload(), Some(crate::object::Payload::Int(_)));
    if !is_int {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("{what} should be integer, not {t}")));
    }
    let n = args::int_wide(vm, v)?;
    match n {
        -1 => Ok(None),
        0..=0xffff_fffe => Ok(Some(n as u32)),
        0xffff_ffff => Ok(None),
        _ if n > i64::MAX as i128 => {
            Err(vm.overflow_error(format!("{what} is greater than maximum")))
        }
        _ => Err(vm.overflow_error(format!("{what} is less than minimum"))),
    }
}

fn ids(
    vm: &mut Vm,
    uid: Option<Value>,
    gid: Option<Value>,
) -> PyResult<(Option<rustix::fs::Uid>, Option<rustix::fs::Gid>)> {
    let u = id_arg(vm, &uid.unwrap_or(Value::None), "uid")?;
    let g = id_arg(vm, &gid.unwrap_or(Value::None), "gid")?;
    Ok((
        u.map(rustix::fs::Uid::from_raw),
        g.map(rustix::fs::Gid::from_raw),
    ))
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)` (an fd: `fchown`).
pub fn chown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, uid, gid, dir_fd, follow] = args::parse(
        vm,
        a,
        "chown",
        ["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        3,
    )?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "chown", "path", PATH_OR_FD)?;
    let (u, g) = ids(vm, uid, gid)?;
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let follow = args::flag(vm, follow, true)?;
    if let PathKind::Fd(fd) = p.kind {
        return match super::fds::with_fd(vm, fd, |d| rustix::fs::fchown(d, u, g))? {
            Ok(()) => Ok(Value::None),
            Err(e) => Err(errno_error(vm, e, err_name(&p))),
        };
    }
    let flags = if follow {
        AtFlags::empty()
    } else {
        AtFlags::SYMLINK_NOFOLLOW
    };
    at_call(vm, &p, dir_fd, |d, c| {
        rustix::fs::chownat(d, c, u, g, flags)
    })
}

/// `lchown(path, uid, gid)`: `chown` without following a final symbolic link.
pub fn lchown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, uid, gid] = args::parse(vm, a, "lchown", ["path", "uid", "gid"], 3, 3)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "lchown", "path", PATH)?;
    let (u, g) = ids(vm, uid, gid)?;
    at_call(vm, &p, None, |d, c| {
        rustix::fs::chownat(d, c, u, g, AtFlags::SYMLINK_NOFOLLOW)
    })
}

/// `fchown(fd, uid, gid)`.
pub fn fchown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd, uid, gid] = args::parse(vm, a, "fchown", ["fd", "uid", "gid"], 3, 3)?;
    let fd = args::fd(vm, &fd.unwrap_or(Value::None))?;
    let (u, g) = ids(vm, uid, gid)?;
    match super::fds::with_fd(vm, fd, |d| rustix::fs::fchown(d, u, g))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `mkfifo(path, mode=0o666, *, dir_fd=None)`; CPython reports no filename.
pub fn mkfifo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, mode, dir_fd] = args::parse(vm, a, "mkfifo", ["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "mkfifo", "path", PATH)?;
    let mode = match mode {
        Some(m) => args::c_int(vm, &m)?,
        None => 0o666,
    };
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let c = p.c().to_owned();
    let m = Mode::from_bits_retain(mode as u32);
    match super::fds::at(vm, dir_fd, |d| rustix::fs::mkfifoat(d, c.as_c_str(), m))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `mknod(path, mode=0o600, device=0, *, dir_fd=None)`; CPython reports no filename.
pub fn mknod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path, mode, device, dir_fd] =
        args::parse(vm, a, "mknod", ["path", "mode", "device", "dir_fd"], 1, 3)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "mknod", "path", PATH)?;
    let mode = match mode {
        Some(m) => args::c_int(vm, &m)? as u32,
        None => 0o600,
    };
    let dev = match device {
        Some(d) => super::stat::dev_arg(vm, &d)?,
        None => 0,
    };
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let c = p.c().to_owned();
    // No type bits is a regular file to mknod(2); rustix's `Unknown` is not 0.
    let kind = match mode & 0o170000 {
        0 => rustix::fs::FileType::RegularFile,
        _ => rustix::fs::FileType::from_raw_mode(mode),
    };
    let perm = Mode::from_raw_mode(mode);
    match super::fds::at(vm, dir_fd, |d| {
        rustix::fs::mknodat(d, c.as_c_str(), kind, perm, dev)
    })? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `sync()`.
pub fn sync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "sync")?;
    rustix::fs::sync();
    Ok(Value::None)
}

const STATVFS_FIELDS: [&str; 11] = [
    "f_bsize",
    "f_frsize",
    "f_blocks",
    "f_bfree",
    "f_bavail",
    "f_files",
    "f_ffree",
    "f_favail",
    "f_flag",
    "f_namemax",
    "f_fsid",
];

/// `os.statvfs_result`: ten items and the attribute `f_fsid`.
pub fn make_statvfs_type(vm: &mut Vm) -> crate::object::PyRef {
    crate::types::structseq::make_type_split(vm, "os.statvfs_result", &STATVFS_FIELDS, 10, 0)
}

fn statvfs_result(vm: &mut Vm, s: &rustix::fs::StatVfs) -> Value {
    let w = |vm: &Vm, n: u64| super::stat::wide(vm, n as i128);
    let vals = vec![
        w(vm, s.f_bsize),
        w(vm, s.f_frsize),
        w(vm, s.f_blocks),
        w(vm, s.f_bfree),
        w(vm, s.f_bavail),
        w(vm, s.f_files),
        w(vm, s.f_ffree),
        w(vm, s.f_favail),
        w(vm, s.f_flag.bits()),
        w(vm, s.f_namemax),
        w(vm, s.f_fsid),
    ];
    let ty = super::types(vm).statvfs_result.clone();
    crate::types::structseq::new_split(vm, &ty, vals, 10)
}

/// `statvfs(path)` (an fd: `fstatvfs`).
pub fn statvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path] = args::parse(vm, a, "statvfs", ["path"], 1, 1)?;
    let p = path_arg(
        vm,
        path.unwrap_or(Value::None),
        "statvfs",
        "path",
        PATH_OR_FD,
    )?;
    let r = match p.kind {
        PathKind::Fd(fd) => super::fds::with_fd(vm, fd, |d| rustix::fs::fstatvfs(d))?,
        PathKind::Path { ref c, .. } => rustix::fs::statvfs(c.as_c_str()),
    };
    match r {
        Ok(s) => Ok(statvfs_result(vm, &s)),
        Err(e) => Err(errno_error(vm, e, err_name(&p))),
    }
}

/// `fstatvfs(fd, /)`.
pub fn fstatvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "fstatvfs")?;
    let fd = args::fd(vm, &a.pos[0])?;
    match super::fds::with_fd(vm, fd, |d| rustix::fs::fstatvfs(d))? {
        Ok(s) => Ok(statvfs_result(vm, &s)),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}
