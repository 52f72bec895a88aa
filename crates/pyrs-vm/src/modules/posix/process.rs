//! The process and the system: ids, `kill`, `umask`, `_exit`, `abort`, `times`,
//! `waitpid`/`wait` and the `W*` status macros, `execv`/`execve`, `system`, `uname`,
//! `cpu_count`, `sched_getaffinity`, `getloadavg`, `urandom`, `strerror`
//! (CPython: `Modules/posixmodule.c`).
//!
//! `fork` is absent: safe Rust has no fork (rustix's is `unsafe`, and a forked child of
//! a multi-threaded Rust process may only call async-signal-safe functions), so `os.fork`
//! is an AttributeError as on platforms without it and `os.py` defines no `spawn*`.

use super::args;
use super::path::{errno_error, path_arg, PATH};
use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

fn int(v: impl Into<i64>) -> Value {
    Value::Int(v.into())
}

pub fn getpid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getpid")?;
    Ok(int(rustix::process::getpid().as_raw_nonzero().get()))
}

pub fn getppid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getppid")?;
    Ok(int(
        rustix::process::getppid().map_or(0, |p| p.as_raw_nonzero().get())
    ))
}

pub fn getuid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getuid")?;
    Ok(int(rustix::process::getuid().as_raw()))
}

pub fn geteuid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "geteuid")?;
    Ok(int(rustix::process::geteuid().as_raw()))
}

pub fn getgid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getgid")?;
    Ok(int(rustix::process::getgid().as_raw()))
}

pub fn getegid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getegid")?;
    Ok(int(rustix::process::getegid().as_raw()))
}

pub fn getpgrp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getpgrp")?;
    Ok(int(nix::unistd::getpgrp().as_raw()))
}

pub fn getgroups(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getgroups")?;
    match rustix::process::getgroups() {
        Ok(g) => {
            let items = g.into_iter().map(|g| int(g.as_raw())).collect();
            Ok(vm.new_list(items))
        }
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `kill(pid, signal, /)`: 0 tests the process exists; pid 0 and negative pids name
/// process groups, as kill(2).
pub fn kill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::tuple_exact(vm, &a, "kill", 2)?;
    let pid = args::pid(vm, &a.pos[0])?;
    let sig = args::c_int(vm, &a.pos[1])?;
    use rustix::process::{self as p, Pid, Signal};
    // -pid must be a pid: i32::MIN has none (the kernel says ESRCH too).
    let r = if pid == i32::MIN {
        Err(rustix::io::Errno::SRCH)
    } else if sig == 0 {
        match pid {
            0 => p::test_kill_current_process_group(),
            _ if pid > 0 => {
                Pid::from_raw(pid).map_or(Err(rustix::io::Errno::SRCH), p::test_kill_process)
            }
            _ => Pid::from_raw(pid.wrapping_neg())
                .map_or(Err(rustix::io::Errno::SRCH), p::test_kill_process_group),
        }
    } else {
        match Signal::from_named_raw(sig) {
            None => Err(rustix::io::Errno::INVAL),
            Some(s) => match pid {
                0 => p::kill_current_process_group(s),
                _ if pid > 0 => Pid::from_raw(pid)
                    .map_or(Err(rustix::io::Errno::SRCH), |q| p::kill_process(q, s)),
                _ => Pid::from_raw(pid.wrapping_neg()).map_or(Err(rustix::io::Errno::SRCH), |q| {
                    p::kill_process_group(q, s)
                }),
            },
        }
    };
    // A signal to ourselves runs its Python handler before kill() returns, as CPython's
    // PyErr_CheckSignals() after the call does.
    r.map_err(|e| errno_error(vm, e, None))?;
    crate::signals::check(vm)?;
    Ok(Value::None)
}

/// `umask(mask, /)`: the previous mask.
pub fn umask(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "umask")?;
    let m = args::c_int(vm, &a.pos[0])?;
    let old = rustix::process::umask(rustix::fs::Mode::from_bits_retain(m as u32));
    Ok(int(old.bits() as i64))
}

/// `_exit(status)`: ends the process at once: no cleanup, no flushing of what print()
/// buffered, as C's `_exit`.
pub fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [status] = args::parse(vm, a, "_exit", ["status"], 1, 1)?;
    let status = args::c_int(vm, &status.unwrap_or(Value::None))?;
    std::process::exit(status)
}

