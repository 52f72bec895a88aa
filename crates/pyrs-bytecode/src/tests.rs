//! Tests of the opcode table against the installed CPython 3.11's `opcode` and `dis`
//! modules, and of the code-unit, location-table and exception-table codecs.

use crate::exception_table::{self, ExceptionTableEntry};
use crate::instruction::{emit, instructions};
use crate::linetable::{self, Encoder, Positions};
use crate::opcode::{self, ArgKind, OPCODES};
use crate::repr;
use crate::PyStrValue;
use std::process::Command;

/// Run python3 with a script; `None` (and a message) when python3 is absent.
fn python(script: &str) -> Option<String> {
    match Command::new("python3").arg("-c").arg(script).output() {
        Ok(out) if out.status.success() => Some(String::from_utf8(out.stdout).unwrap()),
        Ok(out) => panic!("python3 failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => {
            eprintln!("skipped: python3 not found");
            None
        }
    }
}

fn parse_list(line: &str) -> Vec<u8> {
    line.split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect()
}

#[test]
fn table_matches_cpython_opcode_module() {
    let Some(out) = python(
        "import opcode, dis\n\
         for name, op in sorted(dis._all_opmap.items(), key=lambda x: x[1]):\n\
         \x20   print(op, name, opcode._inline_cache_entries[op])\n\
         print('--')\n\
         for l in (opcode.hasjrel, opcode.hasjabs, opcode.hasconst, opcode.hasname,\n\
         \x20         opcode.haslocal, opcode.hasfree, opcode.hascompare):\n\
         \x20   print(' '.join(map(str, sorted(l))))\n\
         print(opcode.HAVE_ARGUMENT, opcode.EXTENDED_ARG)\n\
         for base, fam in opcode._specializations.items():\n\
         \x20   for s in fam: print(s, base)\n",
    ) else {
        return;
    };
    let (rows, rest) = out.split_once("--\n").unwrap();
    let expected: Vec<(u8, String, u8)> = rows
        .lines()
        .map(|l| {
            let v: Vec<&str> = l.split(' ').collect();
            (
                v[0].parse().unwrap(),
                v[1].to_string(),
                v[2].parse().unwrap(),
            )
        })
        .collect();
    let ours: Vec<(u8, String, u8)> = OPCODES
        .iter()
        .map(|o| (o.code, o.name.to_string(), o.caches))
        .collect();
    assert_eq!(ours, expected);
    let mut lines = rest.lines();
    assert_eq!(
        opcode::hasjrel(),
        parse_list(lines.next().unwrap()),
        "hasjrel"
    );
    assert_eq!(
        opcode::hasjabs(),
        parse_list(lines.next().unwrap()),
        "hasjabs"
    );
    for kind in [
        ArgKind::Const,
        ArgKind::Name,
        ArgKind::Local,
        ArgKind::Free,
        ArgKind::Compare,
    ] {
        assert_eq!(
            opcode::has_kind(kind),
            parse_list(lines.next().unwrap()),
            "{kind:?}"
        );
    }
    assert_eq!(
        lines.next().unwrap(),
        format!("{} {}", opcode::HAVE_ARGUMENT, opcode::EXTENDED_ARG)
    );
    for l in lines {
        let (spec, base) = l.split_once(' ').unwrap();
        let code = opcode::by_name(spec).unwrap();
        assert_eq!(opcode::name(opcode::deopt(code)), base);
    }
    for o in OPCODES {
        assert_eq!(
            o.jump == opcode::Jump::Backward,
            o.name.contains("JUMP_BACKWARD") && o.base.is_none()
        );
    }
}

#[test]
fn stack_effects_match_dis_stack_effect() {
    let args: Vec<i64> = (0..300)
        .chain([511, 512, 513, 1023, 65535, 65536, 1 << 20])
        .collect();
    let script = format!(
        "import dis\n\
         args = {args:?}\n\
         def se(op, a, j):\n\
         \x20   try: return dis.stack_effect(op, a, jump=j)\n\
         \x20   except ValueError: return 'E'\n\
         for op in range(256):\n\
         \x20   for a in (args if op >= dis.HAVE_ARGUMENT else [None]):\n\
         \x20       print(op, a, se(op, a, None), se(op, a, True), se(op, a, False))\n"
    );
    let Some(out) = python(&script) else { return };
    let mut checked = 0;
    for line in out.lines() {
        let v: Vec<&str> = line.split(' ').collect();
        let op: u8 = v[0].parse().unwrap();
        let arg: i32 = if v[1] == "None" {
            0
        } else {
            v[1].parse().unwrap()
        };
        let show = |e: Option<i32>| e.map_or("E".to_string(), |e| e.to_string());
        let ours = [None, Some(true), Some(false)].map(|j| show(opcode::stack_effect(op, arg, j)));
        assert_eq!(
            ours,
            [v[2], v[3], v[4]],
            "op {op} ({}) arg {arg}",
            opcode::name(op)
        );
        checked += 1;
    }
    assert!(checked > 20_000);
}

