//! The text-like methods of `bytes` (CPython: `Objects/bytes_methods.c`,
//! `Objects/bytesobject.c`): case, split/join, strip, find/count/replace, predicates,
//! `fromhex`. Installed into `bytes` after `bytes::METHODS`. ASCII semantics throughout.

use crate::object::{Payload, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

fn this(vm: &mut Vm, args: &Args) -> PyResult<Vec<u8>> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        _ => Err(vm.type_error("descriptor requires a 'bytes' object")),
    }
}

/// A bytes-like argument (bytes or an int 0..256 where `int_ok`).
fn arg_bytes(vm: &mut Vm, v: &Value, int_ok: bool) -> PyResult<Vec<u8>> {
    match (v.payload(), v) {
        (Some(Payload::Bytes(b)), _) => Ok(b.to_vec()),
        (_, Value::Int(i)) if int_ok => {
            if (0..256).contains(i) {
                Ok(vec![*i as u8])
            } else {
                Err(vm.value_error("byte must be in range(0, 256)"))
            }
        }
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn out(vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
    Ok(vm.new_bytes(b))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?.to_ascii_uppercase();
    out(vm, b)
}
fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?.to_ascii_lowercase();
    out(vm, b)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn find_sub(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return (from <= h.len()).then_some(from);
    }
    (from..=h.len().saturating_sub(n.len()))
        .find(|&i| h.len() >= n.len() && &h[i..i + n.len()] == n)
}

fn split(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep");
    let maxsplit = args.take_kw("maxsplit");
    args.check(vm, "split", 1, 3)?;
    let b = this(vm, &args)?;
    let sep = sep
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    let max = match maxsplit.or_else(|| args.pos.get(2).cloned()) {
        Some(v) => vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?,
        None => -1,
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    if matches!(sep, Value::None) {
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            if max >= 0 && parts.len() as i64 == max {
                let mut end = b.len();
                while end > i && is_space(b[end - 1]) {
                    end -= 1;
                }
                parts.push(b[i..end].to_vec());
                break;
            }
            let st = i;
            while i < b.len() && !is_space(b[i]) {
                i += 1;
            }
            parts.push(b[st..i].to_vec());
        }
    } else {
        let s = arg_bytes(vm, &sep, false)?;
        if s.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        let mut st = 0;
        while let Some(p) = find_sub(&b, &s, st) {
            if max >= 0 && parts.len() as i64 == max {
                break;
            }
            parts.push(b[st..p].to_vec());
            st = p + s.len();
        }
        parts.push(b[st..].to_vec());
    }
    let items = parts.into_iter().map(|p| vm.new_bytes(p)).collect();
    Ok(vm.new_list(items))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "join", 2, 2)?;
    let sep = this(vm, &args)?;
    let items = vm.collect(&args.pos[1])?;
    let mut r = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(Payload::Bytes(x)) = it.payload() else {
            let t = vm.type_name(it);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {t} found"
            )));
        };
        if i > 0 {
            r.extend_from_slice(&sep);
        }
        r.extend_from_slice(x);
    }
    out(vm, r)
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool) -> PyResult<Value> {
    args.check(vm, "strip", 1, 2)?;
    let b = this(vm, &args)?;
    let chars = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_bytes(vm, v, false)?),
    };
    let strip = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let (mut a, mut z) = (0, b.len());
    while left && a < z && strip(b[a]) {
        a += 1;
    }
    while right && z > a && strip(b[z - 1]) {
        z -= 1;
    }
    out(vm, b[a..z].to_vec())
}
fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

/// The haystack window `[start:end]` of find/count/index (slice-style bounds).
fn window(vm: &mut Vm, args: &Args, len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let mut get = |i: usize, d: i64| -> PyResult<i64> {
        match args.pos.get(i) {
            None | Some(Value::None) => Ok(d),
            Some(v) => {
                let x = vm.index_value(
                    v,
                    "slice indices must be integers or None or have an __index__ method",
                )?;
                Ok(if x < 0 { (x + n).max(0) } else { x.min(n) })
            }
        }
    };
    let a = get(2, 0)?;
    let b = get(3, n)?;
    Ok((a as usize, b.max(a) as usize))
}

