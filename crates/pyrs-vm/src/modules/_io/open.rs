//! `open()`, `open_code()` and `text_encoding()` (CPython: `Modules/_io/_iomodule.c`'s
//! `_io_open_impl`): mode checks, then the stack `FileIO` -> `Buffered*` ->
//! `TextIOWrapper` built by calling the types (so the objects are exactly those a
//! Python caller would get from the classes).

use super::iobase::is_index;
use crate::modules::native_type::{self as nt};
use crate::object::Value;
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] =
        nt::clinic(vm, args, "open", names, 1, 8)?;
    let file = file.unwrap_or(Value::None);
    let mode_v = mode.unwrap_or_else(|| vm.new_str("r"));
    let Some(mode) = mode_v.as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&mode_v);
        return Err(vm.type_error(format!("open() argument 'mode' must be str, not {t}")));
    };
    let buffering = match buffering {
        None => -1,
        Some(v) => {
            if !is_index(vm, &v) {
                let t = vm.type_name(&v);
                return Err(
                    vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
            vm.index_value(&v, "an integer is required")?
        }
    };
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
    let encoding_s = opt_str(vm, &encoding, "encoding")?;
    let errors_s = opt_str(vm, &errors, "errors")?;
    let newline_s = opt_str(vm, &newline, "newline")?;
    let closefd = match &closefd {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    if !is_index(vm, &file)
        && !matches!(
            file.payload(),
            Some(crate::object::Payload::Str(_) | crate::object::Payload::Bytes(_))
        )
    {
        let ty = vm.type_of(&file).clone();
        if crate::object::protocol::special_method(vm, &ty, "__fspath__").is_none() {
            let t = vm.type_name(&file);
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )));
        }
    }
    // Mode validation as `_io_open_impl`.
    let (mut creating, mut reading, mut writing, mut appending, mut updating) =
        (false, false, false, false, false);
    let (mut text, mut binary) = (false, false);
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            _ => binary = true,
        }
    }
    let mut rawmode = String::new();
    for (flag, c) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
        (updating, '+'),
    ] {
        if flag {
            rawmode.push(c);
        }
    }
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if creating as u8 + reading as u8 + writing as u8 + appending as u8 > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if !(creating || reading || writing || appending) {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if binary && encoding_s.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors_s.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline_s.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    // CPython warns (RuntimeWarning) for buffering=1 in binary mode; pyrs has no
    // warnings API in Rust yet (docs/differences.md) and uses the default size.
    let t = super::types(vm);
    let mut fargs = Args::positional(vec![file, vm.new_str(&rawmode)]);
    fargs.kw.push((vm.intern("closefd"), Value::Bool(closefd)));
    fargs
        .kw
        .push((vm.intern("opener"), opener.unwrap_or(Value::None)));
    let raw = vm.call_args(&Value::Obj(t.fileio.clone()), fargs)?;
    let result = raw.clone();
    let r = open_stack(
        vm,
        raw,
        &mode,
        buffering,
        binary,
        updating,
        creating || writing || appending,
        encoding.unwrap_or(Value::None),
        errors.unwrap_or(Value::None),
        newline.unwrap_or(Value::None),
    );
    if r.is_err() {
        // The raw file closes when the stack could not be built (CPython closes `result`).
        let _ = vm.call_method(&result, "close", vec![]);
    }
    r
}

