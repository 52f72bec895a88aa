//! The marshal writer, version 4 (CPython: `w_object`, `w_ref`, `w_complex_object` in
//! `Python/marshal.c`).
//!
//! CPython decides two things from the live object graph that a value tree does not hold:
//! whether an object gets `FLAG_REF` (its refcount is above 1, or it is interned) and
//! whether a str is interned. The writer takes them either from [`Hint`]s recorded by the
//! reader (then the output is byte-identical to the stream read), or from a deterministic
//! policy that models what `marshal.dumps(compile(...))` does (see `docs/internals/marshal.md`).

use crate::value::{ty, Hint, Value};
use num_bigint::Sign;
use pyrs_bytecode::{CodeObject, Constant, PyStrValue};
use std::collections::HashMap;

/// The marshal format version written (`marshal.version`).
pub const VERSION: u32 = 4;

/// `marshal.dumps(value)` with the policy for reference flags.
pub fn dumps(v: &Value) -> Vec<u8> {
    let mut w = Writer::new(None);
    w.policy_count(v);
    w.object(v);
    w.out
}

/// Serialize a code object (the body of a .pyc).
pub fn dumps_code(code: &CodeObject) -> Vec<u8> {
    dumps(&Value::Code(Box::new(code.clone())))
}

/// A code object written as part of a larger stream (`marshal.dumps` of a value holding
/// code objects, whose other objects the caller writes): the stream's reference table
/// already has `first_ref` entries; `shared` says whether the code object itself gets
/// `FLAG_REF` (CPython: its reference count is above one). The code object and what it
/// holds share references among themselves only. Returns the bytes and the number of
/// reference-table entries they add.
pub fn dumps_code_in_stream(code: &CodeObject, first_ref: u32, shared: bool) -> (Vec<u8>, u32) {
    let v = Value::Code(Box::new(code.clone()));
    let mut w = Writer::new(None);
    w.nrefs = first_ref;
    w.root_shared = shared;
    w.policy_count(&v);
    w.object(&v);
    (w.out, w.nrefs - first_ref)
}

/// Write `v` using the hints the reader recorded for it: the same bytes as were read.
/// Falls back to the policy for objects beyond the hints.
pub fn dumps_with_hints(v: &Value, hints: &[Hint]) -> Vec<u8> {
    let mut w = Writer::new(Some(hints));
    w.policy_count(v);
    w.object(v);
    w.out
}

/// The identity CPython's compiler gives constants: equal constants of the same type are
/// merged into one object (`_PyCode_ConstantKey`), so they are shared in the stream.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
enum Key {
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Int(String),
    Float(u64),
    Complex(u64, u64),
    Tuple(Vec<Key>),
    FrozenSet(Vec<Key>),
    /// None, False, True, Ellipsis, StopIteration inside a container.
    Singleton(u8),
}

fn key(v: &Value) -> Option<Key> {
    Some(match v {
        Value::Str(s) => Key::Str(s.as_bytes().to_vec()),
        Value::Bytes(b) => Key::Bytes(b.clone()),
        Value::Int(i) => Key::Int(i.to_string()),
        Value::BigInt(i) => Key::Int(i.to_string()),
        Value::Float(f) => Key::Float(f.to_bits()),
        Value::Complex { re, im } => Key::Complex(re.to_bits(), im.to_bits()),
        Value::Tuple(items) => Key::Tuple(items.iter().map(item_key).collect::<Option<_>>()?),
        Value::FrozenSet(items) => {
            Key::FrozenSet(items.iter().map(item_key).collect::<Option<_>>()?)
        }
        _ => return None,
    })
}

/// The key of a container's item: singletons included, code objects never shared.
fn item_key(v: &Value) -> Option<Key> {
    match v {
        Value::None => Some(Key::Singleton(0)),
        Value::Bool(b) => Some(Key::Singleton(1 + *b as u8)),
        Value::Ellipsis => Some(Key::Singleton(3)),
        Value::StopIteration => Some(Key::Singleton(4)),
        _ => key(v),
    }
}

/// Objects that CPython keeps as process-wide singletons (always shared).
fn is_singleton(v: &Value) -> bool {
    match v {
        Value::Int(i) => (-5..=256).contains(i),
        Value::Str(s) => s.is_empty() || (s.len() == 1 && s.code_points().all(|c| c < 256)),
        Value::Bytes(b) => b.len() <= 1,
        Value::Tuple(t) => t.is_empty(),
        _ => false,
    }
}

