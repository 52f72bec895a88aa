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

/// `(msg, lineno, offset, end_lineno, end_offset)` of a failed parse in `mode`.
fn mode_error(src: &str, mode: crate::Mode) -> (String, u32, i64, u32, i64) {
    match crate::parse_mode(src, mode) {
        Err(crate::ParseError::Syntax(e)) => (
            e.msg.clone(),
            e.lineno,
            e.offset_i64(),
            e.end_lineno,
            e.end_offset_i64(),
        ),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn eval_mode() {
    // python3 -c "import ast; print(ast.dump(ast.parse('1, x\n\n', mode='eval')))"
    let m = crate::parse_mode("1, x\n\n", crate::Mode::Eval).unwrap();
    assert_eq!(
        dump_mod(&m, false),
        "Expression(body=Tuple(elts=[Constant(value=1), Name(id='x', ctx=Load())], ctx=Load()))"
    );
    // compile(SRC, '<s>', 'eval') -> SyntaxError e.args[1][1:], e.args[1][4:]
    let cases: &[(&str, (&str, u32, i64, u32, i64))] = &[
        ("1 +", ("invalid syntax", 1, 0, 1, 0)),
        ("1 +\n", ("invalid syntax", 1, 4, 1, 4)),
        ("x=1", ("invalid syntax", 1, 2, 1, 3)),
        ("x=1\n", ("invalid syntax", 1, 2, 1, 3)),
        ("1 2", ("invalid syntax", 1, 3, 1, 4)),
        ("(1 +", ("'(' was never closed", 1, 1, 1, 0)),
        ("", ("invalid syntax", 0, 0, 0, 0)),
    ];
    for (src, (msg, l, o, el, eo)) in cases {
        assert_eq!(
            mode_error(src, crate::Mode::Eval),
            (msg.to_string(), *l, *o, *el, *eo),
            "{src:?}"
        );
    }
}

#[test]
fn single_mode() {
    // python3 -c "import ast; print(ast.dump(ast.parse('x = 1', mode='single')))"
    let m = crate::parse_mode("x = 1", crate::Mode::Single).unwrap();
    assert_eq!(
        dump_mod(&m, false),
        "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"
    );
    for src in ["if 1: pass\n", "if 1:\n  pass", "if 1: pass\n\n"] {
        assert!(
            crate::parse_mode(src, crate::Mode::Single).is_ok(),
            "{src:?}"
        );
    }
    // compile(SRC, '<s>', 'single') -> SyntaxError e.args
    let multiple = "multiple statements found while compiling a single statement";
    let cases: &[(&str, (&str, u32, i64, u32, i64))] = &[
        ("x=1\ny=2", (multiple, 1, 4, 1, 4)),
        ("x=1 \n\n  y=2", (multiple, 1, 5, 1, 5)),
        ("if 1: pass\nz=3\n", ("invalid syntax", 2, 1, 2, 2)),
        ("if 1: pass", ("invalid syntax", 1, 0, 1, 0)),
        ("1 +", ("invalid syntax", 1, 0, 1, 0)),
        ("", ("invalid syntax", 0, 0, 0, 0)),
    ];
    for (src, (msg, l, o, el, eo)) in cases {
        assert_eq!(
            mode_error(src, crate::Mode::Single),
            (msg.to_string(), *l, *o, *el, *eo),
            "{src:?}"
        );
    }
}
