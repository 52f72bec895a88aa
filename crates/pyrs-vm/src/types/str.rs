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
    /// The same for at most [`SHORT`] code points, kept inside the object: a short str
    /// (`str(i)`, split pieces, formatted fields) costs one allocation, not two, as
    /// CPython's compact strings. Never read directly: [`PyStr::l1`] views both forms.
    /// Invariant: `buf[len..]` is zero (made only by [`latin1_data`]), so
    /// [`PyStr::eq_str`] compares whole buffers.
    Short {
        len: u8,
        ascii: bool,
        buf: [u8; SHORT],
    },
    Ucs2(Box<[u16]>),
    Ucs4(Box<[u32]>),
}

/// The longest Latin-1 str stored inline: the most that keeps `StrData` at 24 bytes (the
/// size of its boxed variants), so `PyStr` and every object stay as large as before
/// (`tests.rs` checks the size).
const SHORT: usize = 21;

/// Latin-1 storage for `b` (its bytes copied into the object when short).
fn latin1_data(b: &[u8], ascii: bool) -> StrData {
    if b.len() <= SHORT {
        let mut buf = [0u8; SHORT];
        buf[..b.len()].copy_from_slice(b);
        return StrData::Short {
            len: b.len() as u8,
            ascii,
            buf,
        };
    }
    StrData::Latin1(b.into(), ascii)
}

