//! Compile-time SyntaxWarnings: identity checks against literals, calls and subscripts of
//! displays and literals, asserts on a tuple (CPython 3.11: `check_compare`,
//! `check_caller`, `check_subscripter`, `check_index`, `infer_type`, `compiler_warn` in
//! `Python/compile.c`).
//!
//! The checks look at the AST as CPython's AST optimizer leaves it: an expression that
//! folds (`-1`, `(1, 2)`, `__debug__`) counts as a constant. A warning takes the line of
//! the unit's current location (`c->u->u_lineno`), so each check runs where CPython's
//! does; code that CPython generates twice (a `while` test, a `finally` body) warns twice.

use super::Compiler;
use crate::errors::{self, SyntaxWarning};
use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

/// `infer_type`: the type an expression certainly has, if the AST tells.
fn infer_type(c: &Compiler<'_>, e: &Expr) -> Option<&'static str> {
    if let Some(k) = c.folded(e) {
        return Some(const_type(&k));
    }
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        _ => return None,
    })
}

/// The `tp_name` of a constant's type.
fn const_type(k: &K) -> &'static str {
    match k {
        K::None => "NoneType",
        K::Bool(_) => "bool",
        K::Int(_) | K::BigInt(_) => "int",
        K::Float(_) => "float",
        K::Complex { .. } => "complex",
        K::Str(_) => "str",
        K::Bytes(_) => "bytes",
        K::Tuple(_) => "tuple",
        K::FrozenSet(_) => "frozenset",
        K::Ellipsis => "ellipsis",
        K::Code(_) => "code",
    }
}

impl<'a> Compiler<'a> {
    /// The constant `e` is after CPython's AST optimizer, if it is one.
    fn folded(&self, e: &Expr) -> Option<K> {
        crate::fold::fold_const(e, self.optimize)
    }

    /// `compiler_warn`: records a SyntaxWarning at the current line.
    pub(crate) fn warn(&mut self, msg: String) {
        let lineno = self.u().loc.lineno.max(0) as u32;
        self.warnings.push(SyntaxWarning { msg, lineno });
    }

    /// `check_is_arg`: may `e` be an operand of `is` without a warning?
    fn is_arg_ok(&self, e: &Expr) -> bool {
        match self.folded(e) {
            None => true,
            Some(k) => matches!(k, K::None | K::Bool(_) | K::Ellipsis),
        }
    }

    /// `check_compare`: `is` / `is not` with a literal operand (other than the named
    /// singletons) warns, once per compare expression at most.
    pub(crate) fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let mut left_ok = self.is_arg_ok(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = self.is_arg_ok(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
                let msg = if *op == CmpOp::Is {
                    errors::IS_LITERAL
                } else {
                    errors::IS_NOT_LITERAL
                };
                self.warn(msg.to_string());
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `check_caller`: calling a literal or a display.
    pub(crate) fn check_caller(&mut self, func: &Expr) {
        let display = matches!(
            func.kind,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        );
        if display || self.folded(func).is_some() {
            if let Some(t) = infer_type(self, func) {
                self.warn(format!(
                    "'{t}' object is not callable; perhaps you missed a comma?"
                ));
            }
        }
    }

    /// `check_subscripter` then `check_index`, for a subscript in a load context.
    pub(crate) fn check_subscript(&mut self, value: &Expr, slice: &Expr) {
        let not_subscriptable = match self.folded(value) {
            Some(k) => matches!(
                k,
                K::None
                    | K::Ellipsis
                    | K::Bool(_)
                    | K::Int(_)
                    | K::BigInt(_)
                    | K::Float(_)
                    | K::Complex { .. }
                    | K::FrozenSet(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Lambda { .. }
            ),
        };
        if not_subscriptable {
            if let Some(t) = infer_type(self, value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let index_type = match infer_type(self, slice) {
            None | Some("int") | Some("bool") => return,
            Some(t) => t,
        };
        let sequence = match self.folded(value) {
            Some(k) => matches!(k, K::Str(_) | K::Bytes(_) | K::Tuple(_)),
            None => matches!(
                value.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            ),
        };
        if sequence {
            if let Some(t) = infer_type(self, value) {
                self.warn(format!(
                    "{t} indices must be integers or slices, not {index_type}; \
                     perhaps you missed a comma?"
                ));
            }
        }
    }

    /// `compiler_assert`'s check: a non-empty tuple is always true.
    pub(crate) fn check_assert(&mut self, test: &Expr) {
        let tuple = match &test.kind {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            _ => matches!(self.folded(test), Some(K::Tuple(t)) if !t.is_empty()),
        };
        if tuple {
            self.warn(errors::ASSERT_TUPLE.to_string());
        }
    }
}
