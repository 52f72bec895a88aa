//! `match` statements and patterns (CPython 3.11: `compiler_match`, `compiler_pattern*`
//! in `Python/compile.c`).

use super::{CResult, Compiler};
use crate::errors::CompileError;
use pyrs_ast::*;

impl<'a> Compiler<'a> {
    pub fn match_stmt(
        &mut self,
        _s: &'a Stmt,
        _subject: &'a Expr,
        _cases: &'a [MatchCase],
    ) -> CResult {
        Err(CompileError::Unsupported("match statement".into()))
    }
}
