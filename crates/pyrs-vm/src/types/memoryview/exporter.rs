//! What a memoryview views: the exporters of the buffer protocol and their export counts
//! (CPython: the `bf_getbuffer`/`bf_releasebuffer` slots of `bytes`, `bytearray` and
//! `_io._BytesIOBuffer`; `ob_exports` in `Objects/bytearrayobject.c`, `exports` in
//! `Modules/_io/bytesio.c`).
//!
//! Invariant: a writable exporter's [`ExportCount`] is the number of live, unreleased
//! memoryviews on it. Every view (a fresh one, a slice, a cast, `toreadonly()`,
//! `memoryview(view)`) takes one export when made and gives it back exactly once: at
//! `release()` (or `__exit__`) or, for a view never released, when it is dropped
//! (`MemView`'s `Drop`). CPython counts one export per managed buffer shared by a view
//! and its derived views; the two counts are zero at the same moments, which is all
//! Python code can see. While the count is not zero the exporter refuses to change size
//! (`BufferError`), so a view's bounds stay valid; the views still re-check them.

use crate::modules::_io::bytesio::BytesIO;
use crate::object::{Payload, Value};
use crate::types::bytearray::PyByteArray;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// The number of buffers an object has exported and not yet had back.
#[derive(Default)]
pub struct ExportCount(Cell<usize>);

impl ExportCount {
    pub fn get(&self) -> usize {
        self.0.get()
    }

    fn acquire(&self) {
        self.0.set(self.0.get() + 1);
    }

    fn release(&self) {
        self.0.set(self.0.get().saturating_sub(1));
    }

    /// CPython's `_canresize` / BytesIO's `CHECK_EXPORTS`: BufferError while exported.
    pub fn check_resize(&self, vm: &mut Vm) -> PyResult<()> {
        if self.get() > 0 {
            let t = vm.types.buffer_error.clone();
            return Err(vm.new_error(&t, "Existing exports of data: object cannot be re-sized"));
        }
        Ok(())
    }
}

/// The memory behind a view's exporter object.
pub enum Source<'a> {
    /// `bytes`: immutable, nothing to count.
    Bytes(&'a [u8]),
    ByteArray(&'a PyByteArray),
    /// The BytesIO behind a `_io._BytesIOBuffer` (`BytesIO.getbuffer()`).
    BytesIO(&'a BytesIO),
}

/// The memory `obj` exports, if it is an exporter.
pub fn source(obj: &Value) -> Option<Source<'_>> {
    match obj.payload()? {
        Payload::Bytes(b) => Some(Source::Bytes(b)),
        Payload::ByteArray(b) => Some(Source::ByteArray(b)),
        Payload::Native(_) => crate::modules::_io::bytesio::exported(obj).map(Source::BytesIO),
        _ => None,
    }
}

impl Source<'_> {
    /// Runs `f` on the whole exported memory.
    pub fn read<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self {
            Source::Bytes(b) => f(b),
            Source::ByteArray(b) => f(&b.borrow()),
            Source::BytesIO(b) => f(&b.inner.borrow().buf),
        }
    }

    /// Runs `f` on the whole exported memory, writable; None for read-only memory.
    pub fn write<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        match self {
            Source::Bytes(_) => None,
            Source::ByteArray(b) => Some(f(&mut b.borrow_mut())),
            Source::BytesIO(b) => Some(f(&mut b.inner.borrow_mut().buf)),
        }
    }

    pub fn writable(&self) -> bool {
        !matches!(self, Source::Bytes(_))
    }

    fn exports(&self) -> Option<&ExportCount> {
        match self {
            Source::Bytes(_) => None,
            Source::ByteArray(b) => Some(&b.exports),
            Source::BytesIO(b) => Some(&b.exports),
        }
    }
}

/// Takes one export of `obj` (a new view on it).
pub fn acquire(obj: &Value) {
    if let Some(e) = source(obj).as_ref().and_then(Source::exports) {
        e.acquire();
    }
}

/// Gives back one export of `obj` (a view released or dropped).
pub fn release(obj: &Value) {
    if let Some(e) = source(obj).as_ref().and_then(Source::exports) {
        e.release();
    }
}
