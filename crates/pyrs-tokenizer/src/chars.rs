//! Character classes the two lexers need: CPython's `str.isalnum`/`isspace` (from
//! `unicode_tables.rs`, generated from the oracle), `isprintable` (from pyrs-text) and XID identifier checks.
//!
//! CPython counterparts: `Objects/unicodectype.c`, `_PyUnicode_ScanIdentifier`.

use crate::unicode_tables::ALNUM;

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isalnum()` for one character.
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        in_ranges(&ALNUM, c as u32)
    }
}

/// The regex class `\w` in a `str` pattern (sre: alnum or `_`).
pub(crate) fn is_word(c: char) -> bool {
    c == '_' || is_alnum(c)
}

/// `str.isprintable()` for one character (`Py_UNICODE_ISPRINTABLE`).
pub(crate) fn is_printable(c: char) -> bool {
    pyrs_text::is_printable(c as u32)
}

/// `str.isspace()` for one character.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// First character of an identifier (`_PyUnicode_IsXidStart` or `_`).
pub(crate) fn is_id_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// Later character of an identifier (`_PyUnicode_IsXidContinue`).
pub(crate) fn is_id_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
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