#[test]
fn extended_arg_round_trip() {
    let load_const = opcode::by_name("LOAD_CONST").unwrap();
    let load_attr = opcode::by_name("LOAD_ATTR").unwrap();
    let pop_top = opcode::by_name("POP_TOP").unwrap();
    for arg in [
        0u32,
        1,
        255,
        256,
        65535,
        65536,
        0xFF_FFFF,
        0x100_0000,
        u32::MAX,
    ] {
        let mut code = Vec::new();
        emit(&mut code, load_const, arg);
        emit(&mut code, load_attr, arg);
        emit(&mut code, pop_top, 0);
        let ins: Vec<_> = instructions(&code)
            .filter(|i| i.op != opcode::EXTENDED_ARG)
            .collect();
        assert_eq!(ins.len(), 3);
        assert_eq!(ins[0].arg, Some(arg as i32));
        assert_eq!(ins[1].arg, Some(arg as i32));
        assert_eq!(ins[2].arg, None);
        assert_eq!(ins[2].offset + 2, code.len(), "caches of LOAD_ATTR skipped");
    }
}

#[test]
fn linetable_encoder_round_trips() {
    let p = |l: Option<i32>, el: Option<i32>, c: Option<i32>, ec: Option<i32>| Positions {
        lineno: l,
        end_lineno: el,
        col: c,
        end_col: ec,
    };
    let locs = [
        (1, p(Some(1), Some(1), Some(0), Some(5))),
        (3, p(Some(1), Some(1), Some(79), Some(94))),
        (12, p(Some(3), Some(3), Some(4), Some(100))),
        (1, p(None, None, None, None)),
        (2, p(Some(2), Some(2), None, None)),
        (1, p(Some(200), Some(205), Some(7), Some(300))),
        (1, p(Some(150), Some(150), Some(200), Some(201))),
        (1, p(Some(-3), Some(-3), None, None)),
    ];
    let mut enc = Encoder::new(1);
    for (n, pos) in locs {
        enc.push(n, pos);
    }
    let table = enc.finish();
    let expected: Vec<Positions> = locs.iter().flat_map(|(n, p)| vec![*p; *n]).collect();
    assert_eq!(linetable::positions(&table, 1, expected.len()), expected);
}

#[test]
fn exception_table_round_trips() {
    let entries = [
        ExceptionTableEntry {
            start: 0,
            end: 10,
            target: 20,
            depth: 0,
            lasti: false,
        },
        ExceptionTableEntry {
            start: 12,
            end: 200,
            target: 4000,
            depth: 3,
            lasti: true,
        },
        ExceptionTableEntry {
            start: 300_000,
            end: 300_002,
            target: 2 << 26,
            depth: 70,
            lasti: true,
        },
    ];
    let table = exception_table::encode(&entries);
    assert_eq!(exception_table::decode(&table), entries);
}

