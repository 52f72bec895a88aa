//! `bytearray` and `memoryview` (CPython: `Objects/bytearrayobject.c`,
//! `Objects/memoryobject.c`). A bytearray is a `RefCell<Vec<u8>>`; its text-like methods
//! are the bytes ones (`bytes_methods.rs`) run on a copy, with bytes results turned back
//! into bytearrays. A memoryview is a window (start, step, length) on a bytes or bytearray
//! object, one-dimensional with format 'B'; it re-checks its bounds on every access, so a
//! bytearray resized under it cannot make it read out of range.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// The bytes of any bytes-like object (bytes, bytearray, memoryview), copied.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.payload()? {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.borrow().clone()),
        Payload::MemoryView(m) => m.bytes(),
        _ => None,
    }
}

/// `bytearray_repr`'s `b'...'` part: unlike bytes, `'` is always escaped, and double
/// quotes are used when the data has a `'` and no `"`.
pub fn bytearray_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &c in b {
        match c {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

pub fn is_bytearray(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::ByteArray(_)))
}

pub fn new_bytearray(vm: &Vm, data: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(&vm.types.bytearray, Payload::ByteArray(RefCell::new(data))))
}

/// `bytearray(...)`: the arguments of `bytes(...)` (an int, an iterable of ints, a
/// bytes-like object, or a str with an encoding).
pub fn bytearray_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    let data = if args.pos.is_empty() && args.kw.is_empty() {
        Vec::new()
    } else {
        let b = crate::types::bytes::bytes_new(vm, &vm.types.bytes.clone(), args)?;
        bytes_like(&b).unwrap_or_default()
    };
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::ByteArray(RefCell::new(data)),
    )))
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<PyRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::ByteArray(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn data(o: &PyRef) -> &RefCell<Vec<u8>> {
    match &o.payload {
        Payload::ByteArray(b) => b,
        _ => empty_cell(),
    }
}

fn empty_cell() -> &'static RefCell<Vec<u8>> {
    panic!("pyrs internal error: not a bytearray")
}

fn byte_arg(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "append", 2, 2)?;
    let o = this(vm, &args)?;
    let b = byte_arg(vm, &args.pos[1])?;
    data(&o).borrow_mut().push(b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "extend", 2, 2)?;
    let o = this(vm, &args)?;
    let add = match bytes_like(&args.pos[1]) {
        Some(b) => b,
        None => {
            if args.pos[1].as_str().is_some() {
                return Err(vm.type_error("expected iterable of integers; got: 'str'"));
            }
            let mut out = Vec::new();
            for x in vm.collect(&args.pos[1])? {
                out.push(byte_arg(vm, &x)?);
            }
            out
        }
    };
    data(&o).borrow_mut().extend(add);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "insert", 3, 3)?;
    let o = this(vm, &args)?;
    let i = vm.index_value(
        &args.pos[1],
        "'{}' object cannot be interpreted as an integer",
    )?;
    let b = byte_arg(vm, &args.pos[2])?;
    let mut d = data(&o).borrow_mut();
    let n = d.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(at as usize, b);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "pop", 1, 2)?;
    let o = this(vm, &args)?;
    let i = match args.pos.get(1) {
        Some(v) => vm.index_value(v, "'{}' object cannot be interpreted as an integer")?,
        None => -1,
    };
    let mut d = data(&o).borrow_mut();
    if d.is_empty() {
        drop(d);
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = d.len() as i64;
    let at = if i < 0 { i + n } else { i };
    if !(0..n).contains(&at) {
        drop(d);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(d.remove(at as usize) as i64))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "remove", 2, 2)?;
    let o = this(vm, &args)?;
    let b = byte_arg(vm, &args.pos[1])?;
    let mut d = data(&o).borrow_mut();
    match d.iter().position(|&x| x == b) {
        Some(i) => {
            d.remove(i);
            Ok(Value::None)
        }
        None => {
            drop(d);
            Err(vm.value_error("value not found in bytearray"))
        }
    }
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this(vm, &args)?;
    data(&o).borrow_mut().reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this(vm, &args)?;
    data(&o).borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this(vm, &args)?;
    let d = data(&o).borrow().clone();
    Ok(new_bytearray(vm, d))
}

