//! Fuzz target: any bytes through decoding, the tokenizer (both modes), the parser, the
//! AST dump and the error report. Must never panic, hang or overflow the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pyrs_tokenizer::dump_tokens(data, "fuzz.py");
    let out = pyrs_parser::dump_ast(data, "fuzz.py");
    assert!(out.exit_code == 0 || out.exit_code == 1);
    let _ = pyrs_parser::check_script(data, "fuzz.py");
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = pyrs_parser::parse_module(text);
    }
});
