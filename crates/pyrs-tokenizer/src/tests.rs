//! Unit tests of the tokenizer. Expected values come from CPython 3.11 runs: the error
//! table `testdata/errors.txt` is written by `tools/gen_error_cases.py`, the token lists
//! below were printed by `python3 -m tokenize -e` / `compile()`.

use crate::{decode_source, dump_tokens, tokenize, LineIndex, SyntaxError, TokenKind};

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// The first error of decoding then tokenizing `bytes`, formatted as the table does.
fn outcome(bytes: &[u8]) -> String {
    let fmt = |e: &SyntaxError| {
        format!(
            "{}|{}|{}|{}|{}|{}",
            e.class.name(),
            e.msg,
            e.lineno,
            e.offset_i64(),
            e.end_lineno,
            e.end_offset_i64()
        )
    };
    match decode_source(bytes) {
        Err(e) => fmt(&e),
        Ok(d) => match tokenize(&d.text).error {
            Some(e) => fmt(&e),
            None => "OK".into(),
        },
    }
}

#[test]
fn errors_match_cpython() {
    let table = include_str!("../testdata/errors.txt");
    let mut bad = Vec::new();
    for line in table.lines() {
        let (hex, expected) = line.split_once('\t').unwrap();
        let src = unhex(hex);
        let got = outcome(&src);
        if got != expected {
            bad.push(format!(
                "{:?}\n   expected {}\n   got      {}",
                String::from_utf8_lossy(&src),
                expected,
                got
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
    let t = tokenize(src);
    assert!(t.error.is_none(), "{:?}", t.error);
    t.tokens.iter().map(|k| (k.kind, k.text(src))).collect()
}

#[test]
fn simple_statement() {
    use TokenKind::*;
    assert_eq!(
        kinds("x = 1  # hi\n"),
        vec![
            (Name, "x"),
            (Equal, "="),
            (Number, "1"),
            (Comment, "# hi"),
            (Newline, "\n"),
            (EndMarker, "")
        ]
    );
}

#[test]
fn indent_dedent_and_blank_lines() {
    use TokenKind::*;
    let src = "if x:\n\n    # c\n    y\nz\n";
    assert_eq!(
        kinds(src),
        vec![
            (Name, "if"),
            (Name, "x"),
            (Colon, ":"),
            (Newline, "\n"),
            (Nl, "\n"),
            (Comment, "# c"),
            (Nl, "\n"),
            (Indent, "    "),
            (Name, "y"),
            (Newline, "\n"),
            (Dedent, ""),
            (Name, "z"),
            (Newline, "\n"),
            (EndMarker, "")
        ]
    );
}

#[test]
fn implicit_newline_and_final_dedents() {
    use TokenKind::*;
    let src = "if x:\n  y";
    let k = kinds(src);
    assert_eq!(
        &k[k.len() - 3..],
        &[(Newline, ""), (Dedent, ""), (EndMarker, "")]
    );
}

#[test]
fn brackets_make_nl_and_continuation_joins() {
    use TokenKind::*;
    assert_eq!(
        kinds("(a,\n b) + \\\n c\n"),
        vec![
            (Lpar, "("),
            (Name, "a"),
            (Comma, ","),
            (Nl, "\n"),
            (Name, "b"),
            (Rpar, ")"),
            (Plus, "+"),
            (Name, "c"),
            (Newline, "\n"),
            (EndMarker, "")
        ]
    );
}

#[test]
fn operators_numbers_strings() {
    let src =
        "a := b -> c ... @= != **= //= >>= <<= 0x_f 1_0.5e-3j .5 1if 0o7 rb'x' F\"\"\"y\n\"\"\"\n";
    let got: Vec<_> = kinds(src)
        .into_iter()
        .map(|(k, t)| format!("{}:{}", k.name(), t))
        .collect();
    let want = [
        "NAME:a",
        "COLONEQUAL::=",
        "NAME:b",
        "RARROW:->",
        "NAME:c",
        "ELLIPSIS:...",
        "ATEQUAL:@=",
        "NOTEQUAL:!=",
        "DOUBLESTAREQUAL:**=",
        "DOUBLESLASHEQUAL://=",
        "RIGHTSHIFTEQUAL:>>=",
        "LEFTSHIFTEQUAL:<<=",
        "NUMBER:0x_f",
        "NUMBER:1_0.5e-3j",
        "NUMBER:.5",
        "NUMBER:1",
        "NAME:if",
        "NUMBER:0o7",
        "STRING:rb'x'",
        "STRING:F\"\"\"y\n\"\"\"",
        "NEWLINE:\n",
        "ENDMARKER:",
    ];
    assert_eq!(got, want);
}

#[test]
fn crlf_and_cr_line_endings() {
    use TokenKind::*;
    assert_eq!(
        kinds("a\r\nb\rc"),
        vec![
            (Name, "a"),
            (Newline, "\r\n"),
            (Name, "b"),
            (Newline, "\r"),
            (Name, "c"),
            (Newline, ""),
            (EndMarker, "")
        ]
    );
}

#[test]
fn unicode_identifiers() {
    assert_eq!(kinds("café = 1\n")[0], (TokenKind::Name, "café"));
}

#[test]
fn unknown_character_is_errortoken_for_the_parser() {
    // CPython returns `$` as an OP token and the parser reports "invalid syntax" there.
    let t = tokenize("x = $\n");
    assert!(t.error.is_none());
    assert_eq!(t.tokens[2].kind, TokenKind::ErrorToken);
}

#[test]
fn error_stops_tokens_and_error_at_is_len() {
    let t = tokenize("x = (\ny = 1abc\n");
    let e = t.error.unwrap();
    assert_eq!(e.msg, "invalid decimal literal");
    assert_eq!(t.error_at, t.tokens.len());
    assert_eq!(t.tokens.last().unwrap().kind, TokenKind::Equal);
}

#[test]
fn null_byte() {
    let t = tokenize("x = 1\na\0b\n");
    let e = t.error.unwrap();
    assert_eq!(e.msg, "source code cannot contain null bytes");
    assert_eq!(e.lineno, 2);
    assert_eq!(t.tokens.len(), 4); // x = 1 NEWLINE
}

#[test]
fn decode_source_variants() {
    let d = decode_source(b"\xef\xbb\xbfx = 1\n").unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str()),
        ("x = 1\n", "utf-8-sig")
    );
    let d = decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap();
    assert_eq!(d.encoding, "iso-8859-1");
    assert!(d.text.contains('é'));
    let d = decode_source(b"#!/usr/bin/env python\n# vim: set fileencoding=koi8-r :\ns = '\xc1'\n")
        .unwrap();
    assert_eq!(d.encoding, "koi8-r");
    assert!(d.text.contains('а'));
    let e = decode_source(b"\xff\n").unwrap_err();
    assert_eq!(
        e.msg,
        "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
    );
}

#[test]
fn line_index_positions() {
    let src = "ab\r\nçd\rx";
    let li = LineIndex::new(src);
    assert_eq!(li.line_count(), 3);
    assert_eq!(li.line_col(5), (2, 1));
    assert_eq!(li.line_char_col(src, 6), (2, 1));
    assert_eq!(li.line_col(8), (3, 0));
}

#[test]
fn dump_matches_tokenize_py_quirks() {
    // Expected text printed by `python3 -m tokenize -e` for these bytes.
    let d = dump_tokens(b"1abc $\n", "f.py");
    let want = "0,0-0,0:            ENCODING       'utf-8'        \n\
                1,0-1,1:            NUMBER         '1'            \n\
                1,1-1,4:            NAME           'abc'          \n\
                1,4-1,5:            ERRORTOKEN     ' '            \n\
                1,5-1,6:            ERRORTOKEN     '$'            \n\
                1,6-1,7:            NEWLINE        '\\n'           \n\
                2,0-2,0:            ENDMARKER      ''             \n";
    assert_eq!(d.stdout, want);
    let d = dump_tokens(b"if x:\n  a\n b\n", "f.py");
    assert_eq!(d.stdout, "");
    assert_eq!(
        d.stderr,
        "f.py:3:1: error: unindent does not match any outer indentation level\n"
    );
    assert_eq!(d.exit_code, 1);
}

// ---- no panic, no hang, on hostile input ----

#[test]
fn many_open_parens() {
    let src = "(".repeat(100_000);
    let t = tokenize(&src);
    assert_eq!(t.error.unwrap().msg, "too many nested parentheses");
    let d = dump_tokens(src.as_bytes(), "f.py");
    assert_eq!(d.exit_code, 1);
}

#[test]
fn deep_indentation() {
    let mut src = String::new();
    for i in 0..100 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(100));
    src.push_str("pass\n");
    let e = tokenize(&src).error.unwrap();
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.lineno, 101); // CPython: the 100th indentation level fails
    assert_eq!(dump_tokens(src.as_bytes(), "f.py").exit_code, 0);
}

