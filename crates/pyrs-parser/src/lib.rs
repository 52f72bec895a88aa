//! pyrs-parser: Python 3.11 tokens to the AST, with CPython's SyntaxError messages and
//! locations (CPython: `Parser/parser.c` generated from `Grammar/python.gram`,
//! `Parser/pegen.c`, `Parser/string_parser.c`).
//!
//! ```
//! let module = pyrs_parser::parse_module("x = 1\n").unwrap();
//! assert!(pyrs_ast::dump_mod(&module, false).starts_with("Module(body=[Assign("));
//! ```
//!
//! Entry points: [`parse_module`] (text), [`parse_module_bytes`] (file bytes, with PEP 263
//! decoding), [`render_syntax_error`] (CPython's report on stderr) and [`dump_ast`]
//! (the `ast.dump(..., include_attributes=True)` text). See `docs/internals/parser.md`.

mod args;
mod expr;
mod numbers;
mod parser;
mod pattern;
mod render;
mod stmt;
mod strings;
mod targets;
mod tokens;

#[cfg(test)]
mod tests;

use parser::{Fail, Parser};
use pyrs_ast::{Expr, Mod};
use pyrs_tokenizer::TokenKind;
pub use pyrs_tokenizer::{SyntaxError, SyntaxErrorClass};
pub use render::{check_script, dump_ast, render_syntax_error, DumpOutput};

/// Why a parse failed: a syntax error, or CPython's `MemoryError` for input nested past
/// the parser's stack limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Syntax(SyntaxError),
    MemoryError,
}

/// Parses the text of a module (`ast.parse(source)` / `compile(source, f, 'exec')`).
pub fn parse_module(source: &str) -> Result<Mod, ParseError> {
    parse_text(source, true)
}

/// Parses the bytes of a `.py` file: decodes them (BOM, PEP 263 cookie) and parses.
pub fn parse_module_bytes(bytes: &[u8]) -> Result<Mod, ParseError> {
    let decoded = pyrs_tokenizer::decode_source(bytes).map_err(ParseError::Syntax)?;
    parse_text(&decoded.text, decoded.declared).map_err(|e| match e {
        // `compile()` of bytes rejects a NUL before tokenizing, with no position.
        ParseError::Syntax(s) if s.msg == "source code cannot contain null bytes" => {
            ParseError::Syntax(SyntaxError {
                msg: "source code string cannot contain null bytes".into(),
                lineno: 0,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                ..s
            })
        }
        other => other,
    })
}

/// Parses a script file as `python3 FILE` reads it (file-reader decoding errors).
pub fn parse_script_bytes(bytes: &[u8], filename: &str) -> Result<Mod, ParseError> {
    let decoded =
        pyrs_tokenizer::decode_source_file(bytes, filename).map_err(ParseError::Syntax)?;
    parse_text(&decoded.text, decoded.declared)
}

/// The three source modes of `compile()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `'exec'`: a module.
    Exec,
    /// `'eval'`: one expression.
    Eval,
    /// `'single'`: one interactive statement.
    Single,
}

/// Parses the bytes given to `compile()` (str sources arrive UTF-8 encoded, bytes
/// sources as given: BOM and PEP 263 cookie honoured) in `mode`.
pub fn parse_bytes_mode(bytes: &[u8], mode: Mode) -> Result<Mod, ParseError> {
    if mode == Mode::Exec {
        return parse_module_bytes(bytes);
    }
    let decoded = pyrs_tokenizer::decode_source(bytes).map_err(ParseError::Syntax)?;
    parse_text_mode(&decoded.text, decoded.declared, mode)
}

/// Parses text in `mode` (`ast.parse(source, mode=...)`).
pub fn parse_mode(source: &str, mode: Mode) -> Result<Mod, ParseError> {
    parse_text_mode(source, true, mode)
}

fn parse_text_mode(source: &str, char_columns: bool, mode: Mode) -> Result<Mod, ParseError> {
    if mode != Mode::Exec
        && source
            .trim_matches([' ', '\t', '\x0c', '\n', '\r'])
            .is_empty()
    {
        // CPython's string parser in eval/single mode: nothing to parse is invalid
        // syntax with no position.
        return Err(ParseError::Syntax(SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            msg: "invalid syntax".into(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }));
    }
    let mut p = Parser::new(source, char_columns);
    if mode != Mode::Exec && !source.ends_with(['\n', '\r']) {
        // Outside 'exec' the string tokenizer adds no newline at the end: its NEWLINE
        // at end of input has no column (errors there report offset 0).
        if let Some(t) = p
            .toks
            .iter_mut()
            .rev()
            .find(|t| t.kind == TokenKind::Newline)
        {
            t.col = tokens::NO_COL;
            t.end_col = tokens::NO_COL;
        }
    }
    let result = match mode {
        Mode::Exec => p.parse_file(),
        Mode::Eval => p.parse_eval_input(),
        Mode::Single => p.parse_single_input(),
    };
    finish(&mut p, result)
}

