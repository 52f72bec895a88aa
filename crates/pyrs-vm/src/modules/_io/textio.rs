//! `_io.TextIOWrapper`: a text stream over a buffered binary one (CPython:
//! `Modules/_io/textio.c`). Decoding and encoding use the codecs of `types/codecs.rs`.
//!
//! Read-ahead is kept *undecoded-newline* text: `dec` holds the decoded but untranslated
//! code points of the chunks read (`dec_start` is the byte offset of `dec[0]`), and
//! newline translation happens as text is handed out. So `tell()` is exact and simple:
//! `dec_start` plus the encoded length of what was consumed (CPython's opaque cookie
//! holds a decoder snapshot instead; pyrs's cookies are plain byte offsets, which
//! `seek()` accepts back). Bytes that end a chunk in the middle of a character wait in
//! `pending`. Writes are encoded at once and handed to the buffer (no pending text), so
//! nothing is lost when the object dies: the buffer below flushes itself.

use super::iobase::{arity, closed_err, is_index, os_error, size_arg, unsupported};
use super::newlines::NlState;
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::codecs::{self, Codec};
use crate::types::function::{Args, NativeFn};
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

pub struct TextInner {
    pub buffer: Option<Value>,
    pub detached: bool,
    pub encoding: String,
    pub codec: Codec,
    pub errors: String,
    /// `newline` as given.
    pub newline: Option<String>,
    pub line_buffering: bool,
    pub write_through: bool,
    pub chunk_size: usize,
    /// Decoded, untranslated read-ahead; `pos` is the next code point to hand out.
    pub dec: Vec<u32>,
    pub pos: usize,
    /// Byte offset of `dec[0]` in the buffer (None: not read since the last seek).
    pub dec_start: Option<i64>,
    /// Undecoded bytes that end a chunk in the middle of a character.
    pub pending: Vec<u8>,
    pub eof: bool,
    /// Kinds of newline seen (universal mode), for `newlines`.
    pub seen: NlState,
    /// A UTF-16/32 codec with a BOM: the byte order is fixed by the first read or write.
    pub bom_unresolved: bool,
    /// `next()` is iterating: `tell()` is refused, as CPython's.
    pub telling: bool,
    /// Encoded text not handed to the buffer yet (CPython's `pending_bytes`): writes
    /// gather here until `chunk_size` bytes, a line end when line-buffered, a write
    /// with `write_through`, `flush()`, or a read, seek or tell (`writeflush`).
    pub pending_out: Vec<u8>,
    /// `buffer.writable()` at `__init__` (CPython makes an encoder only then).
    pub writable: bool,
    /// The exact `FileIO` under an exact `Buffered*` buffer, cached at `__init__` for
    /// the closed test (CPython's `self->raw`).
    pub raw: Option<Value>,
}

impl TextInner {
    /// Forget decoded and undecoded read-ahead before a write (the write goes where the
    /// buffer is, not where reading had got to).
    fn drop_read_ahead(&mut self) {
        if !self.dec.is_empty() || !self.pending.is_empty() || self.dec_start.is_some() {
            self.dec.clear();
            self.pos = 0;
            self.pending.clear();
            self.dec_start = None;
        }
        self.eof = false;
    }
}

pub struct TextIOWrapper {
    pub inner: RefCell<Option<TextInner>>,
}

impl NativeData for TextIOWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(i) = self.inner.try_borrow() {
            if let Some(b) = i.as_ref().and_then(|i| i.buffer.as_ref()) {
                visit(b);
            }
        }
    }
}

pub fn make_types(vm: &mut Vm, base: &PyRef) -> PyRef {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("__repr__", repr),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("write", write),
        ("flush", flush),
        ("close", close),
        ("detach", detach),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("reconfigure", reconfigure),
        ("fileno", |vm, a| delegate(vm, a, "fileno")),
        ("isatty", |vm, a| delegate(vm, a, "isatty")),
        ("seekable", |vm, a| delegate(vm, a, "seekable")),
        ("readable", |vm, a| delegate(vm, a, "readable")),
        ("writable", |vm, a| delegate(vm, a, "writable")),
    ];
    let b = [base.clone()];
    let mut spec = nt::Spec::new("TextIOWrapper", "_io");
    spec.doc = Some("Character and line based layer over a BufferedIOBase object, buffer.");
    spec.bases = &b;
    spec.new = Some(new);
    spec.methods = methods;
    spec.no_dict = false;
    let ty = nt::new_type(vm, &spec);
    let p = super::iobase::property;
    let ro = super::iobase::readonly;
    let ro_member = super::iobase::readonly_member;
    ro(
        vm,
        &ty,
        "closed",
        |vm, a| buffer_attr(vm, a, "closed"),
        closed_not_writable,
    );
    ro(
        vm,
        &ty,
        "name",
        |vm, a| buffer_attr(vm, a, "name"),
        name_not_writable,
    );
    ro(vm, &ty, "buffer", get_buffer, ro_member);
    ro(
        vm,
        &ty,
        "encoding",
        |vm, a| member(vm, a, |vm, i| vm.new_str(&i.encoding)),
        ro_member,
    );
    ro(
        vm,
        &ty,
        "errors",
        |vm, a| member(vm, a, |vm, i| vm.new_str(&i.errors)),
        errors_not_writable,
    );
    ro(
        vm,
        &ty,
        "line_buffering",
        |vm, a| member(vm, a, |_, i| Value::Bool(i.line_buffering)),
        ro_member,
    );
    ro(
        vm,
        &ty,
        "write_through",
        |vm, a| member(vm, a, |_, i| Value::Bool(i.write_through)),
        ro_member,
    );
    ro(
        vm,
        &ty,
        "newlines",
        |vm, a| {
            field(vm, a, |vm, i| {
                if i.newline.as_deref().map_or(true, |n| n.is_empty()) {
                    i.seen.newlines(vm)
                } else {
                    Value::None
                }
            })
        },
        newlines_not_writable,
    );
    p(
        vm,
        &ty,
        "_CHUNK_SIZE",
        |vm, a| field(vm, a, |_, i| Value::Int(i.chunk_size as i64)),
        Some(set_chunk_size),
    );
    ty
}

