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

/// Bytes-like arguments (bytes, bytearray, memoryview) are accepted where bytes are.
fn any_bytes(v: &Value) -> Option<Vec<u8>> {
    crate::types::bytearray::bytes_like(v)
}

/// A bytes-like argument (bytes or an int 0..256 where `int_ok`).
fn arg_bytes(vm: &mut Vm, v: &Value, int_ok: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = any_bytes(v) {
        return Ok(b);
    }
    match (v.payload(), v) {
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

/// The arguments of `split`/`rsplit` (`self, sep=None, maxsplit=-1`): the bytes, the
/// separator (None: runs of whitespace) and the split limit (-1: none).
fn split_args(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<(Vec<u8>, Value, i64)> {
    let sep = args.take_kw("sep");
    let maxsplit = args.take_kw("maxsplit");
    args.check(vm, name, 1, 3)?;
    let b = this(vm, args)?;
    let sep = sep
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    let max = match maxsplit.or_else(|| args.pos.get(2).cloned()) {
        Some(v) => vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?,
        None => -1,
    };
    Ok((b, sep, max))
}

fn split(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (b, sep, max) = split_args(vm, &mut args, "split")?;
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
                // The rest as it is (trailing whitespace kept, as CPython).
                parts.push(b[i..].to_vec());
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
        let Some(x) = any_bytes(it) else {
            let t = vm.type_name(it);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {t} found"
            )));
        };
        if i > 0 {
            r.extend_from_slice(&sep);
        }
        r.extend_from_slice(&x);
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
        let n = match any_bytes(&c) {
            Some(n) => n,
            None => {
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
/// `bytes.istitle()` (`_Py_bytes_istitle`): ASCII upper case letters only after uncased
/// bytes, lower case only after cased ones, and at least one cased byte.
fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?;
    let (mut cased, mut prev_cased) = (false, false);
    for &c in b.iter() {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            (prev_cased, cased) = (true, true);
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            (prev_cased, cased) = (true, true);
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
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
fn fill_arg(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<(usize, u8)> {
    args.check(vm, fname, 2, 3)?;
    let w = vm.index_value(
        &args.pos[1],
        "'{}' object cannot be interpreted as an integer",
    )?;
    let fill = match args.pos.get(2) {
        None => b' ',
        Some(v) => match any_bytes(v) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "{fname}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    Ok((w.max(0) as usize, fill))
}

/// `center`/`ljust`/`rjust` (`pad`: 0 center, 1 left-justify, 2 right-justify).
fn pad(vm: &mut Vm, args: Args, fname: &str, how: u8) -> PyResult<Value> {
    let b = this(vm, &args)?;
    let (w, fill) = fill_arg(vm, &args, fname)?;
    if w <= b.len() {
        return out(vm, b);
    }
    let total = w - b.len();
    let left = match how {
        // CPython's centering puts the odd byte on the left when the width is odd.
        0 => total / 2 + (total & w & 1),
        1 => 0,
        _ => total,
    };
    let mut r = vec![fill; left];
    r.extend_from_slice(&b);
    r.resize(w, fill);
    out(vm, r)
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "center", 0)
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", 1)
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", 2)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "zfill", 2, 2)?;
    let b = this(vm, &args)?;
    let w = vm.index_value(
        &args.pos[1],
        "'{}' object cannot be interpreted as an integer",
    )?;
    let w = w.max(0) as usize;
    if w <= b.len() {
        return out(vm, b);
    }
    let (sign, rest) = match b.first() {
        Some(&c) if c == b'+' || c == b'-' => (vec![c], b[1..].to_vec()),
        _ => (vec![], b.clone()),
    };
    let mut r = sign;
    r.extend(std::iter::repeat(b'0').take(w - b.len()));
    r.extend(rest);
    out(vm, r)
}

fn partition_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    args.check(vm, if right { "rpartition" } else { "partition" }, 2, 2)?;
    let b = this(vm, &args)?;
    let sep = arg_bytes(vm, &args.pos[1], false)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if right {
        (0..=b.len().saturating_sub(sep.len()))
            .rev()
            .find(|&i| b.len() >= sep.len() && b[i..i + sep.len()] == sep[..])
    } else {
        find_sub(&b, &sep, 0)
    };
    let parts = match found {
        Some(i) => vec![b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()],
        None if right => vec![vec![], vec![], b],
        None => vec![b, vec![], vec![]],
    };
    let items = parts.into_iter().map(|p| vm.new_bytes(p)).collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "removeprefix", 2, 2)?;
    let b = this(vm, &args)?;
    let p = arg_bytes(vm, &args.pos[1], false)?;
    let r = b.strip_prefix(&p[..]).map(|r| r.to_vec()).unwrap_or(b);
    out(vm, r)
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "removesuffix", 2, 2)?;
    let b = this(vm, &args)?;
    let p = arg_bytes(vm, &args.pos[1], false)?;
    let r = if p.is_empty() {
        b
    } else {
        b.strip_suffix(&p[..]).map(|r| r.to_vec()).unwrap_or(b)
    };
    out(vm, r)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.is_ascii()))
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?;
    let r = b
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    out(vm, r)
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?;
    let r = b
        .iter()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    out(vm, r)
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args)?;
    let mut prev_cased = false;
    let r = b
        .iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect();
    out(vm, r)
}

