//! The C-tokenizer mode: text → tokens exactly as CPython 3.11's `Parser/tokenizer.c`
//! (`tok_get`) produces them for the parser, plus COMMENT and NL tokens.
//!
//! Invariants: `pos` only moves forward and never past `limit`; every loop iteration either
//! consumes input or returns, so the lexer terminates; nothing here indexes user data
//! without a bound check (`ch` returns 0 past the end). Numbers, strings and indentation
//! live in `numbers.rs`, `strings.rs` and `indent.rs` as further `impl Lexer` blocks.

use crate::error::{SyntaxError, SyntaxErrorClass};
use crate::indent::IndentStack;
use crate::token::{Token, TokenKind};

/// CPython's `MAXLEVEL`: the deepest bracket nesting the tokenizer accepts.
const MAXLEVEL: usize = 200;

/// The result of [`tokenize`].
#[derive(Debug, Clone)]
pub struct Tokenized {
    /// The tokens up to the first error (or all of them, ending with ENDMARKER).
    pub tokens: Vec<Token>,
    /// The first tokenizer error, raised when the parser asks for token `error_at`.
    pub error: Option<SyntaxError>,
    /// Index in `tokens` where the error occurs; always `tokens.len()` when `error` is set.
    pub error_at: usize,
}

/// An open bracket: its character, line, and byte column (CPython's `parenstack`,
/// `parenlinenostack`, `parencolstack`), plus its line's start for char columns.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paren {
    pub ch: u8,
    pub lineno: u32,
    pub start: usize,
    pub line_start: usize,
}

pub(crate) struct Lexer<'s> {
    pub src: &'s str,
    pub b: &'s [u8],
    /// Lexing stops here: the source length, or the start of the first line holding a NUL.
    pub limit: usize,
    pub pos: usize,
    /// 1-based line of `pos`, and the byte offset where that line starts.
    pub lineno: u32,
    pub line_start: usize,
    pub tokens: Vec<Token>,
    pub indents: IndentStack,
    pub parens: Vec<Paren>,
    pub atbol: bool,
    pub blankline: bool,
}

/// Tokenize decoded source as the C tokenizer does (see the crate docs).
pub fn tokenize(source: &str) -> Tokenized {
    let mut lx = Lexer::new(source);
    let error = lx.run().err();
    let error_at = lx.tokens.len();
    Tokenized {
        tokens: lx.tokens,
        error,
        error_at,
    }
}

pub(crate) fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

pub(crate) fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