fn new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "TextIOWrapper")?;
    Ok(nt::alloc(
        vm,
        &cls,
        TextIOWrapper {
            inner: RefCell::new(None),
        },
    ))
}

fn me<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a TextIOWrapper> {
    check_state(vm, args, true)
}

/// `self` initialized, attached too when `attached` (CPython's CHECK_INITIALIZED /
/// CHECK_ATTACHED: the members `encoding`, `errors`, `buffer`, ... and `repr` still
/// answer after `detach()`).
fn check_state<'a>(vm: &mut Vm, args: &'a Args, attached: bool) -> PyResult<&'a TextIOWrapper> {
    let t = nt::this::<TextIOWrapper>(vm, args, "method", "_io.TextIOWrapper")?;
    let bad = match &*t.inner.borrow() {
        None => Some("I/O operation on uninitialized object"),
        Some(i) if i.detached && attached => Some("underlying buffer has been detached"),
        _ => None,
    };
    if let Some(m) = bad {
        return Err(vm.value_error(m));
    }
    Ok(t)
}

/// Run `f` on the state (borrowed only for `f`, which must not call Python).
fn with<R>(t: &TextIOWrapper, f: impl FnOnce(&mut TextInner) -> R) -> R {
    let mut b = t.inner.borrow_mut();
    f(b.as_mut().expect("checked by me()"))
}

fn buf(t: &TextIOWrapper) -> Value {
    with(t, |i| i.buffer.clone().unwrap_or(Value::None))
}

fn field(vm: &mut Vm, args: Args, f: impl FnOnce(&mut Vm, &TextInner) -> Value) -> PyResult<Value> {
    let t = me(vm, &args)?;
    let b = t.inner.borrow();
    // `f` only builds a value from the fields (no Python code runs under the borrow).
    Ok(f(vm, b.as_ref().expect("checked by me()")))
}

/// A member of an initialized object, detached or not.
fn member(
    vm: &mut Vm,
    args: Args,
    f: impl FnOnce(&mut Vm, &TextInner) -> Value,
) -> PyResult<Value> {
    let t = check_state(vm, &args, false)?;
    let b = t.inner.borrow();
    // `f` only builds a value from the fields (no Python code runs under the borrow).
    Ok(f(vm, b.as_ref().expect("checked by me()")))
}

fn set_chunk_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let n = vm.index_value(&v, "an integer is required")?;
    if n <= 0 {
        return Err(vm.value_error("a strictly positive integer is required"));
    }
    with(t, |i| i.chunk_size = n as usize);
    Ok(Value::None)
}

fn get_buffer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = check_state(vm, &args, false)?;
    Ok(buf(t))
}

fn buffer_attr(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let t = me(vm, &args)?;
    let b = buf(t);
    nt::getattr(vm, &b, name)
}

fn delegate(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    arity(vm, &args, "TextIOWrapper", name, 0)?;
    let t = me(vm, &args)?;
    let b = buf(t);
    vm.call_method(&b, name, vec![])
}

/// Whether the cached raw `FileIO` is closed (`None`: there is none).
fn raw_closed(t: &TextIOWrapper) -> Option<bool> {
    let i = t.inner.borrow();
    let f = nt::state::<super::fileio::FileIO>(i.as_ref()?.raw.as_ref()?)?;
    Some(f.is_closed())
}

fn check_closed(vm: &mut Vm, t: &TextIOWrapper) -> PyResult<()> {
    // The cached raw FileIO answers in Rust (CPython's CHECK_CLOSED shortcut);
    // anything else through `buffer.closed`.
    let closed = match raw_closed(t) {
        Some(c) => c,
        None => {
            let b = buf(t);
            super::iobase::is_closed(vm, &b)?
        }
    };
    if closed {
        return Err(closed_err(vm));
    }
    Ok(())
}

fn opt_str(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.as_rust().into_owned())),
            None => {
                let t = vm.type_name(&v);
                Err(vm.type_error(format!(
                    "TextIOWrapper() argument '{what}' must be str or None, not {t}"
                )))
            }
        },
    }
}

fn check_newline(vm: &mut Vm, nl: &Option<String>) -> PyResult<()> {
    if let Some(n) = nl {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(format!("illegal newline value: {n}")));
        }
    }
    Ok(())
}

