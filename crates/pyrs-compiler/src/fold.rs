//! Constant folding of expressions, as CPython's AST optimizer does before code generation
//! (CPython 3.11: `Python/ast_opt.c` — `fold_unaryop`, `fold_binop`, `fold_tuple`,
//! `make_const` with its size limits).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrs_ast::*;
use pyrs_bytecode::complex::{c_pow, c_prod, c_quot, complex_pow};
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
    if let Some(k) = fold_sequence(op, l, r) {
        return Some(k);
    }
    if let (K::Int(a), K::Int(b)) = (l, r) {
        if let Some(k) = fold_small_ints(op, *a, *b) {
            return Some(k);
        }
    }
    if let (Some(a), Some(b)) = (big(l), big(r)) {
        return fold_big_ints(op, &a, &b);
    }
    if let Some(k) = fold_float_pow_div(op, l, r) {
        return Some(k);
    }
    fold_floats(op, l, r)
}

/// `i64` arithmetic where nothing overflows (the common case; [`fold_big_ints`] redoes
/// the rest with CPython's size limits).
fn fold_small_ints(op: Operator, a: i64, b: i64) -> Option<K> {
    use Operator::*;
    {
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
}

/// Floats and complexes (ints below 2**53 convert exactly).
fn fold_floats(op: Operator, l: &K, r: &K) -> Option<K> {
    use Operator::*;
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
            // complex `*` and `/` do not check for overflow (an infinity is folded).
            Mult => {
                let (re, im) = c_prod((ar, ai), (br, bi));
                Some(K::Complex { re, im })
            }
            // A NaN part in the divisor is not folded (CPython's result has NaN parts).
            Div if br.is_nan() || bi.is_nan() => None,
            Div => {
                let (re, im) = c_quot((ar, ai), (br, bi))?;
                Some(K::Complex { re, im })
            }
            // `complex_pow`; an infinite result raises OverflowError.
            Pow => finite_complex(complex_pow((ar, ai), (br, bi))?),
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

/// ast_opt's limits on what folding may build (`MAX_INT_SIZE` bits,
/// `MAX_COLLECTION_SIZE` items, `MAX_STR_SIZE` characters, `MAX_TOTAL_ITEMS`).
const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

fn big(k: &K) -> Option<BigInt> {
    match k {
        K::Int(i) => Some(BigInt::from(*i)),
        K::BigInt(b) => Some(b.clone()),
        _ => None,
    }
}

/// Floor division of ints (Python's `//`); `b` is not zero.
fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b;
    let r = a - &q * b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q - 1
    } else {
        q
    }
}

