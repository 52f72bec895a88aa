//! `str` storage: PEP 393's three widths (CPython: `Objects/unicodeobject.c`,
//! `Include/cpython/unicodeobject.h`). A string is stored with 1 byte per code point when
//! all are < 256, 2 when all are < 65536, else 4; so `s[i]` and `len(s)` are O(1) whatever
//! the characters. Lone surrogates are ordinary code points here.
//!
//! Invariant: the width is the narrowest that holds the largest code point (so two equal
//! strings have the same width and equal buffers; equality is a buffer comparison).
//! The methods Python sees are in `str_methods.rs`.

use crate::hash::HashSecret;
use std::borrow::Cow;
use std::cell::Cell;

enum StrData {
    /// Code points < 256; the flag says all are < 128 (then the bytes are valid UTF-8).
    Latin1(Box<[u8]>, bool),
    Ucs2(Box<[u16]>),
    Ucs4(Box<[u32]>),
}

/// A borrowed view of a str's storage at its width.
pub enum Units<'a> {
    L1(&'a [u8]),
    U2(&'a [u16]),
    U4(&'a [u32]),
}

/// A Python `str` value.
pub struct PyStr {
    data: StrData,
    /// Cached hash; -1 when not computed yet.
    hash: Cell<i64>,
}

impl PyStr {
    pub fn from_str(s: &str) -> PyStr {
        if s.is_ascii() {
            return PyStr::new(StrData::Latin1(s.as_bytes().into(), true));
        }
        PyStr::from_code_points(s.chars().map(|c| c as u32))
    }

    /// From an owned Rust string: ASCII text keeps its buffer (no copy when the capacity
    /// is exact).
    pub fn from_string(s: String) -> PyStr {
        if s.is_ascii() {
            return PyStr::new(StrData::Latin1(s.into_bytes().into_boxed_slice(), true));
        }
        PyStr::from_str(&s)
    }

    /// `str(n)` for a machine int: the decimal digits in one exact allocation.
    pub fn from_i64(n: i64) -> PyStr {
        let mut out = Vec::with_capacity(20);
        push_decimal(&mut out, n);
        PyStr::new(StrData::Latin1(out.into_boxed_slice(), true))
    }

    /// From code points < 256 (the ASCII flag is computed).
    pub fn from_latin1(b: Vec<u8>) -> PyStr {
        let ascii = b.is_ascii();
        PyStr::new(StrData::Latin1(b.into_boxed_slice(), ascii))
    }

    /// The storage when every code point is < 256 (one byte each): the fast paths of the
    /// str methods work on these bytes.
    #[inline]
    pub fn latin1(&self) -> Option<&[u8]> {
        match &self.data {
            StrData::Latin1(b, _) => Some(b),
            _ => None,
        }
    }

    /// The storage as a slice of its code-unit width (for methods generic over the width).
    pub fn units(&self) -> Units<'_> {
        match &self.data {
            StrData::Latin1(b, _) => Units::L1(b),
            StrData::Ucs2(b) => Units::U2(b),
            StrData::Ucs4(b) => Units::U4(b),
        }
    }

    /// From code points (each <= 0x10FFFF; surrogates allowed).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> PyStr {
        let cps: Vec<u32> = cps.into_iter().collect();
        PyStr::from_vec(cps)
    }

    pub fn from_vec(cps: Vec<u32>) -> PyStr {
        let max = cps.iter().copied().max().unwrap_or(0);
        let data = if max < 128 {
            StrData::Latin1(cps.iter().map(|&c| c as u8).collect(), true)
        } else if max < 256 {
            StrData::Latin1(cps.iter().map(|&c| c as u8).collect(), false)
        } else if max < 0x10000 {
            StrData::Ucs2(cps.iter().map(|&c| c as u16).collect())
        } else {
            StrData::Ucs4(cps.into_boxed_slice())
        };
        PyStr::new(data)
    }

    fn new(data: StrData) -> PyStr {
        PyStr {
            data,
            hash: Cell::new(-1),
        }
    }

    /// Number of code points.
    #[inline]
    pub fn len(&self) -> usize {
        match &self.data {
            StrData::Latin1(b, _) => b.len(),
            StrData::Ucs2(b) => b.len(),
            StrData::Ucs4(b) => b.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Code point `i` (caller checks `i < len`); 0 out of range.
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        match &self.data {
            StrData::Latin1(b, _) => b.get(i).map_or(0, |&c| c as u32),
            StrData::Ucs2(b) => b.get(i).map_or(0, |&c| c as u32),
            StrData::Ucs4(b) => b.get(i).copied().unwrap_or(0),
        }
    }

    /// The text when it is ASCII (no copy).
    pub fn as_ascii(&self) -> Option<&str> {
        match &self.data {
            StrData::Latin1(b, true) => std::str::from_utf8(b).ok(),
            _ => None,
        }
    }

    pub fn is_ascii(&self) -> bool {
        matches!(self.data, StrData::Latin1(_, true))
    }

    /// The text as Rust UTF-8; lone surrogates become U+FFFD (see [`PyStr::has_surrogates`]).
    pub fn as_rust(&self) -> Cow<'_, str> {
        if let Some(s) = self.as_ascii() {
            return Cow::Borrowed(s);
        }
        Cow::Owned(
            self.code_points()
                .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                .collect(),
        )
    }

    pub fn has_surrogates(&self) -> bool {
        match &self.data {
            StrData::Latin1(..) => false,
            _ => self.code_points().any(|c| (0xD800..0xE000).contains(&c)),
        }
    }

    pub fn code_points(&self) -> impl DoubleEndedIterator<Item = u32> + ExactSizeIterator + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }

    pub fn to_vec(&self) -> Vec<u32> {
        self.code_points().collect()
    }

    /// The code points `[start, stop)` by `step` (indices already clamped by the caller).
    pub fn slice(&self, start: usize, stop: usize, step: isize) -> PyStr {
        if step == 1 {
            let stop = stop.max(start);
            return match &self.data {
                StrData::Latin1(b, a) => {
                    let part: Box<[u8]> = b[start..stop].into();
                    let ascii = *a || part.is_ascii();
                    if ascii {
                        PyStr::new(StrData::Latin1(part, true))
                    } else {
                        PyStr::from_vec(part.iter().map(|&c| c as u32).collect())
                    }
                }
                _ => PyStr::from_vec((start..stop).map(|i| self.get(i)).collect()),
            };
        }
        let mut out = Vec::new();
        let mut i = start as isize;
        if step > 0 {
            while i < stop as isize {
                out.push(self.get(i as usize));
                i += step;
            }
        } else {
            // For negative steps `start` is the first index taken and `stop` is exclusive
            // encoded as stop+1 (so `stop == 0` means "down to and including 0").
            while i >= stop as isize {
                out.push(self.get(i as usize));
                i += step;
                if i < 0 {
                    break;
                }
            }
        }
        PyStr::from_vec(out)
    }

    /// `hash(s)`: SipHash-1-3 of the storage bytes, as CPython hashes its PEP 393 buffer.
    pub fn hash(&self, secret: &HashSecret) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = match &self.data {
            StrData::Latin1(b, _) => secret.hash_bytes(b),
            StrData::Ucs2(b) => {
                let bytes: Vec<u8> = b.iter().flat_map(|c| c.to_le_bytes()).collect();
                secret.hash_bytes(&bytes)
            }
            StrData::Ucs4(b) => {
                let bytes: Vec<u8> = b.iter().flat_map(|c| c.to_le_bytes()).collect();
                secret.hash_bytes(&bytes)
            }
        };
        self.hash.set(h);
        h
    }

    /// Equality of contents.
    pub fn eq_str(&self, other: &PyStr) -> bool {
        match (&self.data, &other.data) {
            (StrData::Latin1(a, _), StrData::Latin1(b, _)) => a == b,
            (StrData::Ucs2(a), StrData::Ucs2(b)) => a == b,
            (StrData::Ucs4(a), StrData::Ucs4(b)) => a == b,
            _ => false, // different widths never hold equal strings (invariant)
        }
    }

    /// Equality with a Rust string (names in method tables).
    pub fn eq_rust(&self, s: &str) -> bool {
        match self.as_ascii() {
            Some(a) => a == s,
            None => self.code_points().eq(s.chars().map(|c| c as u32)),
        }
    }

    /// Code-point order (`<` on str).
    pub fn cmp_str(&self, other: &PyStr) -> std::cmp::Ordering {
        match (&self.data, &other.data) {
            (StrData::Latin1(a, _), StrData::Latin1(b, _)) => a.cmp(b),
            _ => self.code_points().cmp(other.code_points()),
        }
    }

    /// The storage class, ordered by width: 0 ASCII, 1 Latin-1, 2 UCS-2, 3 UCS-4. The
    /// widest part of a concatenation is the result's (each part being at its narrowest).
    #[inline]
    fn kind(&self) -> u8 {
        match &self.data {
            StrData::Latin1(_, true) => 0,
            StrData::Latin1(_, false) => 1,
            StrData::Ucs2(_) => 2,
            StrData::Ucs4(_) => 3,
        }
    }

    pub fn concat(&self, other: &PyStr) -> PyStr {
        PyStr::concat_all([self, other].into_iter())
    }

    /// Append `other` in place (`s += t` when `s` has no other reference: CPython's
    /// `PyUnicode_Append` resizing a unique str). The buffer grows by `realloc`, which
    /// usually extends it where it is instead of copying it; a wider `other` widens the
    /// whole string (a copy, as in CPython). The cached hash is reset.
    pub fn append(&mut self, other: &PyStr) {
        fn grow<T: Copy>(b: &mut Box<[T]>, more: impl ExactSizeIterator<Item = T>) {
            let mut v = std::mem::take(b).into_vec();
            v.reserve_exact(more.len());
            v.extend(more);
            *b = v.into_boxed_slice();
        }
        self.hash.set(-1);
        match (&mut self.data, &other.data) {
            (StrData::Latin1(a, x), StrData::Latin1(b, y)) => {
                grow(a, b.iter().copied());
                *x = *x && *y;
            }
            (StrData::Ucs2(a), StrData::Latin1(b, _)) => grow(a, b.iter().map(|&c| c as u16)),
            (StrData::Ucs2(a), StrData::Ucs2(b)) => grow(a, b.iter().copied()),
            (StrData::Ucs4(a), StrData::Latin1(b, _)) => grow(a, b.iter().map(|&c| c as u32)),
            (StrData::Ucs4(a), StrData::Ucs2(b)) => grow(a, b.iter().map(|&c| c as u32)),
            (StrData::Ucs4(a), StrData::Ucs4(b)) => grow(a, b.iter().copied()),
            _ => *self = PyStr::concat_all([&*self, other].into_iter()),
        }
    }

    /// The concatenation of `parts` in one exact allocation at the widest part's width
    /// (BUILD_STRING, `+`, `str.join`; CPython's `_PyUnicode_JoinArray`): no detour through
    /// code points.
    pub fn concat_all<'a>(parts: impl Iterator<Item = &'a PyStr> + Clone) -> PyStr {
        let mut total = 0usize;
        let mut kind = 0;
        for p in parts.clone() {
            total += p.len();
            kind = kind.max(p.kind());
        }
        match kind {
            0 | 1 => {
                let mut v = Vec::with_capacity(total);
                for p in parts {
                    if let StrData::Latin1(b, _) = &p.data {
                        v.extend_from_slice(b);
                    }
                }
                PyStr::new(StrData::Latin1(v.into_boxed_slice(), kind == 0))
            }
            2 => {
                let mut v: Vec<u16> = Vec::with_capacity(total);
                for p in parts {
                    match &p.data {
                        StrData::Latin1(b, _) => v.extend(b.iter().map(|&c| c as u16)),
                        StrData::Ucs2(b) => v.extend_from_slice(b),
                        StrData::Ucs4(_) => {} // not with kind 2
                    }
                }
                PyStr::new(StrData::Ucs2(v.into_boxed_slice()))
            }
            _ => {
                let mut v: Vec<u32> = Vec::with_capacity(total);
                for p in parts {
                    match &p.data {
                        StrData::Latin1(b, _) => v.extend(b.iter().map(|&c| c as u32)),
                        StrData::Ucs2(b) => v.extend(b.iter().map(|&c| c as u32)),
                        StrData::Ucs4(b) => v.extend_from_slice(b),
                    }
                }
                PyStr::new(StrData::Ucs4(v.into_boxed_slice()))
            }
        }
    }

    /// The first `len` code points with `left` and `right` copies of `fill` around them,
    /// at the width that holds them all, in one exact allocation (`format()` of a str,
    /// `str.center`-style padding). None when the size cannot be allocated (MemoryError).
    pub fn padded(&self, len: usize, left: usize, right: usize, fill: u32) -> Option<PyStr> {
        fn build<T: Copy>(
            body: impl Iterator<Item = T>,
            len: usize,
            left: usize,
            right: usize,
            fill: T,
        ) -> Option<Box<[T]>> {
            let mut v: Vec<T> = Vec::new();
            let total = len.checked_add(left)?.checked_add(right)?;
            v.try_reserve_exact(total).ok()?;
            v.extend(std::iter::repeat(fill).take(left));
            v.extend(body.take(len));
            v.extend(std::iter::repeat(fill).take(right));
            Some(v.into_boxed_slice())
        }
        let len = len.min(self.len());
        let fill_kind = match fill {
            0..=0x7f => 0,
            0x80..=0xff => 1,
            0x100..=0xffff => 2,
            _ => 3,
        };
        let kind = if left == 0 && right == 0 {
            self.kind()
        } else {
            self.kind().max(fill_kind)
        };
        // A prefix of a non-ASCII Latin-1 string may be ASCII: recompute the flag.
        let data = match (kind, &self.data) {
            (0 | 1, StrData::Latin1(b, _)) => {
                let out = build(b.iter().copied(), len, left, right, fill as u8)?;
                let ascii = kind == 0 || out.is_ascii();
                StrData::Latin1(out, ascii)
            }
            (2, _) => StrData::Ucs2(build(
                self.code_points().map(|c| c as u16),
                len,
                left,
                right,
                fill as u16,
            )?),
            _ => StrData::Ucs4(build(self.code_points(), len, left, right, fill)?),
        };
        let r = PyStr::new(data);
        // Truncation (a precision) may leave only narrower code points: renormalize.
        if len < self.len() && r.kind() >= 2 {
            return Some(PyStr::from_vec(r.to_vec()));
        }
        Some(r)
    }

    pub fn repeat(&self, n: usize) -> PyStr {
        if let StrData::Latin1(a, x) = &self.data {
            return PyStr::new(StrData::Latin1(a.repeat(n).into(), *x));
        }
        let v = self.to_vec();
        PyStr::from_vec(v.repeat(n))
    }

    /// Index of the first occurrence of `needle` at or after `start` (code points).
    pub fn find(&self, needle: &PyStr, start: usize, end: usize) -> Option<usize> {
        let n = needle.len();
        let end = end.min(self.len());
        if n == 0 {
            return (start <= end).then_some(start);
        }
        if let (StrData::Latin1(h, _), StrData::Latin1(nd, _)) = (&self.data, &needle.data) {
            if start >= end {
                return None;
            }
            return h[start..end]
                .windows(n)
                .position(|w| w == &nd[..])
                .map(|p| p + start);
        }
        let nv = needle.to_vec();
        (start..=end.saturating_sub(n))
            .take_while(|&i| i + n <= end)
            .find(|&i| (0..n).all(|j| self.get(i + j) == nv[j]))
    }

    pub fn rfind(&self, needle: &PyStr, start: usize, end: usize) -> Option<usize> {
        let n = needle.len();
        let end = end.min(self.len());
        if start > end || end - start < n {
            return None;
        }
        let nv = needle.to_vec();
        (start..=end - n)
            .rev()
            .find(|&i| (0..n).all(|j| self.get(i + j) == nv[j]))
    }

    /// CPython's `repr(s)` (pyrs-bytecode's constant repr, which follows `unicode_repr`).
    pub fn repr(&self) -> String {
        match pyrs_bytecode::PyStrValue::from_code_points(self.code_points()) {
            Some(v) => pyrs_bytecode::repr::str_repr(&v),
            None => String::from("''"),
        }
    }
}

/// Append `n` in decimal (ASCII digits, `-` first when negative): `str(n)` of a machine
/// int and `%d` write it without an intermediate String.
pub fn push_decimal(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    let mut m = n.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}
