//! `memoryview` (CPython: `Objects/memoryobject.c`): a typed, possibly N-dimensional view
//! on the memory of a bytes or bytearray object or a BytesIO (`getbuffer()`). Formats are
//! the native single-character struct codes CPython's `cast` accepts
//! (`b B h H i I l L q Q n N f d ? c P`, optionally prefixed with '@'), little-endian
//! x86-64 sizes. A view is (byte offset of item [0,..,0], shape, strides in bytes). A
//! live view holds an export of its exporter, which then refuses to resize
//! (`exporter.rs`); every access still re-checks the exporter's bounds.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::Cell;

pub mod exporter;
mod format;
use format::{is_byte_format, item_eq, item_value, native_size, pack, unpack, Item};

pub struct MemView {
    /// The exporting object (bytes, bytearray, `_io._BytesIOBuffer`): `exporter::source`
    /// finds its memory. Holds one export of it until released (see `exporter.rs`).
    pub obj: Value,
    /// Byte offset of the first item (may be past the end for an empty view).
    pub start: isize,
    /// `len()`: shape[0], or 1 for a 0-dimensional view.
    pub len: usize,
    /// As given to `cast` ("B" for a fresh view; "@h" keeps its '@').
    pub format: String,
    pub itemsize: usize,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub released: Cell<bool>,
    /// Made by `toreadonly()` (or derived from such a view): read-only whatever the
    /// exporter.
    pub readonly_view: bool,
}

/// Arguments left after the known keywords were taken: CPython's clinic message.
fn unknown_kw(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<()> {
    match args.kw.first() {
        None => Ok(()),
        Some((k, _)) => {
            let k = match &k.payload {
                Payload::Str(s) => s.as_rust().into_owned(),
                _ => String::new(),
            };
            Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )))
        }
    }
}

impl MemView {
    fn fmt_char(&self) -> char {
        native_size(&self.format).map_or('B', |s| s.0)
    }

    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn nbytes(&self) -> usize {
        self.shape.iter().product::<usize>() * self.itemsize
    }

    /// Runs `f` on the exporter's whole buffer, or None once released.
    fn with_src<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        if self.released.get() {
            return None;
        }
        Some(exporter::source(&self.obj)?.read(f))
    }

    /// Runs `f` on the exporter's whole buffer, writable; None once released or for
    /// read-only memory.
    fn with_src_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        if self.released.get() {
            return None;
        }
        exporter::source(&self.obj)?.write(f)
    }

    /// Gives back the view's export (`release()`, `__exit__`, or the drop of a view never
    /// released); false when it was already released.
    fn release(&self) -> bool {
        if self.released.replace(true) {
            return false;
        }
        exporter::release(&self.obj);
        true
    }

    /// Byte offsets of every item, in C (row-major) order.
    fn offsets(&self) -> Vec<isize> {
        let mut out = vec![self.start];
        for (d, &n) in self.shape.iter().enumerate() {
            let s = self.strides[d];
            out = out
                .iter()
                .flat_map(|&o| (0..n as isize).map(move |k| o.wrapping_add(k.wrapping_mul(s))))
                .collect();
        }
        out
    }

    fn item_at(&self, src: &[u8], off: isize) -> Option<Item> {
        let o = usize::try_from(off).ok()?;
        src.get(o..o + self.itemsize)
            .map(|b| unpack(self.fmt_char(), b))
    }

    /// The viewed bytes in C order (`tobytes()`), or `None` once released.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        if self.c_contiguous() {
            // One run of memory: copy the part of it still inside the exporter.
            let n = self.nbytes();
            return self.with_src(|src| {
                let a = usize::try_from(self.start)
                    .unwrap_or(usize::MAX)
                    .min(src.len());
                src[a..a.saturating_add(n).min(src.len())].to_vec()
            });
        }
        let offs = self.offsets();
        self.with_src(|src| {
            let mut out = Vec::with_capacity(offs.len() * self.itemsize);
            for o in offs {
                if let Some(b) = usize::try_from(o)
                    .ok()
                    .and_then(|o| src.get(o..o + self.itemsize))
                {
                    out.extend_from_slice(b);
                }
            }
            out
        })
    }

    pub fn readonly(&self) -> bool {
        self.readonly_view || !exporter::source(&self.obj).is_some_and(|s| s.writable())
    }

    /// CPython's `init_flags`: a 1-D view is contiguous iff its one item is alone or its
    /// stride is its itemsize (even when empty); N-D views use `PyBuffer_IsContiguous`.
    fn c_contiguous(&self) -> bool {
        if self.ndim() == 1 {
            return self.shape[0] == 1 || self.strides[0] == self.itemsize as isize;
        }
        if self.nbytes() == 0 {
            return true;
        }
        let mut sd = self.itemsize as isize;
        for d in (0..self.ndim()).rev() {
            if self.shape[d] > 1 && self.strides[d] != sd {
                return false;
            }
            sd *= self.shape[d] as isize;
        }
        true
    }

    fn f_contiguous(&self) -> bool {
        if self.ndim() == 1 {
            return self.c_contiguous();
        }
        if self.nbytes() == 0 {
            return true;
        }
        let mut sd = self.itemsize as isize;
        for d in 0..self.ndim() {
            if self.shape[d] > 1 && self.strides[d] != sd {
                return false;
            }
            sd *= self.shape[d] as isize;
        }
        true
    }

    /// A new view of the same memory (slices, casts, ...): it takes its own export.
    fn derived(&self) -> MemView {
        exporter::acquire(&self.obj);
        MemView {
            obj: self.obj.clone(),
            start: self.start,
            len: self.len,
            format: self.format.clone(),
            itemsize: self.itemsize,
            shape: self.shape.clone(),
            strides: self.strides.clone(),
            released: Cell::new(false),
            readonly_view: self.readonly_view,
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.obj);
    }
}