/// The codec for `encoding` (None and "locale" are the locale's: UTF-8).
fn resolve_encoding(vm: &mut Vm, enc: Option<String>) -> PyResult<(String, Codec)> {
    let name = match enc {
        None => "UTF-8".to_string(),
        Some(e) if e == "locale" => "UTF-8".to_string(),
        Some(e) => e,
    };
    let codec = codecs::lookup(vm, &name)?;
    Ok((name, codec))
}

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
/// write_through=False)`.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let names = [
        "buffer",
        "encoding",
        "errors",
        "newline",
        "line_buffering",
        "write_through",
    ];
    let [buffer, encoding, errors, newline, lb, wt] =
        nt::clinic(vm, rest, "TextIOWrapper", names, 1, 6)?;
    let buffer = buffer.unwrap_or(Value::None);
    let encoding = opt_str(vm, encoding, "encoding")?;
    let errors = opt_str(vm, errors, "errors")?.unwrap_or_else(|| "strict".to_string());
    let newline = opt_str(vm, newline, "newline")?;
    check_newline(vm, &newline)?;
    let line_buffering = match lb {
        None => false,
        Some(v) => vm.truthy(&v)?,
    };
    let write_through = match wt {
        None => false,
        Some(v) => vm.truthy(&v)?,
    };
    let (encoding, codec) = resolve_encoding(vm, encoding)?;
    let writable = {
        let w = vm.call_method(&buffer, "writable", vec![])?;
        vm.truthy(&w)?
    };
    let raw = super::bufferedio::exact(vm, &buffer).and_then(|b| {
        let i = b.inner.borrow();
        let r = i.raw.as_ref().filter(|_| i.fast)?;
        nt::state::<super::fileio::FileIO>(r).map(|_| r.clone())
    });
    let Some(t) = nt::state::<TextIOWrapper>(&this) else {
        return Err(vm.type_error("descriptor '__init__' requires a '_io.TextIOWrapper' object"));
    };
    let bom = matches!(codec, Codec::Utf16(None) | Codec::Utf32(None));
    *t.inner.borrow_mut() = Some(TextInner {
        buffer: Some(buffer.clone()),
        detached: false,
        encoding,
        codec,
        errors,
        newline,
        line_buffering,
        write_through,
        chunk_size: super::DEFAULT_BUFFER_SIZE,
        dec: Vec::new(),
        pos: 0,
        dec_start: None,
        pending: Vec::new(),
        eof: false,
        seen: NlState::new(false),
        bom_unresolved: bom,
        telling: true,
        pending_out: Vec::new(),
        writable,
        raw,
    });
    if bom {
        // Appending to a non-empty file: no BOM is written, the order is the native one.
        let seekable = vm.call_method(&buffer, "seekable", vec![])?;
        if vm.truthy(&seekable)? {
            let p = vm.call_method(&buffer, "tell", vec![])?;
            if vm.index_value(&p, "an integer is required")? != 0 {
                with(t, |i| {
                    i.codec = native_order(i.codec);
                    i.bom_unresolved = false;
                });
            }
        }
    }
    Ok(Value::None)
}

fn native_order(c: Codec) -> Codec {
    let le = cfg!(target_endian = "little");
    match c {
        Codec::Utf16(None) => Codec::Utf16(Some(le)),
        Codec::Utf32(None) => Codec::Utf32(Some(le)),
        c => c,
    }
}

/// `<_io.TextIOWrapper name='f.txt' mode='r' encoding='UTF-8'>`.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = check_state(vm, &args, false)?;
    let me_v = args.pos[0].clone();
    let tn = nt::tp_name(vm, &me_v, "_io", "TextIOWrapper");
    let enc = with(t, |i| i.encoding.clone());
    let r = nt::repr_enter(vm, &me_v, |vm| {
        let mut s = format!("<{tn}");
        for attr in ["name", "mode"] {
            match nt::getattr(vm, &me_v, attr) {
                Ok(v) => {
                    let r = vm.repr(&v)?;
                    s.push_str(&format!(" {attr}={r}"));
                }
                Err(e) => {
                    let ve = vm.types.value_error.clone();
                    let ae = vm.types.attribute_error.clone();
                    if !(vm.err_matches(&e, &ve) || vm.err_matches(&e, &ae)) {
                        return Err(e);
                    }
                }
            }
        }
        let e = vm.new_str(&enc);
        s.push_str(&format!(" encoding={}>", vm.repr(&e)?));
        Ok(s)
    })?;
    match r {
        Some(s) => Ok(vm.new_str(&s)),
        None => Err(vm.runtime_error(format!("reentrant call inside {tn}.__repr__"))),
    }
}

// ---- reading ---------------------------------------------------------------------------

/// How many leading bytes of `b` are whole characters of `codec`.
pub(super) fn complete_len(codec: Codec, b: &[u8]) -> usize {
    let n = b.len();
    match codec {
        Codec::Utf8 => {
            for k in 1..=n.min(3) {
                let c = b[n - k];
                if c & 0xC0 == 0x80 {
                    continue;
                }
                let need = if c >= 0xF0 {
                    4
                } else if c >= 0xE0 {
                    3
                } else if c >= 0xC0 {
                    2
                } else {
                    1
                };
                return if need > k { n - k } else { n };
            }
            n
        }
        Codec::Utf16(order) => {
            let m = n - n % 2;
            if m >= 2 {
                let (a, c) = (b[m - 2] as u16, b[m - 1] as u16);
                let u = if order == Some(false) {
                    a << 8 | c
                } else {
                    c << 8 | a
                };
                if (0xD800..0xDC00).contains(&u) {
                    return m - 2;
                }
            }
            m
        }
        Codec::Utf32(_) => n - n % 4,
        _ => n,
    }
}

