//! Numeric builtins: `abs`, `round`, `divmod`, `pow`, `hex`, `oct`, `bin`, `sum`, `min`,
//! `max` (CPython: `Python/bltinmodule.c`, `Objects/floatobject.c` `float___round__`).

use crate::object::ops::binary_op;
use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::types::int::{num_of, to_bigint, Num};
use crate::vm::{PyResult, Vm};

pub fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "abs", 1, 1)?;
    let v = &args.pos[0];
    if let Some(r) = crate::object::protocol::try_heap_dunder(vm, v, "__abs__", vec![])? {
        return Ok(r);
    }
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return crate::types::complex::unary(vm, (*re, *im), 2);
    }
    match num_of(v) {
        Some(Num::F(f)) => Ok(Value::Float(f.abs())),
        Some(Num::I(i)) if i != i64::MIN => Ok(Value::Int(i.abs())),
        Some(_) => {
            let b = to_bigint(v).unwrap_or_default();
            Ok(crate::types::int::big_to_value(
                vm,
                num_traits::Signed::abs(&b),
            ))
        }
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    }
}

/// Round half to even, as CPython's `round()` (`double_round`: the value correctly
/// rounded to `nd` decimal places, then read back): exact decimal formatting for
/// `nd >= 0`, exact big-integer arithmetic on the binary value for `nd < 0`.
fn round_float(x: f64, nd: i64) -> f64 {
    use num_bigint::BigInt;
    use num_integer::Integer;
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // NDIGITS_MAX / NDIGITS_MIN of floatobject.c.
    if nd > 323 {
        return x;
    }
    if nd < -308 {
        return 0.0f64 * x;
    }
    if nd >= 0 {
        // Rust's fixed-precision formatting is exact and rounds half to even.
        let s = format!("{:.*}", nd as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        return if r == 0.0 { 0.0f64.copysign(x) } else { r };
    }
    // x = m * 2^e exactly.
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let k = (-nd) as u32;
    let ten_k = BigInt::from(10u32).pow(k);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << (e as usize), ten_k)
    } else {
        (BigInt::from(m), ten_k << ((-e) as usize))
    };
    let (q, r) = num.div_rem(&den);
    let twice: BigInt = r * 2;
    let q = match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    let v: f64 = format!("{q}e{k}").parse().unwrap_or(f64::INFINITY);
    if v == 0.0 {
        0.0f64.copysign(x)
    } else {
        v.copysign(x)
    }
}

pub fn round(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let nd_kw = args.take_kw("ndigits");
    args.check(vm, "round", 1, 2)?;
    let v = args.pos[0].clone();
    let nd = args
        .pos
        .get(1)
        .cloned()
        .or(nd_kw)
        .filter(|v| !matches!(v, Value::None));
    if let Some(r) =
        crate::object::protocol::try_heap_dunder(vm, &v, "__round__", nd.iter().cloned().collect())?
    {
        return Ok(r);
    }
    match num_of(&v) {
        Some(Num::F(f)) => match nd {
            None => {
                if f.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(vm.overflow_error("cannot convert float infinity to integer"));
                }
                let r = f.round();
                let r = if (f - f.trunc()).abs() == 0.5 {
                    2.0 * (f / 2.0).round()
                } else {
                    r
                };
                let i = crate::types::int::int_new(
                    vm,
                    &vm.types.int.clone(),
                    Args::positional(vec![Value::Float(r)]),
                )?;
                Ok(i)
            }
            Some(n) => {
                let n = vm.index_value(&n, "'{}' object cannot be interpreted as an integer")?;
                let r = round_float(f, n);
                if r.is_infinite() && f.is_finite() {
                    return Err(vm.overflow_error("rounded value too large to represent"));
                }
                Ok(Value::Float(r))
            }
        },
        // `long_round`: the exact int (a bool or an int subclass instance becomes an int).
        Some(_) => match nd {
            None => {
                let b = to_bigint(&v).unwrap_or_default();
                Ok(crate::types::int::big_to_value(vm, b))
            }
            Some(n) => {
                let n = vm.index_value(&n, "'{}' object cannot be interpreted as an integer")?;
                if n >= 0 {
                    let b = to_bigint(&v).unwrap_or_default();
                    return Ok(crate::types::int::big_to_value(vm, b));
                }
                let b = to_bigint(&v).unwrap_or_default();
                let p = num_traits::Pow::pow(num_bigint::BigInt::from(10), (-n) as u32);
                let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                    q + 1
                } else {
                    q
                };
                Ok(crate::types::int::big_to_value(vm, q * p))
            }
        },
        None => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&v)
        ))),
    }
}

