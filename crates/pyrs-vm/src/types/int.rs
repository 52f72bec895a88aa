//! `int` and `bool` (CPython: `Objects/longobject.c`, `Objects/boolobject.c`). Ints that
//! fit in i64 are inline (`Value::Int`); larger ones are heap `BigInt`s. Every result goes
//! through [`big_to_value`]/[`norm`] so the inline-when-it-fits invariant holds.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// A numeric operand: inline int, big int, or float.
pub enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

/// The numeric view of an int, bool or float value (subclass instances included).
pub fn num_of(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(match b.to_i64() {
                Some(i) => Num::I(i),
                None => Num::B(b),
            }),
            Payload::Float(f) => Some(Num::F(*f)),
            _ => None,
        },
        Value::None => None,
    }
}

pub fn big_to_value(vm: &Vm, b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Obj(vm.alloc(&vm.types.int, Payload::Int(b))),
    }
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => (*b).clone(),
        Num::F(f) => BigInt::from(*f as i64),
    }
}

/// An int value as a BigInt (ints and bools only).
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match num_of(v)? {
        Num::F(_) => None,
        n => Some(big(&n)),
    }
}

/// int → float, with CPython's OverflowError.
pub fn to_f64(vm: &mut Vm, n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::F(f) => Ok(*f),
        Num::B(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        },
    }
}

/// `a <op> b` for numbers (op is the BINARY_OP base index 0..12); `None` for ops numbers
/// do not support (`@`).
pub fn numeric_binop(vm: &mut Vm, a: &Num, b: &Num, op: usize) -> PyResult<Option<Value>> {
    if matches!(a, Num::F(_)) || matches!(b, Num::F(_)) {
        if matches!(op, 1 | 3 | 4 | 7 | 9 | 12) {
            return Ok(None);
        }
        let x = to_f64(vm, a)?;
        let y = to_f64(vm, b)?;
        return crate::types::float::float_binop(vm, x, y, op).map(Some);
    }
    if let (Num::I(x), Num::I(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            0 => x.checked_add(y),
            10 => x.checked_sub(y),
            5 => x.checked_mul(y),
            1 => Some(x & y),
            7 => Some(x | y),
            12 => Some(x ^ y),
            2 | 6 if y == 0 => {
                let m = if op == 2 {
                    "integer division or modulo by zero"
                } else {
                    "integer modulo by zero"
                };
                return Err(vm.zero_division(m));
            }
            2 => x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y)),
            6 => x.checked_rem(y).map(|_| x.mod_floor(&y)),
            9 if y < 0 => return Err(vm.value_error("negative shift count")),
            9 => Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }),
            3 if y < 0 => return Err(vm.value_error("negative shift count")),
            3 if y < 63 && x.unsigned_abs() < (1u64 << (63 - y)) => Some(x << y),
            11 => {
                if y == 0 {
                    return Err(vm.zero_division("division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Ok(Some(Value::Float(x as f64 / y as f64)));
                }
                None
            }
            8 if y >= 0 => {
                if let Ok(e) = u32::try_from(y) {
                    x.checked_pow(e)
                } else {
                    None
                }
            }
            4 => return Ok(None),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Some(Value::Int(r)));
        }
    }
    bigint_binop(vm, big(a), big(b), op)
}

fn bigint_binop(vm: &mut Vm, x: BigInt, y: BigInt, op: usize) -> PyResult<Option<Value>> {
    let r = match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        1 => x & y,
        7 => x | y,
        12 => x ^ y,
        2 | 6 if y.is_zero() => {
            let m = if op == 2 {
                "integer division or modulo by zero"
            } else {
                "integer modulo by zero"
            };
            return Err(vm.zero_division(m));
        }
        2 => x.div_floor(&y),
        6 => x.mod_floor(&y),
        3 | 9 => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let Some(s) = y.to_usize() else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            if op == 3 {
                x << s
            } else {
                x >> s
            }
        }
        11 => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            return true_div_big(vm, &x, &y).map(Some);
        }
        8 => {
            if y.is_negative() {
                let xf = to_f64(vm, &Num::B(&x))?;
                let yf = to_f64(vm, &Num::B(&y))?;
                return crate::types::float::float_binop(vm, xf, yf, 8).map(Some);
            }
            let Some(e) = y.to_u32() else {
                return Err(vm.overflow_error("exponent too large"));
            };
            num_traits::Pow::pow(x, e)
        }
        _ => return Ok(None),
    };
    Ok(Some(big_to_value(vm, r)))
}

