//! Unit tests: compiling small modules, the SyntaxWarning text (the opcode numbers come from
//! `pyrs_bytecode::opnum`, checked against the table there).
//! The CPython comparisons (cross-execution, dis parity, compile errors) are the scripts
//! under `scripts/`.

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

#[test]
fn syntax_warnings_in_cpython_order() {
    let src = "while x is not 3: break\nassert (x, 1)\nf = lambda: 5() + None[0]\n";
    let (_, ws) = crate::check_script_warnings(src.as_bytes(), "t.py").unwrap();
    let text = crate::render_warnings(&ws, src.as_bytes(), "t.py");
    assert_eq!(
        text,
        "t.py:1: SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?\n  \
         while x is not 3: break\n\
         t.py:1: SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?\n  \
         while x is not 3: break\n\
         t.py:2: SyntaxWarning: assertion is always true, perhaps remove parentheses?\n  \
         assert (x, 1)\n\
         t.py:3: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?\n  \
         f = lambda: 5() + None[0]\n\
         t.py:3: SyntaxWarning: 'NoneType' object is not subscriptable; perhaps you missed \
         a comma?\n  f = lambda: 5() + None[0]\n"
    );
}
