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

/// A Python `str` value (UTF-8 extended to lone surrogates), shared by every stage.
pub use pyrs_text::StrValue;
