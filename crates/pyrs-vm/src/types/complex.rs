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

/// `hash(z)`: `hash(re) + 1000003 * hash(im)` in unsigned arithmetic (`complex_hash`).
pub fn hash(re: f64, im: f64) -> i64 {
    let hr = crate::hash::hash_f64(re, 0) as u64;
    let hi = crate::hash::hash_f64(im, 0) as u64;
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

pub fn complex_new(vm: &mut Vm, cls: &PyRef, mut args: Args) -> PyResult<Value> {
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
    let _ = cls;
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
    if im_v.is_none() && is_complex(re_v.as_ref().unwrap_or(&Value::None)) {
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

pub const METHODS: &[(&str, NativeFn)] = &[("conjugate", conjugate)];

/// The parts of a format spec that `format(complex, spec)` looks at itself; the rest
/// (sign, `z`, `#`, grouping, precision, type) is passed on to each part's float format.
struct ComplexSpec {
    fill: char,
    align: char,
    sign: Option<char>,
    z: bool,
    alt: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_complex_spec(vm: &mut Vm, spec: &str) -> PyResult<ComplexSpec> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let (mut fill, mut align) = (None, None);
    if c.len() >= 2 && "<>=^".contains(c[1]) {
        (fill, align) = (Some(c[0]), Some(c[1]));
        i = 2;
    } else if !c.is_empty() && "<>=^".contains(c[0]) {
        align = Some(c[0]);
        i = 1;
    }
    let mut sp = ComplexSpec {
        fill: fill.unwrap_or(' '),
        align: align.unwrap_or('>'),
        sign: None,
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    if i < c.len() && "+- ".contains(c[i]) {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        sp.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        // The `0` flag means fill '0' (and '=' alignment) unless a fill is given.
        if fill.is_none() {
            sp.fill = '0';
        }
        i += 1;
    }
    let number = |vm: &mut Vm, i: &mut usize| -> PyResult<Option<usize>> {
        let start = *i;
        let mut n: usize = 0;
        while *i < c.len() && c[*i].is_ascii_digit() {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(c[*i] as usize - '0' as usize))
                .filter(|&n| n <= isize::MAX as usize)
                .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))?;
            *i += 1;
        }
        Ok((*i > start).then_some(n))
    };
    sp.width = number(vm, &mut i)?.unwrap_or(0);
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        sp.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && (c[i] == ',' || c[i] == '_') {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        match number(vm, &mut i)? {
            Some(p) => sp.precision = Some(p),
            None => return Err(vm.value_error("Format specifier missing precision")),
        }
    }
    if c.len() - i > 1 {
        return Err(vm.value_error(format!(
            "Invalid format specifier '{spec}' for object of type 'complex'"
        )));
    }
    sp.ty = c.get(i).copied();
    if let (Some(g), Some(t @ 'n')) = (sp.grouping, sp.ty) {
        return Err(vm.value_error(format!("Cannot specify '{g}' with '{t}'.")));
    }
    Ok(sp)
}

/// `format(z, spec)` and f-string specs for complex (`format_complex_internal` in
/// `Python/formatter_unicode.c`): each part formatted as a float with the spec's sign,
/// `z`, `#`, grouping, precision and type (the imaginary part always signed when the real
/// part is shown); no type means repr-like parts in parentheses (`g` with a precision),
/// and a real part of +0 omitted; fill, alignment and width apply to the whole.
pub fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return Ok(vm.new_str(&repr(re, im)));
    }
    let sp = parse_complex_spec(vm, spec)?;
    if sp.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == '=' {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (mut ty, mut skip_re, mut parens) = (sp.ty, false, false);
    match ty {
        None => {
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
            if sp.precision.is_some() {
                ty = Some('g');
            }
        }
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => {
            let t = if (t as u32) > 32 && (t as u32) < 128 {
                t.to_string()
            } else {
                format!("\\x{:x}", t as u32)
            };
            return Err(vm.value_error(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            )));
        }
    }
    let part = |vm: &mut Vm, x: f64, sign: Option<char>| -> PyResult<String> {
        let Some(t) = ty else {
            // repr-like (`'r'` with no ".0"), grouped if asked.
            let s = pyrs_bytecode::repr::format_float_r(x.abs(), false, false);
            let s = match sp.grouping {
                Some(g) => group_int_part(&s, g),
                None => s,
            };
            let neg = x.is_sign_negative() && !x.is_nan();
            let sign = match (neg, sign) {
                (true, _) => "-",
                (false, Some('+')) => "+",
                (false, Some(' ')) => " ",
                _ => "",
            };
            return Ok(format!("{sign}{s}"));
        };
        let mut f = String::new();
        f.extend(sign);
        if sp.z {
            f.push('z');
        }
        if sp.alt {
            f.push('#');
        }
        f.extend(sp.grouping);
        if let Some(p) = sp.precision {
            f.push_str(&format!(".{p}"));
        }
        f.push(t);
        let s = crate::builtins::format::format(vm, &Value::Float(x), &f)?;
        Ok(s.as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default())
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(vm, re, sp.sign)?);
    }
    body.push_str(&part(vm, im, if skip_re { sp.sign } else { Some('+') })?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let n = body.chars().count();
    let fill_n = sp.width.saturating_sub(n);
    let (l, r) = match sp.align {
        '<' => (0, fill_n),
        '^' => (fill_n / 2, fill_n - fill_n / 2),
        _ => (fill_n, 0),
    };
    let mut out = String::new();
    if out
        .try_reserve(body.len().saturating_add(fill_n.saturating_mul(4)))
        .is_err()
    {
        return Err(crate::types::bytes_format::no_memory(vm));
    }
    out.extend(std::iter::repeat(sp.fill).take(l));
    out.push_str(&body);
    out.extend(std::iter::repeat(sp.fill).take(r));
    Ok(vm.new_str(&out))
}

/// Thousands separators in the integer digits of a repr-like number (`1234.5` ->
/// `1,234.5`; exponent forms and `inf`/`nan` have at most 1 integer digit).
fn group_int_part(s: &str, g: char) -> String {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (int, rest) = s.split_at(end);
    let mut out = String::new();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(g);
        }
        out.push(ch);
    }
    out.push_str(rest);
    out
}
