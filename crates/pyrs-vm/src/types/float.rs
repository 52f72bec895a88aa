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
                return Err(vm.not_implemented_error("complex numbers are not supported yet"));
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
        let t = s.as_rust();
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

fn float_hex_unsupported(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.not_implemented_error("float.hex is not implemented yet"))
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

pub const METHODS: &[(&str, NativeFn)] = &[
    ("is_integer", float_is_integer),
    ("hex", float_hex_unsupported),
    ("as_integer_ratio", float_as_integer_ratio),
];