/// Whether CPython's code constructor interns a str constant (`all_name_chars`).
fn all_name_chars(s: &PyStrValue) -> bool {
    s.as_bytes()
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

struct Writer<'h> {
    out: Vec<u8>,
    hints: Option<&'h [Hint]>,
    next_hint: usize,
    /// Reference-table indices of the objects written with `FLAG_REF` (policy mode).
    refs: HashMap<Key, u32>,
    nrefs: u32,
    /// How often each key occurs in the tree (policy mode).
    counts: HashMap<Key, u32>,
    /// Policy mode: flag the next object whatever its key.
    force_ref: bool,
    /// Policy mode: the next object is held elsewhere too (flag it and register it).
    force_shared: bool,
    /// Whether the root object is held elsewhere too (by the caller of `dumps`: true
    /// except for [`dumps_code_in_stream`]'s unshared code objects).
    root_shared: bool,
}

impl<'h> Writer<'h> {
    fn new(hints: Option<&'h [Hint]>) -> Self {
        Writer {
            out: Vec::new(),
            hints,
            next_hint: 0,
            refs: HashMap::new(),
            nrefs: 0,
            counts: HashMap::new(),
            force_ref: false,
            force_shared: false,
            root_shared: true,
        }
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) {
        self.long(n as i32);
    }

    /// Counts one occurrence of `v`; true when it is the first (a merged object's items
    /// are held once, by the one object, so only its first occurrence is descended into).
    fn count(&mut self, v: &Value) -> bool {
        match key(v) {
            Some(k) => {
                let n = self.counts.entry(k).or_insert(0);
                *n += 1;
                *n == 1
            }
            None => true,
        }
    }

    /// Policy pre-pass: count the shareable objects of the tree, as CPython's compiler
    /// would share them (equal constants are one object).
    fn policy_count(&mut self, v: &Value) {
        let mut stack = vec![v.clone()];
        while let Some(v) = stack.pop() {
            if !self.count(&v) {
                continue;
            }
            match v {
                Value::Tuple(items)
                | Value::List(items)
                | Value::Set(items)
                | Value::FrozenSet(items) => stack.extend(items),
                Value::Dict(pairs) => stack.extend(pairs.into_iter().flat_map(|(k, v)| [k, v])),
                Value::Code(c) => {
                    // The compiler merges these per-code tuples and bytes module-wide
                    // (3.11's `makecode`/`assemble` run them through `merge_const_one`):
                    // equal ones are one object, shared in the stream.
                    let consts = Value::Tuple(c.consts.iter().map(Value::from_constant).collect());
                    stack.push(consts);
                    for names in [&c.names, &c.localsplusnames] {
                        stack.push(Value::Tuple(
                            names.iter().cloned().map(Value::Str).collect(),
                        ));
                    }
                    self.count(&Value::Bytes(c.linetable.clone()));
                    self.count(&Value::Bytes(c.exceptiontable.clone()));
                    for s in [&c.filename, &c.name, &c.qualname] {
                        stack.push(Value::Str(s.clone()));
                    }
                }
                _ => {}
            }
        }
    }

    /// `w_ref`: `Some(flag)` to write the object (with `FLAG_REF` or not), `None` when a
    /// `TYPE_REF` was written instead. `interned` is the policy's guess for a str.
    fn w_ref(&mut self, v: &Value, interned: &mut bool) -> Option<u8> {
        if let Some(hints) = self.hints {
            if let Some(&h) = hints.get(self.next_hint) {
                self.next_hint += 1;
                return match h {
                    Hint::Ref(n) => {
                        self.byte(ty::REF);
                        self.long(n as i32);
                        None
                    }
                    Hint::Fresh {
                        flag_ref,
                        interned: i,
                    } => {
                        *interned = i;
                        if flag_ref {
                            self.nrefs += 1;
                            Some(ty::FLAG_REF)
                        } else {
                            Some(0)
                        }
                    }
                };
            }
        }
        // The root object is also held by the caller of `dumps`: CPython flags it.
        let force =
            std::mem::take(&mut self.force_ref) || (self.out.is_empty() && self.root_shared);
        let Some(k) = key(v).filter(|_| !force) else {
            // The root object (held by the caller too), and the `co_code` bytes CPython
            // caches on the code object, are held twice while written: CPython flags them.
            // Nested code objects are held once (by `co_consts`).
            let root = self.out.is_empty();
            if force || (root && self.root_shared && matches!(v, Value::Code(_))) {
                self.nrefs += 1;
                return Some(ty::FLAG_REF);
            }
            return Some(0);
        };
        if let Some(&n) = self.refs.get(&k) {
            self.byte(ty::REF);
            self.long(n as i32);
            return None;
        }
        let shared = is_singleton(v)
            || *interned
            || std::mem::take(&mut self.force_shared)
            || self.counts.get(&k).is_some_and(|&c| c > 1);
        if shared {
            self.refs.insert(k, self.nrefs);
            self.nrefs += 1;
            Some(ty::FLAG_REF)
        } else {
            Some(0)
        }
    }

