//! `'...' % (a, b)` compiled as the f-string it means, as 3.11's AST optimizer rewrites it
//! (CPython: `optimize_format`, `parse_literal`, `parse_format`, `simple_format_arg_parse`
//! in `Python/ast_opt.c`).
//!
//! Only a str constant on the left and a tuple display (no starred item, not itself a
//! constant) on the right; every conversion must be `%s`, `%r` or `%a` with at most a
//! `-` flag (other flags are accepted and ignored, as CPython does), a width and a
//! precision of at most two digits each, and the units must match the items one to one.
//! Otherwise the expression stays a `%` operation. Literal pieces and format specs carry
//! no location (their instructions take the one before), a `FORMAT_VALUE` the location of
//! its item, `BUILD_STRING` that of the whole expression.

use super::{CResult, Compiler};
use crate::flowgraph::Loc;
use crate::ops::*;
use pyrs_ast::*;
use pyrs_bytecode::{Constant as K, PyStrValue};

/// `MAXDIGITS` in ast_opt.c: a third digit of width or precision makes the unit unsupported.
const MAXDIGITS: u32 = 3;
const STACK_USE_GUIDELINE: usize = 30;

/// One part of the f-string.
pub(crate) enum Piece<'a> {
    Literal(PyStrValue),
    /// `FORMAT_VALUE`: the item, its conversion oparg (1 `!s`, 2 `!r`, 3 `!a`) and spec.
    Format {
        arg: &'a Expr,
        conversion: u32,
        spec: Option<PyStrValue>,
    },
}

/// `simple_format_arg_parse` after the `%`: (spec char, left-justified, width, precision),
/// or `None` for a unit it does not handle. `pos` moves past the unit.
fn format_unit(cps: &[u32], pos: &mut usize) -> Option<(u32, bool, i32, i32)> {
    let mut p = *pos;
    let mut next = || -> Option<u32> {
        let c = cps.get(p).copied();
        p += 1;
        c
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match char::from_u32(ch) {
            Some('-') => ljust = true,
            Some('+' | ' ' | '#' | '0') => {}
            _ => break,
        }
    }
    let digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
    let mut width = -1;
    if digit(ch) {
        width = 0;
        let mut digits = 0;
        while digit(ch) {
            width = width * 10 + (ch - b'0' as u32) as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    let mut prec = -1;
    if ch == b'.' as u32 {
        ch = next()?;
        prec = 0;
        let mut digits = 0;
        while digit(ch) {
            prec = prec * 10 + (ch - b'0' as u32) as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    *pos = p;
    Some((ch, ljust, width, prec))
}

/// The f-string pieces of `fmt % (elts...)`, if `optimize_format` rewrites it.
pub(crate) fn plan<'a>(fmt: &PyStrValue, elts: &'a [Expr]) -> Option<Vec<Piece<'a>>> {
    if elts
        .iter()
        .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
    {
        return None;
    }
    let cps: Vec<u32> = fmt.code_points().collect();
    let percent = b'%' as u32;
    let mut pieces = Vec::with_capacity(elts.len() * 2 + 1);
    let mut pos = 0;
    let mut used = 0;
    loop {
        // parse_literal: up to the next lone '%', "%%" read as '%'.
        let start = pos;
        let mut lit = Vec::new();
        while pos < cps.len() {
            if cps[pos] != percent {
                lit.push(cps[pos]);
                pos += 1;
            } else if pos + 1 < cps.len() && cps[pos + 1] == percent {
                lit.push(percent);
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            pieces.push(Piece::Literal(PyStrValue::from_code_points(lit)?));
        }
        if pos >= cps.len() {
            break;
        }
        if used >= elts.len() {
            // More format units than items.
            return None;
        }
        pos += 1;
        let (spec, ljust, width, prec) = format_unit(&cps, &mut pos)?;
        let conversion = match char::from_u32(spec) {
            Some('s') => 1,
            Some('r') => 2,
            Some('a') => 3,
            _ => return None,
        };
        let mut text = String::new();
        if !ljust && width > 0 {
            text.push('>');
        }
        if width >= 0 {
            text.push_str(&width.to_string());
        }
        if prec >= 0 {
            text.push_str(&format!(".{prec}"));
        }
        pieces.push(Piece::Format {
            arg: &elts[used],
            conversion,
            spec: (!text.is_empty()).then(|| PyStrValue::new(&text)),
        });
        used += 1;
    }
    if used < elts.len() {
        // More items than format units.
        return None;
    }
    Some(pieces)
}

impl<'a> Compiler<'a> {
    /// `compiler_joined_str` over the pieces (the current location is the expression's).
    pub(crate) fn percent_format(&mut self, pieces: Vec<Piece<'a>>) -> CResult {
        let n = pieces.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(K::str(""));
            let i = self.u().names.add("join");
            self.emit(LOAD_METHOD, i);
            self.emit(BUILD_LIST, 0);
            for p in pieces {
                self.piece(p)?;
                self.emit(LIST_APPEND, 1);
            }
            self.emit(PRECALL, 1);
            self.emit(CALL, 1);
        } else {
            for p in pieces {
                self.piece(p)?;
            }
            if n != 1 {
                self.emit(BUILD_STRING, n as u32);
            }
        }
        Ok(())
    }

    fn piece(&mut self, p: Piece<'a>) -> CResult {
        let saved = self.u().loc;
        match p {
            Piece::Literal(s) => {
                self.u().loc = Loc::NONE;
                self.load_const(K::Str(s));
            }
            Piece::Format {
                arg,
                conversion,
                spec,
            } => {
                self.set_loc(arg.loc);
                self.expr(arg)?;
                let mut oparg = conversion;
                if let Some(s) = spec {
                    self.u().loc = Loc::NONE;
                    self.load_const(K::Str(s));
                    self.set_loc(arg.loc);
                    oparg |= 4;
                }
                self.emit(FORMAT_VALUE, oparg);
            }
        }
        self.u().loc = saved;
        Ok(())
    }
}