impl Drop for MemView {
    /// A view dropped without `release()` gives its export back (CPython's
    /// `memory_dealloc` releases the buffer).
    fn drop(&mut self) {
        self.release();
    }
}

fn alloc_view(vm: &mut Vm, m: MemView) -> Value {
    let ty = vm.types.memoryview.clone();
    Value::Obj(vm.alloc(&ty, Payload::MemoryView(Box::new(m))))
}

/// A fresh 1-D 'B' view of a whole exporter; takes an export of it.
fn byte_view(obj: Value, n: usize) -> MemView {
    exporter::acquire(&obj);
    MemView {
        obj,
        start: 0,
        len: n,
        format: "B".into(),
        itemsize: 1,
        shape: vec![n],
        strides: vec![1],
        released: Cell::new(false),
        readonly_view: false,
    }
}

/// A new memoryview of the whole of `exporter` (an object `exporter::source` knows).
pub fn export_view(vm: &mut Vm, exporter: Value) -> Value {
    let n = exporter::source(&exporter).map_or(0, |s| s.read(|b| b.len()));
    let m = byte_view(exporter, n);
    alloc_view(vm, m)
}

pub fn memoryview_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "memoryview", 1, 1)?;
    let o = args.pos[0].clone();
    let m = match o.payload() {
        Some(Payload::Bytes(b)) => byte_view(o.clone(), b.len()),
        Some(Payload::ByteArray(b)) => byte_view(o.clone(), b.borrow().len()),
        Some(Payload::Native(_)) if exporter::source(&o).is_some() => {
            return Ok(export_view(vm, o));
        }
        Some(Payload::MemoryView(m)) => {
            if m.released.get() {
                return Err(released(vm));
            }
            m.derived()
        }
        _ => {
            let t = vm.type_name(&o);
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{t}'"
            )));
        }
    };
    Ok(alloc_view(vm, m))
}

fn released(vm: &mut Vm) -> PyErr {
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

fn is_ellipsis(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.is(&vm.ellipsis))
}

/// `PyIndex_Check`: an int, a bool, or an instance of a class defining `__index__`.
fn is_index(vm: &mut Vm, v: &Value) -> bool {
    if matches!(
        crate::types::int::num_of(v),
        Some(crate::types::int::Num::I(_) | crate::types::int::Num::B(_))
    ) {
        return true;
    }
    let ty = vm.type_of(v).clone();
    crate::object::protocol::heap_dunder(vm, &ty, "__index__").is_some()
}

/// What a subscript key means for a view.
enum Key {
    /// `()` on a 0-d view, or a full tuple of indices: the item's byte offset.
    Item(isize),
    Ellipsis,
    Slice([Value; 3]),
}

