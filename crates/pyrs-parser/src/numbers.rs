//! Numeric literal values (CPython: `Parser/pegen.c` `parsenumber`). The tokenizer has
//! already checked the literal's shape; this computes its value.

use num_bigint::BigInt;
use pyrs_ast::{Constant, Int};

/// The value of a NUMBER token's text.
pub(crate) fn parse_number(text: &str) -> Constant {
    let clean: String;
    let s = if text.contains('_') {
        clean = text.chars().filter(|&c| c != '_').collect();
        clean.as_str()
    } else {
        text
    };
    if let Some(imag) = s.strip_suffix(['j', 'J']) {
        return Constant::Complex {
            real: 0.0,
            imag: parse_float(imag),
        };
    }
    let lower = s.as_bytes().get(1).map(|b| b.to_ascii_lowercase());
    if s.len() > 2 && s.starts_with('0') {
        let radix = match lower {
            Some(b'x') => Some(16),
            Some(b'o') => Some(8),
            Some(b'b') => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return Constant::Int(parse_int(&s[2..], radix));
        }
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Constant::Int(parse_int(s, 10));
    }
    Constant::Float(parse_float(s))
}

fn parse_int(digits: &str, radix: u32) -> Int {
    match i64::from_str_radix(digits, radix) {
        Ok(v) => Int::Small(v),
        Err(_) => {
            Int::from_bigint(BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default())
        }
    }
}

fn parse_float(s: &str) -> f64 {
    // Rust's parser accepts every form Python's float literals take ("1.", ".5", "1e5").
    s.parse::<f64>().unwrap_or(f64::NAN)
}
