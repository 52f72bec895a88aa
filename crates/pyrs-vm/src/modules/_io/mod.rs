//! The `_io` module: the I/O stack that `Lib/io.py` re-exports and builtin `open()` builds
//! (CPython: `Modules/_io/_iomodule.c`). One file per type family: `iobase.rs` (the
//! abstract `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`), `fileio.rs`
//! (`FileIO`), `bufferedio.rs` (`BufferedReader`/`Writer`/`Random`/`RWPair`), `bytesio.rs`,
//! `stringio.rs`, `textio.rs` (`TextIOWrapper`, `IncrementalNewlineDecoder`) and `open.rs`
//! (`open`, `open_code`, `text_encoding`).
//!
//! The types are made once per interpreter ([`types`]) because builtin `open()` needs
//! them before anything imports `_io`; `import _io` puts the same objects in the module,
//! and `_io.open` is the builtins' `open` object (`io.open is open`, as in CPython).
//! Instances keep their Rust state in `Payload::Native`; each type's methods check the
//! state's kind, so a class statement can subclass any of them (Lib/io.py's `IOBase`
//! subclasses `_IOBase`) and override any method. Like CPython's `iobase_finalize`,
//! `_IOBase.__del__` closes an object when its last reference goes (every `_io` type is
//! marked as having a finalizer), so a file is flushed and closed deterministically.

pub mod bufferedio;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod newlines;
pub mod open;
pub mod stringio;
pub mod textio;

pub use crate::modules::native_type::state as native;
use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The `_io` types of an interpreter, made by the first `open()` or `import _io`.
pub struct IoTypes {
    pub iobase: PyRef,
    pub raw_iobase: PyRef,
    pub buffered_iobase: PyRef,
    pub text_iobase: PyRef,
    pub fileio: PyRef,
    pub bytesio: PyRef,
    /// `_io._BytesIOBuffer`, the exporter of `BytesIO.getbuffer()`'s views.
    pub bytesio_buffer: PyRef,
    pub stringio: PyRef,
    pub buffered_reader: PyRef,
    pub buffered_writer: PyRef,
    pub buffered_random: PyRef,
    pub buffered_rwpair: PyRef,
    pub newline_decoder: PyRef,
    pub text_io_wrapper: PyRef,
    /// `io.UnsupportedOperation(OSError, ValueError)`: a heap type (io.py sets its
    /// `__module__`), made as `PyErr_NewException` makes it.
    pub unsupported_operation: PyRef,
    /// Interned names with their hashes, for the lookups `print()` makes on every
    /// call (`sys.stdout`, an instance attribute shadowing `write`).
    pub name_write: (PyRef, i64),
    pub name_stdout: (PyRef, i64),
}

impl IoTypes {
    /// Whether `obj`'s instance `__dict__` holds `write` (which would shadow the
    /// type's method, as it does for CPython's `PyObject_CallMethod`).
    pub fn write_shadowed(&self, obj: &Value) -> bool {
        dict_has(obj, &self.name_write)
    }
}

/// Whether `obj`'s instance `__dict__` holds the interned `name`.
pub fn dict_has(obj: &Value, name: &(PyRef, i64)) -> bool {
    let Some(d) = obj.as_obj().and_then(|o| o.dict.get()) else {
        return false;
    };
    crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&name.0), name.1).is_some()
}

fn interned(vm: &mut Vm, name: &str) -> (PyRef, i64) {
    let n = vm.intern(name);
    let h = crate::object::attr::hash_of(vm, &n);
    (n, h)
}

/// The interpreter's `_io` types (made on first use).
pub fn types(vm: &mut Vm) -> Rc<IoTypes> {
    if let Some(t) = &vm.interp.io_types {
        return t.clone();
    }
    let unsupported_operation = iobase::make_unsupported_operation(vm);
    let (iobase, raw_iobase, buffered_iobase, text_iobase) = iobase::make_types(vm);
    let fileio = fileio::make_type(vm, &raw_iobase);
    let bytesio = bytesio::make_type(vm, &buffered_iobase);
    let bytesio_buffer = bytesio::make_buffer_type(vm);
    let stringio = stringio::make_type(vm, &text_iobase);
    let newline_decoder = newlines::make_type(vm);
    let text_io_wrapper = textio::make_types(vm, &text_iobase);
    let (buffered_reader, buffered_writer, buffered_random, buffered_rwpair) =
        bufferedio::make_types(vm, &buffered_iobase);
    let t = Rc::new(IoTypes {
        iobase,
        raw_iobase,
        buffered_iobase,
        text_iobase,
        fileio,
        bytesio,
        bytesio_buffer,
        stringio,
        buffered_reader,
        buffered_writer,
        buffered_random,
        buffered_rwpair,
        newline_decoder,
        text_io_wrapper,
        unsupported_operation,
        name_write: interned(vm, "write"),
        name_stdout: interned(vm, "stdout"),
    });
    // `iobase_finalize`: instances of every type here are closed by `_IOBase.__del__`.
    for ty in [
        &t.iobase,
        &t.raw_iobase,
        &t.buffered_iobase,
        &t.text_iobase,
        &t.fileio,
        &t.bytesio,
        &t.stringio,
        &t.buffered_reader,
        &t.buffered_writer,
        &t.buffered_random,
        &t.buffered_rwpair,
        &t.text_io_wrapper,
    ] {
        crate::object::typeobj::tdata(ty).has_finalizer.set(true);
    }
    vm.interp.io_types = Some(t.clone());
    t
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(
        vm,
        "_io",
        "The io module provides the Python interfaces to stream handling. The\n\
         builtin open function is defined in this module.\n",
    );
    let t = types(vm);
    let set = |vm: &mut Vm, name: &str, v: Value| crate::import::dict_set(vm, &d, name, v);
    for (name, ty) in [
        ("_IOBase", &t.iobase),
        ("_RawIOBase", &t.raw_iobase),
        ("_BufferedIOBase", &t.buffered_iobase),
        ("_TextIOBase", &t.text_iobase),
        ("FileIO", &t.fileio),
        ("BytesIO", &t.bytesio),
        ("StringIO", &t.stringio),
        ("IncrementalNewlineDecoder", &t.newline_decoder),
        ("TextIOWrapper", &t.text_io_wrapper),
        ("BufferedReader", &t.buffered_reader),
        ("BufferedWriter", &t.buffered_writer),
        ("BufferedRandom", &t.buffered_random),
        ("BufferedRWPair", &t.buffered_rwpair),
    ] {
        set(vm, name, Value::Obj(ty.clone()));
    }
    set(
        vm,
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE as i64),
    );
    set(
        vm,
        "UnsupportedOperation",
        Value::Obj(t.unsupported_operation.clone()),
    );
    if let Some(bio) = iobase::builtin_value(vm, "BlockingIOError") {
        set(vm, "BlockingIOError", bio);
    }
    // `_io.open` is builtins.open itself.
    match iobase::builtin_value(vm, "open") {
        Some(o) => set(vm, "open", o),
        None => {
            let f = crate::types::function::new_builtin(vm, "open", open::open);
            set(vm, "open", f)
        }
    }
    super::add_functions(
        vm,
        &d,
        &[
            ("open_code", open::open_code),
            ("text_encoding", open::text_encoding),
        ],
    );
    Ok(m)
}

#[cfg(test)]
mod tests;