impl<'s> Lexer<'s> {
    fn new(src: &'s str) -> Lexer<'s> {
        let b = src.as_bytes();
        // CPython reads a file line by line and rejects the first line holding a NUL
        // when it reads it; everything before that line is tokenized normally.
        let limit = match b.iter().position(|&c| c == 0) {
            Some(nul) => b[..nul]
                .iter()
                .rposition(|&c| c == b'\n' || c == b'\r')
                .map_or(0, |i| i + 1),
            None => b.len(),
        };
        Lexer {
            src,
            b,
            limit,
            pos: 0,
            lineno: 1,
            line_start: 0,
            tokens: Vec::with_capacity(b.len() / 4 + 4),
            indents: IndentStack::new(),
            parens: Vec::new(),
            atbol: true,
            blankline: false,
        }
    }

    /// The byte at `p`, or 0 at and past `limit` (0 never occurs before `limit`).
    #[inline]
    pub fn ch(&self, p: usize) -> u8 {
        if p < self.limit {
            self.b[p]
        } else {
            0
        }
    }

    /// Length of the line break at `p` (`\n`, `\r\n`, lone `\r`), or 0.
    #[inline]
    pub fn newline_len(&self, p: usize) -> usize {
        match self.ch(p) {
            b'\n' => 1,
            b'\r' => {
                if self.ch(p + 1) == b'\n' {
                    2
                } else {
                    1
                }
            }
            _ => 0,
        }
    }

    /// Record that a new line starts at `p` (just after a line break).
    #[inline]
    pub fn new_line_at(&mut self, p: usize) {
        self.lineno += 1;
        self.line_start = p;
    }

    pub fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
        });
    }

    /// Characters of the current line before byte `p`.
    pub fn chars_before(&self, line_start: usize, p: usize) -> u32 {
        let p = p.min(self.b.len()).max(line_start);
        crate::chars::char_len(&self.b[line_start..p]) as u32
    }

    /// CPython's `syntaxerror(tok, ...)`: the position is the character count of the
    /// current line up to `cur` (so 1-based, it names the character just before `cur`).
    pub fn error_at_cur(&self, msg: String, cur: usize) -> SyntaxError {
        let col = self.chars_before(self.line_start, cur);
        SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            msg,
            lineno: self.lineno,
            offset: col,
            end_lineno: self.lineno,
            end_offset: col,
            text: None,
        }
    }

    /// The error for running into `limit`: the NUL line if there is one, else `eof`.
    pub fn eof_error(&self, eof: SyntaxError) -> SyntaxError {
        if self.limit < self.b.len() {
            self.nul_error()
        } else {
            eof
        }
    }

    fn nul_error(&self) -> SyntaxError {
        let line = self.lineno;
        SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            msg: "source code cannot contain null bytes".into(),
            lineno: line,
            offset: 0,
            end_lineno: line,
            end_offset: 0,
            text: None,
        }
    }

    /// `tok_continuation_line`: after a backslash at `p`, require a line break, then not EOF.
    /// Returns the position after the line break.
    pub fn continuation(&mut self, p: usize) -> Result<usize, SyntaxError> {
        let nl = self.newline_len(p + 1);
        if nl == 0 {
            // E_LINECONT: pegen reports col = cur - line_start with cur after the bad char.
            if p + 1 >= self.limit {
                self.pos = self.limit;
                let e = self.unexpected_eof_after_backslash(p);
                return Err(self.eof_error(e));
            }
            let after = self.src.ceil_char_boundary_compat(p + 2);
            let col = self.chars_before(self.line_start, after);
            return Err(SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                msg: "unexpected character after line continuation character".into(),
                lineno: self.lineno,
                offset: col,
                end_lineno: self.lineno,
                end_offset: 0,
                text: None,
            });
        }
        let next = p + 1 + nl;
        if next >= self.limit {
            self.pos = self.limit;
            let e = self.unexpected_eof_after_backslash(p);
            return Err(self.eof_error(e));
        }
        self.new_line_at(next);
        Ok(next)
    }

    /// E_EOF right after `\` + newline: pegen reports the backslash's line, column = bytes
    /// of that line including its newline.
    fn unexpected_eof_after_backslash(&self, p: usize) -> SyntaxError {
        let col = self.chars_before(self.line_start, p) + 2;
        SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            msg: "unexpected EOF while parsing".into(),
            lineno: self.lineno,
            offset: col,
            end_lineno: self.lineno,
            end_offset: SyntaxError::MINUS_ONE,
            text: None,
        }
    }

    /// The main loop (`tok_get` called until ENDMARKER or an error).
    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.atbol {
                self.atbol = false;
                self.line_indentation()?;
            }
            if !self.next_token()? {
                return Ok(());
            }
        }
    }

    /// Lex the next token(s) of the current line; false once ENDMARKER is pushed.
    fn next_token(&mut self) -> Result<bool, SyntaxError> {
        // Skip spaces, tabs and form feeds.
        let mut p = self.pos;
        while matches!(self.ch(p), b' ' | b'\t' | b'\x0c') {
            p += 1;
        }
        let start = p;
        let c = self.ch(p);
        if p >= self.limit {
            return self.at_eof(start);
        }
        match c {
            b'#' => {
                while p < self.limit && !matches!(self.b[p], b'\n' | b'\r') {
                    p += 1;
                }
                self.push(TokenKind::Comment, start, p);
                self.pos = p;
            }
            b'\n' | b'\r' => {
                let end = p + self.newline_len(p);
                let kind = if self.blankline || !self.parens.is_empty() {
                    TokenKind::Nl
                } else {
                    TokenKind::Newline
                };
                self.push(kind, start, end);
                self.new_line_at(end);
                self.pos = end;
                self.atbol = true;
            }
            b'\\' => {
                self.pos = self.continuation(p)?;
            }
            b'0'..=b'9' => {
                let end = self.lex_number(start, start)?;
                self.push(TokenKind::Number, start, end);
                self.pos = end;
            }
            b'.' if self.ch(p + 1).is_ascii_digit() => {
                let end = self.lex_number(start, start + 1)?;
                self.push(TokenKind::Number, start, end);
                self.pos = end;
            }
            b'\'' | b'"' => {
                let end = self.lex_string(start, start)?;
                self.push(TokenKind::String, start, end);
                self.pos = end;
            }
            c if is_ident_start(c) => self.lex_name(start)?,
            _ => self.lex_operator(start)?,
        }
        Ok(true)
    }

    /// EOF reached at `start` (after optional whitespace).
    fn at_eof(&mut self, start: usize) -> Result<bool, SyntaxError> {
        if let Some(top) = self.parens.last().copied() {
            self.pos = self.limit;
            let col = self.chars_before(top.line_start, top.start) + 1;
            let e = SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                msg: format!("'{}' was never closed", top.ch as char),
                lineno: top.lineno,
                offset: col,
                end_lineno: top.lineno,
                end_offset: 0,
                text: None,
            };
            return Err(self.eof_error(e));
        }
        if self.limit < self.b.len() {
            return Err(self.nul_error());
        }
        if self.line_start < self.limit && !self.atbol {
            // A last line without a line break: CPython appends one (implicit NEWLINE).
            let kind = if self.blankline {
                TokenKind::Nl
            } else {
                TokenKind::Newline
            };
            self.push(kind, start, start);
            self.pos = start;
            self.line_start = start;
            self.lineno += 1;
            self.atbol = true;
            return Ok(true);
        }
        // Dedent to column 0, then ENDMARKER.
        for _ in 1..self.indents.depth() {
            self.push(TokenKind::Dedent, start, start);
        }
        self.indents.reset();
        self.push(TokenKind::EndMarker, start, start);
        self.pos = start;
        Ok(false)
    }

    /// Identifiers, keywords and string prefixes (`tok_get`'s identifier block).
    fn lex_name(&mut self, start: usize) -> Result<(), SyntaxError> {
        let mut p = start;
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        loop {
            let c = self.ch(p);
            match c {
                b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            p += 1;
            if matches!(self.ch(p), b'\'' | b'"') {
                let end = self.lex_string(start, p)?;
                self.push(TokenKind::String, start, end);
                self.pos = end;
                return Ok(());
            }
        }
        let mut nonascii = false;
        loop {
            let c = self.ch(p);
            if !is_ident_char(c) {
                break;
            }
            nonascii |= c >= 128;
            p += 1;
        }
        if nonascii {
            self.verify_identifier(start, p)?;
        }
        // Like CPython 3.11 (no async_hacks), `async`/`await` are their own token kinds.
        let kind = match &self.b[start..p] {
            b"async" => TokenKind::Async,
            b"await" => TokenKind::Await,
            _ => TokenKind::Name,
        };
        self.push(kind, start, p);
        self.pos = p;
        Ok(())
    }

    /// `verify_identifier`: reject characters that are not XID (the error names the first).
    fn verify_identifier(&self, start: usize, end: usize) -> Result<(), SyntaxError> {
        let text = self.src.get(start..end).unwrap_or("");
        let Some((_, byte, ch)) = crate::chars::scan_identifier(text) else {
            return Ok(());
        };
        let after = start + byte + ch.len_utf8();
        // CPython moves `cur` to just after the bad character unless it is the last one.
        let cur = if after < end { after } else { end };
        let msg = if crate::chars::is_printable(ch) {
            format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        Err(self.error_at_cur(msg, cur))
    }

    /// Operators and brackets (`PyToken_OneChar`/`TwoChars`/`ThreeChars` and the bracket
    /// stack). An unknown character becomes a 1-character ERRORTOKEN, which the parser
    /// reports as "invalid syntax" (CPython returns it as OP).
    fn lex_operator(&mut self, start: usize) -> Result<(), SyntaxError> {
        let c1 = self.ch(start);
        let c2 = self.ch(start + 1);
        let c3 = self.ch(start + 2);
        let (kind, len) = operator(c1, c2, c3);
        let end = start + len;
        match c1 {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    return Err(self.error_at_cur("too many nested parentheses".into(), end));
                }
                self.parens.push(Paren {
                    ch: c1,
                    lineno: self.lineno,
                    start,
                    line_start: self.line_start,
                });
            }
            b')' | b']' | b'}' => {
                let Some(open) = self.parens.pop() else {
                    return Err(self.error_at_cur(format!("unmatched '{}'", c1 as char), end));
                };
                let expected = match open.ch {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c1 != expected {
                    let msg = if open.lineno != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c1 as char, open.ch as char, open.lineno
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c1 as char, open.ch as char
                        )
                    };
                    return Err(self.error_at_cur(msg, end));
                }
            }
            _ => {}
        }
        let end = if kind == TokenKind::ErrorToken {
            // A control character is a tokenizer error (tok_get's "invalid non-printable
            // character"); other unknown printable ASCII stays an ERRORTOKEN.
            if c1 < 0x20 || c1 == 0x7f {
                let msg = format!("invalid non-printable character U+{:04X}", c1 as u32);
                return Err(self.error_at_cur(msg, start + 1));
            }
            // One whole character, even if it is not ASCII (it cannot be: >= 128 is a name).
            start + 1
        } else {
            end
        };
        self.push(kind, start, end);
        self.pos = end;
        Ok(())
    }
}

