//! The `_stat` module: `stat.py`'s constants and the `S_IS*`/`S_IMODE`/`S_IFMT`/
//! `filemode` functions, which `stat.py` takes over its pure-Python definitions
//! (CPython: `Modules/_stat.c`). Modes are `mode_t` (unsigned 32-bit on Linux).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

const DOC: &str = "S_IFMT_: file type bits\n\
S_IFDIR: directory\n\
S_IFCHR: character device\n\
S_IFBLK: block device\n\
S_IFREG: regular file\n\
S_IFIFO: fifo (named pipe)\n\
S_IFLNK: symbolic link\n\
S_IFSOCK: socket file\n\
S_IFDOOR: door\n\
S_IFPORT: event port\n\
S_IFWHT: whiteout\n\
\n\
S_ISUID: set UID bit\n\
S_ISGID: set GID bit\n\
S_ENFMT: file locking enforcement\n\
S_ISVTX: sticky bit\n\
S_IREAD: Unix V7 synonym for S_IRUSR\n\
S_IWRITE: Unix V7 synonym for S_IWUSR\n\
S_IEXEC: Unix V7 synonym for S_IXUSR\n\
S_IRWXU: mask for owner permissions\n\
S_IRUSR: read by owner\n\
S_IWUSR: write by owner\n\
S_IXUSR: execute by owner\n\
S_IRWXG: mask for group permissions\n\
S_IRGRP: read by group\n\
S_IWGRP: write by group\n\
S_IXGRP: execute by group\n\
S_IRWXO: mask for others (not in group) permissions\n\
S_IROTH: read by others\n\
S_IWOTH: write by others\n\
S_IXOTH: execute by others\n\
\n\
UF_NODUMP: do not dump file\n\
UF_IMMUTABLE: file may not be changed\n\
UF_APPEND: file may only be appended to\n\
UF_OPAQUE: directory is opaque when viewed through a union stack\n\
UF_NOUNLINK: file may not be renamed or deleted\n\
UF_COMPRESSED: OS X: file is hfs-compressed\n\
UF_HIDDEN: OS X: file should not be displayed\n\
SF_ARCHIVED: file may be archived\n\
SF_IMMUTABLE: file may not be changed\n\
SF_APPEND: file may only be appended to\n\
SF_NOUNLINK: file may not be renamed or deleted\n\
SF_SNAPSHOT: file is a snapshot file\n\
\n\
ST_MODE\n\
ST_INO\n\
ST_DEV\n\
ST_NLINK\n\
ST_UID\n\
ST_GID\n\
ST_SIZE\n\
ST_ATIME\n\
ST_MTIME\n\
ST_CTIME\n\
\n\
FILE_ATTRIBUTE_*: Windows file attribute constants\n\
                   (only present on Windows)\n\
";

/// The constants (Linux's values; `S_IFDOOR`, `S_IFPORT`, `S_IFWHT` are 0 there, and the
/// BSD `UF_*`/`SF_*` flags are `_stat.c`'s fallbacks).
const CONSTANTS: &[(&str, i64)] = &[
    ("SF_APPEND", 262144),
    ("SF_ARCHIVED", 65536),
    ("SF_IMMUTABLE", 131072),
    ("SF_NOUNLINK", 1048576),
    ("SF_SNAPSHOT", 2097152),
    ("ST_ATIME", 7),
    ("ST_CTIME", 9),
    ("ST_DEV", 2),
    ("ST_GID", 5),
    ("ST_INO", 1),
    ("ST_MODE", 0),
    ("ST_MTIME", 8),
    ("ST_NLINK", 3),
    ("ST_SIZE", 6),
    ("ST_UID", 4),
    ("S_ENFMT", 1024),
    ("S_IEXEC", 0o100),
    ("S_IFBLK", 0o60000),
    ("S_IFCHR", 0o20000),
    ("S_IFDIR", 0o40000),
    ("S_IFDOOR", 0),
    ("S_IFIFO", 0o10000),
    ("S_IFLNK", 0o120000),
    ("S_IFPORT", 0),
    ("S_IFREG", 0o100000),
    ("S_IFSOCK", 0o140000),
    ("S_IFWHT", 0),
    ("S_IREAD", 0o400),
    ("S_IRGRP", 0o40),
    ("S_IROTH", 4),
    ("S_IRUSR", 0o400),
    ("S_IRWXG", 0o70),
    ("S_IRWXO", 7),
    ("S_IRWXU", 0o700),
    ("S_ISGID", 0o2000),
    ("S_ISUID", 0o4000),
    ("S_ISVTX", 0o1000),
    ("S_IWGRP", 0o20),
    ("S_IWOTH", 2),
    ("S_IWRITE", 0o200),
    ("S_IWUSR", 0o200),
    ("S_IXGRP", 0o10),
    ("S_IXOTH", 1),
    ("S_IXUSR", 0o100),
    ("UF_APPEND", 4),
    ("UF_COMPRESSED", 32),
    ("UF_HIDDEN", 32768),
    ("UF_IMMUTABLE", 2),
    ("UF_NODUMP", 1),
    ("UF_NOUNLINK", 16),
    ("UF_OPAQUE", 8),
];

