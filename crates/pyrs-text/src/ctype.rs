//! Character properties and case mappings of one code point, as CPython 3.11 answers them
//! (Unicode 14.0.0), read from the generated `ctype_tables.rs`. CPython counterpart:
//! `Objects/unicodectype.c` (`_PyUnicode_IsAlpha`, `_PyUnicode_ToLowerFull`, ...).
//!
//! Every function takes any `u32`: lone surrogates have no property and map to themselves,
//! and values above U+10FFFF behave the same (record 0).

use crate::ctype_tables::{CASE_EXT, INDEX1, INDEX2, RECORDS, SHIFT};

/// One distinct combination of properties (see `scripts/gen_unicode_tables.py`).
pub struct CharRecord {
    /// Bits of [`flags`].
    pub flags: u32,
    /// Each mapping is a code point delta, or `start << 8 | len` into `CASE_EXT` when the
    /// matching `EXT_*` flag is set.
    pub lower: i32,
    pub upper: i32,
    pub title: i32,
    pub fold: i32,
    /// The value of a decimal digit (`DECIMAL` flag); 0 otherwise.
    pub decimal: u8,
}

/// Flag bits of [`CharRecord::flags`], in the generator's order.
pub mod flags {
    pub const ALPHA: u32 = 1 << 0;
    pub const DECIMAL: u32 = 1 << 1;
    pub const DIGIT: u32 = 1 << 2;
    pub const NUMERIC: u32 = 1 << 3;
    pub const SPACE: u32 = 1 << 4;
    pub const PRINTABLE: u32 = 1 << 5;
    pub const LOWER: u32 = 1 << 6;
    pub const UPPER: u32 = 1 << 7;
    /// General category Lt.
    pub const TITLE: u32 = 1 << 8;
    pub const CASED: u32 = 1 << 9;
    pub const CASE_IGNORABLE: u32 = 1 << 10;
    /// `str.isidentifier()` of the character alone (XID_Start or `_`).
    pub const ID_START: u32 = 1 << 11;
    /// XID_Continue.
    pub const ID_CONTINUE: u32 = 1 << 12;
    pub const EXT_LOWER: u32 = 1 << 13;
    pub const EXT_UPPER: u32 = 1 << 14;
    pub const EXT_TITLE: u32 = 1 << 15;
    pub const EXT_FOLD: u32 = 1 << 16;
}

/// The record of `cp` (two array reads; no search).
#[inline]
pub fn record(cp: u32) -> &'static CharRecord {
    let block = INDEX1.get((cp >> SHIFT) as usize).copied().unwrap_or(0) as usize;
    let i = (block << SHIFT) | (cp & ((1 << SHIFT) - 1)) as usize;
    let r = INDEX2.get(i).copied().unwrap_or(0) as usize;
    RECORDS.get(r).unwrap_or(&RECORDS[0])
}

#[inline]
fn has(cp: u32, flag: u32) -> bool {
    record(cp).flags & flag != 0
}