/// The operator starting with bytes `c1 c2 c3` and its length; `(ErrorToken, 1)` if none.
pub(crate) fn operator(c1: u8, c2: u8, c3: u8) -> (TokenKind, usize) {
    use TokenKind::*;
    let three = match (c1, c2, c3) {
        (b'*', b'*', b'=') => Some(DoubleStarEqual),
        (b'.', b'.', b'.') => Some(Ellipsis),
        (b'/', b'/', b'=') => Some(DoubleSlashEqual),
        (b'<', b'<', b'=') => Some(LeftShiftEqual),
        (b'>', b'>', b'=') => Some(RightShiftEqual),
        _ => None,
    };
    if let Some(k) = three {
        return (k, 3);
    }
    let two = match (c1, c2) {
        (b'!', b'=') => Some(NotEqual),
        (b'%', b'=') => Some(PercentEqual),
        (b'&', b'=') => Some(AmperEqual),
        (b'*', b'*') => Some(DoubleStar),
        (b'*', b'=') => Some(StarEqual),
        (b'+', b'=') => Some(PlusEqual),
        (b'-', b'=') => Some(MinEqual),
        (b'-', b'>') => Some(Rarrow),
        (b'/', b'/') => Some(DoubleSlash),
        (b'/', b'=') => Some(SlashEqual),
        (b':', b'=') => Some(ColonEqual),
        (b'<', b'<') => Some(LeftShift),
        (b'<', b'=') => Some(LessEqual),
        // `<>` is NOTEQUAL in the C tokenizer; the parser rejects it (barry_as_FLUFL).
        (b'<', b'>') => Some(NotEqual),
        (b'=', b'=') => Some(EqEqual),
        (b'>', b'=') => Some(GreaterEqual),
        (b'>', b'>') => Some(RightShift),
        (b'@', b'=') => Some(AtEqual),
        (b'^', b'=') => Some(CircumflexEqual),
        (b'|', b'=') => Some(VbarEqual),
        _ => None,
    };
    if let Some(k) = two {
        return (k, 2);
    }
    let one = match c1 {
        b'%' => Percent,
        b'&' => Amper,
        b'(' => Lpar,
        b')' => Rpar,
        b'*' => Star,
        b'+' => Plus,
        b',' => Comma,
        b'-' => Minus,
        b'.' => Dot,
        b'/' => Slash,
        b':' => Colon,
        b';' => Semi,
        b'<' => Less,
        b'=' => Equal,
        b'>' => Greater,
        b'@' => At,
        b'[' => Lsqb,
        b']' => Rsqb,
        b'^' => Circumflex,
        b'{' => Lbrace,
        b'|' => Vbar,
        b'}' => Rbrace,
        b'~' => Tilde,
        _ => ErrorToken,
    };
    (one, 1)
}

/// `str::ceil_char_boundary` is unstable; this is the same for our use.
trait CeilBoundary {
    fn ceil_char_boundary_compat(&self, i: usize) -> usize;
}

impl CeilBoundary for str {
    fn ceil_char_boundary_compat(&self, mut i: usize) -> usize {
        while i < self.len() && !self.is_char_boundary(i) {
            i += 1;
        }
        i.min(self.len())
    }
}
