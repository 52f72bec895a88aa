//! The syntax error shared by every front-end stage (tokenizer, parser, later the compiler).
//!
//! Positions follow CPython's `SyntaxError` attributes exactly: `lineno`/`end_lineno` are
//! 1-based lines, `offset`/`end_offset` are 1-based *character* columns in the line (CPython
//! converts its byte columns with `byte_offset_to_character_offset`). An `offset` of 0
//! means "no column" as in CPython.

/// The Python exception class a syntax error is raised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntaxErrorClass {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorClass {
    /// The class name as Python prints it.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorClass::SyntaxError => "SyntaxError",
            SyntaxErrorClass::IndentationError => "IndentationError",
            SyntaxErrorClass::TabError => "TabError",
        }
    }
}

/// A syntax error as CPython 3.11 reports it (class, `msg`, and the position attributes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub class: SyntaxErrorClass,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// CPython's `text` when it is not the source line at `lineno` (an error inside an
    /// f-string expression shows the re-parsed text `(expr)`); `None`: the source line.
    pub text: Option<String>,
}

impl SyntaxError {
    /// Stands for CPython's `-1` in `offset`/`end_offset` (e.g. `end_offset` of
    /// "unexpected EOF while parsing" and of "unindent does not match ...").
    pub const MINUS_ONE: u32 = u32::MAX;

    /// `offset` as Python sees it (`MINUS_ONE` → -1).
    pub fn offset_i64(&self) -> i64 {
        Self::as_python(self.offset)
    }

    /// `end_offset` as Python sees it (`MINUS_ONE` → -1).
    pub fn end_offset_i64(&self) -> i64 {
        Self::as_python(self.end_offset)
    }

    fn as_python(v: u32) -> i64 {
        if v == Self::MINUS_ONE {
            -1
        } else {
            v as i64
        }
    }
}