fn true_div_big(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    // Exact when both fit in a double's mantissa; otherwise scale so the quotient has
    // 64 significant bits before converting (close to CPython's correctly rounded result).
    let (xf, yf) = (x.to_f64(), y.to_f64());
    if let (Some(a), Some(b)) = (xf, yf) {
        if a.abs() < 9007199254740992.0 && b.abs() < 9007199254740992.0 {
            return Ok(Value::Float(a / b));
        }
    }
    let shift = (y.bits() as i64) - (x.bits() as i64) + 64;
    let q = if shift >= 0 {
        (x << shift as usize) / y
    } else {
        (x >> (-shift) as usize) / y
    };
    let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(-shift as i32);
    if !f.is_finite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(Value::Float(f))
}

/// Numeric comparison (`op` as COMPARE_OP: < <= == != > >=).
pub fn numeric_compare(a: &Num, b: &Num, op: u32) -> bool {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::F(x), n) | (n, Num::F(x)) => {
            let flipped = matches!(a, Num::F(_)) && !matches!(b, Num::F(_));
            let o = cmp_float_int(*x, n);
            if flipped {
                o
            } else {
                o.map(Ordering::reverse)
            }
        }
        (x, y) => Some(big(x).cmp(&big(y))),
    };
    match ord {
        None => op == 3,
        Some(o) => match op {
            0 => o == Ordering::Less,
            1 => o != Ordering::Greater,
            2 => o == Ordering::Equal,
            3 => o != Ordering::Equal,
            4 => o == Ordering::Greater,
            _ => o != Ordering::Less,
        },
    }
}

/// Exact float-vs-int order (float on the left).
fn cmp_float_int(x: f64, n: &Num) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    let fl = x.floor();
    let bi = BigInt::from(fl as i128);
    let n = big(n);
    match bi.cmp(&n) {
        std::cmp::Ordering::Equal if x > fl => Some(std::cmp::Ordering::Greater),
        o => Some(o),
    }
}

/// `-x`, `+x`, `~x` for ints (op 0, 1, 2).
pub fn int_unary(vm: &Vm, n: &Num, op: u8) -> Value {
    match (n, op) {
        (Num::I(i), 0) if *i != i64::MIN => Value::Int(-i),
        (Num::I(i), 1) => Value::Int(*i),
        (Num::I(i), 2) => Value::Int(!i),
        (n, 0) => big_to_value(vm, -big(n)),
        (n, 1) => big_to_value(vm, big(n)),
        (n, _) => big_to_value(vm, -big(n) - 1),
    }
}

/// `int(x)`, `int(s, base)`.
pub fn int_new(vm: &mut Vm, cls: &PyRef, mut args: Args) -> PyResult<Value> {
    let base_kw = args.take_kw("base");
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let base = match args.pos.get(1).cloned().or(base_kw) {
        Some(b) => Some(vm.index_value(&b, "'{}' object cannot be interpreted as an integer")?),
        None => None,
    };
    let v = match args.pos.first() {
        None => Value::Int(0),
        Some(x) => {
            if let Some(s) = x.as_str() {
                // Unicode digits and spaces read as ASCII ones, as CPython does.
                let text = pyrs_text::ctype::decimal_and_space_to_ascii(s.code_points());
                parse_int(vm, &text, base.unwrap_or(10), x)?
            } else if let Some(b) = crate::types::bytearray::bytes_like(x) {
                let text = String::from_utf8_lossy(&b).into_owned();
                parse_int(vm, &text, base.unwrap_or(10), x)?
            } else if base.is_some() {
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            } else {
                match num_of(x) {
                    Some(Num::F(f)) => {
                        if f.is_nan() {
                            return Err(vm.value_error("cannot convert float NaN to integer"));
                        }
                        if f.is_infinite() {
                            return Err(
                                vm.overflow_error("cannot convert float infinity to integer")
                            );
                        }
                        let t = f.trunc();
                        if t.abs() < 9.2e18 {
                            Value::Int(t as i64)
                        } else {
                            let b = BigInt::from(t as i128);
                            big_to_value(vm, float_to_big(t).unwrap_or(b))
                        }
                    }
                    Some(n) => big_to_value(vm, big(&n)),
                    None => {
                        if let Some(r) =
                            crate::object::protocol::try_heap_dunder(vm, x, "__int__", vec![])?
                        {
                            r
                        } else if let Some(r) =
                            crate::object::protocol::try_heap_dunder(vm, x, "__index__", vec![])?
                        {
                            r
                        } else {
                            return Err(vm.type_error(format!(
                                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                                vm.type_name(x)
                            )));
                        }
                    }
                }
            }
        }
    };
    if cls.is(&vm.types.int) {
        return Ok(v);
    }
    let b = to_bigint(&v).unwrap_or_default();
    Ok(Value::Obj(vm.alloc_instance(cls, Payload::Int(b))))
}

