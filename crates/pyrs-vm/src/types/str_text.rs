//! More methods of `str` (CPython: `Objects/unicodeobject.c`): `casefold`, `expandtabs`,
//! `splitlines`, `removeprefix`/`removesuffix`, `translate`/`maketrans` and the `is*`
//! classification methods not in
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

// The character classes come from pyrs-text's Unicode database (CPython 3.11's,
// generated from the oracle by `scripts/gen_unicode_tables.py`).
pub use pyrs_text::ctype::{is_alpha, is_decimal, is_digit, is_numeric, is_space};

/// `str.casefold()` (CPython 3.11's full case folding; ASCII folds to lower case).
fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "casefold", 1, 1)?;
    let s = match args.pos.first().and_then(|v| v.as_str()) {
        Some(s) => s,
        None => return Err(vm.type_error("descriptor requires a 'str' object")),
    };
    if let Some(a) = s.as_ascii() {
        let t = a.to_ascii_lowercase();
        return Ok(vm.new_str(&t));
    }
    let t = pyrs_text::case::casefold(&s.to_vec());
    Ok(vm.new_pystr(PyStr::from_vec(t)))
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

fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, is_decimal)
}

fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, is_numeric)
}

/// `str.isprintable()` (`Py_UNICODE_ISPRINTABLE`, from the Unicode database).
fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(Value::Bool(
        s.into_iter().all(pyrs_text::ctype::is_printable),
    ))
}

/// `str.istitle()` (CPython's cased-ness tables; `pyrs_text::case::istitle`).
fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(Value::Bool(pyrs_text::case::istitle(&s)))
}

/// `str.isidentifier()`: XID_Start or `_`, then XID_Continue (Unicode 14, as CPython 3.11).
fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let ok = match s.split_first() {
        Some((&f, rest)) => {
            pyrs_text::ctype::is_id_start(f)
                && rest.iter().all(|&c| pyrs_text::ctype::is_id_continue(c))
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

/// `str.translate(table)`: `table[ord(c)]` maps to None (delete), an int or a str;
/// a LookupError keeps the character.
fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "translate", 2, 2)?;
    let s = this(vm, &args)?;
    let table = args.pos[1].clone();
    let mut out: Vec<u32> = Vec::with_capacity(s.len());
    let lookup = vm.types.lookup_error.clone();
    for c in s {
        match crate::object::subscript::getitem(vm, &table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => {
                if !(0..=0x10FFFF).contains(&i) {
                    return Err(vm.value_error("character mapping must be in range(0x110000)"));
                }
                out.push(i as u32)
            }
            Ok(v) => match v.as_str() {
                Some(r) => out.extend(r.code_points()),
                None => {
                    return Err(vm.type_error("character mapping must return integer, None or str"))
                }
            },
            Err(e) if vm.err_matches(&e, &lookup) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

/// `str.maketrans(x[, y[, z]])` (a static method: `args.pos[0]` is the class).
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = &args.pos[1.min(args.pos.len())..];
    let d = vm.new_dict_ref();
    let dv = Value::Obj(d.clone());
    match a.len() {
        1 => {
            let Some(crate::object::Payload::Dict(_)) = a[0].payload() else {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            for (k, v) in crate::types::dict::items(a[0].as_obj().unwrap_or(&d)) {
                let key =
                    match k.as_str() {
                        Some(s) if s.len() == 1 => Value::Int(s.get(0) as i64),
                        Some(_) => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                        None if matches!(k, Value::Int(_)) => k.clone(),
                        None => {
                            return Err(vm
                                .type_error("keys in translate table must be strings or integers"))
                        }
                    };
                crate::object::subscript::setitem(vm, &dv, &key, Some(v))?;
            }
        }
        2 | 3 => {
            let strs: Vec<Vec<u32>> = a
                .iter()
                .map(|v| v.as_str().map(|s| s.to_vec()))
                .collect::<Option<_>>()
                .ok_or_else(|| vm.type_error("maketrans() arguments must be str"))?;
            if strs[0].len() != strs[1].len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (x, y) in strs[0].iter().zip(&strs[1]) {
                crate::object::subscript::setitem(
                    vm,
                    &dv,
                    &Value::Int(*x as i64),
                    Some(Value::Int(*y as i64)),
                )?;
            }
            if let Some(z) = strs.get(2) {
                for x in z {
                    crate::object::subscript::setitem(
                        vm,
                        &dv,
                        &Value::Int(*x as i64),
                        Some(Value::None),
                    )?;
                }
            }
        }
        n => {
            return Err(vm.type_error(format!("maketrans() takes at least 1 argument ({n} given)")))
        }
    }
    Ok(dv)
}

/// Static methods of `str`, installed as class methods (the class argument is ignored).
pub const CLASSMETHODS: &[(&str, NativeFn)] = &[("maketrans", maketrans)];

pub const METHODS: &[(&str, NativeFn)] = &[
    ("translate", translate),
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
