//! Parser unit tests; the AST oracle over CPython's Lib is `scripts/compare_ast.py`.

use crate::parse_module;
use pyrs_ast::dump_mod;

#[test]
fn simple_assignment() {
    // python3 -c "import ast; print(ast.dump(ast.parse('x = 1\n')))"
    let m = parse_module("x = 1\n").unwrap();
    assert_eq!(
        dump_mod(&m, false),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"
    );
}
