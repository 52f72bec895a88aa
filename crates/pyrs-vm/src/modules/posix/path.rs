//! Paths and errors of `posix`'s functions: `path_converter` (str, bytes, `os.PathLike`
//! and, where allowed, an fd), `os.fspath` (`PyOS_FSPath`), the file-system encoding
//! (UTF-8 with `surrogateescape`, CPython's on Linux) and the OSError a failed system
//! call raises (`PyErr_SetFromErrnoWithFilenameObjects`). CPython: `Modules/posixmodule.c`.

use crate::object::{Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::ffi::{CStr, CString};

/// A converted path argument: the object the caller passed (it is the `filename` of an
/// error, as in CPython) and what the system call takes.
pub struct PathArg {
    /// The argument as given (a `PathLike` stays itself), None for a defaulted path.
    pub object: Value,
    pub kind: PathKind,
}

pub enum PathKind {
    /// The encoded path; `bytes` when the caller gave bytes (results are then bytes too).
    Path { c: CString, bytes: bool },
    /// An open file descriptor (`allow_fd`).
    Fd(i32),
}

impl PathArg {
    /// The path for a system call (`.` for an fd, which callers handle before asking).
    pub fn c(&self) -> &CStr {
        match &self.kind {
            PathKind::Path { c, .. } => c,
            PathKind::Fd(_) => c".",
        }
    }

    pub fn bytes(&self) -> &[u8] {
        self.c().to_bytes()
    }

    /// Results derived from this path are bytes (the caller passed bytes).
    pub fn is_bytes(&self) -> bool {
        matches!(self.kind, PathKind::Path { bytes: true, .. })
    }

    pub fn fd(&self) -> Option<i32> {
        match self.kind {
            PathKind::Fd(fd) => Some(fd),
            PathKind::Path { .. } => None,
        }
    }
}

/// Which arguments a path parameter accepts besides str, bytes and `os.PathLike`.
#[derive(Clone, Copy)]
pub struct Accept {
    pub fd: bool,
    pub none: bool,
}

pub const PATH: Accept = Accept {
    fd: false,
    none: false,
};
pub const PATH_OR_FD: Accept = Accept {
    fd: true,
    none: false,
};

/// `path_converter`: `fname: argname should be string, bytes, os.PathLike or integer,
/// not list` for anything else. A `None` the parameter allows is `.` (`listdir()`).
pub fn path_arg(
    vm: &mut Vm,
    v: Value,
    fname: &str,
    argname: &str,
    accept: Accept,
) -> PyResult<PathArg> {
    if accept.none && matches!(v, Value::None) {
        return Ok(PathArg {
            object: Value::None,
            kind: PathKind::Path {
                c: c".".to_owned(),
                bytes: false,
            },
        });
    }
    if accept.fd && is_index(&v) {
        let fd = super::args::fd(vm, &v)?;
        return Ok(PathArg {
            object: v,
            kind: PathKind::Fd(fd),
        });
    }
    let resolved = match fspath_of(vm, &v)? {
        Some(r) => r,
        None => {
            let t = vm.type_name(&v);
            let what = match (accept.fd, accept.none) {
                (true, true) => "string, bytes, os.PathLike, integer or None",
                (true, false) => "string, bytes, os.PathLike or integer",
                (false, true) => "string, bytes, os.PathLike or None",
                (false, false) => "string, bytes or os.PathLike",
            };
            return Err(vm.type_error(format!("{fname}: {argname} should be {what}, not {t}")));
        }
    };
    let (raw, bytes) = match &resolved {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => (fs_encode(vm, s)?, false),
            _ => (
                crate::types::bytearray::bytes_like(&resolved).unwrap_or_default(),
                true,
            ),
        },
        _ => (Vec::new(), true),
    };
    let c = CString::new(raw).map_err(|_| {
        // A str fails in PyUnicode_FSConverter, bytes in path_converter's own check.
        vm.value_error(if bytes {
            format!("{fname}: embedded null character in {argname}")
        } else {
            "embedded null byte".to_string()
        })
    })?;
    Ok(PathArg {
        object: v,
        kind: PathKind::Path { c, bytes },
    })
}

fn is_index(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::Int(_)))
}

