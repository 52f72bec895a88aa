//! `bytearray` (CPython: `Objects/bytearrayobject.c`; memoryview's
//! `Objects/memoryobject.c`). A bytearray is a [`PyByteArray`]: its bytes and its export
//! count; its text-like methods are the bytes ones (`bytes_methods.rs`) run on a copy,
//! with bytes results turned back into bytearrays. memoryview lives in `memoryview/`
//! (re-exported here).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::memoryview::exporter::ExportCount;
use crate::vm::{PyResult, Vm};
use std::cell::{Ref, RefCell, RefMut};

/// A bytearray's storage (boxed in `Payload::ByteArray`: inline it would make every
/// object's payload larger). While `exports` is not zero (memoryviews on it are alive)
/// every change of size raises BufferError: each resizing path calls [`resize`] first.
pub struct PyByteArray {
    data: RefCell<Vec<u8>>,
    pub exports: ExportCount,
}

impl PyByteArray {
    pub fn new(data: Vec<u8>) -> Box<PyByteArray> {
        Box::new(PyByteArray {
            data: RefCell::new(data),
            exports: ExportCount::default(),
        })
    }

    pub fn borrow(&self) -> Ref<'_, Vec<u8>> {
        self.data.borrow()
    }

    /// The bytes, to change in place. A caller that changes the length has checked
    /// [`PyByteArray::check_resize`] first.
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<u8>> {
        self.data.borrow_mut()
    }

    /// CPython's `PyByteArray_Resize` check: a change to `new_len` bytes is refused
    /// (BufferError) while exported; keeping the size is always allowed.
    pub fn check_resize(&self, vm: &mut Vm, new_len: usize) -> PyResult<()> {
        if new_len == self.data.borrow().len() {
            return Ok(());
        }
        self.exports.check_resize(vm)
    }
}

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
    Value::Obj(vm.alloc(
        &vm.types.bytearray,
        Payload::ByteArray(PyByteArray::new(data)),
    ))
}

/// `bytearray.__new__`: an empty bytearray of `cls` whatever the arguments (CPython's
/// `PyType_GenericNew`); `__init__` fills it, so a subclass `__init__` that does not
/// call the base's leaves it empty, as in CPython.
pub fn bytearray_new(vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::ByteArray(PyByteArray::new(Vec::new())),
    )))
}

