//! `zlib.compressobj()` and `zlib.decompressobj()`: the streaming `zlib.Compress` and
//! `zlib.Decompress` objects (CPython: `Modules/zlibmodule.c`, `Comp_*` and `Decomp_*`),
//! over flate2's `Compress`/`Decompress` (the system zlib, as in `zlib.rs`).
//!
//! What flate2 cannot express is refused with NotImplementedError: a `memLevel` other
//! than 8, a `strategy` other than `Z_DEFAULT_STRATEGY`, the `Z_BLOCK`/`Z_TREES` flush
//! modes; `copy()` is absent (flate2's streams cannot be duplicated).

use super::native_type::{self as nt, NativeData};
use super::zlib::{buffer, int_arg, window_format, window_refused, Format};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use std::cell::RefCell;

/// The two types, for `init` to put in the module state (after `zlib.error`).
pub fn types(vm: &mut Vm) -> (PyRef, PyRef) {
    let comp_methods: &[(&'static str, NativeFn)] =
        &[("compress", comp_compress), ("flush", comp_flush)];
    let mut spec = nt::Spec::new("Compress", "zlib");
    spec.new = Some(comp_new);
    spec.methods = comp_methods;
    spec.subclassable = false;
    let comp = nt::new_type(vm, &spec);
    let decomp_methods: &[(&'static str, NativeFn)] =
        &[("decompress", decomp_decompress), ("flush", decomp_flush)];
    let mut spec = nt::Spec::new("Decompress", "zlib");
    spec.new = Some(decomp_new);
    spec.methods = decomp_methods;
    spec.subclassable = false;
    let decomp = nt::new_type(vm, &spec);
    for (name, f) in [
        ("unused_data", decomp_unused_data as NativeFn),
        ("unconsumed_tail", decomp_unconsumed_tail),
        ("eof", decomp_eof),
    ] {
        // Read-only members (CPython's `T_OBJECT`/`T_BOOL` with `READONLY`).
        nt::add_property(vm, &decomp, name, f, Some(readonly), Some(readonly));
    }
    (comp, decomp)
}

/// Setting or deleting a read-only member.
fn readonly(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let t = vm.types.attribute_error.clone();
    Err(vm.new_error(&t, "readonly attribute"))
}

/// The types cannot be called: objects come from `compressobj()`/`decompressobj()`.
fn comp_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'zlib.Compress' instances"))
}

fn decomp_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'zlib.Decompress' instances"))
}

struct Compressor {
    stream: RefCell<Compress>,
    /// After `flush(Z_FINISH)`: zlib's stream is ended (CPython then reports
    /// "inconsistent stream state").
    finished: std::cell::Cell<bool>,
    error: PyRef,
}

impl NativeData for Compressor {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.error.clone()));
    }
}

struct Decompressor {
    /// `None` until the first input byte when the container is automatic (`wbits`
    /// 32 + n): a gzip stream starts with 0x1f, a zlib stream cannot.
    stream: RefCell<Option<Decompress>>,
    window: u8,
    /// The zlib window size asked for when it is under flate2's 9 (zlib's 8): a zlib
    /// header asking for more is refused as zlib refuses it.
    window_asked: Option<i64>,
    /// `zdict`, given to zlib when a zlib stream asks for it.
    zdict: Option<Vec<u8>>,
    unused_data: RefCell<Vec<u8>>,
    unconsumed_tail: RefCell<Vec<u8>>,
    eof: std::cell::Cell<bool>,
    error: PyRef,
}

impl NativeData for Decompressor {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.error.clone()));
    }
}

/// The module state's type `i` (0 `zlib.error`, 1 `Compress`, 2 `Decompress`).
fn state_type(vm: &mut Vm, state: &Value, i: usize) -> PyResult<PyRef> {
    let mut a = Args::default();
    a.pos.push(state.clone());
    nt::take_state_type(vm, &mut a, i)
}

fn not_supported(vm: &mut Vm, what: &str) -> PyErr {
    let t = vm.types.not_implemented_error.clone();
    vm.new_error(&t, format!("zlib: {what} is not supported by pyrs"))
}

fn invalid_option(vm: &mut Vm) -> PyErr {
    vm.value_error("Invalid initialization option")
}