/// Byte offset of `m[i0, i1, ...]` (CPython's `lookup_dimension`), with its errors.
fn offset_of(vm: &mut Vm, m: &MemView, idx: &[Value]) -> PyResult<isize> {
    let mut off = m.start;
    for (d, k) in idx.iter().enumerate() {
        let i = match vm.index_value(k, "memoryview: invalid slice key") {
            Ok(i) => i,
            Err(e) => return Err(e),
        };
        let n = m.shape[d] as i64;
        let at = if i < 0 { i + n } else { i };
        if !(0..n).contains(&at) {
            return Err(vm.index_error(format!("index out of bounds on dimension {}", d + 1)));
        }
        off = off.wrapping_add((at as isize).wrapping_mul(m.strides[d]));
    }
    Ok(off)
}

/// CPython's `memory_subscript` / `memory_ass_sub` key dispatch. `setting` picks the
/// assignment messages.
fn resolve_key(vm: &mut Vm, m: &MemView, key: &Value, setting: bool) -> PyResult<Key> {
    let nd = m.ndim();
    if nd == 0 {
        if is_ellipsis(vm, key) {
            return Ok(Key::Ellipsis);
        }
        if let Some(Payload::Tuple(t)) = key.payload() {
            if t.is_empty() {
                return Ok(Key::Item(m.start));
            }
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if is_index(vm, key) {
        if nd != 1 {
            return Err(vm.not_implemented_error(if setting {
                "sub-views are not implemented"
            } else {
                "multi-dimensional sub-views are not implemented"
            }));
        }
        return Ok(Key::Item(offset_of(vm, m, std::slice::from_ref(key))?));
    }
    if let Some(Payload::Slice(sl)) = key.payload() {
        if setting && nd != 1 {
            return Err(vm.not_implemented_error(
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        return Ok(Key::Slice((**sl).clone()));
    }
    if let Some(Payload::Tuple(t)) = key.payload() {
        let t: Vec<Value> = t.to_vec();
        if t.iter().all(|v| is_index(vm, v)) {
            if t.len() < nd {
                return Err(vm.not_implemented_error("sub-views are not implemented"));
            }
            if t.len() > nd {
                return Err(vm.type_error(format!(
                    "cannot index {nd}-dimension view with {}-element tuple",
                    t.len()
                )));
            }
            return Ok(Key::Item(offset_of(vm, m, &t)?));
        }
        if !t.is_empty()
            && t.iter()
                .all(|v| matches!(v.payload(), Some(Payload::Slice(_))))
        {
            return Err(vm.not_implemented_error(if setting {
                "memoryview slice assignments are currently restricted to ndim = 1"
            } else {
                "multi-dimensional slicing is not implemented"
            }));
        }
    }
    Err(vm.type_error("memoryview: invalid slice key"))
}

/// `m[i]`, `m[i, j]`, `m[a:b:c]`, `m[...]`, `m[()]`.
pub fn getitem(vm: &mut Vm, mv: &Value, key: &Value) -> PyResult<Value> {
    let m = view_of(vm, mv)?;
    match resolve_key(vm, m, key, false)? {
        Key::Ellipsis => Ok(mv.clone()),
        Key::Item(off) => match m.with_src(|s| m.item_at(s, off)).flatten() {
            Some(it) => Ok(item_value(vm, it)),
            None => Err(vm.index_error("index out of bounds on dimension 1")),
        },
        Key::Slice(s) => {
            let (start, _, step, n) = crate::types::slice::indices(vm, &s, m.shape[0])?;
            let mut v = m.derived();
            v.start = m
                .start
                .wrapping_add((start as isize).wrapping_mul(m.strides[0]));
            v.strides[0] = m.strides[0].wrapping_mul(step as isize);
            v.shape[0] = n;
            v.len = n;
            Ok(alloc_view(vm, v))
        }
    }
}

/// The format char, shape and item bytes (C order) of a buffer-providing object.
fn buffer_of(v: &Value) -> Option<(String, Vec<usize>, usize, Vec<u8>)> {
    match v.payload()? {
        Payload::MemoryView(m) => Some((m.format.clone(), m.shape.clone(), m.itemsize, m.bytes()?)),
        Payload::Bytes(b) => Some(("B".into(), vec![b.len()], 1, b.to_vec())),
        Payload::ByteArray(b) => {
            let b = b.borrow().clone();
            Some(("B".into(), vec![b.len()], 1, b))
        }
        _ => None,
    }
}

/// `m[i] = v`, `m[i, j] = v`, `m[a:b] = buffer` (same structure: a view never resizes).
pub fn setitem_view(vm: &mut Vm, mv: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = view_of(vm, mv)?;
    if m.readonly() {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete memory"));
    };
    let fc = m.fmt_char();
    let (offsets, data): (Vec<isize>, Vec<u8>) = match resolve_key(vm, m, key, true)? {
        Key::Item(off) => (vec![off], pack(vm, fc, &m.format, &value)?),
        Key::Ellipsis => {
            if m.ndim() != 0 {
                return Err(vm.type_error("memoryview: invalid slice key"));
            }
            (vec![m.start], pack(vm, fc, &m.format, &value)?)
        }
        Key::Slice(s) => {
            let (start, _, step, n) = crate::types::slice::indices(vm, &s, m.shape[0])?;
            let offs: Vec<isize> = crate::types::slice::positions(start, step, n)
                .map(|k| {
                    m.start
                        .wrapping_add((k as isize).wrapping_mul(m.strides[0]))
                })
                .collect();
            let Some((sfmt, sshape, sitem, sbytes)) = buffer_of(&value) else {
                let t = vm.type_name(&value);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
            };
            let same_fmt = native_size(&sfmt).map(|s| s.0) == Some(fc);
            if !same_fmt || sitem != m.itemsize || sshape != [offs.len()] {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            (offs, sbytes)
        }
    };
    m.with_src_mut(|t| {
        for (o, chunk) in offsets.into_iter().zip(data.chunks(m.itemsize.max(1))) {
            if let Ok(o) = usize::try_from(o) {
                if let Some(slot) = t.get_mut(o..o + chunk.len()) {
                    slot.copy_from_slice(chunk);
                }
            }
        }
    });
    Ok(())
}

pub fn view_len(vm: &mut Vm, mv: &Value) -> PyResult<usize> {
    Ok(view_of(vm, mv)?.len)
}

/// `m.tobytes(order='C')`.
fn tobytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let given = args.pos.len().saturating_sub(1) + args.kw.len();
    if given > 1 {
        return Err(vm.type_error(format!(
            "tobytes() takes at most 1 argument ({given} given)"
        )));
    }
    let order = args.take_kw("order").or_else(|| args.pos.get(1).cloned());
    unknown_kw(vm, &args, "tobytes")?;
    let m = view_of(vm, &args.pos[0])?;
    let order = match &order {
        None | Some(Value::None) => 'C',
        Some(o) => match o.as_str().map(|s| s.as_rust().into_owned()).as_deref() {
            Some("C") => 'C',
            Some("F") => 'F',
            Some("A") => 'A',
            Some(_) => return Err(vm.value_error("order must be 'C', 'F' or 'A'")),
            None => {
                let t = vm.type_name(o);
                return Err(vm.type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {t}"
                )));
            }
        },
    };
    let fortran = order == 'F' || (order == 'A' && m.f_contiguous() && !m.c_contiguous());
    let b = if fortran && m.ndim() > 1 {
        // Fortran order: the view with its dimensions reversed, read in C order.
        let mut r = m.derived();
        r.shape.reverse();
        r.strides.reverse();
        r.bytes()
    } else {
        m.bytes()
    };
    Ok(vm.new_bytes(b.unwrap_or_default()))
}

fn tolist_rec(vm: &mut Vm, m: &MemView, src: &[u8], d: usize, off: isize) -> Value {
    if d == m.ndim() {
        return match m.item_at(src, off) {
            Some(it) => item_value(vm, it),
            None => Value::None,
        };
    }
    let items: Vec<Value> = (0..m.shape[d] as isize)
        .map(|k| {
            tolist_rec(
                vm,
                m,
                src,
                d + 1,
                off.wrapping_add(k.wrapping_mul(m.strides[d])),
            )
        })
        .collect();
    vm.new_list(items)
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view_of(vm, &args.pos[0])?;
    let src = m.with_src(|s| s.to_vec()).unwrap_or_default();
    Ok(tolist_rec(vm, m, &src, 0, m.start))
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = view_of(vm, &args.pos[0])?.bytes().unwrap_or_default();
    let mut a = args;
    a.pos[0] = vm.new_bytes(b);
    crate::types::bytearray::bytes_method("hex")(vm, a)
}

fn release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Payload::MemoryView(m)) = args.pos[0].payload() {
        m.release();
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
    let mut v = view_of(vm, &args.pos[0])?.derived();
    v.readonly_view = true;
    Ok(alloc_view(vm, v))
}

/// `m.cast(format, shape=None)`: CPython's `memory_cast` (`cast_to_1D`, `cast_to_ND`), its
/// checks in its order.
fn cast(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let given = args.pos.len().saturating_sub(1) + args.kw.len();
    if given > 2 {
        return Err(vm.type_error(format!("cast() takes at most 2 arguments ({given} given)")));
    }
    let fmt_kw = args.take_kw("format");
    let shape_kw = args.take_kw("shape");
    unknown_kw(vm, &args, "cast")?;
    if fmt_kw.is_some() && args.pos.len() > 1 {
        return Err(vm.type_error("argument for cast() given by name ('format') and position (1)"));
    }
    if shape_kw.is_some() && args.pos.len() > 2 {
        return Err(vm.type_error("argument for cast() given by name ('shape') and position (2)"));
    }
    let Some(fmt) = fmt_kw.or_else(|| args.pos.get(1).cloned()) else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let shape = shape_kw
        .or_else(|| args.pos.get(2).cloned())
        .unwrap_or(Value::None);
    let Some(f) = fmt.as_str().map(|s| s.as_rust().into_owned()) else {
        let t = match fmt {
            Value::None => "None".to_string(),
            _ => vm.type_name(&fmt),
        };
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {t}")));
    };
    let m = view_of(vm, &args.pos[0])?;
    if !m.c_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let has_shape = !matches!(shape, Value::None);
    if (has_shape || m.ndim() != 1) && m.shape.contains(&0) {
        return Err(vm.type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let dims = if has_shape {
        let items = match shape.payload() {
            Some(Payload::List(l)) => l.borrow().clone(),
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => return Err(vm.type_error("shape must be a list or a tuple")),
        };
        if items.len() > 64 {
            return Err(vm.value_error("memoryview: number of dimensions must not exceed 64"));
        }
        if m.ndim() != 1 && items.len() != 1 {
            return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        Some(items)
    } else {
        None
    };
    // cast_to_1D reads the format as ASCII first (UnicodeEncodeError otherwise).
    if let Some(ps) = fmt.as_str() {
        crate::types::codecs::encode(vm, ps, "ascii", "strict")?;
    }
    let Some((dest, itemsize)) = native_size(&f) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let srcfmt = native_size(&m.format).map(|s| s.0);
    if !srcfmt.is_some_and(is_byte_format) && !is_byte_format(dest) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    if nbytes % itemsize != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let mut v = m.derived();
    v.format = f;
    v.itemsize = itemsize;
    v.shape = vec![nbytes / itemsize];
    v.strides = vec![itemsize as isize];
    if let Some(items) = dims {
        let mut shape = Vec::with_capacity(items.len());
        let mut len = itemsize;
        for x in &items {
            let Some(n) = crate::types::int::num_of(x).and_then(|n| match n {
                crate::types::int::Num::I(i) => Some(i),
                crate::types::int::Num::B(_) => Some(-1),
                crate::types::int::Num::F(_) => None,
            }) else {
                return Err(vm.type_error("memoryview.cast(): elements of shape must be integers"));
            };
            if n == -1 && !matches!(x, Value::Int(_) | Value::Bool(_)) {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
            }
            if n <= 0 {
                return Err(
                    vm.value_error("memoryview.cast(): elements of shape must be integers > 0")
                );
            }
            if n as usize > isize::MAX as usize / len {
                return Err(vm.value_error("memoryview.cast(): product(shape) > SSIZE_MAX"));
            }
            len *= n as usize;
            shape.push(n as usize);
        }
        if len != nbytes {
            return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
        let mut strides = vec![0isize; shape.len()];
        let mut sd = itemsize as isize;
        for d in (0..shape.len()).rev() {
            strides[d] = sd;
            sd *= shape[d] as isize;
        }
        v.shape = shape;
        v.strides = strides;
    }
    v.len = v.shape.first().copied().unwrap_or(1);
    Ok(alloc_view(vm, v))
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

/// `readonly`, `nbytes`, `format`, `itemsize`, `ndim`, `shape`, `strides`, `suboffsets`,
/// `obj`, `c_contiguous`, `f_contiguous`, `contiguous`.
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
    let ints = |vm: &mut Vm, v: Vec<i64>| vm.new_tuple(v.into_iter().map(Value::Int).collect());
    Ok(Some(match name {
        "readonly" => Value::Bool(m.readonly()),
        "nbytes" => Value::Int(m.nbytes() as i64),
        "format" => vm.new_str(m.format.as_str()),
        "itemsize" => Value::Int(m.itemsize as i64),
        "ndim" => Value::Int(m.ndim() as i64),
        "shape" => ints(vm, m.shape.iter().map(|&n| n as i64).collect()),
        "strides" => ints(vm, m.strides.iter().map(|&n| n as i64).collect()),
        "obj" => m.obj.clone(),
        "suboffsets" => vm.new_tuple(vec![]),
        "c_contiguous" => Value::Bool(m.c_contiguous()),
        "f_contiguous" => Value::Bool(m.f_contiguous()),
        _ => Value::Bool(m.c_contiguous() || m.f_contiguous()),
    }))
}

/// `hash(m)`: CPython's `memory_hash` (read-only byte formats only; hash of `tobytes()`).
pub fn view_hash(vm: &mut Vm, m: &MemView) -> PyResult<i64> {
    if m.released.get() {
        return Err(released(vm));
    }
    if !m.readonly() {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.fmt_char()) || native_size(&m.format).is_none() {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    Ok(vm.hash_secret.hash_bytes(&m.bytes().unwrap_or_default()))
}

/// `==` with a memoryview on either side: CPython's `memory_richcompare`. Equal shapes,
/// then item by item: identical formats other than floats compare their bytes (as the C
/// fast path does, so '?' items 1 and 2 differ), anything else compares unpacked values
/// (NaN items are unequal). A released view equals only itself.
pub fn view_eq(a: &Value, b: &Value) -> Option<bool> {
    let view = |v: &Value| match v.payload() {
        Some(Payload::MemoryView(m)) => Some(m.released.get()),
        _ => None,
    };
    let (ra, rb) = (view(a), view(b));
    if ra.is_none() && rb.is_none() {
        return None;
    }
    if ra == Some(true) || rb == Some(true) {
        return Some(a.is(b));
    }
    let (Some((fa, sa, ia, ba)), Some((fb, sb, ib, bb))) = (buffer_of(a), buffer_of(b)) else {
        return Some(a.is(b));
    };
    if sa.len() != sb.len() {
        return Some(false);
    }
    for (x, y) in sa.iter().zip(&sb) {
        if x != y {
            return Some(false);
        }
        if *x == 0 {
            break;
        }
    }
    let (ca, cb) = (native_size(&fa).map(|s| s.0), native_size(&fb).map(|s| s.0));
    let (Some(ca), Some(cb)) = (ca, cb) else {
        return Some(false);
    };
    if ca == cb && !matches!(ca, 'f' | 'd') {
        return Some(ba == bb);
    }
    Some(
        ba.chunks(ia.max(1))
            .zip(bb.chunks(ib.max(1)))
            .all(|(x, y)| item_eq(unpack(ca, x), unpack(cb, y))),
    )
}

/// The byte length of a view as a writable contiguous buffer (the `w*` converter's):
/// its `nbytes`, or None when CPython's `PyObject_GetBuffer(PyBUF_WRITABLE)` refuses it
/// (read-only, not C-contiguous; the caller raises its converter's TypeError).
pub fn writable_nbytes(vm: &mut Vm, mv: &Value) -> PyResult<Option<usize>> {
    let m = view_of(vm, mv)?;
    Ok((!m.readonly() && m.c_contiguous()).then(|| m.nbytes()))
}

/// Writes `data` into the first bytes of a writable C-contiguous view, whatever its
/// format (what `readinto` does through the `w*` buffer); returns how many were written
/// (0 for a view `writable_nbytes` refuses).
pub fn write_raw(vm: &mut Vm, mv: &Value, data: &[u8]) -> PyResult<usize> {
    let Some(n) = writable_nbytes(vm, mv)? else {
        return Ok(0);
    };
    let n = n.min(data.len());
    let m = view_of(vm, mv)?;
    let start = usize::try_from(m.start).unwrap_or(usize::MAX);
    let written = m.with_src_mut(|t| match t.get_mut(start..start.saturating_add(n)) {
        Some(slot) => {
            slot.copy_from_slice(&data[..n]);
            n
        }
        None => 0,
    });
    Ok(written.unwrap_or(0))
}
