//! Constant folding of expressions, as CPython's AST optimizer does before code generation
//! (CPython 3.11: `Python/ast_opt.c` — `fold_unaryop`, `fold_binop`, `fold_tuple`,
//! `make_const` with its size limits).

use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

/// The constant an expression folds to, if CPython's AST optimizer folds it.
pub fn fold_const(e: &Expr) -> Option<K> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(crate::codegen::ast_const(value)),
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            let items: Option<Vec<K>> = elts.iter().map(fold_const).collect();
            items.map(K::Tuple)
        }
        ExprKind::UnaryOp { op, operand } => {
            let v = fold_const(operand)?;
            match (op, v) {
                (UnaryOp::USub, K::Int(i)) => Some(match i.checked_neg() {
                    Some(n) => K::Int(n),
                    None => K::int(-num_bigint::BigInt::from(i)),
                }),
                (UnaryOp::USub, K::BigInt(b)) => Some(K::int(-b)),
                (UnaryOp::USub, K::Float(f)) => Some(K::Float(-f)),
                (UnaryOp::USub, K::Complex { re, im }) => Some(K::Complex { re: -re, im: -im }),
                (
                    UnaryOp::UAdd,
                    k @ (K::Int(_) | K::BigInt(_) | K::Float(_) | K::Complex { .. }),
                ) => Some(k),
                (UnaryOp::Invert, K::Int(i)) => Some(K::Int(!i)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Elements of a frozenset constant in the order the set would iterate them (for the
/// types whose hash is not seeded; strs keep source order).
pub fn set_order(items: Vec<K>) -> Vec<K> {
    let mut out: Vec<K> = Vec::new();
    for i in items {
        if !out.iter().any(|o| o == &i) {
            out.push(i);
        }
    }
    out
}
