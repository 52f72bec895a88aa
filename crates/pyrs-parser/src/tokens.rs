//! The parser's view of the token stream: significant tokens with their positions and
//! keyword classification (CPython: `Parser/pegen.c` `_PyPegen_fill_token`, keyword lists).

use pyrs_tokenizer::{Token, TokenKind};

/// Hard keywords of Python 3.11 (`keyword.kwlist`); `NotKeyword` for every other token.
/// Soft keywords (`match`, `case`, `_`) stay `NotKeyword`: they are names to the parser
/// except where a rule asks for them by text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    NotKeyword,
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    pub fn from_name(s: &str) -> Kw {
        match s {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
            _ => Kw::NotKeyword,
        }
    }
}

/// A significant token with its keyword class and its start/end as (line, byte column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: TokenKind,
    pub kw: Kw,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
    /// Bracket nesting depth at this token (after an opening bracket, after a closing one).
    pub level: u32,
}

/// Column of tokens that the tokenizer places at end of file (ENDMARKER, final DEDENTs):
/// CPython gives them no column (-1).
pub(crate) const NO_COL: u32 = u32::MAX;

impl Tok {
    /// True for a NAME that is not a hard keyword (CPython's `NAME` token in the grammar).
    #[inline]
    pub fn is_name(&self) -> bool {
        self.kind == TokenKind::Name && self.kw == Kw::NotKeyword
    }
}

/// Byte offsets where each line starts; `\n`, `\r\n` and a lone `\r` end a line, as in
/// CPython's universal-newline reading of source.
pub(crate) fn line_starts(src: &str) -> Vec<u32> {
    let bytes = src.as_bytes();
    let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
    starts.push(0);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i as u32 + 1),
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                starts.push(i as u32 + 1);
            }
            _ => {}
        }
        i += 1;
    }
    starts
}

/// Converts the tokenizer's tokens into the parser's: drops COMMENT and NL, positions
/// each token, classifies keywords, and ends the vector with ENDMARKER, or with an
/// ERRORTOKEN where the tokenizer stopped on an error.
pub(crate) fn significant_tokens(
    src: &str,
    tokens: &[Token],
    line_starts: &[u32],
    had_error: bool,
) -> Vec<Tok> {
    let mut out = Vec::with_capacity(tokens.len() + 1);
    // Tokens come in source order, so a cursor over line_starts positions them in one pass.
    let mut line = 0usize; // index into line_starts of the line containing the offset
    let mut locate = |offset: u32| -> (u32, u32) {
        while line + 1 < line_starts.len() && line_starts[line + 1] <= offset {
            line += 1;
        }
        while line > 0 && line_starts[line] > offset {
            line -= 1;
        }
        (line as u32 + 1, offset - line_starts[line])
    };
    let mut level: u32 = 0;
    // The last line of the file: where CPython's tokenizer stands at end of file.
    let last_line = {
        let n = line_starts.len() as u32;
        if n > 1 && *line_starts.last().unwrap_or(&0) as usize == src.len() {
            n - 1
        } else {
            n
        }
    };
    for t in tokens {
        match t.kind {
            TokenKind::Comment | TokenKind::Nl | TokenKind::Encoding => continue,
            _ => {}
        }
        let (lineno, col) = locate(t.start);
        let (end_lineno, end_col) = locate(t.end);
        // The tokenizer reports `async`/`await` as ASYNC/AWAIT; the 3.11 grammar treats them
        // as keywords spelled as names.
        let (kind, kw) = match t.kind {
            TokenKind::Name => (
                TokenKind::Name,
                Kw::from_name(&src[t.start as usize..t.end as usize]),
            ),
            TokenKind::Async => (TokenKind::Name, Kw::Async),
            TokenKind::Await => (TokenKind::Name, Kw::Await),
            k => (k, Kw::NotKeyword),
        };
        match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                level = level.saturating_sub(1)
            }
            _ => {}
        }
        // The C tokenizer leaves the line break out of a NEWLINE token.
        let (end_lineno, end_col) = if kind == TokenKind::Newline {
            (lineno, col)
        } else {
            (end_lineno, end_col)
        };
        let at_eof = matches!(kind, TokenKind::EndMarker | TokenKind::Dedent)
            && t.start as usize >= src.len();
        let (lineno, col, end_lineno, end_col) = if at_eof {
            (last_line, NO_COL, last_line, NO_COL)
        } else {
            (lineno, col, end_lineno, end_col)
        };
        out.push(Tok {
            kind,
            kw,
            start: t.start,
            end: t.end,
            lineno,
            col,
            end_lineno,
            end_col,
            level,
        });
        if t.kind == TokenKind::EndMarker {
            break;
        }
    }
    let ends = out
        .last()
        .map(|t| t.kind == TokenKind::EndMarker)
        .unwrap_or(false);
    if had_error || !ends {
        // The parser meets this token where the tokenizer failed.
        let offset = out.last().map(|t| t.end).unwrap_or(0);
        let (lineno, col) = locate(offset);
        out.push(Tok {
            kind: TokenKind::ErrorToken,
            kw: Kw::NotKeyword,
            start: offset,
            end: offset,
            lineno,
            col,
            end_lineno: lineno,
            end_col: col,
            level,
        });
    }
    out
}
