//! The marshal reader, versions 0-4 (CPython: `r_object` in `Python/marshal.c`), generic
//! over what it makes the objects with ([`Build`]): [`Value`] trees here, VM objects in
//! pyrs-vm (`import/unmarshal.rs`).
//!
//! Never panics and never allocates more than the remaining input can fill: every length
//! is checked against the bytes left before anything is reserved. Nesting deeper than
//! CPython's `MAX_MARSHAL_STACK_DEPTH` (2000) is an error, as are bad type codes, bad
//! references, and references that would blow a copied tree up (when the builder copies
//! on a reference, `Build::SHARED` false, the total number of nodes produced is bounded).

use crate::build::{Build, BytesField, CodeParts, TupleField};
use crate::value::{ty, Hint, Value};
use crate::value_builder::ValueBuilder;
use num_bigint::{BigInt, Sign};
use pyrs_bytecode::CodeObject;
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
    read_object(&mut ValueBuilder, data)
}

/// Read one value and the encoding hints that let [`crate::write::dumps_with_hints`]
/// reproduce the bytes.
pub fn loads_with_hints(data: &[u8]) -> Result<(Value, Vec<Hint>, usize), MarshalError> {
    let mut b = ValueBuilder;
    let mut r = Reader::new(&mut b, data);
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

/// Read one object from the start of `data` with `builder`; returns it and the number of
/// bytes used.
pub fn read_object<B: Build>(
    builder: &mut B,
    data: &[u8],
) -> Result<(B::Obj, usize), MarshalError> {
    let mut r = Reader::new(builder, data);
    let v = r.object()?;
    Ok((v, r.pos))
}

/// A reference table entry.
enum RefSlot<'a, O> {
    /// The object and its size.
    Obj(O, usize),
    /// A code object's bytes field (`co_code` carries `FLAG_REF` in CPython's .pyc
    /// files) handed to the builder as stream bytes: its object is made only if a
    /// reference names it.
    Bytes(&'a [u8]),
}

struct Reader<'a, 'b, B: Build> {
    builder: &'b mut B,
    data: &'a [u8],
    pos: usize,
    depth: usize,
    /// The reference table: each object and its size (see [`Reader::spend`]), `None`
    /// while the object is still being read (a reference to it is an error, as nothing
    /// CPython writes does that).
    refs: Vec<Option<RefSlot<'a, B::Obj>>>,
    hints: Option<Vec<Hint>>,
    /// Nodes that may still be produced: bounds the copies references make when the
    /// builder's objects are copied rather than shared (`Build::SHARED`).
    budget: usize,
}

impl<'a, 'b, B: Build> Reader<'a, 'b, B> {
    fn new(builder: &'b mut B, data: &'a [u8]) -> Self {
        Reader {
            builder,
            data,
            pos: 0,
            depth: 0,
            refs: Vec::new(),
            hints: None,
            budget: data.len().saturating_mul(16).saturating_add(1 << 20),
        }
    }

    #[inline]
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    #[inline]
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        if n > self.remaining() {
            return err("marshal data too short");
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    #[inline]
    fn byte(&mut self) -> Result<u8, MarshalError> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => err(EOF_MSG),
        }
    }

    #[inline]
    fn long(&mut self) -> Result<i32, MarshalError> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A length: non-negative (else CPython's `bad marshal data (WHAT size out of
    /// range)`), and at most the bytes left could describe: for a bytes or str (`what`
    /// names one) CPython's `r_string` says `marshal data too short`; for a container the
    /// items it would read run out first (`EOF read where object expected`).
    fn size(&mut self, what: &str) -> Result<usize, MarshalError> {
        let n = self.long()?;
        if n < 0 {
            return Err(MarshalError(format!(
                "bad marshal data ({what} size out of range)"
            )));
        }
        let n = n as usize;
        if n > self.remaining() {
            return err(match what {
                "bytes object" | "string" => "marshal data too short",
                _ => EOF_MSG,
            });
        }
        Ok(n)
    }

    fn hint(&mut self, h: Hint) {
        if let Some(hints) = &mut self.hints {
            hints.push(h);
        }
    }

    /// Count `nodes` against the budget; only copies made for references spend more than
    /// one node at a time.
    #[inline]
    fn spend(&mut self, nodes: usize) -> Result<(), MarshalError> {
        self.budget = self
            .budget
            .checked_sub(nodes)
            .ok_or_else(|| MarshalError("bad marshal data (references expand too far)".into()))?;
        Ok(())
    }

    /// One node made. Shared objects need no budget: without copies the work is bounded
    /// by the input's length.
    #[inline]
    fn spend_one(&mut self) -> Result<(), MarshalError> {
        if B::SHARED {
            return Ok(());
        }
        self.spend(1)
    }

    /// `r_object`, where `NULL` is an error.
    fn object(&mut self) -> Result<B::Obj, MarshalError> {
        Ok(self.sized()?.0)
    }

    fn sized(&mut self) -> Result<(B::Obj, usize), MarshalError> {
        self.object_or_null()?
            .ok_or_else(|| MarshalError("NULL object in marshal data for object".into()))
    }

    /// `r_object`: an object and its size, or `None` for `TYPE_NULL`. The size is the
    /// number of nodes a copy of the object makes (strings and bytes count a node per 16
    /// bytes): what a reference to it spends when objects are copied.
    fn object_or_null(&mut self) -> Result<Option<(B::Obj, usize)>, MarshalError> {
        if self.depth >= MAX_MARSHAL_STACK_DEPTH {
            return err("recursion limit exceeded");
        }
        self.depth += 1;
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self) -> Result<Option<(B::Obj, usize)>, MarshalError> {
        let code = self.byte()?;
        let flag = code & ty::FLAG_REF != 0;
        let t = code & !ty::FLAG_REF;
        let simple = match t {
            ty::NULL => return Ok(None),
            ty::NONE => Some(self.builder.none()),
            ty::STOPITER => Some(self.builder.stop_iteration()?),
            ty::ELLIPSIS => Some(self.builder.ellipsis()),
            ty::FALSE => Some(self.builder.bool(false)),
            ty::TRUE => Some(self.builder.bool(true)),
            _ => None,
        };
        if let Some(v) = simple {
            self.spend_one()?;
            return Ok(Some((v, 1)));
        }
        if t == ty::REF {
            let n = self.long()?;
            let slot = usize::try_from(n)
                .ok()
                .and_then(|i| self.refs.get_mut(i))
                .and_then(|s| s.as_mut());
            let (v, size) = match slot {
                Some(RefSlot::Obj(v, size)) => (v.clone(), *size),
                Some(slot) => {
                    let RefSlot::Bytes(b) = *slot else {
                        return err("bad marshal data (invalid reference)");
                    };
                    let size = 1 + b.len() / 16;
                    let v = self.builder.bytes(b);
                    *slot = RefSlot::Obj(v.clone(), size);
                    (v, size)
                }
                None => return err("bad marshal data (invalid reference)"),
            };
            if !B::SHARED {
                self.spend(size)?;
            }
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
        let index = flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        });
        let (v, size) = self.typed(t, interned)?;
        self.spend_one()?;
        if let Some(i) = index {
            self.refs[i] = Some(RefSlot::Obj(v.clone(), size));
        }
        Ok(Some((v, size)))
    }

    fn float_text(&mut self) -> Result<f64, MarshalError> {
        let n = self.byte()? as usize;
        let text = self.bytes(n)?;
        // CPython's `PyOS_string_to_double` error names the text (`'%.200s'`).
        let refuse = |t: &[u8]| {
            let shown: String = t.iter().take(200).map(|&c| c as char).collect();
            MarshalError(format!("could not convert string to float: '{shown}'"))
        };
        let t = std::str::from_utf8(text).map_err(|_| refuse(text))?;
        parse_python_float(t).ok_or_else(|| refuse(text))
    }

    fn float_bin(&mut self) -> Result<f64, MarshalError> {
        let b = self.bytes(8)?;
        Ok(f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }

    fn items(&mut self, n: usize) -> Result<(Vec<B::Obj>, usize), MarshalError> {
        let mut items = Vec::with_capacity(n);
        let mut size = 1usize;
        for _ in 0..n {
            let (v, s) = self.sized()?;
            items.push(v);
            size = size.saturating_add(s);
        }
        Ok((items, size))
    }

    fn typed(&mut self, t: u8, interned: bool) -> Result<(B::Obj, usize), MarshalError> {
        let v = match t {
            ty::INT => {
                let i = self.long()? as i64;
                self.builder.int(i)
            }
            ty::INT64 => {
                let b = self.bytes(8)?;
                let i = i64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
                self.builder.int(i)
            }
            ty::LONG => {
                let v = self.long_digits()?;
                match i64::try_from(&v) {
                    Ok(i) => self.builder.int(i),
                    Err(_) => self.builder.big_int(v),
                }
            }
            ty::FLOAT => {
                let f = self.float_text()?;
                self.builder.float(f)
            }
            ty::BINARY_FLOAT => {
                let f = self.float_bin()?;
                self.builder.float(f)
            }
            ty::COMPLEX => {
                let re = self.float_text()?;
                let im = self.float_text()?;
                self.builder.complex(re, im)
            }
            ty::BINARY_COMPLEX => {
                let re = self.float_bin()?;
                let im = self.float_bin()?;
                self.builder.complex(re, im)
            }
            ty::STRING => {
                let n = self.size("bytes object")?;
                let b = self.bytes(n)?;
                return Ok((self.builder.bytes(b), 1 + n / 16));
            }
            ty::UNICODE | ty::INTERNED => {
                let n = self.size("string")?;
                let b = self.bytes(n)?;
                let s = self.builder.str_utf8(b, interned).ok_or_else(|| {
                    MarshalError("bad marshal data (invalid utf-8 in str)".into())
                })?;
                return Ok((s, 1 + n / 16));
            }
            ty::ASCII | ty::ASCII_INTERNED | ty::SHORT_ASCII | ty::SHORT_ASCII_INTERNED => {
                let n = if matches!(t, ty::SHORT_ASCII | ty::SHORT_ASCII_INTERNED) {
                    self.byte()? as usize
                } else {
                    self.size("string")?
                };
                let b = self.bytes(n)?;
                return Ok((self.builder.str_latin1(b, interned), 1 + n / 16));
            }
            ty::TUPLE | ty::SMALL_TUPLE => {
                let n = if t == ty::SMALL_TUPLE {
                    self.byte()? as usize
                } else {
                    self.size("tuple")?
                };
                let (items, size) = self.items(n)?;
                return Ok((self.builder.tuple(items), size));
            }
            ty::LIST | ty::SET | ty::FROZENSET => {
                let n = self.size(if t == ty::LIST { "list" } else { "set" })?;
                let (items, size) = self.items(n)?;
                let v = match t {
                    ty::LIST => self.builder.list(items)?,
                    ty::SET => self.builder.set(items, false)?,
                    _ => self.builder.set(items, true)?,
                };
                return Ok((v, size));
            }
            ty::DICT => {
                let mut pairs = Vec::new();
                let mut size = 1usize;
                loop {
                    let Some((k, ks)) = self.object_or_null()? else {
                        break;
                    };
                    let Some((v, vs)) = self.object_or_null()? else {
                        break;
                    };
                    pairs.push((k, v));
                    size = size.saturating_add(ks).saturating_add(vs);
                }
                return Ok((self.builder.dict(pairs)?, size));
            }
            ty::CODE => return self.code(),
            _ => return err("bad marshal data (unknown type code)"),
        };
        Ok((v, 1))
    }

    /// `TYPE_LONG`: a signed count of 15-bit digits, least significant first.
    fn long_digits(&mut self) -> Result<BigInt, MarshalError> {
        let n = self.long()?;
        if n == i32::MIN {
            return err("bad marshal data (long size out of range)");
        }
        let count = n.unsigned_abs() as usize;
        // CPython reads the digits one by one (checking each) until the data ends.
        let mut digits = Vec::with_capacity(count.min(self.remaining() / 2));
        for _ in 0..count {
            let b = self.bytes(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
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

    /// A bytes field of a code object: a `TYPE_STRING` is handed over as the stream's
    /// bytes (with `FLAG_REF`, its table entry makes the object if a reference ever
    /// names it); anything else is read as an object for the builder to check.
    fn bytes_field(&mut self) -> Result<(BytesField<'a, B::Obj>, usize), MarshalError> {
        let flag = match self.data.get(self.pos) {
            Some(&ty::STRING) => false,
            Some(&t) if t == ty::STRING | ty::FLAG_REF => true,
            _ => {
                let (v, n) = self.sized()?;
                return Ok((BytesField::Obj(v), n));
            }
        };
        if self.depth >= MAX_MARSHAL_STACK_DEPTH {
            return err("recursion limit exceeded");
        }
        self.pos += 1;
        self.hint(Hint::Fresh {
            flag_ref: flag,
            interned: false,
        });
        let n = self.size("bytes object")?;
        let b = self.bytes(n)?;
        self.spend_one()?;
        if flag {
            self.refs.push(Some(RefSlot::Bytes(b)));
        }
        Ok((BytesField::Raw(b), 1 + n / 16))
    }

    /// A tuple field of a code object: a tuple without `FLAG_REF` (which no reference can
    /// name) is handed over as its items, anything else is read as an object for the
    /// builder to check. Depth, budget and hints as if the tuple had been read.
    fn tuple_field(&mut self) -> Result<(TupleField<B::Obj>, usize), MarshalError> {
        let t = match self.data.get(self.pos) {
            Some(&t) if t == ty::TUPLE || t == ty::SMALL_TUPLE => t,
            _ => {
                let (v, n) = self.sized()?;
                return Ok((TupleField::Obj(v), n));
            }
        };
        if self.depth >= MAX_MARSHAL_STACK_DEPTH {
            return err("recursion limit exceeded");
        }
        self.pos += 1;
        self.hint(Hint::Fresh {
            flag_ref: false,
            interned: false,
        });
        let n = if t == ty::SMALL_TUPLE {
            self.byte()? as usize
        } else {
            self.size("tuple")?
        };
        self.depth += 1;
        let r = self.items(n);
        self.depth -= 1;
        let (items, size) = r?;
        self.spend_one()?;
        Ok((TupleField::Items(items), size))
    }

    /// `TYPE_CODE` with 3.11's fields, in marshal order.
    fn code(&mut self) -> Result<(B::Obj, usize), MarshalError> {
        let count = |v: i32| -> Result<u32, MarshalError> {
            u32::try_from(v).map_err(|_| MarshalError("bad marshal data (negative count)".into()))
        };
        let argcount = count(self.long()?)?;
        let posonlyargcount = count(self.long()?)?;
        let kwonlyargcount = count(self.long()?)?;
        let stacksize = count(self.long()?)?;
        let flags = self.long()? as u32;
        let (code, s1) = self.bytes_field()?;
        let (consts, s2) = self.tuple_field()?;
        let (names, s3) = self.tuple_field()?;
        let (localsplusnames, s4) = self.tuple_field()?;
        let (localspluskinds, s5) = self.bytes_field()?;
        let (filename, s6) = self.sized()?;
        let (name, s7) = self.sized()?;
        let (qualname, s8) = self.sized()?;
        let firstlineno = self.long()?;
        let (linetable, s9) = self.bytes_field()?;
        let (exceptiontable, s10) = self.bytes_field()?;
        let parts = CodeParts {
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
        let size = [s1, s2, s3, s4, s5, s6, s7, s8, s9, s10]
            .iter()
            .fold(1usize, |a, &s| a.saturating_add(s));
        Ok((self.builder.code(parts)?, size))
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