/// `bytearray.__init__(source=b'', encoding=..., errors=...)` (CPython's
/// `bytearray___init___impl`, its checks in its order): empties the bytearray first (a
/// BufferError while exported), then fills it from a str and an encoding, a count, a
/// bytes-like object, or an iterable of ints.
pub fn bytearray_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<()> {
    let [source, encoding, errors] = crate::modules::native_type::clinic(
        vm,
        args,
        "bytearray",
        ["source", "encoding", "errors"],
        0,
        3,
    )?;
    let text = |vm: &mut Vm, v: &Option<Value>, arg: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) => match v.as_str() {
                Some(s) => Ok(Some(s.as_rust().into_owned())),
                None => {
                    let t = vm.type_name(v);
                    Err(vm.type_error(format!("bytearray() argument '{arg}' must be str, not {t}")))
                }
            },
        }
    };
    let enc = text(vm, &encoding, "encoding")?;
    let err = text(vm, &errors, "errors")?;
    let Some(Payload::ByteArray(ba)) = this.payload() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'bytearray' object"));
    };
    ba.check_resize(vm, 0)?;
    ba.borrow_mut().clear();
    let without_str = |vm: &mut Vm| {
        vm.type_error(if enc.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        })
    };
    let Some(src) = source else {
        if enc.is_some() || err.is_some() {
            return Err(without_str(vm));
        }
        return Ok(());
    };
    if let Some(s) = src.as_str() {
        let Some(enc) = &enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let data = crate::types::codecs::encode(vm, s, enc, err.as_deref().unwrap_or("strict"))?;
        ba.check_resize(vm, data.len())?;
        *ba.borrow_mut() = data;
        return Ok(());
    }
    if enc.is_some() || err.is_some() {
        return Err(without_str(vm));
    }
    if crate::modules::_io::iobase::is_index(vm, &src) {
        // `PyNumber_AsSsize_t(arg, PyExc_OverflowError)`: too large is an OverflowError.
        let n = match vm.index_value(&src, "cannot fit '{}' into an index-sized integer") {
            Ok(n) => n,
            Err(e) if vm.err_matches(&e, &vm.types.index_error) => {
                let t = vm.type_name(&src);
                return Err(
                    vm.overflow_error(format!("cannot fit '{t}' into an index-sized integer"))
                );
            }
            Err(e) => return Err(e),
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut data = Vec::new();
        if data.try_reserve_exact(n as usize).is_err() {
            let t = vm.types.memory_error.clone();
            return Err(vm.new_error(&t, ""));
        }
        data.resize(n as usize, 0);
        ba.check_resize(vm, data.len())?;
        *ba.borrow_mut() = data;
        return Ok(());
    }
    if let Some(data) = bytes_like(&src) {
        ba.check_resize(vm, data.len())?;
        *ba.borrow_mut() = data;
        return Ok(());
    }
    let it = match vm.iter(&src) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, &vm.types.type_error) => {
            let t = crate::object::typeobj::tdata(vm.type_of(&src)).name();
            return Err(vm.type_error(format!("cannot convert '{t}' object to bytearray")));
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = vm.next(&it)? {
        let b = byte_arg(vm, &x)?;
        ba.check_resize(vm, ba.borrow().len() + 1)?;
        ba.borrow_mut().push(b);
    }
    Ok(())
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<PyRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::ByteArray(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn data(o: &PyRef) -> &PyByteArray {
    match &o.payload {
        Payload::ByteArray(b) => b,
        _ => empty_cell(),
    }
}

fn empty_cell() -> &'static PyByteArray {
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
    let d = data(&o);
    d.check_resize(vm, d.borrow().len() + 1)?;
    d.borrow_mut().push(b);
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
            // `bytearray_extend`: a non-iterable is "can't extend bytearray with T".
            let it = match vm.iter(&args.pos[1]) {
                Ok(it) => it,
                Err(e) if vm.err_matches(&e, &vm.types.type_error) => {
                    let t = vm.type_name(&args.pos[1]);
                    return Err(vm.type_error(format!("can't extend bytearray with {t}")));
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::new();
            while let Some(x) = vm.next(&it)? {
                out.push(byte_arg(vm, &x)?);
            }
            out
        }
    };
    let d = data(&o);
    d.check_resize(vm, d.borrow().len() + add.len())?;
    d.borrow_mut().extend(add);
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
    let d = data(&o);
    d.check_resize(vm, d.borrow().len() + 1)?;
    let mut d = d.borrow_mut();
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
    let d = data(&o);
    let n = d.borrow().len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let at = if i < 0 { i + n } else { i };
    if !(0..n).contains(&at) {
        return Err(vm.index_error("pop index out of range"));
    }
    d.check_resize(vm, n as usize - 1)?;
    let c = d.borrow_mut().remove(at as usize);
    Ok(Value::Int(c as i64))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "remove", 2, 2)?;
    let o = this(vm, &args)?;
    let b = byte_arg(vm, &args.pos[1])?;
    let d = data(&o);
    let found = d.borrow().iter().position(|&x| x == b);
    match found {
        Some(i) => {
            d.check_resize(vm, d.borrow().len() - 1)?;
            d.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this(vm, &args)?;
    data(&o).borrow_mut().reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this(vm, &args)?;
    data(&o).check_resize(vm, 0)?;
    data(&o).borrow_mut().clear();
    Ok(Value::None)
}

/// `bytearray.__alloc__()`: the bytes allocated for the data, counting the trailing NUL
/// CPython keeps after it (so `len + 1` or more once anything is allocated; 0 for a
/// bytearray that never allocated).
fn alloc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this(vm, &args)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("bytearray.__alloc__() takes no keyword arguments"));
    }
    if args.pos.len() != 1 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!(
            "bytearray.__alloc__() takes no arguments ({n} given)"
        )));
    }
    let cap = data(&o).borrow().capacity();
    Ok(Value::Int(if cap == 0 { 0 } else { cap as i64 + 1 }))
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
pub(crate) fn bytes_method(name: &str) -> NativeFn {
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
        ("__alloc__", alloc),
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
        // The values first (CPython converts them to a bytearray, which may run Python
        // code that resizes this one), then the indices against the length now.
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
        let len = data(o).borrow().len();
        let (start, stop, step, n) = crate::types::slice::indices(vm, &s, len)?;
        // An `__index__` of the slice may have resized it (CPython reads the length
        // after them): positions past the end are left out, never indexed.
        let ba = data(o);
        let len = ba.borrow().len();
        if step == 1 {
            let (a, b) = (start.max(0) as usize, stop.max(start).max(0) as usize);
            let (a, b) = (a.min(len), b.min(len));
            ba.check_resize(vm, len - (b - a) + new.len())?;
            ba.borrow_mut().splice(a..b, new);
            return Ok(());
        }
        let idx: Vec<usize> = crate::types::slice::positions(start, step, n)
            .filter(|&i| i < len)
            .collect();
        if value.is_none() && !idx.is_empty() {
            ba.check_resize(vm, len - idx.len())?;
        }
        let mut d = ba.borrow_mut();
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
            // `__index__` of `v` may have shrunk it: no write past the end then.
            if let Some(slot) = data(o).borrow_mut().get_mut(at as usize) {
                *slot = b;
            }
        }
        None => {
            data(o).check_resize(vm, n as usize - 1)?;
            data(o).borrow_mut().remove(at as usize);
        }
    }
    Ok(())
}

pub use crate::types::memoryview::{
    getitem, memoryview_new, setitem_view, view_attr, view_eq, view_len, MemView,
    MEMORYVIEW_METHODS,
};
