//! The format mini-language (`format()`, f-strings, `str.format`) and `%`-formatting
//! (CPython: `Python/formatter_unicode.c`, `Objects/unicodeobject.c` `PyUnicode_Format`).
//! Covers fill/align/sign/`#`/`0`/width/grouping/precision and the d x X o b c e E f F g G
//! % s types, `n` (C locale); `=` alignment; complex numbers (`format_complex`).

use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::types::int::{num_of, Num};
use crate::vm::{PyResult, Vm};

#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    /// `z` (3.11): a float that rounds to zero loses its minus sign.
    z: bool,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

/// `parse_internal_render_format_spec`: `default_ty` is the type the object's `__format__`
/// assumes when the spec names none (`'s'` for str, `'d'` for int, none for float), `tn`
/// the object's type name for the messages. Checks what CPython checks before looking at
/// the type: digit overflow, `,` with `_`, and grouping with a presentation type that
/// does not take it.
fn parse_spec(vm: &mut Vm, s: &str, default_ty: Option<char>, v: &Value) -> PyResult<Spec> {
    // Specs are short: decode into a stack buffer (this runs for every f-string field).
    let mut buf = ['\0'; 24];
    let heap: Vec<char>;
    let c: &[char] = if s.len() <= buf.len() {
        let mut n = 0;
        for ch in s.chars() {
            buf[n] = ch;
            n += 1;
        }
        &buf[..n]
    } else {
        heap = s.chars().collect();
        &heap
    };
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
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
        sp.zero = true;
        i += 1;
    }
    let (width, n) = decimal(vm, &c[i..])?;
    sp.width = width;
    i += n;
    if i < c.len() && c[i] == ',' {
        sp.grouping = Some(',');
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if sp.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        sp.grouping = Some('_');
        i += 1;
    }
    if i < c.len() && c[i] == ',' && sp.grouping == Some('_') {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let (p, n) = decimal(vm, &c[i..])?;
        if n == 0 {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        sp.precision = Some(p);
        i += n;
    }
    if c.len() - i > 1 {
        let rest: String = c[..].iter().collect();
        let tn = vm.type_name(v);
        return Err(vm.value_error(format!(
            "Invalid format specifier '{rest}' for object of type '{tn}'"
        )));
    }
    sp.ty = c.get(i).copied();
    if let Some(g) = sp.grouping {
        let t = sp.ty.or(default_ty);
        let ok = match t {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            let t = t.unwrap_or('\0');
            let t = if (t as u32) > 32 && (t as u32) < 128 {
                t.to_string()
            } else {
                format!("\\x{:x}", t as u32)
            };
            return Err(vm.value_error(format!("Cannot specify '{g}' with '{t}'.")));
        }
    }
    Ok(sp)
}

/// A run of decimal digits (`get_integer`): its value and length; a value past
/// `Py_ssize_t` is CPython's ValueError.
fn decimal(vm: &mut Vm, c: &[char]) -> PyResult<(usize, usize)> {
    let mut acc: usize = 0;
    let mut n = 0;
    for &ch in c {
        let Some(d) = ch.to_digit(10).filter(|_| ch.is_ascii_digit()) else {
            break;
        };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
        n += 1;
    }
    Ok((acc, n))
}

