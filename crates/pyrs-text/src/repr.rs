//! Python's `repr` of str, bytes, float and complex, character for character (CPython:
//! `unicode_repr` in `Objects/unicodeobject.c`, `PyBytes_Repr` in `Objects/bytesobject.c`,
//! `float_repr` and `PyOS_double_to_string` in `Python/pystrtod.c`, `complex_repr`).

use crate::ctype::is_printable;
use crate::str_value::StrValue;
use std::fmt::Write;

/// `repr(s)` for a str.
pub fn str_repr(s: &StrValue) -> String {
    let (mut sq, mut dq) = (false, false);
    for cp in s.code_points() {
        sq |= cp == '\'' as u32;
        dq |= cp == '"' as u32;
    }
    let quote = if sq && !dq { '"' } else { '\'' };
    let mut out = String::with_capacity(s.as_bytes().len() + 2);
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            _ if cp == quote as u32 || cp == '\\' as u32 => {
                out.push('\\');
                out.push(char::from_u32(cp).unwrap());
            }
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0..=0x1F | 0x7F => write!(out, "\\x{cp:02x}").unwrap(),
            0x20..=0x7E => out.push(cp as u8 as char),
            _ if is_printable(cp) => out.push(char::from_u32(cp).unwrap()),
            0..=0xFF => write!(out, "\\x{cp:02x}").unwrap(),
            0..=0xFFFF => write!(out, "\\u{cp:04x}").unwrap(),
            _ => write!(out, "\\U{cp:08x}").unwrap(),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            _ if c == quote as u8 || c == b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7E => out.push(c as char),
            _ => write!(out, "\\x{c:02x}").unwrap(),
        }
    }
    out.push(quote);
    out
}

/// Shortest round-trip digits and decimal exponent: `x = 0.d1d2... * 10^decpt`.
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-trip digits, as CPython's `repr` picks.
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap();
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap();
    (digits, exp + 1)
}

/// `PyOS_double_to_string(x, 'r', 0, flags)`: `add_dot_0` for float's repr, `sign` to
/// always write a sign (complex's imaginary part).
pub fn format_float_r(x: f64, add_dot_0: bool, sign: bool) -> String {
    let mut out = String::new();
    if x.is_nan() {
        if sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    if x == 0.0 {
        out.push_str(if add_dot_0 { "0.0" } else { "0" });
        return out;
    }
    let (digits, decpt) = shortest_digits(x);
    let n = digits.len() as i32;
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()).unwrap();
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take((-decpt) as usize));
        out.push_str(&digits);
    } else if decpt >= n {
        out.push_str(&digits);
        out.extend(std::iter::repeat('0').take((decpt - n) as usize));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// `repr(x)` for a float.
pub fn float_repr(x: f64) -> String {
    format_float_r(x, true, false)
}

/// `repr(complex(re, im))`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", format_float_r(im, false, false))
    } else {
        format!(
            "({}{}j)",
            format_float_r(re, false, false),
            format_float_r(im, false, true)
        )
    }
}