#[test]
fn odd_inputs_do_not_panic() {
    let inputs: [&[u8]; 14] = [
        b"",
        b"\\",
        b"x\\",
        b"\0",
        b"\xff\xfe",
        b"'",
        b"'''",
        b"\"\\",
        b"0x",
        b"\r",
        b"\x0c",
        b"\xef\xbb\xbf",
        b"# coding: latin-1\n\xff\x00",
        b"\t \t\x0c\\\n\\\n",
    ];
    for src in inputs {
        let _ = dump_tokens(src, "f.py");
        if let Ok(d) = decode_source(src) {
            let _ = tokenize(&d.text);
        }
    }
    // Every prefix of a tricky source, and every single byte.
    let tricky =
        "if a:\n\tb = f'{x!r}' + 0x_1f + 1_0.5e-3j\n  \\\n  c = '''\n€'''; d(é[1:2]) # ok\r\n";
    for i in 0..=tricky.len() {
        if tricky.is_char_boundary(i) {
            let _ = tokenize(&tricky[..i]);
            let _ = dump_tokens(tricky[..i].as_bytes(), "f.py");
        }
    }
    for b in 0..=255u8 {
        let _ = dump_tokens(&[b, b'\n'], "f.py");
        if let Ok(d) = decode_source(&[b]) {
            let _ = tokenize(&d.text);
        }
    }
}

