//! `from __future__ import ...` rules that CPython enforces when it *compiles* a module
//! (CPython: `Python/future.c` `future_parse`, and `compiler_from_import` in
//! `Python/compile.c`). `ast.parse` does not apply them; `python3 FILE` does.
//!
//! Returns the `CO_FUTURE_*` flags the module's future statements turn on (they end up in
//! every code object's `co_flags`, as CPython's `PyCF_MASK` part of the compiler flags).

use pyrs_ast::{Constant, ExprKind, Mod, Stmt, StmtKind};
use pyrs_tokenizer::{SyntaxError, SyntaxErrorClass};

/// Features `__future__` knows in 3.11 (`Lib/__future__.py` `all_feature_names`).
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn is_future_import(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::ImportFrom { module: Some(m), .. } if m == "__future__")
}

/// An error at a statement's start with a single caret (`PyErr_SyntaxLocationObject`).
fn at_start(s: &Stmt, msg: &str) -> SyntaxError {
    SyntaxError {
        class: SyntaxErrorClass::SyntaxError,
        msg: msg.to_string(),
        lineno: s.loc.lineno,
        offset: s.loc.col_offset + 1,
        end_lineno: s.loc.lineno,
        end_offset: SyntaxError::MINUS_ONE,
        text: None,
    }
}

pub const CO_FUTURE_DIVISION: u32 = 0x20000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;

fn feature_flag(name: &str) -> u32 {
    match name {
        "division" => CO_FUTURE_DIVISION,
        "absolute_import" => CO_FUTURE_ABSOLUTE_IMPORT,
        "with_statement" => CO_FUTURE_WITH_STATEMENT,
        "print_function" => CO_FUTURE_PRINT_FUNCTION,
        "unicode_literals" => CO_FUTURE_UNICODE_LITERALS,
        "barry_as_FLUFL" => CO_FUTURE_BARRY_AS_BDFL,
        "generator_stop" => CO_FUTURE_GENERATOR_STOP,
        "annotations" => CO_FUTURE_ANNOTATIONS,
        _ => 0,
    }
}

/// Checks the future statements of a module; `Ok(flags)` when they are all well placed
/// and known.
pub fn check_future(module: &Mod) -> Result<u32, SyntaxError> {
    let Mod::Module { body, .. } = module else {
        return Ok(0);
    };
    let mut flags = 0;
    // future.c: the leading future imports (after an optional docstring).
    let mut i = 0;
    if let Some(StmtKind::Expr { value }) = body.first().map(|s| &s.kind) {
        if matches!(
            value.kind,
            ExprKind::Constant {
                value: Constant::Str(_),
                ..
            }
        ) {
            i = 1;
        }
    }
    let mut done = false;
    let mut prev_line = 0;
    let mut last_future_line: i64 = -1;
    for s in &body[i..] {
        if done && s.loc.lineno > prev_line {
            break;
        }
        prev_line = s.loc.lineno;
        if is_future_import(s) {
            if done {
                // future.c reports this one at the 0-based column (no + 1), unlike the others.
                let mut e = at_start(
                    s,
                    "from __future__ imports must occur at the beginning of the file",
                );
                e.offset -= 1;
                e.end_offset = 0;
                return Err(e);
            }
            if let StmtKind::ImportFrom { names, .. } = &s.kind {
                for alias in names {
                    if alias.name == "braces" {
                        return Err(at_start(s, "not a chance"));
                    }
                    if !FEATURES.contains(&alias.name.as_str()) {
                        let msg = format!("future feature {} is not defined", alias.name);
                        return Err(at_start(s, &msg));
                    }
                    flags |= feature_flag(&alias.name);
                }
            }
            last_future_line = s.loc.lineno as i64;
        } else {
            done = true;
        }
    }
    // compile.c: any later `from __future__ import` anywhere in the module.
    find_late_future(body, last_future_line)?;
    Ok(flags)
}

fn find_late_future(body: &[Stmt], last_future_line: i64) -> Result<(), SyntaxError> {
    for s in body {
        if is_future_import(s) && s.loc.lineno as i64 > last_future_line {
            // A compiler error: the statement's whole range, columns in bytes.
            return Err(SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                msg: "from __future__ imports must occur at the beginning of the file".into(),
                lineno: s.loc.lineno,
                offset: s.loc.col_offset + 1,
                end_lineno: s.loc.end_lineno,
                end_offset: s.loc.end_col_offset + 1,
                text: None,
            });
        }
        for child in child_bodies(s) {
            find_late_future(child, last_future_line)?;
        }
    }
    Ok(())
}

/// The statement lists nested in a compound statement.
fn child_bodies(s: &Stmt) -> Vec<&[Stmt]> {
    match &s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => vec![&f.body],
        StmtKind::ClassDef(c) => vec![&c.body],
        StmtKind::For(f) | StmtKind::AsyncFor(f) => vec![&f.body, &f.orelse],
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            vec![body, orelse]
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => vec![&w.body],
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            let mut v: Vec<&[Stmt]> = vec![&t.body, &t.orelse, &t.finalbody];
            v.extend(t.handlers.iter().map(|h| h.body.as_slice()));
            v
        }
        StmtKind::Match { cases, .. } => cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => vec![],
    }
}
