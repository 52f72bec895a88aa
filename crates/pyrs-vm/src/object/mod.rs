//! The object model core: [`Value`] (what a variable, a stack slot or a container item
//! holds), [`PyObject`] (a heap object: type, optional instance dict, payload) and
//! [`Payload`] (the builtin layouts). CPython: `Include/object.h`, `Objects/object.c`.
//!
//! Ownership: a `Value::Obj` owns one reference (a [`PyRef`]); cloning a `Value` increments
//! the count, dropping it decrements. Containers own their items the same way and can list
//! them ([`PyObject::traverse`]) for the cycle collector to come.

pub mod attr;
pub mod cache;
pub mod dict_slot;
pub mod ops;
pub mod protocol;
pub mod refcount;
pub mod subscript;
pub mod typeobj;

pub use dict_slot::DictSlot;
pub use refcount::{PyRef, RefSlot};
pub use typeobj::{BaseKind, TypeData, TypeRef};

use crate::types::dict::DictData;
use crate::types::function::{BuiltinData, FunctionData};
use crate::types::set::SetData;
use crate::types::str::PyStr;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};

/// A Python value. Small ints, floats, bools and None live inline (no allocation);
/// everything else is a counted reference to a heap object.
///
/// Invariants: `Int` holds every int that fits in i64; a heap int (`Payload::Int`) never
/// does (so equal ints are equal `Value`s of the same variant). `True`, `False` and `None`
/// exist only as `Bool`/`None` (never as heap objects), which makes them singletons for
/// `is`.
///
/// `repr(u64)`: an 8-byte tag and an 8-byte payload, so that a value moves as two aligned
/// words (with a 1-byte tag rustc copied bytes 1..16 as odd-sized pieces, which stalled
/// store forwarding on every stack push/pop of the eval loop).
#[repr(u64)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(PyRef),
}

/// Written out so that it is always inlined (the derived one was an out-of-line call on
/// the eval loop's hot paths).
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Obj(o) => Value::Obj(o.clone()),
        }
    }
}

