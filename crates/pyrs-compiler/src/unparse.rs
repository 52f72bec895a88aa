//! The source text of an annotation under `from __future__ import annotations`
//! (CPython: `Python/ast_unparse.c`).

use crate::errors::CompileError;
use pyrs_ast::Expr;

pub fn unparse(_e: &Expr) -> Result<String, CompileError> {
    Err(CompileError::Unsupported(
        "from __future__ import annotations".into(),
    ))
}
