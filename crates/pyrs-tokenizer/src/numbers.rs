//! Numeric literals in the C-tokenizer mode: integers (decimal, 0x, 0o, 0b), floats,
//! exponents, imaginary `j`, underscores, and CPython 3.11's error messages and positions
//! (`tok_get`'s number block, `tok_decimal_tail` and `verify_end_of_number` in
//! `Parser/tokenizer.c`).
//!
//! Position convention, mirroring the C code: `p` indexes the current character `c`; an
//! error "after backing up c" is reported at cur = `p`, an error with `c` consumed at
//! `p + 1` (see `Lexer::error_at_cur`).

use crate::error::SyntaxError;
use crate::lexer::{is_ident_char, Lexer};

impl<'s> Lexer<'s> {
    /// Lex a number starting at `start`; `p` is where to continue (`start`, or `start + 1`
    /// for a number that starts with `.`). Returns the end of the NUMBER token.
    pub(crate) fn lex_number(&self, start: usize, p: usize) -> Result<usize, SyntaxError> {
        if p != start {
            // ".5": the digit after the dot is the first of the fraction.
            let p = self.decimal_tail(p)?;
            return self.after_fraction(p);
        }
        if self.ch(p) == b'0' {
            return self.number_after_zero(start, p + 1);
        }
        let p = self.decimal_tail(p)?;
        self.after_integer_part(p)
    }

    /// `tok_decimal_tail`: `p` is at a digit; consume digits with single underscores.
    fn decimal_tail(&self, mut p: usize) -> Result<usize, SyntaxError> {
        loop {
            while self.ch(p).is_ascii_digit() {
                p += 1;
            }
            if self.ch(p) != b'_' {
                return Ok(p);
            }
            p += 1;
            if !self.ch(p).is_ascii_digit() {
                return Err(self.error_at_cur("invalid decimal literal".into(), p));
            }
        }
    }

    /// After the integer part of a decimal: optional fraction, exponent, `j`.
    fn after_integer_part(&self, p: usize) -> Result<usize, SyntaxError> {
        if self.ch(p) == b'.' {
            let mut q = p + 1;
            if self.ch(q).is_ascii_digit() {
                q = self.decimal_tail(q)?;
            }
            return self.after_fraction(q);
        }
        self.after_fraction(p)
    }

    /// After the fraction: optional exponent, then `j` or the end check.
    fn after_fraction(&self, mut p: usize) -> Result<usize, SyntaxError> {
        if matches!(self.ch(p), b'e' | b'E') {
            let e = p;
            p += 1;
            let c = self.ch(p);
            if c == b'+' || c == b'-' {
                p += 1;
                if !self.ch(p).is_ascii_digit() {
                    return Err(self.error_at_cur("invalid decimal literal".into(), p));
                }
            } else if !c.is_ascii_digit() {
                // "1e" / "1else": the `e` is not an exponent; the number ends before it.
                self.verify_end_of_number(e, "decimal")?;
                return Ok(e);
            }
            p = self.decimal_tail(p)?;
        }
        if matches!(self.ch(p), b'j' | b'J') {
            p += 1;
            self.verify_end_of_number(p, "imaginary")?;
        } else {
            self.verify_end_of_number(p, "decimal")?;
        }
        Ok(p)
    }

    /// After a leading `0` at `start`; `p` is the character after it.
    fn number_after_zero(&self, start: usize, mut p: usize) -> Result<usize, SyntaxError> {
        match self.ch(p) {
            b'x' | b'X' => {
                p += 1;
                loop {
                    if self.ch(p) == b'_' {
                        p += 1;
                    }
                    if !self.ch(p).is_ascii_hexdigit() {
                        return Err(self.error_at_cur("invalid hexadecimal literal".into(), p));
                    }
                    while self.ch(p).is_ascii_hexdigit() {
                        p += 1;
                    }
                    if self.ch(p) != b'_' {
                        break;
                    }
                }
                self.verify_end_of_number(p, "hexadecimal")?;
                Ok(p)
            }
            b'o' | b'O' => self.radix_digits(p + 1, b'8', "octal"),
            b'b' | b'B' => self.radix_digits(p + 1, b'2', "binary"),
            _ => {
                // Zeros (with underscores), then maybe an old-style octal, a float or `j`.
                loop {
                    if self.ch(p) == b'_' {
                        p += 1;
                        if !self.ch(p).is_ascii_digit() {
                            return Err(self.error_at_cur("invalid decimal literal".into(), p));
                        }
                    }
                    if self.ch(p) != b'0' {
                        break;
                    }
                    p += 1;
                }
                let zeros_end = p + 1;
                let nonzero = self.ch(p).is_ascii_digit();
                if nonzero {
                    p = self.decimal_tail(p)?;
                }
                match self.ch(p) {
                    b'.' | b'e' | b'E' | b'j' | b'J' => self.after_integer_part(p),
                    _ if nonzero => {
                        // syntaxerror_known_range: byte columns, used as they are.
                        let line = self.lineno;
                        Err(SyntaxError {
                            class: crate::error::SyntaxErrorClass::SyntaxError,
                            msg: "leading zeros in decimal integer literals are not permitted; \
                                  use an 0o prefix for octal integers"
                                .into(),
                            lineno: line,
                            offset: (start + 1 - self.line_start) as u32,
                            end_lineno: line,
                            end_offset: (zeros_end - self.line_start) as u32,
                            text: None,
                        })
                    }
                    _ => {
                        self.verify_end_of_number(p, "decimal")?;
                        Ok(p)
                    }
                }
            }
        }
    }

    /// Digits of an octal (`bound` = b'8') or binary (`bound` = b'2') literal after its prefix.
    fn radix_digits(&self, mut p: usize, bound: u8, kind: &str) -> Result<usize, SyntaxError> {
        let ok = |c: u8| (b'0'..bound).contains(&c);
        loop {
            if self.ch(p) == b'_' {
                p += 1;
            }
            let c = self.ch(p);
            if !ok(c) {
                if c.is_ascii_digit() {
                    let msg = format!("invalid digit '{}' in {} literal", c as char, kind);
                    return Err(self.error_at_cur(msg, p + 1));
                }
                return Err(self.error_at_cur(format!("invalid {} literal", kind), p));
            }
            while ok(self.ch(p)) {
                p += 1;
            }
            if self.ch(p) != b'_' {
                break;
            }
        }
        let c = self.ch(p);
        if c.is_ascii_digit() {
            let msg = format!("invalid digit '{}' in {} literal", c as char, kind);
            return Err(self.error_at_cur(msg, p + 1));
        }
        self.verify_end_of_number(p, kind)?;
        Ok(p)
    }

    /// `verify_end_of_number`: the character at `p` must not continue an identifier, except
    /// the start of `and else for if in is not or`, which 3.11 only warns about
    /// (DeprecationWarning "invalid <kind> literal"); the number then ends at `p`.
    fn verify_end_of_number(&self, p: usize, kind: &str) -> Result<(), SyntaxError> {
        let rest =
            |s: &[u8]| self.b.get(p + 1..p + 1 + s.len()) == Some(s) && p + s.len() < self.limit;
        let keyword = match self.ch(p) {
            b'a' => rest(b"nd"),
            b'e' => rest(b"lse"),
            b'f' => rest(b"or"),
            b'i' => matches!(self.ch(p + 1), b'f' | b'n' | b's'),
            b'o' => rest(b"r"),
            b'n' => rest(b"ot"),
            _ => false,
        };
        if keyword || !is_ident_char(self.ch(p)) {
            return Ok(());
        }
        Err(self.error_at_cur(format!("invalid {} literal", kind), p))
    }
}
