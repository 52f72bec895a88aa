//! Source bytes → text: the UTF-8 BOM, PEP 263 coding cookies, and the few codecs that
//! source files use (CPython: `decode_str`/`check_coding_spec`/`get_normal_name` in
//! `Parser/tokenizer.c`, `detect_encoding` in `Lib/tokenize.py`, `Lib/encodings/`).
//!
//! Supported codecs: utf-8, latin-1 (iso-8859-1), ascii, cp1252, koi8-r, under their usual
//! aliases. Any other name is reported as an unknown encoding.

use crate::codec_tables::{CP1252, KOI8_R};
use crate::error::{SyntaxError, SyntaxErrorClass};

/// Decoded source text and the encoding name `tokenize.detect_encoding` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedSource {
    pub text: String,
    pub encoding: String,
    /// True when the file declared its encoding (a UTF-8 BOM or a PEP 263 cookie).
    /// CPython then reports parser error columns in characters, else in bytes.
    pub declared: bool,
}

const BOM: &[u8] = b"\xef\xbb\xbf";

/// A codec pyrs implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Cp1252,
    Koi8R,
}

impl Codec {
    /// `codecs.lookup` for the names we support (after `encodings.normalize_encoding`).
    pub(crate) fn lookup(name: &str) -> Option<Codec> {
        let norm: String = name
            .chars()
            .map(|c| {
                if c == '-' || c == ' ' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Some(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
            "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "iso_8859_1:1987" | "ibm819" | "csisolatin1" => {
                Codec::Latin1
            }
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
            | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us"
            | "iso_646.irv:1991" | "iso_ir_6" => Codec::Ascii,
            "cp1252" | "windows_1252" => Codec::Cp1252,
            "koi8_r" | "cskoi8r" => Codec::Koi8R,
            _ => return None,
        })
    }

    /// Decode `bytes`; on error, Python's `UnicodeDecodeError` text and the byte position.
    pub(crate) fn decode(self, bytes: &[u8]) -> Result<String, (String, usize)> {
        let table = match self {
            Codec::Utf8 => return decode_utf8(bytes),
            Codec::Latin1 => return Ok(bytes.iter().map(|&b| b as char).collect()),
            Codec::Ascii => {
                return match bytes.iter().position(|&b| b >= 0x80) {
                    None => Ok(bytes.iter().map(|&b| b as char).collect()),
                    Some(i) => Err((
                        format!(
                            "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                            bytes[i], i
                        ),
                        i,
                    )),
                }
            }
            Codec::Cp1252 => &CP1252,
            Codec::Koi8R => &KOI8_R,
        };
        let mut out = String::with_capacity(bytes.len());
        for (i, &b) in bytes.iter().enumerate() {
            if b < 0x80 {
                out.push(b as char);
                continue;
            }
            match char::from_u32(table[(b - 0x80) as usize] as u32) {
                Some(c) if c != '\u{FFFF}' => out.push(c),
                _ => {
                    return Err((
                        format!(
                            "'charmap' codec can't decode byte 0x{:02x} in position {}: character maps to <undefined>",
                            b, i
                        ),
                        i,
                    ))
                }
            }
        }
        Ok(out)
    }
}

/// Strict UTF-8 decoding with CPython's error text.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<String, (String, usize)> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let i = e.valid_up_to();
            let b = bytes.get(i).copied().unwrap_or(0);
            let reason = match e.error_len() {
                None => "unexpected end of data",
                Some(_) if (0xC2..=0xF4).contains(&b) => "invalid continuation byte",
                Some(_) => "invalid start byte",
            };
            Err((
                format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                    b, i, reason
                ),
                i,
            ))
        }
    }
}

/// `get_normal_name`: canonical spellings of utf-8 and latin-1, other names unchanged.
pub(crate) fn normal_name(orig: &str) -> String {
    let enc: String = orig
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if enc == "utf-8" || enc.starts_with("utf-8-") {
        return "utf-8".into();
    }
    if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&enc.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| enc.starts_with(p))
    {
        return "iso-8859-1".into();
    }
    orig.into()
}

/// The PEP 263 cookie of one line (`[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`, ASCII `\w`).
pub(crate) fn find_cookie(line: &[u8]) -> Option<&str> {
    let mut i = 0;
    while matches!(line.get(i), Some(b' ' | b'\t' | b'\x0c')) {
        i += 1;
    }
    if line.get(i) != Some(&b'#') {
        return None;
    }
    let name_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
    let mut k = i;
    while k + 6 < line.len() {
        if &line[k..k + 6] == b"coding" && matches!(line[k + 6], b':' | b'=') {
            let mut t = k + 7;
            while matches!(line.get(t), Some(b' ' | b'\t')) {
                t += 1;
            }
            let begin = t;
            while line.get(t).is_some_and(|&c| name_char(c)) {
                t += 1;
            }
            if t > begin {
                return std::str::from_utf8(&line[begin..t]).ok();
            }
        }
        if line[k] == b'\n' {
            return None; // `.` does not cross a line end
        }
        k += 1;
    }
    None
}

/// Whether a line may be followed by a cookie line (`^[ \t\f]*(?:[#\r\n]|$)`).
pub(crate) fn is_blank_or_comment(line: &[u8]) -> bool {
    let mut i = 0;
    while matches!(line.get(i), Some(b' ' | b'\t' | b'\x0c')) {
        i += 1;
    }
    matches!(line.get(i), None | Some(b'#' | b'\r' | b'\n'))
}

