//! Text encodings: `str.encode`, `bytes.decode` and the text files of `open()` for the
//! codecs every Python has built in (utf-8, ascii, latin-1, utf-16, utf-32), with the
//! standard error handlers, and the `UnicodeEncodeError`/`UnicodeDecodeError` objects
//! (CPython: `Objects/unicodeobject.c`, `Python/codecs.c`, `UnicodeError_*` in
//! `Objects/exceptions.c`).
//!
//! A str is a sequence of code points (lone surrogates included), so encoders work on
//! `u32`s; a decoded str is built with `PyStr::from_vec`.

use crate::object::{PyRef, Value};
use crate::types::str::PyStr;
use crate::vm::{PyErr, PyResult, Vm};

/// The codecs pyrs implements, by CPython's normalized name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// The name CPython puts in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(true)) => "utf-16-le",
            Codec::Utf16(Some(false)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(true)) => "utf-32-le",
            Codec::Utf32(Some(false)) => "utf-32-be",
        }
    }
}

/// `codecs.lookup(name)` for the builtin codecs; LookupError otherwise.
pub fn lookup(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    let n: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    Ok(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => {
            Codec::Latin1
        }
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(true)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(false)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(true)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(false)),
        _ => {
            let t = vm.types.lookup_error.clone();
            return Err(vm.new_error(&t, format!("unknown encoding: {name}")));
        }
    })
}

fn exc_type(vm: &Vm, name: &str) -> PyRef {
    vm.types
        .exception_names
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| vm.types.unicode_error.clone())
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    let t = vm.types.lookup_error.clone();
    vm.new_error(&t, format!("unknown error handler name '{errors}'"))
}

fn encode_error(vm: &mut Vm, c: Codec, s: &[u32], start: usize, end: usize, reason: &str) -> PyErr {
    let t = exc_type(vm, "UnicodeEncodeError");
    let args = vec![
        vm.new_str(c.name()),
        vm.new_pystr(PyStr::from_vec(s.to_vec())),
        Value::Int(start as i64),
        Value::Int(end as i64),
        vm.new_str(reason),
    ];
    PyErr(crate::types::exceptions::new_exception(vm, &t, args))
}

fn decode_error(vm: &mut Vm, c: Codec, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let t = exc_type(vm, "UnicodeDecodeError");
    let args = vec![
        vm.new_str(c.name()),
        vm.new_bytes(b.to_vec()),
        Value::Int(start as i64),
        Value::Int(end as i64),
        vm.new_str(reason),
    ];
    PyErr(crate::types::exceptions::new_exception(vm, &t, args))
}

fn is_surrogate(c: u32) -> bool {
    (0xD800..0xE000).contains(&c)
}

fn push_utf8(out: &mut Vec<u8>, c: u32) {
    // Surrogates too (surrogatepass): the generic 3-byte form.
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend([0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]);
    } else if c < 0x10000 {
        out.extend([
            0xE0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]);
    } else {
        out.extend([
            0xF0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3F) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]);
    }
}

fn push_unit(out: &mut Vec<u8>, c: Codec, u: u32) {
    match c {
        Codec::Utf16(le) => {
            let u = u as u16;
            out.extend(if le != Some(false) {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            })
        }
        Codec::Utf32(le) => out.extend(if le != Some(false) {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        }),
        _ => {}
    }
}