impl Value {
    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Inline ints/floats: CPython caches -5..256 and literal constants; equal
            // values being identical is what programs observe for small ints.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            _ => false,
        }
    }

    pub fn as_obj(&self) -> Option<&PyRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The payload, for heap values.
    pub fn payload(&self) -> Option<&Payload> {
        self.as_obj().map(|o| &o.payload)
    }

    pub fn as_str(&self) -> Option<&PyStr> {
        match self.payload()? {
            Payload::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.payload()? {
            Payload::Tuple(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_type(&self) -> Option<&TypeData> {
        match self.payload()? {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    /// `id(x)`.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => o.id(),
            // Inline values have no address; a stable function of the value stands in.
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + *b as usize,
            Value::Int(i) => (*i as usize).wrapping_mul(2).wrapping_add(1),
            Value::Float(f) => (f.to_bits() as usize) | 1,
        }
    }
}

impl From<PyRef> for Value {
    fn from(r: PyRef) -> Value {
        Value::Obj(r)
    }
}

/// A heap object. `ty` derefs to the current type (`__class__` assignment changes it:
/// `typeobj::TypeRef`); `dict` is the instance `__dict__` when the type gives instances
/// one (replaceable: `obj.__dict__ = d`).
pub struct PyObject {
    pub ty: TypeRef,
    pub dict: DictSlot,
    pub payload: Payload,
}

/// A bound method's function (`.0`) and `__self__` (`.1`).
pub struct BoundMethodData(pub Value, pub Value);

/// A `property` (and the getset-like properties native modules make): `p[0]`/`p[1]`/`p[2]`
/// are fget/fset/fdel; `doc` the `doc=` argument (None: fget's `__doc__` is used); `name`
/// what `__set_name__` recorded (None until then), for CPython's "property 'x' of 'C'
/// object has no setter".
#[derive(Clone)]
pub struct PropertyData {
    pub accessors: [Value; 3],
    pub doc: Value,
    pub name: std::cell::RefCell<Value>,
}

impl PropertyData {
    pub fn new(accessors: [Value; 3]) -> Box<PropertyData> {
        Box::new(PropertyData {
            accessors,
            doc: Value::None,
            name: std::cell::RefCell::new(Value::None),
        })
    }
}

impl std::ops::Index<usize> for PropertyData {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        &self.accessors[i]
    }
}

/// The layouts of builtin objects. An instance of a user class that inherits from a
/// builtin type has that type's payload plus a `dict`.
pub enum Payload {
    /// `object()` and instances of classes whose only builtin base is `object`.
    Plain,
    /// An int that does not fit in i64 (or an int-subclass instance).
    Int(BigInt),
    /// A float-subclass instance (plain floats are inline).
    Float(f64),
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(Box<crate::types::bytearray::PyByteArray>),
    /// A frame object (`sys._getframe()`, `gi_frame`): a snapshot (`types/frame.rs`).
    Frame(Box<crate::types::frame::FrameData>),
    MemoryView(Box<crate::types::bytearray::MemView>),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    /// Boxed, like `Set`: the 64-byte table inline made every object 144 bytes.
    Dict(Box<RefCell<DictData>>),
    /// set and frozenset (boxed: the table is 112 bytes and would set the size of every
    /// object, `Payload` being as large as its largest variant).
    Set(Box<RefCell<SetData>>),
    Range(crate::types::range::RangeData),
    Slice(Box<[Value; 3]>),
    Type(Box<TypeData>),
    Function(Box<FunctionData>),
    Builtin(Box<BuiltinData>),
    /// A bound method: (function, self). Held in the payload itself (32 bytes, less than
    /// the largest variant), so `obj.m` allocates one object, as CPython's `method_new`.
    BoundMethod(BoundMethodData),
    Code(Box<crate::code::Code>),
    Cell(RefCell<Option<Value>>),
    Exception(crate::types::exceptions::ExcBox),
    Traceback(Box<crate::types::traceback::TracebackData>),
    Module(PyRef),
    Property(Box<PropertyData>),
    /// A complex number: real and imaginary parts.
    Complex(f64, f64),
    /// A `__slots__` member descriptor: the slot's name and the class that declared it.
    Member(Box<(PyRef, PyRef)>),
    ClassMethod(Value),
    StaticMethod(Value),
    Super(Box<(PyRef, Value)>),
    /// Iterators over builtin sequences: the sequence and the next index.
    SeqIter(Value, Cell<usize>),
    /// `range_iterator`: the next value, stop, step, and the first value (what
    /// `__reduce__`/`__setstate__` count from).
    RangeIter(Cell<i64>, i64, i64, i64),
    /// `iter(dict)`/`.keys()`/`.values()`/`.items()` iterators: dict, index, kind (0 keys,
    /// 1 values, 2 items), and the dict's length when created.
    DictIter(PyRef, Cell<usize>, u8, usize),
    /// Generic iterators written in Rust hold their state as a list of values and a counter.
    Enumerate(Value, Cell<i64>),
    /// The iterators and `strict`.
    /// `zip`: the iterators and `strict` (settable by `__setstate__`).
    Zip(Box<[Value]>, Cell<bool>),
    Map(Box<[Value]>),
    Filter(Box<(Value, Value)>),
    /// `types.UnionType` (`int | str`): its members, `__args__` (`types/union_type.rs`).
    Union(Box<[Value]>),
    /// `types.GenericAlias` (`types/generic_alias.rs`).
    GenericAlias(Box<crate::types::generic_alias::GenericAliasData>),
    /// `iter(callable, sentinel)`; emptied once the sentinel is seen.
    CallableIter(RefCell<Option<Box<(Value, Value)>>>),
    Reversed(Value, Cell<isize>),
    /// A dict view: dict and kind (0 keys, 1 values, 2 items).
    DictView(PyRef, u8),
    Generator(Box<crate::types::generator::GenData>),
    /// A value an async generator yields to its consumer (ASYNC_GEN_WRAP).
    AsyncGenWrapped(Value),
    /// The awaitable of `asend`/`__anext__`/`athrow`/`aclose` (`types/coroutine.rs`).
    AsyncGenOp(Box<crate::types::coroutine::AsyncGenOp>),
    /// NotImplemented, Ellipsis: singletons that only their identity distinguishes.
    Singleton,
    /// An instance of a native module's type (deque, itertools iterators, locks, ...):
    /// its Rust state (`modules/native_type.rs`).
    Native(Box<dyn crate::modules::native_type::NativeData>),
}

/// The order in which a dying container releases its items is visible (`__del__` of the
/// items runs in it): CPython's `list_dealloc` and `tupledealloc` release the last item
/// first; dicts release theirs in insertion order, which is what dropping their entry
/// vector does.
impl Drop for PyObject {
    fn drop(&mut self) {
        match &mut self.payload {
            Payload::List(items) => {
                let items = items.get_mut();
                while let Some(v) = items.pop() {
                    drop(v);
                }
            }
            Payload::Tuple(items) => {
                for v in items.iter_mut().rev() {
                    if matches!(v, Value::Obj(_)) {
                        *v = Value::None;
                    }
                }
            }
            _ => {}
        }
    }
}

impl PyObject {
    /// Whether the object's type was made by a class statement.
    #[inline]
    pub fn ty_is_heap(&self) -> bool {
        typeobj::tdata(&self.ty).heap
    }

    /// Must something run when the last reference goes (`refcount.rs` queues it for
    /// `crate::finalize`)? A class of the type's MRO defines `__del__`, or a generator,
    /// coroutine or async generator is suspended unfinished (it is closed).
    #[inline]
    pub fn needs_finalizer(&self) -> bool {
        match &self.payload {
            Payload::Generator(g) => g.needs_close() || g.has_finalizer_hook(),
            _ => {
                let td = typeobj::tdata(&self.ty);
                if td.has_finalizer.get() {
                    return true;
                }
                // A base given `__del__` after this class was made (rare: look only then).
                let late = td.heap
                    && refcount::del_assigned_late()
                    && td
                        .mro()
                        .iter()
                        .any(|b| typeobj::tdata(b).has_finalizer.get());
                if late {
                    td.has_finalizer.set(true);
                }
                late
            }
        }
    }

    /// Calls `visit` with every reference this object holds (CPython's `tp_traverse`),
    /// for the cycle collector. Every container variant must be listed here.
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let vr = |r: &PyRef, visit: &mut dyn FnMut(&Value)| visit(&Value::Obj(r.clone()));
        vr(&self.ty, visit);
        if let Some(d) = self.dict.get() {
            vr(&d, visit);
        }
        match &self.payload {
            Payload::Tuple(items) | Payload::Union(items) => items.iter().for_each(|v| visit(v)),
            Payload::List(items) => items.borrow().iter().for_each(|v| visit(v)),
            Payload::Dict(d) => d.borrow().traverse(visit),
            Payload::Set(s) => s.borrow().traverse(visit),
            Payload::Slice(s) => s.iter().for_each(|v| visit(v)),
            Payload::Type(t) => t.traverse(visit),
            Payload::Function(f) => f.traverse(visit),
            Payload::Builtin(b) => b.traverse(visit),
            Payload::BoundMethod(m) => {
                visit(&m.0);
                visit(&m.1)
            }
            Payload::Code(c) => c.consts.iter().for_each(|v| visit(v)),
            Payload::Cell(c) => {
                if let Some(v) = &*c.borrow() {
                    visit(v)
                }
            }
            Payload::Exception(e) => e.traverse(visit),
            Payload::Traceback(t) => t.traverse(visit),
            Payload::Module(d) => vr(d, visit),
            Payload::Property(p) => {
                p.accessors.iter().for_each(|v| visit(v));
                visit(&p.doc);
                visit(&p.name.borrow());
            }
            Payload::Member(m) => {
                vr(&m.0, visit);
                vr(&m.1, visit)
            }
            Payload::ClassMethod(v) | Payload::StaticMethod(v) => visit(v),
            Payload::Super(s) => {
                vr(&s.0, visit);
                visit(&s.1)
            }
            Payload::SeqIter(v, _) | Payload::Enumerate(v, _) | Payload::Reversed(v, _) => visit(v),
            Payload::DictIter(d, ..) | Payload::DictView(d, _) => vr(d, visit),
            Payload::Zip(v, _) | Payload::Map(v) => v.iter().for_each(|v| visit(v)),
            Payload::Filter(f) => {
                visit(&f.0);
                visit(&f.1)
            }
            Payload::GenericAlias(g) => g.traverse(visit),
            Payload::CallableIter(c) => {
                if let Some(p) = &*c.borrow() {
                    visit(&p.0);
                    visit(&p.1)
                }
            }
            Payload::Generator(g) => g.traverse(visit),
            Payload::AsyncGenWrapped(v) => visit(v),
            Payload::MemoryView(m) => m.traverse(visit),
            Payload::Frame(f) => f.traverse(visit),
            Payload::AsyncGenOp(op) => op.traverse(visit),
            Payload::Native(n) => n.traverse(visit),
            Payload::Plain
            | Payload::Int(_)
            | Payload::Float(_)
            | Payload::Complex(..)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(_)
            | Payload::RangeIter(..)
            | Payload::Singleton => {}
        }
    }
}