/// `str.isalpha()` of one character.
pub fn is_alpha(cp: u32) -> bool {
    has(cp, flags::ALPHA)
}
/// `str.isdecimal()` of one character.
pub fn is_decimal(cp: u32) -> bool {
    has(cp, flags::DECIMAL)
}
/// `str.isdigit()` of one character.
pub fn is_digit(cp: u32) -> bool {
    has(cp, flags::DIGIT)
}
/// `str.isnumeric()` of one character.
pub fn is_numeric(cp: u32) -> bool {
    has(cp, flags::NUMERIC)
}
/// `str.isalnum()` of one character (alpha or numeric; decimal and digit are numeric).
pub fn is_alnum(cp: u32) -> bool {
    has(cp, flags::ALPHA | flags::NUMERIC)
}
/// `str.isspace()` of one character (`Py_UNICODE_ISSPACE`).
pub fn is_space(cp: u32) -> bool {
    has(cp, flags::SPACE)
}
/// `str.isprintable()` of one character (`Py_UNICODE_ISPRINTABLE`).
pub fn is_printable(cp: u32) -> bool {
    has(cp, flags::PRINTABLE)
}
/// `Py_UNICODE_ISLOWER`.
pub fn is_lower(cp: u32) -> bool {
    has(cp, flags::LOWER)
}
/// `Py_UNICODE_ISUPPER`.
pub fn is_upper(cp: u32) -> bool {
    has(cp, flags::UPPER)
}
/// `Py_UNICODE_ISTITLE` (category Lt).
pub fn is_title(cp: u32) -> bool {
    has(cp, flags::TITLE)
}
/// `_PyUnicode_IsCased`.
pub fn is_cased(cp: u32) -> bool {
    has(cp, flags::CASED)
}
/// `_PyUnicode_IsCaseIgnorable`.
pub fn is_case_ignorable(cp: u32) -> bool {
    has(cp, flags::CASE_IGNORABLE)
}
/// May start an identifier (`_PyUnicode_IsXidStart` or `_`).
pub fn is_id_start(cp: u32) -> bool {
    has(cp, flags::ID_START)
}
/// May continue an identifier (`_PyUnicode_IsXidContinue`).
pub fn is_id_continue(cp: u32) -> bool {
    has(cp, flags::ID_CONTINUE)
}

/// Appends one full case mapping of `cp` (a delta, or a slice of `CASE_EXT`).
#[inline]
fn push_mapping(out: &mut Vec<u32>, cp: u32, value: i32, ext: bool) {
    if ext {
        let start = (value >> 8) as usize;
        let len = (value & 0xFF) as usize;
        out.extend_from_slice(CASE_EXT.get(start..start + len).unwrap_or(&[]));
    } else {
        out.push(cp.wrapping_add(value as u32));
    }
}

/// `_PyUnicode_ToLowerFull`: appends `cp`'s full lower case (no final-sigma rule).
pub fn push_lower(out: &mut Vec<u32>, cp: u32) {
    let r = record(cp);
    push_mapping(out, cp, r.lower, r.flags & flags::EXT_LOWER != 0);
}
/// `_PyUnicode_ToUpperFull`.
pub fn push_upper(out: &mut Vec<u32>, cp: u32) {
    let r = record(cp);
    push_mapping(out, cp, r.upper, r.flags & flags::EXT_UPPER != 0);
}
/// `_PyUnicode_ToTitleFull`.
pub fn push_title(out: &mut Vec<u32>, cp: u32) {
    let r = record(cp);
    push_mapping(out, cp, r.title, r.flags & flags::EXT_TITLE != 0);
}
/// `_PyUnicode_ToFoldedFull`.
pub fn push_fold(out: &mut Vec<u32>, cp: u32) {
    let r = record(cp);
    push_mapping(out, cp, r.fold, r.flags & flags::EXT_FOLD != 0);
}

/// `Py_UNICODE_TODECIMAL`: the value of a decimal digit (`str.isdecimal()`), else `None`.
pub fn to_decimal(cp: u32) -> Option<u32> {
    let r = record(cp);
    (r.flags & flags::DECIMAL != 0).then_some(r.decimal as u32)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: the text `int()`, `float()` and
/// `complex()` parse from a `str`. ASCII below DEL stays, other white space becomes a space,
/// other decimal digits their ASCII digit; at the first other character the text ends with
/// `?` (which no number parser accepts, so the caller reports the original string).
pub fn decimal_and_space_to_ascii(s: impl IntoIterator<Item = u32>) -> String {
    let mut out = String::new();
    for c in s {
        if c < 127 {
            out.push(c as u8 as char);
        } else if is_space(c) {
            out.push(' ');
        } else if let Some(d) = to_decimal(c) {
            out.push((b'0' + d as u8) as char);
        } else {
            out.push('?');
            break;
        }
    }
    out
}
