//! The parser's state: the token cursor, node locations, and how failure is tracked
//! (CPython: `Parser/pegen.c`, `Parser/pegen_errors.c`).
//!
//! pyrs parses by recursive descent with targeted backtracking rather than with a
//! generated PEG parser, but it reproduces the PEG parser's observable behaviour:
//! - a rule that does not match fails *softly* ([`Fail::NoMatch`]); a caller may try
//!   another alternative after [`Parser::reset`];
//! - an error that CPython raises from an `invalid_*` rule or an action is *hard*
//!   ([`Fail::Error`]) and ends the parse;
//! - when the parse fails softly, the report is the generic one that CPython builds
//!   from the furthest token it fetched (`max_pos`), see [`Parser::generic_error`].

use crate::tokens::{Kw, Tok, NO_COL};
use pyrs_ast::Location;
use pyrs_tokenizer::{SyntaxError, SyntaxErrorClass, TokenKind};

/// Why a rule failed.
#[derive(Debug)]
pub(crate) enum Fail {
    /// The input does not match here; alternatives may be tried.
    NoMatch,
    /// A definite syntax error (raised as soon as it is found).
    Error(Box<SyntaxError>),
}

pub(crate) type PResult<T> = Result<T, Fail>;

/// CPython's parser fails with `MemoryError` when its rule stack passes `MAXSTACK` (6000).
/// pyrs counts its recursion in units that follow CPython's rule levels for the constructs
/// that can nest without brackets (one per `not`, unary operator, conditional expression;
/// two per `lambda` and `**`), and fails the same way past the same number. The Rust stack
/// grows on demand ([`grow`]), so no depth below this limit can overflow it.
pub(crate) const MAX_DEPTH: u32 = 6000;

/// Runs `f` with at least 128 KiB of stack left, switching to a new 4 MiB segment if
/// needed (the `stacker` crate), so deep but legal nesting never overflows a thread's stack.
#[inline]
pub(crate) fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(128 * 1024, 4 * 1024 * 1024, f)
}

/// The parser over one token vector.
pub(crate) struct Parser<'s> {
    pub src: &'s str,
    /// Significant tokens (no COMMENT / NL), ending with ENDMARKER or ERRORTOKEN.
    pub toks: Vec<Tok>,
    /// Byte offsets of the start of each line (index 0 = line 1).
    pub line_starts: Vec<u32>,
    pub pos: usize,
    /// The furthest token index looked at: CPython's `p->fill - 1`.
    pub max_pos: usize,
    /// End (line, byte column) of the last consumed token.
    pub prev_end: (u32, u32),
    pub depth: u32,
    /// The tokenizer's error, raised when the parser reaches the final ERRORTOKEN.
    pub tok_error: Option<SyntaxError>,
    /// Error reported when recursion passes [`MAX_DEPTH`].
    pub too_deep: bool,
    /// Error columns in characters (else UTF-8 bytes), see `parse_text`.
    pub char_columns: bool,
    /// Set while parsing a dictionary key after a complete pair (see `parse_dict_rest`).
    pub in_dict_key: bool,
    /// Token positions where the missing-comma look-ahead found no expression.
    pub no_expression_at: std::collections::HashSet<usize>,
    /// Token positions where a `for` target failed to parse.
    pub no_for_target_at: std::collections::HashSet<usize>,
}

impl<'s> Parser<'s> {
    /// Tokenizes `src` and sets up the cursor at the first token. `char_columns`: report
    /// error columns in characters rather than UTF-8 bytes (see `parse_text`).
    pub fn new(src: &'s str, char_columns: bool) -> Parser<'s> {
        let tokenized = pyrs_tokenizer::tokenize(src);
        let line_starts = crate::tokens::line_starts(src);
        let toks = crate::tokens::significant_tokens(
            src,
            &tokenized.tokens,
            &line_starts,
            tokenized.error.is_some(),
        );
        Parser {
            src,
            toks,
            line_starts,
            pos: 0,
            max_pos: 0,
            prev_end: (1, 0),
            depth: 0,
            tok_error: tokenized.error,
            too_deep: false,
            char_columns,
            in_dict_key: false,
            no_expression_at: Default::default(),
            no_for_target_at: Default::default(),
        }
    }

    // ----- the cursor ---------------------------------------------------------------

    /// The current token (recording how far the parser has looked).
    #[inline]
    pub fn tok(&mut self) -> Tok {
        if self.pos > self.max_pos {
            self.max_pos = self.pos;
        }
        self.toks[self.pos]
    }

    /// The token `n` places ahead of the current one (clamped to the last token).
    #[inline]
    pub fn peek_at(&mut self, n: usize) -> Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        if i > self.max_pos {
            self.max_pos = i;
        }
        self.toks[i]
    }

    #[inline]
    pub fn kind(&mut self) -> TokenKind {
        self.tok().kind
    }

