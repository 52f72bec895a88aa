//! Character classes the two lexers need, as CPython 3.11 answers them: `str.isalnum`,
//! `isspace`, `isprintable` and the identifier classes, all from pyrs-text's Unicode
//! database (generated from the oracle; ASCII is decided inline).
//!
//! CPython counterparts: `Objects/unicodectype.c`, `_PyUnicode_ScanIdentifier`.

use pyrs_text::ctype;

/// `str.isalnum()` for one character.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ctype::is_alnum(c as u32)
    }
}

/// The regex class `\w` in a `str` pattern (sre: alnum or `_`).
pub(crate) fn is_word(c: char) -> bool {
    c == '_' || is_alnum(c)
}

/// `str.isprintable()` for one character (`Py_UNICODE_ISPRINTABLE`).
pub(crate) fn is_printable(c: char) -> bool {
    ctype::is_printable(c as u32)
}

/// `str.isspace()` for one character (`Py_UNICODE_ISSPACE`).
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f')
    } else {
        ctype::is_space(c as u32)
    }
}

/// First character of an identifier (`_PyUnicode_IsXidStart` or `_`).
#[inline]
pub(crate) fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphabetic()
    } else {
        ctype::is_id_start(c as u32)
    }
}

/// Later character of an identifier (`_PyUnicode_IsXidContinue`).
#[inline]
pub(crate) fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphanumeric()
    } else {
        ctype::is_id_continue(c as u32)
    }
}

/// Index (in chars) of the first character of `s` that cannot be in an identifier, or
/// `None` if `s` is a valid identifier (`_PyUnicode_ScanIdentifier`).
pub(crate) fn scan_identifier(s: &str) -> Option<(usize, usize, char)> {
    for (i, (byte, c)) in s.char_indices().enumerate() {
        let ok = if i == 0 {
            is_id_start(c)
        } else {
            is_id_continue(c)
        };
        if !ok {
            return Some((i, byte, c));
        }
    }
    None
}

/// Python's `repr()` of a `str` (quote choice and escapes of `unicode_repr`).
pub(crate) fn py_repr(s: &str) -> String {
    pyrs_text::repr::str_repr(&pyrs_text::StrValue::from(s))
}

/// Number of characters in `s` (UTF-8 lead bytes), as Python's `len(str)`.
pub(crate) fn char_len(s: &[u8]) -> usize {
    s.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}
