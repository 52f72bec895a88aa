//! The methods of `str` (CPython: `Objects/unicodeobject.c`), the `str()` constructor and
//! `%`-formatting. Methods that are easier on Rust text convert (lone surrogates, rare,
//! become U+FFFD there); indexing-style methods work on code points.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::str::{PyStr, Units};
use crate::vm::{PyResult, Vm};

/// A one-character str (cached for Latin-1 in CPython; allocated here).
pub fn char_value(vm: &mut Vm, c: u32) -> Value {
    if c < 128 {
        let s = [c as u8];
        let t = std::str::from_utf8(&s).unwrap_or("");
        return Value::Obj(vm.intern(t));
    }
    vm.new_pystr(PyStr::from_vec(vec![c]))
}

pub fn str_new(vm: &mut Vm, cls: &PyRef, mut args: Args) -> PyResult<Value> {
    let has_codec = args.pos.len() > 1 || !args.kw.is_empty();
    let v = match args.pos.first().cloned() {
        None if !has_codec => vm.new_str(""),
        None => return Err(vm.type_error("str() argument 'object' must be given")),
        Some(x) => {
            if has_codec {
                if let Some(Payload::Bytes(b)) = x.payload() {
                    let (enc, errors) = crate::types::codecs::codec_args(vm, &mut args, "str")?;
                    crate::types::codecs::decode(vm, b, &enc, &errors)?
                } else {
                    return Err(vm.type_error("decoding str is not supported"));
                }
            } else {
                vm.str_value(&x)?
            }
        }
    };
    if cls.is(&vm.types.str) {
        return Ok(v);
    }
    let s = v
        .as_str()
        .map(|s| PyStr::from_vec(s.to_vec()))
        .unwrap_or_else(|| PyStr::from_str(""));
    Ok(Value::Obj(vm.alloc_instance(cls, Payload::Str(s))))
}

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a PyStr> {
    match args.pos.first().and_then(|v| v.as_str()) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a 'str' object")),
    }
}

fn arg_str<'a>(vm: &mut Vm, args: &'a Args, i: usize, what: &str) -> PyResult<&'a PyStr> {
    match args.pos.get(i).and_then(|v| v.as_str()) {
        Some(s) => Ok(s),
        None => {
            let t = args.pos.get(i).map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(format!("{what} arg must be None or str, not {t}")))
        }
    }
}

fn text(vm: &mut Vm, args: &Args) -> PyResult<String> {
    Ok(this(vm, args)?.as_rust().into_owned())
}

/// Applies one of pyrs-text's case conversions (CPython 3.11's tables and rules: full
/// mappings, final sigma, lone surrogates unchanged) to the `str` argument; ASCII text is
/// converted in place of a byte string, without reading the tables.
fn case_map(
    vm: &mut Vm,
    args: &Args,
    ascii: fn(&str) -> String,
    full: fn(&[u32]) -> Vec<u32>,
) -> PyResult<Value> {
    let s = this(vm, args)?;
    if let Some(a) = s.as_ascii() {
        let t = ascii(a);
        return Ok(vm.new_pystr(PyStr::from_string(t)));
    }
    let t = full(&s.to_vec());
    Ok(vm.new_pystr(PyStr::from_vec(t)))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, str::to_ascii_uppercase, pyrs_text::case::upper)
}
fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, str::to_ascii_lowercase, pyrs_text::case::lower)
}
fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ascii = |a: &str| {
        a.chars()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    };
    case_map(vm, &args, ascii, pyrs_text::case::swapcase)
}
fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ascii = |a: &str| {
        let mut t = a.to_ascii_lowercase();
        if let Some(f) = t.get_mut(..1) {
            f.make_ascii_uppercase();
        }
        t
    };
    case_map(vm, &args, ascii, pyrs_text::case::capitalize)
}
fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ascii = |a: &str| {
        let mut prev_cased = false;
        a.chars()
            .map(|c| {
                let t = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                t
            })
            .collect()
    };
    case_map(vm, &args, ascii, pyrs_text::case::title)
}

fn strip_chars(vm: &mut Vm, args: &Args) -> PyResult<Option<Vec<u32>>> {
    match args.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(_) => Ok(Some(arg_str(vm, args, 1, "strip")?.to_vec())),
    }
}

