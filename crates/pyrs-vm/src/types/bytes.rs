//! `bytes` (CPython: `Objects/bytesobject.c`): construction, decode, and a few methods.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

pub fn bytes_new(vm: &mut Vm, cls: &PyRef, mut args: Args) -> PyResult<Value> {
    if args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "bytes() takes at most 3 arguments ({} given)",
            args.pos.len()
        )));
    }
    let data: Vec<u8> = match args.pos.first().cloned().as_ref() {
        None => Vec::new(),
        Some(v) if v.as_str().is_some() && (args.pos.len() > 1 || !args.kw.is_empty()) => {
            let s = v.as_str().map(|s| s.to_vec()).unwrap_or_default();
            let (enc, errors) = crate::types::codecs::codec_args(vm, &mut args, "bytes")?;
            let s = crate::types::str::PyStr::from_vec(s);
            crate::types::codecs::encode(vm, &s, &enc, &errors)?
        }
        Some(v) if crate::types::bytearray::bytes_like(v).is_some() => {
            crate::types::bytearray::bytes_like(v).unwrap_or_default()
        }
        Some(Value::Int(n)) if *n < 0 => return Err(vm.value_error("negative count")),
        Some(Value::Int(n)) => vec![0; (*n).max(0) as usize],
        Some(v) if v.as_str().is_some() => {
            let s = v
                .as_str()
                .map(|s| s.as_rust().into_owned())
                .unwrap_or_default();
            if args.pos.len() < 2 && args.kw.is_empty() {
                return Err(vm.type_error("string argument without an encoding"));
            }
            s.into_bytes()
        }
        Some(v) => {
            let mut out = Vec::new();
            for x in vm.collect(v)? {
                let i = vm.index_value(&x, "'{}' object cannot be interpreted as an integer")?;
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    };
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::Bytes(data.into_boxed_slice()),
    )))
}

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a [u8]> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Bytes(b)) => Ok(b),
        _ => Err(vm.type_error("descriptor requires a 'bytes' object")),
    }
}

fn decode(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (enc, errors) = crate::types::codecs::codec_args(vm, &mut args, "decode")?;
    let b = this(vm, &args)?.to_vec();
    crate::types::codecs::decode(vm, &b, &enc, &errors)
}

/// `bytes.hex([sep[, bytes_per_sep]])`: groups of `bytes_per_sep` bytes counted from the
/// right (from the left when negative), joined by `sep`.
fn hex(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").or_else(|| args.pos.get(1).cloned());
    let per = args
        .take_kw("bytes_per_sep")
        .or_else(|| args.pos.get(2).cloned());
    let b = crate::types::bytearray::bytes_like(args.pos.first().unwrap_or(&Value::None))
        .ok_or_else(|| vm.type_error("descriptor requires a 'bytes' object"))?;
    let digits: Vec<String> = b.iter().map(|c| format!("{c:02x}")).collect();
    let sep = match sep {
        None | Some(Value::None) => return Ok(vm.new_str(&digits.concat())),
        Some(s) => match s.as_str().map(|s| s.as_rust().into_owned()).or_else(|| {
            crate::types::bytearray::bytes_like(&s)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        }) {
            Some(t) if t.chars().count() == 1 && t.is_ascii() => t,
            Some(_) => return Err(vm.value_error("sep must be length 1.")),
            None => return Err(vm.type_error("sep must be str or bytes.")),
        },
    };
    let per = match per {
        Some(v) => vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?,
        None => 1,
    };
    if per == 0 {
        return Ok(vm.new_str(&digits.concat()));
    }
    let k = per.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::new();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 {
            let boundary = if per > 0 {
                (n - i) % k == 0
            } else {
                i % k == 0
            };
            if boundary {
                out.push_str(&sep);
            }
        }
        out.push_str(d);
    }
    Ok(vm.new_str(&out))
}

/// `bytes.__bytes__()`: the value as an exact bytes object.
fn bytes_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__bytes__", 1, 1)?;
    let b = this(vm, &args)?.to_vec();
    Ok(vm.new_bytes(b))
}

pub const METHODS: &[(&str, NativeFn)] =
    &[("decode", decode), ("hex", hex), ("__bytes__", bytes_bytes)];