/// `abort()`: SIGABRT.
pub fn abort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "abort")?;
    std::process::abort()
}

/// `times()`: the process's and its children's CPU seconds (from `/proc/self/stat`, the
/// clock ticks times(2) reports) and the seconds since boot.
pub fn times(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "times")?;
    let stat = std::fs::read_to_string("/proc/self/stat")
        .map_err(|e| super::path::io_error(vm, &e, None))?;
    // Fields after the command name (which may hold spaces), from field 3.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = rustix::param::clock_ticks_per_second() as f64;
    let field = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0) / tick;
    // utime, stime, cutime, cstime are fields 14..17: indices 11..14 here.
    let uptime = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|x| x.parse::<f64>().ok())
        })
        .unwrap_or(0.0);
    let elapsed = (uptime * tick).floor() / tick;
    let ty = super::types(vm).times_result.clone();
    let vals = vec![
        Value::Float(field(11)),
        Value::Float(field(12)),
        Value::Float(field(13)),
        Value::Float(field(14)),
        Value::Float(elapsed),
    ];
    Ok(crate::types::structseq::new(vm, &ty, vals))
}

/// `waitpid(pid, options, /)`: `(pid, status)`; `(0, 0)` when WNOHANG finds nothing.
pub fn waitpid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::tuple_exact(vm, &a, "waitpid", 2)?;
    let pid = args::pid(vm, &a.pos[0])?;
    let opts = args::c_int(vm, &a.pos[1])?;
    let opts = rustix::process::WaitOptions::from_bits_retain(opts as u32);
    let r = if pid == i32::MIN {
        Err(rustix::io::Errno::SRCH)
    } else if pid == -1 {
        rustix::io::retry_on_intr(|| rustix::process::wait(opts))
    } else if pid > 0 {
        let p = rustix::process::Pid::from_raw(pid);
        rustix::io::retry_on_intr(|| rustix::process::waitpid(p, opts))
    } else {
        let g = if pid == 0 {
            rustix::process::getpgrp()
        } else {
            rustix::process::Pid::from_raw(pid.wrapping_neg()).unwrap_or(rustix::process::Pid::INIT)
        };
        rustix::io::retry_on_intr(|| rustix::process::waitpgid(g, opts))
    };
    match r {
        Ok(Some((p, st))) => {
            Ok(vm.new_tuple(vec![int(p.as_raw_nonzero().get()), int(st.as_raw())]))
        }
        Ok(None) => Ok(vm.new_tuple(vec![int(0), int(0)])),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `wait()`: `waitpid(-1, 0)`.
pub fn wait(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "wait")?;
    let r =
        rustix::io::retry_on_intr(|| rustix::process::wait(rustix::process::WaitOptions::empty()));
    match r {
        Ok(Some((p, st))) => {
            Ok(vm.new_tuple(vec![int(p.as_raw_nonzero().get()), int(st.as_raw())]))
        }
        Ok(None) => Ok(vm.new_tuple(vec![int(0), int(0)])),
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// The `W*` status macros: `(name, f(status))`.
fn status_macro(
    vm: &mut Vm,
    a: Args,
    name: &str,
    f: fn(i32) -> i64,
    boolean: bool,
) -> PyResult<Value> {
    let [s] = args::parse(vm, a, name, ["status"], 1, 1)?;
    let s = args::c_int(vm, &s.unwrap_or(Value::None))?;
    let r = f(s);
    Ok(if boolean { Value::Bool(r != 0) } else { int(r) })
}

pub fn wifexited(vm: &mut Vm, a: Args) -> PyResult<Value> {
    status_macro(vm, a, "WIFEXITED", |s| (s & 0x7f == 0) as i64, true)
}
pub fn wexitstatus(vm: &mut Vm, a: Args) -> PyResult<Value> {
    status_macro(vm, a, "WEXITSTATUS", |s| ((s >> 8) & 0xff) as i64, false)
}
pub fn wifsignaled(vm: &mut Vm, a: Args) -> PyResult<Value> {
    status_macro(
        vm,
        a,
        "WIFSIGNALED",
        |s| (((s & 0x7f) + 1) as i8 >> 1 > 0) as i64,
        true,
    )
}
pub fn wtermsig(vm: &mut Vm, a: Args) -> PyResult<Value> {
    status_macro(vm, a, "WTERMSIG", |s| (s & 0x7f) as i64, false)
}
pub fn wifstopped(vm: &mut Vm, a: Args) -> PyResult<Value> {
    status_macro(vm, a, "WIFSTOPPED", |s| (s & 0xff == 0x7f) as i64, true)
}
pub fn wstopsig(vm: &mut Vm, a: Args) -> PyResult<Value> {
    status_macro(vm, a, "WSTOPSIG", |s| ((s >> 8) & 0xff) as i64, false)
}
pub fn wifcontinued(vm: &mut Vm, a: Args) -> PyResult<Value> {
    status_macro(vm, a, "WIFCONTINUED", |s| (s == 0xffff) as i64, true)
}
/// `WCOREDUMP(status, /)` (the one `METH_O` macro).
pub fn wcoredump(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "WCOREDUMP")?;
    let s = args::c_int(vm, &a.pos[0])?;
    Ok(Value::Bool(s & 0x80 != 0))
}

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the killing signal.
pub fn waitstatus_to_exitcode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [s] = args::parse(vm, a, "waitstatus_to_exitcode", ["status"], 1, 1)?;
    let s = args::c_int(vm, &s.unwrap_or(Value::None))?;
    if s & 0x7f == 0 {
        return Ok(int((s >> 8) & 0xff));
    }
    if ((s & 0x7f) + 1) as i8 >> 1 > 0 {
        return Ok(int(-(s & 0x7f)));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

/// The items of an argv or a mapping's keys/values as encoded strings.
fn encode_list(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<std::ffi::OsString>> {
    use std::os::unix::ffi::OsStringExt;
    let items = match v.payload() {
        Some(Payload::List(_) | Payload::Tuple(_)) => vm.collect(v)?,
        _ => {
            return Err(vm.type_error(format!("{fname}() arg 2 must be a tuple or list")));
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let p = path_arg(vm, it, fname, "path", PATH)?;
        out.push(std::ffi::OsString::from_vec(p.bytes().to_vec()));
    }
    Ok(out)
}

fn do_exec(
    vm: &mut Vm,
    path: Value,
    argv: Value,
    env: Option<Value>,
    fname: &str,
) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::process::CommandExt;
    let p = path_arg(vm, path, fname, "path", PATH)?;
    let argv = encode_list(vm, &argv, fname)?;
    if argv.is_empty() {
        return Err(vm.value_error(format!("{fname}() arg 2 must not be empty")));
    }
    if argv[0].is_empty() {
        return Err(vm.value_error(format!("{fname}() arg 2 first element cannot be empty")));
    }
    let mut cmd = std::process::Command::new(std::ffi::OsStr::from_bytes(p.bytes()));
    cmd.arg0(&argv[0]).args(&argv[1..]);
    if let Some(env) = env {
        cmd.env_clear();
        let keys = vm.call_method(&env, "keys", vec![])?;
        for k in vm.collect(&keys)? {
            let v = crate::object::subscript::getitem(vm, &env, &k)?;
            let kp = path_arg(vm, k, fname, "path", PATH)?;
            let vp = path_arg(vm, v, fname, "path", PATH)?;
            if kp.bytes().is_empty() || kp.bytes().contains(&b'=') {
                return Err(vm.value_error("illegal environment variable name"));
            }
            cmd.env(
                std::ffi::OsStr::from_bytes(kp.bytes()),
                std::ffi::OsStr::from_bytes(vp.bytes()),
            );
        }
    }
    // Output print() buffered is lost, as CPython's unflushed buffers are (os.py's
    // exec* documentation asks callers to flush first).
    let e = cmd.exec();
    Err(super::path::io_error(vm, &e, None))
}

/// `execv(path, argv, /)`: replaces the process (no return unless it fails).
pub fn execv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "execv", 2, 2)?;
    let mut it = a.pos.into_iter();
    let (p, argv) = (
        it.next().unwrap_or(Value::None),
        it.next().unwrap_or(Value::None),
    );
    do_exec(vm, p, argv, None, "execv")
}

/// `execve(path, argv, env)`.
pub fn execve(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [p, argv, env] = args::parse(vm, a, "execve", ["path", "argv", "env"], 3, 3)?;
    do_exec(
        vm,
        p.unwrap_or(Value::None),
        argv.unwrap_or(Value::None),
        env,
        "execve",
    )
}

/// `system(command)`: `/bin/sh -c command`'s wait status.
pub fn system(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::process::ExitStatusExt;
    let [c] = args::parse(vm, a, "system", ["command"], 1, 1)?;
    let c = path_arg(vm, c.unwrap_or(Value::None), "system", "command", PATH)?;
    match std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(std::ffi::OsStr::from_bytes(c.bytes()))
        .status()
    {
        Ok(st) => Ok(int(st.into_raw())),
        Err(e) => Err(super::path::io_error(vm, &e, None)),
    }
}

fn cstr_value(vm: &mut Vm, c: &std::ffi::CStr) -> PyResult<Value> {
    super::path::fs_decode(vm, c.to_bytes())
}

/// `uname()`: `posix.uname_result(sysname, nodename, release, version, machine)`.
pub fn uname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "uname")?;
    let u = rustix::system::uname();
    let vals = vec![
        cstr_value(vm, u.sysname())?,
        cstr_value(vm, u.nodename())?,
        cstr_value(vm, u.release())?,
        cstr_value(vm, u.version())?,
        cstr_value(vm, u.machine())?,
    ];
    let ty = super::types(vm).uname_result.clone();
    Ok(crate::types::structseq::new(vm, &ty, vals))
}

