//! Type objects: name, bases, the C3 method resolution order, the type's dict, and
//! lookup through the MRO (CPython: `Objects/typeobject.c` `mro_implementation`,
//! `_PyType_Lookup`).
//!
//! Invariants: `mro` is the type's `__mro__` without the type itself (so a type holds no
//! reference to itself); it never changes after creation (no `__bases__` assignment yet).
//! Attribute caches (`eval/inline.rs`, `object/cache.rs`) key on [`version_tag`]: it
//! changes whenever the result of an MRO lookup on the type may have changed (see
//! [`modified`]).

use super::{Payload, PyRef, Value};
use crate::types::str::PyStr;
use std::cell::{Cell, OnceCell, RefCell};

/// Which builtin layout instances of a type have (CPython's "solid base").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseKind {
    Object,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    Complex,
    ByteArray,
    /// `module`: instances hold their namespace (`Payload::Module`).
    Module,
    ClassMethod,
    StaticMethod,
    Property,
    GenericAlias,
    /// The subclassable builtin iterators (`class Z(zip)`), one layout each.
    Map,
    Filter,
    Zip,
    Enumerate,
    Reversed,
    /// Types whose instances only Rust creates (function, range, ...): not subclassable.
    Final,
}

/// `tp_new` of a builtin type: create an instance of `cls` (a subtype) from the arguments.
pub type NewFn =
    fn(&mut crate::vm::Vm, &PyRef, crate::types::function::Args) -> crate::vm::PyResult<Value>;
/// `tp_init` of a builtin type.
pub type InitFn =
    fn(&mut crate::vm::Vm, &Value, crate::types::function::Args) -> crate::vm::PyResult<()>;

pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    /// Set once, at creation (bootstrap sets them after all builtin types exist).
    pub bases: OnceCell<Vec<PyRef>>,
    pub mro: OnceCell<Vec<PyRef>>,
    /// The type's namespace (a dict object).
    pub dict: OnceCell<PyRef>,
    pub kind: BaseKind,
    pub tp_new: Cell<Option<NewFn>>,
    pub tp_init: Cell<Option<InitFn>>,
    /// A class statement made it (instances get a `__dict__`, attributes are settable).
    pub heap: bool,
    /// `__slots__` without `__dict__` here and in every base: instances have no `__dict__`
    /// attribute; their dict field holds only the slot values, which member descriptors
    /// (`Payload::Member`) read and write.
    pub slots_only: Cell<bool>,
    /// Some class of the MRO has `__slots__` members: the instance's dict field is the slot
    /// storage, and the `__dict__` (when `!slots_only`) is its `"__dict__"` entry.
    pub slotted: Cell<bool>,
    /// A class statement of the MRO defines `__getattribute__`: attribute loads call it
    /// (set by `make_class`, and by assigning `__getattribute__` on the class; read through
    /// [`has_getattribute`], which also sees a base assigned it after this type was made).
    pub has_getattribute: Cell<bool>,
    /// A class of the MRO defines `__del__`: instances are finalized when their last
    /// reference goes (set by `make_class`, and by assigning `__del__` on the class; never
    /// cleared — the finalizer looks `__del__` up and does nothing when it is gone).
    pub has_finalizer: Cell<bool>,
    /// Bumped whenever the type's own dict changes (CPython's `tp_version_tag`; see
    /// [`version_tag`] for the part a base's change contributes).
    pub version: Cell<u64>,
    /// Some class statement named this type as a base (never cleared): a change to its
    /// dict may change lookups on types other than itself.
    pub has_subclasses: Cell<bool>,
    /// This type as a `&'static` reference, made (and leaked: the type becomes immortal)
    /// the first time `__class__` assignment gives an object this type ([`TypeRef`]).
    pub immortal: OnceCell<&'static PyRef>,
    /// The field names of a struct sequence type (`types/structseq.rs`).
    pub structseq: RefCell<Option<Vec<String>>>,
    /// Weak references to the types naming this one as a base (`tp_subclasses`;
    /// `types/introspect.rs`).
    pub subclasses: RefCell<Vec<std::rc::Rc<crate::object::refcount::WeakSlot>>>,
    /// [`version_tag`] + 1 when `type_call` last found this class's instances made by
    /// BaseException's own `__new__` and `__init__` alone (`raise E(x)` of a Python
    /// exception class: its two `heap_dunder` lookups are skipped while the tag holds);
    /// 0: not known.
    pub exc_plain_call: Cell<u64>,
}

