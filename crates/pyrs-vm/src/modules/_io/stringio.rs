//! `_io.StringIO`: a text stream over an in-memory buffer of code points (CPython:
//! `Modules/_io/stringio.c`). Written text goes through universal-newline translation
//! when `newline` is None or "" (as CPython's, each `write` is translated as final
//! input), and `\n` becomes `newline` when that is "\r" or "\r\n". The position counts
//! code points and may lie past the end (a write there pads with NULs).

use super::newlines::NlState;
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub struct StrInner {
    pub buf: Vec<u32>,
    pub pos: usize,
    pub closed: bool,
    pub ok: bool,
    /// `newline` as given (None: universal with translation).
    pub newline: Option<Vec<u32>>,
    /// Universal-newline state (newline None or ""), else None.
    pub decoder: Option<NlState>,
    /// What `\n` becomes on write ("\r" or "\r\n"), else None.
    pub writenl: Option<Vec<u32>>,
}

pub struct StringIO {
    pub inner: RefCell<StrInner>,
}

impl NativeData for StringIO {
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

pub fn make_type(vm: &mut Vm, base: &PyRef) -> PyRef {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("getvalue", getvalue),
        ("read", read),
        ("readline", readline),
        ("write", write),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("readable", |vm, a| check(vm, &a).map(|_| Value::Bool(true))),
        ("writable", |vm, a| check(vm, &a).map(|_| Value::Bool(true))),
        ("seekable", |vm, a| check(vm, &a).map(|_| Value::Bool(true))),
        ("__next__", next),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
    ];
    let b = [base.clone()];
    let mut spec = nt::Spec::new("StringIO", "_io");
    spec.doc = Some(
        "Text I/O implementation using an in-memory buffer.\n\n\
         The initial_value argument sets the value of object.  The newline\n\
         argument is like the one of TextIOWrapper's constructor.",
    );
    spec.bases = &b;
    spec.new = Some(new);
    spec.methods = methods;
    spec.no_dict = false;
    let ty = nt::new_type(vm, &spec);
    super::iobase::property(vm, &ty, "closed", closed, None);
    super::iobase::property(vm, &ty, "line_buffering", line_buffering, None);
    super::iobase::property(vm, &ty, "newlines", newlines, None);
    ty
}

fn new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "StringIO")?;
    Ok(nt::alloc(
        vm,
        &cls,
        StringIO {
            inner: RefCell::new(StrInner {
                buf: Vec::new(),
                pos: 0,
                closed: false,
                ok: false,
                newline: Some(vec!['\n' as u32]),
                decoder: None,
                writenl: None,
            }),
        },
    ))
}

