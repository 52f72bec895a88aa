//! `bytes % args` and `bytearray % args`: printf-style formatting of bytes (PEP 461;
//! CPython: `_PyBytes_FormatEx` in `Objects/bytesobject.c`).
//!
//! `%s`/`%b` take a bytes-like object or one with `__bytes__`, `%r`/`%a` the object's
//! `ascii()`, `%c` an int in range(256) or a single byte; the numeric conversions format
//! exactly as `str % args` does (`builtins::format::percent`, one conversion at a time),
//! their ASCII result becoming bytes.

use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// `fmt % args` where `fmt` is bytes or a bytearray; the result has `fmt`'s type.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let is_bytearray = matches!(fmt.payload(), Some(Payload::ByteArray(_)));
    let f = crate::types::bytearray::bytes_like(fmt).unwrap_or_default();
    let out = format_bytes(vm, &f, args)?;
    Ok(if is_bytearray {
        crate::types::bytearray::new_bytearray(vm, out)
    } else {
        vm.new_bytes(out)
    })
}

/// The arguments of one `%` conversion: a tuple's items in order, or the one object.
struct ArgList<'a> {
    items: Vec<Value>,
    next: usize,
    /// `args` itself when it is a mapping (`%(key)s` looks keys up in it).
    mapping: Option<&'a Value>,
}

impl ArgList<'_> {
    fn take(&mut self, vm: &mut Vm) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok(v.clone())
            }
            None => Err(vm.type_error("not enough arguments for format string")),
        }
    }
}

