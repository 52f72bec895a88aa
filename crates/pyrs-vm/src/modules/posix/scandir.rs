//! `os.scandir` and `os.DirEntry` (CPython: `Modules/posixmodule.c`'s `ScandirIterator`
//! and `DirEntry`).
//!
//! The iterator reads the directory as it is iterated (a `rustix::fs::Dir` over its own
//! descriptor, closed by `close()`, `__exit__` or exhaustion). An entry keeps what the
//! directory gave (name, `d_type`, inode) and caches its `stat` and `lstat` results, so
//! `is_dir()`/`is_file()`/`is_symlink()` need no system call unless the type is unknown
//! or a symbolic link must be followed, as in CPython.

use super::args;
use super::path::{errno_error, path_arg, Accept, PathKind};
use crate::modules::native_type::{self, NativeData, Spec};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use rustix::fs::FileType;
use std::cell::RefCell;
use std::ffi::CString;

/// An open `scandir()`: the directory being read (None once closed) and how entries'
/// paths are made.
pub struct ScandirIterator {
    dir: RefCell<Option<rustix::fs::Dir>>,
    /// The directory as given (`./` prefix for `scandir()`), None for an fd.
    prefix: Option<Vec<u8>>,
    bytes: bool,
    /// The fd given to `scandir(fd)`: entries stat relative to it.
    dir_fd: Option<i32>,
}

impl NativeData for ScandirIterator {
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

pub struct DirEntry {
    name: Value,
    path: Value,
    /// The encoded path for system calls (the name alone under `dir_fd`).
    c_path: CString,
    dir_fd: Option<i32>,
    d_type: FileType,
    ino: u64,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

impl NativeData for DirEntry {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.path);
        if let Some(v) = &*self.stat.borrow() {
            visit(v)
        }
        if let Some(v) = &*self.lstat.borrow() {
            visit(v)
        }
    }
}

/// The two types, made once per interpreter by `posix`'s init.
pub fn make_types(vm: &mut Vm) -> (PyRef, PyRef) {
    let entry_methods: &[(&'static str, NativeFn)] = &[
        ("is_dir", entry_is_dir),
        ("is_file", entry_is_file),
        ("is_symlink", entry_is_symlink),
        ("stat", entry_stat),
        ("inode", entry_inode),
        ("__fspath__", entry_fspath),
        ("__repr__", entry_repr),
    ];
    let mut spec = Spec::new("DirEntry", "posix");
    spec.methods = entry_methods;
    spec.subclassable = false;
    let entry = native_type::new_type(vm, &spec);
    for (name, f) in [("name", entry_name as NativeFn), ("path", entry_path)] {
        native_type::add_property(vm, &entry, name, f, None, None);
    }
    let ga = crate::types::function::new_builtin(vm, "__class_getitem__", class_getitem);
    let cm_ty = vm.types.classmethod.clone();
    let cm = vm.alloc(&cm_ty, crate::object::Payload::ClassMethod(ga));
    native_type::set_attr(vm, &entry, "__class_getitem__", Value::Obj(cm));

    let it_methods: &[(&'static str, NativeFn)] = &[
        ("__iter__", it_iter),
        ("__next__", it_next),
        ("close", it_close),
        ("__enter__", it_iter),
        ("__exit__", it_exit),
    ];
    let mut spec = Spec::new("ScandirIterator", "posix");
    spec.methods = it_methods;
    spec.subclassable = false;
    let it = native_type::new_type(vm, &spec);
    (entry, it)
}

/// `DirEntry[int]`: a `types.GenericAlias` (`Py_GenericAlias`).
fn class_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    args::positional(vm, &a, "__class_getitem__", 2, 2)?;
    let origin = a.pos[0].clone();
    let item = a.pos[1].clone();
    let ga = vm.types.generic_alias.clone();
    vm.call(&Value::Obj(ga), vec![origin, item])
}

const SCANDIR: Accept = Accept {
    fd: true,
    none: true,
};

/// `scandir(path=None)`: an iterator of DirEntry objects.
pub fn scandir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [path] = args::parse(vm, a, "scandir", ["path"], 0, 1)?;
    let p = path_arg(vm, path.unwrap_or(Value::None), "scandir", "path", SCANDIR)?;
    let dir = match p.kind {
        PathKind::Fd(fd) => super::fds::with_fd(vm, fd, |d| rustix::fs::Dir::read_from(d))?,
        PathKind::Path { ref c, .. } => {
            let flags = rustix::fs::OFlags::RDONLY
                | rustix::fs::OFlags::DIRECTORY
                | rustix::fs::OFlags::CLOEXEC;
            rustix::fs::open(c.as_c_str(), flags, rustix::fs::Mode::empty())
                .and_then(rustix::fs::Dir::new)
        }
    };
    let dir = dir.map_err(|e| errno_error(vm, e, super::path::err_name(&p)))?;
    let state = ScandirIterator {
        dir: RefCell::new(Some(dir)),
        prefix: p.fd().is_none().then(|| p.bytes().to_vec()),
        bytes: p.is_bytes(),
        dir_fd: p.fd(),
    };
    let ty = super::types(vm).scandir_iterator.clone();
    Ok(native_type::alloc(vm, &ty, state))
}

