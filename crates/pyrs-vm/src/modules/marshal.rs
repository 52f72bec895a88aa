//! The `marshal` module (CPython: `Python/marshal.c`, its module part: `dumps`, `loads`,
//! `dump`, `load`, `version`). The format itself is pyrs-marshal's; reading makes VM
//! objects with the importer's builder (`import/unmarshal.rs`, every type allowed), and
//! writing walks VM objects here, as `w_object` does.
//!
//! `FLAG_REF` follows CPython's `w_ref`: an object gets the flag (and later occurrences
//! become `TYPE_REF`) when its reference count is above one or it is an interned str.
//! pyrs's heap objects have CPython's counts at this point (the argument is moved out of
//! the caller's stack, as CPython borrows it). Ints and floats that fit a `Value` have no
//! identity in pyrs: they are written as CPython writes a constant or a variable (flagged,
//! equal values shared), which differs from CPython for a computed int or float held
//! only by its container (there unflagged); docs/differences.md.
//!
//! A code object is written with pyrs-marshal's policy writer (the model of
//! `marshal.dumps(compile(...))`, docs/internals/marshal.md) as an island of the
//! reference table (`dumps_code_in_stream`).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyErr, PyResult, Vm};
use pyrs_marshal::value::ty;
use std::collections::HashMap;

const DOC: &str = "This module contains functions that can read and write Python values in\n\
a binary format. The format is specific to Python, but independent of\n\
machine architecture issues.\n\
\n\
Not all Python object types are supported; in general, only objects\n\
whose value is independent from a particular invocation of Python can be\n\
written and read by this module. The following types are supported:\n\
None, integers, floating point numbers, strings, bytes, bytearrays,\n\
tuples, lists, sets, dictionaries, and code objects, where it\n\
should be understood that tuples, lists and dictionaries are only\n\
supported as long as the values contained therein are themselves\n\
supported; and recursive lists and dictionaries should not be written\n\
(they will cause infinite loops).\n\
\n\
Variables:\n\
\n\
version -- indicates the format that the module uses. Version 0 is the\n\
    historical format, version 1 shares interned strings and version 2\n\
    uses a binary format for floating point numbers.\n\
    Version 3 shares common object references (New in version 3.4).\n\
\n\
Functions:\n\
\n\
dump() -- write value to a file\n\
load() -- read value from a file\n\
dumps() -- marshal value as a bytes object\n\
loads() -- read value from a bytes-like object";

/// `Py_MARSHAL_VERSION`.
const VERSION: i64 = 4;
/// `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "marshal", DOC);
    super::add_functions(
        vm,
        &d,
        &[
            ("dump", dump),
            ("load", load),
            ("dumps", dumps),
            ("loads", loads),
        ],
    );
    crate::import::dict_set(vm, &d, "version", Value::Int(VERSION));
    Ok(m)
}

/// Argument Clinic's positional-only check for `marshal.NAME` (keywords refused with the
/// module's name, counts as `_PyArg_CheckPositional` says them).
fn positional_only(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("marshal.{name}() takes no keyword arguments")));
    }
    super::native_type::positional(vm, args, name, min, max)
}

/// A `METH_O` function's one argument.
fn one_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("marshal.{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return Err(vm.type_error(format!(
            "marshal.{name}() takes exactly one argument ({n} given)"
        )));
    }
    Ok(args.pos[0].clone())
}

/// The optional `version` argument (an `int`).
fn version_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(v) => super::zlib::int_arg(vm, &v),
    }
}

/// `dumps(value, version=version, /)`.
fn dumps(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional_only(vm, &args, "dumps", 1, 2)?;
    let mut pos = args.pos.into_iter();
    let value = pos.next().unwrap_or(Value::None);
    let version = version_arg(vm, pos.next())?;
    let b = write(vm, &value, version)?;
    Ok(vm.new_bytes(b))
}

/// `dump(value, file, version=version, /)`: `file.write(dumps(value, version))`, whose
/// result it returns (as CPython does).
fn dump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional_only(vm, &args, "dump", 2, 3)?;
    let mut pos = args.pos.into_iter();
    let value = pos.next().unwrap_or(Value::None);
    let file = pos.next().unwrap_or(Value::None);
    let version = version_arg(vm, pos.next())?;
    let b = write(vm, &value, version)?;
    let b = vm.new_bytes(b);
    vm.call_method(&file, "write", vec![b])
}