fn format_bytes(vm: &mut Vm, f: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    // A mapping is any object with `__getitem__` other than a tuple, bytes, bytearray or
    // str (`PyMapping_Check` and the exclusions of `_PyBytes_FormatEx`).
    let mapping = match args.payload() {
        Some(Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_) | Payload::Str(_)) => {
            false
        }
        Some(Payload::Dict(_)) => true,
        _ => {
            let t = vm.type_of(args).clone();
            crate::object::protocol::special_method(vm, &t, "__getitem__").is_some()
        }
    };
    let mut al = ArgList {
        items: match args.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![args.clone()],
        },
        next: 0,
        mapping: mapping.then_some(args),
    };
    let mut out = Vec::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            let j = f[i..]
                .iter()
                .position(|&c| c == b'%')
                .map_or(f.len(), |p| p + i);
            out.extend_from_slice(&f[i..j]);
            i = j;
            continue;
        }
        i += 1;
        let mut keyed = None;
        if f.get(i) == Some(&b'(') {
            let Some(m) = al.mapping else {
                return Err(vm.type_error("format requires a mapping"));
            };
            // Nested parentheses count, as in CPython.
            let (mut depth, start) = (1, i + 1);
            i += 1;
            while i < f.len() && depth > 0 {
                match f[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key = vm.new_bytes(f[start..i - 1].to_vec());
            keyed = Some(crate::object::subscript::getitem(vm, m, &key)?);
        }
        let take = |vm: &mut Vm, al: &mut ArgList, keyed: &mut Option<Value>| match keyed.take() {
            Some(v) => Ok(v),
            None => al.take(vm),
        };
        // Flags, width and precision: kept as text for the numeric conversions.
        let mut flags = String::new();
        while i < f.len() && b"-+ #0".contains(&f[i]) {
            flags.push(f[i] as char);
            i += 1;
        }
        let left = flags.contains('-');
        let mut width: Option<i64> = None;
        if f.get(i) == Some(&b'*') {
            i += 1;
            let w = al.take(vm)?;
            width = Some(crate::builtins::format::star_arg(vm, &w)?);
        } else {
            let s = i;
            while i < f.len() && f[i].is_ascii_digit() {
                i += 1;
            }
            if i > s {
                width = Some(digits(vm, &f[s..i])?);
            }
        }
        let mut prec: Option<i64> = None;
        if f.get(i) == Some(&b'.') {
            i += 1;
            if f.get(i) == Some(&b'*') {
                i += 1;
                let p = al.take(vm)?;
                prec = Some(crate::builtins::format::star_arg(vm, &p)?.max(0));
            } else {
                let s = i;
                while i < f.len() && f[i].is_ascii_digit() {
                    i += 1;
                }
                prec = Some(digits(vm, &f[s..i])?);
            }
        }
        // Length modifiers are accepted and ignored, as in C.
        while i < f.len() && b"hlL".contains(&f[i]) {
            i += 1;
        }
        let Some(&conv) = f.get(i) else {
            return Err(vm.value_error("incomplete format"));
        };
        i += 1;
        if conv == b'%' {
            out.push(b'%');
            continue;
        }
        // A negative `*` width means left alignment.
        let (left, width) = match width {
            Some(w) if w < 0 => (true, Some(w.unsigned_abs() as usize)),
            w => (left, w.map(|w| w as usize)),
        };
        let body: Vec<u8> = match conv {
            b's' | b'b' => {
                let v = take(vm, &mut al, &mut keyed)?;
                let mut b = bytes_of(vm, &v)?;
                if let Some(p) = prec {
                    b.truncate(p as usize);
                }
                b
            }
            b'r' | b'a' => {
                let v = take(vm, &mut al, &mut keyed)?;
                let s = crate::builtins::attrs::ascii(vm, Args::positional(vec![v]))?;
                let mut b = s
                    .as_str()
                    .map(|s| s.as_rust().into_owned().into_bytes())
                    .unwrap_or_default();
                if let Some(p) = prec {
                    b.truncate(p as usize);
                }
                b
            }
            b'c' => {
                let v = take(vm, &mut al, &mut keyed)?;
                vec![byte_of(vm, &v)?]
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let v = take(vm, &mut al, &mut keyed)?;
                // bytes's `formatlong` names %i as %d in its messages.
                let named = if conv == b'i' { 'd' } else { conv as char };
                let v = crate::builtins::format::percent_number(vm, named, &v, true)?;
                // One conversion through str's `%`: same digits, signs, prefixes and
                // errors. Width is applied here, after, like the other conversions.
                let mut spec = String::from("%");
                spec.push_str(&flags.replace('-', ""));
                if let Some(w) = width {
                    if flags.contains('0') && !left {
                        spec.push_str(&w.to_string());
                    }
                }
                if let Some(p) = prec {
                    spec.push('.');
                    spec.push_str(&p.to_string());
                }
                spec.push(conv as char);
                let one = vm.new_tuple(vec![v]);
                let spec = crate::types::str::PyStr::from_string(spec);
                let r = crate::builtins::format::percent(vm, &spec, &one)?;
                r.as_rust().into_owned().into_bytes()
            }
            _ => {
                let shown = if (0x20..0x7f).contains(&conv) {
                    (conv as char).to_string()
                } else {
                    "?".to_string()
                };
                return Err(vm.value_error(format!(
                    "unsupported format character '{shown}' ({conv:#x}) at index {}",
                    i - 1
                )));
            }
        };
        let pad = width.map_or(0, |w| w.saturating_sub(body.len()));
        if out.try_reserve(body.len().saturating_add(pad)).is_err() {
            return Err(no_memory(vm));
        }
        if left {
            out.extend_from_slice(&body);
            out.extend(std::iter::repeat(b' ').take(pad));
        } else {
            out.extend(std::iter::repeat(b' ').take(pad));
            out.extend_from_slice(&body);
        }
    }
    // Leftover arguments are an error unless the argument is a mapping.
    if al.mapping.is_none() && al.next < al.items.len() {
        return Err(vm.type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}

/// A width or precision written in the format; CPython's errors past `Py_ssize_t`.
fn digits(vm: &mut Vm, d: &[u8]) -> PyResult<i64> {
    let mut n: i64 = 0;
    for &c in d {
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add((c - b'0') as i64))
        {
            Some(n) => n,
            None => return Err(vm.value_error("width too big")),
        };
    }
    Ok(n)
}

/// `%s`/`%b`: the bytes of a bytes-like object or of `__bytes__()`.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::types::bytearray::bytes_like(v) {
        return Ok(b);
    }
    let ty = vm.type_of(v).clone();
    if let Some(f) = crate::object::protocol::heap_dunder(vm, &ty, "__bytes__") {
        let r = crate::object::protocol::call_dunder(vm, f, v, vec![])?;
        return match r.payload() {
            Some(Payload::Bytes(b)) => Ok(b.to_vec()),
            _ => {
                let tn = vm.type_name(&r);
                Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")))
            }
        };
    }
    let tn = vm.type_name(v);
    // CPython names `%b` whichever of `%s`/`%b` was used.
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
    )))
}

/// `%c`: an int in range(256) or a bytes/bytearray of length 1.
fn byte_of(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    if let Some(Payload::Bytes(_) | Payload::ByteArray(_)) = v.payload() {
        if let Some(b) = crate::types::bytearray::bytes_like(v) {
            if b.len() == 1 {
                return Ok(b[0]);
            }
        }
        return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
    }
    // `byte_converter`: PyLong_AsLongAndOverflow (ints, `__index__`); a TypeError it
    // raises becomes this one.
    let msg = "%c requires an integer in range(256) or a single byte";
    let i = match crate::types::range::index_big(vm, v, msg) {
        Ok(i) => i,
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            return Err(vm.type_error(msg))
        }
        Err(e) => return Err(e),
    };
    match u8::try_from(&i) {
        Ok(b) => Ok(b),
        Err(_) => Err(vm.overflow_error("%c arg not in range(256)")),
    }
}

/// `PyErr_NoMemory`: a MemoryError without arguments (a width too large to allocate).
pub(crate) fn no_memory(vm: &mut Vm) -> crate::vm::PyErr {
    let t = vm.types.memory_error.clone();
    crate::vm::PyErr(crate::types::exceptions::new_exception(vm, &t, vec![]))
}
