//! Assignment, deletion and `for` targets: setting `Store`/`Del` context and finding the
//! invalid target CPython names in its errors (CPython: `Parser/action_helpers.c`
//! `_PyPegen_set_expr_context`, `_PyPegen_get_invalid_target`, `_PyPegen_get_expr_name`).

use crate::parser::{Fail, PResult, Parser};
use crate::tokens::Kw;
use pyrs_ast::*;
use pyrs_tokenizer::TokenKind as T;

/// Which statement a target belongs to; changes what counts as invalid.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

/// The words CPython uses for an expression in error messages (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target, if any (`_PyPegen_get_invalid_target`).
pub(crate) fn invalid_target(e: &Expr, ty: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, ty))
        }
        ExprKind::Starred { value, .. } => {
            if ty == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, ty)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if ty == TargetsType::For {
                if ops[0] == CmpOp::In {
                    return invalid_target(left, ty);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Sets `ctx` on a valid target tree (`_PyPegen_set_expr_context`). The caller has checked
/// validity with [`invalid_target`].
pub(crate) fn set_context(e: &mut Expr, ctx: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_context(value, ctx);
        }
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_context(x, ctx);
            }
        }
        _ => {}
    }
}

impl<'s> Parser<'s> {
    /// Converts an expression into an assignment target or raises CPython's
    /// "cannot assign to ..." / "cannot delete ..." error.
    pub(crate) fn into_target(&self, mut e: Expr, ty: TargetsType) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, ty) {
            let verb = if ty == TargetsType::Del {
                "cannot delete"
            } else {
                "cannot assign to"
            };
            return Err(self.error_loc(bad.loc, &format!("{verb} {}", expr_name(bad))));
        }
        set_context(
            &mut e,
            if ty == TargetsType::Del {
                ExprContext::Del
            } else {
                ExprContext::Store
            },
        );
        Ok(e)
    }

    /// `star_targets` before `in` of a `for` statement or comprehension. On failure,
    /// CPython's `invalid_for_target` reparses as `star_expressions` to name the culprit.
    pub(crate) fn parse_for_target(&mut self) -> PResult<Expr> {
        // A failure here is remembered: nested comprehensions in a failing target would
        // otherwise be parsed twice per level (exponential time).
        let at = self.pos;
        if self.no_for_target_at.contains(&at) {
            return Err(Fail::NoMatch);
        }
        let r = self.parse_for_target_uncached();
        if matches!(r, Err(Fail::NoMatch)) {
            self.no_for_target_at.insert(at);
        }
        r
    }

    fn parse_for_target_uncached(&mut self) -> PResult<Expr> {
        let m = self.mark();
        match self.parse_star_targets() {
            Ok(t) if self.at_kw(Kw::In) => {
                if invalid_target(&t, TargetsType::For).is_none() {
                    let mut t = t;
                    set_context(&mut t, ExprContext::Store);
                    return Ok(t);
                }
            }
            Err(Fail::Error(e)) => return Err(Fail::Error(e)),
            _ => {}
        }
        let after = self.mark();
        self.reset(m);
        let reparsed = match self.parse_star_expressions() {
            Err(Fail::Error(e)) => return Err(Fail::Error(e)),
            r => r,
        };
        if let Ok(e) = reparsed {
            if let Some(bad) = invalid_target(&e, TargetsType::For) {
                return Err(
                    self.error_loc(bad.loc, &format!("cannot assign to {}", expr_name(bad)))
                );
            }
        }
        self.reset(after);
        Err(Fail::NoMatch)
    }

    /// `star_targets: star_target (',' star_target)* [',']` — parsed as primaries so
    /// that `in` ends the target list.
    pub(crate) fn parse_star_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_target()?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !(self.at(T::Star) || self.starts_expression())
                || self.at_kw(Kw::Not)
                || self.at_kw(Kw::Lambda)
            {
                break;
            }
            elts.push(self.parse_star_target()?);
        }
        Ok(Self::new_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Store,
            },
            self.finish(start),
        ))
    }

    /// `star_target: '*' (!'*' star_target) | target_with_star_atom`
    fn parse_star_target(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            if self.at(T::Star) {
                return Err(Fail::NoMatch);
            }
            self.enter()?;
            let r = crate::parser::grow(|| self.parse_star_target());
            self.leave();
            let value = r?;
            return Ok(Self::new_expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Store,
                },
                self.finish(start),
            ));
        }
        self.parse_primary()
    }

    /// CPython's `invalid_named_expression` alternatives that fire on `=` after a
    /// named expression (`if x = 1:` and `f() = 1`).
    pub(crate) fn check_invalid_named_expression(&mut self, e: &Expr) -> PResult<()> {
        let m = self.mark();
        self.bump();
        let rhs = self.parse_bitwise_or();
        let followed_ok = !(self.at(T::Equal) || self.at(T::ColonEqual));
        self.reset(m);
        let rhs = match rhs {
            Ok(r) if followed_ok => r,
            _ => return Ok(()),
        };
        if let ExprKind::Name { .. } = e.kind {
            return Err(self.error_range(
                e.loc,
                rhs.loc,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        let excluded = matches!(
            e.kind,
            ExprKind::List { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant {
                    value: Constant::None | Constant::Bool(_),
                    ..
                }
        );
        if !excluded && is_bitwise_or_level(e) {
            return Err(self.error_loc(
                e.loc,
                &format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(e)
                ),
            ));
        }
        Ok(())
    }
}

/// True if `e` is what `bitwise_or` alone can produce (no comparison, `not`, boolean
/// operator, conditional, lambda, walrus).
pub(crate) fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
    )
}
