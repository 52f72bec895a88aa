//! pyrs-text: Python text values that every stage shares (the tokenizer's messages, the
//! AST's constants, code objects, marshal, the VM's reprs): a `str` value that may hold
//! lone surrogates, `str.isprintable` as CPython 3.11 answers it, and the `repr` of str,
//! bytes, float and complex.
//!
//! ```
//! use pyrs_text::{repr::str_repr, StrValue};
//! assert_eq!(str_repr(&StrValue::from("it's")), "\"it's\"");
//! ```

pub mod printable;
pub mod repr;
mod str_value;

pub use printable::is_printable;
pub use str_value::StrValue;

#[cfg(test)]
mod tests;
