//! `complex` (CPython: `Objects/complexobject.c`): construction (numbers and strings),
//! repr, hash, arithmetic with CPython's algorithms (`_Py_c_quot`, `_Py_c_pow`, `c_powi`),
//! comparison, `real`/`imag`/`conjugate`, `format()` specs (`format_complex_internal`). Not
//! subclassable yet.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::int::{num_of, to_f64, Num};
use crate::vm::{PyResult, Vm};

pub use pyrs_bytecode::complex::C;
use pyrs_bytecode::complex::{c_prod, c_quot, complex_pow};

impl Vm {
    pub fn new_complex(&self, c: C) -> Value {
        Value::Obj(self.alloc(&self.types.complex, Payload::Complex(c.0, c.1)))
    }
}

/// The complex value of a complex, int, bool or float (`None` for anything else).
pub fn as_complex(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return Ok(Some((*re, *im)));
    }
    match num_of(v) {
        Some(n) => Ok(Some((to_f64(vm, &n)?, 0.0))),
        None => Ok(None),
    }
}

pub fn is_complex(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Complex(..)))
}

pub fn repr(re: f64, im: f64) -> String {
    pyrs_bytecode::repr::complex_repr(re, im)
}

/// `hash(z)`: `hash(re) + 1000003 * hash(im)` in unsigned arithmetic (`complex_hash`). A
/// NaN part hashes by the object's identity (`id_hash`), as CPython's `_Py_HashDouble(v,
/// ...)`: distinct NaN complexes then rarely collide in a set or dict.
pub fn hash(re: f64, im: f64, id_hash: i64) -> i64 {
    let hr = crate::hash::hash_f64(re, id_hash) as u64;
    let hi = crate::hash::hash_f64(im, id_hash) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `a <op> b` when either operand is complex and both are numbers (BINARY_OP bases:
/// 0 +, 5 *, 8 **, 10 -, 11 /); `None` for other operands or operators.
pub fn binop(vm: &mut Vm, a: &Value, b: &Value, base: usize) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_complex(vm, a)?, as_complex(vm, b)?) else {
        return Ok(None);
    };
    let r = match base {
        0 => (x.0 + y.0, x.1 + y.1),
        10 => (x.0 - y.0, x.1 - y.1),
        5 => c_prod(x, y),
        11 => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division("complex division by zero")),
        },
        8 => match complex_pow(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division("0.0 to a negative or complex power")),
        },
        _ => return Ok(None),
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        if x.0.is_finite() && x.1.is_finite() && y.0.is_finite() && y.1.is_finite() && base == 8 {
            return Err(vm.overflow_error("complex exponentiation"));
        }
    }
    Ok(Some(vm.new_complex(r)))
}

/// `==`/`!=` with a complex operand (`None` when the other operand is not a number).
pub fn compare_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let exact = |vm: &mut Vm, c: C, other: &Value| -> PyResult<Option<bool>> {
        if let Some(Payload::Complex(re, im)) = other.payload() {
            return Ok(Some(c == (*re, *im)));
        }
        match num_of(other) {
            Some(Num::F(f)) => Ok(Some(c.1 == 0.0 && c.0 == f)),
            Some(n) => {
                // Exact comparison with an int (`complex_richcompare` via float_richcompare).
                if c.1 != 0.0 {
                    return Ok(Some(false));
                }
                Ok(Some(crate::types::int::numeric_compare(
                    &Num::F(c.0),
                    &n,
                    2,
                )))
            }
            None => {
                let _ = vm;
                Ok(None)
            }
        }
    };
    match (a.payload(), b.payload()) {
        (Some(Payload::Complex(re, im)), _) => exact(vm, (*re, *im), b),
        (_, Some(Payload::Complex(re, im))) => exact(vm, (*re, *im), a),
        _ => Ok(None),
    }
}

/// Unary `-`, `+`, `abs()` of a complex.
pub fn unary(vm: &mut Vm, c: C, which: u8) -> PyResult<Value> {
    match which {
        0 => Ok(vm.new_complex((-c.0, -c.1))),
        1 => Ok(vm.new_complex(c)),
        _ => {
            let r = c.0.hypot(c.1);
            if r.is_infinite() && c.0.is_finite() && c.1.is_finite() {
                return Err(vm.overflow_error("absolute value too large"));
            }
            Ok(Value::Float(r))
        }
    }
}

