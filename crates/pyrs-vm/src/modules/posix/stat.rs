//! `os.stat_result` and `stat`, `lstat`, `fstat` (CPython: `Modules/posixmodule.c`'s
//! `_pystat_fromstructstat`, `posix_do_stat`).
//!
//! stat_result is a struct sequence of ten items (`st_mode` .. `st_size`, then the three
//! times as ints) and nineteen fields: the attributes `st_atime`, `st_mtime`,
//! `st_ctime` are floats, `st_*_ns` ints of nanoseconds, plus `st_blksize`,
//! `st_blocks`, `st_rdev` (Linux's set).

use super::args;
use super::path::{errno_error, path_arg, PathKind, PATH, PATH_OR_FD};
use crate::object::{PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use rustix::fs::{AtFlags, Stat};

/// The visible items' names (the repr's), then the attribute-only fields.
pub const FIELDS: [&str; 19] = [
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

pub fn make_type(vm: &mut Vm) -> PyRef {
    crate::types::structseq::make_type_split(vm, "os.stat_result", &FIELDS, 10, 3)
}

/// An int of any width.
pub fn wide(vm: &Vm, n: i128) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => crate::types::int::big_to_value(vm, num_bigint::BigInt::from(n)),
    }
}

/// A `stat` structure as a stat_result (`_pystat_fromstructstat`).
#[allow(clippy::unnecessary_cast)] // the field types differ between architectures
pub fn stat_result(vm: &mut Vm, st: &Stat) -> Value {
    let ty = super::types(vm).stat_result.clone();
    let t = |s: i64, ns: u64| -> (Value, Value, Value) {
        (
            Value::Int(s),
            Value::Float(s as f64 + ns as f64 * 1e-9),
            Value::Int(0),
        )
    };
    let (ai, af, _) = t(st.st_atime as i64, st.st_atime_nsec as u64);
    let (mi, mf, _) = t(st.st_mtime as i64, st.st_mtime_nsec as u64);
    let (ci, cf, _) = t(st.st_ctime as i64, st.st_ctime_nsec as u64);
    let ns = |s: i64, n: u64| s as i128 * 1_000_000_000 + n as i128;
    let values = vec![
        Value::Int(st.st_mode as i64),
        wide(vm, st.st_ino as i128),
        wide(vm, st.st_dev as i128),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size as i64),
        ai,
        mi,
        ci,
        af,
        mf,
        cf,
        wide(vm, ns(st.st_atime as i64, st.st_atime_nsec as u64)),
        wide(vm, ns(st.st_mtime as i64, st.st_mtime_nsec as u64)),
        wide(vm, ns(st.st_ctime as i64, st.st_ctime_nsec as u64)),
        Value::Int(st.st_blksize as i64),
        Value::Int(st.st_blocks as i64),
        wide(vm, st.st_rdev as i128),
    ];
    crate::types::structseq::new_split(vm, &ty, values, 10)
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)` and `lstat` (which has no
/// `follow_symlinks`): `path` may be an open descriptor.
fn do_stat(vm: &mut Vm, a: Args, fname: &str, follow_default: bool) -> PyResult<Value> {
    let (path, dir_fd, follow) = if fname == "lstat" {
        let [p, d] = args::parse(vm, a, fname, ["path", "dir_fd"], 1, 1)?;
        (p, d, Some(Value::Bool(false)))
    } else {
        let [p, d, f] = args::parse(vm, a, fname, ["path", "dir_fd", "follow_symlinks"], 1, 1)?;
        (p, d, f)
    };
    let accept = if fname == "lstat" { PATH } else { PATH_OR_FD };
    let p = path_arg(vm, path.unwrap_or(Value::None), fname, "path", accept)?;
    let dir_fd = args::dir_fd(vm, dir_fd)?;
    let follow = args::flag(vm, follow, follow_default)?;
    if let PathKind::Fd(fd) = p.kind {
        if dir_fd.is_some() {
            return Err(vm.value_error(format!(
                "{fname}: can't specify dir_fd without matching path"
            )));
        }
        if !follow {
            return Err(vm.value_error(format!(
                "{fname}: cannot use fd and follow_symlinks together"
            )));
        }
        return match super::fds::fstat_any(vm, fd)? {
            Ok(st) => Ok(stat_result(vm, &st)),
            Err(e) => Err(errno_error(vm, e, Some(&p.object))),
        };
    }
    let flags = if follow {
        AtFlags::empty()
    } else {
        AtFlags::SYMLINK_NOFOLLOW
    };
    let c = p.c().to_owned();
    match super::fds::at(vm, dir_fd, |d| rustix::fs::statat(d, c.as_c_str(), flags))? {
        Ok(st) => Ok(stat_result(vm, &st)),
        Err(e) => Err(errno_error(vm, e, Some(&p.object))),
    }
}

pub fn stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_stat(vm, a, "stat", true)
}

pub fn lstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_stat(vm, a, "lstat", false)
}

/// `fstat(fd)`.
pub fn fstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [fd] = args::parse(vm, a, "fstat", ["fd"], 1, 1)?;
    let fd = args::fd(vm, &fd.unwrap_or(Value::None))?;
    match super::fds::fstat_any(vm, fd)? {
        Ok(st) => Ok(stat_result(vm, &st)),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// A `dev_t` argument (`_Py_Dev_Converter`: an int, unsigned 64-bit).
pub fn dev_arg(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v.payload(), Some(crate::object::Payload::Int(_)));
    if !is_int {
        return Err(vm.type_error("an integer is required"));
    }
    let n = args::int_wide(vm, v)?;
    if n < 0 {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    u64::try_from(n).map_err(|_| vm.overflow_error("int too big to convert"))
}

/// `major(device, /)`.
pub fn major(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "major")?;
    let d = dev_arg(vm, &a.pos[0])?;
    Ok(Value::Int(rustix::fs::major(d) as i64))
}

/// `minor(device, /)`.
pub fn minor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "minor")?;
    let d = dev_arg(vm, &a.pos[0])?;
    Ok(Value::Int(rustix::fs::minor(d) as i64))
}

/// `makedev(major, minor, /)`.
pub fn makedev(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "makedev", 2, 2)?;
    let ma = args::c_int(vm, &a.pos[0])?;
    let mi = args::c_int(vm, &a.pos[1])?;
    Ok(wide(vm, rustix::fs::makedev(ma as u32, mi as u32) as i128))
}