const S_IFMT: u32 = 0o170000;

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_stat", DOC);
    let fns: &[(&'static str, NativeFn)] = &[
        ("S_IFMT", s_ifmt),
        ("S_IMODE", s_imode),
        ("S_ISBLK", s_isblk),
        ("S_ISCHR", s_ischr),
        ("S_ISDIR", s_isdir),
        ("S_ISDOOR", s_isdoor),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISPORT", s_isport),
        ("S_ISREG", s_isreg),
        ("S_ISSOCK", s_issock),
        ("S_ISWHT", s_iswht),
        ("filemode", filemode),
    ];
    super::add_functions(vm, &d, fns);
    for (name, v) in CONSTANTS {
        crate::import::dict_set(vm, &d, name, Value::Int(*v));
    }
    Ok(m)
}

/// The one argument of `_stat.NAME(mode)` as a `mode_t` (`_PyLong_AsMode_t`: ints only,
/// no `__index__`).
fn mode_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<u32> {
    crate::modules::posix::args::meth_o(vm, args, &format!("_stat.{name}"))?;
    let v = &args.pos[0];
    let n: i128 = match v {
        Value::Int(i) => *i as i128,
        Value::Bool(b) => *b as i128,
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
            crate::modules::posix::args::int_wide(vm, v)?
        }
        _ => return Err(vm.type_error("an integer is required")),
    };
    if n < 0 {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    u32::try_from(n).map_err(|_| vm.overflow_error("mode out of range"))
}

fn is_type(vm: &mut Vm, a: Args, name: &str, kind: u32) -> PyResult<Value> {
    let m = mode_arg(vm, &a, name)?;
    Ok(Value::Bool(kind != 0 && m & S_IFMT == kind))
}

fn s_isdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISDIR", 0o040000)
}
fn s_ischr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISCHR", 0o020000)
}
fn s_isblk(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISBLK", 0o060000)
}
fn s_isreg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISREG", 0o100000)
}
fn s_isfifo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISFIFO", 0o010000)
}
fn s_islnk(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISLNK", 0o120000)
}
fn s_issock(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISSOCK", 0o140000)
}
/// Doors, event ports and whiteouts do not exist on Linux: always False.
fn s_isdoor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISDOOR", 0)
}
fn s_isport(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISPORT", 0)
}
fn s_iswht(vm: &mut Vm, a: Args) -> PyResult<Value> {
    is_type(vm, a, "S_ISWHT", 0)
}

/// `S_IMODE(mode)`: the permission bits (`mode & 0o7777`).
fn s_imode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = mode_arg(vm, &a, "S_IMODE")?;
    Ok(Value::Int((m & 0o7777) as i64))
}

/// `S_IFMT(mode)`: the file-type bits.
fn s_ifmt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = mode_arg(vm, &a, "S_IFMT")?;
    Ok(Value::Int((m & S_IFMT) as i64))
}

/// `filemode(mode)`: `ls -l`'s `-rwxr-xr-x` (`_stat.c`'s `filetype` and `fileperm`).
pub(crate) fn mode_string(m: u32) -> String {
    let t = match m & S_IFMT {
        0o100000 => '-',
        0o040000 => 'd',
        0o120000 => 'l',
        0o060000 => 'b',
        0o020000 => 'c',
        0o010000 => 'p',
        0o140000 => 's',
        _ => '?',
    };
    let bit = |mask: u32, c: char| if m & mask != 0 { c } else { '-' };
    let special = |set: u32, x: u32, on: char, off: char| match (m & set != 0, m & x != 0) {
        (true, true) => on,
        (true, false) => off,
        (false, true) => 'x',
        (false, false) => '-',
    };
    [
        t,
        bit(0o400, 'r'),
        bit(0o200, 'w'),
        special(0o4000, 0o100, 's', 'S'),
        bit(0o040, 'r'),
        bit(0o020, 'w'),
        special(0o2000, 0o010, 's', 'S'),
        bit(0o004, 'r'),
        bit(0o002, 'w'),
        special(0o1000, 0o001, 't', 'T'),
    ]
    .iter()
    .collect()
}

fn filemode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = mode_arg(vm, &a, "filemode")?;
    Ok(vm.new_str(&mode_string(m)))
}
