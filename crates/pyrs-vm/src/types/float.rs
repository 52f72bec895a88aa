//! `float` (CPython: `Objects/floatobject.c`). Floats are inline `Value::Float`; the repr
//! is CPython's shortest round-trip form (pyrs-bytecode's `float_repr`).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

pub fn float_repr(x: f64) -> String {
    pyrs_bytecode::repr::float_repr(x)
}

/// `x <op> y` for floats (BINARY_OP base index).
pub fn float_binop(vm: &mut Vm, x: f64, y: f64, op: usize) -> PyResult<Value> {
    Ok(Value::Float(match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        2 => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            divmod(x, y).0
        }
        6 => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            divmod(x, y).1
        }
        8 => {
            if x == 0.0 && y < 0.0 {
                return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                // A negative base to a fractional power is complex (`float_pow` defers
                // to complex's nb_power).
                let r = crate::types::complex::binop(vm, &Value::Float(x), &Value::Float(y), 8)?;
                return Ok(r.unwrap_or(Value::None));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Err(vm.system_error("bad float operation")),
    }))
}

/// CPython's `float_divmod`.
pub fn divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn float_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "float", 0, 1)?;
    let f = match args.pos.first() {
        None => 0.0,
        Some(v) => to_float(vm, v)?,
    };
    if cls.is(&vm.types.float) {
        return Ok(Value::Float(f));
    }
    Ok(Value::Obj(vm.alloc_instance(cls, Payload::Float(f))))
}

/// `float(v)`.
pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(n) = crate::types::int::num_of(v) {
        return crate::types::int::to_f64(vm, &n);
    }
    if let Some(s) = v.as_str() {
        // Unicode digits and spaces read as ASCII ones, as CPython does.
        let t = pyrs_text::ctype::decimal_and_space_to_ascii(s.code_points());
        let t = t.trim();
        let l = t.to_ascii_lowercase();
        let parsed = match l.trim_start_matches(['+', '-']) {
            "inf" | "infinity" => Some(if l.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }),
            "nan" => Some(f64::NAN),
            _ if !t.contains('_') => t.parse::<f64>().ok(),
            _ => t.replace('_', "").parse::<f64>().ok(),
        };
        return match parsed {
            Some(f) => Ok(f),
            None => {
                let r = s.repr();
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(r) = crate::object::protocol::try_heap_dunder(vm, v, "__float__", vec![])? {
        if let Value::Float(f) = r {
            return Ok(f);
        }
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(v)
    )))
}

/// `PyFloat_AsDouble`: a float, an int, a class's `__float__` (which must return a
/// float), else its `__index__`; TypeError "must be real number, not T" otherwise (what
/// `'%f' % x` and the C functions taking a double accept; no str parsing, unlike float()).
pub fn as_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(n) = crate::types::int::num_of(v) {
        return crate::types::int::to_f64(vm, &n);
    }
    if let Value::Obj(o) = v {
        if o.ty_is_heap() {
            if let Some(r) = crate::object::protocol::try_heap_dunder(vm, v, "__float__", vec![])? {
                return match r {
                    Value::Float(f) => Ok(f),
                    Value::Obj(ref ro) if matches!(ro.payload, Payload::Float(_)) => {
                        Ok(crate::types::int::num_of(&r).map_or(0.0, |n| match n {
                            crate::types::int::Num::F(f) => f,
                            _ => 0.0,
                        }))
                    }
                    _ => Err(vm.type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        vm.type_name(v),
                        vm.type_name(&r)
                    ))),
                };
            }
            if let Some(r) = crate::object::protocol::try_heap_dunder(vm, v, "__index__", vec![])? {
                return match crate::types::int::num_of(&r) {
                    Some(n) if !matches!(n, crate::types::int::Num::F(_)) => {
                        crate::types::int::to_f64(vm, &n)
                    }
                    _ => Err(vm.type_error(format!(
                        "__index__ returned non-int (type {})",
                        vm.type_name(&r)
                    ))),
                };
            }
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

fn self_f(vm: &mut Vm, args: &Args) -> PyResult<f64> {
    match args.pos.first().and_then(crate::types::int::num_of) {
        Some(crate::types::int::Num::F(f)) => Ok(f),
        _ => Err(vm.type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_f(vm, &args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

/// `float.hex()` (CPython's `float_hex`): `[-]0x1.<13 hex digits>p<exp>`, subnormals as
/// `0x0.<digits>p-1022`.
fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_f(vm, &args)?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        let bits = f.to_bits();
        let sign = if bits >> 63 == 1 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let man = bits & ((1u64 << 52) - 1);
        if exp == 0 && man == 0 {
            format!("{sign}0x0.0p+0")
        } else if exp == 0 {
            format!("{sign}0x0.{man:013x}p-1022")
        } else {
            format!("{sign}0x1.{man:013x}p{:+}", exp - 1023)
        }
    };
    Ok(vm.new_str(&s))
}

/// `float.fromhex(s)` (CPython's `float_fromhex`), correctly rounded (half to even).
fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "fromhex", 2, 2)?;
    let Some(text) = args.pos[1].as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("bad argument type for built-in operation: {t}")));
    };
    match parse_hex_float(text.trim()) {
        Ok(f) => {
            let cls = args.pos[0].clone();
            if matches!(&cls, Value::Obj(c) if c.is(&vm.types.float)) {
                Ok(Value::Float(f))
            } else {
                crate::eval::call::call(vm, &cls, Args::positional(vec![Value::Float(f)]))
            }
        }
        Err(true) => Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
        Err(false) => Err(vm.value_error("invalid hexadecimal floating-point string")),
    }
}