/// `loads(bytes, /)`: the first object of a bytes-like object (the rest is ignored).
fn loads(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let arg = one_arg(vm, &args, "loads")?;
    let data = super::zlib::buffer(vm, &arg)?;
    Ok(read(vm, &data)?.0)
}

/// `load(file, /)`. CPython reads exactly the object's bytes through `readinto`; pyrs
/// reads the rest of the file and seeks back over what follows the object (so the file
/// must be seekable when more follows).
fn load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let file = one_arg(vm, &args, "load")?;
    // CPython's check that `read` returns bytes: a zero-byte read first.
    let probe = vm.call_method(&file, "read", vec![Value::Int(0)])?;
    if !matches!(probe.payload(), Some(Payload::Bytes(_))) {
        let t = vm.type_name(&probe);
        return Err(vm.type_error(format!("file.read() returned not bytes but {t}")));
    }
    let rest = vm.call_method(&file, "read", vec![])?;
    let data = match rest.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ => {
            let t = vm.type_name(&rest);
            return Err(vm.type_error(format!("file.read() returned not bytes but {t}")));
        }
    };
    let (v, used) = read(vm, &data)?;
    if used < data.len() {
        let back = -((data.len() - used) as i64);
        vm.call_method(&file, "seek", vec![Value::Int(back), Value::Int(1)])?;
    }
    Ok(v)
}

/// One object from `data` and the bytes it used, with `marshal.loads`' exceptions.
fn read(vm: &mut Vm, data: &[u8]) -> PyResult<(Value, usize)> {
    // 2000 nested containers take a few MB of Rust stack in the reader.
    let r = stacker::maybe_grow(256 * 1024, 16 * 1024 * 1024, || {
        crate::import::unmarshal::loads_value(vm, data)
    });
    match r {
        Ok(v) => Ok(v),
        Err(Err(e)) => Err(e),
        Err(Ok(msg)) => Err(marshal_error(vm, msg)),
    }
}

/// A reader error as the exception `marshal.loads` raises: EOFError for data that ends
/// early, ValueError otherwise.
pub fn marshal_error(vm: &mut Vm, msg: String) -> PyErr {
    if msg.starts_with("EOF") || msg == "marshal data too short" {
        let t = vm.types.eof_error.clone();
        vm.new_error(&t, msg)
    } else {
        vm.value_error(msg)
    }
}

/// Why a write stopped (`WFERR_*`).
enum WErr {
    Unmarshallable,
    NestedTooDeep,
    /// A code object below version 4 (pyrs writes code objects in version 4 only).
    CodeVersion,
}

/// `PyMarshal_WriteObjectToString(value, version)`.
fn write(vm: &mut Vm, value: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer {
        vm,
        out: Vec::new(),
        version,
        depth: 0,
        refs: HashMap::new(),
        nrefs: 0,
    };
    let r = stacker::maybe_grow(256 * 1024, 16 * 1024 * 1024, || w.object(value));
    match r {
        Ok(()) => Ok(w.out),
        Err(WErr::Unmarshallable) => Err(vm.value_error("unmarshallable object")),
        Err(WErr::NestedTooDeep) => Err(vm.value_error("object too deeply nested to marshal")),
        Err(WErr::CodeVersion) => {
            Err(vm.not_implemented_error("pyrs writes code objects in marshal version 4 only"))
        }
    }
}

/// What the reference table is keyed by: a heap object's identity, or an inline int or
/// float's value (see the module doc).
#[derive(PartialEq, Eq, Hash)]
enum RefKey {
    Obj(usize),
    Int(i64),
    Float(u64),
}

struct Writer<'v> {
    vm: &'v mut Vm,
    out: Vec<u8>,
    version: i64,
    depth: usize,
    refs: HashMap<RefKey, u32>,
    /// Entries in the reader's reference table so far (code objects add theirs).
    nrefs: u32,
}