/// Latin-1 storage taking an owned buffer (kept as is when long).
fn latin1_owned(b: Vec<u8>, ascii: bool) -> StrData {
    if b.len() <= SHORT {
        return latin1_data(&b, ascii);
    }
    StrData::Latin1(b.into_boxed_slice(), ascii)
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
            return PyStr::new(latin1_data(s.as_bytes(), true));
        }
        PyStr::from_code_points(s.chars().map(|c| c as u32))
    }

    /// From an owned Rust string: ASCII text keeps its buffer (no copy when the capacity
    /// is exact).
    pub fn from_string(s: String) -> PyStr {
        if s.is_ascii() {
            return PyStr::new(latin1_owned(s.into_bytes(), true));
        }
        PyStr::from_str(&s)
    }

    /// `str(n)` for a machine int: at most 20 characters, so stored inline.
    pub fn from_i64(n: i64) -> PyStr {
        let mut buf = [0u8; SHORT];
        let mut i = SHORT;
        let mut m = n.unsigned_abs();
        loop {
            i -= 1;
            buf[i] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        if n < 0 {
            i -= 1;
            buf[i] = b'-';
        }
        PyStr::new(latin1_data(&buf[i..], true))
    }

    /// From a slice of code points < 256 (copied; the ASCII flag is computed).
    pub fn from_latin1_slice(b: &[u8]) -> PyStr {
        PyStr::new(latin1_data(b, b.is_ascii()))
    }

    /// From code points < 256 (the ASCII flag is computed).
    pub fn from_latin1(b: Vec<u8>) -> PyStr {
        let ascii = b.is_ascii();
        PyStr::new(latin1_owned(b, ascii))
    }

    /// The storage when every code point is < 256 (one byte each): the fast paths of the
    /// str methods work on these bytes.
    #[inline]
    pub fn latin1(&self) -> Option<&[u8]> {
        self.l1().map(|(b, _)| b)
    }

    /// The one-byte storage, inline or boxed, and its ASCII flag.
    #[inline]
    fn l1(&self) -> Option<(&[u8], bool)> {
        match &self.data {
            StrData::Latin1(b, a) => Some((b, *a)),
            StrData::Short { len, ascii, buf } => Some((&buf[..*len as usize], *ascii)),
            _ => None,
        }
    }

    /// The storage as a slice of its code-unit width (for methods generic over the width).
    pub fn units(&self) -> Units<'_> {
        match &self.data {
            StrData::Ucs2(b) => Units::U2(b),
            StrData::Ucs4(b) => Units::U4(b),
            _ => Units::L1(self.latin1().unwrap_or_default()),
        }
    }

    /// From code points (each <= 0x10FFFF; surrogates allowed).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> PyStr {
        let cps: Vec<u32> = cps.into_iter().collect();
        PyStr::from_vec(cps)
    }

    pub fn from_vec(cps: Vec<u32>) -> PyStr {
        let max = cps.iter().copied().max().unwrap_or(0);
        let data = if max < 256 {
            latin1_owned(cps.iter().map(|&c| c as u8).collect(), max < 128)
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
            StrData::Short { len, .. } => *len as usize,
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
            StrData::Short { len, buf, .. } => buf[..*len as usize].get(i).map_or(0, |&c| c as u32),
            StrData::Ucs2(b) => b.get(i).map_or(0, |&c| c as u32),
            StrData::Ucs4(b) => b.get(i).copied().unwrap_or(0),
        }
    }

    /// The text when it is ASCII (no copy).
    pub fn as_ascii(&self) -> Option<&str> {
        match self.l1() {
            Some((b, true)) => std::str::from_utf8(b).ok(),
            _ => None,
        }
    }

    pub fn is_ascii(&self) -> bool {
        matches!(
            self.data,
            StrData::Latin1(_, true) | StrData::Short { ascii: true, .. }
        )
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
            StrData::Latin1(..) | StrData::Short { .. } => false,
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
            return match self.l1() {
                Some((b, a)) => {
                    let part = &b[start..stop];
                    PyStr::new(latin1_data(part, a || part.is_ascii()))
                }
                None => PyStr::from_vec((start..stop).map(|i| self.get(i)).collect()),
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
    /// The cached value is read inline (every dict lookup by a str asks); the first
    /// computation is out of line.
    #[inline(always)]
    pub fn hash(&self, secret: &HashSecret) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        self.hash_first(secret)
    }

    #[inline(never)]
    fn hash_first(&self, secret: &HashSecret) -> i64 {
        let h = match &self.data {
            StrData::Latin1(..) | StrData::Short { .. } => {
                secret.hash_bytes(self.latin1().unwrap_or_default())
            }
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
        // Two short strs (dict keys, names): the bytes past `len` are zero
        // (`latin1_data`), so equal strs have equal whole buffers — a fixed-size compare,
        // no `memcmp` call.
        if let (StrData::Short { len: n, buf: a, .. }, StrData::Short { len: m, buf: b, .. }) =
            (&self.data, &other.data)
        {
            return n == m && a == b;
        }
        if let (Some((a, _)), Some((b, _))) = (self.l1(), other.l1()) {
            return a == b;
        }
        match (&self.data, &other.data) {
            (StrData::Ucs2(a), StrData::Ucs2(b)) => a == b,
            (StrData::Ucs4(a), StrData::Ucs4(b)) => a == b,
            _ => false, // different widths never hold equal strings (invariant)
        }
    }

    /// Equality with a Rust string (names in method tables).
    pub fn eq_rust(&self, s: &str) -> bool {
        // ASCII storage equals `s` byte for byte or not at all (a non-ASCII char of `s`
        // has UTF-8 bytes >= 0x80); no UTF-8 validation of the storage (`as_ascii`'s).
        match self.l1() {
            Some((b, true)) => b == s.as_bytes(),
            _ => self.code_points().eq(s.chars().map(|c| c as u32)),
        }
    }

    /// Code-point order (`<` on str).
    pub fn cmp_str(&self, other: &PyStr) -> std::cmp::Ordering {
        match (self.l1(), other.l1()) {
            (Some((a, _)), Some((b, _))) => a.cmp(b),
            _ => self.code_points().cmp(other.code_points()),
        }
    }

    /// The storage class, ordered by width: 0 ASCII, 1 Latin-1, 2 UCS-2, 3 UCS-4. The
    /// widest part of a concatenation is the result's (each part being at its narrowest).
    #[inline]
    fn kind(&self) -> u8 {
        match &self.data {
            StrData::Latin1(_, true) | StrData::Short { ascii: true, .. } => 0,
            StrData::Latin1(_, false) | StrData::Short { ascii: false, .. } => 1,
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
        match (&mut self.data, other.units()) {
            (StrData::Latin1(a, x), Units::L1(b)) => {
                grow(a, b.iter().copied());
                *x = *x && other.is_ascii();
            }
            (StrData::Ucs2(a), Units::L1(b)) => grow(a, b.iter().map(|&c| c as u16)),
            (StrData::Ucs2(a), Units::U2(b)) => grow(a, b.iter().copied()),
            (StrData::Ucs4(a), Units::L1(b)) => grow(a, b.iter().map(|&c| c as u32)),
            (StrData::Ucs4(a), Units::U2(b)) => grow(a, b.iter().map(|&c| c as u32)),
            (StrData::Ucs4(a), Units::U4(b)) => grow(a, b.iter().copied()),
            // A short str (it may become a boxed one), or a wider `other`.
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
            0 | 1 if total <= SHORT => {
                let mut buf = [0u8; SHORT];
                let mut n = 0;
                for b in parts.filter_map(|p| p.latin1()) {
                    buf[n..n + b.len()].copy_from_slice(b);
                    n += b.len();
                }
                PyStr::new(latin1_data(&buf[..n], kind == 0))
            }
            0 | 1 => {
                let mut v = Vec::with_capacity(total);
                for b in parts.filter_map(|p| p.latin1()) {
                    v.extend_from_slice(b);
                }
                PyStr::new(StrData::Latin1(v.into_boxed_slice(), kind == 0))
            }
            2 => {
                let mut v: Vec<u16> = Vec::with_capacity(total);
                for p in parts {
                    match p.units() {
                        Units::L1(b) => v.extend(b.iter().map(|&c| c as u16)),
                        Units::U2(b) => v.extend_from_slice(b),
                        Units::U4(_) => {} // not with kind 2
                    }
                }
                PyStr::new(StrData::Ucs2(v.into_boxed_slice()))
            }
            _ => {
                let mut v: Vec<u32> = Vec::with_capacity(total);
                for p in parts {
                    match p.units() {
                        Units::L1(b) => v.extend(b.iter().map(|&c| c as u32)),
                        Units::U2(b) => v.extend(b.iter().map(|&c| c as u32)),
                        Units::U4(b) => v.extend_from_slice(b),
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
        let data = match (kind, self.l1()) {
            (0 | 1, Some((b, _))) => {
                let out = build(b.iter().copied(), len, left, right, fill as u8)?;
                let ascii = kind == 0 || out.is_ascii();
                latin1_owned(out.into_vec(), ascii)
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
        if let Some((a, x)) = self.l1() {
            return PyStr::new(latin1_owned(a.repeat(n), x));
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
        if let (Some(h), Some(nd)) = (self.latin1(), needle.latin1()) {
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