/// Int operations with `safe_multiply`, `safe_power`, `safe_lshift`'s size checks.
fn fold_big_ints(op: Operator, a: &BigInt, b: &BigInt) -> Option<K> {
    use Operator::*;
    let nonzero = !a.is_zero() && !b.is_zero();
    Some(K::int(match op {
        Add => a + b,
        Sub => a - b,
        Mult => {
            if nonzero && a.bits() + b.bits() > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        FloorDiv if !b.is_zero() => floor_div(a, b),
        Mod if !b.is_zero() => a - floor_div(a, b) * b,
        // A negative exponent: `float(a) ** float(b)` (ints that convert exactly).
        Pow if b.is_negative() => {
            let (x, y) = (a.to_i64()?, b.to_i64()?);
            if x.unsigned_abs() >= 1 << 53 || y.unsigned_abs() >= 1 << 53 {
                return None;
            }
            return float_pow(x as f64, y as f64).map(K::Float);
        }
        Pow => {
            if a.is_zero() {
                // 0 ** n without computing (n may be huge; safe_power skips its check).
                return Some(K::Int(if b.is_zero() { 1 } else { 0 }));
            }
            if nonzero && a.bits() > MAX_INT_SIZE / b.to_u64()? {
                return None;
            }
            a.pow(b.to_u32()?)
        }
        LShift if !b.is_negative() => {
            if a.is_zero() {
                return Some(K::Int(0));
            }
            if nonzero {
                let w = b.to_u64()?;
                if w > MAX_INT_SIZE || a.bits() > MAX_INT_SIZE - w {
                    return None;
                }
            }
            a << b.to_usize()?
        }
        RShift if !b.is_negative() => match b.to_u64() {
            Some(s) if s < a.bits() + 1 => a >> s,
            _ => BigInt::from(if a.is_negative() { -1 } else { 0 }),
        },
        BitAnd => a & b,
        BitOr => a | b,
        BitXor => a ^ b,
        _ => return None,
    }))
}

/// `check_complexity`: `limit` minus the items of `k`, nested tuples and frozensets
/// included (negative: too many).
fn check_complexity(k: &K, mut limit: i64) -> i64 {
    if let K::Tuple(items) | K::FrozenSet(items) = k {
        limit -= items.len() as i64;
        for i in items {
            if limit < 0 {
                break;
            }
            limit = check_complexity(i, limit);
        }
    }
    limit
}

/// `seq * n`, `n * seq` for str, bytes and tuples within ast_opt's limits, and `+` of two
/// strs, bytes or tuples.
fn fold_sequence(op: Operator, l: &K, r: &K) -> Option<K> {
    match (op, l, r) {
        (Operator::Add, K::Str(a), K::Str(b)) => {
            let mut bytes = a.as_bytes().to_vec();
            bytes.extend_from_slice(b.as_bytes());
            pyrs_bytecode::PyStrValue::from_surrogatepass(bytes).map(K::Str)
        }
        (Operator::Add, K::Bytes(a), K::Bytes(b)) => Some(K::Bytes([&a[..], b].concat())),
        (Operator::Add, K::Tuple(a), K::Tuple(b)) => Some(K::Tuple([&a[..], b].concat())),
        (
            Operator::Mult,
            seq @ (K::Str(_) | K::Bytes(_) | K::Tuple(_)),
            n @ (K::Int(_) | K::BigInt(_)),
        )
        | (
            Operator::Mult,
            n @ (K::Int(_) | K::BigInt(_)),
            seq @ (K::Str(_) | K::Bytes(_) | K::Tuple(_)),
        ) => {
            // PyLong_AsLong: an int beyond a C long is an error (no folding).
            let n = match n {
                K::Int(i) => *i,
                _ => return None,
            };
            let times = n.max(0) as usize;
            match seq {
                K::Str(s) => {
                    let size = s.code_points().count() as i64;
                    if size > 0 && (n < 0 || n > MAX_STR_SIZE / size) {
                        return None;
                    }
                    pyrs_bytecode::PyStrValue::from_surrogatepass(s.as_bytes().repeat(times))
                        .map(K::Str)
                }
                K::Bytes(b) => {
                    let size = b.len() as i64;
                    if size > 0 && (n < 0 || n > MAX_STR_SIZE / size) {
                        return None;
                    }
                    Some(K::Bytes(b.repeat(times)))
                }
                K::Tuple(items) => {
                    let size = items.len() as i64;
                    if size > 0 {
                        if n < 0 || n > MAX_COLLECTION_SIZE / size {
                            return None;
                        }
                        if n > 0 && check_complexity(seq, MAX_TOTAL_ITEMS / n) < 0 {
                            return None;
                        }
                    }
                    let mut out = Vec::with_capacity(items.len() * times);
                    for _ in 0..times {
                        out.extend(items.iter().cloned());
                    }
                    Some(K::Tuple(out))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `float_pow` for finite operands (a complex result, an error, or the special values of
/// infinities and NaNs are not folded), and
/// `float_divmod`'s `//` and `%`.
fn fold_float_pow_div(op: Operator, l: &K, r: &K) -> Option<K> {
    let f = |k: &K| match k {
        K::Float(f) => Some(*f),
        K::Int(i) if i.unsigned_abs() < (1u64 << 53) => Some(*i as f64),
        _ => None,
    };
    if !matches!(l, K::Float(_)) && !matches!(r, K::Float(_)) {
        return None;
    }
    let (v, w) = (f(l)?, f(r)?);
    if !v.is_finite() || !w.is_finite() {
        return None;
    }
    match op {
        // A negative base to a fractional power goes complex (`complex_pow`).
        Operator::Pow if v < 0.0 && w != w.floor() => finite_complex(c_pow((v, 0.0), (w, 0.0))?),
        Operator::Pow => float_pow(v, w).map(K::Float),
        Operator::FloorDiv | Operator::Mod if w != 0.0 => {
            let mut m = v % w;
            let mut div = (v - m) / w;
            if m != 0.0 {
                if (w < 0.0) != (m < 0.0) {
                    m += w;
                    div -= 1.0;
                }
            } else {
                m = 0.0f64.copysign(w);
            }
            let floordiv = if div != 0.0 {
                let mut fd = div.floor();
                if div - fd > 0.5 {
                    fd += 1.0;
                }
                fd
            } else {
                0.0f64.copysign(v / w)
            };
            Some(K::Float(if op == Operator::Mod { m } else { floordiv }))
        }
        _ => None,
    }
}

/// `float_pow` for finite operands; `None` when CPython raises or goes complex.
fn float_pow(v: f64, w: f64) -> Option<f64> {
    let integral = w == w.floor();
    let odd = integral && (w % 2.0).abs() == 1.0;
    if w == 0.0 {
        return Some(1.0);
    }
    if v == 0.0 {
        // 0.0 ** negative raises ZeroDivisionError.
        return (w > 0.0).then_some(if odd { v } else { 0.0 });
    }
    if v < 0.0 && !integral {
        return None; // a complex result
    }
    let mut x = v.abs().powf(w);
    if v < 0.0 && odd {
        x = -x;
    }
    // An overflow raises OverflowError, and so does an inexact subnormal result (libm's
    // ERANGE); a power of two to an integral power is exact.
    let exact = integral && v.abs().log2().fract() == 0.0;
    (x.is_finite() && (x == 0.0 || x.abs() >= f64::MIN_POSITIVE || exact)).then_some(x)
}

/// A complex result, unless it overflowed (`Py_ADJUST_ERANGE2` raises OverflowError).
fn finite_complex((re, im): (f64, f64)) -> Option<K> {
    (re.is_finite() && im.is_finite()).then_some(K::Complex { re, im })
}
