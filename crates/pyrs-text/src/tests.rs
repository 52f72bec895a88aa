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