/// Run a bytes method on a bytes copy of the bytearray; bytes in the result (alone, in
/// a list or a tuple) become bytearrays.
fn adapt(vm: &mut Vm, mut args: Args, f: NativeFn) -> PyResult<Value> {
    let o = this(vm, &args)?;
    let copy = data(&o).borrow().clone();
    args.pos[0] = vm.new_bytes(copy);
    let r = f(vm, args)?;
    let conv = |vm: &mut Vm, v: Value| -> Value {
        match v.payload() {
            Some(Payload::Bytes(b)) => new_bytearray(vm, b.to_vec()),
            _ => v,
        }
    };
    Ok(match r.payload() {
        Some(Payload::Bytes(_)) => conv(vm, r),
        Some(Payload::List(l)) => {
            let items: Vec<Value> = l.borrow().clone();
            let items = items.into_iter().map(|v| conv(vm, v)).collect();
            vm.new_list(items)
        }
        Some(Payload::Tuple(t)) => {
            let items: Vec<Value> = t.to_vec();
            let items = items.into_iter().map(|v| conv(vm, v)).collect();
            vm.new_tuple(items)
        }
        _ => r,
    })
}

/// The bytes methods a bytearray shares, looked up by name in the bytes tables.
fn bytes_method(name: &str) -> NativeFn {
    crate::types::bytes_methods::METHODS
        .iter()
        .chain(crate::types::bytes::METHODS)
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
        .unwrap_or(missing)
}

fn missing(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.system_error("bytearray method without a bytes counterpart"))
}

macro_rules! shared {
    ($($name:ident),* $(,)?) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            adapt(vm, args, bytes_method(stringify!($name)))
        })*
        /// The methods shared with bytes.
        const SHARED: &[(&str, NativeFn)] = &[$((stringify!($name), $name)),*];
    };
}

shared!(
    upper,
    lower,
    split,
    join,
    strip,
    lstrip,
    rstrip,
    find,
    rfind,
    index,
    rindex,
    count,
    replace,
    startswith,
    endswith,
    isalpha,
    isdigit,
    isalnum,
    isspace,
    isupper,
    islower,
    istitle,
    decode,
    hex,
    center,
    ljust,
    rjust,
    zfill,
    partition,
    rpartition,
    removeprefix,
    removesuffix,
    isascii,
    capitalize,
    swapcase,
    title,
    splitlines,
    rsplit,
    expandtabs,
    translate,
);

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
        ("__reduce__", reduce),
        ("__reduce_ex__", reduce_ex),
    ];
    v.extend(
        SHARED.iter().filter(|(n, _)| {
            bytes_method(n) as *const () as usize != missing as *const () as usize
        }),
    );
    v
}

/// `bytearray.__reduce_ex__(proto)` (`_common_reduce`): `(type(self), (bytes,), dict)`,
/// or with a protocol below 3 the bytes as a latin-1 str: `(type(self), (str,
/// 'latin-1'), dict)`; the state is the instance `__dict__` (None without one).
fn reduce_common(vm: &mut Vm, this: &Value, proto: i64) -> PyResult<Value> {
    let data = bytes_like(this).unwrap_or_default();
    let ty = Value::Obj(vm.type_of(this).clone());
    let args = if proto < 3 {
        let s: String = data.iter().map(|&b| b as char).collect();
        let (s, enc) = (vm.new_str(&s), vm.new_str("latin-1"));
        vm.new_tuple(vec![s, enc])
    } else {
        let b = vm.new_bytes(data);
        vm.new_tuple(vec![b])
    };
    let state = match this {
        Value::Obj(o) => crate::object::attr::instance_dict(vm, o, false)
            .filter(|d| crate::types::dict::len(d) > 0)
            .map_or(Value::None, Value::Obj),
        _ => Value::None,
    };
    Ok(vm.new_tuple(vec![ty, args, state]))
}

fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    reduce_common(vm, &args.pos[0], 2)
}

fn reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce_ex__", 1, 2)?;
    let proto = match args.pos.get(1) {
        Some(p) => vm.index_value(p, "'{}' object cannot be interpreted as an integer")?,
        None => 0,
    };
    reduce_common(vm, &args.pos[0], proto)
}

fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = crate::types::bytes_methods::CLASSMETHODS
        .iter()
        .find(|(n, _)| *n == "fromhex")
        .map(|(_, f)| *f)
        .unwrap_or(missing);
    let r = b(vm, args)?;
    Ok(new_bytearray(vm, bytes_like(&r).unwrap_or_default()))
}

