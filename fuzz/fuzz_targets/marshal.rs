//! Fuzz target: the marshal reader and .pyc loading on any bytes, then the disassembler and
//! the writer on whatever loads. Must never panic, hang or allocate without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pyrs_marshal::loads(data);
    if let Ok((header, code)) = pyrs_marshal::pyc::read_pyc(data) {
        let _ = pyrs_marshal::pyc::write_pyc(&header, &code);
    }
    if let Ok(code) = pyrs_marshal::loads_code(data) {
        let _ = pyrs_marshal::dumps_code(&code);
        let _ = pyrs_bytecode::dis::dis(&code);
    }
});
