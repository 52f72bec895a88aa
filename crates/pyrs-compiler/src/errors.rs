//! Compile-time errors: the SyntaxErrors the symbol table and code generator raise, and
//! the RecursionError of too deep nesting (CPython: `compiler_error` in `Python/compile.c`,
//! `PyErr_RangedSyntaxLocationObject` in `Python/symtable.c`).
//!
//! Locations are kept as the AST gives them (columns in UTF-8 bytes); CPython's exception
//! has `col_offset + 1` and `end_col_offset + 1`.

use pyrs_ast::Location;
use pyrs_tokenizer::{SyntaxError, SyntaxErrorClass};

/// Why compiling failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// A SyntaxError with a byte-column location.
    Syntax(SyntaxError),
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
    /// A construct this compiler cannot translate yet (never wrong bytecode instead).
    Unsupported(String),
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompileError::Syntax(e) => write!(f, "SyntaxError: {} (line {})", e.msg, e.lineno),
            CompileError::Recursion => {
                write!(
                    f,
                    "RecursionError: maximum recursion depth exceeded during compilation"
                )
            }
            CompileError::Unsupported(what) => write!(f, "pyrs compiler: unsupported: {what}"),
        }
    }
}

/// A SyntaxError spanning `loc`.
pub fn at(msg: String, loc: Location) -> CompileError {
    CompileError::Syntax(SyntaxError {
        class: SyntaxErrorClass::SyntaxError,
        msg,
        lineno: loc.lineno,
        offset: loc.col_offset + 1,
        end_lineno: loc.end_lineno,
        end_offset: loc.end_col_offset + 1,
        text: None,
    })
}

pub const RETURN_OUTSIDE: &str = "'return' outside function";
pub const YIELD_OUTSIDE: &str = "'yield' outside function";
pub const AWAIT_OUTSIDE: &str = "'await' outside function";
pub const AWAIT_OUTSIDE_ASYNC: &str = "'await' outside async function";
pub const BREAK_OUTSIDE: &str = "'break' outside loop";
pub const CONTINUE_OUTSIDE: &str = "'continue' not properly in loop";
pub const EXCEPT_STAR_EXIT: &str =
    "'break', 'continue' and 'return' cannot appear in an except* block";
pub const STARRED_HERE: &str = "can't use starred expression here";
pub const TOO_MANY_BLOCKS: &str = "too many statically nested blocks";

/// A compile-time SyntaxWarning (CPython: `compiler_warn`): the message and the line of
/// the code unit's current location, in the order the code generator meets them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub msg: String,
    pub lineno: u32,
}

pub const IS_LITERAL: &str = "\"is\" with a literal. Did you mean \"==\"?";
pub const IS_NOT_LITERAL: &str = "\"is not\" with a literal. Did you mean \"!=\"?";
pub const ASSERT_TUPLE: &str = "assertion is always true, perhaps remove parentheses?";
