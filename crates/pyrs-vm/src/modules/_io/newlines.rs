//! Universal newlines: the translation core ([`NlState`]) that `StringIO` and
//! `TextIOWrapper` run their text through, and the `_io.IncrementalNewlineDecoder` type
//! around it (CPython: `Modules/_io/textio.c`'s `_PyIncrementalNewlineDecoder_decode`).
//!
//! `\r\n` and `\r` become `\n` when translating; either way the kinds seen are recorded
//! for `newlines`. A `\r` at the end of non-final input is held back (`pendingcr`) until
//! the next chunk says whether a `\n` follows.

use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

const LF: u8 = 1;
const CR: u8 = 2;
const CRLF: u8 = 4;

#[derive(Clone, Default)]
pub struct NlState {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlState {
    pub fn new(translate: bool) -> NlState {
        NlState {
            translate,
            pendingcr: false,
            seennl: 0,
        }
    }

    /// Run `input` through: the text to hand out now.
    pub fn decode(&mut self, input: &[u32], last: bool) -> Vec<u32> {
        const CRC: u32 = '\r' as u32;
        const LFC: u32 = '\n' as u32;
        let mut text: Vec<u32> = Vec::with_capacity(input.len() + 1);
        if self.pendingcr && (last || !input.is_empty()) {
            text.push(CRC);
            self.pendingcr = false;
        }
        text.extend_from_slice(input);
        if !last && text.last() == Some(&CRC) {
            text.pop();
            self.pendingcr = true;
        }
        let mut out = Vec::with_capacity(text.len());
        let mut i = 0;
        while i < text.len() {
            let c = text[i];
            if c == CRC {
                if text.get(i + 1) == Some(&LFC) {
                    self.seennl |= CRLF;
                    if self.translate {
                        out.push(LFC);
                    } else {
                        out.extend([CRC, LFC]);
                    }
                    i += 2;
                    continue;
                }
                self.seennl |= CR;
                out.push(if self.translate { LFC } else { CRC });
            } else {
                if c == LFC {
                    self.seennl |= LF;
                }
                out.push(c);
            }
            i += 1;
        }
        out
    }

    /// The `newlines` attribute: None, one str, or a tuple of the kinds seen.
    pub fn newlines(&self, vm: &mut Vm) -> Value {
        let mut kinds = Vec::new();
        if self.seennl & CR != 0 {
            kinds.push("\r");
        }
        if self.seennl & LF != 0 {
            kinds.push("\n");
        }
        if self.seennl & CRLF != 0 {
            kinds.push("\r\n");
        }
        // CPython's order: "\r", "\n", "\r\n".
        match kinds.len() {
            0 => Value::None,
            1 => vm.new_str(kinds[0]),
            _ => {
                let items = kinds.iter().map(|k| vm.new_str(k)).collect();
                vm.new_tuple(items)
            }
        }
    }
}

/// `IncrementalNewlineDecoder(decoder, translate, errors='strict')`.
pub struct NewlineDecoder {
    pub decoder: RefCell<Value>,
    pub state: RefCell<NlState>,
    pub ok: RefCell<bool>,
}

impl NativeData for NewlineDecoder {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(d) = self.decoder.try_borrow() {
            visit(&d);
        }
    }
}

pub fn make_type(vm: &mut Vm) -> PyRef {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("decode", decode),
        ("getstate", getstate),
        ("setstate", setstate),
        ("reset", reset),
    ];
    let mut spec = nt::Spec::new("IncrementalNewlineDecoder", "_io");
    spec.doc = Some(
        "Codec used when reading a file in universal newlines mode.\n\n\
         It wraps another incremental decoder, translating \\r\\n and \\r into \\n.\n\
         It also records the types of newlines encountered.  When used with\n\
         translate=False, it ensures that the newline sequence is returned in\none piece. \
         When used with decoder=None, it expects unicode strings as\ndecode input and \
         translates newlines without first invoking an external\ndecoder.",
    );
    spec.new = Some(new);
    spec.methods = methods;
    spec.no_dict = false;
    let ty = nt::new_type(vm, &spec);
    super::iobase::property(vm, &ty, "newlines", newlines, None);
    ty
}