/// The bytes `text` encodes to (for `tell()`): a lone surrogate the decoder made
/// (`surrogateescape`) is one byte, as the decoder took it.
fn encoded_len(vm: &mut Vm, codec: Codec, errors: &str, text: &[u32]) -> PyResult<usize> {
    match codec {
        Codec::Latin1 | Codec::Ascii => Ok(text.len()),
        Codec::Utf32(_) => Ok(text.len() * 4),
        c => {
            let s = PyStr::from_vec(text.to_vec());
            let errors = if errors == "strict" {
                "surrogatepass"
            } else {
                errors
            };
            Ok(codecs::encode(vm, &s, c.name(), errors)?.len())
        }
    }
}

/// Read one chunk from the buffer and decode it onto `dec`; false at end of file.
fn fill(vm: &mut Vm, t: &TextIOWrapper, all: bool) -> PyResult<bool> {
    if with(t, |i| i.eof) {
        return Ok(false);
    }
    let (b, size, start_known) = with(t, |i| {
        (i.buffer.clone(), i.chunk_size, i.dec_start.is_some())
    });
    let b = b.unwrap_or(Value::None);
    if !start_known && with(t, |i| i.dec.is_empty() && i.pending.is_empty()) {
        // Where the read-ahead starts, for tell(); None when the buffer cannot tell.
        let seekable = vm.call_method(&b, "seekable", vec![])?;
        if vm.truthy(&seekable)? {
            let p = vm.call_method(&b, "tell", vec![])?;
            let p = vm.index_value(&p, "an integer is required")?;
            with(t, |i| i.dec_start = Some(p));
        }
    }
    let has_read1 = !all && nt::getattr_opt(vm, &b, "read1")?.is_some();
    let chunk = if all {
        vm.call_method(&b, "read", vec![])?
    } else {
        vm.call_method(
            &b,
            if has_read1 { "read1" } else { "read" },
            vec![Value::Int(size as i64)],
        )?
    };
    let chunk = match &chunk {
        Value::None => Vec::new(),
        v => match crate::types::bytearray::bytes_like(v) {
            Some(c) => c,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "underlying {}() should have returned a bytes-like object, not '{tn}'",
                    if has_read1 { "read1" } else { "read" }
                )));
            }
        },
    };
    let at_eof = all || chunk.is_empty();
    let (codec, errors, mut data) = with(t, |i| {
        let mut d = std::mem::take(&mut i.pending);
        d.extend_from_slice(&chunk);
        (i.codec, i.errors.clone(), d)
    });
    // A BOM fixes the byte order of utf-16/utf-32.
    let mut skip = 0usize;
    let mut codec = codec;
    if with(t, |i| i.bom_unresolved) {
        let need = if matches!(codec, Codec::Utf16(_)) {
            2
        } else {
            4
        };
        if data.len() < need && !at_eof {
            with(t, |i| i.pending = data);
            return Ok(true);
        }
        let le = cfg!(target_endian = "little");
        codec = match codec {
            Codec::Utf16(_) if data.starts_with(&[0xFF, 0xFE]) => {
                skip = 2;
                Codec::Utf16(Some(true))
            }
            Codec::Utf16(_) if data.starts_with(&[0xFE, 0xFF]) => {
                skip = 2;
                Codec::Utf16(Some(false))
            }
            Codec::Utf32(_) if data.starts_with(&[0xFF, 0xFE, 0, 0]) => {
                skip = 4;
                Codec::Utf32(Some(true))
            }
            Codec::Utf32(_) if data.starts_with(&[0, 0, 0xFE, 0xFF]) => {
                skip = 4;
                Codec::Utf32(Some(false))
            }
            Codec::Utf16(_) => Codec::Utf16(Some(le)),
            _ => Codec::Utf32(Some(le)),
        };
        data.drain(..skip);
        with(t, |i| {
            i.codec = codec;
            i.bom_unresolved = false;
            if let Some(s) = &mut i.dec_start {
                if i.dec.is_empty() {
                    *s += skip as i64;
                }
            }
        });
    }
    let n = if at_eof {
        data.len()
    } else {
        complete_len(codec, &data)
    };
    let cps = codecs::decode_cps(vm, codec, &data[..n], &errors)?;
    // The consumed text leaves the read-ahead: its bytes move `dec_start` on.
    let (pos, known) = with(t, |i| (i.pos, i.dec_start.is_some()));
    let consumed_bytes = if pos > 0 && known {
        let prefix = with(t, |i| i.dec[..i.pos].to_vec());
        Some(encoded_len(vm, codec, &errors, &prefix)?)
    } else {
        None
    };
    with(t, |i| {
        let pos = i.pos;
        i.dec.drain(..pos);
        i.pos = 0;
        if let (Some(s), Some(c)) = (&mut i.dec_start, consumed_bytes) {
            *s += c as i64;
        }
        i.dec.extend(cps);
        i.pending = data[n..].to_vec();
        if at_eof {
            i.eof = true;
        }
    });
    Ok(!at_eof)
}