#[test]
fn reprs_match_cpython() {
    let floats = [
        0.0,
        -0.0,
        1.0,
        1.5,
        0.1,
        1e16,
        1e15,
        123456789012345678.0,
        1e-4,
        1e-5,
        1.5e-7,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        2.5e300,
        5e-324,
        1.7976931348623157e308,
        100.0,
        3.141592653589793,
        -12345.678,
    ];
    let strs = [
        "",
        "a'b",
        "a\"b",
        "a'\"b",
        "\\ \t\n\r\x00\x7f\u{80}\u{a0}\u{ad}é€\u{2028}😀\u{e000}\u{10ffff}",
    ];
    let bytes: [&[u8]; 3] = [b"", b"a'b\"c", b"\x00\xff\\\t\n\r~"];
    let list = |items: Vec<String>| format!("[{}]", items.join(", "));
    let floats_py = list(
        floats
            .iter()
            .map(|f| match f {
                f if f.is_nan() => "float('nan')".to_string(),
                f if f.is_infinite() => format!("float('{}inf')", if *f < 0.0 { "-" } else { "" }),
                f => format!("float.fromhex('{}')", hex_float(*f)),
            })
            .collect(),
    );
    let strs_py = list(
        strs.iter()
            .map(|s| {
                format!(
                    "'{}'",
                    s.chars()
                        .map(|c| format!("\\U{:08x}", c as u32))
                        .collect::<String>()
                )
            })
            .collect(),
    );
    let bytes_py = list(
        bytes
            .iter()
            .map(|b| {
                format!(
                    "b'{}'",
                    b.iter().map(|c| format!("\\x{c:02x}")).collect::<String>()
                )
            })
            .collect(),
    );
    let script = format!(
        "for x in {floats_py}: print(repr(x))\n\
         for c in [complex(0, 1), complex(-0.0, 1), complex(1, -2.5), complex(1e20, 0)]: print(repr(c))\n\
         for s in {strs_py}: print(repr(s))\n\
         print(repr('\\ud800x\\udfff'))\n\
         for b in {bytes_py}: print(repr(b))\n"
    );
    let Some(out) = python(&script) else { return };
    let mut ours: Vec<String> = floats.iter().map(|&f| repr::float_repr(f)).collect();
    ours.extend(
        [(0.0, 1.0), (-0.0, 1.0), (1.0, -2.5), (1e20, 0.0)].map(|(r, i)| repr::complex_repr(r, i)),
    );
    ours.extend(strs.iter().map(|s| repr::str_repr(&PyStrValue::new(s))));
    ours.push(repr::str_repr(
        &PyStrValue::from_code_points([0xD800, 'x' as u32, 0xDFFF]).unwrap(),
    ));
    ours.extend(bytes.iter().map(|b| repr::bytes_repr(b)));
    let theirs: Vec<&str> = out.lines().collect();
    assert_eq!(ours, theirs);
}

/// `float.hex`-style text of a finite float, so the test passes exact values to python3.
fn hex_float(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0x0p+0".into()
        } else {
            "0x0p+0".into()
        };
    }
    let bits = f.to_bits();
    let sign = if bits >> 63 != 0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let mant = bits & ((1 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{mant:013x}p-1022")
    } else {
        format!("{sign}0x1.{mant:013x}p{}", exp - 1023)
    }
}

#[test]
fn opnum_constants_match_the_table() {
    for (name, num) in crate::opnum::ALL {
        assert_eq!(crate::opcode::by_name(name), Some(*num), "{name}");
    }
}

/// Complex arithmetic (`complex.rs`) against python3's results for the same operands,
/// compared through `repr` (which round-trips every double).
#[test]
fn complex_arithmetic_matches_cpython() {
    use crate::complex::{c_prod, c_quot, complex_pow, C};
    let cases: &[(C, C)] = &[
        ((1.5, 2.0), (3.0, -4.0)),
        ((0.1, 0.2), (0.3, 0.7)),
        ((-2.0, 0.5), (1e-3, 1e3)),
        ((1e200, 1e200), (1e-200, 3.0)),
        ((0.0, 1.0), (2.0, 0.0)),
        ((0.0, 1.0), (-3.0, 0.0)),
        ((1.0, 1.0), (0.5, 0.25)),
        ((2.0, -3.0), (101.0, 0.0)),
        ((0.0, 0.0), (0.0, 0.0)),
        ((0.0, 0.0), (2.5, 0.0)),
        ((0.0, 0.0), (-1.0, 0.0)),
        ((3.0, 4.0), (0.0, 0.0)),
        ((1.0, 2.0), (f64::NAN, 1.0)),
    ];
    let lit = |x: f64| {
        if x.is_nan() {
            "float('nan')".to_string()
        } else {
            repr::float_repr(x)
        }
    };
    let mut script = String::from("def show(f):\n    try:\n        r = f()\n    except (ZeroDivisionError, OverflowError):\n        return 'error'\n    return repr(complex(r))\n");
    for (a, b) in cases {
        let (a, b) = (
            format!("complex({}, {})", lit(a.0), lit(a.1)),
            format!("complex({}, {})", lit(b.0), lit(b.1)),
        );
        script.push_str(&format!(
            "print(show(lambda: {a} * {b}), show(lambda: {a} / {b}), show(lambda: {a} ** {b}))\n"
        ));
    }
    let Some(out) = python(&script) else { return };
    let show = |r: Option<C>| match r {
        Some((re, im)) => repr::complex_repr(re, im),
        None => "error".to_string(),
    };
    for ((a, b), line) in cases.iter().zip(out.lines()) {
        // An infinite power from finite operands is CPython's OverflowError.
        let pow = complex_pow(*a, *b).filter(|p| !p.0.is_infinite() && !p.1.is_infinite());
        let ours = format!(
            "{} {} {}",
            show(Some(c_prod(*a, *b))),
            show(c_quot(*a, *b)),
            show(pow)
        );
        assert_eq!(ours, line, "operands {a:?} {b:?}");
    }
}
