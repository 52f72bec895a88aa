//! A .pyc's marshal data read straight into VM objects (CPython: `r_object` in
//! `Python/marshal.c`, then `_imp._fix_co_filename`'s `update_compiled_module` in
//! `Python/import.c`). The reader is pyrs-marshal's; this is the [`Build`] that makes a
//! warm import's code objects, constants and interned names as it parses, with no
//! `Value`/`CodeObject` tree in between. A reference to an object is the same object
//! (as in CPython), so references cost nothing.
//!
//! What the VM's code objects cannot hold is refused as the `CodeObject` path refuses
//! it: lists, dicts, sets and StopIteration anywhere in a code object's stream
//! ("unsupported constant"). A .pyc made for another path gets its code objects
//! renamed after the read, in place, as `_imp._fix_co_filename` does.

use crate::code::CodeParts as VmCodeParts;
use crate::object::{Payload, PyRef, Value};
use crate::types::str::PyStr;
use crate::vm::{PyErr, PyResult, Vm};

#[cfg(test)]
#[path = "unmarshal_tests.rs"]
mod tests;
use pyrs_marshal::build::{field_error, unsupported_constant};
use pyrs_marshal::{Build, BytesField, CodeParts, MarshalError, TupleField};

/// Makes VM objects for the marshal reader.
struct VmBuilder<'v> {
    vm: &'v mut Vm,
    /// A Python exception a constructor raised (ends the read).
    pending: Option<PyErr>,
    /// Names tuples already checked (every item an interned str), by address, each kept
    /// alive here so its address cannot be reused during the read: a tuple the stream
    /// shares between code objects (a `TYPE_REF`) is checked once.
    names_checked: rustc_hash::FxHashMap<usize, PyRef>,
    /// The last `co_filename` object and its text: every code object of a module names
    /// the same one (the writer shares it through a reference).
    last_filename: Option<(PyRef, std::rc::Rc<str>)>,
    /// `marshal.loads`: every marshal type is made (lists, dicts, sets, StopIteration),
    /// where a .pyc refuses them.
    any: bool,
}

/// Whether CPython interns a str constant (`all_name_chars` in `Objects/codeobject.c`);
/// long ones are left alone, as the compiler's code objects (`code::constant`) do.
fn name_like(b: &[u8]) -> bool {
    b.len() < 40 && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

impl VmBuilder<'_> {
    /// A str read from the stream: interned when the stream says so or when it is
    /// name-like (so every name-like str a code object holds is the interned one).
    fn str_of(&mut self, t: &str, interned: bool) -> Value {
        if interned || name_like(t.as_bytes()) {
            Value::Obj(self.vm.intern(t))
        } else {
            self.vm.new_pystr(PyStr::from_str(t))
        }
    }

    /// The interned str for a name field: strs made by [`VmBuilder::str_of`] from
    /// name-like text already are.
    fn name(&mut self, v: Value, field: &str) -> Result<PyRef, MarshalError> {
        let Value::Obj(o) = v else {
            return Err(field_error(field, "holds a non-str"));
        };
        let Payload::Str(s) = &o.payload else {
            return Err(field_error(field, "holds a non-str"));
        };
        // An ASCII name-like str is the interned one already (no UTF-8 check needed).
        if s.is_ascii() && s.latin1().is_some_and(name_like) {
            return Ok(o);
        }
        let t = s.as_rust().into_owned();
        Ok(self.vm.intern(&t))
    }

    /// A names tuple's items as interned strs, in one exact allocation.
    fn names(&mut self, v: TupleField<Value>, field: &str) -> Result<Vec<PyRef>, MarshalError> {
        if let TupleField::Obj(Value::Obj(t)) = &v {
            if self.names_checked.contains_key(&t.id()) {
                if let Payload::Tuple(items) = &t.payload {
                    return Ok(items.iter().filter_map(|i| i.as_obj().cloned()).collect());
                }
            }
        }
        let items = match &v {
            TupleField::Items(items) => &items[..],
            other => tuple_items(other, field)?,
        };
        let mut out = Vec::with_capacity(items.len());
        let mut all_same = true;
        for i in items {
            let n = self.name(i.clone(), field)?;
            all_same &= matches!(i, Value::Obj(o) if o.is(&n));
            out.push(n);
        }
        if let (true, TupleField::Obj(Value::Obj(t))) = (all_same, &v) {
            self.names_checked.insert(t.id(), t.clone());
        }
        Ok(out)
    }
}

/// A tuple field's items.
fn tuple_items<'a>(v: &'a TupleField<Value>, field: &str) -> Result<&'a [Value], MarshalError> {
    match v {
        TupleField::Items(items) => Ok(items),
        TupleField::Obj(Value::Obj(o)) => match &o.payload {
            Payload::Tuple(items) => Ok(items),
            _ => Err(field_error(field, "is not a tuple")),
        },
        TupleField::Obj(_) => Err(field_error(field, "is not a tuple")),
    }
}

/// A str field's object (`co_name`, `co_qualname`: strs, not necessarily interned).
fn str_obj(v: &Value, field: &str) -> Result<PyRef, MarshalError> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Str(_)) => Ok(o.clone()),
        _ => Err(field_error(field, "is not a str")),
    }
}