/// Take text from the read-ahead: up to `limit` code points of output, stopping after a
/// line end when `line`. `None` when more input is needed to decide (the read-ahead ends
/// in the middle of a line, or in a `\r` that a `\n` may follow).
fn take(i: &mut TextInner, limit: Option<usize>, line: bool) -> Option<Vec<u32>> {
    let universal = i.newline.as_deref().map_or(true, |n| n.is_empty());
    let translate = i.newline.is_none();
    let readnl: Vec<u32> = match i.newline.as_deref() {
        Some(n) if !n.is_empty() => n.chars().map(|c| c as u32).collect(),
        _ => vec![LF],
    };
    let mut out = Vec::new();
    let mut k = i.pos;
    let n = i.dec.len();
    while k < n {
        if limit.is_some_and(|l| out.len() >= l) {
            i.pos = k;
            return Some(out);
        }
        let c = i.dec[k];
        if universal && c == CR {
            if k + 1 == n && !i.eof {
                // A `\n` may follow in the next chunk: decide after it.
                return None;
            }
            let crlf = i.dec.get(k + 1) == Some(&LF);
            i.seen.seennl |= if crlf { 4 } else { 2 };
            if translate {
                out.push(LF);
            } else if crlf {
                out.extend([CR, LF]);
            } else {
                out.push(CR);
            }
            k += if crlf { 2 } else { 1 };
            if line {
                i.pos = k;
                return Some(out);
            }
            continue;
        }
        if universal && c == LF {
            i.seen.seennl |= 1;
        }
        out.push(c);
        k += 1;
        if line && out.ends_with(&readnl) {
            i.pos = k;
            return Some(out);
        }
    }
    if limit.is_some_and(|l| out.len() >= l) || i.eof {
        i.pos = k;
        return Some(out);
    }
    None
}

fn check_readable(vm: &mut Vm, t: &TextIOWrapper) -> PyResult<()> {
    check_closed(vm, t)?;
    let b = buf(t);
    let r = vm.call_method(&b, "readable", vec![])?;
    if !vm.truthy(&r)? {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

/// Read text: everything (`limit` None), `limit` code points, or one line.
fn read_text(
    vm: &mut Vm,
    t: &TextIOWrapper,
    limit: Option<usize>,
    line: bool,
) -> PyResult<Vec<u32>> {
    writeflush(vm, t)?;
    let all = limit.is_none() && !line;
    loop {
        if !all || with(t, |i| i.eof) {
            if let Some(out) = with(t, |i| take(i, limit, line)) {
                return Ok(out);
            }
        }
        fill(vm, t, all)?;
    }
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "read", 1, 2)?;
    let t = me(vm, &args)?;
    check_readable(vm, t)?;
    let n = size_arg(vm, args.pos.get(1))?;
    let out = read_text(vm, t, n, false)?;
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "readline", 1, 2)?;
    let t = me(vm, &args)?;
    if let Some(v) = args.pos.get(1) {
        if !matches!(v, Value::None) && !is_index(vm, v) {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    }
    let limit = size_arg(vm, args.pos.get(1))?;
    check_closed(vm, t)?;
    let out = read_text(vm, t, limit, true)?;
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(vm, &args)?;
    with(t, |i| i.telling = false);
    let ty = super::types(vm).text_io_wrapper.clone();
    let line = if vm.type_of(&args.pos[0]).is(&ty) {
        check_closed(vm, t)?;
        let out = read_text(vm, t, None, true)?;
        vm.new_pystr(PyStr::from_vec(out))
    } else {
        let l = vm.call_method(&args.pos[0], "readline", vec![])?;
        if l.as_str().is_none() {
            let tn = vm.type_name(&l);
            return Err(os_error(
                vm,
                format!("readline() should have returned a str object, not '{tn}'"),
            ));
        }
        l
    };
    if vm.len(&line)? == 0 {
        with(t, |i| i.telling = true);
        return Err(vm.stop_iteration());
    }
    Ok(line)
}

// ---- writing ---------------------------------------------------------------------------

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "TextIOWrapper", "write", 1)?;
    let t = me(vm, &args)?;
    let Some(s) = args.pos[1].as_str() else {
        let tn = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    };
    let n = write_str(vm, t, s)?;
    Ok(Value::Int(n as i64))
}

/// The state of `v` when it is an exact, attached `TextIOWrapper` whose `write` is the
/// type's (no instance attribute shadows it): `print()` then calls [`write_str`] as the
/// method would run, without a method call per piece.
pub fn exact_writer<'a>(vm: &mut Vm, v: &'a Value) -> Option<&'a TextIOWrapper> {
    let t = nt::state::<TextIOWrapper>(v)?;
    // (A TextIOWrapper exists, so the `_io` types do.)
    let io = vm.interp.io_types.as_ref()?;
    if !v.as_obj()?.ty.is(&io.text_io_wrapper) || io.write_shadowed(v) {
        return None;
    }
    match &*t.inner.borrow() {
        Some(i) if !i.detached => {}
        _ => return None,
    }
    Some(t)
}