pub fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "divmod", 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let Some(r) = crate::object::protocol::try_heap_dunder(vm, a, "__divmod__", vec![b.clone()])?
    {
        return Ok(r);
    }
    if let (Some(Num::F(_)), _) | (_, Some(Num::F(_))) = (num_of(a), num_of(b)) {
        let x = crate::types::float::to_float(vm, a)?;
        let y = crate::types::float::to_float(vm, b)?;
        if y == 0.0 {
            return Err(vm.zero_division("float divmod()"));
        }
        let (q, r) = crate::types::float::divmod(x, y);
        return Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    if num_of(a).is_none() || num_of(b).is_none() {
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        )));
    }
    let q = binary_op(vm, a, b, 2)?;
    let r = binary_op(vm, a, b, 6)?;
    Ok(vm.new_tuple(vec![q, r]))
}

pub fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "pow", 2, 3)?;
    if let Some(m) = args.pos.get(2).filter(|m| !matches!(m, Value::None)) {
        let (Some(b), Some(e), Some(m)) = (
            to_bigint(&args.pos[0]),
            to_bigint(&args.pos[1]),
            to_bigint(m),
        ) else {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        if num_traits::Zero::is_zero(&m) {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let (b, e) = if e.sign() == num_bigint::Sign::Minus {
            // pow(b, -e, m) = pow(inverse of b mod m, e, m) (CPython's long_pow).
            let mm = num_traits::Signed::abs(&m);
            let ext =
                num_integer::Integer::extended_gcd(&num_integer::Integer::mod_floor(&b, &mm), &mm);
            if ext.gcd != num_bigint::BigInt::from(1) {
                return Err(vm.value_error("base is not invertible for the given modulus"));
            }
            (ext.x, -e)
        } else {
            (b, e)
        };
        let b = num_integer::Integer::mod_floor(&b, &num_traits::Signed::abs(&m));
        let r = b.modpow(&e, &m);
        let r = if r.sign() != num_bigint::Sign::NoSign && r.sign() != m.sign() {
            r + &m
        } else {
            r
        };
        return Ok(crate::types::int::big_to_value(vm, r));
    }
    binary_op(vm, &args.pos[0], &args.pos[1], 8)
}

fn radix(vm: &mut Vm, args: Args, name: &str, prefix: &str, base: u32) -> PyResult<Value> {
    args.check(vm, name, 1, 1)?;
    let b = match to_bigint(&args.pos[0]) {
        Some(b) => b,
        None => {
            let r =
                crate::object::protocol::try_heap_dunder(vm, &args.pos[0], "__index__", vec![])?;
            match r.as_ref().and_then(to_bigint) {
                Some(b) if !matches!(r, Some(Value::Float(_))) => b,
                _ => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(&args.pos[0])
                    )))
                }
            }
        }
    };
    let neg = b.sign() == num_bigint::Sign::Minus;
    let digits = b.magnitude().to_str_radix(base);
    let s = format!("{}{prefix}{digits}", if neg { "-" } else { "" });
    Ok(vm.new_str(&s))
}

pub fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", "0x", 16)
}
pub fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", "0o", 8)
}
pub fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", "0b", 2)
}

pub fn sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    args.check(vm, "sum", 1, 2)?;
    let mut acc = args
        .pos
        .get(1)
        .cloned()
        .or(start_kw)
        .unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    // An exact list or tuple is read by index, as its iterator would (the list's length
    // re-read at each step: an `__add__` may change it), without the iterator object.
    if let Some(o) = args.pos[0].as_obj().filter(|o| !o.ty_is_heap()) {
        match &o.payload {
            Payload::List(l) => {
                let mut i = 0;
                loop {
                    let Some(v) = l.borrow().get(i).cloned() else {
                        return Ok(acc);
                    };
                    acc = sum_step(vm, &acc, &v)?;
                    i += 1;
                }
            }
            Payload::Tuple(t) => {
                for v in t.iter() {
                    acc = sum_step(vm, &acc, v)?;
                }
                return Ok(acc);
            }
            _ => {}
        }
    }
    let it = vm.iter(&args.pos[0])?;
    // An exact generator of machine ints or floats adds them in one loop entry, at its
    // YIELD_VALUE (`generator::drive_acc`); the first other item stops it and the generic
    // loop goes on.
    use crate::types::generator::Acc;
    let mut a = match acc {
        Value::Int(i) => Acc::SumInt(i),
        Value::Float(f) => Acc::SumFloat(f),
        _ => Acc::Off,
    };
    let driven = crate::types::generator::drive_acc(vm, &it, &mut a, |_, a, v| {
        Ok(match a.take(&v) {
            Some(n) => {
                *a = n;
                None
            }
            None => Some(v),
        })
    })?;
    match a {
        Acc::SumInt(i) => acc = Value::Int(i),
        Acc::SumFloat(f) => acc = Value::Float(f),
        _ => {}
    }
    match driven {
        crate::types::generator::Driven::Exhausted => return Ok(acc),
        crate::types::generator::Driven::Stopped(v) => acc = sum_step(vm, &acc, &v)?,
        crate::types::generator::Driven::NotDriven => {}
    }
    while let Some(v) = vm.next(&it)? {
        acc = sum_step(vm, &acc, &v)?;
    }
    Ok(acc)
}

