//! `StrValue`: a Python `str` value, which may hold lone surrogates (CPython:
//! `Objects/unicodeobject.c`; marshal stores str as UTF-8 with `surrogatepass`).
//!
//! Invariant: `bytes` is "generalized UTF-8": valid UTF-8, except that a code point in
//! U+D800..U+DFFF may appear, encoded in three bytes like any other BMP code point (each
//! surrogate separately, never joined into a pair). This is exactly the byte string that
//! `s.encode('utf-8', 'surrogatepass')` gives, so marshal reads and writes it verbatim.

use std::fmt;

/// A Python string constant.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct StrValue {
    bytes: Vec<u8>,
}

impl StrValue {
    /// From a Rust string (never has surrogates).
    pub fn new(s: &str) -> Self {
        StrValue {
            bytes: s.as_bytes().to_vec(),
        }
    }

    /// From `surrogatepass` UTF-8 bytes; `None` if they are not generalized UTF-8.
    pub fn from_surrogatepass(bytes: Vec<u8>) -> Option<Self> {
        if std::str::from_utf8(&bytes).is_ok() || decode_all(&bytes).is_some() {
            Some(StrValue { bytes })
        } else {
            None
        }
    }

    /// From code points (each must be <= 0x10FFFF).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> Option<Self> {
        let mut bytes = Vec::new();
        for cp in cps {
            push_code_point(&mut bytes, cp)?;
        }
        Some(StrValue { bytes })
    }

    /// The `surrogatepass` UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The string, when it holds no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The string with each lone surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        self.code_points()
            .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
            .collect()
    }

    /// Whether every code point is ASCII (marshal's `TYPE_ASCII` forms).
    pub fn is_ascii(&self) -> bool {
        self.bytes.is_ascii()
    }

    /// Number of code points (`len(s)`).
    pub fn len(&self) -> usize {
        self.bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Appends a Rust string.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends one code point (0..=0x10FFFF, surrogates allowed); others are ignored.
    pub fn push_code_point(&mut self, cp: u32) {
        let _ = push_code_point(&mut self.bytes, cp);
    }

    /// Appends another string value.
    pub fn push_value(&mut self, other: &StrValue) {
        self.bytes.extend_from_slice(&other.bytes);
    }

    /// The code points.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            let (cp, n) = decode_one(&self.bytes[i..])?;
            i += n;
            Some(cp)
        })
    }
}

impl From<&str> for StrValue {
    fn from(s: &str) -> Self {
        StrValue::new(s)
    }
}

impl From<String> for StrValue {
    fn from(s: String) -> Self {
        StrValue {
            bytes: s.into_bytes(),
        }
    }
}

impl fmt::Debug for StrValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::repr::str_repr(self))
    }
}

fn push_code_point(out: &mut Vec<u8>, cp: u32) -> Option<()> {
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend([0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend([
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        0x1_0000..=0x10_FFFF => out.extend([
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        _ => return None,
    }
    Some(())
}

/// Decode one code point of generalized UTF-8: (code point, byte length).
fn decode_one(b: &[u8]) -> Option<(u32, usize)> {
    let first = *b.first()?;
    let (len, init, min) = match first {
        0x00..=0x7F => return Some((first as u32, 1)),
        0xC2..=0xDF => (2, (first & 0x1F) as u32, 0x80),
        0xE0..=0xEF => (3, (first & 0x0F) as u32, 0x800),
        0xF0..=0xF4 => (4, (first & 0x07) as u32, 0x1_0000),
        _ => return None,
    };
    if b.len() < len {
        return None;
    }
    let mut cp = init;
    for &c in &b[1..len] {
        if c & 0xC0 != 0x80 {
            return None;
        }
        cp = (cp << 6) | (c & 0x3F) as u32;
    }
    (cp >= min && cp <= 0x10_FFFF).then_some((cp, len))
}

fn decode_all(b: &[u8]) -> Option<()> {
    let mut i = 0;
    while i < b.len() {
        i += decode_one(&b[i..])?.1;
    }
    Some(())
}