fn text_of(v: &Value, field: &str) -> Result<String, MarshalError> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => Ok(s.as_rust().into_owned()),
            _ => Err(field_error(field, "is not a str")),
        },
        _ => Err(field_error(field, "is not a str")),
    }
}

impl Build for VmBuilder<'_> {
    type Obj = Value;
    const SHARED: bool = true;

    fn none(&mut self) -> Value {
        Value::None
    }
    fn stop_iteration(&mut self) -> Result<Value, MarshalError> {
        if self.any {
            return Ok(Value::Obj(self.vm.types.stop_iteration.clone()));
        }
        Err(unsupported_constant())
    }
    fn ellipsis(&mut self) -> Value {
        Value::Obj(self.vm.ellipsis.clone())
    }
    fn bool(&mut self, b: bool) -> Value {
        Value::Bool(b)
    }
    fn int(&mut self, i: i64) -> Value {
        Value::Int(i)
    }
    fn big_int(&mut self, i: num_bigint::BigInt) -> Value {
        crate::types::int::big_to_value(self.vm, i)
    }
    fn float(&mut self, f: f64) -> Value {
        Value::Float(f)
    }
    fn complex(&mut self, re: f64, im: f64) -> Value {
        self.vm.new_complex((re, im))
    }
    fn bytes(&mut self, b: &[u8]) -> Value {
        self.vm.new_bytes(b.to_vec())
    }
    fn str_utf8(&mut self, b: &[u8], interned: bool) -> Option<Value> {
        if let Ok(t) = std::str::from_utf8(b) {
            return Some(self.str_of(t, interned));
        }
        // Lone surrogates (`surrogatepass`): never a name.
        let Some(s) = pyrs_bytecode::PyStrValue::from_surrogatepass(b.to_vec()) else {
            if self.any && self.pending.is_none() {
                // `marshal.loads` raises the codec's UnicodeDecodeError, as CPython's
                // `PyUnicode_DecodeUTF8(..., "surrogatepass")` does.
                let bytes = self.vm.new_bytes(b.to_vec());
                let (enc, errors) = (self.vm.new_str("utf-8"), self.vm.new_str("surrogatepass"));
                if let Err(e) = self.vm.call_method(&bytes, "decode", vec![enc, errors]) {
                    self.pending = Some(e);
                }
            }
            return None;
        };
        Some(self.vm.new_pystr(PyStr::from_code_points(s.code_points())))
    }
    fn str_latin1(&mut self, b: &[u8], interned: bool) -> Value {
        if name_like(b) || (interned && b.is_ascii()) {
            if let Ok(t) = std::str::from_utf8(b) {
                return Value::Obj(self.vm.intern(t));
            }
        }
        self.vm.new_pystr(PyStr::from_latin1(b.to_vec()))
    }
    fn tuple(&mut self, items: Vec<Value>) -> Value {
        self.vm.new_tuple(items)
    }
    fn list(&mut self, items: Vec<Value>) -> Result<Value, MarshalError> {
        if self.any {
            return Ok(self.vm.new_list(items));
        }
        Err(unsupported_constant())
    }
    fn set(&mut self, items: Vec<Value>, frozen: bool) -> Result<Value, MarshalError> {
        if !frozen && !self.any {
            return Err(unsupported_constant());
        }
        let ty = if frozen {
            self.vm.types.frozenset.clone()
        } else {
            self.vm.types.set.clone()
        };
        crate::types::set::build(self.vm, &ty, items).map_err(|e| {
            self.pending = Some(e);
            unsupported_constant()
        })
    }
    fn dict(&mut self, pairs: Vec<(Value, Value)>) -> Result<Value, MarshalError> {
        if !self.any {
            return Err(unsupported_constant());
        }
        let d = self.vm.new_dict_ref();
        for (k, v) in pairs {
            if let Err(e) = crate::types::dict::set_item(self.vm, &d, k, v) {
                self.pending = Some(e);
                return Err(unsupported_constant());
            }
        }
        Ok(Value::Obj(d))
    }

    fn code(&mut self, p: CodeParts<'_, Value>) -> Result<Value, MarshalError> {
        let names = self.names(p.names, "co_names")?;
        let localsplus_names = self.names(p.localsplusnames, "co_localsplusnames")?;
        let consts = match p.consts {
            TupleField::Items(items) => items,
            other => tuple_items(&other, "co_consts")?.to_vec(),
        };
        let localsplus_kinds = bytes_of(&p.localspluskinds, "co_localspluskinds")?.to_vec();
        if localsplus_kinds.len() != localsplus_names.len() {
            return Err(MarshalError(
                "bad marshal data (co_localspluskinds length)".into(),
            ));
        }
        let filename = match (&self.last_filename, &p.filename) {
            (Some((o, text)), Value::Obj(f)) if o.is(f) => text.clone(),
            _ => {
                let text: std::rc::Rc<str> = text_of(&p.filename, "co_filename")?.into();
                if let Value::Obj(f) = &p.filename {
                    self.last_filename = Some((f.clone(), text.clone()));
                }
                text
            }
        };
        let name = str_obj(&p.name, "co_name")?;
        let qualname = str_obj(&p.qualname, "co_qualname")?;
        let linetable = bytes_of(&p.linetable, "co_linetable")?.into();
        let parts = VmCodeParts {
            code: bytes_of(&p.code, "co_code")?,
            consts,
            names,
            localsplus_names,
            localsplus_kinds,
            exceptiontable: bytes_of(&p.exceptiontable, "co_exceptiontable")?,
            linetable,
            argcount: p.argcount,
            posonlyargcount: p.posonlyargcount,
            kwonlyargcount: p.kwonlyargcount,
            flags: p.flags,
            stacksize: p.stacksize,
            name,
            qualname,
            filename,
            firstlineno: p.firstlineno,
        };
        Ok(Value::Obj(crate::code::new_code(self.vm, parts)))
    }
}