/// `bytearray.maketrans`: the same table as `bytes.maketrans` (a bytes object).
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = crate::types::bytes_methods::CLASSMETHODS
        .iter()
        .find(|(n, _)| *n == "maketrans")
        .map(|(_, f)| *f)
        .unwrap_or(missing);
    f(vm, args)
}

pub const CLASSMETHODS: &[(&str, NativeFn)] = &[("fromhex", fromhex), ("maketrans", maketrans)];

/// `ba[i] = v` / `ba[a:b] = iterable` / `del ba[...]` (`value == None` deletes).
pub fn setitem(vm: &mut Vm, o: &PyRef, key: &Value, value: Option<Value>) -> PyResult<()> {
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let len = data(o).borrow().len();
        let (start, stop, step, n) = crate::types::slice::indices(vm, &s, len)?;
        let new: Vec<u8> = match &value {
            None => Vec::new(),
            Some(v) => match bytes_like(v) {
                Some(b) => b,
                None => {
                    if matches!(v, Value::Int(_)) || v.as_str().is_some() {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(format!(
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256), not {t}"
                        )));
                    }
                    let mut out = Vec::new();
                    for x in vm.collect(v)? {
                        out.push(byte_arg(vm, &x)?);
                    }
                    out
                }
            },
        };
        let mut d = data(o).borrow_mut();
        if step == 1 {
            let (a, b) = (start.max(0) as usize, stop.max(start).max(0) as usize);
            d.splice(a.min(len)..b.min(len), new);
            return Ok(());
        }
        let idx: Vec<usize> = crate::types::slice::positions(start, step, n).collect();
        if value.is_none() {
            let mut keep = Vec::with_capacity(d.len());
            for (i, &c) in d.iter().enumerate() {
                if !idx.contains(&i) {
                    keep.push(c);
                }
            }
            *d = keep;
            return Ok(());
        }
        if idx.len() != new.len() {
            drop(d);
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                idx.len()
            )));
        }
        for (i, c) in idx.into_iter().zip(new) {
            d[i] = c;
        }
        return Ok(());
    }
    let i = vm.index_value(key, "bytearray indices must be integers or slices, not {}")?;
    let n = data(o).borrow().len() as i64;
    let at = if i < 0 { i + n } else { i };
    if !(0..n).contains(&at) {
        return Err(vm.index_error("bytearray index out of range"));
    }
    match value {
        Some(v) => {
            let b = byte_arg(vm, &v)?;
            data(o).borrow_mut()[at as usize] = b;
        }
        None => {
            data(o).borrow_mut().remove(at as usize);
        }
    }
    Ok(())
}

// ---- memoryview ---------------------------------------------------------------------

pub struct MemView {
    /// The exporting object (bytes or bytearray).
    pub obj: Value,
    pub start: usize,
    pub step: isize,
    pub len: usize,
    pub released: Cell<bool>,
    /// Made by `toreadonly()` (or sliced from such a view): read-only whatever the
    /// exporter.
    pub readonly_view: bool,
}

impl MemView {
    /// The viewed bytes, or `None` once released.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        if self.released.get() {
            return None;
        }
        let src = match self.obj.payload()? {
            Payload::Bytes(b) => b.to_vec(),
            Payload::ByteArray(b) => b.borrow().clone(),
            _ => return None,
        };
        Some(
            (0..self.len)
                .filter_map(|k| src.get(self.pos(k)).copied())
                .collect(),
        )
    }

    fn pos(&self, k: usize) -> usize {
        (self.start as isize + k as isize * self.step) as usize
    }

    pub fn readonly(&self) -> bool {
        self.readonly_view || !matches!(self.obj.payload(), Some(Payload::ByteArray(_)))
    }

    /// C-contiguous (and, being one-dimensional, Fortran-contiguous).
    fn contiguous(&self) -> bool {
        self.step == 1 || self.len <= 1
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.obj);
    }
}

fn new_view(vm: &mut Vm, obj: Value, start: usize, step: isize, len: usize) -> Value {
    new_view_ro(vm, obj, start, step, len, false)
}

fn new_view_ro(
    vm: &mut Vm,
    obj: Value,
    start: usize,
    step: isize,
    len: usize,
    readonly_view: bool,
) -> Value {
    let ty = vm.types.memoryview.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::MemoryView(Box::new(MemView {
            obj,
            start,
            step,
            len,
            released: Cell::new(false),
            readonly_view,
        })),
    ))
}

