//! The `tokenize.py` mode: a line-by-line emulation of `Lib/tokenize.py`'s `_tokenize`
//! (3.11), whose regular expressions are re-implemented here by hand (`pseudo_match`,
//! `py_number`, ...), with its quirks: `1abc` is NUMBER then NAME, a stray `$` or an
//! unterminated single-quoted string gives ERRORTOKENs, positions are in characters.
//!
//! Operators come from `lexer::operator` (shared with the C mode). Invariant: the
//! emulation reads each line once and every step advances `pos`, so it terminates.

use crate::chars::{is_id_start, is_space, is_word};
use crate::lexer::operator;
use crate::token::TokenKind;

/// One token as `tokenize.TokenInfo`: exact type, string, (row, col) start and end.
pub(crate) struct PyTok<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    pub start: (u32, u32),
    pub end: (u32, u32),
}

/// The exceptions `tokenize.main` reports: IndentationError (message, line, column) and
/// TokenError (message, line, column).
pub(crate) struct PyTokError {
    pub msg: &'static str,
    pub line: u32,
    pub col: u32,
}

const TABSIZE: u32 = 8;

/// Character column of byte `byte` in `line`.
fn cc(line: &str, byte: usize) -> u32 {
    let b = line.as_bytes();
    let byte = byte.min(b.len());
    crate::chars::char_len(&b[..byte]) as u32
}

/// `[0-9](?:_?[0-9])*` at `i`.
fn digitpart(b: &[u8], i: usize) -> Option<usize> {
    if !b.get(i)?.is_ascii_digit() {
        return None;
    }
    let mut j = i + 1;
    loop {
        match b.get(j) {
            Some(c) if c.is_ascii_digit() => j += 1,
            Some(b'_') if b.get(j + 1).is_some_and(|c| c.is_ascii_digit()) => j += 2,
            _ => return Some(j),
        }
    }
}

/// `[eE][-+]?digitpart`.
fn exponent(b: &[u8], i: usize) -> Option<usize> {
    if !matches!(b.get(i), Some(b'e' | b'E')) {
        return None;
    }
    let j = if matches!(b.get(i + 1), Some(b'+' | b'-')) {
        i + 2
    } else {
        i + 1
    };
    digitpart(b, j)
}

/// `Floatnumber` = Pointfloat | Expfloat.
fn floatnumber(b: &[u8], i: usize) -> Option<usize> {
    let point = if let Some(d) = digitpart(b, i) {
        if b.get(d) == Some(&b'.') {
            Some(digitpart(b, d + 1).unwrap_or(d + 1))
        } else {
            None
        }
    } else if b.get(i) == Some(&b'.') {
        digitpart(b, i + 1)
    } else {
        None
    };
    if let Some(p) = point {
        return Some(exponent(b, p).unwrap_or(p));
    }
    digitpart(b, i).and_then(|d| exponent(b, d))
}

/// `_?[class]` repeated at least once after a radix prefix.
fn radix_tail(b: &[u8], mut j: usize, ok: impl Fn(u8) -> bool) -> Option<usize> {
    let start = j;
    loop {
        match b.get(j) {
            Some(&c) if ok(c) => j += 1,
            Some(b'_') if b.get(j + 1).is_some_and(|&c| ok(c)) => j += 2,
            _ => break,
        }
    }
    (j > start).then_some(j)
}

/// `Number` = Imagnumber | Floatnumber | Intnumber.
fn py_number(b: &[u8], i: usize) -> Option<usize> {
    let is_j = |k: usize| matches!(b.get(k), Some(b'j' | b'J'));
    if let Some(d) = digitpart(b, i) {
        if is_j(d) {
            return Some(d + 1);
        }
    }
    if let Some(f) = floatnumber(b, i) {
        if is_j(f) {
            return Some(f + 1);
        }
        return Some(f);
    }
    let c0 = *b.get(i)?;
    if c0 == b'0' {
        let t = match b.get(i + 1) {
            Some(b'x' | b'X') => radix_tail(b, i + 2, |c| c.is_ascii_hexdigit()),
            Some(b'b' | b'B') => radix_tail(b, i + 2, |c| c == b'0' || c == b'1'),
            Some(b'o' | b'O') => radix_tail(b, i + 2, |c| (b'0'..=b'7').contains(&c)),
            _ => None,
        };
        if t.is_some() {
            return t;
        }
        let mut j = i + 1;
        loop {
            match b.get(j) {
                Some(b'0') => j += 1,
                Some(b'_') if b.get(j + 1) == Some(&b'0') => j += 2,
                _ => return Some(j),
            }
        }
    }
    if (b'1'..=b'9').contains(&c0) {
        return digitpart(b, i);
    }
    None
}

