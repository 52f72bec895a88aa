//! Fuzz target: loading a .pyc as the import system does (CPython's `_classify_pyc`,
//! `_validate_timestamp_pyc`, `_validate_hash_pyc`, `SourcelessFileLoader.get_code`,
//! `_fix_co_filename`), up to the VM's code object. Any bytes must give a code object or
//! a Python exception: never a panic, a hang or unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyrs_vm::import::{cache, loader, CheckHashPycs};
use std::cell::RefCell;

thread_local! {
    // One interpreter for many inputs (creating one per input would dominate the time),
    // replaced every 2,000 inputs so that what it interns does not grow without bound.
    // ManuallyDrop: the last one is never dropped at thread exit, when the VM's own
    // thread-locals may already be gone.
    static VM: std::mem::ManuallyDrop<RefCell<(pyrs_vm::Vm, u32)>> =
        std::mem::ManuallyDrop::new(RefCell::new((pyrs_vm::Vm::new(), 0)));
}

fuzz_target!(|data: &[u8]| {
    // The cache check against a source that does not exist (checked hash pycs read it)
    // and against the header's own mtime/size, under each --check-hash-based-pycs mode.
    let source = std::path::Path::new("/nonexistent/pyrs-fuzz/mod.py");
    let (mtime, size) = match data.get(8..16) {
        Some(h) => (
            u32::from_le_bytes([h[0], h[1], h[2], h[3]]),
            u32::from_le_bytes([h[4], h[5], h[6], h[7]]),
        ),
        None => (0, 0),
    };
    for check in [CheckHashPycs::Default, CheckHashPycs::Always, CheckHashPycs::Never] {
        let _ = cache::validate(data, mtime, size, source, check);
    }
    VM.with(|cell| {
        let mut state = cell.borrow_mut();
        state.1 += 1;
        if state.1 >= 2000 {
            *state = (pyrs_vm::Vm::new(), 0);
        }
        let _ = loader::pyc_to_code_object(&mut state.0, "mod", "/fuzz/mod.pyc", data);
    });
});