fn splitlines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let keep = args
        .take_kw("keepends")
        .or_else(|| args.pos.get(1).cloned());
    let keep = match keep {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let b = this(vm, &args)?;
    let mut parts = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol > 0 {
            let end = if keep { i + eol } else { i };
            parts.push(b[start..end].to_vec());
            i += eol;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        parts.push(b[start..].to_vec());
    }
    let items = parts.into_iter().map(|p| vm.new_bytes(p)).collect();
    Ok(vm.new_list(items))
}

/// `rsplit(sep=None, maxsplit=-1)`: `split` from the right end.
fn rsplit(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (b, sep, max) = split_args(vm, &mut args, "rsplit")?;
    // Parts collected last first, reversed at the end.
    let mut parts: Vec<Vec<u8>> = Vec::new();
    if matches!(sep, Value::None) {
        let mut i = b.len();
        while i > 0 {
            while i > 0 && is_space(b[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if max >= 0 && parts.len() as i64 == max {
                // The rest as it is (leading whitespace kept, as CPython).
                parts.push(b[..i].to_vec());
                break;
            }
            let end = i;
            while i > 0 && !is_space(b[i - 1]) {
                i -= 1;
            }
            parts.push(b[i..end].to_vec());
        }
    } else {
        let s = arg_bytes(vm, &sep, false)?;
        if s.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        let mut end = b.len();
        while max < 0 || (parts.len() as i64) < max {
            let Some(p) = (0..=end.saturating_sub(s.len()))
                .rev()
                .find(|&p| end >= s.len() && b[p..p + s.len()] == s[..])
            else {
                break;
            };
            parts.push(b[p + s.len()..end].to_vec());
            end = p;
        }
        parts.push(b[..end].to_vec());
    }
    parts.reverse();
    let items = parts.into_iter().map(|p| vm.new_bytes(p)).collect();
    Ok(vm.new_list(items))
}

/// `expandtabs(tabsize=8)`: each tab to spaces up to the next multiple of `tabsize`
/// (the column restarts after `\n` and `\r`).
fn expandtabs(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let kw = args.take_kw("tabsize");
    args.check(vm, "expandtabs", 1, 2)?;
    let b = this(vm, &args)?;
    let size = match kw.or_else(|| args.pos.get(1).cloned()) {
        Some(v) => vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?,
        None => 8,
    };
    let mut o = Vec::with_capacity(b.len());
    let mut col: i64 = 0;
    for &c in &b {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    if o.try_reserve(n as usize).is_err() {
                        return Err(crate::types::bytes_format::no_memory(vm));
                    }
                    o.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                o.push(c);
                col = 0;
            }
            _ => {
                o.push(c);
                col += 1;
            }
        }
    }
    out(vm, o)
}

/// `bytes.maketrans(frm, to)` (a static method, called with the class first as
/// `str.maketrans`): the 256-byte table mapping each byte of `frm` to the one of `to`.
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {n}")));
    }
    let frm = arg_bytes(vm, &args.pos[1], false)?;
    let to = arg_bytes(vm, &args.pos[2], false)?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    out(vm, table)
}

/// `translate(table, /, delete=b'')`: bytes in `delete` removed, the others mapped through
/// the 256-byte `table` (None: kept).
fn translate(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let del_kw = args.take_kw("delete");
    args.no_kw(vm, "translate")?;
    if args.pos.len() < 2 {
        return Err(vm.type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    args.check(vm, "translate", 2, 3)?;
    let b = this(vm, &args)?;
    let table = match &args.pos[1] {
        Value::None => None,
        t => {
            let t = arg_bytes(vm, t, false)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match del_kw.or_else(|| args.pos.get(2).cloned()) {
        Some(d) => arg_bytes(vm, &d, false)?,
        None => Vec::new(),
    };
    let mut gone = [false; 256];
    for d in delete {
        gone[d as usize] = true;
    }
    let o = b
        .iter()
        .filter(|c| !gone[**c as usize])
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    out(vm, o)
}

pub const CLASSMETHODS: &[(&str, NativeFn)] = &[("fromhex", fromhex), ("maketrans", maketrans)];

pub const METHODS: &[(&str, NativeFn)] = &[
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("isascii", isascii),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("title", title),
    ("splitlines", splitlines),
    ("rsplit", rsplit),
    ("expandtabs", expandtabs),
    ("translate", translate),
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
    ("istitle", istitle),
];