pub fn memoryview_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "memoryview", 1, 1)?;
    let o = args.pos[0].clone();
    match o.payload() {
        Some(Payload::Bytes(b)) => {
            let n = b.len();
            Ok(new_view(vm, o.clone(), 0, 1, n))
        }
        Some(Payload::ByteArray(b)) => {
            let n = b.borrow().len();
            Ok(new_view(vm, o.clone(), 0, 1, n))
        }
        Some(Payload::MemoryView(m)) => {
            if m.released.get() {
                return Err(released(vm));
            }
            let (obj, start, step, len) = (m.obj.clone(), m.start, m.step, m.len);
            Ok(new_view(vm, obj, start, step, len))
        }
        _ => {
            let t = vm.type_name(&o);
            Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{t}'"
            )))
        }
    }
}

fn released(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

fn view_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MemView> {
    match v.payload() {
        Some(Payload::MemoryView(m)) => {
            if m.released.get() {
                return Err(released(vm));
            }
            Ok(m)
        }
        _ => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

/// `m[i]` / `m[a:b:c]`.
pub fn getitem(vm: &mut Vm, mv: &Value, key: &Value) -> PyResult<Value> {
    let m = view_of(vm, mv)?;
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let (start, _, step, n) = crate::types::slice::indices(vm, &s, m.len)?;
        let first = if n == 0 { 0 } else { m.pos(start as usize) };
        let (obj, mstep, ro) = (m.obj.clone(), m.step, m.readonly_view);
        return Ok(new_view_ro(vm, obj, first, mstep * step as isize, n, ro));
    }
    let i = vm.index_value(key, "memoryview: invalid slice key")?;
    let n = m.len as i64;
    let at = if i < 0 { i + n } else { i };
    if !(0..n).contains(&at) {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let b = m.bytes().unwrap_or_default();
    match b.get(at as usize) {
        Some(&c) => Ok(Value::Int(c as i64)),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

/// `m[i] = v` / `m[a:b] = bytes` (same length: a memoryview never resizes).
pub fn setitem_view(vm: &mut Vm, mv: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = view_of(vm, mv)?;
    if m.readonly() {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete memory"));
    };
    let Some(Payload::ByteArray(target)) = m.obj.payload() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let positions: Vec<usize> = if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let (start, _, step, n) = crate::types::slice::indices(vm, &s, m.len)?;
        crate::types::slice::positions(start, step, n)
            .map(|k| m.pos(k))
            .collect()
    } else {
        let i = vm.index_value(key, "memoryview: invalid slice key")?;
        let n = m.len as i64;
        let at = if i < 0 { i + n } else { i };
        if !(0..n).contains(&at) {
            return Err(vm.index_error("index out of bounds on dimension 1"));
        }
        let b = match &value {
            Value::Int(i) if (0..256).contains(i) => *i as u8,
            Value::Int(_) => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
            _ => return Err(vm.type_error("memoryview: invalid type for format 'B'")),
        };
        let p = m.pos(at as usize);
        if let Some(slot) = target.borrow_mut().get_mut(p) {
            *slot = b;
        }
        return Ok(());
    };
    let Some(src) = bytes_like(&value) else {
        let t = vm.type_name(&value);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    if src.len() != positions.len() {
        return Err(
            vm.value_error("memoryview assignment: lvalue and rvalue have different structures")
        );
    }
    let mut t = target.borrow_mut();
    for (p, c) in positions.into_iter().zip(src) {
        if let Some(slot) = t.get_mut(p) {
            *slot = c;
        }
    }
    Ok(())
}

pub fn view_len(vm: &mut Vm, mv: &Value) -> PyResult<usize> {
    Ok(view_of(vm, mv)?.len)
}

fn tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = view_of(vm, &args.pos[0])?.bytes().unwrap_or_default();
    Ok(vm.new_bytes(b))
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = view_of(vm, &args.pos[0])?.bytes().unwrap_or_default();
    Ok(vm.new_list(b.into_iter().map(|c| Value::Int(c as i64)).collect()))
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = view_of(vm, &args.pos[0])?.bytes().unwrap_or_default();
    let mut a = args;
    a.pos[0] = vm.new_bytes(b);
    bytes_method("hex")(vm, a)
}

fn release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Payload::MemoryView(m)) = args.pos[0].payload() {
        m.released.set(true);
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor requires a 'memoryview' object"))
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_of(vm, &args.pos[0])?;
    Ok(args.pos[0].clone())
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    release(vm, Args::positional(vec![args.pos[0].clone()]))
}

/// `m.toreadonly()`: a read-only view of the same memory.
fn toreadonly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "toreadonly", 1, 1)?;
    let m = view_of(vm, &args.pos[0])?;
    let (obj, start, step, len) = (m.obj.clone(), m.start, m.step, m.len);
    Ok(new_view_ro(vm, obj, start, step, len, true))
}

/// `m.cast(format, shape=None)`. Views here hold unsigned bytes (format 'B'): a cast to
/// 'B' in one dimension is a new view of the same memory; other formats and shapes raise
/// NotImplementedError (CPython's errors for invalid arguments).
fn cast(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let fmt_kw = args.take_kw("format");
    let shape_kw = args.take_kw("shape");
    args.no_kw(vm, "cast")?;
    if args.pos.len() > 3 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("cast() takes at most 2 arguments ({n} given)")));
    }
    let Some(fmt) = fmt_kw.or_else(|| args.pos.get(1).cloned()) else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let shape = shape_kw
        .or_else(|| args.pos.get(2).cloned())
        .unwrap_or(Value::None);
    let Some(f) = fmt.as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&fmt);
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {t}")));
    };
    let m = view_of(vm, &args.pos[0])?;
    if !m.contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let (obj, start, step, len, ro) = (m.obj.clone(), m.start, m.step, m.len, m.readonly_view);
    let code = f.strip_prefix('@').unwrap_or(&f);
    let native = code.len() == 1 && "cbBhHiIlLqQnNfd?eP".contains(code);
    if !native {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    }
    let one_dim = match &shape {
        Value::None => true,
        s => {
            let dims = vm.collect(s)?;
            dims.len() == 1 && matches!(dims[0], Value::Int(n) if n as usize == len)
        }
    };
    if f != "B" || !one_dim {
        return Err(vm.not_implemented_error(format!(
            "memoryview.cast to format '{f}' or to another shape is not supported by pyrs"
        )));
    }
    Ok(new_view_ro(vm, obj, start, step, len, ro))
}