/// `char_columns`: report error columns in characters (text input, or a file that declared
/// its encoding) rather than in UTF-8 bytes (CPython's `tok->encoding != NULL` test).
fn parse_text(source: &str, char_columns: bool) -> Result<Mod, ParseError> {
    let mut p = Parser::new(source, char_columns);
    let result = p.parse_file();
    finish(&mut p, result)
}

/// Turns the parse result into CPython's final error (`_PyPegen_set_syntax_error`): a
/// tokenizer error later in the file replaces a parser error, except an unclosed bracket
/// opened on a later line than the parser error.
fn finish<T>(p: &mut Parser, result: Result<T, Fail>) -> Result<T, ParseError> {
    if p.too_deep {
        return Err(ParseError::MemoryError);
    }
    let mut reached_tok_error = p.toks[p.max_pos.min(p.toks.len() - 1)].kind
        == TokenKind::ErrorToken
        && p.max_pos == p.toks.len() - 1;
    let err = match result {
        Ok(v) => return Ok(v),
        Err(Fail::Error(e)) => {
            // A specific error stands for CPython's second pass: its first pass stopped
            // earlier, so the tokenizer error is looked for afterwards as usual.
            reached_tok_error = false;
            *e
        }
        Err(Fail::NoMatch) => {
            let e = p.generic_error();
            if matches!(e.msg.as_str(), "unexpected indent" | "unexpected unindent") {
                return Err(ParseError::Syntax(e));
            }
            if reached_tok_error {
                return Err(ParseError::Syntax(e));
            }
            e
        }
    };
    if !reached_tok_error {
        if let Some(tok_err) = p.tok_error.take() {
            // `current_err_line` is the line of the last token fetched, not the error's.
            let unclosed = tok_err.msg.ends_with("was never closed");
            let current_line = p.toks[p.max_pos.min(p.toks.len() - 1)].lineno;
            if !unclosed || current_line > tok_err.lineno {
                return Err(ParseError::Syntax(tok_err));
            }
        }
    }
    Err(ParseError::Syntax(err))
}

/// Parses the text `(expr)` of an f-string replacement field, with token positions shifted
/// so that line 1 starts at (`line`, `col`) of the enclosing file (3.11's
/// `fstring_compile_expr`). `Err(None)` means a failure without a specific message.
pub(crate) fn parse_fstring_replacement(
    src: &str,
    line: u32,
    col: u32,
) -> Result<Expr, Option<SyntaxError>> {
    // Byte columns: the shift to the f-string's place is undone on error.
    let mut p = Parser::new(src, false);
    for t in &mut p.toks {
        if t.end_lineno == 1 && t.col != tokens::NO_COL {
            t.col += col;
            t.end_col += col;
        }
        t.lineno += line - 1;
        t.end_lineno += line - 1;
    }
    p.prev_end = (line, col);
    let r = p.parse_star_expressions().and_then(|e| {
        if matches!(e.kind, pyrs_ast::ExprKind::Starred { .. }) {
            return Err(p.error_loc(e.loc, "cannot use starred expression here"));
        }
        p.eat(TokenKind::Newline);
        if p.at(TokenKind::EndMarker) {
            Ok(e)
        } else {
            Err(Fail::NoMatch)
        }
    });
    let mut err = match r {
        Ok(e) => return Ok(e),
        Err(Fail::Error(e)) => *e,
        Err(Fail::NoMatch) => p.generic_error(),
    };
    if !err.msg.starts_with("f-string") {
        err.msg = format!("f-string: {}", err.msg);
    }
    // 3.11 reports an error inside the expression against the re-parsed text `(expr)`:
    // columns relative to it (`col_offset -= starting_col_offset`) and that text shown.
    if err.lineno == line && err.offset != SyntaxError::MINUS_ONE && err.offset > col {
        err.offset -= col;
        if err.end_offset != SyntaxError::MINUS_ONE && err.end_offset > col {
            err.end_offset -= col;
        }
        err.text = Some(src.lines().next().unwrap_or("").to_string());
    }
    Err(Some(err))
}
