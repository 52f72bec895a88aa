//! String literals: prefixes, escape sequences, implicit concatenation and f-strings
//! (CPython 3.11: `Parser/string_parser.c`, `Parser/action_helpers.c`
//! `_PyPegen_concatenate_strings`).
//!
//! Locations follow 3.11 exactly: every `Constant`/`FormattedValue` part of a `JoinedStr`
//! spans the whole concatenation; an expression inside `{}` is re-parsed from the text
//! `(expr)` with its tokens shifted to the position of the `{` (including 3.11's shift of
//! the token's start column onto expressions on later lines of a multi-line f-string).

use crate::parser::{Fail, PResult, Parser};
use crate::tokens::Tok;
use pyrs_ast::*;
use pyrs_tokenizer::TokenKind as T;

/// One STRING token taken apart.
struct Piece<'s> {
    tok: Tok,
    /// The token's whole text.
    text: &'s str,
    /// Byte offset of the body within `text` (after prefix and opening quotes).
    body_start: usize,
    body_end: usize,
    bytes: bool,
    raw: bool,
    fstring: bool,
}

/// The parts of a JoinedStr being built.
struct FParts {
    values: Vec<Expr>,
    pending: StrValue,
    has_pending: bool,
}

impl FParts {
    fn new() -> FParts {
        FParts {
            values: Vec::new(),
            pending: StrValue::default(),
            has_pending: false,
        }
    }

    fn push_literal(&mut self, s: &StrValue) {
        if !s.is_empty() {
            self.pending.push_value(s);
            self.has_pending = true;
        }
    }

    fn flush(&mut self, loc: Location) {
        if self.has_pending {
            let value = std::mem::take(&mut self.pending);
            self.values.push(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Str(value),
                    kind: None,
                },
                loc,
            });
            self.has_pending = false;
        }
    }
}