/// The number of CPUs in a Linux CPU list (`0-3,6`).
pub(crate) fn count_cpu_list(s: &str) -> Option<i64> {
    let mut n = 0i64;
    for part in s.trim().split(',').filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (a.parse::<i64>().ok()?, b.parse::<i64>().ok()?);
                n = n.checked_add(b.checked_sub(a)?.checked_add(1)?)?;
            }
            None => {
                part.parse::<i64>().ok()?;
                n = n.checked_add(1)?;
            }
        }
    }
    (n > 0).then_some(n)
}

/// `cpu_count()`: the online CPUs (glibc's `sysconf(_SC_NPROCESSORS_ONLN)` reads the
/// same list), None when unknown.
pub fn cpu_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "cpu_count")?;
    let n = std::fs::read_to_string("/sys/devices/system/cpu/online")
        .ok()
        .and_then(|s| count_cpu_list(&s))
        .or_else(|| {
            let stat = std::fs::read_to_string("/proc/stat").ok()?;
            let n = stat
                .lines()
                .filter(|l| {
                    l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
                })
                .count();
            (n > 0).then_some(n as i64)
        });
    Ok(n.map_or(Value::None, Value::Int))
}

/// `sched_getaffinity(pid, /)`: the set of CPUs the process may run on.
pub fn sched_getaffinity(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "sched_getaffinity")?;
    let pid = args::pid(vm, &a.pos[0])?;
    if pid < 0 {
        return Err(errno_error(vm, rustix::io::Errno::SRCH, None));
    }
    let pid = rustix::process::Pid::from_raw(pid);
    match rustix::thread::sched_getaffinity(pid) {
        Ok(set) => {
            let cpus: Vec<Value> = (0..rustix::thread::CpuSet::MAX_CPU)
                .filter(|i| set.is_set(*i))
                .map(|i| Value::Int(i as i64))
                .collect();
            let l = vm.new_list(cpus);
            let set_ty = Value::Obj(vm.types.set.clone());
            vm.call(&set_ty, vec![l])
        }
        Err(e) => Err(errno_error(vm, e, None)),
    }
}