/// A bytes field's bytes (borrowed from the stream or the bytes object).
fn bytes_of<'a>(f: &'a BytesField<'_, Value>, field: &str) -> Result<&'a [u8], MarshalError> {
    match f {
        BytesField::Raw(b) => Ok(b),
        BytesField::Obj(Value::Obj(o)) => match &o.payload {
            Payload::Bytes(b) => Ok(b),
            _ => Err(field_error(field, "is not bytes")),
        },
        BytesField::Obj(_) => Err(field_error(field, "is not bytes")),
    }
}

/// A .pyc body (the marshal data after the 16-byte header) as a code object whose
/// `co_filename` names `path` (`_compile_bytecode`: `marshal.loads`, then
/// `_imp._fix_co_filename`, see [`fix_co_filename`]).
/// `Err(Ok(e))` is the reader's error message, for the caller's `marshal.loads`-style
/// exception; `Err(Err(e))` a Python exception a constructor raised.
pub fn loads_code_object(
    vm: &mut Vm,
    data: &[u8],
    path: &str,
) -> Result<PyRef, Result<String, PyErr>> {
    let top = read(vm, data)?;
    fix_co_filename(&top, path);
    Ok(top)
}

/// `_imp._fix_co_filename(code, path)` (`update_compiled_module` in `Python/import.c`):
/// when the code object names another file (a .pyc moved, or compiled elsewhere), it
/// and, depth first, the nested code objects naming that same file are renamed in place.
pub fn fix_co_filename(code: &PyRef, path: &str) {
    if let Some(c) = crate::code::as_code(code) {
        let old = c.filename().clone();
        c.rename_filename(&old, path);
    }
}

/// The code object of a `.pyc` run as the main script (`run_pyc_file` in
/// `Python/pythonrun.c`): read as it is, `co_filename` kept. `None` when the data is not
/// one code object, whatever the reason (CPython reports every such failure as
/// `RuntimeError: Bad code object in .pyc file`).
pub fn loads_main_code(vm: &mut Vm, data: &[u8]) -> Option<PyRef> {
    read(vm, data).ok()
}

/// One read: the object, which must be a code object.
fn read(vm: &mut Vm, data: &[u8]) -> Result<PyRef, Result<String, PyErr>> {
    let mut b = VmBuilder {
        vm,
        pending: None,
        names_checked: Default::default(),
        last_filename: None,
        any: false,
    };
    let r = pyrs_marshal::read_object(&mut b, data);
    if let Some(e) = b.pending.take() {
        return Err(Err(e));
    }
    match r {
        Ok((Value::Obj(o), _)) if crate::code::as_code(&o).is_some() => Ok(o),
        Ok(_) => Err(Ok("bad marshal data (not a code object)".into())),
        Err(e) => Err(Ok(e.0)),
    }
}

/// [`loads_code_object`] with a Python exception for a marshal error (as `marshal.loads`
/// raises: EOFError for truncated data, else ValueError).
pub fn load_pyc_body(vm: &mut Vm, data: &[u8], path: &str) -> PyResult<PyRef> {
    match loads_code_object(vm, data, path) {
        Ok(c) => Ok(c),
        Err(Err(e)) => Err(e),
        Err(Ok(msg)) => {
            if msg.contains("EOF") || msg.contains("too short") {
                let t = vm.types.eof_error.clone();
                Err(vm.new_error(&t, "marshal data too short"))
            } else {
                Err(vm.value_error(msg))
            }
        }
    }
}

/// `marshal.loads`: the first object in `data` (any marshal type) and the bytes it used.
/// `Err(Ok(e))` is the reader's message, `Err(Err(e))` an exception a constructor raised
/// (an unhashable dict key or set member).
pub fn loads_value(vm: &mut Vm, data: &[u8]) -> Result<(Value, usize), Result<String, PyErr>> {
    let mut b = VmBuilder {
        vm,
        pending: None,
        names_checked: Default::default(),
        last_filename: None,
        any: true,
    };
    let r = pyrs_marshal::read_object(&mut b, data);
    if let Some(e) = b.pending.take() {
        return Err(Err(e));
    }
    r.map_err(|e| Ok(e.0))
}