fn is_py_space(c: u32) -> bool {
    // Latin-1 (every byte of a one-byte str) without the Unicode lookup.
    if c < 0x100 {
        return matches!(c, 0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0);
    }
    char::from_u32(c).is_some_and(|c| c.is_whitespace())
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool) -> PyResult<Value> {
    let chars = strip_chars(vm, &args)?;
    let s = this(vm, &args)?;
    let is_strip = |c: u32| match &chars {
        Some(set) => set.contains(&c),
        None => is_py_space(c),
    };
    let mut a = 0;
    let mut b = s.len();
    if left {
        while a < b && is_strip(s.get(a)) {
            a += 1;
        }
    }
    if right {
        while b > a && is_strip(s.get(b - 1)) {
            b -= 1;
        }
    }
    let r = s.slice(a, b, 1);
    Ok(vm.new_pystr(r))
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

fn split_impl(vm: &mut Vm, mut args: Args, right: bool) -> PyResult<Value> {
    let sep_kw = args.take_kw("sep");
    let max_kw = args.take_kw("maxsplit");
    let s = this(vm, &args)?;
    let sep = args.pos.get(1).cloned().or(sep_kw).unwrap_or(Value::None);
    let maxsplit = match args.pos.get(2).cloned().or(max_kw) {
        Some(m) => vm.index_value(&m, "'{}' object cannot be interpreted as an integer")?,
        None => -1,
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let sep = match &sep {
        Value::None => None,
        _ => {
            let Some(sp) = sep.as_str() else {
                return Err(
                    vm.type_error(format!("must be str or None, not {}", vm.type_name(&sep)))
                );
            };
            if sp.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(sp)
        }
    };
    let ranges = match s.units() {
        Units::L1(u) => split_ranges(u, sep, max, right),
        Units::U2(u) => split_ranges(u, sep, max, right),
        Units::U4(u) => split_ranges(u, sep, max, right),
    };
    let items = ranges
        .into_iter()
        .map(|(a, b)| vm.new_pystr(s.slice(a, b, 1)))
        .collect();
    Ok(vm.new_list(items))
}

/// The `[start, end)` ranges of `s.split(sep, max)` / `s.rsplit(sep, max)` (CPython:
/// `Objects/stringlib/split.h`; rsplit scans from the right, which matters for
/// overlapping separators and for what the unsplit remainder keeps).
fn split_ranges<T: Copy + PartialEq + Into<u32> + TryFrom<u32>>(
    s: &[T],
    sep: Option<&PyStr>,
    mut max: usize,
    right: bool,
) -> Vec<(usize, usize)> {
    let len = s.len();
    let space = |c: T| is_py_space(c.into());
    let mut out = Vec::new();
    let Some(sep) = sep else {
        if !right {
            let mut i = 0;
            while max > 0 {
                max -= 1;
                while i < len && space(s[i]) {
                    i += 1;
                }
                if i == len {
                    break;
                }
                let j = i;
                while i < len && !space(s[i]) {
                    i += 1;
                }
                out.push((j, i));
            }
            while i < len && space(s[i]) {
                i += 1;
            }
            if i < len {
                out.push((i, len));
            }
        } else {
            // `i` is one past the next index to look at.
            let mut i = len;
            while max > 0 {
                max -= 1;
                while i > 0 && space(s[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                let j = i;
                while i > 0 && !space(s[i - 1]) {
                    i -= 1;
                }
                out.push((i, j));
            }
            while i > 0 && space(s[i - 1]) {
                i -= 1;
            }
            if i > 0 {
                out.push((0, i));
            }
            out.reverse();
        }
        return out;
    };
    // The separator at this string's width; one that does not fit cannot occur.
    let sep: Option<Vec<T>> = sep.code_points().map(|c| T::try_from(c).ok()).collect();
    let Some(sep) = sep else {
        return vec![(0, len)];
    };
    let n = sep.len();
    let first = sep[0];
    if !right {
        let mut i = 0;
        let mut start = 0;
        while max > 0 && i + n <= len {
            if s[i] == first && s[i..i + n] == sep[..] {
                out.push((start, i));
                i += n;
                start = i;
                max -= 1;
            } else {
                i += 1;
            }
        }
        out.push((start, len));
    } else {
        let mut j = len;
        let mut i = len;
        while max > 0 && i >= n {
            if s[i - n] == first && s[i - n..i] == sep[..] {
                out.push((i, j));
                i -= n;
                j = i;
                max -= 1;
            } else {
                i -= 1;
            }
        }
        out.push((0, j));
        out.reverse();
    }
    out
}
fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}
fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "join", 2, 2)?;
    let sep = this(vm, &args)?;
    let items = vm.collect(&args.pos[1])?;
    // First pass: check the items and size the result (one allocation).
    let mut total = sep.len() * items.len().saturating_sub(1);
    let mut narrow = sep.latin1().is_some();
    for (i, it) in items.iter().enumerate() {
        let Some(s) = it.as_str() else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(it)
            )));
        };
        total += s.len();
        narrow &= s.latin1().is_some();
    }
    let strs = items.iter().filter_map(|it| it.as_str());
    if narrow {
        let sep = sep.latin1().unwrap_or_default();
        let mut out: Vec<u8> = Vec::with_capacity(total);
        for (i, s) in strs.enumerate() {
            if i > 0 {
                out.extend_from_slice(sep);
            }
            out.extend_from_slice(s.latin1().unwrap_or_default());
        }
        return Ok(vm.new_pystr(PyStr::from_latin1(out)));
    }
    let sep = sep.to_vec();
    let mut out: Vec<u32> = Vec::with_capacity(total);
    for (i, s) in strs.enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(s.code_points());
    }
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "replace", 3, 4)?;
    let this_s = this(vm, &args)?;
    let old_s = arg_str(vm, &args, 1, "replace")?;
    let new_s = arg_str(vm, &args, 2, "replace")?;
    let count = match args.pos.get(3) {
        Some(c) => vm.index_value(c, "'{}' object cannot be interpreted as an integer")?,
        None => -1,
    };
    let mut n = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    // ASCII text: the standard library's substring search.
    if let (Some(s), Some(old), Some(new)) = (this_s.as_ascii(), old_s.as_ascii(), new_s.as_ascii())
    {
        if !old.is_empty() {
            return Ok(vm.new_pystr(PyStr::from_string(s.replacen(old, new, n))));
        }
    }
    let s = this_s.to_vec();
    let old = old_s.to_vec();
    let new = new_s.to_vec();
    let mut out = Vec::new();
    let mut i = 0;
    if old.is_empty() {
        while n > 0 && i <= s.len() {
            out.extend_from_slice(&new);
            if i < s.len() {
                out.push(s[i]);
            }
            i += 1;
            n -= 1;
        }
        if i <= s.len() {
            out.extend_from_slice(&s[i.min(s.len())..]);
        }
        return Ok(vm.new_pystr(PyStr::from_vec(out)));
    }
    while i < s.len() {
        if n > 0 && i + old.len() <= s.len() && s[i..i + old.len()] == old[..] {
            out.extend_from_slice(&new);
            i += old.len();
            n -= 1;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

fn range_args(vm: &mut Vm, args: &Args, len: usize) -> PyResult<(usize, usize)> {
    let norm = |v: i64| -> usize {
        if v < 0 {
            (v + len as i64).max(0) as usize
        } else {
            (v as usize).min(len)
        }
    };
    let start = match args.pos.get(2) {
        Some(Value::None) | None => 0,
        Some(v) => norm(vm.index_value(
            v,
            "slice indices must be integers or None or have an __index__ method",
        )?),
    };
    let end = match args.pos.get(3) {
        Some(Value::None) | None => len,
        Some(v) => norm(vm.index_value(
            v,
            "slice indices must be integers or None or have an __index__ method",
        )?),
    };
    Ok((start, end))
}

fn find_impl(vm: &mut Vm, args: &Args, rev: bool) -> PyResult<Option<usize>> {
    let s = this(vm, args)?;
    let sub = arg_str(vm, args, 1, "find")?;
    let (a, b) = range_args(vm, args, s.len())?;
    Ok(if rev {
        s.rfind(sub, a, b)
    } else {
        s.find(sub, a, b)
    })
}
fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, &args, false)?.map_or(-1, |i| i as i64),
    ))
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, &args, true)?.map_or(-1, |i| i as i64),
    ))
}
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let sub = arg_str(vm, &args, 1, "count")?;
    let (mut a, b) = range_args(vm, &args, s.len())?;
    if sub.is_empty() {
        return Ok(Value::Int((b.saturating_sub(a) + 1) as i64));
    }
    if let (Some(h), Some(nd)) = (s.as_ascii(), sub.as_ascii()) {
        // Non-overlapping matches, as `str.count`.
        return Ok(Value::Int(
            h.get(a..b).map_or(0, |h| h.matches(nd).count()) as i64
        ));
    }
    let mut n = 0;
    while let Some(i) = s.find(sub, a, b) {
        n += 1;
        a = i + sub.len();
    }
    Ok(Value::Int(n))
}

