//! Python's `repr` of constants, character for character (CPython: `unicode_repr` in
//! `Objects/unicodeobject.c`, `PyBytes_Repr` in `Objects/bytesobject.c`, `float_repr` and
//! `PyOS_double_to_string` in `Python/pystrtod.c`, `complex_repr`, `tuplerepr`,
//! `set_repr`, `code_repr`).

use crate::code::{CodeObject, Constant};
pub use pyrs_text::repr::{bytes_repr, complex_repr, float_repr, format_float_r, str_repr};
use std::fmt::Write;

/// `repr(code)`: `<code object f at 0x..., file "x.py", line 1>`. The address is this
/// value's address in memory; comparisons with CPython normalise `at 0x[0-9a-f]+`.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name.to_string_lossy(),
        code as *const CodeObject as usize,
        code.filename.to_string_lossy(),
        code.firstlineno
    )
}

/// `repr(c)` for a constant.
pub fn constant_repr(c: &Constant) -> String {
    let mut out = String::new();
    write_repr(&mut out, c);
    out
}

fn write_repr(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(i) => write!(out, "{i}").unwrap(),
        Constant::BigInt(i) => write!(out, "{i}").unwrap(),
        Constant::Float(x) => out.push_str(&float_repr(*x)),
        Constant::Complex { re, im } => out.push_str(&complex_repr(*re, *im)),
        Constant::Str(s) => out.push_str(&str_repr(s)),
        Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
        Constant::Code(code) => out.push_str(&code_repr(code)),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::FrozenSet(items) if items.is_empty() => out.push_str("frozenset()"),
        Constant::FrozenSet(items) => {
            out.push_str("frozenset({");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
            }
            out.push_str("})");
        }
    }
}