/// `Err(true)` on overflow, `Err(false)` on a malformed string.
fn parse_hex_float(s: &str) -> Result<f64, bool> {
    use num_bigint::BigInt;
    use num_traits::{ToPrimitive, Zero};
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let low = s.to_ascii_lowercase();
    if low == "inf" || low == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if low == "nan" {
        return Ok(f64::NAN);
    }
    let body = low.strip_prefix("0x").unwrap_or(&low);
    let (mant, exp) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(false);
    }
    let mut n = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or(false)?;
        n = n * 16 + d;
    }
    let mut e: i64 = -4 * frac_part.len() as i64;
    if let Some(x) = exp {
        let v: i64 = x.parse().map_err(|_| false)?;
        e = e.saturating_add(v);
    }
    if n.is_zero() {
        return Ok(sign * 0.0);
    }
    let bits = n.bits() as i64;
    let top = bits + e; // value in [2^(top-1), 2^top)
    if top > 1024 {
        return Err(true);
    }
    let prec = if top - 1 < -1022 {
        53 - (-1022 - (top - 1))
    } else {
        53
    };
    let shift = bits - prec.max(0);
    if shift > 0 {
        let half = BigInt::from(1) << (shift - 1) as usize;
        let rem = &n & ((BigInt::from(1) << shift as usize) - 1);
        n >>= shift as usize;
        if rem > half || (rem == half && (&n & BigInt::from(1)) == BigInt::from(1)) {
            n += 1;
        }
        e += shift;
    }
    let m = n.to_f64().ok_or(false)?;
    // m * 2^e in two steps so that neither factor under- or overflows on its own.
    let half_e = e / 2;
    let r = m * 2f64.powi(half_e as i32) * 2f64.powi((e - half_e) as i32);
    if r.is_infinite() {
        return Err(true);
    }
    Ok(sign * r)
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_f(vm, &args)?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = (f, 0i32);
    while m.fract() != 0.0 {
        m *= 2.0;
        e += 1;
    }
    use num_traits::FromPrimitive;
    let num = num_bigint::BigInt::from_f64(m).unwrap_or_default();
    let den = num_bigint::BigInt::from(1) << e as usize;
    let g = num_integer::Integer::gcd(&num, &den);
    let (n, d) = (
        crate::types::int::big_to_value(vm, &num / &g),
        crate::types::int::big_to_value(vm, &den / &g),
    );
    Ok(vm.new_tuple(vec![n, d]))
}

fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_f(vm, &args)?))
}

/// `self` of a METH_NOARGS float method, with its arity check.
fn noargs_f(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    args.no_kw(vm, &format!("float.{name}"))?;
    if args.pos.len() > 1 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("float.{name}() takes no arguments ({n} given)")));
    }
    self_f(vm, args)
}

/// An integral float as an int (CPython's errors for NaN and infinities).
fn integral_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    let int = vm.types.int.clone();
    crate::types::int::int_new(vm, &int, Args::positional(vec![Value::Float(f)]))
}

fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = noargs_f(vm, &args, "__floor__")?;
    integral_to_int(vm, f.floor())
}

fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = noargs_f(vm, &args, "__ceil__")?;
    integral_to_int(vm, f.ceil())
}

fn float_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = noargs_f(vm, &args, "__trunc__")?;
    integral_to_int(vm, f.trunc())
}

/// `float.__getnewargs__()`: `(float(self),)`.
fn float_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = noargs_f(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::Float(f)]))
}

/// `float.__round__(ndigits=None)`: `round()` of the exact float (half to even; a float
/// when `ndigits` is given).
fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "float.__round__")?;
    if args.pos.len() > 2 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {n}")));
    }
    let f = self_f(vm, &args)?;
    let mut pos = vec![Value::Float(f)];
    pos.extend(args.pos.get(1).cloned());
    crate::builtins::numeric::round(vm, Args::positional(pos))
}

/// `float.__getformat__(typestr)`: how C doubles and floats are stored.
fn float_getformat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "float.__getformat__")?;
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "float.__getformat__() takes exactly one argument ({n} given)"
        )));
    }
    let Some(s) = args.pos[1].as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("__getformat__() argument must be str, not {t}")));
    };
    if s != "double" && s != "float" {
        return Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    Ok(vm.new_str(if cfg!(target_endian = "little") {
        "IEEE, little-endian"
    } else {
        "IEEE, big-endian"
    }))
}

/// `float.__format__(self, spec)`.
fn format_dunder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::format::numeric_format_method(vm, args, "float")
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__format__", format_dunder),
    ("__floor__", float_floor),
    ("__ceil__", float_ceil),
    ("__trunc__", float_trunc),
    ("__round__", float_round),
    ("__getnewargs__", float_getnewargs),
    ("conjugate", float_conjugate),
    ("is_integer", float_is_integer),
    ("hex", float_hex),
    ("as_integer_ratio", float_as_integer_ratio),
];

/// Class methods of `float`.
pub const CLASSMETHODS: &[(&str, NativeFn)] = &[
    ("fromhex", float_fromhex),
    ("__getformat__", float_getformat),
];