fn affix(vm: &mut Vm, args: Args, end: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let (a, b) = range_args(vm, &args, s.len())?;
    let cands: Vec<Value> = match args.pos.get(1) {
        Some(v) if v.as_tuple().is_some() => v.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        Some(v) if v.as_str().is_some() => vec![v.clone()],
        Some(v) => {
            let what = if end { "endswith" } else { "startswith" };
            return Err(vm.type_error(format!(
                "{what} first arg must be str or a tuple of str, not {}",
                vm.type_name(v)
            )));
        }
        None => return Err(vm.type_error("startswith() takes at least 1 argument (0 given)")),
    };
    for c in &cands {
        let Some(p) = c.as_str() else { continue };
        let n = p.len();
        if b < a || b - a < n {
            continue;
        }
        let st = if end { b - n } else { a };
        if (0..n).all(|j| s.get(st + j) == p.get(j)) {
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

fn predicate(vm: &mut Vm, args: Args, f: fn(char) -> bool) -> PyResult<Value> {
    let t = text(vm, &args)?;
    Ok(Value::Bool(!t.is_empty() && t.chars().all(f)))
}
fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, |c| crate::types::str_text::is_digit(c as u32))
}
fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, |c| crate::types::str_text::is_alpha(c as u32))
}
/// `isalnum`: each character is alpha, decimal, digit or numeric (`_PyUnicode_IsAlnum`).
fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, |c| {
        let c = c as u32;
        crate::types::str_text::is_alpha(c) || crate::types::str_text::is_numeric(c)
    })
}
fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, |c| crate::types::str_text::is_space(c as u32))
}
/// A case predicate of pyrs-text (`isupper`, `islower`; CPython's cased-ness tables).
fn case_predicate(
    vm: &mut Vm,
    args: &Args,
    ascii: fn(&[u8]) -> bool,
    full: fn(&[u32]) -> bool,
) -> PyResult<Value> {
    let s = this(vm, args)?;
    let r = match s.as_ascii() {
        Some(a) => ascii(a.as_bytes()),
        None => full(&s.to_vec()),
    };
    Ok(Value::Bool(r))
}
fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ascii =
        |a: &[u8]| a.iter().any(u8::is_ascii_uppercase) && !a.iter().any(u8::is_ascii_lowercase);
    case_predicate(vm, &args, ascii, pyrs_text::case::isupper)
}
fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ascii =
        |a: &[u8]| a.iter().any(u8::is_ascii_lowercase) && !a.iter().any(u8::is_ascii_uppercase);
    case_predicate(vm, &args, ascii, pyrs_text::case::islower)
}

