//! The `posix` module, which `os.py` re-exports as `os` (CPython:
//! `Modules/posixmodule.c`). One file per family: `path.rs` (path arguments, errors,
//! the file-system encoding), `args.rs` (argument parsing), `fds.rs` (descriptors),
//! `stat.rs`, `fs.rs` (calls on paths), `scandir.rs`, `process.rs`, `environ.rs`.
//!
//! System calls go through `rustix` (safe functions over `OwnedFd`/`BorrowedFd`) and
//! std; pyrs has no `unsafe` outside object/refcount.rs (design.md §5), which decides
//! how descriptors work: see `fds.rs` and docs/internals/posix.md.

pub mod args;
pub mod environ;
pub mod fds;
pub mod fs;
pub mod normpath;
pub mod path;
pub mod process;
pub mod scandir;
pub mod stat;

use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

const DOC: &str = "This module provides access to operating system functionality that is
standardized by the C Standard and the POSIX standard (a thinly
disguised Unix interface).  Refer to the library manual and
corresponding Unix manual entries for more information on calls.";

/// The interpreter's `posix` state: the descriptors it owns, and its types (made by the
/// first import; a re-import reuses them, so `os.stat_result` stays one class).
#[derive(Default)]
pub struct PosixState {
    pub fds: fds::FdTable,
    pub types: Option<Rc<PosixTypes>>,
    /// `pwd.struct_passwd` (`modules/pwd.rs`).
    pub struct_passwd: Option<PyRef>,
}

pub struct PosixTypes {
    pub stat_result: PyRef,
    pub terminal_size: PyRef,
    pub uname_result: PyRef,
    pub times_result: PyRef,
    pub statvfs_result: PyRef,
    pub dir_entry: PyRef,
    pub scandir_iterator: PyRef,
}

/// The module's types, made on first use.
pub fn types(vm: &mut Vm) -> Rc<PosixTypes> {
    if let Some(t) = &vm.interp.posix.types {
        return t.clone();
    }
    use crate::types::structseq::make_type;
    let stat_result = stat::make_type(vm);
    let terminal_size = make_type(vm, "os.terminal_size", &["columns", "lines"]);
    let uname_result = make_type(
        vm,
        "posix.uname_result",
        &["sysname", "nodename", "release", "version", "machine"],
    );
    let times_result = make_type(
        vm,
        "posix.times_result",
        &[
            "user",
            "system",
            "children_user",
            "children_system",
            "elapsed",
        ],
    );
    let statvfs_result = fs::make_statvfs_type(vm);
    let (dir_entry, scandir_iterator) = scandir::make_types(vm);
    let t = Rc::new(PosixTypes {
        stat_result,
        terminal_size,
        uname_result,
        times_result,
        statvfs_result,
        dir_entry,
        scandir_iterator,
    });
    vm.interp.posix.types = Some(t.clone());
    t
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("WCOREDUMP", process::wcoredump),
    ("WEXITSTATUS", process::wexitstatus),
    ("WIFCONTINUED", process::wifcontinued),
    ("WIFEXITED", process::wifexited),
    ("WIFSIGNALED", process::wifsignaled),
    ("WIFSTOPPED", process::wifstopped),
    ("WSTOPSIG", process::wstopsig),
    ("WTERMSIG", process::wtermsig),
    ("_exit", process::exit),
    ("_path_normpath", normpath::path_normpath),
    ("abort", process::abort),
    ("access", fs::access),
    ("chdir", fs::chdir),
    ("chmod", fs::chmod),
    ("chown", fs::chown),
    ("close", fds::close),
    ("closerange", fds::closerange),
    ("cpu_count", process::cpu_count),
    ("device_encoding", fds::device_encoding),
    ("dup", fds::dup),
    ("dup2", fds::dup2),
    ("execv", process::execv),
    ("execve", process::execve),
    ("fchdir", fs::fchdir),
    ("fchmod", fs::fchmod),
    ("fchown", fs::fchown),
    ("fdatasync", fds::fdatasync),
    ("fspath", fspath),
    ("fstat", stat::fstat),
    ("fstatvfs", fs::fstatvfs),
    ("fsync", fds::fsync),
    ("ftruncate", fds::ftruncate),
    ("get_blocking", fds::get_blocking),
    ("get_inheritable", fds::get_inheritable),
    ("get_terminal_size", fds::get_terminal_size),
    ("getcwd", fs::getcwd),
    ("getcwdb", fs::getcwdb),
    ("getegid", process::getegid),
    ("geteuid", process::geteuid),
    ("getgid", process::getgid),
    ("getgroups", process::getgroups),
    ("getloadavg", process::getloadavg),
    ("getpgid", process::getpgid),
    ("getpgrp", process::getpgrp),
    ("getpid", process::getpid),
    ("getppid", process::getppid),
    ("getrandom", process::getrandom),
    ("getsid", process::getsid),
    ("getuid", process::getuid),
    ("isatty", fds::isatty),
    ("kill", process::kill),
    ("lchown", fs::lchown),
    ("link", fs::link),
    ("listdir", fs::listdir),
    ("lseek", fds::lseek),
    ("lstat", stat::lstat),
    ("major", stat::major),
    ("makedev", stat::makedev),
    ("minor", stat::minor),
    ("mkdir", fs::mkdir),
    ("mkfifo", fs::mkfifo),
    ("mknod", fs::mknod),
    ("open", fds::open),
    ("pipe", fds::pipe),
    ("pread", fds::pread),
    ("putenv", environ::putenv),
    ("pwrite", fds::pwrite),
    ("read", fds::read),
    ("readlink", fs::readlink),
    ("remove", fs::remove),
    ("rename", fs::rename),
    ("replace", fs::replace),
    ("rmdir", fs::rmdir),
    ("scandir", scandir::scandir),
    ("sched_getaffinity", process::sched_getaffinity),
    ("set_blocking", fds::set_blocking),
    ("set_inheritable", fds::set_inheritable),
    ("setpgid", process::setpgid),
    ("setsid", process::setsid),
    ("stat", stat::stat),
    ("statvfs", fs::statvfs),
    ("strerror", process::strerror),
    ("symlink", fs::symlink),
    ("sync", fs::sync),
    ("system", process::system),
    ("times", process::times),
    ("truncate", fs::truncate),
    ("umask", process::umask),
    ("uname", process::uname),
    ("unlink", fs::unlink),
    ("unsetenv", environ::unsetenv),
    ("urandom", process::urandom),
    ("utime", fs::utime),
    ("wait", process::wait),
    ("waitpid", process::waitpid),
    ("waitstatus_to_exitcode", process::waitstatus_to_exitcode),
    ("write", fds::write),
];

