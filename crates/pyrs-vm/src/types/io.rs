//! File objects: `open()` and `sys.stdin` (CPython: `Modules/_io/` — `FileIO`,
//! `BufferedReader`/`BufferedWriter`, `TextIOWrapper`). One Rust object stands for the
//! whole stack: a binary file (`BufferedReader`/`BufferedWriter`/`BufferedRandom`) reads
//! and writes bytes; a text file (`TextIOWrapper`) decodes with a codec of
//! `types/codecs.rs` and translates newlines as `newline=` says. Writes are buffered and
//! flushed by `flush()`, `close()`, and when the last reference goes (`Drop`), which is
//! when CPython closes a file too. The full `io` module comes with the standard library.

use crate::object::{Payload, PyRef, Value};
use crate::types::codecs::Codec;
use crate::types::function::{Args, NativeFn};
use crate::types::str::PyStr;
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::io::{BufRead, Read, Seek, SeekFrom, Write};

pub enum Handle {
    File(std::fs::File),
    Stdin,
}

pub struct FileData {
    pub handle: RefCell<Option<Handle>>,
    pub name: Value,
    pub mode: String,
    pub text: bool,
    pub readable: bool,
    pub writable: bool,
    pub codec: Codec,
    pub encoding: String,
    pub errors: String,
    /// `None`: universal newlines; `Some("")`: no translation; else the line ending.
    pub newline: Option<String>,
    pub wbuf: RefCell<Vec<u8>>,
    /// Decoded text read ahead (text files), from `rpos` on.
    pub rtext: RefCell<Vec<u32>>,
    pub rpos: Cell<usize>,
    /// Text read through the end of the file (`rtext` holds everything left).
    pub eof: Cell<bool>,
    pub closed: Cell<bool>,
}

impl FileData {
    fn flush_buf(&self) -> std::io::Result<()> {
        let mut b = self.wbuf.borrow_mut();
        if b.is_empty() {
            return Ok(());
        }
        if let Some(Handle::File(f)) = self.handle.borrow_mut().as_mut() {
            f.write_all(&b)?;
        }
        b.clear();
        Ok(())
    }
}

impl Drop for FileData {
    /// A file object closes when its last reference goes: pending writes reach the file.
    fn drop(&mut self) {
        let _ = self.flush_buf();
    }
}

fn io_err(vm: &mut Vm, e: std::io::Error, name: Option<&str>) -> PyErr {
    crate::types::exceptions::os_error_from_io(vm, &e, name)
}

