//! The values marshal carries (CPython: `Python/marshal.c`, the `TYPE_*` codes), and the
//! per-object encoding hints that let the writer reproduce a read stream byte for byte.

use num_bigint::BigInt;
use pyrs_bytecode::{CodeObject, Constant, PyStrValue};

/// Marshal type codes (`TYPE_*` in `Python/marshal.c`).
pub mod ty {
    pub const NULL: u8 = b'0';
    pub const NONE: u8 = b'N';
    pub const FALSE: u8 = b'F';
    pub const TRUE: u8 = b'T';
    pub const STOPITER: u8 = b'S';
    pub const ELLIPSIS: u8 = b'.';
    pub const INT: u8 = b'i';
    pub const INT64: u8 = b'I';
    pub const FLOAT: u8 = b'f';
    pub const BINARY_FLOAT: u8 = b'g';
    pub const COMPLEX: u8 = b'x';
    pub const BINARY_COMPLEX: u8 = b'y';
    pub const LONG: u8 = b'l';
    pub const STRING: u8 = b's';
    pub const INTERNED: u8 = b't';
    pub const REF: u8 = b'r';
    pub const TUPLE: u8 = b'(';
    pub const LIST: u8 = b'[';
    pub const DICT: u8 = b'{';
    pub const CODE: u8 = b'c';
    pub const UNICODE: u8 = b'u';
    pub const UNKNOWN: u8 = b'?';
    pub const SET: u8 = b'<';
    pub const FROZENSET: u8 = b'>';
    pub const ASCII: u8 = b'a';
    pub const ASCII_INTERNED: u8 = b'A';
    pub const SMALL_TUPLE: u8 = b')';
    pub const SHORT_ASCII: u8 = b'z';
    pub const SHORT_ASCII_INTERNED: u8 = b'Z';
    /// Set on a type byte: the object goes into the reference table.
    pub const FLAG_REF: u8 = 0x80;
}

/// A value marshal can carry.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    None,
    StopIteration,
    Ellipsis,
    Bool(bool),
    /// An int that fits in `i64`.
    Int(i64),
    /// An int that does not fit in `i64`.
    BigInt(BigInt),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(PyStrValue),
    Bytes(Vec<u8>),
    Tuple(Vec<Value>),
    List(Vec<Value>),
    /// Pairs in stream order.
    Dict(Vec<(Value, Value)>),
    Set(Vec<Value>),
    FrozenSet(Vec<Value>),
    Code(Box<CodeObject>),
}

impl Value {
    /// An int, normalised to [`Value::Int`] when it fits.
    pub fn int(v: BigInt) -> Value {
        match i64::try_from(&v) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(v),
        }
    }

    /// As a code-object constant, if it is one of the constant types.
    pub fn into_constant(self) -> Option<Constant> {
        Some(match self {
            Value::None => Constant::None,
            Value::Ellipsis => Constant::Ellipsis,
            Value::Bool(b) => Constant::Bool(b),
            Value::Int(i) => Constant::Int(i),
            Value::BigInt(i) => Constant::BigInt(i),
            Value::Float(f) => Constant::Float(f),
            Value::Complex { re, im } => Constant::Complex { re, im },
            Value::Str(s) => Constant::Str(s),
            Value::Bytes(b) => Constant::Bytes(b),
            Value::Code(c) => Constant::Code(c),
            Value::Tuple(items) => Constant::Tuple(
                items
                    .into_iter()
                    .map(Value::into_constant)
                    .collect::<Option<_>>()?,
            ),
            Value::FrozenSet(items) => Constant::FrozenSet(
                items
                    .into_iter()
                    .map(Value::into_constant)
                    .collect::<Option<_>>()?,
            ),
            Value::StopIteration | Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
        })
    }

    /// From a code-object constant.
    pub fn from_constant(c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Ellipsis => Value::Ellipsis,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(i) => Value::BigInt(i.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex { re, im } => Value::Complex { re: *re, im: *im },
            Constant::Str(s) => Value::Str(s.clone()),
            Constant::Bytes(b) => Value::Bytes(b.clone()),
            Constant::Code(c) => Value::Code(c.clone()),
            Constant::Tuple(items) => {
                Value::Tuple(items.iter().map(Value::from_constant).collect())
            }
            Constant::FrozenSet(items) => {
                Value::FrozenSet(items.iter().map(Value::from_constant).collect())
            }
        }
    }
}

/// How one object was encoded in a stream, in the order the reader met the objects that
/// go through CPython's `w_ref` (everything but None, True, False, StopIteration, Ellipsis
/// and NULL). Giving these back to the writer reproduces the stream exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// A `TYPE_REF` to this index instead of the object.
    Ref(u32),
    /// The object itself: whether `FLAG_REF` was set, and (for str) whether its type code
    /// was an interned one.
    Fresh { flag_ref: bool, interned: bool },
}