fn float_to_big(f: f64) -> Option<BigInt> {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f)
}

fn parse_int(vm: &mut Vm, text: &str, base: i64, orig: &Value) -> PyResult<Value> {
    let bad = |vm: &mut Vm| {
        let r = vm.repr(orig).unwrap_or_default();
        vm.value_error(format!("invalid literal for int() with base {base}: {r}"))
    };
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let lower = t.to_ascii_lowercase();
    let mut digits: &str = t;
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if lower.starts_with(p) && (base == b || base == 0) {
            base = b;
            // One underscore may follow the prefix (`0x_ff`).
            digits = t[2..]
                .strip_prefix('_')
                .filter(|d| !d.is_empty())
                .unwrap_or(&t[2..]);
        }
    }
    if base == 0 {
        // Base 0 reads a literal: no leading zeros on a nonzero decimal (`int("08", 0)`).
        if digits.starts_with('0') && digits.chars().any(|c| c != '0' && c != '_') {
            return Err(bad(vm));
        }
        base = 10;
    }
    if !(2..=36).contains(&base) {
        return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__")
    {
        return Err(bad(vm));
    }
    let limit = vm.int_max_str_digits;
    if limit > 0 && !(base as u32).is_power_of_two() && clean.len() > limit {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    match BigInt::parse_bytes(clean.as_bytes(), base as u32) {
        Some(b) if !clean.starts_with(['+', '-']) => Ok(big_to_value(vm, if neg { -b } else { b })),
        _ => Err(bad(vm)),
    }
}

pub fn bool_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "bool", 0, 1)?;
    match args.pos.first() {
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

/// The decimal text of a heap int, or CPython's ValueError past
/// `sys.get_int_max_str_digits()` (`long_to_decimal_string`).
pub fn big_decimal(vm: &mut Vm, b: &BigInt) -> PyResult<String> {
    let s = b.to_string();
    let limit = vm.int_max_str_digits;
    let digits = s.len() - usize::from(s.starts_with('-'));
    if limit > 0 && digits > limit {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

/// `repr(int)`.
pub fn int_repr(n: &Num) -> String {
    match n {
        Num::I(i) => i.to_string(),
        Num::B(b) => b.to_string(),
        Num::F(f) => crate::types::float::float_repr(*f),
    }
}

fn self_num(vm: &mut Vm, args: &Args) -> PyResult<BigInt> {
    match args.pos.first().and_then(to_bigint) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires an 'int' object")),
    }
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_num(vm, &args)?;
    Ok(Value::Int(b.bits() as i64))
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_num(vm, &args)?;
    Ok(big_to_value(vm, b))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_num(vm, &args)?;
    let v = big_to_value(vm, b);
    Ok(vm.new_tuple(vec![v, Value::Int(1)]))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_num(vm, &args)?;
    let n: u64 = b
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(n as i64))
}

fn byteorder(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v.and_then(|v| v.as_str()).map(|s| s.as_rust().into_owned()) {
        None if v.is_none() => Ok(true),
        Some(s) if s == "big" => Ok(true),
        Some(s) if s == "little" => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => {
            let t = v.map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {t}"
            )))
        }
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    for k in ["length", "byteorder"] {
        if let Some(v) = args.take_kw(k) {
            args.pos.push(v);
        }
    }
    args.check(vm, "to_bytes", 1, 3)?;
    let n = self_num(vm, &args)?;
    let len = match args.pos.get(1) {
        Some(v) => vm.index_value(v, "'{}' object cannot be interpreted as an integer")?,
        None => 1,
    };
    if len < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let big = byteorder(vm, args.pos.get(2))?;
    if !signed && n.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n == BigInt::from(0) {
        bytes.clear();
    }
    let len = len as usize;
    if bytes.len() > len {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if n.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    bytes.resize(len, fill);
    if big {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn int_from_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    for k in ["bytes", "byteorder"] {
        if let Some(v) = args.take_kw(k) {
            args.pos.push(v);
        }
    }
    args.check(vm, "from_bytes", 2, 3)?;
    let data: Vec<u8> = match crate::types::bytearray::bytes_like(&args.pos[1]) {
        Some(b) => b,
        None => {
            let items = vm.collect(&args.pos[1])?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                let x = vm.index_value(it, "'{}' object cannot be interpreted as an integer")?;
                if !(0..256).contains(&x) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(x as u8);
            }
            out
        }
    };
    let big = byteorder(vm, args.pos.get(2))?;
    let n = match (big, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
    };
    let v = big_to_value(vm, n);
    let cls = args.pos[0].clone();
    if matches!(&cls, Value::Obj(c) if c.is(&vm.types.int)) {
        Ok(v)
    } else {
        crate::eval::call::call(vm, &cls, Args::positional(vec![v]))
    }
}