impl TypeData {
    pub fn new(name: &str, kind: BaseKind, heap: bool) -> TypeData {
        TypeData {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            bases: OnceCell::new(),
            mro: OnceCell::new(),
            dict: OnceCell::new(),
            kind,
            tp_new: Cell::new(None),
            tp_init: Cell::new(None),
            heap,
            slots_only: Cell::new(false),
            slotted: Cell::new(false),
            has_getattribute: Cell::new(false),
            has_finalizer: Cell::new(false),
            version: Cell::new(0),
            has_subclasses: Cell::new(false),
            immortal: OnceCell::new(),
            structseq: RefCell::new(None),
            subclasses: RefCell::new(Vec::new()),
            exc_plain_call: Cell::new(0),
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for b in self.bases().iter().chain(self.mro()) {
            visit(&Value::Obj(b.clone()));
        }
        if let Some(d) = self.dict.get() {
            visit(&Value::Obj(d.clone()));
        }
    }

    pub fn bases(&self) -> &[PyRef] {
        self.bases.get().map_or(&[], |v| v)
    }

    /// `__mro__` without the type itself.
    pub fn mro(&self) -> &[PyRef] {
        self.mro.get().map_or(&[], |v| v)
    }

    /// First `tp_new` along the MRO.
    pub fn find_new(&self) -> Option<NewFn> {
        self.tp_new
            .get()
            .or_else(|| self.mro().iter().find_map(|t| tdata(t).tp_new.get()))
    }

    pub fn find_init(&self) -> Option<InitFn> {
        self.tp_init
            .get()
            .or_else(|| self.mro().iter().find_map(|t| tdata(t).tp_init.get()))
    }

    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }
}

/// An object's `ty` field (`PyObject::ty`): the type it was made with, or the type a
/// `__class__` assignment gave it since (CPython's writable `ob_type`). Reads deref to a
/// `&PyRef` and must see the current type.
///
/// Invariant (why this needs no `unsafe`): the assigned type is a `&'static PyRef` that
/// its type leaked once ([`TypeData::immortal`]), so a reference obtained before a later
/// assignment stays valid; the type the object was made with stays referenced by `made`
/// for the object's life. Only types that some object was assigned to become immortal.
pub struct TypeRef {
    made: PyRef,
    assigned: Cell<Option<&'static PyRef>>,
}

impl TypeRef {
    /// `obj.__class__ = ty` after the checks (`types::object::set_class`).
    pub fn assign(&self, ty: &PyRef) {
        let r: &'static PyRef = tdata(ty)
            .immortal
            .get_or_init(|| Box::leak(Box::new(ty.clone())));
        self.assigned.set(Some(r));
    }
}

impl TypeRef {
    /// The type the object was made with while no `__class__` assignment replaced it
    /// (the attribute caches' hit paths: two independent loads instead of a load through
    /// the assigned reference).
    #[inline(always)]
    pub fn unassigned(&self) -> Option<&PyRef> {
        match self.assigned.get() {
            None => Some(&self.made),
            Some(_) => None,
        }
    }
}

impl From<PyRef> for TypeRef {
    #[inline(always)]
    fn from(made: PyRef) -> TypeRef {
        TypeRef {
            made,
            assigned: Cell::new(None),
        }
    }
}

impl std::ops::Deref for TypeRef {
    type Target = PyRef;
    #[inline(always)]
    fn deref(&self) -> &PyRef {
        match self.assigned.get() {
            Some(t) => t,
            None => &self.made,
        }
    }
}

