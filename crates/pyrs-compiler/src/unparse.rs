//! The source text of an annotation under `from __future__ import annotations`
//! (CPython: `Python/ast_unparse.c`, `_PyAST_ExprAsUnicode`).
//!
//! This is the C unparser the compiler uses, not `Lib/ast.py`'s `ast.unparse`: the two
//! differ (strings and f-strings here are plain `repr`, no quote avoidance; a named
//! expression is written `x:=y`; `await` and `yield` are parenthesised differently).
//! `scripts/compare_annotations.py` checks this file against CPython's compiled
//! annotations over the whole Lib tree.
//!
//! The text is built as a `StrValue` because f-string bodies may hold lone surrogates
//! until their `repr` escapes them; the finished text is always valid UTF-8.

use crate::errors::CompileError;
use pyrs_ast::repr::{constant_repr, str_repr};
use pyrs_ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Operator,
    StrValue, UnaryOp,
};

/// Priority levels (`ast_unparse.c`'s `PR_*`): a sub-expression printed at a level above
/// its own gets parentheses.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1; // 'if'-'else', 'lambda'
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode(e)`: the annotation's text.
pub fn unparse(e: &Expr) -> Result<String, CompileError> {
    let mut w = StrValue::default();
    expr(&mut w, e, PR_TEST)?;
    Ok(match w.as_str() {
        Some(s) => s.to_string(),
        None => String::from_utf8_lossy(w.as_bytes()).into_owned(),
    })
}

type W = StrValue;
type R = Result<(), CompileError>;

fn open_if(w: &mut W, cond: bool) {
    if cond {
        w.push_str("(");
    }
}

fn close_if(w: &mut W, cond: bool) {
    if cond {
        w.push_str(")");
    }
}

/// `append_ast_expr`.
fn expr(w: &mut W, e: &Expr, level: u8) -> R {
    crate::guard(|| expr_inner(w, e, level))
}

fn expr_inner(w: &mut W, e: &Expr, level: u8) -> R {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (text, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            open_if(w, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    w.push_str(text);
                }
                expr(w, v, pr + 1)?;
            }
            close_if(w, level > pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr) = binop(*op);
            let rassoc = matches!(op, Operator::Pow) as u8;
            open_if(w, level > pr);
            expr(w, left, pr + rassoc)?;
            w.push_str(text);
            expr(w, right, pr + 1 - rassoc)?;
            close_if(w, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open_if(w, level > pr);
            w.push_str(text);
            expr(w, operand, pr)?;
            close_if(w, level > pr);
        }
        ExprKind::Lambda { args, body } => {
            open_if(w, level > PR_TEST);
            let positional = args.args.len() + args.posonlyargs.len();
            w.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(w, args)?;
            w.push_str(": ");
            expr(w, body, PR_TEST)?;
            close_if(w, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open_if(w, level > PR_TEST);
            expr(w, body, PR_TEST + 1)?;
            w.push_str(" if ");
            expr(w, test, PR_TEST + 1)?;
            w.push_str(" else ");
            expr(w, orelse, PR_TEST)?;
            close_if(w, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            w.push_str("{");
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(w, k, PR_TEST)?;
                        w.push_str(": ");
                        expr(w, v, PR_TEST)?;
                    }
                    None => {
                        w.push_str("**");
                        expr(w, v, PR_EXPR)?;
                    }
                }
            }
            w.push_str("}");
        }
        ExprKind::Set { elts } => seq(w, "{", elts, "}")?,
        ExprKind::List { elts, .. } => seq(w, "[", elts, "]")?,
        ExprKind::GeneratorExp { elt, generators } => {
            w.push_str("(");
            expr(w, elt, PR_TEST)?;
            comprehensions(w, generators)?;
            w.push_str(")");
        }
        ExprKind::ListComp { elt, generators } => {
            w.push_str("[");
            expr(w, elt, PR_TEST)?;
            comprehensions(w, generators)?;
            w.push_str("]");
        }
        ExprKind::SetComp { elt, generators } => {
            w.push_str("{");
            expr(w, elt, PR_TEST)?;
            comprehensions(w, generators)?;
            w.push_str("}");
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            w.push_str("{");
            expr(w, key, PR_TEST)?;
            w.push_str(": ");
            expr(w, value, PR_TEST)?;
            comprehensions(w, generators)?;
            w.push_str("}");
        }
        ExprKind::Yield { value } => match value {
            None => w.push_str("(yield)"),
            Some(v) => {
                w.push_str("(yield ");
                expr(w, v, PR_TEST)?;
                w.push_str(")");
            }
        },
        ExprKind::YieldFrom { value } => {
            w.push_str("(yield from ");
            expr(w, value, PR_TEST)?;
            w.push_str(")");
        }
        ExprKind::Await { value } => {
            open_if(w, level > PR_AWAIT);
            w.push_str("await ");
            expr(w, value, PR_ATOM)?;
            close_if(w, level > PR_AWAIT);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open_if(w, level > PR_CMP);
            expr(w, left, PR_CMP + 1)?;
            for (op, c) in ops.iter().zip(comparators) {
                w.push_str(cmpop(*op));
                expr(w, c, PR_CMP + 1)?;
            }
            close_if(w, level > PR_CMP);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => call(w, func, args, keywords)?,
        ExprKind::Constant { value, kind } => {
            if kind.is_some() && !matches!(value, Constant::Ellipsis) {
                w.push_str("u");
            }
            constant(w, value);
        }
        ExprKind::JoinedStr { values } => joined_str(w, values, false)?,
        ExprKind::FormattedValue { .. } => formatted_value(w, e)?,
        ExprKind::Attribute { value, attr, .. } => {
            expr(w, value, PR_ATOM)?;
            // An int needs a space before the period (`1 .real`); a bool does not.
            let int = matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            );
            w.push_str(if int { " ." } else { "." });
            w.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(w, value, PR_ATOM)?;
            w.push_str("[");
            expr(w, slice, PR_TUPLE)?;
            w.push_str("]");
        }
        ExprKind::Starred { value, .. } => {
            w.push_str("*");
            expr(w, value, PR_EXPR)?;
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(w, l, PR_TEST)?;
            }
            w.push_str(":");
            if let Some(u) = upper {
                expr(w, u, PR_TEST)?;
            }
            if let Some(s) = step {
                w.push_str(":");
                expr(w, s, PR_TEST)?;
            }
        }
        ExprKind::Name { id, .. } => w.push_str(id),
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                w.push_str("()");
                return Ok(());
            }
            open_if(w, level > PR_TUPLE);
            for (i, x) in elts.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                expr(w, x, PR_TEST)?;
            }
            if elts.len() == 1 {
                w.push_str(",");
            }
            close_if(w, level > PR_TUPLE);
        }
        ExprKind::NamedExpr { target, value } => {
            open_if(w, level > PR_TUPLE);
            expr(w, target, PR_ATOM)?;
            w.push_str(":=");
            expr(w, value, PR_ATOM)?;
            close_if(w, level > PR_TUPLE);
        }
    }
    Ok(())
}

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::Pow => (" ** ", PR_POWER),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn seq(w: &mut W, open: &str, elts: &[Expr], close: &str) -> R {
    w.push_str(open);
    for (i, x) in elts.iter().enumerate() {
        if i > 0 {
            w.push_str(", ");
        }
        expr(w, x, PR_TEST)?;
    }
    w.push_str(close);
    Ok(())
}

/// `append_ast_constant` / `append_repr`: `repr`, with `inf` spelled `1e309` in floats
/// and complexes, and `...` for Ellipsis.
fn constant(w: &mut W, value: &Constant) {
    match value {
        Constant::Ellipsis => w.push_str("..."),
        Constant::Float(_) | Constant::Complex { .. } => {
            w.push_str(&constant_repr(value).replace("inf", "1e309"))
        }
        _ => w.push_str(&constant_repr(value)),
    }
}

/// `append_ast_comprehension` for each generator.
fn comprehensions(w: &mut W, generators: &[Comprehension]) -> R {
    for g in generators {
        w.push_str(if g.is_async { " async for " } else { " for " });
        expr(w, &g.target, PR_TUPLE)?;
        w.push_str(" in ");
        expr(w, &g.iter, PR_TEST + 1)?;
        for cond in &g.ifs {
            w.push_str(" if ");
            expr(w, cond, PR_TEST + 1)?;
        }
    }
    Ok(())
}

/// `append_ast_call`: a lone generator-expression argument keeps only its own parentheses.
fn call(w: &mut W, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> R {
    expr(w, func, PR_ATOM)?;
    if let ([only], []) = (args, keywords) {
        if matches!(only.kind, ExprKind::GeneratorExp { .. }) {
            return expr(w, only, PR_TEST);
        }
    }
    w.push_str("(");
    let mut first = true;
    for a in args {
        if !first {
            w.push_str(", ");
        }
        first = false;
        expr(w, a, PR_TEST)?;
    }
    for k in keywords {
        if !first {
            w.push_str(", ");
        }
        first = false;
        match &k.arg {
            None => w.push_str("**"),
            Some(name) => {
                w.push_str(name);
                w.push_str("=");
            }
        }
        expr(w, &k.value, PR_TEST)?;
    }
    w.push_str(")");
    Ok(())
}

/// `append_ast_args`.
fn arguments(w: &mut W, a: &Arguments) -> R {
    let mut first = true;
    let mut sep = |w: &mut W| {
        if !first {
            w.push_str(", ");
        }
        first = false;
    };
    let npos = a.posonlyargs.len();
    let nargs = npos + a.args.len();
    for (i, arg_) in a.posonlyargs.iter().chain(&a.args).enumerate() {
        sep(w);
        arg(w, arg_)?;
        // Defaults align with the last positional arguments.
        if let Some(di) = (i + a.defaults.len()).checked_sub(nargs) {
            w.push_str("=");
            expr(w, &a.defaults[di], PR_TEST)?;
        }
        if npos > 0 && i + 1 == npos {
            w.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(w);
        w.push_str("*");
        if let Some(v) = &a.vararg {
            arg(w, v)?;
        }
    }
    let nkw = a.kwonlyargs.len();
    for (i, arg_) in a.kwonlyargs.iter().enumerate() {
        sep(w);
        arg(w, arg_)?;
        if let Some(di) = (i + a.kw_defaults.len()).checked_sub(nkw) {
            if let Some(Some(d)) = a.kw_defaults.get(di) {
                w.push_str("=");
                expr(w, d, PR_TEST)?;
            }
        }
    }
    if let Some(k) = &a.kwarg {
        sep(w);
        w.push_str("**");
        arg(w, k)?;
    }
    Ok(())
}

fn arg(w: &mut W, a: &Arg) -> R {
    w.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        w.push_str(": ");
        expr(w, ann, PR_TEST)?;
    }
    Ok(())
}

/// `append_joinedstr`: the body (literal parts with braces doubled, replacement fields)
/// then `f` + its `repr`; a format spec is written bare into the enclosing body.
fn joined_str(w: &mut W, values: &[Expr], is_format_spec: bool) -> R {
    let mut body = StrValue::default();
    for v in values {
        fstring_element(&mut body, v)?;
    }
    if is_format_spec {
        w.push_value(&body);
    } else {
        w.push_str("f");
        w.push_str(&str_repr(&body));
    }
    Ok(())
}

/// `append_fstring_element`.
fn fstring_element(w: &mut W, e: &Expr) -> R {
    match &e.kind {
        ExprKind::Constant {
            value: Constant::Str(s),
            ..
        } => {
            for cp in s.code_points() {
                if cp == '{' as u32 || cp == '}' as u32 {
                    w.push_code_point(cp);
                }
                w.push_code_point(cp);
            }
            Ok(())
        }
        ExprKind::JoinedStr { values } => joined_str(w, values, true),
        ExprKind::FormattedValue { .. } => formatted_value(w, e),
        _ => Err(CompileError::Unsupported(
            "unknown expression kind inside f-string".into(),
        )),
    }
}

/// `append_formattedvalue`: `{expr!c:spec}`, with a space after `{` when the expression
/// itself starts with a brace.
fn formatted_value(w: &mut W, e: &Expr) -> R {
    let ExprKind::FormattedValue {
        value,
        conversion,
        format_spec,
    } = &e.kind
    else {
        return Ok(());
    };
    // The grammar allows a tuple, but lambdas (with their ':') need parentheses.
    let mut inner = StrValue::default();
    expr(&mut inner, value, PR_TEST + 1)?;
    w.push_str(if inner.as_bytes().first() == Some(&b'{') {
        "{ "
    } else {
        "{"
    });
    w.push_value(&inner);
    match u8::try_from(*conversion) {
        Ok(b'a') => w.push_str("!a"),
        Ok(b'r') => w.push_str("!r"),
        Ok(b's') => w.push_str("!s"),
        _ => {}
    }
    if let Some(spec) = format_spec {
        w.push_str(":");
        fstring_element(w, spec)?;
    }
    w.push_str("}");
    Ok(())
}
