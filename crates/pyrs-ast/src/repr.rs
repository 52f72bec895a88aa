//! Python's `repr()` of the constant kinds the AST holds (CPython: `Objects/unicodeobject.c`
//! `unicode_repr`, `Objects/bytesobject.c` `PyBytes_Repr`, `Python/pystrtod.c` float repr,
//! `Objects/complexobject.c` `complex_repr`).

use crate::constant::Constant;
pub use pyrs_text::repr::{bytes_repr, complex_repr, float_repr, str_repr};

/// `repr(value)` exactly as CPython 3.11 prints it.
pub fn constant_repr(value: &Constant) -> String {
    match value {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
    }
}