/// `TextIOWrapper.write(s)` on an attached object (CPython's
/// `_io_TextIOWrapper_write_impl`): the text is translated (`newline`), encoded and
/// added to `pending_out`, which goes to the buffer when it would pass `chunk_size`,
/// reaches it, on a line end when line-buffered (then the buffer is flushed too), or
/// at once with `write_through`. Returns the number of code points.
pub fn write_str(vm: &mut Vm, t: &TextIOWrapper, s: &PyStr) -> PyResult<usize> {
    // ASCII text, or any text without surrogates as UTF-8 (which no error handler
    // changes), goes into `pending_out` in one borrow.
    let fast = match s.latin1() {
        Some(a) if s.is_ascii() => write_fast(t, Fast::Ascii(a)),
        Some(a) => write_fast(t, Fast::Latin1(a)),
        None if !s.has_surrogates() => write_fast(t, Fast::Wide(s)),
        None => None,
    };
    if let Some(flags) = fast {
        after_fast(vm, t, flags)?;
        return Ok(s.len());
    }
    // A `print` between pieces may have run Python code that detached `t`.
    if with(t, |i| i.detached) {
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    check_closed(vm, t)?;
    let n = s.len();
    let (newline, lb, wt, writable, chunk) = with(t, |i| {
        let nl = match i.newline.as_deref() {
            Some("\r") => Some("\r"),
            Some("\r\n") => Some("\r\n"),
            _ => None,
        };
        (
            nl,
            i.line_buffering,
            i.write_through,
            i.writable,
            i.chunk_size,
        )
    });
    if !writable {
        return Err(unsupported(vm, "not writable"));
    }
    let has = |c: u8| match s.latin1() {
        Some(b) => b.contains(&c),
        None => s.code_points().any(|x| x == c as u32),
    };
    let haslf = (newline.is_some() || lb) && has(b'\n');
    let needflush = lb && (haslf || has(b'\r'));
    let translated;
    let text: &PyStr = match newline {
        Some(nl) if haslf => {
            let mut out = Vec::with_capacity(n + 8);
            for c in s.code_points() {
                if c == LF {
                    out.extend(nl.chars().map(|c| c as u32));
                } else {
                    out.push(c);
                }
            }
            translated = PyStr::from_vec(out);
            &translated
        }
        _ => s,
    };
    let (codec, bom, errors) = with(t, |i| {
        let bom = i.bom_unresolved;
        if bom {
            i.codec = native_order(i.codec);
            i.bom_unresolved = false;
        }
        (i.codec, bom, i.errors.clone())
    });
    let mut bytes = Vec::new();
    if bom {
        bytes.extend(match codec {
            Codec::Utf16(Some(true)) => vec![0xFF, 0xFE],
            Codec::Utf16(_) => vec![0xFE, 0xFF],
            Codec::Utf32(Some(true)) => vec![0xFF, 0xFE, 0, 0],
            _ => vec![0, 0, 0xFE, 0xFF],
        });
    }
    match text.as_ascii() {
        // ASCII is itself in the ASCII-compatible codecs.
        Some(a) if matches!(codec, Codec::Utf8 | Codec::Latin1 | Codec::Ascii) => {
            bytes.extend_from_slice(a.as_bytes())
        }
        _ => bytes.extend(codecs::encode(vm, text, codec.name(), &errors)?),
    }
    // Text read ahead is dropped: the write goes where the buffer is.
    with(t, TextInner::drop_read_ahead);
    // What would pass `chunk_size` first sends what is pending, so the buffer never
    // gets more than a chunk of joined writes (CPython 3.9+).
    let over = with(t, |i| {
        !i.pending_out.is_empty() && i.pending_out.len() + bytes.len() > chunk
    });
    if over {
        writeflush(vm, t)?;
    }
    let full = with(t, |i| {
        if i.pending_out.is_empty() {
            i.pending_out = bytes;
        } else {
            i.pending_out.extend_from_slice(&bytes);
        }
        i.pending_out.len() >= chunk
    });
    if full || needflush || wt {
        writeflush(vm, t)?;
    }
    if needflush {
        let b = buf(t);
        buffer_flush(vm, &b)?;
    }
    Ok(n)
}

/// `write_str` in one borrow, for the common case: attached, the cached raw file
/// open, writable, `a` the text's encoding (ASCII text in an ASCII-compatible codec,
/// else UTF-8 text in the UTF-8 codec), no newline translation that applies, and the
/// text fitting after what is pending. `None`: take the general path.
/// `Some((flush, needflush))`: appended; then `writeflush`, and `buffer.flush()`.
fn write_fast(t: &TextIOWrapper, text: Fast<'_>) -> Option<(bool, bool)> {
    let mut g = t.inner.borrow_mut();
    let i = g.as_mut()?;
    let codec_ok = match (i.codec, &text) {
        (Codec::Utf8, _) => true,
        (Codec::Latin1, Fast::Ascii(_) | Fast::Latin1(_)) => true,
        (Codec::Ascii, Fast::Ascii(_)) => true,
        _ => false,
    };
    if i.detached
        || !i.writable
        || !codec_ok
        || nt::state::<super::fileio::FileIO>(i.raw.as_ref()?)?.is_closed()
    {
        return None;
    }
    let has = |c: u8| match &text {
        Fast::Ascii(b) | Fast::Latin1(b) => b.contains(&c),
        Fast::Wide(s) => s.code_points().any(|x| x == c as u32),
    };
    let translate = matches!(i.newline.as_deref(), Some("\r" | "\r\n"));
    let haslf = (translate || i.line_buffering) && has(b'\n');
    if translate && haslf {
        return None;
    }
    // The encoded length decides the chunking; the text is encoded straight into
    // `pending_out` (Latin-1 storage into UTF-8 by bytes, wider text by characters).
    let utf8_of = |c: u32| char::from_u32(c).unwrap_or('\u{FFFD}');
    let len = match (&text, i.codec) {
        (Fast::Ascii(b), _) | (Fast::Latin1(b), Codec::Latin1) => b.len(),
        (Fast::Latin1(b), _) => b.len() + b.iter().filter(|&&c| c >= 0x80).count(),
        (Fast::Wide(s), _) => s.code_points().map(|c| utf8_of(c).len_utf8()).sum(),
    };
    if !i.pending_out.is_empty() && i.pending_out.len() + len > i.chunk_size {
        return None;
    }
    let needflush = i.line_buffering && (haslf || has(b'\r'));
    i.drop_read_ahead();
    let out = &mut i.pending_out;
    match (&text, i.codec) {
        (Fast::Ascii(b), _) | (Fast::Latin1(b), Codec::Latin1) => out.extend_from_slice(b),
        (Fast::Latin1(b), _) => {
            out.reserve(len);
            for &c in b.iter() {
                if c < 0x80 {
                    out.push(c);
                } else {
                    out.extend([0xC0 | c >> 6, 0x80 | (c & 0x3F)]);
                }
            }
        }
        (Fast::Wide(s), _) => {
            out.reserve(len);
            let mut buf = [0u8; 4];
            for c in s.code_points() {
                out.extend_from_slice(utf8_of(c).encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    let full = i.pending_out.len() >= i.chunk_size;
    Some((full || needflush || i.write_through, needflush))
}

/// Text [`write_fast`] encodes itself: ASCII, Latin-1 storage, or wider text without
/// surrogates (so no error handler applies in UTF-8).
enum Fast<'a> {
    Ascii(&'a [u8]),
    Latin1(&'a [u8]),
    Wide(&'a PyStr),
}

/// What [`write_fast`] asked for: `writeflush`, then `buffer.flush()`.
fn after_fast(vm: &mut Vm, t: &TextIOWrapper, (flush, needflush): (bool, bool)) -> PyResult<()> {
    if flush {
        writeflush(vm, t)?;
    }
    if needflush {
        let b = buf(t);
        buffer_flush(vm, &b)?;
    }
    Ok(())
}

/// `write_str` of an ASCII literal (`print`'s default `sep` and `end`).
pub fn write_ascii(vm: &mut Vm, t: &TextIOWrapper, a: &'static str) -> PyResult<()> {
    match write_fast(t, Fast::Ascii(a.as_bytes())) {
        Some(flags) => after_fast(vm, t, flags),
        None => write_str(vm, t, &PyStr::from_str(a)).map(|_| ()),
    }
}

/// Hand `pending_out` to the buffer (CPython's `_textiowrapper_writeflush`): it is
/// taken first, so a failing `write` loses it, as in CPython.
pub fn writeflush(vm: &mut Vm, t: &TextIOWrapper) -> PyResult<()> {
    let data = with(t, |i| std::mem::take(&mut i.pending_out));
    if data.is_empty() {
        return Ok(());
    }
    let b = buf(t);
    if let Some(bi) = super::bufferedio::exact(vm, &b) {
        if !super::bufferedio::shadowed(vm, &b, "write") {
            super::bufferedio::write(vm, bi, &data)?;
            return Ok(());
        }
    }
    let bv = vm.new_bytes(data);
    vm.call_method(&b, "write", vec![bv])?;
    Ok(())
}

/// `buffer.flush()`.
fn buffer_flush(vm: &mut Vm, b: &Value) -> PyResult<()> {
    if let Some(bi) = super::bufferedio::exact(vm, b) {
        if !super::bufferedio::shadowed(vm, b, "flush") {
            return super::bufferedio::flush(vm, bi);
        }
    }
    vm.call_method(b, "flush", vec![])?;
    Ok(())
}

/// `flush()`: the pending text, then the buffer's `flush()`.
pub fn flush_text(vm: &mut Vm, t: &TextIOWrapper) -> PyResult<()> {
    check_closed(vm, t)?;
    with(t, |i| i.telling = true);
    writeflush(vm, t)?;
    let b = buf(t);
    buffer_flush(vm, &b)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "TextIOWrapper", "flush", 0)?;
    let t = me(vm, &args)?;
    flush_text(vm, t)?;
    Ok(Value::None)
}

/// `close()`: flush, then close the buffer (which it does even when flush raised).
fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "TextIOWrapper", "close", 0)?;
    let t = me(vm, &args)?;
    let b = buf(t);
    if super::iobase::is_closed(vm, &b)? {
        return Ok(Value::None);
    }
    let f = vm.call_method(&args.pos[0], "flush", vec![]);
    let c = vm.call_method(&b, "close", vec![]);
    f?;
    c?;
    Ok(Value::None)
}

fn detach(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "TextIOWrapper", "detach", 0)?;
    let t = me(vm, &args)?;
    vm.call_method(&args.pos[0], "flush", vec![])?;
    Ok(with(t, |i| {
        i.detached = true;
        i.buffer.take().unwrap_or(Value::None)
    }))
}

fn seekable_check(vm: &mut Vm, t: &TextIOWrapper) -> PyResult<Value> {
    let b = buf(t);
    let s = vm.call_method(&b, "seekable", vec![])?;
    if !vm.truthy(&s)? {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    Ok(b)
}

fn tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "TextIOWrapper", "tell", 0)?;
    let t = me(vm, &args)?;
    check_closed(vm, t)?;
    let b = seekable_check(vm, t)?;
    if !with(t, |i| i.telling) {
        return Err(os_error(
            vm,
            "telling position disabled by next() call".into(),
        ));
    }
    vm.call_method(&args.pos[0], "flush", vec![])?;
    let start = with(t, |i| i.dec_start);
    match start {
        Some(s) if with(t, |i| !i.dec.is_empty() || !i.pending.is_empty()) => {
            let prefix = with(t, |i| i.dec[..i.pos].to_vec());
            let (codec, errors) = with(t, |i| (i.codec, i.errors.clone()));
            let n = encoded_len(vm, codec, &errors, &prefix)?;
            Ok(Value::Int(s + n as i64))
        }
        _ => vm.call_method(&b, "tell", vec![]),
    }
}

fn reset_read(t: &TextIOWrapper) {
    with(t, |i| {
        i.dec.clear();
        i.pos = 0;
        i.pending.clear();
        i.dec_start = None;
        i.eof = false;
    });
}

fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "seek", 2, 3)?;
    let t = me(vm, &args)?;
    let me_v = args.pos[0].clone();
    let whence = match args.pos.get(2) {
        Some(w) => {
            if !is_index(vm, w) {
                let tn = vm.type_name(w);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
            vm.index_value(w, "an integer is required")?
        }
        None => 0,
    };
    check_closed(vm, t)?;
    let b = seekable_check(vm, t)?;
    let cookie = args.pos[1].clone();
    let is_zero = matches!(cookie, Value::Int(0)) || matches!(cookie, Value::Bool(false));
    match whence {
        1 => {
            if !is_zero {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            let pos = vm.call_method(&me_v, "tell", vec![])?;
            return seek_to(vm, t, &me_v, &b, pos);
        }
        2 => {
            if !is_zero {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            vm.call_method(&me_v, "flush", vec![])?;
            reset_read(t);
            return vm.call_method(&b, "seek", vec![Value::Int(0), Value::Int(2)]);
        }
        0 => {}
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    if !is_index(vm, &cookie) {
        let tn = vm.type_name(&cookie);
        return Err(vm.type_error(format!("an integer is required (got type {tn})")));
    }
    seek_to(vm, t, &me_v, &b, cookie)
}

fn seek_to(
    vm: &mut Vm,
    t: &TextIOWrapper,
    me_v: &Value,
    b: &Value,
    cookie: Value,
) -> PyResult<Value> {
    let n = vm.index_value(&cookie, "an integer is required")?;
    if n < 0 {
        let r = vm.repr(&cookie)?;
        return Err(vm.value_error(format!("negative seek position {r}")));
    }
    vm.call_method(me_v, "flush", vec![])?;
    reset_read(t);
    with(t, |i| i.seen.pendingcr = false);
    vm.call_method(b, "seek", vec![Value::Int(n)])?;
    Ok(Value::Int(n))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "truncate", 1, 2)?;
    let t = me(vm, &args)?;
    vm.call_method(&args.pos[0], "flush", vec![])?;
    let b = buf(t);
    let pos = match args.pos.get(1) {
        None | Some(Value::None) => vm.call_method(&args.pos[0], "tell", vec![])?,
        Some(v) => v.clone(),
    };
    vm.call_method(&b, "truncate", vec![pos])
}

fn reconfigure_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<String>> {
    match v.as_str() {
        Some(s) => Ok(Some(s.as_rust().into_owned())),
        None => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!(
                "reconfigure() argument '{what}' must be str or None, not {t}"
            )))
        }
    }
}