/// Class methods of `int`.
pub const CLASSMETHODS: &[(&str, NativeFn)] = &[("from_bytes", int_from_bytes)];

/// `int.__floor__`/`__ceil__`/`__trunc__`/`__int__`-like methods: the value as an exact
/// int (`long_long`), with the METH_NOARGS arity check.
fn int_self_exact(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    args.no_kw(vm, &format!("int.{name}"))?;
    if args.pos.len() > 1 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("int.{name}() takes no arguments ({n} given)")));
    }
    let b = self_int(vm, args, name)?;
    Ok(big_to_value(vm, b))
}

/// `self` of an int method, with CPython's descriptor error for other objects.
fn self_int(vm: &mut Vm, args: &Args, name: &str) -> PyResult<BigInt> {
    match args.pos.first() {
        Some(v) if !matches!(v, Value::Float(_)) => {
            if let Some(b) = to_bigint(v) {
                return Ok(b);
            }
        }
        _ => {}
    }
    let t = args
        .pos
        .first()
        .map_or("nothing".to_string(), |v| vm.type_name(v));
    Err(vm.type_error(format!(
        "descriptor '{name}' for 'int' objects doesn't apply to a '{t}' object"
    )))
}

fn int_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_self_exact(vm, &args, "__floor__")
}

fn int_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_self_exact(vm, &args, "__ceil__")
}

fn int_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_self_exact(vm, &args, "__trunc__")
}

/// `int.__getnewargs__()`: `(int(self),)` (what pickle and copy call).
fn int_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = int_self_exact(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![v]))
}

/// `int.__round__(ndigits=None)`: `round()` of the exact int.
fn int_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "int.__round__")?;
    if args.pos.len() > 2 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {n}")));
    }
    let b = self_int(vm, &args, "__round__")?;
    let mut pos = vec![big_to_value(vm, b)];
    match args.pos.get(1) {
        // int.__round__ takes no None (round(5, None) never passes it on).
        Some(Value::None) => {
            return Err(vm.type_error("'NoneType' object cannot be interpreted as an integer"))
        }
        Some(n) => pos.push(n.clone()),
        None => {}
    }
    crate::builtins::numeric::round(vm, Args::positional(pos))
}

/// `int.__format__(self, spec)`.
fn format_dunder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::format::numeric_format_method(vm, args, "int")
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__format__", format_dunder),
    ("__floor__", int_floor),
    ("__ceil__", int_ceil),
    ("__trunc__", int_trunc),
    ("__round__", int_round),
    ("__getnewargs__", int_getnewargs),
    ("to_bytes", int_to_bytes),
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", int_conjugate),
    ("as_integer_ratio", int_as_integer_ratio),
];