pub const MEMORYVIEW_METHODS: &[(&str, NativeFn)] = &[
    ("toreadonly", toreadonly),
    ("cast", cast),
    ("tobytes", tobytes),
    ("tolist", tolist),
    ("hex", mv_hex),
    ("release", release),
    ("__enter__", enter),
    ("__exit__", exit),
];

/// `readonly`, `nbytes`, `format`, `itemsize`, `ndim`, `shape`, `strides`, `obj`,
/// `c_contiguous`, `contiguous`.
pub fn view_attr(vm: &mut Vm, o: &PyRef, name: &str) -> PyResult<Option<Value>> {
    let Payload::MemoryView(m) = &o.payload else {
        return Ok(None);
    };
    let known = [
        "readonly",
        "nbytes",
        "format",
        "itemsize",
        "ndim",
        "shape",
        "strides",
        "obj",
        "contiguous",
        "c_contiguous",
        "f_contiguous",
        "suboffsets",
    ];
    if !known.contains(&name) {
        return Ok(None);
    }
    if m.released.get() {
        return Err(released(vm));
    }
    Ok(Some(match name {
        "readonly" => Value::Bool(m.readonly()),
        "nbytes" => Value::Int(m.len as i64),
        "format" => vm.new_str("B"),
        "itemsize" | "ndim" => Value::Int(1),
        "shape" => vm.new_tuple(vec![Value::Int(m.len as i64)]),
        "strides" => vm.new_tuple(vec![Value::Int(m.step as i64)]),
        "obj" => m.obj.clone(),
        "suboffsets" => vm.new_tuple(vec![]),
        _ => Value::Bool(m.contiguous()),
    }))
}

/// `==` between a memoryview and a bytes-like object.
pub fn view_eq(a: &Value, b: &Value) -> Option<bool> {
    let is_view = |v: &Value| matches!(v.payload(), Some(Payload::MemoryView(_)));
    if !is_view(a) && !is_view(b) {
        return None;
    }
    // A released view equals only itself.
    let (x, y) = (bytes_like(a), bytes_like(b));
    match (x, y) {
        (Some(x), Some(y)) => Some(x == y),
        _ => Some(a.is(b)),
    }
}