#[test]
fn fifty_megabytes() {
    let unit = "def f(a, b=1.5e3):\n    return [a, b, 'x\\n', \"\"\"doc\"\"\"]  # c\n";
    let src = unit.repeat(50_000_000 / unit.len() + 1);
    let t = tokenize(&src);
    assert!(t.error.is_none());
    assert!(t.tokens.len() > 10_000_000);
}

// ---- comparison with the real tokenize.py on a sample of Lib ----

#[test]
fn sample_of_lib_matches_tokenize_py() {
    let Ok(out) = std::process::Command::new("python3")
        .args(["-c", "import sysconfig;print(sysconfig.get_path('stdlib'))"])
        .output()
    else {
        eprintln!("python3 missing: skipped");
        return;
    };
    let lib = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let names = [
        "os.py",
        "tokenize.py",
        "ast.py",
        "typing.py",
        "dataclasses.py",
        "functools.py",
        "re/_parser.py",
        "json/decoder.py",
        "email/_header_value_parser.py",
        "test/test_grammar.py",
        "test/test_fstring.py",
        "test/test_unicode_identifiers.py",
        "test/test_tokenize.py",
        "test/tokenizedata/bad_coding.py",
        "test/tokenizedata/bad_coding2.py",
        "test/tokenizedata/badsyntax_pep3120.py",
        "test/test_source_encoding.py",
        "test/tokenizedata/coding20731.py",
        "encodings/cp1252.py",
        "lib2to3/tests/data/crlf.py",
        "lib2to3/tests/data/different_encoding.py",
        "test/test_string_literals.py",
        "pydoc_data/topics.py",
        "test/badsyntax_3131.py",
        "collections/__init__.py",
        "inspect.py",
        "test/test_syntax.py",
        "test/test_exceptions.py",
        "unittest/case.py",
        "argparse.py",
    ];
    let mut bad = Vec::new();
    for n in names {
        let path = format!("{}/{}", lib, n);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(py) = std::process::Command::new("python3")
            .args(["-m", "tokenize", "-e", &path])
            .output()
        else {
            return;
        };
        let ours = dump_tokens(&bytes, &path);
        let theirs = (
            String::from_utf8_lossy(&py.stdout).into_owned(),
            String::from_utf8_lossy(&py.stderr).into_owned(),
            py.status.code().unwrap_or(-1),
        );
        if (ours.stdout, ours.stderr, ours.exit_code) != theirs {
            bad.push(n);
        }
    }
    assert!(bad.is_empty(), "differs from tokenize.py: {:?}", bad);
}

#[test]
fn async_await_are_their_own_kinds() {
    // _tokenize.TokenizerIter("async def f(): await x") gives ASYNC (56) and AWAIT (55).
    let k = kinds("async def f(): await x\n");
    assert_eq!(k[0], (TokenKind::Async, "async"));
    assert_eq!(k[6], (TokenKind::Await, "await"));
}