fn closed_err(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    let t = vm.types.unsupported_operation.clone();
    vm.new_error(&t, what)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)`.
pub fn open(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let names = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    let mut a: Vec<Option<Value>> = vec![None; names.len()];
    if args.pos.len() > names.len() {
        return Err(vm.type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            args.pos.len()
        )));
    }
    for (i, v) in args.pos.drain(..).enumerate() {
        a[i] = Some(v);
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = args.take_kw(n) {
            a[i] = Some(v);
        }
    }
    if let Some((k, _)) = args.kw.first() {
        let k = Value::Obj(k.clone())
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for open()")));
    }
    let opt_str = |vm: &mut Vm, v: &Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => match v.as_str() {
                Some(s) => Ok(Some(s.as_rust().into_owned())),
                None => {
                    let t = vm.type_name(v);
                    Err(vm.type_error(format!(
                        "open() argument '{what}' must be str or None, not {t}"
                    )))
                }
            },
        }
    };
    let Some(file) = a[0].clone() else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let path = match (file.as_str(), crate::types::bytearray::bytes_like(&file)) {
        (Some(s), _) => s.as_rust().into_owned(),
        (None, Some(b)) if matches!(file.payload(), Some(Payload::Bytes(_))) => {
            String::from_utf8_lossy(&b).into_owned()
        }
        _ => {
            let t = vm.type_name(&file);
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )));
        }
    };
    let mode = match &a[1] {
        None => "r".to_string(),
        Some(v) => match v.as_str() {
            Some(s) => s.as_rust().into_owned(),
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {t}")));
            }
        },
    };
    let encoding = opt_str(vm, &a[3], "encoding")?;
    let errors = opt_str(vm, &a[4], "errors")?;
    let newline = opt_str(vm, &a[5], "newline")?;
    // Mode validation as `_io.open`.
    let mut seen = String::new();
    let (mut r, mut w, mut x, mut ap, mut plus, mut b, mut t) =
        (false, false, false, false, false, false, false);
    for c in mode.chars() {
        if seen.contains(c) || !"rwxabt+".contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'r' => r = true,
            'w' => w = true,
            'x' => x = true,
            'a' => ap = true,
            '+' => plus = true,
            'b' => b = true,
            _ => t = true,
        }
    }
    if b && t {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    match r as u8 + w as u8 + x as u8 + ap as u8 {
        1 => {}
        0 => {
            return Err(vm.value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ))
        }
        _ => return Err(vm.value_error("must have exactly one of create/read/write/append mode")),
    }
    if b && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if b && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if b && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if let Some(n) = &newline {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(format!("illegal newline value: {n}")));
        }
    }
    let enc_name = encoding.clone().unwrap_or_else(|| "utf-8".to_string());
    let codec = crate::types::codecs::lookup(vm, &enc_name)?;
    let mut oo = std::fs::OpenOptions::new();
    oo.read(r || plus).write(w || x || ap || plus);
    if w {
        oo.create(true).truncate(true);
    }
    if x {
        oo.create_new(true);
    }
    if ap {
        oo.append(true).create(true);
    }
    let f = oo.open(&path).map_err(|e| io_err(vm, e, Some(&path)))?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(io_err(vm, e, Some(&path)));
    }
    let shown_mode = if b {
        mode.clone()
    } else {
        mode.replace('t', "")
    };
    let ty = if !b {
        vm.types.text_io_wrapper.clone()
    } else if plus {
        vm.types.buffered_random.clone()
    } else if r {
        vm.types.buffered_reader.clone()
    } else {
        vm.types.buffered_writer.clone()
    };
    let data = FileData {
        handle: RefCell::new(Some(Handle::File(f))),
        name: file.clone(),
        mode: shown_mode,
        text: !b,
        readable: r || plus,
        writable: w || x || ap || plus,
        codec,
        encoding: if encoding.is_some() {
            enc_name
        } else {
            "UTF-8".to_string()
        },
        errors: errors.unwrap_or_else(|| "strict".to_string()),
        newline,
        wbuf: RefCell::new(Vec::new()),
        rtext: RefCell::new(Vec::new()),
        rpos: Cell::new(0),
        eof: Cell::new(false),
        closed: Cell::new(false),
    };
    Ok(Value::Obj(vm.alloc(&ty, Payload::File(Box::new(data)))))
}

/// The `sys.stdin` object: a text file over the process's standard input.
pub fn make_stdin(vm: &mut Vm) -> Value {
    let ty = vm.types.text_io_wrapper.clone();
    let name = vm.new_str("<stdin>");
    let data = FileData {
        handle: RefCell::new(Some(Handle::Stdin)),
        name,
        mode: "r".to_string(),
        text: true,
        readable: true,
        writable: false,
        codec: Codec::Utf8,
        encoding: "utf-8".to_string(),
        errors: "strict".to_string(),
        newline: None,
        wbuf: RefCell::new(Vec::new()),
        rtext: RefCell::new(Vec::new()),
        rpos: Cell::new(0),
        eof: Cell::new(false),
        closed: Cell::new(false),
    };
    Value::Obj(vm.alloc(&ty, Payload::File(Box::new(data))))
}

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a FileData> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::File(f)) => Ok(f),
        _ => Err(vm.type_error("descriptor requires a file object")),
    }
}

fn open_file<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a FileData> {
    let f = this(vm, args)?;
    if f.closed.get() {
        return Err(closed_err(vm));
    }
    Ok(f)
}

/// Read raw bytes: up to `n` (all when `None`), or one line when `line`.
fn read_raw(vm: &mut Vm, f: &FileData, n: Option<usize>, line: bool) -> PyResult<Vec<u8>> {
    let mut h = f.handle.borrow_mut();
    let mut out = Vec::new();
    let r = match h.as_mut() {
        None => return Err(closed_err(vm)),
        Some(Handle::Stdin) => {
            let stdin = std::io::stdin();
            let mut lock = stdin.lock();
            if line {
                lock.read_until(b'\n', &mut out).map(|_| ())
            } else {
                match n {
                    Some(n) => Read::by_ref(&mut lock)
                        .take(n as u64)
                        .read_to_end(&mut out)
                        .map(|_| ()),
                    None => lock.read_to_end(&mut out).map(|_| ()),
                }
            }
        }
        Some(Handle::File(file)) => {
            if line {
                let mut byte = [0u8; 1];
                loop {
                    match file.read(&mut byte) {
                        Ok(0) => break Ok(()),
                        Ok(_) => {
                            out.push(byte[0]);
                            if byte[0] == b'\n' {
                                break Ok(());
                            }
                        }
                        Err(e) => break Err(e),
                    }
                }
            } else {
                match n {
                    Some(n) => Read::by_ref(file)
                        .take(n as u64)
                        .read_to_end(&mut out)
                        .map(|_| ()),
                    None => file.read_to_end(&mut out).map(|_| ()),
                }
            }
        }
    };
    drop(h);
    r.map_err(|e| io_err(vm, e, None))?;
    Ok(out)
}

/// Universal-newline translation of decoded text (`\r\n` and `\r` become `\n`).
fn translate_in(cps: Vec<u32>) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        if cps[i] == '\r' as u32 {
            out.push('\n' as u32);
            if cps.get(i + 1) == Some(&('\n' as u32)) {
                i += 1;
            }
        } else {
            out.push(cps[i]);
        }
        i += 1;
    }
    out
}

/// Make sure the text buffer holds the rest of the file (a whole line at least, for
/// stdin, which is read a line at a time).
fn fill_text(vm: &mut Vm, f: &FileData, line_only: bool) -> PyResult<()> {
    if f.eof.get() {
        return Ok(());
    }
    let is_stdin = matches!(f.handle.borrow().as_ref(), Some(Handle::Stdin));
    let raw = if is_stdin && line_only {
        let r = read_raw(vm, f, None, true)?;
        if r.is_empty() {
            f.eof.set(true);
        }
        r
    } else {
        f.eof.set(true);
        read_raw(vm, f, None, false)?
    };
    let cps = crate::types::codecs::decode_cps(vm, f.codec, &raw, &f.errors)?;
    let cps = if f.newline.is_none() {
        translate_in(cps)
    } else {
        cps
    };
    let mut t = f.rtext.borrow_mut();
    let pos = f.rpos.get();
    let keep_from = pos.min(t.len());
    t.drain(..keep_from);
    f.rpos.set(0);
    t.extend(cps);
    Ok(())
}

/// The end (exclusive) of the line starting at `pos` in `t`, by the file's newline rule.
fn line_end(f: &FileData, t: &[u32], pos: usize) -> Option<usize> {
    let nl = '\n' as u32;
    let cr = '\r' as u32;
    match f.newline.as_deref() {
        None | Some("\n") => t[pos..].iter().position(|&c| c == nl).map(|i| pos + i + 1),
        Some("\r") => t[pos..].iter().position(|&c| c == cr).map(|i| pos + i + 1),
        Some("\r\n") => (pos..t.len().saturating_sub(1))
            .find(|&i| t[i] == cr && t[i + 1] == nl)
            .map(|i| i + 2),
        _ => {
            // newline="": any of \n, \r, \r\n ends a line, kept untranslated.
            for i in pos..t.len() {
                if t[i] == nl {
                    return Some(i + 1);
                }
                if t[i] == cr {
                    return Some(if t.get(i + 1) == Some(&nl) {
                        i + 2
                    } else {
                        i + 1
                    });
                }
            }
            None
        }
    }
}

fn readline_text(vm: &mut Vm, f: &FileData, limit: Option<usize>) -> PyResult<Value> {
    loop {
        let t = f.rtext.borrow();
        let pos = f.rpos.get();
        let end = line_end(f, &t, pos);
        if end.is_some() || f.eof.get() {
            let mut e = end.unwrap_or(t.len());
            if let Some(l) = limit {
                e = e.min(pos + l);
            }
            let s = PyStr::from_vec(t[pos..e].to_vec());
            drop(t);
            f.rpos.set(e);
            return Ok(vm.new_pystr(s));
        }
        drop(t);
        fill_text(vm, f, true)?;
    }
}

fn check_readable(vm: &mut Vm, f: &FileData) -> PyResult<()> {
    if !f.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = vm.index_value(v, "argument should be integer or None, not '{}'")?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    check_readable(vm, f)?;
    let n = size_arg(vm, args.pos.get(1))?;
    if !f.text {
        let b = read_raw(vm, f, n, false)?;
        return Ok(vm.new_bytes(b));
    }
    fill_text(vm, f, false)?;
    let t = f.rtext.borrow();
    let pos = f.rpos.get();
    let end = n.map_or(t.len(), |n| (pos + n).min(t.len()));
    let s = PyStr::from_vec(t[pos..end].to_vec());
    drop(t);
    f.rpos.set(end);
    Ok(vm.new_pystr(s))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    check_readable(vm, f)?;
    let limit = size_arg(vm, args.pos.get(1))?;
    if !f.text {
        let b = read_raw(vm, f, None, true)?;
        return Ok(vm.new_bytes(b));
    }
    readline_text(vm, f, limit)
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    check_readable(vm, f)?;
    let mut out = Vec::new();
    loop {
        let line = if f.text {
            readline_text(vm, f, None)?
        } else {
            let b = read_raw(vm, f, None, true)?;
            vm.new_bytes(b)
        };
        if vm.len(&line)? == 0 {
            break;
        }
        out.push(line);
    }
    Ok(vm.new_list(out))
}

/// The next line for `for line in f` (`None` at the end).
pub fn next_line(vm: &mut Vm, file: &Value) -> PyResult<Option<Value>> {
    let line = readline(vm, Args::positional(vec![file.clone()]))?;
    Ok((vm.len(&line)? != 0).then_some(line))
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let line = readline(vm, args)?;
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration());
    }
    Ok(line)
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "write", 2, 2)?;
    let f = open_file(vm, &args)?;
    if !f.writable {
        return Err(unsupported(vm, "not writable"));
    }
    let v = &args.pos[1];
    if f.text {
        let Some(s) = v.as_str() else {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!("write() argument must be str, not {t}")));
        };
        let n = s.len();
        let cps: Vec<u32> = match f.newline.as_deref() {
            Some(nl) if nl == "\r" || nl == "\r\n" => {
                let mut out = Vec::with_capacity(n);
                for c in s.code_points() {
                    if c == '\n' as u32 {
                        out.extend(nl.chars().map(|c| c as u32));
                    } else {
                        out.push(c);
                    }
                }
                out
            }
            _ => s.to_vec(),
        };
        let b = crate::types::codecs::encode(vm, &PyStr::from_vec(cps), f.codec.name(), &f.errors)?;
        f.wbuf.borrow_mut().extend(b);
        return Ok(Value::Int(n as i64));
    }
    let Some(b) = crate::types::bytearray::bytes_like(v) else {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    let n = b.len();
    f.wbuf.borrow_mut().extend(b);
    Ok(Value::Int(n as i64))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "writelines", 2, 2)?;
    let me = args.pos[0].clone();
    for line in vm.collect(&args.pos[1])? {
        write(vm, Args::positional(vec![me.clone(), line]))?;
    }
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    f.flush_buf().map_err(|e| io_err(vm, e, None))?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    if f.closed.get() {
        return Ok(Value::None);
    }
    let r = f.flush_buf();
    f.closed.set(true);
    f.handle.borrow_mut().take();
    r.map_err(|e| io_err(vm, e, None))?;
    Ok(Value::None)
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    open_file(vm, &args)?;
    Ok(args.pos[0].clone())
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    close(vm, Args::positional(vec![args.pos[0].clone()]))
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    open_file(vm, &args)?;
    Ok(args.pos[0].clone())
}

fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "seek", 2, 3)?;
    let f = open_file(vm, &args)?;
    let off = vm.index_value(&args.pos[1], "an integer is required")?;
    let whence = match args.pos.get(2) {
        Some(v) => vm.index_value(v, "an integer is required")?,
        None => 0,
    };
    f.flush_buf().map_err(|e| io_err(vm, e, None))?;
    if f.text
        && (whence != 0 || off < 0)
        && !(whence == 2 && off == 0)
        && !(whence == 1 && off == 0)
    {
        return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
    }
    let pos = match whence {
        0 => SeekFrom::Start(off.max(0) as u64),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    // Text read ahead is dropped: the next read starts at the new position.
    f.rtext.borrow_mut().clear();
    f.rpos.set(0);
    f.eof.set(false);
    let r = match f.handle.borrow_mut().as_mut() {
        Some(Handle::File(file)) => file.seek(pos),
        _ => return Err(unsupported(vm, "underlying stream is not seekable")),
    };
    let p = r.map_err(|e| io_err(vm, e, None))?;
    Ok(Value::Int(p as i64))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    f.flush_buf().map_err(|e| io_err(vm, e, None))?;
    if f.text && f.rtext.borrow().len() > f.rpos.get() {
        return Err(unsupported(
            vm,
            "pyrs cannot tell() a text file in the middle of read-ahead text",
        ));
    }
    let r = match f.handle.borrow_mut().as_mut() {
        Some(Handle::File(file)) => file.stream_position(),
        _ => return Err(unsupported(vm, "underlying stream is not seekable")),
    };
    let p = r.map_err(|e| io_err(vm, e, None))?;
    Ok(Value::Int(p as i64))
}

fn fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        if let Some(Handle::File(file)) = f.handle.borrow().as_ref() {
            return Ok(Value::Int(file.as_raw_fd() as i64));
        }
    }
    let _ = f;
    Ok(Value::Int(0))
}

fn readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    Ok(Value::Bool(f.readable))
}

fn writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    Ok(Value::Bool(f.writable))
}

fn seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    Ok(Value::Bool(matches!(
        f.handle.borrow().as_ref(),
        Some(Handle::File(_))
    )))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args)?;
    use std::io::IsTerminal;
    Ok(Value::Bool(match f.handle.borrow().as_ref() {
        Some(Handle::Stdin) => std::io::stdin().is_terminal(),
        Some(Handle::File(file)) => file.is_terminal(),
        None => false,
    }))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("read", read),
    ("readline", readline),
    ("readlines", readlines),
    ("write", write),
    ("writelines", writelines),
    ("flush", flush),
    ("close", close),
    ("seek", seek),
    ("tell", tell),
    ("fileno", fileno),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("isatty", isatty),
    ("__enter__", enter),
    ("__exit__", exit),
    ("__iter__", iter_self),
    ("__next__", next),
];

/// `name`, `mode`, `closed`, `encoding`, `errors`, `newlines`-free attributes.
pub fn file_attr(vm: &mut Vm, o: &PyRef, name: &str) -> Option<Value> {
    let Payload::File(f) = &o.payload else {
        return None;
    };
    Some(match name {
        "name" => f.name.clone(),
        "mode" => vm.new_str(&f.mode),
        "closed" => Value::Bool(f.closed.get()),
        "encoding" if f.text => vm.new_str(&f.encoding),
        "errors" if f.text => vm.new_str(&f.errors),
        "line_buffering" if f.text => Value::Bool(false),
        _ => return None,
    })
}

/// `<_io.TextIOWrapper name='f.txt' mode='r' encoding='UTF-8'>`.
pub fn repr(vm: &mut Vm, o: &PyRef) -> PyResult<Option<String>> {
    let Payload::File(f) = &o.payload else {
        return Ok(None);
    };
    let tn = crate::object::typeobj::tdata(&o.ty).name();
    if f.closed.get() {
        return Ok(Some(
            format!("<_io.{tn} name={} >", vm.repr(&f.name)?).replace(" >", ">"),
        ));
    }
    let name = vm.repr(&f.name)?;
    Ok(Some(if f.text {
        format!(
            "<_io.{tn} name={name} mode='{}' encoding='{}'>",
            f.mode, f.encoding
        )
    } else {
        format!("<_io.{tn} name={name}>")
    }))
}
