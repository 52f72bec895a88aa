//! Reprs checked against values printed by CPython 3.11 (expected strings were produced by
//! running `python3 -c 'print(repr(x))'` for each input).

use crate::repr::{bytes_repr, complex_repr, float_repr, str_repr};
use crate::StrValue;

#[test]
fn float_reprs() {
    // python3 -c "for x in [1e16,1e15,0.0001,0.00001,1.5e-5,0.1,1/3,-0.0,2.0,1e22,123456789012345678.0,5e-324,1.7976931348623157e308]: print(repr(x))"
    let cases: &[(f64, &str)] = &[
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.5e-5, "1.5e-05"),
        (0.1, "0.1"),
        (1.0 / 3.0, "0.3333333333333333"),
        (-0.0, "-0.0"),
        (2.0, "2.0"),
        (1e22, "1e+22"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (f64::INFINITY, "inf"),
        (f64::NAN, "nan"),
    ];
    for (x, want) in cases {
        assert_eq!(float_repr(*x), *want, "repr({x})");
    }
}

#[test]
fn complex_reprs() {
    // python3 -c "print(repr(1j), repr(2.5j), repr(1e20j), repr(complex(1,-0.0)), repr(complex(-0.0, 1)), repr(0j))"
    assert_eq!(complex_repr(0.0, 1.0), "1j");
    assert_eq!(complex_repr(0.0, 2.5), "2.5j");
    assert_eq!(complex_repr(0.0, 1e20), "1e+20j");
    assert_eq!(complex_repr(1.0, -0.0), "(1-0j)");
    assert_eq!(complex_repr(-0.0, 1.0), "(-0+1j)");
    assert_eq!(complex_repr(0.0, 0.0), "0j");
}

#[test]
fn str_reprs() {
    // python3 -c "for s in ['a', \"it's\", 'say \"hi\"', 'both \\' \"', '\\t\\n\\x00\\x7f', 'é€', '\\xa0', '\\u2028', '\\U0001f600', '\\ud800', '\\\\']: print(repr(s))"
    let mut lone = StrValue::default();
    lone.push_code_point(0xD800);
    assert_eq!(str_repr(&"a".into()), "'a'");
    assert_eq!(str_repr(&"it's".into()), "\"it's\"");
    assert_eq!(str_repr(&"say \"hi\"".into()), "'say \"hi\"'");
    assert_eq!(str_repr(&"both ' \"".into()), "'both \\' \"'");
    assert_eq!(str_repr(&"\t\n\x00\x7f".into()), "'\\t\\n\\x00\\x7f'");
    assert_eq!(str_repr(&"é€".into()), "'é€'");
    assert_eq!(str_repr(&"\u{a0}".into()), "'\\xa0'");
    assert_eq!(str_repr(&"\u{2028}".into()), "'\\u2028'");
    assert_eq!(str_repr(&"\u{1f600}".into()), "'\u{1f600}'");
    assert_eq!(str_repr(&lone), "'\\ud800'");
    assert_eq!(str_repr(&"\\".into()), "'\\\\'");
}

#[test]
fn bytes_reprs() {
    // python3 -c "print(repr(b'a\\'b'), repr(b'\\x00\\xff\\t'), repr(b'\"'), repr(b'\\'\"'))"
    assert_eq!(bytes_repr(b"a'b"), "b\"a'b\"");
    assert_eq!(bytes_repr(b"\x00\xff\t"), "b'\\x00\\xff\\t'");
    assert_eq!(bytes_repr(b"\""), "b'\"'");
    assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
}

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

