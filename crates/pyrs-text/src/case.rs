//! Case conversion and case predicates of whole strings, as CPython 3.11's `str.lower`,
//! `upper`, `casefold`, `swapcase`, `capitalize`, `title`, `islower`, `isupper` and
//! `istitle` (`Objects/unicodeobject.c`: `do_lower`, `do_swapcase`, `handle_capital_sigma`,
//! `unicode_islower_impl`, ...). Strings are code point slices (lone surrogates included,
//! left as they are); results are new code point vectors.
//!
//! The per-character data comes from `ctype.rs`; ASCII-only strings are converted byte by
//! byte (the same answers, without the table reads).

use crate::ctype::{
    is_case_ignorable, is_cased, is_lower, is_title, is_upper, push_fold, push_lower, push_title,
    push_upper,
};

const CAPITAL_SIGMA: u32 = 0x3A3;

/// `handle_capital_sigma`: the lower case of the capital sigma at `s[i]` is final sigma
/// (U+03C2) when a cased character precedes it and none follows it, skipping
/// case-ignorable characters on both sides; otherwise U+03C3.
fn lower_sigma(s: &[u32], i: usize) -> u32 {
    let before = s[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(|&c| is_cased(c));
    if final_sigma {
        let after = s[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        final_sigma = after.map_or(true, |&c| !is_cased(c));
    }
    if final_sigma {
        0x3C2
    } else {
        0x3C3
    }
}

/// `lower_ucs4`: the lower case of `s[i]` appended to `out` (with the final-sigma rule).
fn push_lower_at(out: &mut Vec<u32>, s: &[u32], i: usize) {
    if s[i] == CAPITAL_SIGMA {
        out.push(lower_sigma(s, i));
    } else {
        push_lower(out, s[i]);
    }
}

fn is_ascii(s: &[u32]) -> bool {
    s.iter().all(|&c| c < 0x80)
}

fn map_ascii(s: &[u32], f: impl Fn(u8) -> u8) -> Vec<u32> {
    s.iter().map(|&c| f(c as u8) as u32).collect()
}

/// `str.lower()`.
pub fn lower(s: &[u32]) -> Vec<u32> {
    if is_ascii(s) {
        return map_ascii(s, |b| b.to_ascii_lowercase());
    }
    let mut out = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        push_lower_at(&mut out, s, i);
    }
    out
}

/// `str.upper()`.
pub fn upper(s: &[u32]) -> Vec<u32> {
    if is_ascii(s) {
        return map_ascii(s, |b| b.to_ascii_uppercase());
    }
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        push_upper(&mut out, c);
    }
    out
}

/// `str.casefold()` (no final-sigma rule: the folded sigma is always U+03C3).
pub fn casefold(s: &[u32]) -> Vec<u32> {
    if is_ascii(s) {
        return map_ascii(s, |b| b.to_ascii_lowercase());
    }
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        push_fold(&mut out, c);
    }
    out
}

/// `str.swapcase()`: upper-case characters to lower (final sigma included), lower-case
/// ones to upper, others unchanged.
pub fn swapcase(s: &[u32]) -> Vec<u32> {
    if is_ascii(s) {
        return map_ascii(s, |b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        });
    }
    let mut out = Vec::with_capacity(s.len());
    for (i, &c) in s.iter().enumerate() {
        if is_upper(c) {
            push_lower_at(&mut out, s, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.capitalize()`: the first character in title case, the rest in lower case.
pub fn capitalize(s: &[u32]) -> Vec<u32> {
    if is_ascii(s) {
        let mut out = map_ascii(s, |b| b.to_ascii_lowercase());
        if let Some(f) = out.first_mut() {
            *f = (*f as u8).to_ascii_uppercase() as u32;
        }
        return out;
    }
    let mut out = Vec::with_capacity(s.len());
    if let Some(&f) = s.first() {
        push_title(&mut out, f);
        for i in 1..s.len() {
            push_lower_at(&mut out, s, i);
        }
    }
    out
}

/// `str.title()`: a character after a cased one in lower case, any other in title case.
pub fn title(s: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev_cased = false;
    if is_ascii(s) {
        for &c in s {
            let b = c as u8;
            out.push(if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            } as u32);
            prev_cased = b.is_ascii_alphabetic();
        }
        return out;
    }
    for (i, &c) in s.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, s, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.islower()`: some cased character, and none upper or title case.
pub fn islower(s: &[u32]) -> bool {
    let mut cased = false;
    for &c in s {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `str.isupper()`: some cased character, and none lower or title case.
pub fn isupper(s: &[u32]) -> bool {
    let mut cased = false;
    for &c in s {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `str.istitle()`: upper and title case characters only after uncased ones, lower case
/// only after cased ones, and at least one cased character.
pub fn istitle(s: &[u32]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &c in s {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}