/// Split off the first line (through `\n`), as `readline` on a binary file does.
pub(crate) fn first_line(b: &[u8]) -> (&[u8], &[u8]) {
    match b.iter().position(|&c| c == b'\n') {
        Some(i) => b.split_at(i + 1),
        None => (b, &[]),
    }
}

/// The cookie of the first two lines (the second only after a blank or comment line).
pub(crate) fn cookie_of(body: &[u8]) -> Option<(&str, usize)> {
    let (l1, rest) = first_line(body);
    if let Some(c) = find_cookie(l1) {
        return Some((c, 1));
    }
    if !is_blank_or_comment(l1) {
        return None;
    }
    let (l2, _) = first_line(rest);
    find_cookie(l2).map(|c| (c, 2))
}

fn encoding_error(msg: String) -> SyntaxError {
    // CPython: lineno 0, offset -1, no end position (None → 0 here).
    SyntaxError {
        class: SyntaxErrorClass::SyntaxError,
        msg,
        lineno: 0,
        offset: SyntaxError::MINUS_ONE,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Bytes of a .py file → text, as CPython decodes a source file it compiles.
pub fn decode_source(bytes: &[u8]) -> Result<DecodedSource, SyntaxError> {
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let mut codec = Codec::Utf8;
    let mut encoding = if bom {
        "utf-8-sig".to_string()
    } else {
        "utf-8".to_string()
    };
    if let Some((cookie, _)) = cookie_of(body) {
        let name = normal_name(cookie);
        if bom && name != "utf-8" {
            return Err(encoding_error(format!(
                "encoding problem: {} with BOM",
                name
            )));
        }
        codec = Codec::lookup(&name)
            .ok_or_else(|| encoding_error(format!("unknown encoding: {}", name)))?;
        encoding = if bom { format!("{}-sig", name) } else { name };
    }
    let declared = bom || encoding != "utf-8" || cookie_of(body).is_some();
    match codec.decode(body) {
        Ok(text) => Ok(DecodedSource {
            text,
            encoding,
            declared,
        }),
        Err((msg, at)) => Err(decode_error(body, at, &msg)),
    }
}

/// Bytes of a script file → text, with the errors CPython reports when it *runs* a file
/// (its file reader, `Parser/tokenizer.c` `fp_setreadl`/`decoding_fgets`), which differ
/// from `compile()` of the same bytes: undeclared non-UTF-8 bytes give "Non-UTF-8 code
/// starting with ..." and a bad or unusable cookie gives "encoding problem: NAME".
/// These errors carry no position (CPython prints no source line for them).
pub fn decode_source_file(bytes: &[u8], filename: &str) -> Result<DecodedSource, SyntaxError> {
    let bom = bytes.starts_with(BOM);
    let body = if bom { &bytes[BOM.len()..] } else { bytes };
    let cookie = cookie_of(body).map(|(c, _)| normal_name(c));
    match decode_source(bytes) {
        Ok(d) => Ok(d),
        Err(e) => {
            if let Some(name) = &cookie {
                if !e.msg.ends_with("with BOM") {
                    return Err(encoding_error(format!("encoding problem: {name}")));
                }
                return Err(e);
            }
            if bom {
                return Err(e);
            }
            let bad = match std::str::from_utf8(body) {
                Ok(_) => return Err(e),
                Err(u) => u.valid_up_to(),
            };
            let line = body[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(encoding_error(format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                body[bad]
            )))
        }
    }
}

/// "(unicode error) ..." located like CPython's report for a bad identifier or string:
/// at the line of the bad byte, column of the word holding it; the codec position is
/// counted from that word's start.
fn decode_error(body: &[u8], at: usize, msg: &str) -> SyntaxError {
    let at = at.min(body.len());
    let line_start = body[..at]
        .iter()
        .rposition(|&c| c == b'\n' || c == b'\r')
        .map_or(0, |i| i + 1);
    let lineno = 1 + body[..line_start]
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && body.get(i + 1) != Some(&b'\n')))
        .count() as u32;
    let word = body[line_start..at]
        .iter()
        .rposition(|&c| {
            matches!(
                c,
                b' ' | b'\t' | b'\'' | b'"' | b'(' | b'[' | b'{' | b'=' | b','
            )
        })
        .map_or(line_start, |i| line_start + i + 1);
    let msg = match msg.find(" in position ") {
        Some(i) => {
            let tail = &msg[i + " in position ".len()..];
            let after_num = tail.find(':').unwrap_or(tail.len());
            format!(
                "{} in position {}{}",
                &msg[..i],
                at - word,
                &tail[after_num..]
            )
        }
        None => msg.to_string(),
    };
    let line_end = body[at..]
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
        .map_or(body.len(), |i| at + i);
    if word > line_start && matches!(body[word - 1], b'\'' | b'"') {
        // Inside a string literal: the parser raises it at the token after the string.
        let quote = body[word - 1];
        if let Some(close) = body[at..line_end].iter().position(|&c| c == quote) {
            // The next token (assumed one character; a NEWLINE has an empty range).
            let after = at + close + 1;
            let col = crate::chars::char_len(&body[line_start..after]) as u32 + 1;
            let end = if after < line_end { col + 1 } else { col };
            return SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                msg: format!("(unicode error) {}", msg),
                lineno,
                offset: col,
                end_lineno: lineno,
                end_offset: end,
                text: None,
            };
        }
    }
    let col = crate::chars::char_len(&body[line_start..word]) as u32 + 1;
    SyntaxError {
        class: SyntaxErrorClass::SyntaxError,
        msg: format!("(unicode error) {}", msg),
        lineno,
        offset: col,
        end_lineno: lineno,
        end_offset: SyntaxError::MINUS_ONE,
        text: None,
    }
}