fn find_impl(vm: &mut Vm, args: &Args, rev: bool) -> PyResult<i64> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("find() takes at least 1 argument (0 given)"));
    }
    let b = this(vm, args)?;
    let n = arg_bytes(vm, &args.pos[1], true)?;
    let (a, z) = window(vm, args, b.len())?;
    if z - a < n.len() {
        return Ok(-1);
    }
    let hay = &b[a..z];
    let r = if rev {
        (0..=hay.len() - n.len())
            .rev()
            .find(|&i| &hay[i..i + n.len()] == &n[..])
    } else {
        find_sub(hay, &n, 0)
    };
    Ok(r.map_or(-1, |i| (i + a) as i64))
}
fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, false)?))
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, true)?))
}
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, false)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}
fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, true)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("count() takes at least 1 argument (0 given)"));
    }
    let b = this(vm, &args)?;
    let n = arg_bytes(vm, &args.pos[1], true)?;
    let (a, z) = window(vm, &args, b.len())?;
    let hay = &b[a..z];
    if n.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut c, mut i) = (0, 0);
    while let Some(p) = find_sub(hay, &n, i) {
        c += 1;
        i = p + n.len();
    }
    Ok(Value::Int(c))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "replace", 3, 4)?;
    let b = this(vm, &args)?;
    let old = arg_bytes(vm, &args.pos[1], false)?;
    let new = arg_bytes(vm, &args.pos[2], false)?;
    let mut max = match args.pos.get(3) {
        Some(v) => vm.index_value(v, "'{}' object cannot be interpreted as an integer")?,
        None => -1,
    };
    let mut r = Vec::new();
    let mut i = 0;
    if old.is_empty() {
        for (k, c) in b.iter().enumerate() {
            if max != 0 {
                r.extend_from_slice(&new);
                max -= 1;
            }
            r.push(*c);
            i = k + 1;
        }
        if max != 0 {
            r.extend_from_slice(&new);
        }
        let _ = i;
        return out(vm, r);
    }
    while max != 0 {
        let Some(p) = find_sub(&b, &old, i) else {
            break;
        };
        r.extend_from_slice(&b[i..p]);
        r.extend_from_slice(&new);
        i = p + old.len();
        max -= 1;
    }
    r.extend_from_slice(&b[i..]);
    out(vm, r)
}

fn affix(vm: &mut Vm, args: Args, end: bool) -> PyResult<Value> {
    let b = this(vm, &args)?;
    let Some(p) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("startswith() takes at least 1 argument (0 given)"));
    };
    let (a, z) = window(vm, &args, b.len())?;
    let cands = match p.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![p],
    };
    for c in cands {
        let n = match c.payload() {
            Some(Payload::Bytes(n)) => n.to_vec(),
            _ => {
                let what = if end { "endswith" } else { "startswith" };
                let t = vm.type_name(&c);
                return Err(vm.type_error(format!(
                    "{what} first arg must be bytes or a tuple of bytes, not {t}"
                )));
            }
        };
        let hay = &b[a..z];
        if hay.len() >= n.len()
            && (if end {
                hay.ends_with(&n)
            } else {
                hay.starts_with(&n)
            })
        {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, false)
}
fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, true)
}

fn all_of(vm: &mut Vm, args: &Args, f: fn(&u8) -> bool) -> PyResult<Value> {
    let b = this(vm, args)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(f)))
}
fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, u8::is_ascii_alphabetic)
}
fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, u8::is_ascii_digit)
}
fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, u8::is_ascii_alphanumeric)
}
fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_of(vm, &args, |c| is_space(*c))
}
fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?;
    Ok(Value::Bool(
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase),
    ))
}
fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?;
    Ok(Value::Bool(
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase),
    ))
}

/// `bytes.fromhex(string)`: pairs of hex digits, whitespace between pairs.
fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "fromhex", 2, 2)?;
    let Some(s) = args.pos[1].as_str().map(|s| s.to_vec()) else {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {t}")));
    };
    let mut r = Vec::new();
    let mut i = 0;
    let digit = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    while i < s.len() {
        if char::from_u32(s[i]).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
            continue;
        }
        let (Some(h), Some(l)) = (digit(s[i]), s.get(i + 1).and_then(|&c| digit(c))) else {
            let pos = if digit(s[i]).is_some() { i + 1 } else { i };
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {pos}"
            )));
        };
        r.push((h * 16 + l) as u8);
        i += 2;
    }
    let v = vm.new_bytes(r);
    let cls = args.pos[0].clone();
    if matches!(&cls, Value::Obj(c) if c.is(&vm.types.bytes)) {
        Ok(v)
    } else {
        crate::eval::call::call(vm, &cls, Args::positional(vec![v]))
    }
}

/// Class methods of `bytes`.
pub const CLASSMETHODS: &[(&str, NativeFn)] = &[("fromhex", fromhex)];

pub const METHODS: &[(&str, NativeFn)] = &[
    ("upper", upper),
    ("lower", lower),
    ("split", split),
    ("join", join),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("replace", replace),
    ("startswith", startswith),
    ("endswith", endswith),
    ("isalpha", isalpha),
    ("isdigit", isdigit),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
];