/// `unknown_presentation_type`: the code as `%c`, or `\x..` outside printable ASCII.
fn unknown_code(vm: &mut Vm, ty: char, v: &Value) -> crate::vm::PyErr {
    let tn = vm.type_name(v);
    let t = if (ty as u32) > 32 && (ty as u32) < 128 {
        ty.to_string()
    } else {
        format!("\\x{:x}", ty as u32)
    };
    vm.value_error(format!(
        "Unknown format code '{t}' for object of type '{tn}'"
    ))
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

fn pad(vm: &mut Vm, sp: &Spec, sign: &str, body: &str, numeric: bool) -> PyResult<String> {
    // Built by pushes into one allocation (this runs for every f-string field with a
    // width; `format!` cost several hundred instructions per call).
    let len = sign.chars().count() + body.chars().count();
    if sp.width <= len {
        let mut out = String::with_capacity(sign.len() + body.len());
        out.push_str(sign);
        out.push_str(body);
        return Ok(out);
    }
    let fill_n = sp.width - len;
    // A leading '0' without an explicit fill fills with '0'; it makes '=' the default
    // alignment of numbers only (3.10+: strings keep '<').
    let (fill, align) = if sp.zero && sp.fill.is_none() {
        ('0', sp.align.unwrap_or(if numeric { '=' } else { '<' }))
    } else {
        (
            sp.fill.unwrap_or(' '),
            sp.align.unwrap_or(if numeric { '>' } else { '<' }),
        )
    };
    // Exact capacity: the result becomes a str without a copy (`PyStr::from_string`).
    // A width past what can be allocated is CPython's MemoryError, not an abort.
    let mut out = String::new();
    let cap = fill_n
        .checked_mul(fill.len_utf8())
        .and_then(|n| n.checked_add(sign.len() + body.len()));
    if cap.map_or(true, |c| out.try_reserve_exact(c).is_err()) {
        return Err(crate::types::bytes_format::no_memory(vm));
    }
    let f = |out: &mut String, n: usize| out.extend(std::iter::repeat(fill).take(n));
    match align {
        '<' => {
            out.push_str(sign);
            out.push_str(body);
            f(&mut out, fill_n);
        }
        '>' => {
            f(&mut out, fill_n);
            out.push_str(sign);
            out.push_str(body);
        }
        '^' => {
            f(&mut out, fill_n / 2);
            out.push_str(sign);
            out.push_str(body);
            f(&mut out, fill_n - fill_n / 2);
        }
        _ => {
            out.push_str(sign);
            f(&mut out, fill_n);
            out.push_str(body);
        }
    }
    Ok(out)
}

fn sign_str(neg: bool, sp: &Spec) -> &'static str {
    match (neg, sp.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format_float_internal`: `ty` is the presentation type, `'r'` for none (repr-like);
/// `add_dot_0` is CPython's `Py_DTSF_ADD_DOT_0`, set for a float spec without a type: the
/// repr keeps its `.0` on integers, and `'g'` (a precision but no type) switches to an
/// exponent one digit sooner and keeps a `.0` too. Complex parts format without it.
fn format_float(vm: &mut Vm, x: f64, sp: &Spec, ty: char, add_dot_0: bool) -> PyResult<String> {
    let (sign, body) = float_parts(x, sp, ty, add_dot_0);
    pad(vm, sp, sign, &body, true)
}

/// [`format_float`] before the padding: the sign and the digits.
fn float_parts(x: f64, sp: &Spec, ty: char, add_dot_0: bool) -> (&'static str, String) {
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let prec = sp.precision.unwrap_or(6);
    let finite = a.is_finite();
    let mut body = if a.is_infinite() {
        "inf".to_string()
    } else if a.is_nan() {
        "nan".to_string()
    } else {
        match ty {
            'f' | 'F' => fixed(a, prec),
            '%' => fixed(a * 100.0, prec),
            'e' | 'E' => exp_form(a, prec),
            'g' | 'G' | 'r' => {
                if ty == 'r' {
                    pyrs_bytecode::repr::format_float_r(a, add_dot_0, false)
                } else {
                    let p = if prec == 0 { 1 } else { prec };
                    let e = if a == 0.0 {
                        0
                    } else {
                        exp_form(a, p - 1)
                            .split('e')
                            .nth(1)
                            .and_then(|s| s.parse::<i32>().ok())
                            .unwrap_or(0)
                    };
                    let fixed_below = if add_dot_0 { p as i32 - 1 } else { p as i32 };
                    let mut s = if e >= -4 && e < fixed_below {
                        format!("{:.*}", (p as i32 - 1 - e).max(0) as usize, a)
                    } else {
                        exp_form(a, p - 1)
                    };
                    if !sp.alt {
                        s = strip_zeros(&s);
                    }
                    if add_dot_0 && !s.contains(['.', 'e']) {
                        s.push_str(".0");
                    }
                    s
                }
            }
            _ => pyrs_bytecode::repr::format_float_r(a, true, false),
        }
    };
    // `#`: the decimal point stays even with no digits after it.
    if sp.alt && finite && !body.contains('.') {
        match body.find('e') {
            Some(i) => body.insert(i, '.'),
            None => body.push('.'),
        }
    }
    if ty == '%' {
        body.push('%');
    }
    if ty.is_ascii_uppercase() {
        body = body.to_uppercase();
    }
    if let Some(g) = sp.grouping {
        let (int, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => body.split_at(i),
            None => (body.as_str(), ""),
        };
        body = format!("{}{rest}", group(int, g, 3));
    }
    // `z`: a negative zero (after rounding) loses its sign; infinities keep theirs.
    let neg = neg
        && !(sp.z
            && finite
            && body
                .split(['e', 'E'])
                .next()
                .is_some_and(|m| m.chars().all(|c| !c.is_ascii_digit() || c == '0')));
    (sign_str(neg, sp), body)
}

/// [`pad`] straight into the str: ASCII sign, body and fill up to 64 bytes are written
/// in a stack buffer (a short result then lives inside the str object: no allocation at
/// all); anything else goes through `pad`.
fn pad_pystr(
    vm: &mut Vm,
    sp: &Spec,
    sign: &str,
    body: &str,
    numeric: bool,
) -> PyResult<crate::types::str::PyStr> {
    use crate::types::str::PyStr;
    let len = sign.len() + body.len();
    let fill_n = sp.width.saturating_sub(len);
    let (fill, align) = if sp.zero && sp.fill.is_none() {
        ('0', sp.align.unwrap_or(if numeric { '=' } else { '<' }))
    } else {
        (
            sp.fill.unwrap_or(' '),
            sp.align.unwrap_or(if numeric { '>' } else { '<' }),
        )
    };
    let total = len + fill_n;
    if !(fill.is_ascii() && sign.is_ascii() && body.is_ascii() && total <= 64) {
        return Ok(PyStr::from_string(pad(vm, sp, sign, body, numeric)?));
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut put = |b: &[u8]| {
        buf[n..n + b.len()].copy_from_slice(b);
        n += b.len();
    };
    let run = [fill as u8; 64];
    match align {
        '<' => {
            put(sign.as_bytes());
            put(body.as_bytes());
            put(&run[..fill_n]);
        }
        '>' => {
            put(&run[..fill_n]);
            put(sign.as_bytes());
            put(body.as_bytes());
        }
        '^' => {
            put(&run[..fill_n / 2]);
            put(sign.as_bytes());
            put(body.as_bytes());
            put(&run[..fill_n - fill_n / 2]);
        }
        _ => {
            put(sign.as_bytes());
            put(&run[..fill_n]);
            put(body.as_bytes());
        }
    }
    Ok(PyStr::from_latin1_slice(&buf[..n]))
}

/// `a` (finite, >= 0) with `prec` digits after the point, correctly rounded (half to
/// even on the exact binary value, as CPython's `dtoa` mode 3). Values below 1e15 with a
/// precision up to 20 are done in integer arithmetic: `a = m * 2^-k` exactly, so the
/// rounded `a * 10^prec` is `(m * 10^prec) >> k` plus the remainder's rounding, in a u128
/// (m < 2^53, 10^20 < 2^67). Others take Rust's formatting (also exact).
fn fixed(a: f64, prec: usize) -> String {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if !(a < 1e15 && prec <= 20 && bits >> 63 == 0) {
        return format!("{a:.prec$}");
    }
    // a = m * 2^-k (subnormals: exponent field 0, no implicit bit); k >= 3 below 1e15.
    let (m, k) = if exp == 0 {
        (frac, 1074)
    } else {
        (frac | (1u64 << 52), 1075 - exp)
    };
    let prod = m as u128 * 10u128.pow(prec as u32);
    let q: u128 = if k >= 127 {
        0 // prod < 2^120 < 2^126 <= half of 2^k: rounds to 0
    } else {
        let q = prod >> k;
        let r = prod & ((1u128 << k) - 1);
        let half = 1u128 << (k - 1);
        if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    // The digits of q, with at least prec + 1 of them, the point before the last prec.
    let mut buf = [0u8; 48];
    let mut i = buf.len();
    let mut n = q;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    while buf.len() - i < prec + 1 {
        i -= 1;
        buf[i] = b'0';
    }
    let digits = &buf[i..];
    let int_len = digits.len() - prec;
    let mut out = String::with_capacity(digits.len() + 1);
    for &d in &digits[..int_len] {
        out.push(d as char);
    }
    if prec > 0 {
        out.push('.');
        for &d in &digits[int_len..] {
            out.push(d as char);
        }
    }
    out
}

fn strip_zeros(s: &str) -> String {
    let (m, e) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let m = if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.')
    } else {
        m
    };
    format!("{m}{e}")
}

fn exp_form(a: f64, prec: usize) -> String {
    let s = format!("{a:.prec$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    // Only instances of classes can define `__format__` (builtin types' formatting is
    // below); the spec becomes a str object only when one is called.
    if let Value::Obj(o) = v {
        if o.ty_is_heap() {
            let ty = o.ty.clone();
            if let Some(f) = crate::object::protocol::heap_dunder(vm, &ty, "__format__") {
                let sv = vm.new_str(spec);
                let r = crate::object::protocol::call_dunder(vm, f, v, vec![sv])?;
                if r.as_str().is_none() {
                    let n = vm.type_name(&r);
                    return Err(vm.type_error(format!("__format__ must return a str, not {n}")));
                }
                return Ok(r);
            }
        }
    }
    if spec.is_empty() {
        return vm.str_value(v);
    }
    format_builtin(vm, v, spec)
}

/// `__format__` of a builtin type (`str.__format__`, `int.__format__`, ...): `format(v,
/// spec)` without the class-defined `__format__` lookup (a subclass's method calling its
/// base's must not find itself). An empty spec is `str(v)`, as CPython's
/// `_PyUnicode_FormatAdvancedWriter` (`format_obj`) and `format_int_or_long` do.
pub fn format_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__format__", 2, 2)?;
    let Some(spec) = args.pos[1].as_str() else {
        // `_PyArg_BadArgument`: None is named "None", other values by their type.
        let n = match &args.pos[1] {
            Value::None => "None".to_string(),
            v => vm.type_name(v),
        };
        return Err(vm.type_error(format!("__format__() argument must be str, not {n}")));
    };
    if spec.is_empty() {
        return vm.str_value(&args.pos[0]);
    }
    let spec = spec.as_rust();
    format_builtin(vm, &args.pos[0], &spec)
}

/// `int.__format__`, `float.__format__`, `complex.__format__`: the method descriptor's
/// check that `self` is an instance of `ty` (CPython's "descriptor '__format__' for 'int'
/// objects doesn't apply to a 'str' object"), then [`format_method`].
pub fn numeric_format_method(vm: &mut Vm, args: Args, ty: &str) -> PyResult<Value> {
    if let Some(v) = args.pos.first() {
        let ok = match (ty, crate::types::int::num_of(v)) {
            ("int", Some(crate::types::int::Num::I(_) | crate::types::int::Num::B(_))) => true,
            ("float", Some(crate::types::int::Num::F(_))) => true,
            ("complex", _) => matches!(v.payload(), Some(Payload::Complex(..))),
            _ => false,
        };
        if !ok {
            let n = vm.type_name(v);
            return Err(vm.type_error(format!(
                "descriptor '__format__' for '{ty}' objects doesn't apply to a '{n}' object"
            )));
        }
    }
    format_method(vm, args)
}

/// `format(v, spec)` of a builtin value (or a subclass instance, by its payload) with a
/// non-empty spec.
fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    if let Some(Payload::Complex(re, im)) = v.payload() {
        let (re, im) = (*re, *im);
        let out = format_complex(vm, re, im, spec, v)?;
        return Ok(vm.new_pystr(crate::types::str::PyStr::from_string(out)));
    }
    let num = num_of(v);
    let is_str = matches!(v.payload(), Some(Payload::Str(_)));
    if num.is_none() && !is_str {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    let default_ty = match num {
        Some(Num::F(_)) => None,
        Some(_) => Some('d'),
        None => Some('s'),
    };
    let sp = parse_spec(vm, spec, default_ty, v)?;
    let out = match num {
        Some(Num::F(f)) => {
            let ty = match sp.ty {
                None if sp.precision.is_some() => 'g',
                None => 'r',
                // 'n' is 'g' with the locale's separators; pyrs runs in the C locale.
                Some('n') => 'g',
                Some(t) if "eEfFgG%".contains(t) => t,
                Some(t) => return Err(unknown_code(vm, t, v)),
            };
            let (sign, body) = float_parts(f, &sp, ty, sp.ty.is_none());
            let r = pad_pystr(vm, &sp, sign, &body, true)?;
            return Ok(vm.new_pystr(r));
        }
        Some(n) => {
            let ty = sp.ty.unwrap_or('d');
            if "eEfFgG%".contains(ty) {
                let f = crate::types::int::to_f64(vm, &n)?;
                format_float(vm, f, &sp, ty, false)?
            } else {
                if !"bcdoxXn".contains(ty) {
                    return Err(unknown_code(vm, ty, v));
                }
                if sp.precision.is_some() {
                    return Err(vm.value_error("Precision not allowed in integer format specifier"));
                }
                if sp.z {
                    return Err(vm.value_error(
                        "Negative zero coercion (z) not allowed in integer format specifier",
                    ));
                }
                let (neg, digits) = int_digits(&n, ty);
                let prefix = match ty {
                    'x' => "0x",
                    'X' => "0X",
                    'o' => "0o",
                    'b' => "0b",
                    _ => "",
                };
                match ty {
                    'c' => {
                        if sp.sign.is_some() {
                            return Err(vm.value_error(
                                "Sign not allowed with integer format specifier 'c'",
                            ));
                        }
                        if sp.alt {
                            return Err(vm.value_error(
                                "Alternate form (#) not allowed with integer format specifier 'c'",
                            ));
                        }
                        // Any code point, lone surrogates included.
                        let c = match n {
                            Num::I(i) => u32::try_from(i).ok().filter(|c| *c < 0x110000),
                            _ => {
                                return Err(
                                    vm.overflow_error("Python int too large to convert to C long")
                                )
                            }
                        };
                        let Some(c) = c else {
                            return Err(vm.overflow_error("%c arg not in range(0x110000)"));
                        };
                        return Ok(match char::from_u32(c) {
                            Some(ch) => {
                                let p = pad(vm, &sp, "", &ch.to_string(), false)?;
                                vm.new_str(&p)
                            }
                            // A lone surrogate cannot be Rust text: unpadded.
                            None => vm.new_pystr(crate::types::str::PyStr::from_vec(vec![c])),
                        });
                    }
                    _ => {}
                }
                let limit = vm.int_max_str_digits;
                if matches!(ty, 'd' | 'n') && limit > 0 && digits.len() > limit {
                    return Err(vm.value_error(format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
                let digits = match sp.grouping {
                    Some(g) => group(&digits, g, if ty == 'd' || ty == 'n' { 3 } else { 4 }),
                    None => digits,
                };
                // The sign and prefix ("-0x" at most) without a heap String.
                let mut sign = String::new();
                sign.push_str(sign_str(neg, &sp));
                if sp.alt {
                    sign.push_str(prefix);
                }
                let r = pad_pystr(vm, &sp, &sign, &digits, true)?;
                return Ok(vm.new_pystr(r));
            }
        }
        None => {
            // `format_string_internal`'s checks, in its order.
            if let Some(t) = sp.ty.filter(|&t| t != 's') {
                return Err(unknown_code(vm, t, v));
            }
            let refuse = match (sp.sign, sp.z, sp.alt, sp.align) {
                (Some(' '), ..) => Some("Space not allowed in string format specifier"),
                (Some(_), ..) => Some("Sign not allowed in string format specifier"),
                (_, true, ..) => {
                    Some("Negative zero coercion (z) not allowed in string format specifier")
                }
                (_, _, true, _) => {
                    Some("Alternate form (#) not allowed in string format specifier")
                }
                (.., Some('=')) => Some("'=' alignment not allowed in string format specifier"),
                _ => None,
            };
            if let Some(m) = refuse {
                return Err(vm.value_error(m));
            }
            // `str.__format__` formats the str's own contents (a subclass's `__str__` is
            // not asked), padded at its storage width (lone surrogates kept).
            let Some(s) = v.as_str() else {
                return Err(vm.type_error("unsupported format string passed to str.__format__"));
            };
            let len = sp.precision.map_or(s.len(), |p| p.min(s.len()));
            let fill_n = sp.width.saturating_sub(len);
            let (fill, align) = if sp.zero && sp.fill.is_none() {
                ('0', sp.align.unwrap_or('<'))
            } else {
                (sp.fill.unwrap_or(' '), sp.align.unwrap_or('<'))
            };
            let (left, right) = match align {
                '>' => (fill_n, 0),
                '^' => (fill_n / 2, fill_n - fill_n / 2),
                _ => (0, fill_n),
            };
            // Nothing to pad or cut: the value itself, a subclass instance too (as
            // `format_string_internal`, which writes the one str unchanged).
            if left == 0 && right == 0 && len == s.len() {
                return Ok(v.clone());
            }
            return match s.padded(len, left, right, fill as u32) {
                Some(r) => Ok(vm.new_pystr(r)),
                None => Err(crate::types::bytes_format::no_memory(vm)),
            };
        }
    };
    Ok(vm.new_pystr(crate::types::str::PyStr::from_string(out)))
}

/// `format_complex_internal`: each part formatted as a float with the spec's sign, `z`,
/// `#`, grouping, precision and type (the imaginary part always signed when the real part
/// is shown); no type means repr-like parts in parentheses (`g` with a precision) and a
/// real part of +0 omitted; fill, alignment and width apply to the whole.
fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &str, v: &Value) -> PyResult<String> {
    let sp = parse_spec(vm, spec, None, v)?;
    if sp.fill == Some('0') || (sp.zero && sp.fill.is_none()) {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
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
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G') => {}
        // 'n' is 'g' with the locale's separators; pyrs runs in the C locale.
        Some('n') => ty = Some('g'),
        Some(t) => return Err(unknown_code(vm, t, v)),
    }
    // Each part: the spec without fill, alignment and width.
    let part = |vm: &mut Vm, x: f64, sign: Option<char>| -> PyResult<String> {
        let psp = Spec {
            fill: None,
            align: None,
            sign,
            zero: false,
            width: 0,
            ..sp
        };
        // No type: repr-like parts without the `.0` of an integral float (`(1+2j)`).
        format_float(vm, x, &psp, ty.unwrap_or('r'), false)
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
    pad(vm, &sp, "", &body, true)
}

/// An int's sign and magnitude digits for the presentation type (`x X o b`, else decimal);
/// machine-size ints without a BigInt.
fn int_digits(n: &Num, ty: char) -> (bool, String) {
    match n {
        Num::I(i) => {
            let m = i.unsigned_abs();
            let d = match ty {
                'x' => format!("{m:x}"),
                'X' => format!("{m:X}"),
                'o' => format!("{m:o}"),
                'b' => format!("{m:b}"),
                _ => m.to_string(),
            };
            (*i < 0, d)
        }
        Num::B(b) => {
            let m = b.magnitude();
            let d = match ty {
                'x' => m.to_str_radix(16),
                'X' => m.to_str_radix(16).to_uppercase(),
                'o' => m.to_str_radix(8),
                'b' => m.to_str_radix(2),
                _ => m.to_string(),
            };
            (b.sign() == num_bigint::Sign::Minus, d)
        }
        Num::F(_) => (false, String::new()),
    }
}

/// `template.format(*args, **kwargs)` (fields: `{}`, `{0}`, `{name}`, `.attr`, `[key]`,
/// `!r`/`!s`/`!a`, `:spec`). The result is built from code points: lone surrogates in
/// the literal text and in the values are kept (field names and specs are parsed as
/// Rust text).
pub fn str_format(
    vm: &mut Vm,
    t: &crate::types::str::PyStr,
    args: &[Value],
    kw: &[(crate::object::PyRef, Value)],
) -> PyResult<crate::types::str::PyStr> {
    str_format_names(vm, t, args, Names::Keywords(kw))
}

/// Where `str.format`'s named fields come from.
#[derive(Clone, Copy)]
pub enum Names<'a> {
    /// `format(**kwargs)`.
    Keywords(&'a [(crate::object::PyRef, Value)]),
    /// `format_map(mapping)`: `mapping[name]` (so `__missing__` works); no positional
    /// fields.
    Mapping(&'a Value),
}

/// [`str_format`] with the named fields from `names`.
pub fn str_format_names(
    vm: &mut Vm,
    t: &crate::types::str::PyStr,
    args: &[Value],
    names: Names,
) -> PyResult<crate::types::str::PyStr> {
    let kw: &[(crate::object::PyRef, Value)] = match names {
        Names::Keywords(kw) => kw,
        Names::Mapping(_) => &[],
    };
    let mut out: Vec<u32> = Vec::new();
    let (cps, c) = code_points_and_chars(t);
    let mut i = 0;
    let mut auto = 0;
    while i < c.len() {
        match c[i] {
            '{' if c.get(i + 1) == Some(&'{') => {
                out.push('{' as u32);
                i += 2;
            }
            '}' if c.get(i + 1) == Some(&'}') => {
                out.push('}' as u32);
                i += 2;
            }
            '{' if i + 1 == c.len() => {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            '{' => {
                let mut depth = 1;
                let mut j = i + 1;
                while j < c.len() && depth > 0 {
                    match c[j] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                if depth != 0 {
                    return Err(vm.value_error("expected '}' before end of string"));
                }
                let field: String = c[i + 1..j - 1].iter().collect();
                let (field, spec) = match field.find(':') {
                    Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                    None => (field, String::new()),
                };
                let (field, conv) = match field.find('!') {
                    Some(p) => (field[..p].to_string(), field[p + 1..].chars().next()),
                    None => (field, None),
                };
                let name_end = field.find(['.', '[']).unwrap_or(field.len());
                let (head, mut rest) = field.split_at(name_end);
                let positional = head.is_empty() || head.parse::<usize>().is_ok();
                let mut v = if let (Names::Mapping(m), false) = (names, positional) {
                    let k = vm.new_str(head);
                    crate::object::subscript::getitem(vm, m, &k)?
                } else if let (Names::Mapping(_), true) = (names, positional) {
                    return Err(vm.value_error("Format string contains positional fields"));
                } else if head.is_empty() {
                    let v = args.get(auto).cloned();
                    auto += 1;
                    match v {
                        Some(v) => v,
                        None => {
                            return Err(vm.index_error(format!(
                                "Replacement index {} out of range for positional args tuple",
                                auto - 1
                            )))
                        }
                    }
                } else if let Ok(n) = head.parse::<usize>() {
                    match args.get(n) {
                        Some(v) => v.clone(),
                        None => {
                            return Err(vm.index_error(format!(
                                "Replacement index {n} out of range for positional args tuple"
                            )))
                        }
                    }
                } else {
                    match kw.iter().find(|(k, _)| {
                        Value::Obj(k.clone())
                            .as_str()
                            .is_some_and(|s| s.eq_rust(head))
                    }) {
                        Some((_, v)) => v.clone(),
                        None => return Err(vm.key_error(vm.new_str(head))),
                    }
                };
                while !rest.is_empty() {
                    if let Some(r) = rest.strip_prefix('.') {
                        let end = r.find(['.', '[']).unwrap_or(r.len());
                        let n = vm.intern(&r[..end]);
                        v = crate::object::attr::getattr(vm, &v, &n)?;
                        rest = &r[end..];
                    } else if let Some(r) = rest.strip_prefix('[') {
                        let end = r.find(']').unwrap_or(r.len());
                        let key = &r[..end];
                        let k = match key.parse::<i64>() {
                            Ok(n) => Value::Int(n),
                            Err(_) => vm.new_str(key),
                        };
                        v = crate::object::subscript::getitem(vm, &v, &k)?;
                        rest = r.get(end + 1..).unwrap_or("");
                    } else {
                        break;
                    }
                }
                let v = match conv {
                    Some('r') => vm.repr_value(&v)?,
                    Some('s') => vm.str_value(&v)?,
                    Some('a') => crate::builtins::attrs::ascii(vm, Args::positional(vec![v]))?,
                    _ => v,
                };
                let spec = if spec.contains('{') {
                    let nested = crate::types::str::PyStr::from_string(spec);
                    str_format_names(vm, &nested, args, names)?
                        .as_rust()
                        .into_owned()
                } else {
                    spec
                };
                let r = format(vm, &v, &spec)?;
                push_str_value(&mut out, &r);
                i = j;
            }
            '}' => return Err(vm.value_error("Single '}' encountered in format string")),
            _ => {
                out.push(cps[i]);
                i += 1;
            }
        }
    }
    Ok(crate::types::str::PyStr::from_vec(out))
}

/// The number a numeric %-conversion formats (`mainformatlong`, `formatfloat`; bytes's
/// `formatlong`/`formatfloat` when `bytes`): an int as is; for d/i/u `int(v)` of another
/// number, for o/x/X its `__index__`; for the float codes `PyFloat_AsDouble`. A value
/// that is no number, or that refuses, raises CPython's TypeError for the code.
pub fn percent_number(vm: &mut Vm, ty: char, v: &Value, bytes: bool) -> PyResult<Value> {
    let tn = vm.type_name(v);
    if matches!(ty, 'f' | 'F' | 'e' | 'E' | 'g' | 'G') {
        return match crate::types::float::as_double(vm, v) {
            Ok(f) => Ok(Value::Float(f)),
            Err(e) if bytes && vm.err_matches(&e, &vm.types.type_error.clone()) => {
                Err(vm.type_error(format!("float argument required, not {tn}")))
            }
            Err(e) => Err(e),
        };
    }
    let integer = matches!(ty, 'o' | 'x' | 'X');
    let wrong = |vm: &mut Vm| {
        let what = if integer {
            "an integer"
        } else {
            "a real number"
        };
        vm.type_error(format!("%{ty} format: {what} is required, not {tn}"))
    };
    match v {
        Value::Int(_) | Value::Bool(_) => return Ok(v.clone()),
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => return Ok(v.clone()),
        _ => {}
    }
    // PyNumber_Check: a float, a complex, or a class with __index__/__int__/__float__.
    let number = match v {
        Value::Float(_) => true,
        Value::Obj(o) if matches!(o.payload, Payload::Float(_) | Payload::Complex(..)) => true,
        Value::Obj(o) if o.ty_is_heap() => {
            let t = o.ty.clone();
            ["__index__", "__int__", "__float__"]
                .iter()
                .any(|m| crate::object::protocol::heap_dunder(vm, &t, m).is_some())
        }
        _ => false,
    };
    if !number {
        return Err(wrong(vm));
    }
    let r = if integer {
        crate::types::range::index_big(vm, v, "").map(|b| crate::types::int::big_to_value(vm, b))
    } else {
        let int = vm.types.int.clone();
        crate::types::int::int_new(vm, &int, Args::positional(vec![v.clone()]))
    };
    match r {
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => Err(wrong(vm)),
        r => r,
    }
}

/// A `*` width or precision taken from the arguments: any int (PyLong_Check), as a
/// Py_ssize_t.
pub fn star_arg(vm: &mut Vm, w: &Value) -> PyResult<i64> {
    match w {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
            let b = crate::types::int::to_bigint(w);
            match b.and_then(|b| num_traits::ToPrimitive::to_i64(&b)) {
                Some(n) => Ok(n),
                None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
            }
        }
        _ => Err(vm.type_error("* wants int")),
    }
}

/// Append the code points of a str value (lone surrogates kept).
fn push_str_value(out: &mut Vec<u32>, v: &Value) {
    if let Some(s) = v.as_str() {
        out.extend(s.code_points());
    }
}

/// The format string's code points, and the same as chars for parsing (a lone surrogate
/// reads as U+FFFD there; the text copied to the output is the code points).
fn code_points_and_chars(fmt: &crate::types::str::PyStr) -> (Vec<u32>, Vec<char>) {
    let cps = fmt.to_vec();
    let c = cps
        .iter()
        .map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}'))
        .collect();
    (cps, c)
}

/// `fmt % args` (`PyUnicode_Format`). The result is built from code points, so lone
/// surrogates in the format and in the values are kept.
pub fn percent(
    vm: &mut Vm,
    fmt: &crate::types::str::PyStr,
    args: &Value,
) -> PyResult<crate::types::str::PyStr> {
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let mapping = matches!(args.payload(), Some(crate::object::Payload::Dict(_)));
    let mut out: Vec<u32> = Vec::new();
    let (cps, c) = code_points_and_chars(fmt);
    let mut i = 0;
    let mut k = 0;
    while i < c.len() {
        if c[i] != '%' {
            out.push(cps[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key_val = None;
        if c.get(i) == Some(&'(') {
            let end = c[i..]
                .iter()
                .position(|&x| x == ')')
                .map(|p| p + i)
                .unwrap_or(c.len());
            let key = crate::types::str::PyStr::from_vec(cps[(i + 1).min(end)..end].to_vec());
            // PyUnicode_Format takes a mapping only when the argument has __getitem__
            // and is not a tuple or str.
            let is_mapping = match args.payload() {
                Some(Payload::Tuple(_) | Payload::Str(_)) => false,
                Some(Payload::Dict(_)) => true,
                _ => {
                    let t = vm.type_of(args).clone();
                    crate::object::protocol::special_method(vm, &t, "__getitem__").is_some()
                }
            };
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let kv = vm.new_pystr(key);
            key_val = Some(crate::object::subscript::getitem(vm, args, &kv)?);
            i = end + 1;
        }
        let mut flags = String::new();
        while i < c.len() && "-+ #0123456789.*".contains(c[i]) {
            if c[i] == '*' {
                // `*` takes the width or precision from the arguments.
                let Some(w) = items.get(k).cloned() else {
                    return Err(vm.type_error("not enough arguments for format string"));
                };
                k += 1;
                let n = star_arg(vm, &w)?;
                if n < 0 && !flags.ends_with('.') {
                    flags.insert(0, '-');
                }
                flags.push_str(&n.abs().to_string());
            } else {
                flags.push(c[i]);
            }
            i += 1;
        }
        let Some(&ty) = c.get(i) else {
            return Err(vm.value_error("incomplete format"));
        };
        i += 1;
        if ty == '%' {
            out.push('%' as u32);
            continue;
        }
        let v = match key_val {
            Some(v) => v,
            None => {
                let v = if mapping && items.len() == 1 {
                    items[0].clone()
                } else {
                    match items.get(k) {
                        Some(v) => v.clone(),
                        None => return Err(vm.type_error("not enough arguments for format string")),
                    }
                };
                k += 1;
                v
            }
        };
        let (align_left, rest) = match flags.strip_prefix('-') {
            Some(r) => (true, r.to_string()),
            None => (false, flags.clone()),
        };
        let textual = matches!(ty, 's' | 'r' | 'a');
        let spec_str = format!(
            "{}{}",
            if align_left {
                "<"
            } else if textual {
                ">"
            } else {
                ""
            },
            rest
        );
        let s = match ty {
            // Without flags the conversion is the result (no format() round trip).
            's' if spec_str.is_empty() => {
                let s = vm.str_value(&v)?;
                push_str_value(&mut out, &s);
                continue;
            }
            'd' | 'i' | 'u' if spec_str.is_empty() && matches!(v, Value::Int(_)) => {
                if let Value::Int(n) = v {
                    out.extend(n.to_string().bytes().map(u32::from));
                }
                continue;
            }
            's' => {
                let s = vm.str_value(&v)?;
                let s = exact_str(vm, &s);
                format(vm, &s, &spec_str)?
            }
            'r' => {
                let s = vm.repr_value(&v)?;
                let s = exact_str(vm, &s);
                format(vm, &s, &spec_str)?
            }
            'a' => {
                let s = crate::builtins::attrs::ascii(vm, Args::positional(vec![v.clone()]))?;
                format(vm, &s, &spec_str)?
            }
            'd' | 'i' | 'u' => {
                let iv = percent_number(vm, ty, &v, false)?;
                format(vm, &iv, &format!("{spec_str}d"))?
            }
            'x' | 'X' | 'o' => {
                let iv = percent_number(vm, ty, &v, false)?;
                format(vm, &iv, &format!("{spec_str}{ty}"))?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = percent_number(vm, ty, &v, false)?;
                format(vm, &f, &format!("{spec_str}{ty}"))?
            }
            'c' => match v.as_str() {
                Some(s) if s.len() == 1 => {
                    // `%c` pads with spaces to the width; '0', '+' and a precision
                    // do nothing (as CPython).
                    let width: String = rest
                        .trim_start_matches(['+', ' ', '#', '0'])
                        .chars()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    let width = width.parse::<usize>().unwrap_or(0);
                    let pad = std::iter::repeat(' ' as u32).take(width.saturating_sub(1));
                    if !align_left {
                        out.extend(pad.clone());
                    }
                    out.push(s.get(0));
                    if align_left {
                        out.extend(pad);
                    }
                    continue;
                }
                Some(_) => return Err(vm.type_error("%c requires int or char")),
                None => {
                    // `formatchar`: PyLong_AsLongAndOverflow, so ints, bools, `__index__`.
                    let i = match crate::types::range::index_big(vm, &v, "%c requires int or char")
                    {
                        Ok(i) => i,
                        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
                            return Err(vm.type_error("%c requires int or char"))
                        }
                        Err(e) => return Err(e),
                    };
                    let i = num_traits::ToPrimitive::to_i64(&i);
                    let Some(i) = i.filter(|i| (0..0x110000).contains(i)) else {
                        return Err(vm.overflow_error("%c arg not in range(0x110000)"));
                    };
                    // Then as the one-character str (the same padding rules).
                    let one = vm.new_pystr(crate::types::str::PyStr::from_vec(vec![i as u32]));
                    let again = vm.new_tuple(vec![one]);
                    let f: String = format!("%{flags}c");
                    let f = crate::types::str::PyStr::from_string(f);
                    out.extend(percent(vm, &f, &again)?.code_points());
                    continue;
                }
            },
            _ => {
                // The character itself when printable ASCII, else '?'.
                let shown = if (' '..='~').contains(&ty) { ty } else { '?' };
                return Err(vm.value_error(format!(
                    "unsupported format character '{shown}' ({:#x}) at index {}",
                    cps[i - 1],
                    i - 1
                )));
            }
        };
        push_str_value(&mut out, &s);
    }
    // An argument left over is an error unless the argument is a mapping (anything with
    // `__getitem__` but a tuple or str: `PyUnicode_Format`'s `dict`), used or not.
    if k < items.len() && !mapping {
        let mapping_like = match args.payload() {
            Some(Payload::Tuple(_) | Payload::Str(_)) => false,
            _ => {
                let t = vm.type_of(args).clone();
                crate::object::protocol::special_method(vm, &t, "__getitem__").is_some()
            }
        };
        if !mapping_like {
            return Err(vm.type_error("not all arguments converted during string formatting"));
        }
    }
    Ok(crate::types::str::PyStr::from_vec(out))
}

/// A str value as an exact str (`str.__format__` of a subclass instance formats its
/// contents; `__str__`/`__repr__` may return a subclass).
fn exact_str(vm: &mut Vm, s: &Value) -> Value {
    match s.as_obj() {
        Some(o) if !o.ty.is(&vm.types.str) => {
            let v = s.as_str().map(|p| p.to_vec()).unwrap_or_default();
            vm.new_pystr(crate::types::str::PyStr::from_vec(v))
        }
        _ => s.clone(),
    }
}