    #[inline]
    pub fn at(&mut self, kind: TokenKind) -> bool {
        self.tok().kind == kind
    }

    #[inline]
    pub fn at_kw(&mut self, kw: Kw) -> bool {
        self.tok().kw == kw
    }

    /// True at a NAME that is the soft keyword `word` (`match`, `case`, `_`).
    pub fn at_soft_kw(&mut self, word: &str) -> bool {
        let t = self.tok();
        t.kind == TokenKind::Name && t.kw == Kw::NotKeyword && self.text(&t) == word
    }

    /// Consumes the current token. Never moves past the final token.
    #[inline]
    pub fn bump(&mut self) -> Tok {
        let t = self.tok();
        // Node ends skip whitespace tokens (`_PyPegen_get_last_nonnwhitespace_token`).
        if !matches!(
            t.kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
        ) {
            self.prev_end = (t.end_lineno, t.end_col);
        }
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    #[inline]
    pub fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    #[inline]
    pub fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consumes a token of `kind` or fails softly.
    #[inline]
    pub fn expect(&mut self, kind: TokenKind) -> PResult<Tok> {
        if self.at(kind) {
            Ok(self.bump())
        } else {
            Err(Fail::NoMatch)
        }
    }

    pub fn expect_kw(&mut self, kw: Kw) -> PResult<Tok> {
        if self.at_kw(kw) {
            Ok(self.bump())
        } else {
            Err(Fail::NoMatch)
        }
    }

    /// CPython's forced token `&&'x'`: a hard "expected 'x'" error at the current token.
    pub fn expect_forced(&mut self, kind: TokenKind, text: &str) -> PResult<Tok> {
        if self.at(kind) {
            return Ok(self.bump());
        }
        let t = self.tok();
        if t.kind == TokenKind::ErrorToken {
            return Err(Fail::NoMatch);
        }
        Err(self.error_at_tok(&t, &format!("expected '{text}'")))
    }

    /// A saved position for backtracking.
    #[inline]
    pub fn mark(&self) -> (usize, (u32, u32)) {
        (self.pos, self.prev_end)
    }

    #[inline]
    pub fn reset(&mut self, mark: (usize, (u32, u32))) {
        self.pos = mark.0;
        self.prev_end = mark.1;
    }

    pub fn text(&self, t: &Tok) -> &'s str {
        &self.src[t.start as usize..t.end as usize]
    }

    /// Enters one level of recursion; fails with CPython's MemoryError past the limit.
    #[inline]
    pub fn enter(&mut self) -> PResult<()> {
        self.enter_n(1)
    }