impl<'s> Parser<'s> {
    /// `strings: STRING+`
    pub(crate) fn parse_strings(&mut self) -> PResult<Expr> {
        let mut pieces = Vec::new();
        while self.at(T::String) {
            let t = self.bump();
            pieces.push(self.split_string(t));
        }
        // CPython's STRING+ loop looks at the token after the last string; string errors
        // are reported there.
        self.tok();
        let first = pieces[0].tok;
        let last = pieces[pieces.len() - 1].tok;
        let loc = Location {
            lineno: first.lineno,
            col_offset: first.col,
            end_lineno: last.end_lineno,
            end_col_offset: last.end_col,
        };
        let any_bytes = pieces.iter().any(|p| p.bytes);
        if any_bytes && !pieces.iter().all(|p| p.bytes) {
            return Err(self.error_last("cannot mix bytes and nonbytes literals"));
        }
        if any_bytes {
            let mut out = Vec::new();
            for p in &pieces {
                self.decode_bytes(p, &mut out)?;
            }
            return Ok(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Bytes(out),
                    kind: None,
                },
                loc,
            });
        }
        let kind = if pieces[0].text.starts_with('u') {
            Some("u".to_string())
        } else {
            None
        };
        if !pieces.iter().any(|p| p.fstring) {
            let mut s = StrValue::default();
            for p in &pieces {
                self.decode_str(p, p.body_start, p.body_end, &mut s)?;
            }
            return Ok(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Str(s),
                    kind,
                },
                loc,
            });
        }
        let mut parts = FParts::new();
        for p in &pieces {
            if p.fstring {
                let mut pos = p.body_start;
                self.parse_fstring_body(p, &mut pos, 0, &mut parts, loc)?;
            } else {
                let mut s = StrValue::default();
                self.decode_str(p, p.body_start, p.body_end, &mut s)?;
                parts.push_literal(&s);
            }
        }
        parts.flush(loc);
        Ok(Expr {
            kind: ExprKind::JoinedStr {
                values: parts.values,
            },
            loc,
        })
    }

    fn split_string(&self, t: Tok) -> Piece<'s> {
        let text = self.text(&t);
        let b = text.as_bytes();
        let mut i = 0;
        let (mut bytes, mut raw, mut fstring) = (false, false, false);
        while i < b.len() && b[i] != b'\'' && b[i] != b'"' {
            match b[i] {
                b'b' | b'B' => bytes = true,
                b'r' | b'R' => raw = true,
                b'f' | b'F' => fstring = true,
                _ => {}
            }
            i += 1;
        }
        let q = if b.len() >= i + 6 && b[i + 1] == b[i] && b[i + 2] == b[i] {
            3
        } else {
            1
        };
        let body_start = (i + q).min(b.len());
        let body_end = b.len().saturating_sub(q).max(body_start);
        Piece {
            tok: t,
            text,
            body_start,
            body_end,
            bytes,
            raw,
            fstring,
        }
    }

    /// Decodes `piece.text[from..to]` of a str literal (escapes unless raw) into `out`.
    fn decode_str(
        &mut self,
        piece: &Piece<'s>,
        from: usize,
        to: usize,
        out: &mut StrValue,
    ) -> PResult<()> {
        let body = &piece.text[from..to];
        if piece.raw || !body.contains('\\') {
            out.push_str(body);
            return Ok(());
        }
        let b = body.as_bytes();
        let mut i = 0;
        let mut lit_start = 0;
        while i < b.len() {
            if b[i] != b'\\' {
                i += 1;
                continue;
            }
            out.push_str(&body[lit_start..i]);
            let esc_pos = i;
            i += 1;
            let Some(&c) = b.get(i) else {
                out.push_str("\\");
                lit_start = i;
                break;
            };
            i += 1;
            match c {
                b'\n' => {}
                b'\r' => {
                    if b.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b'\\' => out.push_str("\\"),
                b'\'' => out.push_str("'"),
                b'"' => out.push_str("\""),
                b'a' => out.push_str("\x07"),
                b'b' => out.push_str("\x08"),
                b'f' => out.push_str("\x0c"),
                b'n' => out.push_str("\n"),
                b'r' => out.push_str("\r"),
                b't' => out.push_str("\t"),
                b'v' => out.push_str("\x0b"),
                b'0'..=b'7' => {
                    let mut v = (c - b'0') as u32;
                    let mut n = 1;
                    while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                        v = v * 8 + (b[i] - b'0') as u32;
                        i += 1;
                        n += 1;
                    }
                    out.push_code_point(v);
                }
                b'x' | b'u' | b'U' => {
                    let n = match c {
                        b'x' => 2,
                        b'u' => 4,
                        _ => 8,
                    };
                    let hex = body
                        .get(i..i + n)
                        .filter(|h| h.bytes().all(|d| d.is_ascii_hexdigit()));
                    let Some(hex) = hex else {
                        let what = match c {
                            b'x' => "truncated \\xXX escape",
                            b'u' => "truncated \\uXXXX escape",
                            _ => "truncated \\UXXXXXXXX escape",
                        };
                        let end = (i + b[i..]
                            .iter()
                            .take(n)
                            .take_while(|d| d.is_ascii_hexdigit())
                            .count())
                        .min(b.len());
                        return Err(self.unicode_error(body, esc_pos, end.saturating_sub(1), what));
                    };
                    let v = u32::from_str_radix(hex, 16).unwrap_or(0);
                    if v > 0x10FFFF {
                        return Err(self.unicode_error(
                            body,
                            esc_pos,
                            i + n - 1,
                            "illegal Unicode character",
                        ));
                    }
                    out.push_code_point(v);
                    i += n;
                }
                b'N' => {
                    let close = if b.get(i) == Some(&b'{') {
                        body[i..].find('}').map(|k| i + k)
                    } else {
                        None
                    };
                    let cp = close.and_then(|close| lookup_unicode_name(&body[i + 1..close]));
                    match (close, cp) {
                        (Some(close), Some(cp)) => {
                            out.push_code_point(cp);
                            i = close + 1;
                        }
                        (Some(close), None) => {
                            return Err(self.unicode_error(
                                body,
                                esc_pos,
                                close,
                                "unknown Unicode character name",
                            ));
                        }
                        _ => {
                            return Err(self.unicode_error(
                                body,
                                esc_pos,
                                (i).min(b.len()) - 1,
                                "malformed \\N character escape",
                            ));
                        }
                    }
                }
                _ => {
                    // An invalid escape keeps its backslash (a DeprecationWarning in 3.11).
                    out.push_str("\\");
                    i -= 1;
                }
            }
            lit_start = i;
        }
        if lit_start < b.len() {
            out.push_str(&body[lit_start..]);
        }
        Ok(())
    }

    /// CPython reports escape decoding failures as
    /// `(unicode error) 'unicodeescape' codec can't decode bytes in position A-B: WHAT`.
    /// `start`/`end` are byte indices into `body`; CPython counts them in its decoding
    /// buffer, where each non-ASCII character was first rewritten as a 10-byte `\UXXXXXXXX`.
    fn unicode_error(&mut self, body: &str, start: usize, end: usize, what: &str) -> Fail {
        let pos = |i: usize| -> usize {
            let i = i.min(body.len());
            let mut n = 0;
            for (k, c) in body.char_indices() {
                if k >= i {
                    break;
                }
                n += if c.is_ascii() { 1 } else { 10 };
            }
            n
        };
        let (start, end) = (pos(start), pos(end));
        let msg = if start == end {
            format!("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {what}")
        } else {
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}")
        };
        self.error_last(&msg)
    }

    fn decode_bytes(&mut self, piece: &Piece<'s>, out: &mut Vec<u8>) -> PResult<()> {
        let body = &piece.text[piece.body_start..piece.body_end];
        if !body.is_ascii() {
            return Err(self.error_at_tok(
                &piece.tok,
                "bytes can only contain ASCII literal characters",
            ));
        }
        let b = body.as_bytes();
        if piece.raw {
            out.extend_from_slice(b);
            return Ok(());
        }
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            i += 1;
            if c != b'\\' {
                out.push(c);
                continue;
            }
            let Some(&e) = b.get(i) else {
                out.push(b'\\');
                break;
            };
            i += 1;
            match e {
                b'\n' => {}
                b'\r' => {
                    if b.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b'\\' | b'\'' | b'"' => out.push(e),
                b'a' => out.push(7),
                b'b' => out.push(8),
                b'f' => out.push(12),
                b'n' => out.push(b'\n'),
                b'r' => out.push(b'\r'),
                b't' => out.push(b'\t'),
                b'v' => out.push(11),
                b'0'..=b'7' => {
                    let mut v = (e - b'0') as u32;
                    let mut n = 1;
                    while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                        v = v * 8 + (b[i] - b'0') as u32;
                        i += 1;
                        n += 1;
                    }
                    out.push(v as u8);
                }
                b'x' => {
                    let hex = body
                        .get(i..i + 2)
                        .filter(|h| h.bytes().all(|d| d.is_ascii_hexdigit()));
                    let Some(hex) = hex else {
                        return Err(self.error_last(&format!(
                            "(value error) invalid \\x escape at position {}",
                            i - 2
                        )));
                    };
                    out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                    i += 2;
                }
                _ => {
                    out.push(b'\\');
                    i -= 1;
                }
            }
        }
        Ok(())
    }

    /// Parses an f-string body from `*pos` to the closing quote (level 0) or to the `}`
    /// that ends a format spec (level 1), adding literal and expression parts.
    fn parse_fstring_body(
        &mut self,
        p: &Piece<'s>,
        pos: &mut usize,
        level: u32,
        parts: &mut FParts,
        loc: Location,
    ) -> PResult<()> {
        let b = p.text.as_bytes();
        let end = p.body_end;
        loop {
            // The literal part.
            let lit_start = *pos;
            let mut s = *pos;
            let mut resume = None;
            while s < end {
                let ch = b[s];
                s += 1;
                if !p.raw && ch == b'\\' && s < end {
                    let e = b[s];
                    s += 1;
                    if e == b'N' {
                        if s < end && b[s] == b'{' {
                            s += 1;
                            while s < end && b[s] != b'}' {
                                s += 1;
                            }
                            s = (s + 1).min(end);
                        }
                        continue;
                    }
                    if e != b'{' && e != b'}' {
                        continue;
                    }
                    s -= 1;
                    continue;
                }
                if ch == b'{' || ch == b'}' {
                    if level == 0 {
                        if s < end && b[s] == ch {
                            resume = Some(s + 1);
                            break;
                        }
                        if ch == b'}' {
                            return Err(self.error_last("f-string: single '}' is not allowed"));
                        }
                    }
                    s -= 1;
                    break;
                }
            }
            let lit_end = s;
            if lit_end > lit_start {
                let mut lit = StrValue::default();
                self.decode_str(p, lit_start, lit_end, &mut lit)?;
                parts.push_literal(&lit);
            }
            if let Some(r) = resume {
                *pos = r;
                continue;
            }
            *pos = s;
            if s >= end || b[s] == b'}' {
                return Ok(());
            }
            // b[s] == '{': an expression.
            self.parse_fstring_expr(p, pos, level, parts, loc)?;
        }
    }

    fn parse_fstring_expr(
        &mut self,
        p: &Piece<'s>,
        pos: &mut usize,
        level: u32,
        parts: &mut FParts,
        loc: Location,
    ) -> PResult<()> {
        if level >= 2 {
            return Err(self.error_last("f-string: expressions nested too deeply"));
        }
        let b = p.text.as_bytes();
        let end = p.body_end;
        let brace = *pos;
        let expr_start = brace + 1;
        let mut s = expr_start;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while s < end {
            let ch = b[s];
            if ch == b'\\' {
                return Err(self.error_last("f-string expression part cannot include a backslash"));
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if s + 2 < end && b[s + 1] == ch && b[s + 2] == ch {
                            s += 3;
                            quote = 0;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
                s += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if s + 2 < end && b[s + 1] == ch && b[s + 2] == ch {
                        triple = true;
                        s += 2;
                    } else {
                        triple = false;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= 200 {
                        return Err(self.error_last("f-string: too many nested parenthesis"));
                    }
                    stack.push(ch);
                }
                b'#' => return Err(self.error_last("f-string expression part cannot include '#'")),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    if s + 1 < end {
                        let next = b[s + 1];
                        if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                            s += 2;
                            continue;
                        }
                    }
                    if ch == b'>' || ch == b'<' {
                        s += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return Err(
                            self.error_last(&format!("f-string: unmatched '{}'", ch as char))
                        );
                    };
                    let ok = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        return Err(self.error_last(&format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        )));
                    }
                }
                _ => {}
            }
            s += 1;
        }
        if quote != 0 {
            return Err(self.error_last("f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(self.error_last(&format!("f-string: unmatched '{}'", open as char)));
        }
        if s >= end {
            return Err(self.error_last("f-string: expecting '}'"));
        }
        let expr_end = s;
        let expr_text = &p.text[expr_start..expr_end];
        if expr_text
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r'))
        {
            let c = b[expr_end];
            if matches!(c, b'!' | b':' | b'=') {
                return Err(self.error_last(&format!(
                    "f-string: expression required before '{}'",
                    c as char
                )));
            }
            return Err(self.error_last("f-string: empty expression not allowed"));
        }
        let value = self.compile_fstring_expr(p, brace, expr_text)?;
        // `=`: the expression text (with the `=` and following whitespace) becomes literal.
        let mut debug_text = None;
        if b[s] == b'=' {
            s += 1;
            while s < end && matches!(b[s], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x0b') {
                s += 1;
            }
            if s >= end {
                return Err(self.error_last("f-string: expecting '}'"));
            }
            debug_text = Some(&p.text[expr_start..s]);
        }
        let mut conversion: i32 = -1;
        if b[s] == b'!' {
            s += 1;
            if s >= end {
                return Err(self.error_last("f-string: expecting '}'"));
            }
            let c = b[s];
            s += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(self.error_last(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = c as i32;
        }
        let mut format_spec = None;
        if s < end && b[s] == b':' {
            s += 1;
            if s >= end {
                return Err(self.error_last("f-string: expecting '}'"));
            }
            // A format spec is located at the string token that holds it.
            let spec_loc = Location {
                lineno: p.tok.lineno,
                col_offset: p.tok.col,
                end_lineno: p.tok.end_lineno,
                end_col_offset: p.tok.end_col,
            };
            let mut spec = FParts::new();
            *pos = s;
            self.parse_fstring_body(p, pos, level + 1, &mut spec, spec_loc)?;
            s = *pos;
            spec.flush(spec_loc);
            format_spec = Some(Box::new(Expr {
                kind: ExprKind::JoinedStr {
                    values: spec.values,
                },
                loc: spec_loc,
            }));
        }
        if s >= end || b[s] != b'}' {
            return Err(self.error_last("f-string: expecting '}'"));
        }
        s += 1;
        *pos = s;
        if let Some(text) = debug_text {
            parts.push_literal(&StrValue::from(text));
            if format_spec.is_none() && conversion == -1 {
                conversion = 'r' as i32;
            }
        }
        parts.flush(loc);
        parts.values.push(Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            loc,
        });
        Ok(())
    }

    /// Parses the text of one replacement field as 3.11 does: `(expr)` through a
    /// sub-parser whose tokens are shifted to the field's place in the file.
    fn compile_fstring_expr(
        &mut self,
        p: &Piece<'s>,
        brace: usize,
        expr_text: &str,
    ) -> PResult<Expr> {
        let before = &p.text[..brace];
        let lines = before.bytes().filter(|&c| c == b'\n').count() as u32;
        let after = &p.text[brace + 1..];
        let newline_after_brace = after
            .bytes()
            .take_while(|&c| c != b'}' && c != b'\n')
            .all(|c| c == b' ' || c == b'\t' || c == b'\x0c');
        let cols = if newline_after_brace {
            0
        } else {
            match before.rfind('\n') {
                Some(nl) => (brace - nl - 1) as u32,
                None => brace as u32,
            }
        };
        let start_line = p.tok.lineno + lines;
        // 3.11.7 adds the token's own column only when the field is on the token's first line.
        let start_col = if lines == 0 { p.tok.col + cols } else { cols };
        let src = format!("({expr_text})");
        crate::parse_fstring_replacement(&src, start_line, start_col).map_err(|e| match e {
            Some(err) => Fail::Error(Box::new(err)),
            None => Fail::NoMatch,
        })
    }
}

/// `\N{name}`: a character name or alias as `unicodedata.lookup` accepts it.
fn lookup_unicode_name(name: &str) -> Option<u32> {
    unicode_names2::character(name).map(|c| c as u32)
}
