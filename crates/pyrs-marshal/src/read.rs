//! The marshal reader, versions 0-4 (CPython: `r_object` in `Python/marshal.c`).
//!
//! Never panics and never allocates more than the remaining input can fill: every length
//! is checked against the bytes left before anything is reserved. Nesting deeper than
//! CPython's `MAX_MARSHAL_STACK_DEPTH` (2000) is an error, as are bad type codes, bad
//! references, and references that would blow the value tree up (a reference copies the
//! referenced value, so the total number of nodes produced is bounded).

use crate::value::{ty, Hint, Value};
use num_bigint::{BigInt, Sign};
use pyrs_bytecode::{CodeObject, Constant, PyStrValue};
use std::fmt;

/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
pub const MAX_MARSHAL_STACK_DEPTH: usize = 2000;

/// Why marshal data was rejected. The messages are CPython's where it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarshalError(pub String);

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MarshalError {}

fn err<T>(msg: &str) -> Result<T, MarshalError> {
    Err(MarshalError(msg.to_string()))
}

const EOF_MSG: &str = "EOF read where object expected";

/// Read one value from the start of `data`; returns it and the number of bytes used.
pub fn loads(data: &[u8]) -> Result<(Value, usize), MarshalError> {
    let mut r = Reader::new(data);
    let v = r.object()?;
    Ok((v, r.pos))
}

/// Read one value and the encoding hints that let [`crate::write::dumps_with_hints`]
/// reproduce the bytes.
pub fn loads_with_hints(data: &[u8]) -> Result<(Value, Vec<Hint>, usize), MarshalError> {
    let mut r = Reader::new(data);
    r.hints = Some(Vec::new());
    let v = r.object()?;
    Ok((v, r.hints.take().unwrap_or_default(), r.pos))
}

/// Read a code object (the body of a .pyc).
pub fn loads_code(data: &[u8]) -> Result<CodeObject, MarshalError> {
    match loads(data)?.0 {
        Value::Code(c) => Ok(*c),
        _ => err("bad marshal data (not a code object)"),
    }
}