/// What `os.py` reads to build `supports_dir_fd`, `supports_fd` and
/// `supports_follow_symlinks`: only what the functions here accept.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATVFS",
    "HAVE_FSTATAT",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_MKNODAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// Integer constants: the `O_*` flags and wait options from rustix (so they are the
/// target architecture's), the rest fixed by POSIX, `<sysexits.h>` or Linux.
fn constants() -> Vec<(&'static str, i64)> {
    use rustix::fs::OFlags as O;
    use rustix::process::WaitOptions as W;
    let o = |f: O| f.bits() as i64;
    vec![
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("O_RDONLY", o(O::RDONLY)),
        ("O_WRONLY", o(O::WRONLY)),
        ("O_RDWR", o(O::RDWR)),
        ("O_ACCMODE", o(O::ACCMODE)),
        ("O_APPEND", o(O::APPEND)),
        ("O_CREAT", o(O::CREATE)),
        ("O_EXCL", o(O::EXCL)),
        ("O_TRUNC", o(O::TRUNC)),
        ("O_NONBLOCK", o(O::NONBLOCK)),
        ("O_NDELAY", o(O::NONBLOCK)),
        ("O_DIRECTORY", o(O::DIRECTORY)),
        ("O_NOFOLLOW", o(O::NOFOLLOW)),
        ("O_CLOEXEC", o(O::CLOEXEC)),
        ("O_SYNC", o(O::SYNC)),
        ("O_FSYNC", o(O::SYNC)),
        ("O_DSYNC", o(O::DSYNC)),
        ("O_RSYNC", o(O::RSYNC)),
        ("O_NOCTTY", o(O::NOCTTY)),
        ("O_ASYNC", o(O::ASYNC)),
        ("O_DIRECT", o(O::DIRECT)),
        ("O_LARGEFILE", o(O::LARGEFILE)),
        ("O_NOATIME", o(O::NOATIME)),
        ("O_PATH", o(O::PATH)),
        ("O_TMPFILE", o(O::TMPFILE)),
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("SEEK_DATA", 3),
        ("SEEK_HOLE", 4),
        ("WNOHANG", W::NOHANG.bits() as i64),
        ("WUNTRACED", W::UNTRACED.bits() as i64),
        ("WCONTINUED", W::CONTINUED.bits() as i64),
        (
            "GRND_NONBLOCK",
            rustix::rand::GetRandomFlags::NONBLOCK.bits() as i64,
        ),
        (
            "GRND_RANDOM",
            rustix::rand::GetRandomFlags::RANDOM.bits() as i64,
        ),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
    ]
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "posix", DOC);
    super::add_functions(vm, &d, FUNCTIONS);
    for (name, v) in constants() {
        crate::import::dict_set(vm, &d, name, Value::Int(v));
    }
    let have: Vec<Value> = HAVE_FUNCTIONS.iter().map(|s| vm.new_str(s)).collect();
    let have = vm.new_list(have);
    crate::import::dict_set(vm, &d, "_have_functions", have);
    let env = environ::environ(vm)?;
    crate::import::dict_set(vm, &d, "environ", env);
    let os_error = Value::Obj(vm.types.os_error.clone());
    crate::import::dict_set(vm, &d, "error", os_error);
    let t = types(vm);
    for (name, ty) in [
        ("stat_result", &t.stat_result),
        ("terminal_size", &t.terminal_size),
        ("uname_result", &t.uname_result),
        ("times_result", &t.times_result),
        ("statvfs_result", &t.statvfs_result),
        ("DirEntry", &t.dir_entry),
    ] {
        crate::import::dict_set(vm, &d, name, Value::Obj(ty.clone()));
    }
    Ok(m)
}

/// `fspath(path)`: str and bytes unchanged, else `path.__fspath__()`.
fn fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [p] = args::parse(vm, a, "fspath", ["path"], 1, 1)?;
    path::fspath(vm, &p.unwrap_or(Value::None))
}

#[cfg(test)]
mod tests;