#[allow(clippy::too_many_arguments)]
fn open_stack(
    vm: &mut Vm,
    raw: Value,
    mode: &str,
    mut buffering: i64,
    binary: bool,
    updating: bool,
    writing: bool,
    encoding: Value,
    errors: Value,
    newline: Value,
) -> PyResult<Value> {
    let t = super::types(vm);
    let mut line_buffering = false;
    let isatty = {
        let r = vm.call_method(&raw, "isatty", vec![])?;
        vm.truthy(&r)?
    };
    if buffering == 1 || (buffering < 0 && isatty) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        let b = nt::getattr(vm, &raw, "_blksize")?;
        buffering = vm.index_value(&b, "an integer is required")?;
        if buffering <= 1 {
            buffering = super::DEFAULT_BUFFER_SIZE as i64;
        }
    }
    if buffering == 0 {
        if binary {
            return Ok(raw);
        }
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let bty = if updating {
        t.buffered_random.clone()
    } else if writing {
        t.buffered_writer.clone()
    } else {
        t.buffered_reader.clone()
    };
    let buffer = vm.call(&Value::Obj(bty), vec![raw, Value::Int(buffering)])?;
    if binary {
        return Ok(buffer);
    }
    let args = vec![
        buffer,
        encoding,
        errors,
        newline,
        Value::Bool(line_buffering),
    ];
    let wrapper = vm.call(&Value::Obj(t.text_io_wrapper.clone()), args)?;
    let m = vm.new_str(mode);
    nt::setattr(vm, &wrapper, "mode", m)?;
    Ok(wrapper)
}

/// `open_code(path)`: `open(path, 'rb')` (no hook is installed, as by default).
pub fn open_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [path] = nt::clinic(vm, args, "open_code", ["path"], 1, 1)?;
    let path = path.unwrap_or(Value::None);
    if path.as_str().is_none() {
        let t = vm.type_name(&path);
        return Err(vm.type_error(format!("open_code() argument 'path' must be str, not {t}")));
    }
    let rb = vm.new_str("rb");
    open(vm, Args::positional(vec![path, rb]))
}

/// `text_encoding(encoding, stacklevel=2)`: "locale" for None (UTF-8 mode is off), the
/// argument otherwise.
pub fn text_encoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [encoding, _stacklevel] =
        nt::clinic(vm, args, "text_encoding", ["encoding", "stacklevel"], 1, 2)?;
    match encoding {
        None | Some(Value::None) => Ok(vm.new_str("locale")),
        Some(e) => Ok(e),
    }
}

/// `sys.stdin`, `sys.stdout` or `sys.stderr` as CPython's `create_stdio` makes it:
/// `open(fd, 'rb'|'wb', buffering, closefd=False)` (buffering 0, the bare `FileIO`, for
/// unbuffered output: `-u`, PYTHONUNBUFFERED), the raw file named `name`, then
/// `TextIOWrapper(buffer, encoding, errors, newline='\n', line_buffering,
/// write_through)`: line-buffered when buffered and a terminal (stderr always),
/// write-through when unbuffered; `mode` 'r' or 'w' in the instance `__dict__`.
pub fn create_stdio(
    vm: &mut Vm,
    fd: i32,
    name: &str,
    encoding: &str,
    errors: &str,
    buffered: bool,
) -> PyResult<Value> {
    let write = fd != 0;
    let buffering = if !buffered && write { 0 } else { -1 };
    let args = Args::positional(vec![
        Value::Int(fd as i64),
        vm.new_str(if write { "wb" } else { "rb" }),
        Value::Int(buffering),
        Value::None,
        Value::None,
        Value::None,
        Value::Bool(false),
    ]);
    let buf = open(vm, args)?;
    let raw = if buffering != 0 {
        nt::getattr(vm, &buf, "raw")?
    } else {
        buf.clone()
    };
    let n = vm.new_str(name);
    nt::setattr(vm, &raw, "name", n)?;
    let isatty = {
        let r = vm.call_method(&raw, "isatty", vec![])?;
        vm.truthy(&r)?
    };
    let t = super::types(vm);
    let args = vec![
        buf,
        vm.new_str(encoding),
        vm.new_str(errors),
        vm.new_str("\n"),
        Value::Bool(buffered && (isatty || fd == 2)),
        Value::Bool(!buffered),
    ];
    let wrapper = vm.call(&Value::Obj(t.text_io_wrapper.clone()), args)?;
    let m = vm.new_str(if write { "w" } else { "r" });
    nt::setattr(vm, &wrapper, "mode", m)?;
    Ok(wrapper)
}
