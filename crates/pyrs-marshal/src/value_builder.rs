//! Marshal read into [`Value`] trees (the `loads` API, the round trip of the writer, the
//! .pyc files `pyrs FILE.pyc` runs). Code objects become `pyrs_bytecode::CodeObject`s,
//! whose constants can only be the constant types: anything else there is refused.

use crate::build::{field_error, unsupported_constant, Build, BytesField, CodeParts, TupleField};
use crate::read::MarshalError;
use crate::value::Value;
use num_bigint::BigInt;
use pyrs_bytecode::{CodeObject, Constant, PyStrValue};

/// Builds [`Value`]s; a reference copies the value.
pub struct ValueBuilder;

impl Build for ValueBuilder {
    type Obj = Value;
    const SHARED: bool = false;

    fn none(&mut self) -> Value {
        Value::None
    }
    fn stop_iteration(&mut self) -> Result<Value, MarshalError> {
        Ok(Value::StopIteration)
    }
    fn ellipsis(&mut self) -> Value {
        Value::Ellipsis
    }
    fn bool(&mut self, b: bool) -> Value {
        Value::Bool(b)
    }
    fn int(&mut self, i: i64) -> Value {
        Value::Int(i)
    }
    fn big_int(&mut self, i: BigInt) -> Value {
        Value::int(i)
    }
    fn float(&mut self, f: f64) -> Value {
        Value::Float(f)
    }
    fn complex(&mut self, re: f64, im: f64) -> Value {
        Value::Complex { re, im }
    }
    fn bytes(&mut self, b: &[u8]) -> Value {
        Value::Bytes(b.to_vec())
    }
    fn str_utf8(&mut self, b: &[u8], _interned: bool) -> Option<Value> {
        PyStrValue::from_surrogatepass(b.to_vec()).map(Value::Str)
    }
    fn str_latin1(&mut self, b: &[u8], _interned: bool) -> Value {
        let s = match std::str::from_utf8(b) {
            Ok(t) if b.is_ascii() => PyStrValue::new(t),
            _ => PyStrValue::from_code_points(b.iter().map(|&c| c as u32))
                .unwrap_or_else(|| PyStrValue::new("")),
        };
        Value::Str(s)
    }
    fn tuple(&mut self, items: Vec<Value>) -> Value {
        Value::Tuple(items)
    }
    fn list(&mut self, items: Vec<Value>) -> Result<Value, MarshalError> {
        Ok(Value::List(items))
    }
    fn set(&mut self, items: Vec<Value>, frozen: bool) -> Result<Value, MarshalError> {
        Ok(if frozen {
            Value::FrozenSet(items)
        } else {
            Value::Set(items)
        })
    }
    fn dict(&mut self, pairs: Vec<(Value, Value)>) -> Result<Value, MarshalError> {
        Ok(Value::Dict(pairs))
    }

    fn code(&mut self, p: CodeParts<'_, Value>) -> Result<Value, MarshalError> {
        let code = bytes_field(p.code, "co_code")?;
        let consts = match p.consts {
            TupleField::Items(items) | TupleField::Obj(Value::Tuple(items)) => items
                .into_iter()
                .map(Value::into_constant)
                .collect::<Option<Vec<Constant>>>()
                .ok_or_else(unsupported_constant)?,
            _ => return Err(field_error("co_consts", "is not a tuple")),
        };
        let names = str_tuple(p.names, "co_names")?;
        let localsplusnames = str_tuple(p.localsplusnames, "co_localsplusnames")?;
        let localspluskinds = bytes_field(p.localspluskinds, "co_localspluskinds")?;
        if localspluskinds.len() != localsplusnames.len() {
            return Err(MarshalError(
                "bad marshal data (co_localspluskinds length)".into(),
            ));
        }
        let filename = str_field(p.filename, "co_filename")?;
        let name = str_field(p.name, "co_name")?;
        let qualname = str_field(p.qualname, "co_qualname")?;
        let linetable = bytes_field(p.linetable, "co_linetable")?;
        let exceptiontable = bytes_field(p.exceptiontable, "co_exceptiontable")?;
        Ok(Value::Code(Box::new(CodeObject {
            argcount: p.argcount,
            posonlyargcount: p.posonlyargcount,
            kwonlyargcount: p.kwonlyargcount,
            stacksize: p.stacksize,
            flags: p.flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno: p.firstlineno,
            linetable,
            exceptiontable,
        })))
    }
}

fn bytes_field(f: BytesField<'_, Value>, what: &str) -> Result<Vec<u8>, MarshalError> {
    match f {
        BytesField::Raw(b) => Ok(b.to_vec()),
        BytesField::Obj(Value::Bytes(b)) => Ok(b),
        BytesField::Obj(_) => Err(field_error(what, "is not bytes")),
    }
}

fn str_field(v: Value, what: &str) -> Result<PyStrValue, MarshalError> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(field_error(what, "is not a str")),
    }
}

fn str_tuple(v: TupleField<Value>, what: &str) -> Result<Vec<PyStrValue>, MarshalError> {
    match v {
        TupleField::Items(items) | TupleField::Obj(Value::Tuple(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::Str(s) => Some(s),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| field_error(what, "holds a non-str")),
        _ => Err(field_error(what, "is not a tuple")),
    }
}
