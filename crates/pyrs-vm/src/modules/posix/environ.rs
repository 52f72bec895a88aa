//! The process environment: `posix.environ` (a dict of bytes made at import, which
//! `os.py` wraps in `os.environ`), `putenv`, `unsetenv` (CPython:
//! `Modules/posixmodule.c`'s `convertenviron`, `os_putenv_impl`, `os_unsetenv_impl`).
//!
//! std's `set_var`/`remove_var` panic on a name that is empty or holds `=` or NUL and on
//! a value holding NUL; every such argument is refused here first, with CPython's errors.

use super::path::os_error;
use crate::object::Value;
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

/// `environ`: `{b'NAME': b'value', ...}` in the environment's order.
pub fn environ(vm: &mut Vm) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    for (k, v) in std::env::vars_os() {
        let k = vm.new_bytes(k.as_bytes().to_vec());
        let v = vm.new_bytes(v.as_bytes().to_vec());
        crate::types::dict::set_item(vm, &d, k, v)?;
    }
    Ok(Value::Obj(d))
}

/// `PyUnicode_FSConverter`: str (encoded), bytes or a `PathLike`'s, without NUL.
fn fs_converter(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let p = super::path::fspath(vm, v)?;
    let (b, is_bytes) = match p.as_str() {
        Some(s) => (super::path::fs_encode(vm, s)?, false),
        None => (
            crate::types::bytearray::bytes_like(&p).unwrap_or_default(),
            true,
        ),
    };
    if b.contains(&0) {
        let _ = is_bytes;
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

/// `putenv(name, value, /)`.
pub fn putenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::args::positional(vm, &a, "putenv", 2, 2)?;
    let name = fs_converter(vm, &a.pos[0])?;
    let value = fs_converter(vm, &a.pos[1])?;
    if name.is_empty() {
        return Err(os_error(vm, 22, None, None));
    }
    if name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(OsStr::from_bytes(&name), OsStr::from_bytes(&value));
    Ok(Value::None)
}

/// `unsetenv(name, /)`.
pub fn unsetenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::args::meth_o(vm, &a, "unsetenv")?;
    let name = fs_converter(vm, &a.pos[0])?;
    if name.is_empty() || name.contains(&b'=') {
        return Err(os_error(vm, 22, None, None));
    }
    std::env::remove_var(OsStr::from_bytes(&name));
    Ok(Value::None)
}