/// `compressobj(level=-1, method=DEFLATED, wbits=15, memLevel=8, strategy=0, zdict=None)`.
pub fn compressobj(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let state = args.pos.remove(0);
    let names = ["level", "method", "wbits", "memLevel", "strategy", "zdict"];
    let [level, method, wbits, mem_level, strategy, zdict] =
        nt::clinic(vm, args, "compressobj", names, 0, 6)?;
    let int = |v: Option<Value>, default: i64, vm: &mut Vm| match v {
        Some(v) => int_arg(vm, &v),
        None => Ok(default),
    };
    let level = int(level, -1, vm)?;
    let method = int(method, 8, vm)?;
    let wbits = int(wbits, 15, vm)?;
    let mem_level = int(mem_level, 8, vm)?;
    let strategy = int(strategy, 0, vm)?;
    let zdict = match zdict {
        Some(z) if !matches!(z, Value::None) => Some(buffer(vm, &z)?),
        _ => None,
    };
    // deflateInit2's checks.
    let format = match wbits {
        8..=15 => Some((Format::Zlib, wbits.max(9))),
        -15..=-9 => Some((Format::Raw, -wbits)),
        25..=31 => Some((Format::Gzip, wbits - 16)),
        _ => None,
    };
    let valid = (-1..=9).contains(&level)
        && method == 8
        && (1..=9).contains(&mem_level)
        && (0..=4).contains(&strategy);
    let (Some((format, window)), true) = (format, valid) else {
        return Err(invalid_option(vm));
    };
    if mem_level != 8 {
        return Err(not_supported(vm, "a memLevel other than 8"));
    }
    if strategy != 0 {
        return Err(not_supported(
            vm,
            "a strategy other than Z_DEFAULT_STRATEGY",
        ));
    }
    let level = if level < 0 {
        Compression::default()
    } else {
        Compression::new(level as u32)
    };
    let mut c = match format {
        Format::Gzip => Compress::new_gzip(level, window as u8),
        _ => Compress::new_with_window_bits(level, format == Format::Zlib, window as u8),
    };
    if let Some(z) = &zdict {
        if format == Format::Gzip || c.set_dictionary(z).is_err() {
            return Err(invalid_option(vm));
        }
    }
    let error = state_type(vm, &state, 0)?;
    let ty = state_type(vm, &state, 1)?;
    Ok(nt::alloc(
        vm,
        &ty,
        Compressor {
            stream: RefCell::new(c),
            finished: std::cell::Cell::new(false),
            error,
        },
    ))
}

/// Run the compressor over `input` with `flush` until it needs no more output space.
fn deflate(c: &mut Compress, input: &[u8], flush: FlushCompress) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    let start = c.total_in();
    loop {
        let consumed = (c.total_in() - start) as usize;
        match c.compress_vec(&input[consumed..], &mut out, flush) {
            Ok(Status::StreamEnd) => return Ok(out),
            Ok(_) if out.len() == out.capacity() => out.reserve(out.capacity().max(64)),
            Ok(_) if (c.total_in() - start) as usize == input.len() => return Ok(out),
            Ok(_) => out.reserve(64),
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// `Compress.compress(data, /)`.
fn comp_compress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nt::positional(vm, &args, "compress", 2, 2)?;
    let data = buffer(vm, &args.pos[1])?;
    let c = nt::this::<Compressor>(vm, &args, "compress", "zlib.Compress")?;
    if c.finished.get() {
        let e = c.error.clone();
        return Err(vm.new_error(
            &e,
            "Error -2 while compressing data: inconsistent stream state",
        ));
    }
    let r = deflate(&mut c.stream.borrow_mut(), &data, FlushCompress::None);
    match r {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(m) => {
            let e = c.error.clone();
            Err(vm.new_error(&e, format!("Error -2 while compressing data: {m}")))
        }
    }
}

/// `Compress.flush(mode=Z_FINISH, /)`.
fn comp_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nt::positional(vm, &args, "flush", 1, 2)?;
    let mode = match args.pos.get(1) {
        Some(m) => int_arg(vm, m)?,
        None => 4,
    };
    let c = nt::this::<Compressor>(vm, &args, "flush", "zlib.Compress")?;
    let flush = match mode {
        0 => return Ok(vm.new_bytes(Vec::new())),
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        4 => FlushCompress::Finish,
        5 | 6 => return Err(not_supported(vm, "the Z_BLOCK and Z_TREES flush modes")),
        _ => {
            let e = c.error.clone();
            return Err(vm.new_error(&e, "Error -2 while flushing: inconsistent stream state"));
        }
    };
    if c.finished.get() {
        let e = c.error.clone();
        return Err(vm.new_error(&e, "Error -2 while flushing: inconsistent stream state"));
    }
    let r = deflate(&mut c.stream.borrow_mut(), &[], flush);
    if matches!(flush, FlushCompress::Finish) {
        c.finished.set(true);
    }
    match r {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(m) => {
            let e = c.error.clone();
            Err(vm.new_error(&e, format!("Error -2 while flushing: {m}")))
        }
    }
}