fn new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "IncrementalNewlineDecoder")?;
    Ok(nt::alloc(
        vm,
        &cls,
        NewlineDecoder {
            decoder: RefCell::new(Value::None),
            state: RefCell::new(NlState::default()),
            ok: RefCell::new(false),
        },
    ))
}

fn me<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a NewlineDecoder> {
    let d = nt::this::<NewlineDecoder>(vm, args, "method", "_io.IncrementalNewlineDecoder")?;
    if !*d.ok.borrow() {
        return Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(d)
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let [decoder, translate, _errors] = nt::clinic(
        vm,
        rest,
        "IncrementalNewlineDecoder",
        ["decoder", "translate", "errors"],
        2,
        3,
    )?;
    let translate = vm.truthy(&translate.unwrap_or(Value::None))?;
    let Some(d) = nt::state::<NewlineDecoder>(&this) else {
        return Err(vm.type_error("descriptor '__init__' requires an IncrementalNewlineDecoder"));
    };
    *d.decoder.borrow_mut() = decoder.unwrap_or(Value::None);
    *d.state.borrow_mut() = NlState::new(translate);
    *d.ok.borrow_mut() = true;
    Ok(Value::None)
}

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rest = args;
    if !rest.pos.is_empty() {
        rest.pos.remove(0);
    }
    let [input, final_] = nt::clinic(vm, rest, "decode", ["input", "final"], 1, 2)?;
    let last = match final_ {
        None => false,
        Some(v) => vm.truthy(&v)?,
    };
    let a = Args::positional(vec![this]);
    let d = me(vm, &a)?;
    let input = input.unwrap_or(Value::None);
    let dec = d.decoder.borrow().clone();
    let text = if matches!(dec, Value::None) {
        input
    } else {
        let mut ca = Args::positional(vec![input]);
        ca.kw.push((vm.intern("final"), Value::Bool(last)));
        let m = nt::getattr(vm, &dec, "decode")?;
        vm.call_args(&m, ca)?
    };
    let Some(s) = text.as_str() else {
        let t = vm.type_name(&text);
        return Err(vm.type_error(format!("decoder should return a string result, not '{t}'")));
    };
    let cps = s.to_vec();
    let out = d.state.borrow_mut().decode(&cps, last);
    Ok(vm.new_pystr(PyStr::from_vec(out)))
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(vm, &args)?;
    let dec = d.decoder.borrow().clone();
    let (buf, mut flag) = if matches!(dec, Value::None) {
        (vm.new_bytes(Vec::new()), 0i64)
    } else {
        let st = vm.call_method(&dec, "getstate", vec![])?;
        let items = match st.as_tuple() {
            Some(t) if t.len() == 2 => t.to_vec(),
            _ => return Err(vm.type_error("illegal decoder state")),
        };
        let f = vm.index_value(&items[1], "illegal decoder state")?;
        (items[0].clone(), f)
    };
    flag <<= 1;
    if d.state.borrow().pendingcr {
        flag |= 1;
    }
    Ok(vm.new_tuple(vec![buf, Value::Int(flag)]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setstate", 2, 2)?;
    let d = me(vm, &args)?;
    let items = match args.pos[1].as_tuple() {
        Some(t) if t.len() == 2 => t.to_vec(),
        _ => return Err(vm.type_error("state argument must be a tuple")),
    };
    let flag = vm.index_value(&items[1], "an integer is required")?;
    d.state.borrow_mut().pendingcr = flag & 1 != 0;
    let dec = d.decoder.borrow().clone();
    if !matches!(dec, Value::None) {
        let st = vm.new_tuple(vec![items[0].clone(), Value::Int(flag >> 1)]);
        vm.call_method(&dec, "setstate", vec![st])?;
    }
    Ok(Value::None)
}

fn reset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(vm, &args)?;
    {
        let mut s = d.state.borrow_mut();
        s.seennl = 0;
        s.pendingcr = false;
    }
    let dec = d.decoder.borrow().clone();
    if !matches!(dec, Value::None) {
        vm.call_method(&dec, "reset", vec![])?;
    }
    Ok(Value::None)
}

fn newlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(vm, &args)?;
    let st = d.state.borrow().clone();
    Ok(st.newlines(vm))
}