/// Length of a valid string prefix (`''`, b, r, u, f, br, rb, fr, rf in any case) that is
/// directly followed by a quote at `i`; returns the quote position.
fn prefix_then_quote(b: &[u8], i: usize) -> Option<usize> {
    let mut k = i;
    while k < i + 2
        && matches!(
            b.get(k),
            Some(b'b' | b'B' | b'r' | b'R' | b'u' | b'U' | b'f' | b'F')
        )
    {
        k += 1;
    }
    if !matches!(b.get(k), Some(b'\'' | b'"')) {
        return None;
    }
    let p: Vec<u8> = b[i..k].iter().map(|c| c.to_ascii_lowercase()).collect();
    let valid = matches!(
        p.as_slice(),
        b"" | b"b" | b"r" | b"u" | b"f" | b"br" | b"rb" | b"fr" | b"rf"
    );
    valid.then_some(k)
}

/// `Triple`: prefix + `'''` or `"""`; returns the end of the opening.
fn triple_start(b: &[u8], i: usize) -> Option<usize> {
    let q = prefix_then_quote(b, i)?;
    let c = b[q];
    (b.get(q + 1) == Some(&c) && b.get(q + 2) == Some(&c)).then_some(q + 3)
}

/// `ContStr`: prefix + quote + body + (quote | backslash-newline).
fn contstr(b: &[u8], i: usize) -> Option<usize> {
    let q = prefix_then_quote(b, i)?;
    let quote = b[q];
    let mut j = q + 1;
    loop {
        let c = *b.get(j)?;
        if c == quote {
            return Some(j + 1);
        }
        match c {
            b'\n' => return None,
            b'\\' => match b.get(j + 1) {
                Some(b'\n') => return Some(j + 2),
                Some(b'\r') if b.get(j + 2) == Some(&b'\n') => return Some(j + 3),
                Some(_) => j += 2,
                None => return None,
            },
            _ => j += 1,
        }
    }
}

/// The end of a string body for `endpats` (`Single`, `Double`, `Single3`, `Double3`):
/// from `i`, the end of the first unescaped closing quote(s), or None.
fn end_of_string(b: &[u8], i: usize, quote: u8, triple: bool) -> Option<usize> {
    let mut j = i;
    loop {
        let c = *b.get(j)?;
        if c == b'\\' {
            match b.get(j + 1) {
                Some(b'\n') | None => return None,
                Some(_) => j += 2,
            }
        } else if c == quote {
            if !triple {
                return Some(j + 1);
            }
            if b.get(j + 1) == Some(&quote) && b.get(j + 2) == Some(&quote) {
                return Some(j + 3);
            }
            j += 1;
        } else {
            j += 1;
        }
    }
}

/// Operator at `i` as `Special` matches it (longest of `EXACT_TOKEN_TYPES`).
fn special(b: &[u8], i: usize) -> Option<(TokenKind, usize)> {
    let g = |k: usize| b.get(k).copied().unwrap_or(0);
    let (mut kind, mut len) = operator(g(i), g(i + 1), g(i + 2));
    if g(i) == b'<' && g(i + 1) == b'>' {
        (kind, len) = (TokenKind::Less, 1); // `<>` is not in EXACT_TOKEN_TYPES
    }
    (kind != TokenKind::ErrorToken).then_some((kind, len))
}

