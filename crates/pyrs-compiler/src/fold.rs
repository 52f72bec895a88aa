//! Constant folding of expressions, as CPython's AST optimizer does before code generation
//! (CPython 3.11: `Python/ast_opt.c` — `fold_unaryop`, `fold_binop`, `fold_tuple`,
//! `make_const` with its size limits).

use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

/// The constant an expression folds to, if CPython's AST optimizer folds it (`optimize`
/// is the `-O` level: `__debug__` is `optimize == 0`).
pub fn fold_const(e: &Expr, optimize: u32) -> Option<K> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(crate::codegen::ast_const(value)),
        ExprKind::Name {
            id,
            ctx: ExprContext::Load,
        } if id == "__debug__" => Some(K::Bool(optimize == 0)),
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            let items: Option<Vec<K>> = elts.iter().map(|e| fold_const(e, optimize)).collect();
            items.map(K::Tuple)
        }
        ExprKind::UnaryOp { op, operand } => {
            let v = fold_const(operand, optimize)?;
            if *op == UnaryOp::Not {
                return truth(&v).map(|t| K::Bool(!t));
            }
            // The numeric unary operators treat a bool as the int it is.
            let v = match v {
                K::Bool(b) => K::Int(b as i64),
                v => v,
            };
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
        ExprKind::BinOp { left, op, right } => {
            let l = fold_const(left, optimize)?;
            let r = fold_const(right, optimize)?;
            fold_binop(*op, &l, &r)
        }
        _ => None,
    }
}

/// `bool(k)` for a constant (`PyObject_IsTrue`); `None` for a code object.
fn truth(k: &K) -> Option<bool> {
    Some(match k {
        K::None => false,
        K::Bool(b) => *b,
        K::Int(i) => *i != 0,
        K::BigInt(_) => true,
        K::Float(f) => *f != 0.0,
        K::Complex { re, im } => *re != 0.0 || *im != 0.0,
        K::Str(s) => !s.as_bytes().is_empty(),
        K::Bytes(b) => !b.is_empty(),
        K::Tuple(t) | K::FrozenSet(t) => !t.is_empty(),
        K::Ellipsis => true,
        K::Code(_) => return None,
    })
}

fn num(k: &K) -> Option<(f64, f64)> {
    match k {
        K::Int(i) if i.unsigned_abs() < (1u64 << 53) => Some((*i as f64, 0.0)),
        K::Float(f) => Some((*f, 0.0)),
        K::Complex { re, im } => Some((*re, *im)),
        _ => None,
    }
}

fn fold_binop(op: Operator, l: &K, r: &K) -> Option<K> {
    use Operator::*;
    // bool's own &, |, ^ keep bools; every other operator sees ints.
    if let (K::Bool(a), K::Bool(b)) = (l, r) {
        match op {
            BitAnd => return Some(K::Bool(a & b)),
            BitOr => return Some(K::Bool(a | b)),
            BitXor => return Some(K::Bool(a ^ b)),
            _ => {}
        }
    }
    let as_int = |k: &K| match k {
        K::Bool(b) => K::Int(*b as i64),
        k => k.clone(),
    };
    let (l, r) = (&as_int(l), &as_int(r));
    if let (K::Int(a), K::Int(b)) = (l, r) {
        let (a, b) = (*a, *b);
        return match op {
            Add => a.checked_add(b).map(K::Int),
            Sub => a.checked_sub(b).map(K::Int),
            Mult => a.checked_mul(b).map(K::Int),
            FloorDiv if b != 0 => {
                let q = a.checked_div(b)?;
                Some(K::Int(if a % b != 0 && ((a < 0) != (b < 0)) {
                    q - 1
                } else {
                    q
                }))
            }
            Mod if b != 0 => {
                let m = a.checked_rem(b)?;
                Some(K::Int(if m != 0 && ((m < 0) != (b < 0)) {
                    m + b
                } else {
                    m
                }))
            }
            Pow if (0..64).contains(&b) => a.checked_pow(b as u32).map(K::Int),
            LShift if (0..63).contains(&b) => a.checked_mul(1i64 << b).map(K::Int),
            RShift if (0..64).contains(&b) => Some(K::Int(a >> b)),
            BitAnd => Some(K::Int(a & b)),
            BitOr => Some(K::Int(a | b)),
            BitXor => Some(K::Int(a ^ b)),
            Div if b != 0 && a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) => {
                Some(K::Float(a as f64 / b as f64))
            }
            _ => None,
        };
    }
    if let (K::Str(a), K::Str(b)) = (l, r) {
        if op == Add {
            let mut bytes = a.as_bytes().to_vec();
            bytes.extend_from_slice(b.as_bytes());
            return pyrs_bytecode::PyStrValue::from_surrogatepass(bytes).map(K::Str);
        }
        return None;
    }
    let complex = matches!(l, K::Complex { .. }) || matches!(r, K::Complex { .. });
    let (ar, ai) = num(l)?;
    let (br, bi) = num(r)?;
    if complex {
        return match op {
            Add => Some(K::Complex {
                re: ar + br,
                im: ai + bi,
            }),
            Sub => Some(K::Complex {
                re: ar - br,
                im: ai - bi,
            }),
            _ => None,
        };
    }
    match op {
        Add => Some(K::Float(ar + br)),
        Sub => Some(K::Float(ar - br)),
        Mult => Some(K::Float(ar * br)),
        Div if br != 0.0 => Some(K::Float(ar / br)),
        _ => None,
    }
}

/// Python `==` between two constants, as far as the duplicate-key check needs it.
pub fn py_eq(a: &K, b: &K) -> bool {
    let n = |k: &K| match k {
        K::Bool(b) => Some(*b as i64 as f64),
        K::Int(i) => Some(*i as f64),
        K::Float(f) => Some(*f),
        _ => None,
    };
    match (n(a), n(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
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