/// `getloadavg()`: the 1, 5 and 15 minute load averages (`/proc/loadavg`).
pub fn getloadavg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "getloadavg")?;
    let s = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let v: Vec<f64> = s
        .split_whitespace()
        .take(3)
        .filter_map(|x| x.parse().ok())
        .collect();
    if v.len() != 3 {
        let t = vm.types.os_error.clone();
        return Err(vm.new_error(&t, "Load averages are unobtainable"));
    }
    Ok(vm.new_tuple(v.into_iter().map(Value::Float).collect()))
}

/// `urandom(size, /)`: `size` bytes from the kernel's random source.
pub fn urandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "urandom")?;
    let n = args::ssize(vm, &a.pos[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = args::reserve(vm, n as usize)?;
    buf.resize(n as usize, 0);
    let mut filled = 0;
    while filled < buf.len() {
        match rustix::rand::getrandom(&mut buf[filled..], rustix::rand::GetRandomFlags::empty()) {
            Ok(k) => filled += k,
            Err(rustix::io::Errno::INTR) => crate::signals::check(vm)?,
            Err(e) => return Err(errno_error(vm, e, None)),
        }
    }
    Ok(vm.new_bytes(buf))
}

/// `strerror(code, /)`: the C library's message.
pub fn strerror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "strerror")?;
    let code = args::c_int(vm, &a.pos[0])?;
    Ok(vm.new_str(&super::path::strerror(code)))
}

