//! The `pwd` module: the password database (CPython: `Modules/pwdmodule.c`), which
//! `posixpath.expanduser('~user')`, `getpass.getuser` and `shutil.chown` use.
//!
//! CPython asks the C library (`getpwnam_r`, NSS); safe Rust has no such call, so pyrs
//! reads NSS's `files` source itself: `/etc/passwd`, one `name:passwd:uid:gid:gecos:
//! dir:shell` entry per line, in file order (malformed lines skipped, as glibc's parser
//! skips them). Users from other NSS sources (LDAP, systemd-userdb) are not found:
//! docs/differences.md.

use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

const DOC: &str = "This module provides access to the Unix password database.
It is available on all Unix versions.

Password database entries are reported as 7-tuples containing the following
items from the password database (see `<pwd.h>'), in order:
pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.
The uid and gid items are integers, all others are strings. An
exception is raised if the entry asked for cannot be found.";

const FIELDS: [&str; 7] = [
    "pw_name",
    "pw_passwd",
    "pw_uid",
    "pw_gid",
    "pw_gecos",
    "pw_dir",
    "pw_shell",
];

/// One entry of the database, as the file holds it.
pub(crate) struct Entry {
    pub name: Vec<u8>,
    passwd: Vec<u8>,
    pub uid: u32,
    gid: u32,
    gecos: Vec<u8>,
    dir: Vec<u8>,
    shell: Vec<u8>,
}

/// The entries of a passwd file's text.
pub(crate) fn parse(text: &[u8]) -> Vec<Entry> {
    let mut out = Vec::new();
    for line in text.split(|&b| b == b'\n') {
        if line.is_empty() || line[0] == b'#' {
            continue;
        }
        let f: Vec<&[u8]> = line.split(|&b| b == b':').collect();
        if f.len() != 7 || f[0].is_empty() {
            continue;
        }
        let num = |b: &[u8]| std::str::from_utf8(b).ok()?.parse::<u32>().ok();
        let (Some(uid), Some(gid)) = (num(f[2]), num(f[3])) else {
            continue;
        };
        out.push(Entry {
            name: f[0].to_vec(),
            passwd: f[1].to_vec(),
            uid,
            gid,
            gecos: f[4].to_vec(),
            dir: f[5].to_vec(),
            shell: f[6].to_vec(),
        });
    }
    out
}

fn entries() -> Vec<Entry> {
    parse(&std::fs::read("/etc/passwd").unwrap_or_default())
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "pwd", DOC);
    let fns: &[(&'static str, NativeFn)] = &[
        ("getpwall", getpwall),
        ("getpwnam", getpwnam),
        ("getpwuid", getpwuid),
    ];
    super::add_functions(vm, &d, fns);
    let ty = struct_passwd(vm);
    crate::import::dict_set(vm, &d, "struct_passwd", Value::Obj(ty));
    Ok(m)
}

/// `pwd.struct_passwd`, made once per interpreter (in `posix`'s state: one table of
/// the OS modules' types).
fn struct_passwd(vm: &mut Vm) -> PyRef {
    if let Some(t) = &vm.interp.posix.struct_passwd {
        return t.clone();
    }
    let t = crate::types::structseq::make_type(vm, "pwd.struct_passwd", &FIELDS);
    vm.interp.posix.struct_passwd = Some(t.clone());
    t
}

fn to_value(vm: &mut Vm, e: &Entry) -> PyResult<Value> {
    use crate::modules::posix::path::fs_decode;
    let vals = vec![
        fs_decode(vm, &e.name)?,
        fs_decode(vm, &e.passwd)?,
        Value::Int(e.uid as i64),
        Value::Int(e.gid as i64),
        fs_decode(vm, &e.gecos)?,
        fs_decode(vm, &e.dir)?,
        fs_decode(vm, &e.shell)?,
    ];
    let ty = struct_passwd(vm);
    Ok(crate::types::structseq::new(vm, &ty, vals))
}

fn key_error(vm: &mut Vm, msg: String) -> crate::vm::PyErr {
    let k = vm.new_str(&msg);
    vm.key_error(k)
}

/// `getpwuid(uid, /)`.
fn getpwuid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::modules::posix::args::meth_o(vm, &a, "pwd.getpwuid")?;
    let v = &a.pos[0];
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v.payload(), Some(crate::object::Payload::Int(_)));
    if !is_int {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("uid should be integer, not {t}")));
    }
    let n = crate::modules::posix::args::int_wide(vm, v)?;
    // _Py_Uid_Converter: -1 is (uid_t)-1; other values outside uid_t are "not found"
    // without the number.
    let uid = match n {
        -1 => u32::MAX,
        0..=0xffff_ffff => n as u32,
        _ => return Err(key_error(vm, "getpwuid(): uid not found".into())),
    };
    match entries().iter().find(|e| e.uid == uid) {
        Some(e) => to_value(vm, e),
        None => Err(key_error(vm, format!("getpwuid(): uid not found: {n}"))),
    }
}

/// `getpwnam(name, /)`.
fn getpwnam(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::modules::posix::args::meth_o(vm, &a, "pwd.getpwnam")?;
    let v = a.pos[0].clone();
    let Some(s) = v.as_str() else {
        let t = vm.type_name(&v);
        return Err(vm.type_error(format!("getpwnam() argument must be str, not {t}")));
    };
    let name = crate::modules::posix::path::fs_encode(vm, s)?;
    if name.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    match entries().iter().find(|e| e.name == name) {
        Some(e) => to_value(vm, e),
        None => {
            let r = vm.repr(&v)?;
            Err(key_error(vm, format!("getpwnam(): name not found: {r}")))
        }
    }
}

/// `getpwall()`: every entry, in the file's order.
fn getpwall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::modules::posix::args::no_args(vm, &a, "pwd.getpwall")?;
    let mut items = Vec::new();
    for e in entries() {
        items.push(to_value(vm, &e)?);
    }
    Ok(vm.new_list(items))
}
