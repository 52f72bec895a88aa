//! More methods of `str` (CPython: `Objects/unicodeobject.c`): `casefold`, `expandtabs`,
//! `splitlines`, `removeprefix`/`removesuffix` and the `is*` classification methods not in
//! `str_methods.rs`. Installed into `str` after `str_methods::METHODS`.

use crate::object::Value;
use crate::types::function::{Args, NativeFn};
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};

fn this(vm: &mut Vm, args: &Args) -> PyResult<Vec<u32>> {
    match args.pos.first().and_then(|v| v.as_str()) {
        Some(s) => Ok(s.to_vec()),
        None => Err(vm.type_error("descriptor requires a 'str' object")),
    }
}

fn arg(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<Vec<u32>> {
    args.check(vm, fname, 2, 2)?;
    match args.pos[1].as_str() {
        Some(s) => Ok(s.to_vec()),
        None => {
            let t = vm.type_name(&args.pos[1]);
            Err(vm.type_error(format!("{fname}() argument must be str, not {t}")))
        }
    }
}

fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "casefold", 1, 1)?;
    let s = this(vm, &args)?;
    let mut out = String::new();
    for c in s.into_iter().map(ch) {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Ok(vm.new_str(&out))
}

fn expandtabs(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let kw = args.take_kw("tabsize");
    if let Some(k) = kw {
        args.pos.push(k);
    }
    args.check(vm, "expandtabs", 1, 2)?;
    let s = this(vm, &args)?;
    let size = match args.pos.get(1) {
        Some(v) => vm.index_value(v, "'{}' object cannot be interpreted as an integer")?,
        None => 8,
    };
    let mut out = Vec::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s {
        match c {
            0x09 => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat(' ' as u32).take(n as usize));
                    col += n;
                }
            }
            0x0a | 0x0d => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

/// Line boundaries of `str.splitlines` (CPython's `Py_UNICODE_ISLINEBREAK`).
fn is_linebreak(c: u32) -> bool {
    matches!(c, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

fn splitlines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(k) = args.take_kw("keepends") {
        args.pos.push(k);
    }
    args.check(vm, "splitlines", 1, 2)?;
    let s = this(vm, &args)?;
    let keep = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut items = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let start = i;
        while i < s.len() && !is_linebreak(s[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < s.len() {
            if s[i] == 0x0d && i + 1 < s.len() && s[i + 1] == 0x0a {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        items.push(vm.new_pystr(PyStr::from_vec(s[start..eol].to_vec())));
    }
    Ok(vm.new_list(items))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = arg(vm, &args, "removeprefix")?;
    let s = this(vm, &args)?;
    let r = if s.starts_with(&p) {
        &s[p.len()..]
    } else {
        &s[..]
    };
    Ok(vm.new_pystr(PyStr::from_vec(r.to_vec())))
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = arg(vm, &args, "removesuffix")?;
    let s = this(vm, &args)?;
    let r = if !p.is_empty() && s.ends_with(&p) {
        &s[..s.len() - p.len()]
    } else {
        &s[..]
    };
    Ok(vm.new_pystr(PyStr::from_vec(r.to_vec())))
}

fn all_of(vm: &mut Vm, args: &Args, f: fn(u32) -> bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::Bool(!s.is_empty() && s.into_iter().all(f)))
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(Value::Bool(s.into_iter().all(|c| c < 128)))
}

/// Decimal digits (`Nd`): ASCII and the common Arabic-Indic, Devanagari and fullwidth
/// blocks (a close approximation until the Unicode database arrives).
fn is_decimal(c: u32) -> bool {
    matches!(c, 0x30..=0x39 | 0x660..=0x669 | 0x6f0..=0x6f9 | 0x966..=0x96f | 0xff10..=0xff19)
}

fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, is_decimal)
}

fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, |c| {
        char::from_u32(c).is_some_and(|c| c.is_numeric())
    })
}

fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(Value::Bool(s.into_iter().all(|c| {
        c == 0x20
            || char::from_u32(c).is_some_and(|ch| {
                !ch.is_control() && !ch.is_whitespace() && !(0xd800..0xe000).contains(&c)
            })
    })))
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let mut cased = false;
    let mut prev_cased = false;
    for ch in s.into_iter().map(ch) {
        if ch.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if ch.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let mut it = s.into_iter().map(ch);
    let ok = match it.next() {
        Some(f) => (f == '_' || f.is_alphabetic()) && it.all(|c| c == '_' || c.is_alphanumeric()),
        None => false,
    };
    Ok(Value::Bool(ok))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("casefold", casefold),
    ("expandtabs", expandtabs),
    ("splitlines", splitlines),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("isascii", isascii),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isprintable", isprintable),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
];