fn pad(vm: &mut Vm, args: Args, how: u8) -> PyResult<Value> {
    args.check(vm, "ljust", 2, 3)?;
    let s = this(vm, &args)?.to_vec();
    let width = vm
        .index_value(
            &args.pos[1],
            "'{}' object cannot be interpreted as an integer",
        )?
        .max(0) as usize;
    let fill = match args.pos.get(2) {
        Some(f) => match f.as_str() {
            Some(fs) if fs.len() == 1 => fs.get(0),
            _ => return Err(vm.type_error("The fill character must be exactly one character long")),
        },
        None => ' ' as u32,
    };
    if s.len() >= width {
        return Ok(vm.new_pystr(PyStr::from_vec(s)));
    }
    let total = width - s.len();
    let (l, r) = match how {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let l = total / 2 + (total & width & 1);
            (l, total - l)
        }
    };
    let mut out = vec![fill; l];
    out.extend(s);
    out.extend(std::iter::repeat(fill).take(r));
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, 0)
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, 1)
}
fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, 2)
}
fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "zfill", 2, 2)?;
    let t = text(vm, &args)?;
    let w = vm
        .index_value(
            &args.pos[1],
            "'{}' object cannot be interpreted as an integer",
        )?
        .max(0) as usize;
    let n = t.chars().count();
    if n >= w {
        return Ok(vm.new_str(&t));
    }
    let (sign, rest) = if t.starts_with(['+', '-']) {
        t.split_at(1)
    } else {
        ("", t.as_str())
    };
    let r = format!("{sign}{}{rest}", "0".repeat(w - n));
    Ok(vm.new_str(&r))
}

