//! pyrs-marshal: CPython 3.11's marshal format (version 4) and the PEP 552 .pyc header
//! (CPython: `Python/marshal.c`, `Lib/importlib/_bootstrap_external.py`).
//!
//! ```
//! use pyrs_marshal::{dumps, loads, Value};
//! let bytes = dumps(&Value::Tuple(vec![Value::Int(1), Value::None]));
//! assert_eq!(loads(&bytes).unwrap().0, Value::Tuple(vec![Value::Int(1), Value::None]));
//! ```
//!
//! Entry points: [`loads`], [`dumps`], [`pyc::read_pyc`], [`pyc::write_pyc`],
//! [`pyc::source_hash`].

pub mod build;
pub mod pyc;
pub mod read;
pub mod siphash;
pub mod value;
pub mod value_builder;
pub mod write;

pub use build::{Build, BytesField, CodeParts, TupleField};
pub use read::{loads, loads_code, loads_with_hints, read_object, MarshalError};
pub use value::{Hint, Value};
pub use write::{dumps, dumps_code, dumps_code_in_stream, dumps_with_hints};

#[cfg(test)]
mod tests;
