//! `print` and `input`, and the text streams behind `sys.stdout`/`sys.stderr` (CPython:
//! `builtin_print` in `Python/bltinmodule.c`; the streams are `io.TextIOWrapper`s there).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::io::Write;

/// Which OS stream a stream object writes to.
fn os_stream(vm: &Vm, f: &Value) -> Option<u8> {
    let o = f.as_obj()?;
    if vm.stdout.as_ref().is_some_and(|s| s.is(o)) {
        Some(1)
    } else if vm.stderr.as_ref().is_some_and(|s| s.is(o)) {
        Some(2)
    } else {
        None
    }
}

fn write_os(vm: &mut Vm, which: u8, s: &str) -> PyResult<()> {
    let r = if which == 1 {
        vm.out_buf.extend_from_slice(s.as_bytes());
        if vm.out_buf.len() > 8192 {
            flush_stdout(vm)
        } else {
            Ok(())
        }
    } else {
        let _ = flush_stdout(vm);
        std::io::stderr().write_all(s.as_bytes())
    };
    r.map_err(|e| crate::types::exceptions::os_error_from_io(vm, &e, None))
}

/// Write buffered stdout text to the OS.
pub fn flush_stdout(vm: &mut Vm) -> std::io::Result<()> {
    if vm.out_buf.is_empty() {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    let r = out.write_all(&vm.out_buf).and_then(|_| out.flush());
    vm.out_buf.clear();
    r
}

/// Write `s` to a file-like object.
pub fn write_to(vm: &mut Vm, file: &Value, s: &str) -> PyResult<()> {
    match os_stream(vm, file) {
        Some(w) => write_os(vm, w, s),
        None => {
            let sv = vm.new_str(s);
            vm.call_method(file, "write", vec![sv])?;
            Ok(())
        }
    }
}

pub fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").filter(|v| !matches!(v, Value::None));
    let end = args.take_kw("end").filter(|v| !matches!(v, Value::None));
    let file = args.take_kw("file").filter(|v| !matches!(v, Value::None));
    let flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        let n = Value::Obj(k.clone())
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for print()")));
    }
    let to_text = |vm: &mut Vm, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.as_rust().into_owned()),
                None => Err(vm.type_error(format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(&v)
                ))),
            },
        }
    };
    let sep = to_text(vm, sep, " ", "sep")?;
    let end = to_text(vm, end, "\n", "end")?;
    let file = match file {
        Some(f) => f,
        None => match &vm.stdout {
            Some(s) => Value::Obj(s.clone()),
            None => return Ok(Value::None),
        },
    };
    // A Python file object gets one write() per piece, as `builtin_print` makes them;
    // the OS streams take the joined text.
    let pieces = os_stream(vm, &file).is_none();
    let mut out = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
            if pieces {
                write_to(vm, &file, &std::mem::take(&mut out))?;
            }
        }
        match a.as_str() {
            Some(s) if !a.as_obj().is_some_and(|o| o.ty_is_heap()) => out.push_str(&s.as_rust()),
            _ => out.push_str(&vm.str_string(a)?),
        }
        if pieces {
            write_to(vm, &file, &std::mem::take(&mut out))?;
        }
    }
    out.push_str(&end);
    write_to(vm, &file, &out)?;
    if let Some(f) = flush {
        if vm.truthy(&f)? && os_stream(vm, &file) == Some(1) {
            let _ = flush_stdout(vm);
        }
    }
    Ok(Value::None)
}

pub fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "input", 0, 1)?;
    if let Some(p) = args.pos.first() {
        let s = vm.str_string(p)?;
        write_os(vm, 1, &s)?;
    }
    let _ = flush_stdout(vm);
    // `fin.readline()` of sys.stdin, as CPython's input() off a terminal (and pyrs has
    // no line editing on one either).
    let name = vm.intern("stdin");
    let key = crate::object::attr::pystr(&name);
    let fin = crate::types::dict::dict_get_str(&vm.sys_dict, key, key.hash(&vm.hash_secret));
    let fin = match fin {
        Some(f) if !matches!(f, Value::None) => f,
        _ => return Err(vm.runtime_error("input(): lost sys.stdin")),
    };
    let line = vm.call_method(&fin, "readline", vec![])?;
    let Some(s) = line.as_str() else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    let mut cps = s.to_vec();
    if cps.is_empty() {
        let t = vm.types.eof_error.clone();
        return Err(vm.new_error(&t, "EOF when reading a line"));
    }
    if cps.last() == Some(&('\n' as u32)) {
        cps.pop();
    }
    Ok(vm.new_pystr(crate::types::str::PyStr::from_vec(cps)))
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "write", 2, 2)?;
    let Some(s) = args.pos[1].as_str().map(|s| s.as_rust().into_owned()) else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    let n = s.chars().count();
    if let Some(w) = os_stream(vm, &args.pos[0]) {
        write_os(vm, w, &s)?;
    }
    Ok(Value::Int(n as i64))
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.first().and_then(|f| os_stream(vm, f)) == Some(1) {
        let _ = flush_stdout(vm);
    }
    Ok(Value::None)
}

pub const STREAM_METHODS: &[(&str, NativeFn)] = &[("write", stream_write), ("flush", stream_flush)];

/// The `sys.stdout`/`sys.stderr` objects.
pub fn make_streams(vm: &mut Vm) -> (PyRef, PyRef) {
    let ty = crate::types::new_builtin_type(vm, "TextIOWrapper");
    crate::types::add_methods(vm, &ty, STREAM_METHODS);
    (vm.alloc(&ty, Payload::Plain), vm.alloc(&ty, Payload::Plain))
}