/// `reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
/// write_through=None)`.
fn reconfigure(vm: &mut Vm, args: Args) -> PyResult<Value> {
    me(vm, &args)?;
    if args.pos.len() > 1 {
        return Err(vm.type_error("reconfigure() takes no positional arguments"));
    }
    let me_v = args.pos[0].clone();
    let mut a = args;
    a.pos.clear();
    let Some(t) = nt::state::<TextIOWrapper>(&me_v) else {
        return Err(vm.type_error("descriptor 'reconfigure' requires a '_io.TextIOWrapper' object"));
    };
    let [encoding, errors, newline, lb, wt] = nt::clinic(
        vm,
        a,
        "reconfigure",
        [
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        0,
    )?;
    let newline_given = newline.is_some();
    let encoding = match encoding {
        None | Some(Value::None) => None,
        Some(v) => reconfigure_str(vm, v, "encoding")?,
    };
    let errors = match errors {
        None | Some(Value::None) => None,
        Some(v) => reconfigure_str(vm, v, "errors")?,
    };
    let newline = opt_str(vm, newline, "newline")?;
    check_newline(vm, &newline)?;
    if encoding.is_some() || errors.is_some() || newline_given {
        // Changing the decoding of read-ahead text is refused, as CPython refuses it.
        if with(t, |i| i.pos < i.dec.len() || !i.pending.is_empty()) && encoding.is_some() {
            return Err(unsupported(
                vm,
                "It is not possible to set the encoding or newline of stream after the first read",
            ));
        }
    }
    vm.call_method(&me_v, "flush", vec![])?;
    let codec = match &encoding {
        Some(e) => Some(resolve_encoding(vm, Some(e.clone()))?),
        None => None,
    };
    let lb = match lb {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.truthy(&v)?),
    };
    let wt = match wt {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.truthy(&v)?),
    };
    with(t, |i| {
        if let Some((name, c)) = codec {
            i.encoding = name;
            i.bom_unresolved = matches!(c, Codec::Utf16(None) | Codec::Utf32(None));
            i.codec = c;
            if errors.is_none() {
                i.errors = "strict".to_string();
            }
        }
        if let Some(e) = errors {
            i.errors = e;
        }
        if newline_given {
            i.newline = newline;
        }
        if let Some(l) = lb {
            i.line_buffering = l;
        }
        if let Some(w) = wt {
            i.write_through = w;
        }
    });
    Ok(Value::None)
}

/// The setter/deleter of a getset without setter: "attribute 'x' of
/// '_io.TextIOWrapper' objects is not writable".
macro_rules! not_writable {
    ($f:ident, $attr:literal) => {
        fn $f(vm: &mut Vm, _: Args) -> PyResult<Value> {
            Err(vm.attribute_error(concat!(
                "attribute '",
                $attr,
                "' of '_io.TextIOWrapper' objects is not writable"
            )))
        }
    };
}
not_writable!(name_not_writable, "name");
not_writable!(closed_not_writable, "closed");
not_writable!(errors_not_writable, "errors");
not_writable!(newlines_not_writable, "newlines");