/// `decompressobj(wbits=15, zdict=b'')`.
pub fn decompressobj(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let state = args.pos.remove(0);
    let [wbits, zdict] = nt::clinic(vm, args, "decompressobj", ["wbits", "zdict"], 0, 2)?;
    let wbits = match wbits {
        Some(w) => int_arg(vm, &w)?,
        None => 15,
    };
    let zdict = match zdict {
        Some(z) => match crate::types::bytearray::bytes_like(&z) {
            Some(b) => Some(b),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
        None => None,
    };
    let Some((format, window)) = window_format(wbits) else {
        return Err(invalid_option(vm));
    };
    let window_asked = (format == Format::Zlib && window < 9).then_some(window);
    let window = window.max(9) as u8;
    let mut d = match format {
        Format::Gzip => Some(Decompress::new_gzip(window)),
        // Also a zlib stream with a small window: made once its header is seen.
        Format::Auto => None,
        Format::Zlib if window_asked.is_some() => None,
        Format::Zlib => Some(Decompress::new_with_window_bits(true, window)),
        Format::Raw => Some(Decompress::new_with_window_bits(false, window)),
    };
    if let (Format::Raw, Some(z), Some(d)) = (format, &zdict, &mut d) {
        if d.set_dictionary(z).is_err() {
            return Err(invalid_option(vm));
        }
    }
    let error = state_type(vm, &state, 0)?;
    let ty = state_type(vm, &state, 2)?;
    Ok(nt::alloc(
        vm,
        &ty,
        Decompressor {
            stream: RefCell::new(d),
            window,
            window_asked,
            zdict,
            unused_data: RefCell::new(Vec::new()),
            unconsumed_tail: RefCell::new(Vec::new()),
            eof: std::cell::Cell::new(false),
            error,
        },
    ))
}

/// How an [`inflate`] call ended.
enum Outcome {
    /// The stream's end was reached.
    End,
    /// More input (or output room) is needed.
    More,
    /// zlib's error (CPython's "Error N while decompressing data: MSG").
    Error(String),
}

/// Inflate `input` into at most `limit` bytes (0: no limit) with `flush`, as CPython's
/// loops call `inflate`: the output so far (kept on an error too), the bytes of `input`
/// consumed, and how it ended.
fn inflate(
    d: &Decompressor,
    input: &[u8],
    limit: usize,
    flush: FlushDecompress,
) -> (Vec<u8>, usize, Outcome) {
    const CHUNK: usize = 64 << 10;
    let mut slot = d.stream.borrow_mut();
    let s = match &mut *slot {
        Some(s) => s,
        empty => {
            let Some(&first) = input.first() else {
                return (Vec::new(), 0, Outcome::More);
            };
            if let Some(msg) = window_refused(d.window_asked, input) {
                return (Vec::new(), 0, Outcome::Error(msg));
            }
            let stream = if first == 0x1f && d.window_asked.is_none() {
                Decompress::new_gzip(d.window)
            } else {
                Decompress::new_with_window_bits(true, d.window)
            };
            empty.insert(stream)
        }
    };
    let start = s.total_in();
    let mut out: Vec<u8> = Vec::new();
    loop {
        let consumed = (s.total_in() - start) as usize;
        let room = if limit > 0 { limit - out.len() } else { CHUNK };
        if room == 0 {
            return (out, consumed, Outcome::More);
        }
        // flate2 writes into the spare capacity only: a chunk never passes the limit.
        let mut chunk = Vec::with_capacity(room.min(CHUNK));
        let before_out = s.total_out();
        let r = s.decompress_vec(&input[consumed..], &mut chunk, flush);
        let full = chunk.len() == chunk.capacity();
        out.extend_from_slice(&chunk);
        let now = (s.total_in() - start) as usize;
        match r {
            Ok(Status::StreamEnd) => return (out, now, Outcome::End),
            Ok(_) => {
                let moved = now != consumed || s.total_out() != before_out;
                // Output space left: zlib gave all it could from the input it has.
                if !moved || (!full && now == input.len()) {
                    return (out, now, Outcome::More);
                }
            }
            Err(e) => {
                if let (Some(_), Some(z)) = (e.needs_dictionary(), &d.zdict) {
                    if s.set_dictionary(z).is_ok() {
                        continue;
                    }
                }
                let msg = match e.message() {
                    Some(m) => format!("Error -3 while decompressing data: {m}"),
                    None if e.needs_dictionary().is_some() => {
                        "Error 2 while decompressing data".to_string()
                    }
                    None => "Error -3 while decompressing data: invalid input data".to_string(),
                };
                let now = (s.total_in() - start) as usize;
                return (out, now, Outcome::Error(msg));
            }
        }
    }
}

/// `Decompress.decompress(data, /, max_length=0)`.
fn decomp_decompress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first().cloned() else {
        return Err(vm.type_error(
            "descriptor 'decompress' for 'zlib.Decompress' objects doesn't apply to nothing",
        ));
    };
    let mut rest = Args::default();
    rest.pos.extend(args.pos.iter().skip(1).cloned());
    rest.kw = args.kw.clone();
    if rest.pos.is_empty() {
        return Err(vm.type_error("decompress() takes at least 1 positional argument (0 given)"));
    }
    let [data, max_length] = nt::clinic(vm, rest, "decompress", ["data", "max_length"], 1, 2)?;
    let data = buffer(vm, &data.unwrap_or(Value::None))?;
    let max_length = match max_length {
        Some(m) => {
            let m = vm.index_value(&m, "'{}' object cannot be interpreted as an integer")?;
            if m < 0 {
                return Err(vm.value_error("max_length must be non-negative"));
            }
            m as usize
        }
        None => 0,
    };
    let a = Args {
        pos: vec![this].into(),
        kw: Vec::new(),
    };
    let d = nt::this::<Decompressor>(vm, &a, "decompress", "zlib.Decompress")?;
    if d.eof.get() {
        // zlib's ended stream takes nothing more: all of it is unused data.
        d.unused_data.borrow_mut().extend_from_slice(&data);
        return Ok(vm.new_bytes(Vec::new()));
    }
    let (out, consumed, outcome) = inflate(d, &data, max_length, FlushDecompress::Sync);
    save_unconsumed_input(d, &data[consumed.min(data.len())..], &outcome, false);
    if let Outcome::Error(m) = outcome {
        let e = d.error.clone();
        return Err(vm.new_error(&e, m));
    }
    Ok(vm.new_bytes(out))
}