fn partition_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let sep = arg_str(vm, &args, 1, "partition")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev {
        s.rfind(sep, 0, s.len())
    } else {
        s.find(sep, 0, s.len())
    };
    let (a, m, b) = match found {
        Some(i) => (
            s.slice(0, i, 1),
            PyStr::from_vec(sep.to_vec()),
            s.slice(i + sep.len(), s.len(), 1),
        ),
        None if rev => (
            PyStr::from_str(""),
            PyStr::from_str(""),
            PyStr::from_vec(s.to_vec()),
        ),
        None => (
            PyStr::from_vec(s.to_vec()),
            PyStr::from_str(""),
            PyStr::from_str(""),
        ),
    };
    let items = vec![vm.new_pystr(a), vm.new_pystr(m), vm.new_pystr(b)];
    Ok(vm.new_tuple(items))
}
fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn encode(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (enc, errors) = crate::types::codecs::codec_args(vm, &mut args, "encode")?;
    let s = this(vm, &args)?;
    let b = crate::types::codecs::encode(vm, &s, &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args)?;
    let r = crate::builtins::format::str_format(vm, t, &args.pos[1..], &args.kw)?;
    Ok(vm.new_pystr(r))
}

/// `str.format_map(mapping)`: named fields are `mapping[name]`.
fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "str.format_map")?;
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "str.format_map() takes exactly one argument ({n} given)"
        )));
    }
    let t = this(vm, &args)?;
    let names = crate::builtins::format::Names::Mapping(&args.pos[1]);
    let r = crate::builtins::format::str_format_names(vm, t, &[], names)?;
    Ok(vm.new_pystr(r))
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    if let Some(r) = fmt.as_str().and_then(|f| percent_simple(f, args)) {
        return Ok(vm.new_pystr(PyStr::from_latin1(r)));
    }
    let Some(f) = fmt.as_str() else {
        return Err(vm.type_error("descriptor requires a 'str' object"));
    };
    let r = crate::builtins::format::percent(vm, f, args)?;
    Ok(vm.new_pystr(r))
}

/// `fmt % args` for the common case that runs no Python code: ASCII text whose fields are
/// bare `%d`/`%i`/`%s`/`%%`, ints for the numbers and ints or ASCII strs for `%s`, and
/// exactly as many arguments as fields. None sends everything else to the full
/// [`crate::builtins::format::percent`] (flags, mappings, errors, other types).
fn percent_simple(fmt: &PyStr, args: &Value) -> Option<Vec<u8>> {
    let f = fmt.latin1().filter(|_| fmt.is_ascii())?;
    let single = [args.clone()];
    let items: &[Value] = match args {
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(t) if !o.ty_is_heap() => t,
            Payload::Str(_) if !o.ty_is_heap() => &single,
            _ => return None,
        },
        Value::Int(_) => &single,
        _ => return None,
    };
    // Two passes over the fields: check and size, then write (one exact allocation).
    let mut len = 0;
    let mut k = 0;
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            len += 1;
            i += 1;
            continue;
        }
        let code = *f.get(i + 1)?;
        i += 2;
        if code == b'%' {
            len += 1;
            continue;
        }
        let v = items.get(k)?;
        k += 1;
        len += match (code, v) {
            (b'd' | b'i' | b's', Value::Int(n)) => decimal_len(*n),
            (b's', Value::Obj(o)) if !o.ty_is_heap() => match &o.payload {
                Payload::Str(s) if s.is_ascii() => s.len(),
                _ => return None,
            },
            _ => return None,
        };
    }
    if k != items.len() {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    let mut k = 0;
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        let code = f[i + 1];
        i += 2;
        if code == b'%' {
            out.push(b'%');
            continue;
        }
        match &items[k] {
            Value::Int(n) => crate::types::str::push_decimal(&mut out, *n),
            v => out.extend_from_slice(v.as_str().and_then(|s| s.latin1()).unwrap_or_default()),
        }
        k += 1;
    }
    Some(out)
}

/// The length of `n` in decimal, sign included.
fn decimal_len(n: i64) -> usize {
    let mut m = n.unsigned_abs();
    let mut len = 1 + (n < 0) as usize;
    while m >= 10 {
        m /= 10;
        len += 1;
    }
    len
}

/// `str.__format__(self, spec)`.
fn format_dunder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(v) = args.pos.first().filter(|v| v.as_str().is_none()) {
        let n = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor '__format__' for 'str' objects doesn't apply to a '{n}' object"
        )));
    }
    crate::builtins::format::format_method(vm, args)
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__format__", format_dunder),
    ("upper", upper),
    ("lower", lower),
    ("swapcase", swapcase),
    ("capitalize", capitalize),
    ("title", title),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("split", split),
    ("rsplit", rsplit),
    ("join", join),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("ljust", ljust),
    ("rjust", rjust),
    ("center", center),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
    ("encode", encode),
    ("format", format),
    ("format_map", format_map),
];
