//! The file loaders' `get_code`: CPython 3.11's `SourceLoader.get_code` (the bytecode
//! cache: use a valid .pyc, else compile and write one), `SourcelessFileLoader.get_code`,
//! `_compile_bytecode` (through `unmarshal.rs`) and `source_to_code`
//! (`Lib/importlib/_bootstrap_external.py`, `Python/import.c`), with `-v`'s messages.

use super::cache::{self, Reject};
use super::loader::{py_repr, verbose};
use super::sys_attr;
use super::unmarshal;
use crate::object::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use pyrs_bytecode::CodeObject;
use std::path::Path;

/// `SourceLoader.get_code`: the valid cached code, or compile (and write the cache).
pub fn get_code(vm: &mut Vm, name: &str, source: &Path) -> PyResult<PyRef> {
    let source_str = source.to_string_lossy().into_owned();
    let cache_path = cache::cache_path(vm, source);
    let stats = cache::source_stats(source);
    let mut hash_based: Option<bool> = None;
    let check = vm.interp.import.config.check_hash_based_pycs;
    if let (Some(cp), Some((mtime, size))) = (&cache_path, stats) {
        if let Ok(data) = std::fs::read(cp) {
            if data.len() >= 8 && data[..4] == pyrs_marshal::pyc::MAGIC {
                let flags = u32::from_le_bytes([data[4], data[5], data[6], data[7]]);
                if flags & 1 != 0 && flags & !3 == 0 {
                    hash_based = Some(flags & 2 != 0);
                }
            }
            match cache::validate(&data, mtime, size, source, check) {
                Ok(_) => {
                    let cps = cp.to_string_lossy().into_owned();
                    verbose(vm, 1, &format!("{cps} matches {source_str}"));
                    let code = unmarshal::load_pyc_body(vm, &data[16..], &source_str)?;
                    verbose(vm, 1, &format!("code object from {}", py_repr(&cps)));
                    return Ok(code);
                }
                Err(Reject::BadMagic) => {
                    let magic: Vec<u8> = data.iter().take(4).copied().collect();
                    let b = vm.new_bytes(magic);
                    let r = vm.repr(&b)?;
                    verbose(
                        vm,
                        1,
                        &format!("bad magic number in {}: {r}", py_repr(name)),
                    );
                }
                Err(Reject::Truncated) => verbose(
                    vm,
                    1,
                    &format!("reached EOF while reading pyc header of {}", py_repr(name)),
                ),
                Err(Reject::StaleMtime) => {
                    verbose(vm, 1, &format!("bytecode is stale for {}", py_repr(name)))
                }
                Err(_) => {}
            }
        }
    }
    let bytes = match std::fs::read(source) {
        Ok(b) => b,
        Err(e) => {
            return Err(vm.import_error(format!("source not available through get_data(): {e}")))
        }
    };
    let opt = vm.interp.import.config.optimize;
    let code = compile(vm, name, &bytes, &source_str, opt)?;
    verbose(vm, 1, &format!("code object from {source_str}"));
    let dont_write = match sys_attr(vm, "dont_write_bytecode") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if let (false, Some(cp), Some((mtime, size))) = (dont_write, &cache_path, stats) {
        let validation = match hash_based {
            Some(check_source) => pyrs_marshal::pyc::Validation::Hash {
                hash: pyrs_marshal::pyc::source_hash(&bytes),
                check_source,
            },
            None => pyrs_marshal::pyc::Validation::Timestamp {
                mtime,
                source_size: size,
            },
        };
        let header = pyrs_marshal::pyc::PycHeader { validation };
        let cps = cp.to_string_lossy().into_owned();
        match cache::write_cache(cp, source, &header, &code) {
            Ok(()) => verbose(vm, 1, &format!("created {}", py_repr(&cps))),
            Err((what, e)) => verbose(
                vm,
                1,
                &format!("could not create {}: {}", py_repr(&what), os_error_repr(&e)),
            ),
        }
    }
    Ok(crate::code::make_code(vm, &code))
}

/// `repr(OSError)` as `-v` prints it: `PermissionError(13, 'Permission denied')`.
pub(crate) fn os_error_repr(e: &std::io::Error) -> String {
    let errno = e.raw_os_error().unwrap_or(0);
    let name = match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        _ => "OSError",
    };
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    format!("{name}({errno}, {})", py_repr(&msg))
}