/// `PseudoToken.match(line, pos)`: the span of group 1, or None.
fn pseudo_match(line: &str, pos: usize) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut s = pos;
    while matches!(b.get(s), Some(b' ' | b'\x0c' | b'\t')) {
        s += 1;
    }
    if b.get(s) == Some(&b'\\') {
        match (b.get(s + 1), b.get(s + 2)) {
            (Some(b'\n'), _) => return Some((s, s + 2)),
            (Some(b'\r'), Some(b'\n')) => return Some((s, s + 3)),
            _ => {}
        }
    }
    if s == b.len() {
        return Some((s, s));
    }
    if b[s] == b'#' {
        let e = b[s..]
            .iter()
            .position(|&c| c == b'\r' || c == b'\n')
            .map_or(b.len(), |k| s + k);
        return Some((s, e));
    }
    if let Some(e) = triple_start(b, s) {
        return Some((s, e));
    }
    if let Some(e) = py_number(b, s) {
        return Some((s, e));
    }
    if b[s] == b'\n' {
        return Some((s, s + 1));
    }
    if b[s] == b'\r' && b.get(s + 1) == Some(&b'\n') {
        return Some((s, s + 2));
    }
    if let Some((_, len)) = special(b, s) {
        return Some((s, s + len));
    }
    if let Some(e) = contstr(b, s) {
        return Some((s, e));
    }
    let mut e = s;
    for c in line[s..].chars() {
        if !is_word(c) {
            break;
        }
        e += c.len_utf8();
    }
    (e > s).then_some((s, e))
}

