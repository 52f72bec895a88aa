//! `bytes` (CPython: `Objects/bytesobject.c`): construction, decode, and a few methods.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

pub fn bytes_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    let data: Vec<u8> = match args.pos.first() {
        None => Vec::new(),
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

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s: String = this(vm, &args)?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(vm.new_str(&s))
}

pub const METHODS: &[(&str, NativeFn)] = &[("decode", decode), ("hex", hex)];