/// Compile through the interpreter's hook; a failure raises its exception.
pub fn compile(
    vm: &mut Vm,
    name: &str,
    bytes: &[u8],
    path: &str,
    opt: u32,
) -> PyResult<CodeObject> {
    if vm.interp.import.compile.is_none() {
        return Err(vm.import_error(format!(
            "cannot import '{name}': no compiler is available to this interpreter"
        )));
    }
    compile_mode(
        vm,
        bytes,
        path,
        opt,
        super::CompileMode::Exec { str_source: false },
    )
}

/// Compile through the interpreter's hook in `mode` (the `compile()` builtin); a failure
/// raises its exception, no hook raises NotImplementedError.
pub fn compile_mode(
    vm: &mut Vm,
    bytes: &[u8],
    path: &str,
    opt: u32,
    mode: super::CompileMode,
) -> PyResult<CodeObject> {
    let result = match &vm.interp.import.compile {
        Some(hook) => hook(bytes, path, opt, mode),
        None => {
            return Err(
                vm.not_implemented_error("compile(): no compiler is available to this interpreter")
            );
        }
    };
    match result {
        Ok(c) => Ok(c),
        Err(f) => {
            let ty = match crate::types::dict::dict_get_str(
                &vm.builtins.clone(),
                &crate::types::str::PyStr::from_str(&f.type_name),
                {
                    let n = vm.intern(&f.type_name);
                    crate::object::attr::hash_of(vm, &n)
                },
            ) {
                Some(Value::Obj(t)) if matches!(t.payload, crate::object::Payload::Type(_)) => t,
                _ => vm.types.import_error.clone(),
            };
            let msg = vm.new_str(&f.msg);
            let mut args = vec![msg];
            if let Some((file, line, off, txt, eline, eoff)) = f.details {
                let fv = vm.new_str(&file);
                let tv = match txt {
                    Some(t) => vm.new_str(&t),
                    None => Value::None,
                };
                args.push(vm.new_tuple(vec![
                    fv,
                    Value::Int(line),
                    Value::Int(off),
                    tv,
                    Value::Int(eline),
                    Value::Int(eoff),
                ]));
            }
            Err(PyErr(crate::types::exceptions::new_exception(
                vm, &ty, args,
            )))
        }
    }
}

/// `SourcelessFileLoader.get_code`: the .pyc must be valid (errors are ImportError).
pub fn sourceless_code(vm: &mut Vm, name: &str, path: &Path) -> PyResult<PyRef> {
    let data = std::fs::read(path).map_err(|e| vm.import_error(format!("{e}")))?;
    sourceless_code_from(vm, name, &path.to_string_lossy(), &data)
}

/// [`sourceless_code`] of a .pyc's bytes (`path` names it in messages and `co_filename`).
/// Any bytes give a code object or a Python exception, never a panic (the `pyc` fuzz
/// target checks this, with [`pyc_to_code_object`]).
pub fn sourceless_code_from(vm: &mut Vm, name: &str, path: &str, data: &[u8]) -> PyResult<PyRef> {
    if data.len() < 4 || data[..4] != pyrs_marshal::pyc::MAGIC {
        let magic: Vec<u8> = data.iter().take(4).copied().collect();
        let b = vm.new_bytes(magic);
        let r = vm.repr(&b)?;
        let msg = format!("bad magic number in {}: {r}", py_repr(name));
        verbose(vm, 1, &msg);
        return Err(vm.import_error(msg));
    }
    if data.len() < 16 {
        let msg = format!("reached EOF while reading pyc header of {}", py_repr(name));
        verbose(vm, 1, &msg);
        let t = vm.types.eof_error.clone();
        return Err(vm.new_error(&t, msg));
    }
    let flags = u32::from_le_bytes([data[4], data[5], data[6], data[7]]);
    if flags & !3 != 0 {
        return Err(vm.import_error(format!("invalid flags {flags} in {}", py_repr(name))));
    }
    let code = unmarshal::load_pyc_body(vm, &data[16..], path)?;
    verbose(vm, 1, &format!("code object from {}", py_repr(path)));
    Ok(code)
}

/// Loading a .pyc as the import system does, up to the VM's code object: the sourceless
/// checks, then unmarshalling straight into VM objects with `_fix_co_filename`.
pub fn pyc_to_code_object(vm: &mut Vm, name: &str, path: &str, data: &[u8]) -> PyResult<PyRef> {
    sourceless_code_from(vm, name, path, data)
}