impl Writer<'_> {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn pstring(&mut self, b: &[u8]) {
        self.long(b.len() as i32);
        self.out.extend_from_slice(b);
    }

    /// `w_object`.
    fn object(&mut self, v: &Value) -> Result<(), WErr> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(WErr::NestedTooDeep)
        } else {
            self.object_inner(v)
        };
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: &Value) -> Result<(), WErr> {
        match v {
            Value::None => self.byte(ty::NONE),
            Value::Bool(false) => self.byte(ty::FALSE),
            Value::Bool(true) => self.byte(ty::TRUE),
            Value::Int(i) => {
                if let Some(flag) = self.w_ref(RefKey::Int(*i), true) {
                    self.int(*i, flag);
                }
            }
            Value::Float(f) => {
                if let Some(flag) = self.w_ref(RefKey::Float(f.to_bits()), true) {
                    self.float(*f, flag)?;
                }
            }
            Value::Obj(o) => {
                if o.is(&self.vm.types.stop_iteration) {
                    self.byte(ty::STOPITER);
                } else if o.is(&self.vm.ellipsis) {
                    self.byte(ty::ELLIPSIS);
                } else if let Payload::Code(c) = &o.payload {
                    self.code(o, c)?;
                } else {
                    let shared = o.refcount() > 1 || self.is_interned(o);
                    if let Some(flag) = self.w_ref(RefKey::Obj(o.id()), shared) {
                        self.complex_object(o, flag)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// `w_ref`: `None` when a `TYPE_REF` was written, else the flag for the object's
    /// type byte (`FLAG_REF` when it is registered for later references).
    fn w_ref(&mut self, key: RefKey, shared: bool) -> Option<u8> {
        if self.version < 3 || !shared {
            return Some(0);
        }
        if let Some(&i) = self.refs.get(&key) {
            self.byte(ty::REF);
            self.long(i as i32);
            return None;
        }
        self.refs.insert(key, self.nrefs);
        self.nrefs += 1;
        Some(ty::FLAG_REF)
    }

    /// A code object: pyrs-marshal's policy writer (the model of CPython's refcounts
    /// inside compiled code) writes it and its contents, as an island of the reference
    /// table; the code object itself is flagged when something else holds it too.
    fn code(&mut self, o: &PyRef, c: &crate::code::Code) -> Result<(), WErr> {
        if self.version < 4 {
            return Err(WErr::CodeVersion);
        }
        let key = RefKey::Obj(o.id());
        if let Some(&i) = self.refs.get(&key) {
            self.byte(ty::REF);
            self.long(i as i32);
            return Ok(());
        }
        let co = code_object(self.vm, c).ok_or(WErr::Unmarshallable)?;
        let shared = o.refcount() > 1;
        let (bytes, used) = pyrs_marshal::dumps_code_in_stream(&co, self.nrefs, shared);
        if shared {
            self.refs.insert(key, self.nrefs);
        }
        self.nrefs += used;
        self.out.extend_from_slice(&bytes);
        Ok(())
    }

    fn is_interned(&self, o: &PyRef) -> bool {
        match &o.payload {
            Payload::Str(s) if o.ty.is(&self.vm.types.str) => s
                .as_ascii()
                .map(|t| self.vm.interp.interned.get(t))
                .or_else(|| Some(self.vm.interp.interned.get(&*s.as_rust())))
                .flatten()
                .is_some_and(|r| r.is(o)),
            _ => false,
        }
    }

    fn int(&mut self, i: i64, flag: u8) {
        if i32::try_from(i).is_ok() {
            self.byte(ty::INT | flag);
            self.long(i as i32);
        } else {
            self.big_int(&num_bigint::BigInt::from(i), flag);
        }
    }

    /// `w_PyLong`: 15-bit digits, the sign in the count.
    fn big_int(&mut self, b: &num_bigint::BigInt, flag: u8) {
        self.byte(ty::LONG | flag);
        let digits: Vec<u16> = {
            let mag = b.magnitude();
            let mut out = Vec::new();
            let mut m = mag.clone();
            let mask = num_bigint::BigUint::from(0x7fffu32);
            while m.bits() > 0 {
                let d = (&m & &mask).iter_u32_digits().next().unwrap_or(0) as u16;
                out.push(d);
                m >>= 15;
            }
            out
        };
        let n = digits.len() as i32;
        self.long(if b.sign() == num_bigint::Sign::Minus {
            -n
        } else {
            n
        });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn float(&mut self, f: f64, flag: u8) -> Result<(), WErr> {
        if self.version > 1 {
            self.byte(ty::BINARY_FLOAT | flag);
            self.out.extend_from_slice(&f.to_le_bytes());
        } else {
            self.byte(ty::FLOAT | flag);
            self.float_str(f)?;
        }
        Ok(())
    }

    /// `w_float_str`: `repr` with 17 significant digits (`'%.17g'`), length-prefixed.
    fn float_str(&mut self, f: f64) -> Result<(), WErr> {
        let spec = self.vm.new_str(".17g");
        let s = self
            .vm
            .call_method(&Value::Float(f), "__format__", vec![spec])
            .map_err(|_| WErr::Unmarshallable)?;
        let t = s
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        self.byte(t.len() as u8);
        self.out.extend_from_slice(t.as_bytes());
        Ok(())
    }

    /// `w_complex_object`: the object's type byte (with `flag`) and contents; exact
    /// types only, then any bytes-like object as bytes.
    fn complex_object(&mut self, o: &PyRef, flag: u8) -> Result<(), WErr> {
        let t = &self.vm.types;
        let exact = |ty: &PyRef| o.ty.is(ty);
        match &o.payload {
            Payload::Int(b) if exact(&t.int) => {
                let b = b.clone();
                match i64::try_from(&b) {
                    Ok(i) => self.int(i, flag),
                    Err(_) => self.big_int(&b, flag),
                }
            }
            Payload::Float(f) if exact(&t.float) => self.float(*f, flag)?,
            Payload::Complex(re, im) if exact(&t.complex) => {
                let (re, im) = (*re, *im);
                if self.version > 1 {
                    self.byte(ty::BINARY_COMPLEX | flag);
                    self.out.extend_from_slice(&re.to_le_bytes());
                    self.out.extend_from_slice(&im.to_le_bytes());
                } else {
                    self.byte(ty::COMPLEX | flag);
                    self.float_str(re)?;
                    self.float_str(im)?;
                }
            }
            Payload::Bytes(b) if exact(&t.bytes) => {
                self.byte(ty::STRING | flag);
                self.pstring(b);
            }
            Payload::Str(s) if exact(&t.str) => {
                let interned = self.is_interned(o);
                if let (true, Some(a)) = (self.version >= 4, s.as_ascii()) {
                    let a = a.as_bytes();
                    if a.len() < 256 {
                        let code = if interned {
                            ty::SHORT_ASCII_INTERNED
                        } else {
                            ty::SHORT_ASCII
                        };
                        self.byte(code | flag);
                        self.byte(a.len() as u8);
                        self.out.extend_from_slice(a);
                    } else {
                        let code = if interned {
                            ty::ASCII_INTERNED
                        } else {
                            ty::ASCII
                        };
                        self.byte(code | flag);
                        self.pstring(a);
                    }
                } else {
                    let code = if self.version >= 3 && interned {
                        ty::INTERNED
                    } else {
                        ty::UNICODE
                    };
                    self.byte(code | flag);
                    let utf8 = surrogatepass_utf8(s.code_points());
                    self.pstring(&utf8);
                }
            }
            Payload::Tuple(items) if exact(&t.tuple) => {
                if self.version >= 4 && items.len() < 256 {
                    self.byte(ty::SMALL_TUPLE | flag);
                    self.byte(items.len() as u8);
                } else {
                    self.byte(ty::TUPLE | flag);
                    self.long(items.len() as i32);
                }
                for i in items.iter() {
                    self.object(i)?;
                }
            }
            Payload::List(items) if exact(&t.list) => {
                let items = items.borrow();
                self.byte(ty::LIST | flag);
                self.long(items.len() as i32);
                for i in items.iter() {
                    self.object(i)?;
                }
            }
            Payload::Dict(d) if exact(&t.dict) => {
                let d = d.borrow();
                self.byte(ty::DICT | flag);
                for e in d.iter() {
                    self.object(&e.key)?;
                    self.object(&e.value)?;
                }
                self.byte(ty::NULL);
            }
            Payload::Set(s) if exact(&t.set) || exact(&t.frozenset) => {
                let code = if exact(&t.frozenset) {
                    ty::FROZENSET
                } else {
                    ty::SET
                };
                let s = s.borrow();
                self.byte(code | flag);
                self.long(s.len() as i32);
                let mut r = Ok(());
                s.order.traverse(&mut |v| {
                    if r.is_ok() {
                        r = self.object(v);
                    }
                });
                r?;
            }
            Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_) => {
                match crate::types::bytearray::bytes_like(&Value::Obj(o.clone())) {
                    Some(b) => {
                        self.byte(ty::STRING | flag);
                        self.pstring(&b);
                    }
                    None => {
                        self.byte(ty::UNKNOWN);
                        return Err(WErr::Unmarshallable);
                    }
                }
            }
            _ => {
                self.byte(ty::UNKNOWN | flag);
                return Err(WErr::Unmarshallable);
            }
        }
        Ok(())
    }
}

/// A str's code points as UTF-8 with lone surrogates encoded (`surrogatepass`).
fn surrogatepass_utf8(cps: impl Iterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for c in cps {
        match c {
            0..=0x7f => out.push(c as u8),
            0x80..=0x7ff => out.extend([0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]),
            0x800..=0xffff => out.extend([
                0xe0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]),
            _ => out.extend([
                0xf0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3f) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]),
        }
    }
    out
}

/// A code object's constant as the compiler's `Constant`; `None` for a value no code
/// object constant can be (the code object is then unmarshallable here).
fn constant(vm: &Vm, v: &Value) -> Option<pyrs_bytecode::Constant> {
    use pyrs_bytecode::Constant as C;
    let t = &vm.types;
    Some(match v {
        Value::None => C::None,
        Value::Bool(b) => C::Bool(*b),
        Value::Int(i) => C::Int(*i),
        Value::Float(f) => C::Float(*f),
        Value::Obj(o) => {
            if o.is(&vm.ellipsis) {
                return Some(C::Ellipsis);
            }
            let exact = |ty: &PyRef| o.ty.is(ty);
            match &o.payload {
                Payload::Int(b) if exact(&t.int) => match i64::try_from(b) {
                    Ok(i) => C::Int(i),
                    Err(_) => C::BigInt(b.clone()),
                },
                Payload::Float(f) if exact(&t.float) => C::Float(*f),
                Payload::Complex(re, im) if exact(&t.complex) => C::Complex { re: *re, im: *im },
                Payload::Str(s) if exact(&t.str) => C::Str(str_value(s)?),
                Payload::Bytes(b) if exact(&t.bytes) => C::Bytes(b.to_vec()),
                Payload::Tuple(items) if exact(&t.tuple) => C::Tuple(
                    items
                        .iter()
                        .map(|i| constant(vm, i))
                        .collect::<Option<_>>()?,
                ),
                Payload::Set(s) if exact(&t.frozenset) => C::FrozenSet(
                    s.borrow()
                        .items()
                        .iter()
                        .map(|i| constant(vm, i))
                        .collect::<Option<_>>()?,
                ),
                Payload::Code(c) => C::Code(Box::new(code_object(vm, c)?)),
                _ => return None,
            }
        }
    })
}

fn str_value(s: &crate::types::str::PyStr) -> Option<pyrs_bytecode::PyStrValue> {
    pyrs_bytecode::PyStrValue::from_code_points(s.code_points())
}

fn name_value(r: &PyRef) -> Option<pyrs_bytecode::PyStrValue> {
    match &r.payload {
        Payload::Str(s) => str_value(s),
        _ => None,
    }
}

/// A VM code object as the compiler's `CodeObject` (what `co_code`, `co_consts`, ...
/// show); `None` when a constant is no code-object constant.
fn code_object(vm: &Vm, c: &crate::code::Code) -> Option<pyrs_bytecode::CodeObject> {
    let mut code = Vec::with_capacity(c.units.len() * 2);
    for &(op, arg) in &c.units {
        if op == pyrs_bytecode::opnum::CACHE {
            code.extend([0, 0]);
        } else {
            code.extend([op, arg]);
        }
    }
    Some(pyrs_bytecode::CodeObject {
        argcount: c.argcount as u32,
        posonlyargcount: c.posonlyargcount as u32,
        kwonlyargcount: c.kwonlyargcount as u32,
        stacksize: c.stacksize as u32,
        flags: c.flags,
        code,
        consts: c
            .consts
            .iter()
            .map(|v| constant(vm, v))
            .collect::<Option<_>>()?,
        names: c.names.iter().map(name_value).collect::<Option<_>>()?,
        localsplusnames: c
            .localsplus_names
            .iter()
            .map(name_value)
            .collect::<Option<_>>()?,
        localspluskinds: c.localsplus_kinds.clone(),
        filename: pyrs_bytecode::PyStrValue::new(&c.filename()),
        name: name_value(&c.name)?,
        qualname: name_value(&c.qualname)?,
        firstlineno: c.firstlineno,
        linetable: c.linetable().to_vec(),
        exceptiontable: c.exceptiontable(),
    })
}
