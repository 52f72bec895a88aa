//! Indentation: the INDENT/DEDENT stack with CPython's two tab rules, and the
//! beginning-of-line scan of the C tokenizer (`tok_get`'s `if (tok->atbol)` block in
//! `Parser/tokenizer.c`).
//!
//! Each line's indentation is measured twice: `col` with tabs to multiples of 8 and `alt`
//! with tabs as 1 column (`ALTTABSIZE`). The two must order the line the same way against
//! the stack, otherwise the meaning depends on the tab size: TabError.

use crate::error::{SyntaxError, SyntaxErrorClass};
use crate::lexer::Lexer;
use crate::token::TokenKind;

/// CPython's `MAXINDENT`: the stack holds at most 100 entries (column 0 included).
const MAXINDENT: usize = 100;
const TABSIZE: u32 = 8;
const ALTTABSIZE: u32 = 1;

/// The indentation stack. Invariant: both vectors have the same length >= 1, start with 0,
/// and are strictly increasing.
#[derive(Debug, Clone)]
pub(crate) struct IndentStack {
    cols: Vec<u32>,
    alts: Vec<u32>,
}

/// How a logical line's indentation relates to the stack.
pub(crate) enum IndentChange {
    Same,
    Indent,
    Dedent(usize),
}

/// Why an indentation was rejected (`E_TABSPACE`, `E_TOODEEP`, `E_DEDENT`).
pub(crate) enum IndentError {
    Tab,
    TooDeep,
    Dedent,
}

impl IndentStack {
    pub fn new() -> IndentStack {
        IndentStack {
            cols: vec![0],
            alts: vec![0],
        }
    }

    /// Number of entries, column 0 included.
    pub fn depth(&self) -> usize {
        self.cols.len()
    }

    pub fn reset(&mut self) {
        self.cols.truncate(1);
        self.alts.truncate(1);
    }

    /// Apply a new line's indentation (`col` with 8-column tabs, `alt` with 1-column tabs).
    pub fn apply(&mut self, col: u32, alt: u32) -> Result<IndentChange, IndentError> {
        let top = self.cols.len() - 1;
        if col == self.cols[top] {
            if alt != self.alts[top] {
                return Err(IndentError::Tab);
            }
            Ok(IndentChange::Same)
        } else if col > self.cols[top] {
            if self.cols.len() >= MAXINDENT {
                return Err(IndentError::TooDeep);
            }
            if alt <= self.alts[top] {
                return Err(IndentError::Tab);
            }
            self.cols.push(col);
            self.alts.push(alt);
            Ok(IndentChange::Indent)
        } else {
            let mut n = 0;
            while self.cols.len() > 1 && col < self.cols[self.cols.len() - 1] {
                self.cols.pop();
                self.alts.pop();
                n += 1;
            }
            let top = self.cols.len() - 1;
            if col != self.cols[top] {
                return Err(IndentError::Dedent);
            }
            if alt != self.alts[top] {
                return Err(IndentError::Tab);
            }
            Ok(IndentChange::Dedent(n))
        }
    }
}

impl<'s> Lexer<'s> {
    /// Measure the indentation at the beginning of a line, decide whether the line is blank
    /// (only whitespace and/or a comment), and push INDENT/DEDENT tokens.
    pub(crate) fn line_indentation(&mut self) -> Result<(), SyntaxError> {
        let (mut col, mut alt) = (0u32, 0u32);
        let mut cont_line_col = 0u32;
        let mut p = self.pos;
        let ws_start = p;
        loop {
            match self.ch(p) {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    alt = (alt / ALTTABSIZE + 1) * ALTTABSIZE;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                b'\\' if p < self.limit => {
                    // Indentation cannot be split over lines with backslashes: the first
                    // backslash decides the level of what follows.
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    p = self.continuation(p)?;
                    continue;
                }
                _ => break,
            }
            p += 1;
        }
        let c = self.ch(p);
        // A line holding only whitespace before EOF is blank too (CPython appends "\n").
        self.blankline = matches!(c, b'#' | b'\n' | b'\r') || (p >= self.limit && p > ws_start);
        self.pos = p;
        if self.blankline || !self.parens.is_empty() {
            return Ok(());
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            alt = cont_line_col;
        }
        match self.indents.apply(col, alt) {
            Ok(IndentChange::Same) => {}
            Ok(IndentChange::Indent) => {
                let start = if ws_start >= self.line_start {
                    ws_start
                } else {
                    p
                };
                self.push(TokenKind::Indent, start, p);
            }
            Ok(IndentChange::Dedent(n)) => {
                for _ in 0..n {
                    self.push(TokenKind::Dedent, p, p);
                }
            }
            Err(e) => return Err(self.indent_error(e)),
        }
        Ok(())
    }

    fn indent_error(&self, e: IndentError) -> SyntaxError {
        let line = self.lineno;
        let (class, msg) = match e {
            IndentError::Tab => (
                SyntaxErrorClass::TabError,
                "inconsistent use of tabs and spaces in indentation",
            ),
            IndentError::TooDeep => (
                SyntaxErrorClass::IndentationError,
                "too many levels of indentation",
            ),
            IndentError::Dedent => {
                // pegen: column = the whole line with its newline (cur was moved to `inp`).
                let mut end = self.line_start;
                while end < self.limit && !matches!(self.b[end], b'\n' | b'\r') {
                    end += 1;
                }
                let col = self.chars_before(self.line_start, end) + 1;
                return SyntaxError {
                    class: SyntaxErrorClass::IndentationError,
                    msg: "unindent does not match any outer indentation level".into(),
                    lineno: line,
                    offset: col,
                    end_lineno: line,
                    end_offset: SyntaxError::MINUS_ONE,
                    text: None,
                };
            }
        };
        SyntaxError {
            class,
            msg: msg.into(),
            lineno: line,
            offset: 1,
            end_lineno: line,
            end_offset: 0,
            text: None,
        }
    }
}