#[test]
fn case_mappings() {
    // Expected values printed by python3 (generated mechanically from its output):
    // for each s: s.lower(), upper(), casefold(), swapcase(), capitalize(), title(),
    // islower(), isupper(), istitle().
    use crate::case::*;
    let s = cps("\u{3a3}\u{391}\u{3a3} \u{391}\u{3a3}. \u{3a3}");
    assert_eq!(
        lower(&s),
        cps("\u{3c3}\u{3b1}\u{3c2} \u{3b1}\u{3c2}. \u{3c3}"),
        "lower"
    );
    assert_eq!(
        upper(&s),
        cps("\u{3a3}\u{391}\u{3a3} \u{391}\u{3a3}. \u{3a3}"),
        "upper"
    );
    assert_eq!(
        casefold(&s),
        cps("\u{3c3}\u{3b1}\u{3c3} \u{3b1}\u{3c3}. \u{3c3}"),
        "casefold"
    );
    assert_eq!(
        swapcase(&s),
        cps("\u{3c3}\u{3b1}\u{3c2} \u{3b1}\u{3c2}. \u{3c3}"),
        "swapcase"
    );
    assert_eq!(
        capitalize(&s),
        cps("\u{3a3}\u{3b1}\u{3c2} \u{3b1}\u{3c2}. \u{3c3}"),
        "capitalize"
    );
    assert_eq!(
        title(&s),
        cps("\u{3a3}\u{3b1}\u{3c2} \u{391}\u{3c2}. \u{3a3}"),
        "title"
    );
    assert_eq!(islower(&s), false, "islower");
    assert_eq!(isupper(&s), true, "isupper");
    assert_eq!(istitle(&s), false, "istitle");
    let s = cps("\u{df} \u{fb01} \u{1c6}");
    assert_eq!(lower(&s), cps("\u{df} \u{fb01} \u{1c6}"), "lower");
    assert_eq!(upper(&s), cps("SS FI \u{1c4}"), "upper");
    assert_eq!(casefold(&s), cps("ss fi \u{1c6}"), "casefold");
    assert_eq!(swapcase(&s), cps("SS FI \u{1c4}"), "swapcase");
    assert_eq!(capitalize(&s), cps("Ss \u{fb01} \u{1c6}"), "capitalize");
    assert_eq!(title(&s), cps("Ss Fi \u{1c5}"), "title");
    assert_eq!(islower(&s), true, "islower");
    assert_eq!(isupper(&s), false, "isupper");
    assert_eq!(istitle(&s), false, "istitle");
    let s = cps("\u{130}x");
    assert_eq!(lower(&s), cps("i\u{307}x"), "lower");
    assert_eq!(upper(&s), cps("\u{130}X"), "upper");
    assert_eq!(casefold(&s), cps("i\u{307}x"), "casefold");
    assert_eq!(swapcase(&s), cps("i\u{307}X"), "swapcase");
    assert_eq!(capitalize(&s), cps("\u{130}x"), "capitalize");
    assert_eq!(title(&s), cps("\u{130}x"), "title");
    assert_eq!(islower(&s), false, "islower");
    assert_eq!(isupper(&s), false, "isupper");
    assert_eq!(istitle(&s), true, "istitle");
    let s = cps("\u{1c5}ungla \u{1c8}");
    assert_eq!(lower(&s), cps("\u{1c6}ungla \u{1c9}"), "lower");
    assert_eq!(upper(&s), cps("\u{1c4}UNGLA \u{1c7}"), "upper");
    assert_eq!(casefold(&s), cps("\u{1c6}ungla \u{1c9}"), "casefold");
    assert_eq!(swapcase(&s), cps("\u{1c5}UNGLA \u{1c8}"), "swapcase");
    assert_eq!(capitalize(&s), cps("\u{1c5}ungla \u{1c9}"), "capitalize");
    assert_eq!(title(&s), cps("\u{1c5}ungla \u{1c8}"), "title");
    assert_eq!(islower(&s), false, "islower");
    assert_eq!(isupper(&s), false, "isupper");
    assert_eq!(istitle(&s), true, "istitle");
    let s = cps("\u{1f52} \u{1fb3}");
    assert_eq!(lower(&s), cps("\u{1f52} \u{1fb3}"), "lower");
    assert_eq!(
        upper(&s),
        cps("\u{3a5}\u{313}\u{300} \u{391}\u{399}"),
        "upper"
    );
    assert_eq!(
        casefold(&s),
        cps("\u{3c5}\u{313}\u{300} \u{3b1}\u{3b9}"),
        "casefold"
    );
    assert_eq!(
        swapcase(&s),
        cps("\u{3a5}\u{313}\u{300} \u{391}\u{399}"),
        "swapcase"
    );
    assert_eq!(
        capitalize(&s),
        cps("\u{3a5}\u{313}\u{300} \u{1fb3}"),
        "capitalize"
    );
    assert_eq!(title(&s), cps("\u{3a5}\u{313}\u{300} \u{1fbc}"), "title");
    assert_eq!(islower(&s), true, "islower");
    assert_eq!(isupper(&s), false, "isupper");
    assert_eq!(istitle(&s), false, "istitle");
    let s = cps("a\u{345}\u{3a3}\u{301} b");
    assert_eq!(lower(&s), cps("a\u{345}\u{3c2}\u{301} b"), "lower");
    assert_eq!(upper(&s), cps("A\u{399}\u{3a3}\u{301} B"), "upper");
    assert_eq!(casefold(&s), cps("a\u{3b9}\u{3c3}\u{301} b"), "casefold");
    assert_eq!(swapcase(&s), cps("A\u{399}\u{3c2}\u{301} B"), "swapcase");
    assert_eq!(
        capitalize(&s),
        cps("A\u{345}\u{3c2}\u{301} b"),
        "capitalize"
    );
    assert_eq!(title(&s), cps("A\u{345}\u{3c2}\u{301} B"), "title");
    assert_eq!(islower(&s), false, "islower");
    assert_eq!(isupper(&s), false, "isupper");
    assert_eq!(istitle(&s), false, "istitle");
    let s = cps("Hello World");
    assert_eq!(lower(&s), cps("hello world"), "lower");
    assert_eq!(upper(&s), cps("HELLO WORLD"), "upper");
    assert_eq!(casefold(&s), cps("hello world"), "casefold");
    assert_eq!(swapcase(&s), cps("hELLO wORLD"), "swapcase");
    assert_eq!(capitalize(&s), cps("Hello world"), "capitalize");
    assert_eq!(title(&s), cps("Hello World"), "title");
    assert_eq!(islower(&s), false, "islower");
    assert_eq!(isupper(&s), false, "isupper");
    assert_eq!(istitle(&s), true, "istitle");
    let s = vec![0x61, 0xd800, 0x42];
    assert_eq!(lower(&s), vec![0x61, 0xd800, 0x62], "lower");
    assert_eq!(upper(&s), vec![0x41, 0xd800, 0x42], "upper");
    assert_eq!(casefold(&s), vec![0x61, 0xd800, 0x62], "casefold");
    assert_eq!(swapcase(&s), vec![0x41, 0xd800, 0x62], "swapcase");
    assert_eq!(capitalize(&s), vec![0x41, 0xd800, 0x62], "capitalize");
    assert_eq!(title(&s), vec![0x41, 0xd800, 0x42], "title");
    assert_eq!(islower(&s), false, "islower");
    assert_eq!(isupper(&s), false, "isupper");
    assert_eq!(istitle(&s), false, "istitle");
}