fn it_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    native_type::this::<ScandirIterator>(vm, &a, "__iter__", "posix.ScandirIterator")?;
    Ok(a.pos[0].clone())
}

fn it_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = native_type::this::<ScandirIterator>(vm, &a, "close", "posix.ScandirIterator")?;
    it.dir.borrow_mut().take();
    Ok(Value::None)
}

fn it_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = native_type::this::<ScandirIterator>(vm, &a, "__exit__", "posix.ScandirIterator")?;
    it.dir.borrow_mut().take();
    Ok(Value::None)
}

/// The next entry other than `.` and `..`; the directory is closed at its end.
fn it_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = native_type::this::<ScandirIterator>(vm, &a, "__next__", "posix.ScandirIterator")?;
    loop {
        let next = match it.dir.borrow_mut().as_mut() {
            None => None,
            Some(d) => d.read(),
        };
        let entry = match next {
            None => {
                it.dir.borrow_mut().take();
                return Err(native_type::stop(vm));
            }
            Some(Err(e)) => {
                it.dir.borrow_mut().take();
                return Err(errno_error(vm, e, None));
            }
            Some(Ok(e)) => e,
        };
        let name = entry.file_name().to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        let full = match &it.prefix {
            Some(dir) => join(dir, name),
            None => name.to_vec(),
        };
        let name_v = super::path::fs_value(vm, name, it.bytes)?;
        let path_v = super::path::fs_value(vm, &full, it.bytes)?;
        let c_path = CString::new(full).unwrap_or_default();
        let state = DirEntry {
            name: name_v,
            path: path_v,
            c_path,
            dir_fd: it.dir_fd,
            d_type: entry.file_type(),
            ino: entry.ino(),
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
        };
        let ty = super::types(vm).dir_entry.clone();
        return Ok(native_type::alloc(vm, &ty, state));
    }
}

/// `os.path.join(dir, name)` as scandir makes entry paths (`join_path_filename`).
pub(crate) fn join(dir: &[u8], name: &[u8]) -> Vec<u8> {
    let mut out = dir.to_vec();
    if !out.is_empty() && !out.ends_with(b"/") {
        out.push(b'/');
    }
    out.extend_from_slice(name);
    out
}

fn entry<'a>(vm: &mut Vm, a: &'a Args, method: &str) -> PyResult<&'a DirEntry> {
    native_type::this::<DirEntry>(vm, a, method, "posix.DirEntry")
}

fn entry_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(entry(vm, &a, "name")?.name.clone())
}

fn entry_path(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(entry(vm, &a, "path")?.path.clone())
}

fn entry_fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(entry(vm, &a, "__fspath__")?.path.clone())
}

fn entry_inode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ino = entry(vm, &a, "inode")?.ino;
    Ok(super::stat::wide(vm, ino as i128))
}

fn entry_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = entry(vm, &a, "__repr__")?.name.clone();
    let r = vm.repr(&name)?;
    Ok(vm.new_str(&format!("<DirEntry {r}>")))
}

