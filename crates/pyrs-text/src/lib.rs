//! pyrs-text: Python text values that every stage shares (the tokenizer's messages, the
//! AST's constants, code objects, marshal, the VM's reprs): a `str` value that may hold
//! lone surrogates, CPython 3.11's Unicode character database (properties and case mappings
//! of every code point, generated from the oracle: `ctype.rs`, `case.rs`), and the `repr` of
//! str, bytes, float and complex.
//!
//! ```
//! use pyrs_text::{repr::str_repr, StrValue};
//! assert_eq!(str_repr(&StrValue::from("it's")), "\"it's\"");
//! ```

pub mod case;
pub mod ctype;
mod ctype_tables;
pub mod repr;
mod str_value;

pub use ctype::is_printable;
pub use str_value::StrValue;

#[cfg(test)]
mod tests;