/// A pid argument that may be 0 (this process): None for 0.
/// A pid argument as the system call takes it (0: this process; a negative one is the
/// kernel's to refuse, ESRCH or EINVAL, as CPython passes it through).
fn pid_arg(vm: &mut Vm, v: &Value) -> PyResult<nix::unistd::Pid> {
    Ok(nix::unistd::Pid::from_raw(args::pid(vm, v)?))
}

/// An errno from nix as the OSError subclass CPython raises for it.
fn nix_error(vm: &mut Vm, e: nix::errno::Errno) -> crate::vm::PyErr {
    errno_error(vm, rustix::io::Errno::from_raw_os_error(e as i32), None)
}

// getpgid, getsid, setpgid and getpgrp go through nix, not rustix: the kernel answers 0 for a
// process group or session led from outside the caller's pid namespace (a container), and
// rustix's `Pid` is non-zero (it asserts, and a 0 would be undefined behaviour).

/// `getpgid(pid)`: the process group of `pid` (0: this process).
pub fn getpgid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [pid] = args::parse(vm, a, "getpgid", ["pid"], 1, 1)?;
    let pid = pid_arg(vm, &pid.unwrap_or(Value::None))?;
    match nix::unistd::getpgid(Some(pid)) {
        Ok(g) => Ok(int(g.as_raw())),
        Err(e) => Err(nix_error(vm, e)),
    }
}

/// `getsid(pid, /)` (`METH_O`): the session of `pid` (0: this process).
pub fn getsid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::meth_o(vm, &a, "getsid")?;
    let pid = pid_arg(vm, &a.pos[0])?;
    match nix::unistd::getsid(Some(pid)) {
        Ok(s) => Ok(int(s.as_raw())),
        Err(e) => Err(nix_error(vm, e)),
    }
}

/// `setsid()`: a new session led by this process.
pub fn setsid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::no_args(vm, &a, "setsid")?;
    rustix::process::setsid()
        .map(|_| Value::None)
        .map_err(|e| errno_error(vm, e, None))
}

/// `setpgid(pid, pgrp, /)`.
pub fn setpgid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::tuple_exact(vm, &a, "setpgid", 2)?;
    let pid = pid_arg(vm, &a.pos[0])?;
    let pgrp = pid_arg(vm, &a.pos[1])?;
    match nix::unistd::setpgid(pid, pgrp) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(nix_error(vm, e)),
    }
}

/// `getrandom(size, flags=0)`: one getrandom(2) call's bytes (possibly fewer than
/// `size`, as the system call may return); EINTR retried after signal handlers ran.
pub fn getrandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [size, flags] = args::parse(vm, a, "getrandom", ["size", "flags"], 1, 2)?;
    let n = args::ssize(vm, &size.unwrap_or(Value::None))?;
    let flags = match flags {
        Some(f) => args::c_int(vm, &f)?,
        None => 0,
    };
    if n < 0 {
        return Err(super::path::os_error(vm, 22, None, None));
    }
    let mut buf = args::reserve(vm, n as usize)?;
    buf.resize(n as usize, 0);
    let fl = rustix::rand::GetRandomFlags::from_bits_retain(flags as u32);
    loop {
        match rustix::rand::getrandom(&mut buf[..], fl) {
            Ok(k) => {
                buf.truncate(k);
                return Ok(vm.new_bytes(buf));
            }
            Err(rustix::io::Errno::INTR) => crate::signals::check(vm)?,
            Err(e) => return Err(errno_error(vm, e, None)),
        }
    }
}