/// `save_unconsumed_input`: after the end, what follows is `unused_data`; before it,
/// the input not taken yet (an output limit was reached) is `unconsumed_tail`. When
/// `flush()` reaches the end, CPython leaves that rest in `unconsumed_tail` as well
/// (`keep_tail`).
fn save_unconsumed_input(d: &Decompressor, rest: &[u8], outcome: &Outcome, keep_tail: bool) {
    if let Outcome::End = outcome {
        d.eof.set(true);
        d.unused_data.borrow_mut().extend_from_slice(rest);
        *d.unconsumed_tail.borrow_mut() = if keep_tail { rest.to_vec() } else { Vec::new() };
        return;
    }
    let mut tail = d.unconsumed_tail.borrow_mut();
    if !rest.is_empty() || !tail.is_empty() {
        *tail = rest.to_vec();
    }
}

/// `Decompress.flush(length=DEF_BUF_SIZE, /)`: the rest of `unconsumed_tail`.
fn decomp_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nt::positional(vm, &args, "flush", 1, 2)?;
    if let Some(l) = args.pos.get(1) {
        let l = vm.index_value(l, "'{}' object cannot be interpreted as an integer")?;
        if l <= 0 {
            return Err(vm.value_error("length must be greater than zero"));
        }
    }
    let d = nt::this::<Decompressor>(vm, &args, "flush", "zlib.Decompress")?;
    if d.eof.get() {
        return Ok(vm.new_bytes(Vec::new()));
    }
    // CPython's flush ends the stream with Z_FINISH and reports no error: what zlib
    // gave is returned, the rest kept as unconsumed input.
    let tail = d.unconsumed_tail.borrow().clone();
    let (out, consumed, outcome) = inflate(d, &tail, 0, FlushDecompress::Finish);
    save_unconsumed_input(d, &tail[consumed.min(tail.len())..], &outcome, true);
    Ok(vm.new_bytes(out))
}

fn decomp_unused_data(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = nt::this::<Decompressor>(vm, &args, "unused_data", "zlib.Decompress")?;
    let v = d.unused_data.borrow().clone();
    Ok(vm.new_bytes(v))
}

fn decomp_unconsumed_tail(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = nt::this::<Decompressor>(vm, &args, "unconsumed_tail", "zlib.Decompress")?;
    let v = d.unconsumed_tail.borrow().clone();
    Ok(vm.new_bytes(v))
}

fn decomp_eof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = nt::this::<Decompressor>(vm, &args, "eof", "zlib.Decompress")?;
    let _ = vm;
    Ok(Value::Bool(d.eof.get()))
}
