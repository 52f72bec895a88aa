//! Parser unit tests. The AST oracle over CPython's whole Lib is `scripts/compare_ast.py`
//! and the error oracle is `scripts/compare_syntax_errors.py`; these tests pin the cases
//! that must never regress, with expected values taken from CPython 3.11 runs (the command
//! that produced each is quoted).

use crate::{dump_ast, parse_module};
use pyrs_ast::dump_mod;

/// The last stderr line and the exit status of `pyrs -X dump=ast` on `src`.
fn outcome(src: &[u8]) -> (i32, String) {
    let out = dump_ast(src, "t.py");
    let last = out
        .stderr
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .to_string();
    (out.exit_code, last)
}

#[test]
fn simple_assignment() {
    // python3 -c "import ast; print(ast.dump(ast.parse('x = 1\n')))"
    let m = parse_module("x = 1\n").unwrap();
    assert_eq!(
        dump_mod(&m, false),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"
    );
}

#[test]
fn hundred_thousand_open_parens() {
    // ast.parse('(' * 100000) -> SyntaxError: too many nested parentheses (1, 201)
    assert_eq!(
        outcome("(".repeat(100_000).as_bytes()),
        (1, "SyntaxError: too many nested parentheses".into())
    );
}

#[test]
fn ten_thousand_nested_ifs() {
    // 10,000 nested `if x:` -> IndentationError: too many levels of indentation (line 101)
    let src: String = (0..10_000)
        .map(|i| format!("{}if x:\n", " ".repeat(i)))
        .collect::<String>()
        + "pass\n";
    assert_eq!(
        outcome(src.as_bytes()),
        (1, "IndentationError: too many levels of indentation".into())
    );
}

#[test]
fn nul_byte() {
    // ast.parse(b'x = 1\0\n') -> SyntaxError: source code string cannot contain null bytes
    assert_eq!(
        outcome(b"x = 1\0\n"),
        (
            1,
            "SyntaxError: source code string cannot contain null bytes".into()
        )
    );
}

#[test]
fn invalid_utf8() {
    // ast.parse(b'x = "\xff"\n') -> (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
    let (code, last) = outcome(b"x = \"\xff\"\n");
    assert_eq!(code, 1);
    assert!(
        last.starts_with("SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff"),
        "{last}"
    );
}

#[test]
fn lone_surrogate_escape() {
    // ast.dump(ast.parse('s = "\\ud800"\n')) keeps the lone surrogate: Constant(value='\ud800')
    let m = parse_module("s = \"\\ud800\"\n").unwrap();
    assert!(dump_mod(&m, false).contains("Constant(value='\\ud800')"));
}

#[test]
fn deep_prefix_chains_are_memory_errors() {
    // ast.parse('-' * 100000 + '1') and ast.parse('not ' * 10000 + 'x') -> MemoryError
    assert_eq!(
        outcome(("-".repeat(100_000) + "1\n").as_bytes()),
        (1, "MemoryError".into())
    );
    assert_eq!(
        outcome(("not ".repeat(10_000) + "x\n").as_bytes()),
        (1, "MemoryError".into())
    );
    assert_eq!(
        outcome(("2**".repeat(10_000) + "1\n").as_bytes()),
        (1, "MemoryError".into())
    );
    assert_eq!(
        outcome(("lambda: ".repeat(5_000) + "1\n").as_bytes()),
        (1, "MemoryError".into())
    );
}

#[test]
fn deep_left_chains_parse_without_overflow() {
    // ast.parse('a' + '.b' * 100000) and '1+1+...' parse, then ast.parse fails building
    // the objects: RecursionError: maximum recursion depth exceeded during ast construction
    let want = (
        1,
        "RecursionError: maximum recursion depth exceeded during ast construction".into(),
    );
    assert_eq!(
        outcome(("a".to_string() + &".b".repeat(100_000) + "\n").as_bytes()),
        want
    );
    assert_eq!(
        outcome((vec!["1"; 100_000].join("+") + "\n").as_bytes()),
        want
    );
    assert_eq!(
        outcome(("1 if x else ".repeat(5_000) + "1\n").as_bytes()),
        want
    );
}

#[test]
fn deep_nesting_on_a_small_stack() {
    // Stack growth keeps deep inputs safe on a thread with a small stack.
    let t = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            outcome(("a".to_string() + &".b".repeat(50_000) + "\n").as_bytes());
            outcome(("x = ".to_string() + &"[".repeat(199) + &"]".repeat(199) + "\n").as_bytes());
            outcome(("-".repeat(5_000) + "1\n").as_bytes())
        })
        .unwrap();
    assert_eq!(t.join().unwrap().0, 1);
}

#[test]
fn fifty_megabytes() {
    // A 50 MB file of simple statements parses.
    let src = "x = [1, 2, 3]  # pad\n".repeat(2_500_000);
    assert!(src.len() >= 50_000_000);
    let m = parse_module(&src).unwrap();
    match m {
        pyrs_ast::Mod::Module { body, .. } => assert_eq!(body.len(), 2_500_000),
        _ => unreachable!(),
    }
}
