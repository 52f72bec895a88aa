//! String literals in the C-tokenizer mode: every prefix (already consumed by the name
//! scanner), single and triple quotes, escapes and line continuations inside, and the
//! "unterminated" errors (`tok_get`'s `letter_quote` block in `Parser/tokenizer.c`).
//! An f-string is one STRING token in 3.11; its inside is parsed later by the parser.

use crate::error::SyntaxError;
use crate::lexer::Lexer;

impl<'s> Lexer<'s> {
    /// Lex a string whose token starts at `start` (prefix included) and whose opening quote
    /// is at `q`. Advances the line counters over line breaks inside the string and returns
    /// the end of the STRING token.
    pub(crate) fn lex_string(&mut self, start: usize, q: usize) -> Result<usize, SyntaxError> {
        let quote = self.ch(q);
        let first_lineno = self.lineno;
        let first_line_start = self.line_start;
        let mut p = q + 1;
        let triple = self.ch(p) == quote && self.ch(p + 1) == quote;
        if self.ch(p) == quote && !triple {
            return Ok(p + 1); // empty string
        }
        if triple {
            p += 2;
        }
        let mut run = 0; // consecutive closing quotes seen
        loop {
            let c = self.ch(p);
            if p >= self.limit || (!triple && (c == b'\n' || c == b'\r')) {
                // Reported at the first character of the token, on its first line.
                let detected = if p >= self.limit && self.line_start == p && p > 0 {
                    self.lineno - 1 // EOF right after a final newline
                } else {
                    self.lineno
                };
                let msg = if triple {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                let col = self.chars_before(first_line_start, start) + 1;
                let e = SyntaxError {
                    class: crate::error::SyntaxErrorClass::SyntaxError,
                    msg,
                    lineno: first_lineno,
                    offset: col,
                    end_lineno: first_lineno,
                    end_offset: col,
                    text: None,
                };
                self.pos = p;
                return Err(if p >= self.limit {
                    self.eof_error(e)
                } else {
                    e
                });
            }
            if c == quote {
                run += 1;
                p += 1;
                if run == if triple { 3 } else { 1 } {
                    return Ok(p);
                }
                continue;
            }
            run = 0;
            match c {
                b'\\' => {
                    let nl = self.newline_len(p + 1);
                    if nl > 0 {
                        p += 1 + nl;
                        self.new_line_at(p);
                    } else if p + 1 < self.limit {
                        // Skip the escaped character (its first byte is enough: the rest
                        // of a multi-byte character cannot be a quote or a backslash).
                        p += 2;
                    } else {
                        p += 1;
                    }
                }
                b'\n' | b'\r' => {
                    p += self.newline_len(p);
                    self.new_line_at(p);
                }
                _ => p += 1,
            }
        }
    }
}