/// The entry's `stat` (`follow`) or `lstat` result, fetched once.
fn fetch_stat(vm: &mut Vm, e: &DirEntry, follow: bool) -> PyResult<Value> {
    let cache = if follow { &e.stat } else { &e.lstat };
    if let Some(v) = &*cache.borrow() {
        return Ok(v.clone());
    }
    let flags = if follow {
        rustix::fs::AtFlags::empty()
    } else {
        rustix::fs::AtFlags::SYMLINK_NOFOLLOW
    };
    let c = e.c_path.clone();
    let r = super::fds::at(vm, e.dir_fd, |d| rustix::fs::statat(d, c.as_c_str(), flags))?;
    let st = r.map_err(|err| errno_error(vm, err, Some(&e.path)))?;
    let v = super::stat::stat_result(vm, &st);
    *cache.borrow_mut() = Some(v.clone());
    Ok(v)
}

fn is_symlink(vm: &mut Vm, e: &DirEntry) -> PyResult<bool> {
    if e.d_type != FileType::Unknown {
        return Ok(e.d_type == FileType::Symlink);
    }
    let st = fetch_stat(vm, e, false)?;
    Ok(mode_of(vm, &st)? & 0o170000 == 0o120000)
}

fn mode_of(vm: &mut Vm, st: &Value) -> PyResult<u32> {
    match st.payload() {
        Some(crate::object::Payload::Tuple(t)) => match t.first() {
            Some(Value::Int(m)) => Ok(*m as u32),
            _ => Err(vm.system_error("stat_result without st_mode")),
        },
        _ => Err(vm.system_error("stat_result without st_mode")),
    }
}

/// `DirEntry_test_mode`: is the entry (or, following links, its target) of `kind`;
/// False when a followed link's target does not exist.
fn test_mode(vm: &mut Vm, e: &DirEntry, follow: bool, kind: u32) -> PyResult<bool> {
    let need_stat = e.d_type == FileType::Unknown || (follow && is_symlink(vm, e)?);
    if need_stat {
        return match fetch_stat(vm, e, follow) {
            Ok(st) => Ok(mode_of(vm, &st)? & 0o170000 == kind),
            Err(err) => {
                let fnf = vm
                    .types
                    .exception_names
                    .iter()
                    .find(|(n, _)| n == "FileNotFoundError")
                    .map(|(_, t)| t.clone());
                match fnf {
                    Some(t) if vm.err_matches(&err, &t) => Ok(false),
                    _ => Err(err),
                }
            }
        };
    }
    Ok(match kind {
        0o040000 => e.d_type == FileType::Directory,
        _ => e.d_type == FileType::RegularFile,
    })
}

/// `*, follow_symlinks=True` of `is_dir`, `is_file` and `stat`.
fn follow_arg(vm: &mut Vm, a: &mut Args, fname: &str) -> PyResult<bool> {
    let self_ = a.pos.remove(0);
    let rest = std::mem::take(a);
    let [f] = args::parse(vm, rest, fname, ["follow_symlinks"], 0, 0)?;
    a.pos.push(self_);
    args::flag(vm, f, true)
}

fn entry_is_dir(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    entry(vm, &a, "is_dir")?;
    let follow = follow_arg(vm, &mut a, "is_dir")?;
    let e = entry(vm, &a, "is_dir")?;
    Ok(Value::Bool(test_mode(vm, e, follow, 0o040000)?))
}

fn entry_is_file(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    entry(vm, &a, "is_file")?;
    let follow = follow_arg(vm, &mut a, "is_file")?;
    let e = entry(vm, &a, "is_file")?;
    Ok(Value::Bool(test_mode(vm, e, follow, 0o100000)?))
}

fn entry_is_symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let e = entry(vm, &a, "is_symlink")?;
    if a.pos.len() > 1 || !a.kw.is_empty() {
        return Err(vm.type_error(format!(
            "DirEntry.is_symlink() takes no arguments ({} given)",
            a.pos.len() - 1 + a.kw.len()
        )));
    }
    Ok(Value::Bool(is_symlink(vm, e)?))
}

/// `stat(*, follow_symlinks=True)`: a link's target's stat when following, else the
/// entry's own (`lstat`), each cached.
fn entry_stat(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    entry(vm, &a, "stat")?;
    let follow = follow_arg(vm, &mut a, "stat")?;
    let e = entry(vm, &a, "stat")?;
    if follow && is_symlink(vm, e)? {
        fetch_stat(vm, e, true)
    } else {
        fetch_stat(vm, e, false)
    }
}