/// `_Py_string_to_number_with_underscores`: every underscore is between two digits.
fn underscores_ok(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).all(|i| {
        b[i] != b'_'
            || (i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// Parse `complex("...")` (`complex_from_string_inner`; underscores already checked by
/// [`underscores_ok`]); `None` when malformed.
fn parse(s: &str) -> Option<C> {
    let s = s.trim();
    let s = match s.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')')?.trim(),
        None => s,
    };
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let owned;
    let s = if s.contains('_') {
        owned = s.replace('_', "");
        owned.as_str()
    } else {
        s
    };
    let num = |t: &str| -> Option<f64> {
        match t {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => {
                let body = t.trim_start_matches(['+', '-']);
                if body.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && !matches!(
                        body.to_ascii_lowercase().as_str(),
                        "inf" | "infinity" | "nan"
                    )
                {
                    return None;
                }
                t.parse::<f64>().ok()
            }
        }
    };
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        // Split at the last sign that is not an exponent sign: `re±im`.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        return match split {
            Some(i) => Some((num(&body[..i]).filter(|_| i > 0)?, num(&body[i..])?)),
            None => Some((0.0, num(body)?)),
        };
    }
    Some((num(s).filter(|_| !matches!(s, "+" | "-"))?, 0.0))
}

pub fn complex_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    let v = complex_value(vm, args)?;
    if cls.is(&vm.types.complex) {
        return Ok(v);
    }
    // A subclass (`class C(complex)`): the same number in an instance of `cls`.
    let (re, im) = match v.payload() {
        Some(Payload::Complex(re, im)) => (*re, *im),
        _ => (0.0, 0.0),
    };
    Ok(Value::Obj(vm.alloc_instance(cls, Payload::Complex(re, im))))
}

/// What `complex(*args)` returns: a complex argument itself when it is the only one and
/// exactly a complex.
fn complex_value(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let real = args.take_kw("real");
    let imag = args.take_kw("imag");
    args.check(vm, "complex", 0, 2)?;
    let mut it = args.pos.into_iter();
    let re_v = it.next().or(real);
    let im_v = it.next().or(imag);
    if let Some(s) = re_v.as_ref().and_then(|v| v.as_str()) {
        if im_v.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        // Unicode digits and spaces read as ASCII ones, as CPython does.
        let text = pyrs_text::ctype::decimal_and_space_to_ascii(s.code_points());
        if !underscores_ok(&text) {
            let r = s.repr();
            return Err(vm.value_error(format!("could not convert string to complex: {r}")));
        }
        return match parse(&text) {
            Some(c) => Ok(vm.new_complex(c)),
            None => Err(vm.value_error("complex() arg is a malformed string")),
        };
    }
    let re = match &re_v {
        None => (0.0, 0.0),
        Some(v) => match as_complex(vm, v)? {
            Some(c) => c,
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "complex() first argument must be a string or a number, not '{t}'"
                )));
            }
        },
    };
    let im = match &im_v {
        None => (0.0, 0.0),
        Some(v) if v.as_str().is_some() => {
            return Err(vm.type_error("complex() second arg can't be a string"))
        }
        Some(v) => match as_complex(vm, v)? {
            Some(c) => c,
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "complex() second argument must be a number, not '{t}'"
                )));
            }
        },
    };
    let exact = re_v
        .as_ref()
        .and_then(|v| v.as_obj())
        .is_some_and(|o| o.ty.is(&vm.types.complex));
    if im_v.is_none() && exact {
        return Ok(re_v.unwrap_or(Value::None));
    }
    // real + imag*1j, as CPython computes it: (re.re - im.im) + (re.im + im.re)j
    Ok(vm.new_complex((re.0 - im.1, re.1 + im.0)))
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<C> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Complex(re, im)) => Ok((*re, *im)),
        _ => Err(vm.type_error("descriptor requires a 'complex' object")),
    }
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    Ok(vm.new_complex((c.0, -c.1)))
}

/// `complex.__complex__()`: the value as an exact complex.
fn complex_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    Ok(vm.new_complex((c.0, c.1)))
}

/// `complex.__format__(self, spec)`.
fn format_dunder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::format::numeric_format_method(vm, args, "complex")
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__format__", format_dunder),
    ("conjugate", conjugate),
    ("__complex__", complex_complex),
];