    fn object(&mut self, v: &Value) {
        self.object_interned(v, false);
    }

    /// `w_object`.
    fn object_interned(&mut self, v: &Value, mut interned: bool) {
        let simple = match v {
            Value::None => Some(ty::NONE),
            Value::StopIteration => Some(ty::STOPITER),
            Value::Ellipsis => Some(ty::ELLIPSIS),
            Value::Bool(false) => Some(ty::FALSE),
            Value::Bool(true) => Some(ty::TRUE),
            _ => None,
        };
        if let Some(t) = simple {
            return self.byte(t);
        }
        let Some(flag) = self.w_ref(v, &mut interned) else {
            return;
        };
        match v {
            Value::Int(i) if *i >= i32::MIN as i64 && *i <= i32::MAX as i64 => {
                self.byte(ty::INT | flag);
                self.long(*i as i32);
            }
            Value::Int(i) => {
                let sign = if *i < 0 { Sign::Minus } else { Sign::Plus };
                self.long_digits(flag, sign, &i.unsigned_abs().to_le_bytes());
            }
            Value::BigInt(i) => {
                let (sign, bytes) = i.to_bytes_le();
                self.long_digits(flag, sign, &bytes);
            }
            Value::Float(f) => {
                self.byte(ty::BINARY_FLOAT | flag);
                self.out.extend_from_slice(&f.to_le_bytes());
            }
            Value::Complex { re, im } => {
                self.byte(ty::BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Value::Str(s) => self.str(flag, s, interned),
            Value::Bytes(b) => {
                self.byte(ty::STRING | flag);
                self.size(b.len());
                self.out.extend_from_slice(b);
            }
            Value::Tuple(items) => {
                self.tuple_header(flag, items.len());
                items.iter().for_each(|i| self.object(i));
            }
            Value::List(items) | Value::Set(items) | Value::FrozenSet(items) => {
                let t = match v {
                    Value::List(_) => ty::LIST,
                    Value::Set(_) => ty::SET,
                    _ => ty::FROZENSET,
                };
                self.byte(t | flag);
                self.size(items.len());
                items.iter().for_each(|i| self.object(i));
            }
            Value::Dict(pairs) => {
                self.byte(ty::DICT | flag);
                for (k, v) in pairs {
                    self.object(k);
                    self.object(v);
                }
                self.byte(ty::NULL);
            }
            Value::Code(c) => self.code(flag, c),
            Value::None | Value::StopIteration | Value::Ellipsis | Value::Bool(_) => unreachable!(),
        }
    }

    /// `TYPE_LONG`: magnitude as 15-bit digits, count negated for negative numbers.
    fn long_digits(&mut self, flag: u8, sign: Sign, mag_le: &[u8]) {
        let mut digits = Vec::new();
        let (mut acc, mut bits) = (0u32, 0);
        for &b in mag_le {
            acc |= (b as u32) << bits;
            bits += 8;
            while bits >= 15 {
                digits.push((acc & 0x7FFF) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        digits.push(acc as u16);
        while digits.last() == Some(&0) {
            digits.pop();
        }
        self.byte(ty::LONG | flag);
        let n = digits.len() as i32;
        self.long(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn str(&mut self, flag: u8, s: &PyStrValue, interned: bool) {
        let b = s.as_bytes();
        if s.is_ascii() {
            if b.len() < 256 {
                self.byte(
                    if interned {
                        ty::SHORT_ASCII_INTERNED
                    } else {
                        ty::SHORT_ASCII
                    } | flag,
                );
                self.byte(b.len() as u8);
            } else {
                self.byte(
                    if interned {
                        ty::ASCII_INTERNED
                    } else {
                        ty::ASCII
                    } | flag,
                );
                self.size(b.len());
            }
        } else {
            self.byte(if interned { ty::INTERNED } else { ty::UNICODE } | flag);
            self.size(b.len());
        }
        self.out.extend_from_slice(b);
    }

    fn tuple_header(&mut self, flag: u8, n: usize) {
        if n < 256 {
            self.byte(ty::SMALL_TUPLE | flag);
            self.byte(n as u8);
        } else {
            self.byte(ty::TUPLE | flag);
            self.size(n);
        }
    }

    /// A tuple of interned strs (`co_names`, `co_localsplusnames`).
    fn strs(&mut self, items: &[PyStrValue]) {
        let v = Value::Tuple(items.iter().cloned().map(Value::Str).collect());
        let mut interned = false;
        let Some(flag) = self.w_ref(&v, &mut interned) else {
            return;
        };
        self.tuple_header(flag, items.len());
        for s in items {
            self.object_interned(&Value::Str(s.clone()), true);
        }
    }

    /// `TYPE_CODE`, 3.11 field order.
    fn code(&mut self, flag: u8, c: &CodeObject) {
        self.byte(ty::CODE | flag);
        for n in [
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.stacksize,
            c.flags,
        ] {
            self.long(n as i32);
        }
        self.force_ref = true;
        self.object(&Value::Bytes(c.code.clone()));
        let consts: Vec<Value> = c.consts.iter().map(Value::from_constant).collect();
        self.consts(&consts);
        self.strs(&c.names);
        self.strs(&c.localsplusnames);
        self.localspluskinds(&c.localspluskinds);
        // `co_filename` is also held by whoever compiled the code (the loader's path,
        // `compile()`'s argument): CPython flags it even in a lone code object.
        self.force_shared = self.hints.is_none();
        self.object(&Value::Str(c.filename.clone()));
        self.force_shared = false;
        // Names from identifiers are interned; `<module>`, `<lambda>`, `<listcomp>` and
        // the like are CPython's static strs: shared with the runtime, not interned.
        let static_name = c.name.as_bytes().first() == Some(&b'<');
        self.force_shared = static_name && self.hints.is_none();
        self.object_interned(&Value::Str(c.name.clone()), !static_name);
        self.force_shared = false;
        let qualname_interned = c.qualname == c.name;
        self.object_interned(&Value::Str(c.qualname.clone()), qualname_interned);
        self.long(c.firstlineno);
        self.object(&Value::Bytes(c.linetable.clone()));
        self.object(&Value::Bytes(c.exceptiontable.clone()));
    }

    /// `co_localspluskinds`: a fresh bytes object of each code object (never merged, and
    /// made with `PyBytes_FromStringAndSize(NULL, n)`, so a 1-byte one is no singleton);
    /// only the empty one is CPython's shared `b''`.
    fn localspluskinds(&mut self, kinds: &[u8]) {
        if self.hints.is_some() || kinds.is_empty() {
            return self.object(&Value::Bytes(kinds.to_vec()));
        }
        self.byte(ty::STRING);
        self.size(kinds.len());
        self.out.extend_from_slice(kinds);
    }

    /// `co_consts`: str constants made of name characters are interned (policy mode).
    fn consts(&mut self, items: &[Value]) {
        let v = Value::Tuple(items.to_vec());
        let mut interned = false;
        let Some(flag) = self.w_ref(&v, &mut interned) else {
            return;
        };
        self.tuple_header(flag, items.len());
        for item in items {
            self.constant(item);
        }
    }

    /// A constant: name-like strs are interned, inside tuples and frozensets too
    /// (`intern_string_constants` in `Objects/codeobject.c`).
    fn constant(&mut self, item: &Value) {
        match item {
            Value::Str(s) => self.object_interned(item, all_name_chars(s)),
            Value::Tuple(items) | Value::FrozenSet(items) => {
                let mut interned = false;
                let Some(flag) = self.w_ref(item, &mut interned) else {
                    return;
                };
                if let Value::Tuple(_) = item {
                    self.tuple_header(flag, items.len());
                } else {
                    self.byte(ty::FROZENSET | flag);
                    self.size(items.len());
                }
                for i in items {
                    self.constant(i);
                }
            }
            _ => self.object(item),
        }
    }
}

/// Convert constants for the writer (kept for callers that hold [`Constant`]s).
pub fn dumps_constant(c: &Constant) -> Vec<u8> {
    dumps(&Value::from_constant(c))
}