/// Tokenize decoded `text` as `tokenize.tokenize` does, after its ENCODING token.
pub(crate) fn py_tokenize(text: &str) -> Result<Vec<PyTok<'_>>, PyTokError> {
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    let mut lines = Vec::new();
    let mut o = 0;
    while o < text.len() {
        let e = text.as_bytes()[o..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(text.len(), |k| o + k + 1);
        lines.push(o);
        o = e;
    }
    let line_at = |n: usize| -> &str {
        match lines.get(n) {
            Some(&s) => &text[s..lines.get(n + 1).copied().unwrap_or(text.len())],
            None => "",
        }
    };

    let mut lnum: u32 = 0;
    let mut parenlev: i64 = 0;
    let mut continued = false;
    let mut indents: Vec<u32> = vec![0];
    // A string that continues over lines: its start offset in `text`, (row, col), quote
    // info, and whether it is a single-quoted string continued with a backslash.
    let mut cont: Option<(usize, (u32, u32), u8, bool, bool)> = None;
    let mut last_line;
    let mut line = "";
    loop {
        last_line = line;
        line = line_at(lnum as usize);
        let base = lines.get(lnum as usize).copied().unwrap_or(text.len());
        lnum += 1;
        let b = line.as_bytes();
        let max = b.len();
        let mut pos = 0;

        if let Some((sstart, spos, quote, triple, needcont)) = cont {
            if line.is_empty() {
                return Err(PyTokError {
                    msg: "EOF in multi-line string",
                    line: spos.0,
                    col: spos.1,
                });
            }
            if let Some(end) = end_of_string(b, 0, quote, triple) {
                pos = end;
                toks.push(PyTok {
                    kind: TokenKind::String,
                    text: &text[sstart..base + end],
                    start: spos,
                    end: (lnum, cc(line, end)),
                });
                cont = None;
            } else if needcont && !line.ends_with("\\\n") && !line.ends_with("\\\r\n") {
                toks.push(PyTok {
                    kind: TokenKind::ErrorToken,
                    text: &text[sstart..base + max],
                    start: spos,
                    end: (lnum, cc(line, max)),
                });
                cont = None;
                continue;
            } else {
                continue;
            }
        } else if parenlev == 0 && !continued {
            if line.is_empty() {
                break;
            }
            let mut column = 0u32;
            while pos < max {
                match b[pos] {
                    b' ' => column += 1,
                    b'\t' => column = (column / TABSIZE + 1) * TABSIZE,
                    b'\x0c' => column = 0,
                    _ => break,
                }
                pos += 1;
            }
            if pos == max {
                break;
            }
            if matches!(b[pos], b'#' | b'\r' | b'\n') {
                if b[pos] == b'#' {
                    let trimmed = line[pos..].trim_end_matches(['\r', '\n']);
                    let end = pos + trimmed.len();
                    toks.push(PyTok {
                        kind: TokenKind::Comment,
                        text: trimmed,
                        start: (lnum, cc(line, pos)),
                        end: (lnum, cc(line, end)),
                    });
                    pos = end;
                }
                toks.push(PyTok {
                    kind: TokenKind::Nl,
                    text: &line[pos..],
                    start: (lnum, cc(line, pos)),
                    end: (lnum, cc(line, max)),
                });
                continue;
            }
            if column > *indents.last().unwrap_or(&0) {
                indents.push(column);
                toks.push(PyTok {
                    kind: TokenKind::Indent,
                    text: &line[..pos],
                    start: (lnum, 0),
                    end: (lnum, cc(line, pos)),
                });
            }
            while column < *indents.last().unwrap_or(&0) {
                if !indents.contains(&column) {
                    return Err(PyTokError {
                        msg: "unindent does not match any outer indentation level",
                        line: lnum,
                        col: cc(line, pos),
                    });
                }
                indents.pop();
                let c = cc(line, pos);
                toks.push(PyTok {
                    kind: TokenKind::Dedent,
                    text: "",
                    start: (lnum, c),
                    end: (lnum, c),
                });
            }
        } else {
            if line.is_empty() {
                return Err(PyTokError {
                    msg: "EOF in multi-line statement",
                    line: lnum,
                    col: 0,
                });
            }
            continued = false;
        }

        while pos < max {
            let Some((start, end)) = pseudo_match(line, pos) else {
                let c = line[pos..].chars().next().map_or(1, char::len_utf8);
                toks.push(PyTok {
                    kind: TokenKind::ErrorToken,
                    text: &line[pos..pos + c],
                    start: (lnum, cc(line, pos)),
                    end: (lnum, cc(line, pos) + 1),
                });
                pos += c;
                continue;
            };
            pos = end;
            if start == end {
                continue;
            }
            let token = &line[start..end];
            let initial = b[start];
            let spos = (lnum, cc(line, start));
            let epos = (lnum, cc(line, end));
            let mut push = |kind| {
                toks.push(PyTok {
                    kind,
                    text: token,
                    start: spos,
                    end: epos,
                })
            };
            if initial.is_ascii_digit() || (initial == b'.' && token != "." && token != "...") {
                push(TokenKind::Number);
            } else if initial == b'\r' || initial == b'\n' {
                push(if parenlev > 0 {
                    TokenKind::Nl
                } else {
                    TokenKind::Newline
                });
            } else if initial == b'#' {
                push(TokenKind::Comment);
            } else if let Some(open_end) = triple_start(b, start).filter(|&e| e == end) {
                let quote = b[open_end - 1];
                if let Some(e) = end_of_string(b, open_end, quote, true) {
                    pos = e;
                    toks.push(PyTok {
                        kind: TokenKind::String,
                        text: &line[start..e],
                        start: spos,
                        end: (lnum, cc(line, e)),
                    });
                } else {
                    cont = Some((base + start, spos, quote, true, false));
                    break;
                }
            } else if let Some(q) = prefix_then_quote(b, start).filter(|&q| q < end) {
                if token.ends_with('\n') {
                    cont = Some((base + start, spos, b[q], false, true));
                    break;
                }
                push(TokenKind::String);
            } else if token.chars().next().is_some_and(is_id_start) {
                push(TokenKind::Name);
            } else if initial == b'\\' {
                continued = true;
            } else {
                match initial {
                    b'(' | b'[' | b'{' => parenlev += 1,
                    b')' | b']' | b'}' => parenlev -= 1,
                    _ => {}
                }
                push(TokenKind::from_operator(token).unwrap_or(TokenKind::Op));
            }
        }
    }

    let last_b = last_line.as_bytes();
    if !last_b.is_empty()
        && !matches!(last_b[last_b.len() - 1], b'\r' | b'\n')
        && !last_line.trim_matches(is_space).starts_with('#')
    {
        let c = cc(last_line, last_b.len());
        toks.push(PyTok {
            kind: TokenKind::Newline,
            text: "",
            start: (lnum - 1, c),
            end: (lnum - 1, c + 1),
        });
    }
    for _ in 1..indents.len() {
        toks.push(PyTok {
            kind: TokenKind::Dedent,
            text: "",
            start: (lnum, 0),
            end: (lnum, 0),
        });
    }
    toks.push(PyTok {
        kind: TokenKind::EndMarker,
        text: "",
        start: (lnum, 0),
        end: (lnum, 0),
    });
    Ok(toks)
}