    /// Enters `n` units of recursion (see [`MAX_DEPTH`]); [`Parser::leave_n`] undoes it.
    #[inline]
    pub fn enter_n(&mut self, n: u32) -> PResult<()> {
        self.depth += n;
        if self.depth > MAX_DEPTH {
            self.too_deep = true;
            return Err(Fail::Error(Box::new(SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                msg: String::new(),
                lineno: 0,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                text: None,
            })));
        }
        Ok(())
    }

    /// The failure for nesting past [`MAX_DEPTH`] (reported as MemoryError).
    pub fn too_deep(&mut self) -> Fail {
        self.too_deep = true;
        Fail::Error(Box::new(SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            msg: String::new(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }))
    }

    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    #[inline]
    pub fn leave_n(&mut self, n: u32) {
        self.depth -= n;
    }

    // ----- locations ----------------------------------------------------------------

    /// The start (line, byte column) of the current token.
    #[inline]
    pub fn start(&mut self) -> (u32, u32) {
        let t = self.tok();
        (t.lineno, t.col)
    }

    /// The location from `start` to the end of the last consumed token (CPython's EXTRA).
    #[inline]
    pub fn finish(&self, start: (u32, u32)) -> Location {
        Location {
            lineno: start.0,
            col_offset: start.1,
            end_lineno: self.prev_end.0,
            end_col_offset: self.prev_end.1,
        }
    }

    pub fn tok_loc(t: &Tok) -> Location {
        Location {
            lineno: t.lineno,
            col_offset: t.col,
            end_lineno: t.end_lineno,
            end_col_offset: t.end_col,
        }
    }

    // ----- errors -------------------------------------------------------------------

    /// CPython's `byte_offset_to_character_offset` + 1: a 0-based byte column to a
    /// 1-based character column.
    pub fn char_offset(&self, lineno: u32, byte_col: u32) -> u32 {
        if !self.char_columns {
            return byte_col + 1;
        }
        let line = self.line_text_with_newline(lineno);
        let b = (byte_col as usize).min(line.len());
        let mut b2 = b;
        while b2 > 0 && !line.is_char_boundary(b2) {
            b2 -= 1;
        }
        line[..b2].chars().count() as u32 + (b - b2) as u32 + 1
    }

    fn line_text_with_newline(&self, lineno: u32) -> &'s str {
        let i = lineno as usize;
        if i == 0 || i > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[i - 1] as usize;
        let end = self
            .line_starts
            .get(i)
            .map(|&e| e as usize)
            .unwrap_or(self.src.len());
        &self.src[start.min(self.src.len())..end.min(self.src.len())]
    }

    /// A hard error spanning `loc` (byte columns converted to CPython's character offsets).
    pub fn error_at(&self, class: SyntaxErrorClass, loc: Location, msg: &str) -> Fail {
        Fail::Error(Box::new(SyntaxError {
            class,
            msg: msg.to_string(),
            lineno: loc.lineno,
            offset: self.char_offset(loc.lineno, loc.col_offset),
            end_lineno: loc.end_lineno,
            end_offset: self.char_offset(loc.end_lineno, loc.end_col_offset),
            text: None,
        }))
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node, msg)`.
    pub fn error_loc(&self, loc: Location, msg: &str) -> Fail {
        self.error_at(SyntaxErrorClass::SyntaxError, loc, msg)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, msg)`.
    pub fn error_at_tok(&self, t: &Tok, msg: &str) -> Fail {
        self.error_loc(Self::tok_loc(t), msg)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)`: from the start of `a` to the end of `b`.
    pub fn error_range(&self, a: Location, b: Location, msg: &str) -> Fail {
        self.error_loc(
            Location {
                lineno: a.lineno,
                col_offset: a.col_offset,
                end_lineno: b.end_lineno,
                end_col_offset: b.end_col_offset,
            },
            msg,
        )
    }

    /// `RAISE_SYNTAX_ERROR(msg)`: located at the last token fetched.
    pub fn error_last(&mut self, msg: &str) -> Fail {
        self.raise_at_last(SyntaxErrorClass::SyntaxError, msg)
    }

    /// `RAISE_INDENTATION_ERROR(msg)` at the last token fetched.
    pub fn indentation_error_last(&mut self, msg: &str) -> Fail {
        self.raise_at_last(SyntaxErrorClass::IndentationError, msg)
    }

    /// CPython's `_PyPegen_raise_error`: the last token's range, or for a token at end of
    /// file (no column) the tokenizer's position in the last line and no end.
    fn raise_at_last(&mut self, class: SyntaxErrorClass, msg: &str) -> Fail {
        let t = self.toks[self.max_pos.min(self.toks.len() - 1)];
        if t.col == NO_COL {
            let line = self.line_text_with_newline(t.lineno);
            return Fail::Error(Box::new(SyntaxError {
                class,
                msg: msg.to_string(),
                lineno: t.lineno,
                // CPython's file reader has reset its line buffer at end of file, so the
                // column it reports when running a file is 0 (no caret is drawn).
                offset: {
                    let _ = line;
                    0
                },
                end_lineno: t.lineno,
                end_offset: SyntaxError::MINUS_ONE,
                text: None,
            }));
        }
        self.error_at(class, Self::tok_loc(&t), msg)
    }

    /// The report for a parse that failed without a specific error
    /// (CPython's `_PyPegen_set_syntax_error`).
    pub fn generic_error(&mut self) -> SyntaxError {
        let last = self.toks[self.max_pos.min(self.toks.len() - 1)];
        if last.kind == TokenKind::ErrorToken {
            if let Some(e) = self.tok_error.take() {
                return e;
            }
        }
        let (class, msg) = match last.kind {
            TokenKind::Indent => (SyntaxErrorClass::IndentationError, "unexpected indent"),
            TokenKind::Dedent => (SyntaxErrorClass::IndentationError, "unexpected unindent"),
            _ => (SyntaxErrorClass::SyntaxError, "invalid syntax"),
        };
        if last.kind == TokenKind::Indent {
            // CPython's INDENT token has no column (-1), so `_PyPegen_raise_error` reports
            // the tokenizer's position, just past the indentation, and no end.
            let line = self.line_text_with_newline(last.lineno);
            let indent = line
                .bytes()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
                .count();
            return SyntaxError {
                class,
                msg: msg.to_string(),
                lineno: last.lineno,
                offset: indent as u32,
                end_lineno: last.lineno,
                end_offset: SyntaxError::MINUS_ONE,
                text: None,
            };
        }
        if last.col == NO_COL {
            // RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token without a column: offset -1 + 1.
            return SyntaxError {
                class,
                msg: msg.to_string(),
                lineno: last.lineno,
                offset: 0,
                end_lineno: last.lineno,
                end_offset: 0,
                text: None,
            };
        }
        match self.error_at(class, Self::tok_loc(&last), msg) {
            Fail::Error(e) => *e,
            Fail::NoMatch => unreachable!("error_at always builds an error"),
        }
    }
}