/// What a `TYPE_REF` index stands for.
enum RefEntry {
    /// A copy of the value and its node count.
    Value(Value, usize),
    /// A code object, by the stream offset of its type byte. Every code object of a .pyc
    /// carries `FLAG_REF` but references to one are rare, so instead of copying whole
    /// code trees on the way (a fifth of a warm import) a reference reads it again.
    Code(usize),
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
    /// The reference table: `None` while the object is still being read.
    refs: Vec<Option<RefEntry>>,
    /// Re-reading a referenced code object (see [`RefEntry::Code`]): its `FLAG_REF`
    /// objects already have their table entries, so none are added.
    replaying: bool,
    hints: Option<Vec<Hint>>,
    /// Nodes that may still be produced (bounds the copies made for references).
    budget: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 0,
            depth: 0,
            refs: Vec::new(),
            replaying: false,
            hints: None,
            budget: data.len().saturating_mul(16).saturating_add(1 << 20),
        }
    }

    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        if n > self.remaining() {
            return err("marshal data too short");
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, MarshalError> {
        Ok(self.bytes(1).map_err(|_| MarshalError(EOF_MSG.into()))?[0])
    }

    fn long(&mut self) -> Result<i32, MarshalError> {
        Ok(i32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }

    /// A length: non-negative, and at most the bytes left times `unit` could describe.
    fn size(&mut self, min_bytes_each: usize) -> Result<usize, MarshalError> {
        let n = self.long()?;
        if n < 0 {
            return err("bad marshal data (size out of range)");
        }
        let n = n as usize;
        if n.saturating_mul(min_bytes_each) > self.remaining() {
            return err("marshal data too short");
        }
        Ok(n)
    }

    fn hint(&mut self, h: Hint) {
        if let Some(hints) = &mut self.hints {
            hints.push(h);
        }
    }

    fn spend(&mut self, nodes: usize) -> Result<(), MarshalError> {
        self.budget = self
            .budget
            .checked_sub(nodes)
            .ok_or_else(|| MarshalError("bad marshal data (references expand too far)".into()))?;
        Ok(())
    }

    /// `r_object`, where `NULL` is an error.
    fn object(&mut self) -> Result<Value, MarshalError> {
        match self.object_or_null()? {
            Some((v, _)) => Ok(v),
            None => err("NULL object in marshal data for object"),
        }
    }

    fn sized(&mut self) -> Result<(Value, usize), MarshalError> {
        self.object_or_null()?
            .ok_or_else(|| MarshalError("NULL object in marshal data for object".into()))
    }

    /// `r_object`: a value and its node count, or `None` for `TYPE_NULL`.
    fn object_or_null(&mut self) -> Result<Option<(Value, usize)>, MarshalError> {
        if self.depth >= MAX_MARSHAL_STACK_DEPTH {
            return err("recursion limit exceeded");
        }
        self.depth += 1;
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self) -> Result<Option<(Value, usize)>, MarshalError> {
        let code = self.byte()?;
        let flag = code & ty::FLAG_REF != 0;
        let t = code & !ty::FLAG_REF;
        let simple = match t {
            ty::NULL => return Ok(None),
            ty::NONE => Some(Value::None),
            ty::STOPITER => Some(Value::StopIteration),
            ty::ELLIPSIS => Some(Value::Ellipsis),
            ty::FALSE => Some(Value::Bool(false)),
            ty::TRUE => Some(Value::Bool(true)),
            _ => None,
        };
        if let Some(v) = simple {
            self.spend(1)?;
            return Ok(Some((v, 1)));
        }
        if t == ty::REF {
            let n = self.long()?;
            let entry = usize::try_from(n).ok().and_then(|i| self.refs.get(i));
            let (v, size) = match entry {
                Some(Some(RefEntry::Value(v, size))) => {
                    let (v, size) = (v.clone(), *size);
                    self.spend(size)?;
                    (v, size)
                }
                Some(Some(RefEntry::Code(start))) => {
                    // Re-read the code object (its nodes are spent as they are read).
                    let (start, resume) = (*start, self.pos);
                    let (hints, replaying) = (self.hints.take(), self.replaying);
                    self.pos = start;
                    self.replaying = true;
                    let r = self.object_inner();
                    self.pos = resume;
                    self.replaying = replaying;
                    self.hints = hints;
                    match r? {
                        Some(found) => found,
                        None => return err("bad marshal data (invalid reference)"),
                    }
                }
                _ => return err("bad marshal data (invalid reference)"),
            };
            self.hint(Hint::Ref(n as u32));
            return Ok(Some((v, size)));
        }
        let interned = matches!(
            t,
            ty::INTERNED | ty::ASCII_INTERNED | ty::SHORT_ASCII_INTERNED
        );
        self.hint(Hint::Fresh {
            flag_ref: flag,
            interned,
        });
        let start = self.pos - 1;
        let index = (flag && !self.replaying).then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        });
        let (v, size) = self.typed(t)?;
        self.spend(1)?;
        if let Some(i) = index {
            self.refs[i] = Some(if t == ty::CODE {
                RefEntry::Code(start)
            } else {
                RefEntry::Value(v.clone(), size)
            });
        }
        Ok(Some((v, size)))
    }

    fn float_text(&mut self) -> Result<f64, MarshalError> {
        let n = self.byte()? as usize;
        let text = self.bytes(n)?;
        let text = std::str::from_utf8(text)
            .map_err(|_| MarshalError("bad marshal data (float)".into()))?;
        parse_python_float(text).ok_or_else(|| MarshalError("bad marshal data (float)".into()))
    }

    fn float_bin(&mut self) -> Result<f64, MarshalError> {
        Ok(f64::from_le_bytes(self.bytes(8)?.try_into().unwrap()))
    }

    fn items(&mut self, n: usize) -> Result<(Vec<Value>, usize), MarshalError> {
        let mut items = Vec::with_capacity(n);
        let mut size = 1;
        for _ in 0..n {
            let (v, s) = self.sized()?;
            items.push(v);
            size += s;
        }
        Ok((items, size))
    }

    fn typed(&mut self, t: u8) -> Result<(Value, usize), MarshalError> {
        let v = match t {
            ty::INT => Value::Int(self.long()? as i64),
            ty::INT64 => Value::Int(i64::from_le_bytes(self.bytes(8)?.try_into().unwrap())),
            ty::LONG => Value::int(self.long_digits()?),
            ty::FLOAT => Value::Float(self.float_text()?),
            ty::BINARY_FLOAT => Value::Float(self.float_bin()?),
            ty::COMPLEX => {
                let re = self.float_text()?;
                Value::Complex {
                    re,
                    im: self.float_text()?,
                }
            }
            ty::BINARY_COMPLEX => {
                let re = self.float_bin()?;
                Value::Complex {
                    re,
                    im: self.float_bin()?,
                }
            }
            ty::STRING => {
                let n = self.size(1)?;
                Value::Bytes(self.bytes(n)?.to_vec())
            }
            ty::UNICODE | ty::INTERNED => {
                let n = self.size(1)?;
                let b = self.bytes(n)?.to_vec();
                Value::Str(PyStrValue::from_surrogatepass(b).ok_or_else(|| {
                    MarshalError("bad marshal data (invalid utf-8 in str)".into())
                })?)
            }
            ty::ASCII | ty::ASCII_INTERNED | ty::SHORT_ASCII | ty::SHORT_ASCII_INTERNED => {
                let n = if matches!(t, ty::SHORT_ASCII | ty::SHORT_ASCII_INTERNED) {
                    self.byte()? as usize
                } else {
                    self.size(1)?
                };
                let b = self.bytes(n)?;
                // CPython trusts these bytes to be ASCII; read others as Latin-1.
                Value::Str(PyStrValue::from_code_points(b.iter().map(|&c| c as u32)).unwrap())
            }
            ty::TUPLE | ty::SMALL_TUPLE => {
                let n = if t == ty::SMALL_TUPLE {
                    self.byte()? as usize
                } else {
                    self.size(1)?
                };
                let (items, size) = self.items(n)?;
                return Ok((Value::Tuple(items), size));
            }
            ty::LIST | ty::SET | ty::FROZENSET => {
                let n = self.size(1)?;
                let (items, size) = self.items(n)?;
                let v = match t {
                    ty::LIST => Value::List(items),
                    ty::SET => Value::Set(items),
                    _ => Value::FrozenSet(items),
                };
                return Ok((v, size));
            }
            ty::DICT => {
                let mut pairs = Vec::new();
                let mut size = 1;
                loop {
                    let Some((k, ks)) = self.object_or_null()? else {
                        break;
                    };
                    let Some((v, vs)) = self.object_or_null()? else {
                        break;
                    };
                    pairs.push((k, v));
                    size += ks + vs;
                }
                return Ok((Value::Dict(pairs), size));
            }
            ty::CODE => return self.code(),
            _ => return err("bad marshal data (unknown type code)"),
        };
        Ok((v, 1))
    }

    /// `TYPE_LONG`: a signed count of 15-bit digits, least significant first.
    fn long_digits(&mut self) -> Result<BigInt, MarshalError> {
        let n = self.long()?;
        let count = n.unsigned_abs() as usize;
        if count.saturating_mul(2) > self.remaining() {
            return err("bad marshal data (long size out of range)");
        }
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let d = u16::from_le_bytes(self.bytes(2)?.try_into().unwrap());
            if d >= 1 << 15 {
                return err("bad marshal data (digit out of range in long)");
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return err("bad marshal data (unnormalized long data)");
        }
        let mut mag = BigInt::from(0);
        for &d in digits.iter().rev() {
            mag = (mag << 15) + BigInt::from(d);
        }
        Ok(if n < 0 {
            BigInt::from_biguint(Sign::Minus, mag.magnitude().clone())
        } else {
            mag
        })
    }

    fn str_field(&mut self, what: &str) -> Result<(PyStrValue, usize), MarshalError> {
        match self.sized()? {
            (Value::Str(s), n) => Ok((s, n)),
            _ => Err(MarshalError(format!(
                "bad marshal data ({what} is not a str)"
            ))),
        }
    }

    fn bytes_field(&mut self, what: &str) -> Result<(Vec<u8>, usize), MarshalError> {
        match self.sized()? {
            (Value::Bytes(b), n) => Ok((b, n)),
            _ => Err(MarshalError(format!(
                "bad marshal data ({what} is not bytes)"
            ))),
        }
    }

    fn str_tuple(&mut self, what: &str) -> Result<(Vec<PyStrValue>, usize), MarshalError> {
        match self.sized()? {
            (Value::Tuple(items), n) => {
                let strs = items.into_iter().map(|v| match v {
                    Value::Str(s) => Some(s),
                    _ => None,
                });
                let strs = strs.collect::<Option<Vec<_>>>().ok_or_else(|| {
                    MarshalError(format!("bad marshal data ({what} holds a non-str)"))
                })?;
                Ok((strs, n))
            }
            _ => Err(MarshalError(format!(
                "bad marshal data ({what} is not a tuple)"
            ))),
        }
    }

    /// `TYPE_CODE` with 3.11's fields, in marshal order.
    fn code(&mut self) -> Result<(Value, usize), MarshalError> {
        let count = |v: i32| -> Result<u32, MarshalError> {
            u32::try_from(v).map_err(|_| MarshalError("bad marshal data (negative count)".into()))
        };
        let argcount = count(self.long()?)?;
        let posonlyargcount = count(self.long()?)?;
        let kwonlyargcount = count(self.long()?)?;
        let stacksize = count(self.long()?)?;
        let flags = self.long()? as u32;
        let (code, s1) = self.bytes_field("co_code")?;
        let (consts, s2) = match self.sized()? {
            (Value::Tuple(items), n) => {
                let c = items
                    .into_iter()
                    .map(Value::into_constant)
                    .collect::<Option<Vec<Constant>>>();
                (
                    c.ok_or_else(|| {
                        MarshalError("bad marshal data (unsupported constant)".into())
                    })?,
                    n,
                )
            }
            _ => return err("bad marshal data (co_consts is not a tuple)"),
        };
        let (names, s3) = self.str_tuple("co_names")?;
        let (localsplusnames, s4) = self.str_tuple("co_localsplusnames")?;
        let (localspluskinds, s5) = self.bytes_field("co_localspluskinds")?;
        if localspluskinds.len() != localsplusnames.len() {
            return err("bad marshal data (co_localspluskinds length)");
        }
        let (filename, s6) = self.str_field("co_filename")?;
        let (name, s7) = self.str_field("co_name")?;
        let (qualname, s8) = self.str_field("co_qualname")?;
        let firstlineno = self.long()?;
        let (linetable, s9) = self.bytes_field("co_linetable")?;
        let (exceptiontable, s10) = self.bytes_field("co_exceptiontable")?;
        let code = CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        };
        let size = 1 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10;
        Ok((Value::Code(Box::new(code)), size))
    }
}

/// Parse the text of marshal's old `TYPE_FLOAT` (what `repr(float)` wrote).
fn parse_python_float(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ if body
            .bytes()
            .all(|c| c.is_ascii_digit() || b".e+-_".contains(&c)) =>
        {
            body.parse().ok()?
        }
        _ => return None,
    };
    Some(if neg { -v } else { v })
}