/// The type data of a type object (callers pass type objects only).
pub fn tdata(t: &PyRef) -> &TypeData {
    match &t.payload {
        Payload::Type(d) => d,
        // A type's `ty` field always holds a type object; reaching this is a VM bug, and
        // the static stand-in keeps it from becoming a crash.
        _ => unreachable_type(),
    }
}

fn unreachable_type() -> &'static TypeData {
    panic!("pyrs internal error: a type slot holds a non-type object")
}

/// The version an attribute cache entry for `ty` is keyed on: the type's own `version`
/// plus `Vm::type_epoch`, which [`modified`] bumps when a type that has subclasses
/// changes. Both counters only grow, so an equal sum means neither changed, i.e. no dict
/// of `ty`'s MRO changed since (a leaf class changing leaves every other type's entries
/// valid; a base changing drops all — the VM keeps no subclass lists, which would need
/// weak references). CPython bumps the subclasses' tags instead (`PyType_Modified`).
#[inline(always)]
pub fn version_tag(vm: &crate::vm::Vm, ty: &PyRef) -> u64 {
    tdata(ty).version.get().wrapping_add(vm.type_epoch)
}

/// `PyType_Modified`: `ty`'s dict changed (or is about to): invalidate the cached lookups
/// on it and on its subclasses.
pub fn modified(vm: &mut crate::vm::Vm, ty: &PyRef) {
    let td = tdata(ty);
    td.version.set(td.version.get() + 1);
    if td.has_subclasses.get() {
        vm.type_epoch += 1;
    }
}

/// Whether attribute loads on instances of `ty` go through a class's own
/// `__getattribute__`: the flag of the type or of a class of its MRO (a base may get the
/// method after the subclass was made).
#[inline]
pub fn has_getattribute(ty: &PyRef) -> bool {
    let td = tdata(ty);
    td.has_getattribute.get() || td.mro().iter().any(|t| tdata(t).has_getattribute.get())
}

/// `_PyType_Lookup`: the attribute `name` in `ty` or its MRO, without descriptors.
pub fn lookup(ty: &PyRef, name: &PyStr, hash: i64) -> Option<Value> {
    let td = tdata(ty);
    if let Some(v) = td
        .dict
        .get()
        .and_then(|d| crate::types::dict::dict_get_str(d, name, hash))
    {
        return Some(v);
    }
    for t in td.mro() {
        if let Some(v) = tdata(t)
            .dict
            .get()
            .and_then(|d| crate::types::dict::dict_get_str(d, name, hash))
        {
            return Some(v);
        }
    }
    None
}

/// Like [`lookup`], also telling which type of the MRO holds the attribute.
pub fn lookup_with_owner(ty: &PyRef, name: &PyStr, hash: i64) -> Option<(Value, PyRef)> {
    for t in full_mro(ty) {
        if let Some(v) = tdata(&t)
            .dict
            .get()
            .and_then(|d| crate::types::dict::dict_get_str(d, name, hash))
        {
            return Some((v, t));
        }
    }
    None
}

/// `issubclass(a, b)` by MRO (no `__subclasscheck__`).
pub fn is_subtype(a: &PyRef, b: &PyRef) -> bool {
    a.is(b) || tdata(a).mro().iter().any(|t| t.is(b))
}

/// The full `__mro__`, the type first.
pub fn full_mro(ty: &PyRef) -> Vec<PyRef> {
    let mut v = vec![ty.clone()];
    v.extend(tdata(ty).mro().iter().cloned());
    v
}

/// C3 linearization of a new class with these bases; `Err(names)` lists the bases that
/// could not be ordered (for CPython's "Cannot create a consistent method resolution
/// order (MRO) for bases A, B").
pub fn c3_mro(bases: &[PyRef]) -> Result<Vec<PyRef>, Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(full_mro).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<PyRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs.iter().any(|o| o[1..].iter().any(|t| t.is(cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let mut heads: Vec<PyRef> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(s[0].clone());
                }
            }
            return Err(heads);
        };
        for s in seqs.iter_mut() {
            if s[0].is(&next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}
