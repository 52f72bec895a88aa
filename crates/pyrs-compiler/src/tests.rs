//! Unit tests: the opcode numbers against pyrs-bytecode's table. The CPython comparisons
//! (cross-execution, dis parity, compile errors) are the scripts under `scripts/`.

#[test]
fn opcode_numbers_match_the_bytecode_table() {
    for (name, num) in crate::ops::REAL {
        assert_eq!(
            pyrs_bytecode::opcode::by_name(name),
            Some(*num as u8),
            "{name}"
        );
    }
}

#[test]
fn compiles_a_small_module() {
    let m =
        pyrs_parser::parse_module("def f(a, *b, c=1):\n    return [x for x in b if x]\n").unwrap();
    let code = crate::compile_module(&m, "<t>", 0).unwrap();
    assert!(!code.code.is_empty());
}

#[test]
fn deep_nesting_is_a_recursion_error() {
    let src = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
    let m = pyrs_parser::parse_module(&src).unwrap();
    assert!(crate::compile_module(&m, "<t>", 0).is_ok());
}