/// `acc + v` with the machine-int and float cases inline.
#[inline]
fn sum_step(vm: &mut Vm, acc: &Value, v: &Value) -> PyResult<Value> {
    Ok(match (acc, v) {
        (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
        (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
        _ => binary_op(vm, acc, v, 0)?,
    })
}

fn minmax(vm: &mut Vm, mut args: Args, name: &str, op: u32) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let default = args.take_kw("default");
    if let Some((k, _)) = args.kw.first() {
        let k = crate::object::attr::pystr(k).as_rust().into_owned();
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
    }
    // One argument is iterated lazily (not collected: `max(x for x in big)` needs no
    // memory for the items; an exact list or tuple is read by index, as its iterator
    // would); several are the items themselves.
    let src = match args.pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => {
            let a = args.pos.pop().unwrap_or(Value::None);
            match a.as_obj().filter(|o| !o.ty_is_heap()).map(|o| &o.payload) {
                Some(Payload::List(_) | Payload::Tuple(_)) => Items::Seq(a),
                _ => Items::Iter(vm.iter(&a)?),
            }
        }
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            Items::Args(std::mem::take(&mut args.pos))
        }
    };
    let mut best: Option<(Value, Value)> = None;
    let mut i = 0;
    // Without a key, an exact generator's machine ints (or floats) are compared in one
    // loop entry, at its YIELD_VALUE (`generator::drive_acc`); any other item stops it and
    // is taken below.
    let mut first: Option<Value> = None;
    let mut done = false;
    if let (None, Items::Iter(it)) = (&key, &src) {
        use crate::types::generator::Acc;
        let mut a = Acc::Best { max: op != 0 };
        let driven = crate::types::generator::drive_acc(vm, it, &mut a, |_, a, v| {
            Ok(match a.take(&v) {
                Some(n) => {
                    *a = n;
                    None
                }
                None => Some(v),
            })
        })?;
        best = match a {
            Acc::BestInt { best, .. } => Some((Value::Int(best), Value::Int(best))),
            Acc::BestFloat { best, .. } => Some((Value::Float(best), Value::Float(best))),
            _ => None,
        };
        match driven {
            crate::types::generator::Driven::Exhausted => done = true,
            crate::types::generator::Driven::Stopped(v) => first = Some(v),
            crate::types::generator::Driven::NotDriven => {}
        }
    }
    loop {
        let v = match first.take() {
            Some(v) => v,
            None if done => break,
            None => match src.next(vm, &mut i)? {
                Some(v) => v,
                None => break,
            },
        };
        let k = match &key {
            Some(f) => vm.call(f, vec![v.clone()])?,
            None => v.clone(),
        };
        best = match best {
            None => Some((k, v)),
            Some((bk, bv)) => {
                // Machine ints compare inline (op 0 is `<` for min, 4 is `>` for max).
                let better = match (&k, &bk) {
                    (Value::Int(a), Value::Int(b)) => {
                        if op == 0 {
                            a < b
                        } else {
                            a > b
                        }
                    }
                    _ => {
                        let r = crate::object::ops::compare(vm, &k, &bk, op)?;
                        vm.truthy(&r)?
                    }
                };
                if better {
                    Some((k, v))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

/// What `min`/`max` walk: their own arguments, an exact list or tuple by index (a
/// list's length re-read at each step), or an iterator.
enum Items {
    Args(crate::types::args::ArgVec),
    Seq(Value),
    Iter(Value),
}

impl Items {
    fn next(&self, vm: &mut Vm, i: &mut usize) -> PyResult<Option<Value>> {
        let v = match self {
            Items::Args(a) => a.get(*i).cloned(),
            Items::Seq(s) => match s.payload() {
                Some(Payload::List(l)) => l.borrow().get(*i).cloned(),
                Some(Payload::Tuple(t)) => t.get(*i).cloned(),
                _ => None,
            },
            Items::Iter(it) => return vm.next(it),
        };
        *i += 1;
        Ok(v)
    }
}

pub fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, "min", 0)
}
pub fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, "max", 4)
}
