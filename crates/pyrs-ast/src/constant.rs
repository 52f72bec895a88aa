//! Constant values as the AST's `Constant` node and `MatchSingleton` carry them.
//!
//! CPython stores a Python object there; the parser only ever produces the kinds below.

use num_bigint::BigInt;

/// A literal value (`constant` in `Python.asdl`).
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(Int),
    Float(f64),
    /// Only the imaginary literal form (`2j`) comes from the parser; `real` is then 0.0.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(StrValue),
    Bytes(Vec<u8>),
}

/// A Python int: inline when it fits an `i64`, else a heap bignum.
///
/// Invariant: `Big` never holds a value that fits in `i64` (constructors normalise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(Box<BigInt>),
}

impl Int {
    /// Normalising constructor from a bignum.
    pub fn from_bigint(value: BigInt) -> Int {
        match i64::try_from(&value) {
            Ok(small) => Int::Small(small),
            Err(_) => Int::Big(Box::new(value)),
        }
    }
}

impl std::fmt::Display for Int {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(v) => write!(f, "{v}"),
        }
    }
}

/// A Python `str` value: UTF-8 extended to lone surrogates.
///
/// A Python string may hold lone surrogates (`"\ud800"`), which Rust's `String` cannot.
/// Invariant: the bytes are UTF-8 in which code points U+D800..U+DFFF may also appear,
/// each encoded on its own as a 3-byte sequence (`ED A0..BF 80..BF`). Two adjacent
/// surrogates stay two code points, never combined. This is exactly the byte form that
/// CPython's marshal writes (`utf-8` with `surrogatepass`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct StrValue {
    bytes: Vec<u8>,
}

impl StrValue {
    /// An empty string.
    pub fn new() -> StrValue {
        StrValue { bytes: Vec::new() }
    }

    /// The bytes in the extended UTF-8 form described on the type.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The text, if it holds no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// Appends a Rust string.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends one code point (0..=0x10FFFF; surrogates allowed).
    pub fn push_code_point(&mut self, cp: u32) {
        match char::from_u32(cp) {
            Some(c) => {
                let mut buf = [0u8; 4];
                self.bytes
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            None => {
                // A surrogate (the only non-char below 0x110000): generic 3-byte form.
                debug_assert!((0xD800..=0xDFFF).contains(&cp));
                self.bytes.push(0xE0 | (cp >> 12) as u8);
                self.bytes.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                self.bytes.push(0x80 | (cp & 0x3F) as u8);
            }
        }
    }

    /// Appends another string value.
    pub fn push_value(&mut self, other: &StrValue) {
        self.bytes.extend_from_slice(&other.bytes);
    }

    /// True if the string is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: 0,
        }
    }
}

impl From<&str> for StrValue {
    fn from(s: &str) -> StrValue {
        StrValue {
            bytes: s.as_bytes().to_vec(),
        }
    }
}

impl From<String> for StrValue {
    fn from(s: String) -> StrValue {
        StrValue {
            bytes: s.into_bytes(),
        }
    }
}

/// Iterator over the code points of a [`StrValue`].
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        // The invariant of StrValue guarantees well-formed sequences; `get` keeps a
        // malformed tail from panicking all the same.
        let b0 = *self.bytes.get(self.pos)? as u32;
        let cont = |i: usize| (*self.bytes.get(self.pos + i).unwrap_or(&0x80) as u32) & 0x3F;
        let (cp, len) = if b0 < 0x80 {
            (b0, 1)
        } else if b0 < 0xE0 {
            (((b0 & 0x1F) << 6) | cont(1), 2)
        } else if b0 < 0xF0 {
            (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
        } else {
            (
                ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
                4,
            )
        };
        self.pos += len;
        Some(cp)
    }
}