/// str and bytes as they are (bytearray and memoryview too, which CPython's
/// path_converter takes with a DeprecationWarning), else `type(v).__fspath__(v)` when
/// the type has one (checked to return str or bytes); `None` when `v` is no path.
fn fspath_of(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match v.payload() {
        Some(Payload::Str(_) | Payload::Bytes(_)) => return Ok(Some(v.clone())),
        Some(Payload::ByteArray(_) | Payload::MemoryView(_)) => {
            let b = crate::types::bytearray::bytes_like(v).unwrap_or_default();
            return Ok(Some(vm.new_bytes(b)));
        }
        _ => {}
    }
    let ty = vm.type_of(v).clone();
    let Some(f) = crate::object::protocol::special_method(vm, &ty, "__fspath__") else {
        return Ok(None);
    };
    if matches!(f, Value::None) {
        return Ok(None);
    }
    let r = crate::object::protocol::call_dunder(vm, f, v, vec![])?;
    match r.payload() {
        Some(Payload::Str(_) | Payload::Bytes(_)) => Ok(Some(r)),
        _ => {
            let tn = crate::object::typeobj::tdata(&ty).name();
            let rn = vm.type_name(&r);
            Err(vm.type_error(format!(
                "expected {tn}.__fspath__() to return str or bytes, not {rn}"
            )))
        }
    }
}

/// `os.fspath(path)`: str and bytes unchanged, a `PathLike`'s `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if matches!(
        v.payload(),
        Some(Payload::ByteArray(_) | Payload::MemoryView(_))
    ) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    }
    match fspath_of(vm, v)? {
        Some(r) => Ok(r),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )))
        }
    }
}

/// A str as the file system's bytes (`os.fsencode`: UTF-8, lone surrogates
/// U+DC80..U+DCFF back to the bytes they escaped).
pub fn fs_encode(vm: &mut Vm, s: &crate::types::str::PyStr) -> PyResult<Vec<u8>> {
    if let Some(a) = s.as_ascii() {
        return Ok(a.as_bytes().to_vec());
    }
    crate::types::codecs::encode(vm, s, "utf-8", "surrogateescape")
}

/// File-system bytes as a str (`os.fsdecode`).
pub fn fs_decode(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok(vm.new_str(s));
    }
    crate::types::codecs::decode(vm, b, "utf-8", "surrogateescape")
}

/// A name or path the system returned, as str or (when the caller passed bytes) bytes.
pub fn fs_value(vm: &mut Vm, b: &[u8], as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        Ok(vm.new_bytes(b.to_vec()))
    } else {
        fs_decode(vm, b)
    }
}

/// `strerror(errno)`'s text (the C library's, through std).
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.strip_suffix(&format!(" (os error {errno})")) {
        Some(t) => t.to_string(),
        None => text,
    }
}

/// The OSError (its errno subclass: FileNotFoundError, ...) of a failed call:
/// `[Errno 2] No such file or directory: 'x'`, with `-> 'y'` for a second filename.
pub fn os_error(
    vm: &mut Vm,
    errno: i32,
    filename: Option<&Value>,
    filename2: Option<&Value>,
) -> PyErr {
    let mut args = vec![Value::Int(errno as i64), vm.new_str(&strerror(errno))];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(Value::None);
            args.push(f2.clone());
        }
    }
    let os_error = vm.types.os_error.clone();
    let cls = Value::Obj(os_error);
    match vm.call(&cls, args) {
        Ok(Value::Obj(e)) => PyErr(e),
        Ok(_) => vm.system_error("OSError() returned a non-exception"),
        Err(e) => e,
    }
}

/// A rustix error as the OSError of `os_error`.
pub fn errno_error(vm: &mut Vm, e: rustix::io::Errno, filename: Option<&Value>) -> PyErr {
    os_error(vm, e.raw_os_error(), filename, None)
}

/// A std I/O error as the OSError of `os_error` (a non-OS error keeps its text).
pub fn io_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    match e.raw_os_error() {
        Some(n) => os_error(vm, n, filename, None),
        None => {
            let t = vm.types.os_error.clone();
            vm.new_error(&t, e.to_string())
        }
    }
}

/// The filename of an error about this path: the object given, or None for an fd
/// argument's failures other than its own (CPython reports the fd itself for `stat(fd)`).
pub fn err_name(p: &PathArg) -> Option<&Value> {
    match p.object {
        Value::None => None,
        ref o => Some(o),
    }
}