fn me<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a StringIO> {
    let s = nt::this::<StringIO>(vm, args, "method", "_io.StringIO")?;
    if !s.inner.borrow().ok {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(s)
}

/// The state of an open StringIO (`ValueError: I/O operation on closed file`).
fn check<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a StringIO> {
    let s = me(vm, args)?;
    if s.inner.borrow().closed {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let [initial, newline] = nt::clinic(vm, rest, "StringIO", ["initial_value", "newline"], 0, 2)?;
    let newline: Option<Vec<u32>> = match newline {
        None => Some(vec!['\n' as u32]),
        Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(s.to_vec()),
            None => {
                let t = vm.type_name(&v);
                return Err(vm.type_error(format!("newline must be str or None, not {t}")));
            }
        },
    };
    if let Some(nl) = &newline {
        let (cr, lf) = ('\r' as u32, '\n' as u32);
        let ok = matches!(nl.as_slice(), [] | [_] | [_, _])
            && (nl.is_empty() || nl == &[lf] || nl == &[cr] || nl == &[cr, lf]);
        if !ok {
            let v = vm.new_pystr(PyStr::from_vec(nl.clone()));
            let r = vm.repr(&v)?;
            return Err(vm.value_error(format!("illegal newline value: {r}")));
        }
    }
    let initial = match initial {
        None | Some(Value::None) => Vec::new(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_vec(),
            None => {
                let t = vm.type_name(&v);
                return Err(vm.type_error(format!("initial_value must be str or None, not {t}")));
            }
        },
    };
    let Some(s) = nt::state::<StringIO>(&this) else {
        return Err(vm.type_error("descriptor '__init__' requires a '_io.StringIO' object"));
    };
    let universal = newline.as_ref().map_or(true, |n| n.is_empty());
    let translate = newline.is_none();
    let writenl = match &newline {
        Some(n) if n.first() == Some(&('\r' as u32)) => Some(n.clone()),
        _ => None,
    };
    {
        let mut i = s.inner.borrow_mut();
        i.buf.clear();
        i.pos = 0;
        i.closed = false;
        i.ok = true;
        i.newline = newline;
        i.decoder = universal.then(|| NlState::new(translate));
        i.writenl = writenl;
    }
    if !initial.is_empty() {
        write_text(vm, s, &initial)?;
        s.inner.borrow_mut().pos = 0;
    }
    Ok(Value::None)
}

/// `write_str`: translate, then write at the position.
pub fn write_text(vm: &mut Vm, s: &StringIO, text: &[u32]) -> PyResult<usize> {
    let mut i = s.inner.borrow_mut();
    let mut data: Vec<u32> = match &mut i.decoder {
        Some(d) => d.decode(text, true),
        None => text.to_vec(),
    };
    if let Some(nl) = &i.writenl {
        let mut out = Vec::with_capacity(data.len());
        for c in data {
            if c == '\n' as u32 {
                out.extend_from_slice(nl);
            } else {
                out.push(c);
            }
        }
        data = out;
    }
    let pos = i.pos;
    let Some(end) = pos
        .checked_add(data.len())
        .filter(|&e| e <= isize::MAX as usize / 4)
    else {
        drop(i);
        return Err(vm.overflow_error("new buffer size too large"));
    };
    super::iobase::grow(vm, &mut i.buf, end)?;
    i.buf[pos..end].copy_from_slice(&data);
    i.pos = end;
    Ok(text.len())
}

fn closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(vm, &args)?;
    let c = s.inner.borrow().closed;
    Ok(Value::Bool(c))
}

fn line_buffering(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args)?;
    Ok(Value::Bool(false))
}

fn newlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = check(vm, &args)?;
    let d = s.inner.borrow().decoder.clone();
    Ok(match d {
        Some(d) => d.newlines(vm),
        None => Value::None,
    })
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = check(vm, &args)?;
    let v = s.inner.borrow().buf.clone();
    Ok(vm.new_pystr(PyStr::from_vec(v)))
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "read", 1, 2)?;
    let s = check(vm, &args)?;
    let n = super::iobase::size_arg(vm, args.pos.get(1))?;
    let mut i = s.inner.borrow_mut();
    let start = i.pos.min(i.buf.len());
    let end = n.map_or(i.buf.len(), |n| start.saturating_add(n).min(i.buf.len()));
    let out = i.buf[start..end].to_vec();
    i.pos = end.max(i.pos);
    drop(i);
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

/// The next line (at most `limit` code points), by the object's newline rule.
fn line(s: &StringIO, limit: Option<usize>) -> Vec<u32> {
    let mut i = s.inner.borrow_mut();
    let start = i.pos.min(i.buf.len());
    let rest = &i.buf[start..];
    let rest = &rest[..limit.map_or(rest.len(), |l| l.min(rest.len()))];
    let (cr, lf) = ('\r' as u32, '\n' as u32);
    let end = if i.decoder.is_some() && i.newline.as_ref().is_some_and(|n| n.is_empty()) {
        // newline="": any of \r, \n, \r\n ends a line.
        let mut e = rest.len();
        for k in 0..rest.len() {
            if rest[k] == lf {
                e = k + 1;
                break;
            }
            if rest[k] == cr {
                e = if rest.get(k + 1) == Some(&lf) {
                    k + 2
                } else {
                    k + 1
                };
                break;
            }
        }
        e
    } else {
        let nl: Vec<u32> = match &i.newline {
            Some(n) if !n.is_empty() => n.clone(),
            _ => vec![lf],
        };
        rest.windows(nl.len())
            .position(|w| w == &nl[..])
            .map_or(rest.len(), |k| k + nl.len())
    };
    let out = rest[..end].to_vec();
    i.pos = start + end;
    out
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "readline", 1, 2)?;
    let s = check(vm, &args)?;
    let limit = super::iobase::size_arg(vm, args.pos.get(1))?;
    let out = line(s, limit);
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = check(vm, &args)?;
    let sty = super::types(vm).stringio.clone();
    let exact = vm.type_of(&args.pos[0]).is(&sty);
    let l = if exact {
        vm.new_pystr(PyStr::from_vec(line(s, None)))
    } else {
        let l = vm.call_method(&args.pos[0], "readline", vec![])?;
        if l.as_str().is_none() {
            let t = vm.type_name(&l);
            return Err(super::iobase::os_error(
                vm,
                format!("readline() should have returned a str object, not '{t}'"),
            ));
        }
        l
    };
    if vm.len(&l)? == 0 {
        return Err(vm.stop_iteration());
    }
    Ok(l)
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "write", 2, 2)?;
    let s = check(vm, &args)?;
    let Some(text) = args.pos[1].as_str() else {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("string argument expected, got '{t}'")));
    };
    let cps = text.to_vec();
    let n = write_text(vm, s, &cps)?;
    Ok(Value::Int(n as i64))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !super::iobase::is_index(vm, v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    vm.index_value(v, "an integer is required")
}

fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "seek", 2, 3)?;
    let s = check(vm, &args)?;
    let pos = int_arg(vm, &args.pos[1])?;
    let whence = match args.pos.get(2) {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        let t = vm.types.os_error.clone();
        return Err(vm.new_error(&t, "Can't do nonzero cur-relative seeks"));
    }
    let mut i = s.inner.borrow_mut();
    let new = match whence {
        0 => pos as usize,
        1 => i.pos,
        _ => i.buf.len(),
    };
    i.pos = new;
    Ok(Value::Int(new as i64))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = check(vm, &args)?;
    let p = s.inner.borrow().pos;
    Ok(Value::Int(p as i64))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "truncate", 1, 2)?;
    let s = check(vm, &args)?;
    let size = match args.pos.get(1) {
        None | Some(Value::None) => s.inner.borrow().pos as i64,
        Some(v) => int_arg(vm, v)?,
    };
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    let mut i = s.inner.borrow_mut();
    if (size as usize) < i.buf.len() {
        i.buf.truncate(size as usize);
    }
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = nt::this::<StringIO>(vm, &args, "close", "_io.StringIO")?;
    let mut i = s.inner.borrow_mut();
    i.closed = true;
    i.buf = Vec::new();
    Ok(Value::None)
}

/// `__getstate__()`: `(getvalue(), newline, tell(), __dict__ or None)`.
fn getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = check(vm, &args)?;
    let (v, nl, p) = {
        let i = s.inner.borrow();
        (i.buf.clone(), i.newline.clone(), i.pos)
    };
    let d = match args.pos[0].as_obj().and_then(|o| o.dict.get()) {
        Some(d) if crate::types::dict::dict_data(&d).is_some_and(|x| x.borrow().len() > 0) => {
            vm.call_method(&Value::Obj(d), "copy", vec![])?
        }
        _ => Value::None,
    };
    let v = vm.new_pystr(PyStr::from_vec(v));
    let nl = nl.map_or(Value::None, |n| vm.new_pystr(PyStr::from_vec(n)));
    Ok(vm.new_tuple(vec![v, nl, Value::Int(p as i64), d]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setstate__", 2, 2)?;
    let s = nt::this::<StringIO>(vm, &args, "__setstate__", "_io.StringIO")?;
    if s.inner.borrow().closed {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    let items = match args.pos[1].as_tuple() {
        Some(t) if t.len() >= 4 => t.to_vec(),
        _ => {
            let t = nt::type_name(vm, &args.pos[0]);
            let st = vm.type_name(&args.pos[1]);
            return Err(vm.type_error(format!(
                "{t}.__setstate__ argument should be 4-tuple, got {st}"
            )));
        }
    };
    let me_v = args.pos[0].clone();
    let init_args = Args::positional(vec![me_v.clone(), Value::None, items[1].clone()]);
    init(vm, init_args)?;
    let Some(text) = items[0].as_str() else {
        return Err(vm.type_error("initial_value must be str"));
    };
    let pos = int_arg(vm, &items[2])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    {
        let mut i = s.inner.borrow_mut();
        // The value is restored as is (no newline translation), as CPython's.
        i.buf = text.to_vec();
        i.pos = pos as usize;
    }
    if !matches!(items[3], Value::None) {
        if let Some(d) = me_v.as_obj().and_then(|o| o.dict.get()) {
            vm.call_method(&Value::Obj(d), "update", vec![items[3].clone()])?;
        }
    }
    Ok(Value::None)
}