/// Append `c` in codec `codec`, or return false when the codec cannot encode it.
fn encode_char(codec: Codec, out: &mut Vec<u8>, c: u32, pass: bool) -> bool {
    match codec {
        Codec::Utf8 => {
            if is_surrogate(c) && !pass {
                return false;
            }
            push_utf8(out, c);
        }
        Codec::Ascii | Codec::Latin1 => {
            let limit = if codec == Codec::Ascii { 0x80 } else { 0x100 };
            if c >= limit {
                return false;
            }
            out.push(c as u8);
        }
        Codec::Utf16(_) => {
            if is_surrogate(c) && !pass {
                return false;
            }
            if c >= 0x10000 {
                let v = c - 0x10000;
                push_unit(out, codec, 0xD800 | (v >> 10));
                push_unit(out, codec, 0xDC00 | (v & 0x3FF));
            } else {
                push_unit(out, codec, c);
            }
        }
        Codec::Utf32(_) => {
            if is_surrogate(c) && !pass {
                return false;
            }
            push_unit(out, codec, c);
        }
    }
    true
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &PyStr, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    let cps = s.to_vec();
    let mut out = Vec::with_capacity(cps.len());
    if matches!(codec, Codec::Utf16(None)) {
        out.extend([0xFF, 0xFE]);
    } else if matches!(codec, Codec::Utf32(None)) {
        out.extend([0xFF, 0xFE, 0, 0]);
    }
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if encode_char(codec, &mut out, c, false) {
            i += 1;
            continue;
        }
        // The run of characters this codec cannot encode (what CPython reports).
        let mut end = i + 1;
        while end < cps.len() && {
            let mut scratch = Vec::new();
            !encode_char(codec, &mut scratch, cps[end], false)
        } {
            end += 1;
        }
        let reason = match codec {
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
            _ => "surrogates not allowed",
        };
        match errors {
            "strict" => return Err(encode_error(vm, codec, &cps, i, end, reason)),
            "ignore" => {}
            "replace" => {
                for _ in i..end {
                    encode_char(codec, &mut out, '?' as u32, false);
                }
            }
            "backslashreplace" | "xmlcharrefreplace" => {
                for &c in &cps[i..end] {
                    let rep = if errors == "xmlcharrefreplace" {
                        format!("&#{c};")
                    } else if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    for r in rep.chars() {
                        encode_char(codec, &mut out, r as u32, false);
                    }
                }
            }
            "surrogateescape" => {
                for (k, &c) in cps[i..end].iter().enumerate() {
                    if !(0xDC80..0xDD00).contains(&c) {
                        return Err(encode_error(vm, codec, &cps, i + k, i + k + 1, reason));
                    }
                    out.push((c - 0xDC00) as u8);
                }
            }
            "surrogatepass" => {
                for (k, &c) in cps[i..end].iter().enumerate() {
                    let utf = !matches!(codec, Codec::Ascii | Codec::Latin1);
                    if !utf || !is_surrogate(c) {
                        return Err(encode_error(vm, codec, &cps, i + k, i + k + 1, reason));
                    }
                    encode_char(codec, &mut out, c, true);
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// The length of the UTF-8 sequence starting at `b[i]` and whether it is complete, as
/// CPython's decoder sees it: `Ok(len)` for a valid character, `Err((n, reason))` for an
/// invalid one covering `n` bytes.
fn utf8_step(b: &[u8], i: usize) -> Result<(u32, usize), (usize, &'static str)> {
    let c0 = b[i];
    if c0 < 0x80 {
        return Ok((c0 as u32, 1));
    }
    let (n, min, init) = match c0 {
        0xC2..=0xDF => (2, 0x80, (c0 & 0x1F) as u32),
        0xE0..=0xEF => (3, 0x800, (c0 & 0x0F) as u32),
        0xF0..=0xF4 => (4, 0x10000, (c0 & 0x07) as u32),
        _ => return Err((1, "invalid start byte")),
    };
    let mut cp = init;
    for k in 1..n {
        let Some(&c) = b.get(i + k) else {
            return Err((b.len() - i, "unexpected end of data"));
        };
        // The second byte's valid range is narrower for E0, ED, F0, F4.
        let (lo, hi) = match (k, c0) {
            (1, 0xE0) => (0xA0, 0xBF),
            (1, 0xED) => (0x80, 0x9F),
            (1, 0xF0) => (0x90, 0xBF),
            (1, 0xF4) => (0x80, 0x8F),
            _ => (0x80, 0xBF),
        };
        if c < lo || c > hi {
            return Err((k, "invalid continuation byte"));
        }
        cp = (cp << 6) | (c & 0x3F) as u32;
    }
    debug_assert!(cp >= min);
    Ok((cp, n))
}

/// `bytes.decode(encoding, errors)`: the decoded str.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let codec = lookup(vm, encoding)?;
    let cps = decode_cps(vm, codec, b, errors)?;
    Ok(vm.new_pystr(PyStr::from_vec(cps)))
}

/// Decode to code points.
pub fn decode_cps(vm: &mut Vm, codec: Codec, b: &[u8], errors: &str) -> PyResult<Vec<u32>> {
    if !matches!(
        errors,
        "strict" | "ignore" | "replace" | "backslashreplace" | "surrogateescape" | "surrogatepass"
    ) {
        return Err(unknown_handler(vm, errors));
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    // `bad(start, end, reason)` applies the error handler to `b[start..end]`.
    macro_rules! bad {
        ($s:expr, $e:expr, $reason:expr) => {{
            let (s, e) = ($s, $e);
            match errors {
                "strict" => return Err(decode_error(vm, codec, b, s, e, $reason)),
                "ignore" => {}
                "replace" => out.push(0xFFFD),
                "backslashreplace" => {
                    for &x in &b[s..e] {
                        out.extend(format!("\\x{x:02x}").chars().map(|c| c as u32));
                    }
                }
                "surrogateescape" if b[s..e].iter().all(|&x| x >= 0x80) => {
                    out.extend(b[s..e].iter().map(|&x| 0xDC00 + x as u32))
                }
                _ => return Err(decode_error(vm, codec, b, s, e, $reason)),
            }
        }};
    }
    match codec {
        Codec::Utf8 => {
            while i < b.len() {
                match utf8_step(b, i) {
                    Ok((c, n)) => {
                        out.push(c);
                        i += n;
                    }
                    Err((n, reason)) => {
                        // surrogatepass: ED A0..BF xx is an encoded surrogate.
                        if errors == "surrogatepass"
                            && b[i] == 0xED
                            && i + 2 < b.len()
                            && (0xA0..=0xBF).contains(&b[i + 1])
                            && (0x80..=0xBF).contains(&b[i + 2])
                        {
                            out.push(
                                0xD000
                                    | (((b[i + 1] & 0x3F) as u32) << 6)
                                    | (b[i + 2] & 0x3F) as u32,
                            );
                            i += 3;
                            continue;
                        }
                        if errors == "surrogateescape" || errors == "backslashreplace" {
                            // These handlers take one byte at a time.
                            bad!(i, i + 1, reason);
                            i += 1;
                        } else {
                            bad!(i, i + n, reason);
                            i += n;
                        }
                    }
                }
            }
        }
        Codec::Ascii => {
            for (k, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as u32);
                } else {
                    bad!(k, k + 1, "ordinal not in range(128)");
                }
            }
        }
        Codec::Latin1 => out.extend(b.iter().map(|&x| x as u32)),
        Codec::Utf16(order) | Codec::Utf32(order) => {
            let w = if matches!(codec, Codec::Utf16(_)) {
                2
            } else {
                4
            };
            let mut le = order != Some(false);
            if order.is_none() {
                if w == 2 && b.starts_with(&[0xFF, 0xFE]) {
                    i = 2;
                } else if w == 2 && b.starts_with(&[0xFE, 0xFF]) {
                    (i, le) = (2, false);
                } else if w == 4 && b.starts_with(&[0xFF, 0xFE, 0, 0]) {
                    i = 4;
                } else if w == 4 && b.starts_with(&[0, 0, 0xFE, 0xFF]) {
                    (i, le) = (4, false);
                }
            }
            let unit = |k: usize| -> u32 {
                let s = &b[k..k + w];
                let mut v = 0u32;
                for j in 0..w {
                    let byte = if le { s[w - 1 - j] } else { s[j] };
                    v = (v << 8) | byte as u32;
                }
                v
            };
            while i < b.len() {
                if i + w > b.len() {
                    bad!(i, b.len(), "truncated data");
                    break;
                }
                let u = unit(i);
                if w == 4 {
                    if u > 0x10FFFF {
                        bad!(i, i + 4, "code point not in range(0x110000)");
                    } else if is_surrogate(u) && errors != "surrogatepass" {
                        bad!(
                            i,
                            i + 4,
                            "code point in surrogate code point range(0xd800, 0xe000)"
                        );
                    } else {
                        out.push(u);
                    }
                    i += 4;
                    continue;
                }
                if (0xD800..0xDC00).contains(&u) {
                    if i + 4 > b.len() {
                        bad!(i, b.len(), "unexpected end of data");
                        break;
                    }
                    let lo = unit(i + 2);
                    if (0xDC00..0xE000).contains(&lo) {
                        out.push(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                        i += 4;
                    } else {
                        bad!(i, i + 2, "illegal UTF-16 surrogate");
                        i += 2;
                    }
                } else if (0xDC00..0xE000).contains(&u) {
                    bad!(i, i + 2, "illegal encoding");
                    i += 2;
                } else {
                    out.push(u);
                    i += 2;
                }
            }
        }
    }
    Ok(out)
}

/// `str(e)` of a UnicodeEncodeError/UnicodeDecodeError built with the 5 standard
/// arguments; `None` for other shapes.
pub fn unicode_error_str(vm: &mut Vm, e: &PyRef, args: &[Value]) -> PyResult<Option<String>> {
    if args.len() != 5 {
        return Ok(None);
    }
    let enc_t = exc_type(vm, "UnicodeEncodeError");
    let dec_t = exc_type(vm, "UnicodeDecodeError");
    let is = |t: &PyRef| crate::object::typeobj::is_subtype(&e.ty, t);
    let (Value::Int(start), Value::Int(end)) = (&args[2], &args[3]) else {
        return Ok(None);
    };
    let (start, end) = (*start, *end);
    let enc = vm.str_string(&args[0])?;
    let reason = vm.str_string(&args[4])?;
    if is(&enc_t) {
        let Some(s) = args[1].as_str() else {
            return Ok(None);
        };
        if end == start + 1 && start >= 0 && (start as usize) < s.len() {
            let c = s.get(start as usize);
            let ch = if c < 0x100 {
                format!("\\x{c:02x}")
            } else if c < 0x10000 {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            return Ok(Some(format!(
                "'{enc}' codec can't encode character '{ch}' in position {start}: {reason}"
            )));
        }
        return Ok(Some(format!(
            "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        )));
    }
    if is(&dec_t) {
        let Some(crate::object::Payload::Bytes(b)) = args[1].payload() else {
            return Ok(None);
        };
        if end == start + 1 && start >= 0 && (start as usize) < b.len() {
            return Ok(Some(format!(
                "'{enc}' codec can't decode byte {:#04x} in position {start}: {reason}",
                b[start as usize]
            )));
        }
        return Ok(Some(format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )));
    }
    Ok(None)
}

/// `encoding`, `object`, `start`, `end`, `reason` of a UnicodeError with 5 arguments.
pub fn unicode_error_attr(vm: &Vm, e: &PyRef, args: &[Value], name: &str) -> Option<Value> {
    if args.len() != 5 || !crate::object::typeobj::is_subtype(&e.ty, &vm.types.unicode_error) {
        return None;
    }
    let i = ["encoding", "object", "start", "end", "reason"]
        .iter()
        .position(|n| *n == name)?;
    Some(args[i].clone())
}

/// The `encoding` and `errors` arguments of `encode`/`decode` (positional or keyword),
/// defaulting to utf-8 and strict. `args.pos[0]` is the object itself.
pub fn codec_args(
    vm: &mut Vm,
    args: &mut crate::types::function::Args,
    what: &str,
) -> PyResult<(String, String)> {
    let enc = args
        .take_kw("encoding")
        .or_else(|| args.pos.get(1).cloned());
    let err = args.take_kw("errors").or_else(|| args.pos.get(2).cloned());
    if args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "{what}() takes at most 2 arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    let text = |vm: &mut Vm, v: Option<Value>, arg: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.as_rust().into_owned()),
                None => {
                    let t = vm.type_name(&v);
                    Err(vm.type_error(format!("{what}() argument '{arg}' must be str, not {t}")))
                }
            },
        }
    };
    let e = text(vm, enc, "encoding", "utf-8")?;
    let r = text(vm, err, "errors", "strict")?;
    Ok((e, r))
}
