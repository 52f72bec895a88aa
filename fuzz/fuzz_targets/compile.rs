//! Fuzz target: any bytes through the whole front end and the compiler (symbol table, code
//! generation, flow graph, assembly), the disassembler and the .pyc writer. Must never
//! panic, hang or overflow the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pyrs_compiler::check_script(data, "fuzz.py");
    let _ = pyrs_compiler::dis_file(data, "fuzz.py");
    // -OO: asserts and docstrings stripped, __debug__ folded.
    let _ = pyrs_compiler::dis_file_optimized(data, "fuzz.py", 2);
    let _ = pyrs_compiler::pyc_file(data, "fuzz.py", 0);
});
