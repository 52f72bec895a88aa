//! Per-instruction inline caches (CPython 3.11: the `CACHE` entries of PEP 659 and the
//! `LOAD_ATTR_INSTANCE_VALUE` / `LOAD_METHOD_WITH_VALUES` / `STORE_ATTR_INSTANCE_VALUE` /
//! `LOAD_GLOBAL_MODULE` specializations of `Python/specialize.c`).
//!
//! Each LOAD_ATTR, STORE_ATTR, LOAD_METHOD and LOAD_GLOBAL of a code object owns one
//! [`Inline`] slot in `Code::inline`; the slot's number (plus one) is written into the
//! instruction's first CACHE unit of the VM's own `units` copy when the code object is
//! made ([`assign_slots`]). The on-disk bytecode is untouched.
//!
//! Invariants (why a hit is exactly what the generic path would compute):
//! - An attribute entry is keyed on the instance's type (held, so its address cannot be
//!   reused) and on the type's `typeobj::version_tag`, which changes whenever a dict of
//!   the type's MRO changes. While both match, the MRO lookup of the name gives the
//!   cached result.
//! - It is only filled for types whose attribute behaviour depends on nothing else: a
//!   class statement's type with a `Plain` payload, no `__slots__`, no `__getattribute__`
//!   override (and, for stores, no `__setattr__`), and a name that is not a dunder
//!   (dunders may be builtin attributes such as `__class__`, found before the class's).
//! - Instance values are found through `hint`, the dense entry index in the instance dict
//!   where the name was last seen: the entry there is the name's live entry iff its key is
//!   the very interned name object (keys are unique; a deleted entry is `None`). Instances
//!   of a class usually get their attributes in the same order, so one hint serves them
//!   all — the effect of CPython's shared-key dicts without a second dict layout.
//! - A global entry holds the globals and builtins dicts, their `version`s and the dense
//!   entry index where the name was found; every mutation of a dict bumps its version, so
//!   an unchanged pair means the entry is still at that index. The value itself is not
//!   held (a deleted global dies at its `del`, as in CPython).
//! - Slots are tagged by kind: a slot reached by a different instruction (only possible
//!   in hostile bytecode that jumps into cache units) misses and takes the generic path.
//! - An attribute slot's hit key (kind, type address, version tag, hint, name hash, the
//!   name's address) is mirrored in `Cell`s beside the entry, so a hit borrows no
//!   `RefCell` and matches no enum. `key` is the type's address with the kind in its low
//!   bits (objects are 8-aligned; one compare tests both); it is non-zero only while the
//!   entry holds that very type (so its address cannot be reused): [`Slot::fill`] clears
//!   it before replacing the entry. The name's address is only compared with dict keys'
//!   addresses (the code object, which owns the slot, holds the name).
//!
//! Each entry point is a small `#[inline(always)]` hit path (inlined into the eval loop)
//! and an out-of-line `*_slow` function that fills the entry and runs the generic code.

use crate::code::Code;
use crate::object::typeobj::{tdata, version_tag};
use crate::object::{Payload, PyRef, Value};
use crate::types::dict;
use crate::vm::{PyResult, Vm};
use pyrs_bytecode::opnum::{LOAD_ATTR, LOAD_GLOBAL, LOAD_METHOD, STORE_ATTR};
use std::cell::{Cell, RefCell};

/// One cached instruction's slot: the attribute hit key in `Cell`s (read without a
/// borrow by the inlined hit paths) and the entry that owns what the key names.
#[derive(Default)]
pub struct Slot {
    /// The type's address | the kind (0: no attribute entry).
    key: Cell<usize>,
    tag: Cell<u64>,
    hash: Cell<i64>,
    hint: Cell<usize>,
    /// The address of the instruction's name (an interned str).
    name: Cell<usize>,
    entry: RefCell<Inline>,
}

const K_NONE: usize = 0;
const K_LOAD: usize = 1;
const K_METHOD: usize = 2;
const K_STORE: usize = 3;

impl Slot {
    /// Replace the entry (and the hit key: `kind` of an attribute entry for the
    /// instruction's `name`, `K_NONE` otherwise). The old entry is dropped after the
    /// borrow ends (its deallocation may run code that reaches this slot).
    fn fill(&self, kind: usize, entry: Inline, name: Option<&PyRef>) {
        self.key.set(0);
        let (ty, tag, hash) = match &entry {
            Inline::Load { ty, tag, hash, .. }
            | Inline::Method { ty, tag, hash, .. }
            | Inline::Store { ty, tag, hash, .. } => (ty.id(), *tag, *hash),
            _ => (0, 0, 0),
        };
        let Ok(mut c) = self.entry.try_borrow_mut() else {
            return;
        };
        let old = std::mem::replace(&mut *c, entry);
        drop(c);
        self.tag.set(tag);
        self.hash.set(hash);
        self.hint.set(0);
        self.name.set(name.map_or(0, |n| n.id()));
        if ty != 0 && ty & 7 == 0 {
            self.key.set(ty | kind);
        }
        drop(old);
    }

    /// Whether the hit key is `kind` for an instance of type `ty` at its current version.
    #[inline(always)]
    fn hits(&self, vm: &Vm, kind: usize, ty: &PyRef) -> bool {
        self.hits_in(vm.type_epoch, kind, ty)
    }

    /// [`Slot::hits`] with the VM's `type_epoch` read by the caller.
    #[inline(always)]
    fn hits_in(&self, epoch: u64, kind: usize, ty: &PyRef) -> bool {
        self.key.get() == ty.id() | kind
            && self.tag.get() == tdata(ty).version.get().wrapping_add(epoch)
    }

    /// [`Slot::hits_in`] for the object `o` on the inlined hit paths: only objects whose
    /// class was never assigned (`TypeRef::unassigned`: the type pointer is read without
    /// the dependent load through the assigned reference). Others miss, and the slow
    /// paths, which read the current type, serve them.
    #[inline(always)]
    fn hits_obj(&self, epoch: u64, kind: usize, o: &PyRef) -> bool {
        match o.ty.unassigned() {
            Some(ty) => self.hits_in(epoch, kind, ty),
            None => false,
        }
    }
}

#[derive(Default)]
pub enum Inline {
    #[default]
    Empty,
    /// LOAD_ATTR on an instance: the instance dict first, then the class attribute
    /// (`None`: none; the generic path raises or calls `__getattr__`).
    /// `hash` is the name's; the slot's `hint` the instance-dict entry index it was last
    /// found at. `plain`: `attr` is a value whose type has no `__get__` and cannot get
    /// one (an inline scalar, or an exact str/bytes/tuple/frozenset/int/float/complex:
    /// builtin types are immutable), so reading it through an instance returns it as is.
    Load {
        ty: PyRef,
        tag: u64,
        attr: Option<Value>,
        hash: i64,
        plain: bool,
    },
    /// LOAD_METHOD finding a plain function (or builtin method) on the type.
    Method {
        ty: PyRef,
        tag: u64,
        func: Value,
        hash: i64,
    },
    /// STORE_ATTR into the instance dict (no data descriptor, no `__setattr__`).
    Store { ty: PyRef, tag: u64, hash: i64 },
    /// LOAD_GLOBAL: where the name was found — the dense entry `index` of the globals
    /// dict, or of the builtins dict when `in_builtins` — not the value itself, so the
    /// cache never keeps a deleted global alive (its `__del__` runs at the `del`).
    Global {
        globals: PyRef,
        gver: u64,
        builtins: PyRef,
        bver: u64,
        index: usize,
        in_builtins: bool,
    },
}

/// Number the cached instructions of `units` (writing slot + 1 into their first CACHE
/// unit); returns how many slots the code object needs. The slots themselves are made on
/// the code's first cached instruction ([`slot`], [`new_slots`]): most functions of an
/// imported module never run during the import, and a slot is ~100 bytes.
pub fn assign_slots(units: &mut [(u8, u8)]) -> u16 {
    let mut n: usize = 0;
    let mut i = 0;
    while i < units.len() {
        let op = units[i].0;
        let caches = pyrs_bytecode::opcode::cache_entries(op) as usize;
        if matches!(op, LOAD_ATTR | STORE_ATTR | LOAD_METHOD | LOAD_GLOBAL)
            && caches >= 1
            && i + 1 < units.len()
            && n < 0xFFFF
        {
            n += 1;
            units[i + 1] = ((n & 0xFF) as u8, (n >> 8) as u8);
        }
        i += 1 + caches;
    }
    n as u16
}

/// A code object's slot table, all empty (made on first use).
#[cold]
fn new_slots(n: u16) -> Box<[Slot]> {
    (0..n).map(|_| Slot::default()).collect()
}

/// The slot of the instruction whose first CACHE unit is `units[at]`.
#[inline(always)]
pub fn slot(co: &Code, at: usize) -> Option<&Slot> {
    let (lo, hi) = *co.units.get(at)?;
    let k = (lo as usize) | ((hi as usize) << 8);
    co.inline
        .get_or_init(|| new_slots(co.nslots))
        .get(k.checked_sub(1)?)
}

/// [`slot`] for the hit paths: `None` while the code's slot table is not made yet (the
/// slow path that misses makes it).
#[inline(always)]
fn slot_hit(co: &Code, at: usize) -> Option<&Slot> {
    slot_of_unit(co, *co.units.get(at)?)
}

/// [`slot_hit`] from the instruction's first CACHE unit, which the caller read together
/// with the opcode (one bounds check for both, no reload of the code's units).
#[inline(always)]
fn slot_of_unit(co: &Code, (lo, hi): (u8, u8)) -> Option<&Slot> {
    let k = (lo as usize) | ((hi as usize) << 8);
    co.inline.get()?.get(k.wrapping_sub(1))
}

fn hash_of(vm: &Vm, name: &PyRef) -> i64 {
    crate::object::attr::hash_of(vm, name)
}

/// Whether dict entry `ix` has the very object at address `name` as its key. Keys are
/// unique and a deleted entry is `None`, so such an entry is the live one for the name.
#[inline(always)]
fn entry_is(b: &dict::DictData, ix: usize, name: usize) -> bool {
    matches!(b.entries.get(ix), Some(Some(e)) if matches!(&e.key, Value::Obj(k) if k.id() == name))
}

/// The value at entry `ix` of dict `d` if that entry is the name's at address `name`
/// (the hit path).
#[inline(always)]
fn value_at(d: &PyRef, name: usize, ix: usize) -> Option<Value> {
    let b = dict::dict_data(d)?.try_borrow().ok()?;
    match b.entries.get(ix) {
        Some(Some(e)) if matches!(&e.key, Value::Obj(k) if k.id() == name) => Some(e.value.clone()),
        _ => None,
    }
}

/// `d[name]` for an interned name: at the entry `hint` names, else by probing (and the
/// hint follows).
fn get_hinted(d: &PyRef, name: &PyRef, hash: i64, hint: &Cell<usize>) -> Option<Value> {
    let b = dict::dict_data(d)?.borrow();
    let ix = if entry_is(&b, hint.get(), name.id()) {
        hint.get()
    } else {
        let ix = b.get_str_index(crate::object::attr::pystr(name), hash)?;
        hint.set(ix);
        ix
    };
    b.entries[ix].as_ref().map(|e| e.value.clone())
}

/// Replace the value of entry `ix` of `d` if that entry is the name's at address `name`:
/// `Ok(old value)`, or `Err(value)` (given back) when it is not.
#[inline(always)]
fn replace_at(d: &PyRef, name: usize, ix: usize, value: Value) -> Result<Value, Value> {
    let Some(dd) = dict::dict_data(d) else {
        return Err(value);
    };
    let Ok(mut b) = dd.try_borrow_mut() else {
        return Err(value);
    };
    let b = &mut *b;
    match b.entries.get_mut(ix) {
        Some(Some(e)) if matches!(&e.key, Value::Obj(k) if k.id() == name) => {
            b.version += 1;
            Ok(std::mem::replace(&mut e.value, value))
        }
        _ => Err(value),
    }
}

/// Whether instances of `ty` qualify for attribute caching (see the invariants).
fn cacheable(o: &PyRef, name: &PyRef) -> bool {
    let td = tdata(&o.ty);
    td.heap
        && matches!(o.payload, Payload::Plain)
        && !td.slotted.get()
        && !crate::object::typeobj::has_getattribute(&o.ty)
        && o.dict.is_some()
        && !crate::object::attr::pystr(name).as_rust().starts_with("__")
}

/// LOAD_ATTR's hit: the instance-dict value at the cached entry, without running code
/// (the loop reads `obj` in its stack slot and overwrites it with the result).
#[inline(always)]
pub fn load_attr_hit(vm: &Vm, co: &Code, at: usize, obj: &Value) -> Option<Value> {
    load_attr_hit_in(vm.type_epoch, co, at, obj)
}

/// [`load_attr_hit`] with the VM's `type_epoch` read by the caller (which then may hold
/// the object's stack slot mutably).
#[inline(always)]
pub fn load_attr_hit_in(epoch: u64, co: &Code, at: usize, obj: &Value) -> Option<Value> {
    load_attr_hit_slot(epoch, slot_hit(co, at), obj)
}

/// [`load_attr_hit`] given the instruction's first CACHE unit (the fused LOAD_FAST arm).
#[inline(always)]
pub fn load_attr_hit_unit(vm: &Vm, co: &Code, unit: (u8, u8), obj: &Value) -> Option<Value> {
    load_attr_hit_slot(vm.type_epoch, slot_of_unit(co, unit), obj)
}

#[inline(always)]
fn load_attr_hit_slot(epoch: u64, slot: Option<&Slot>, obj: &Value) -> Option<Value> {
    if let (Value::Obj(o), Some(s)) = (obj, slot) {
        if s.hits_obj(epoch, K_LOAD, o) {
            // `lend`, not `with`: the closure was left out of line where this is inlined
            // twice, and its result came back through memory.
            let lent = o.dict.lend();
            let r = match lent.get() {
                Some(d) => value_at(d, s.name.get(), s.hint.get()),
                None => None,
            };
            drop(lent);
            return r;
        }
    }
    None
}

/// LOAD_ATTR after [`load_attr_hit`] missed.
#[inline(never)]
pub fn load_attr_miss(
    vm: &mut Vm,
    co: &Code,
    at: usize,
    obj: &Value,
    name: &PyRef,
) -> PyResult<Value> {
    load_attr_slow(vm, co, at, obj, name)
}

#[inline(never)]
fn load_attr_slow(vm: &mut Vm, co: &Code, at: usize, obj: &Value, name: &PyRef) -> PyResult<Value> {
    if let (Value::Obj(o), Some(s)) = (obj, slot(co, at)) {
        let hit = if s.hits(vm, K_LOAD, &o.ty) {
            // A plain class attribute read through the instance (`self.LIMIT`): returned
            // as is once the instance dict is known to lack the name (one probe, no
            // descriptor call).
            if let Ok(c) = s.entry.try_borrow() {
                if let Inline::Load {
                    attr: Some(a),
                    plain: true,
                    ..
                } = &*c
                {
                    if !dict_may_hold(o, name, s.hash.get()) {
                        return Ok(a.clone());
                    }
                }
            }
            if let Some(d) = o.dict.get() {
                if let Some(v) = get_hinted(&d, name, s.hash.get(), &s.hint) {
                    return Ok(v);
                }
            }
            match &*s.entry.borrow() {
                Inline::Load { attr, .. } => Some(attr.clone()),
                _ => None,
            }
        } else {
            None
        };
        match hit {
            Some(attr) => {
                if let Some(a) = attr {
                    let ty = o.ty.clone();
                    return crate::object::attr::descr_get(vm, a, Some(obj.clone()), &ty);
                }
            }
            None if cacheable(o, name) => {
                let ty = o.ty.clone();
                let attr = crate::object::cache::type_lookup(vm, &ty, name);
                let data = attr
                    .as_ref()
                    .is_some_and(|a| crate::object::attr::is_data_descr(vm, a));
                if !data {
                    let plain = attr.as_ref().is_some_and(|a| is_plain(vm, a));
                    let entry = Inline::Load {
                        tag: version_tag(vm, &ty),
                        ty,
                        attr,
                        hash: hash_of(vm, name),
                        plain,
                    };
                    s.fill(K_LOAD, entry, Some(name));
                }
            }
            None => {}
        }
        // `e.args` in an `except` clause (H4's hook: `types/exceptions.rs`).
        if let Some(v) = crate::types::exceptions::load_attr_args(vm, o, name) {
            return Ok(v);
        }
    }
    crate::object::attr::getattr(vm, obj, name)
}

/// Whether reading `a` through an instance gives `a` itself: no `__get__` on its type,
/// now or later (see `Inline::Load::plain`).
fn is_plain(vm: &Vm, a: &Value) -> bool {
    let Value::Obj(o) = a else {
        return true;
    };
    let t = &vm.types;
    [
        &t.str,
        &t.bytes,
        &t.tuple,
        &t.frozenset,
        &t.int,
        &t.float,
        &t.complex,
    ]
    .iter()
    .any(|ty| o.ty.is(ty))
}

/// Whether `o`'s instance dict may hold `name` (a method hit must not be shadowed).
#[inline(always)]
fn dict_may_hold(o: &PyRef, name: &PyRef, hash: i64) -> bool {
    // `lend`, not `with`: the closure was left out of line at the three inlined sites.
    let lent = o.dict.lend();
    let r = match lent.get() {
        None => false,
        Some(d) => match dict::dict_data(d).map(|dd| dd.try_borrow()) {
            Some(Ok(b)) => !b.lacks_str(crate::object::attr::pystr(name), hash),
            _ => true,
        },
    };
    drop(lent);
    r
}

/// LOAD_METHOD's hit: the cached function, to be called with `obj` as its first
/// argument (runs no code; the loop puts it under `obj` in the stack).
#[inline(always)]
pub fn load_method_hit(vm: &Vm, co: &Code, at: usize, obj: &Value, name: &PyRef) -> Option<Value> {
    load_method_hit_slot(vm, slot_hit(co, at), obj, name)
}

/// [`load_method_hit`] given the instruction's first CACHE unit (the fused LOAD_FAST arm).
#[inline(always)]
pub fn load_method_hit_unit(
    vm: &Vm,
    co: &Code,
    unit: (u8, u8),
    obj: &Value,
    name: &PyRef,
) -> Option<Value> {
    load_method_hit_slot(vm, slot_of_unit(co, unit), obj, name)
}

#[inline(always)]
fn load_method_hit_slot(vm: &Vm, slot: Option<&Slot>, obj: &Value, name: &PyRef) -> Option<Value> {
    if let (Value::Obj(o), Some(s)) = (obj, slot) {
        if s.hits_obj(vm.type_epoch, K_METHOD, o) && !dict_may_hold(o, name, s.hash.get()) {
            if let Ok(c) = s.entry.try_borrow() {
                if let Inline::Method { func, .. } = &*c {
                    return Some(func.clone());
                }
            }
        }
    }
    None
}

/// LOAD_METHOD after [`load_method_hit`] missed: `(callable, true)` when `obj` is to be
/// passed as the first argument.
#[inline(never)]
pub fn load_method_miss(
    vm: &mut Vm,
    co: &Code,
    at: usize,
    obj: &Value,
    name: &PyRef,
) -> PyResult<(Value, bool)> {
    load_method_slow(vm, co, at, obj, name)
}

#[inline(never)]
fn load_method_slow(
    vm: &mut Vm,
    co: &Code,
    at: usize,
    obj: &Value,
    name: &PyRef,
) -> PyResult<(Value, bool)> {
    let r = crate::object::attr::get_method(vm, obj, name)?;
    if let (true, Value::Obj(o), Some(s)) = (r.1, obj, slot(co, at)) {
        // A plain function found on the type and not shadowed: cache it for instances of
        // class statements as above, and for builtin types' objects without a `__dict__`
        // (`list.append`), whose methods cannot be shadowed.
        let td = tdata(&o.ty);
        let ok = if td.heap {
            cacheable(o, name)
        } else {
            o.dict.is_none()
                && !matches!(
                    o.payload,
                    Payload::Type(_) | Payload::Module(_) | Payload::Super(_)
                )
        };
        if ok {
            let entry = Inline::Method {
                ty: o.ty.clone(),
                tag: version_tag(vm, &o.ty),
                func: r.0.clone(),
                hash: hash_of(vm, name),
            };
            s.fill(K_METHOD, entry, Some(name));
        }
    }
    Ok(r)
}

/// STORE_ATTR's hit test (the eval loop's fast arm, before it takes the operands off
/// the stack): the slot when it holds a store entry for `obj`'s type at its version.
#[inline(always)]
pub fn store_attr_slot<'a>(vm: &Vm, co: &'a Code, at: usize, obj: &Value) -> Option<&'a Slot> {
    store_attr_slot_of(vm, slot_hit(co, at), obj)
}

/// [`store_attr_slot`] given the instruction's first CACHE unit (the fused LOAD_FAST arm).
#[inline(always)]
pub fn store_attr_slot_unit<'a>(
    vm: &Vm,
    co: &'a Code,
    unit: (u8, u8),
    obj: &Value,
) -> Option<&'a Slot> {
    store_attr_slot_of(vm, slot_of_unit(co, unit), obj)
}

#[inline(always)]
fn store_attr_slot_of<'a>(vm: &Vm, slot: Option<&'a Slot>, obj: &Value) -> Option<&'a Slot> {
    match (obj, slot) {
        (Value::Obj(o), Some(s)) if s.hits_obj(vm.type_epoch, K_STORE, o) => Some(s),
        _ => None,
    }
}

/// STORE_ATTR's hit after [`store_attr_slot`]: replace the value at the hinted entry of
/// `o`'s instance dict, `Ok(old value)` (the caller drops it: its deallocation may run
/// code), or `Err(value)` given back when the entry is not `name`'s (the general arm
/// then runs [`store_attr`]). Runs no code.
#[inline(always)]
pub fn store_attr_hit(s: &Slot, o: &PyRef, value: Value) -> Result<Value, Value> {
    let lent = o.dict.lend();
    match lent.get() {
        Some(d) => replace_at(d, s.name.get(), s.hint.get(), value),
        None => Err(value),
    }
}

/// STORE_ATTR (`value` is `Some`).
#[inline(always)]
pub fn store_attr(
    vm: &mut Vm,
    co: &Code,
    at: usize,
    obj: &Value,
    name: &PyRef,
    value: Value,
) -> PyResult<()> {
    let mut value = value;
    if let (Value::Obj(o), Some(s)) = (obj, slot(co, at)) {
        if s.hits(vm, K_STORE, &o.ty) {
            // The old value is dropped after `with` returns: its deallocation may run code.
            let lent = o.dict.lend();
            let r = match lent.get() {
                Some(d) => replace_at(d, s.name.get(), s.hint.get(), value),
                None => Err(value),
            };
            drop(lent);
            match r {
                Ok(old) => {
                    drop(old); // after the borrow: its deallocation may run code
                    return Ok(());
                }
                Err(v) => value = v,
            }
        }
    }
    store_attr_slow(vm, co, at, obj, name, value)
}

#[inline(never)]
fn store_attr_slow(
    vm: &mut Vm,
    co: &Code,
    at: usize,
    obj: &Value,
    name: &PyRef,
    value: Value,
) -> PyResult<()> {
    if let (Value::Obj(o), Some(s)) = (obj, slot(co, at)) {
        if let (true, Some(d)) = (s.hits(vm, K_STORE, &o.ty), o.dict.get()) {
            // Not at the hinted entry (a fresh instance's first stores, or another
            // order): set it by probing with the cached hash; the hint follows.
            if let Some(Ok(mut b)) = dict::dict_data(&d).map(|dd| dd.try_borrow_mut()) {
                let (ix, old) = b.set_str(name.clone(), s.hash.get(), value);
                drop(b);
                s.hint.set(ix);
                drop(old); // after the borrow: its deallocation may touch this dict
                return Ok(());
            }
        }
        if cacheable(o, name) {
            let ty = o.ty.clone();
            let hook = crate::object::protocol::heap_dunder(vm, &ty, "__setattr__").is_some();
            let attr = crate::object::cache::type_lookup(vm, &ty, name);
            let data = attr
                .as_ref()
                .is_some_and(|a| crate::object::attr::is_data_descr(vm, a));
            if !hook && !data {
                let entry = Inline::Store {
                    tag: version_tag(vm, &ty),
                    ty,
                    hash: hash_of(vm, name),
                };
                s.fill(K_STORE, entry, Some(name));
            }
        }
    }
    crate::object::attr::setattr(vm, obj, name, Some(value))
}

/// The `version` of a dict (`u64::MAX` for a non-dict, which no entry holds).
#[inline(always)]
fn dict_version(d: &PyRef) -> u64 {
    match dict::dict_data(d).map(|dd| dd.try_borrow()) {
        Some(Ok(b)) => b.version,
        _ => u64::MAX,
    }
}

/// LOAD_GLOBAL (the name only; the loop pushes the NULL). The hit path, inlined into the
/// loop: the frame's globals and builtins are the cached dicts, at the cached versions,
/// so the name's entry is still at the cached index.
#[inline(always)]
pub fn load_global(vm: &mut Vm, co: &Code, at: usize, i: usize) -> PyResult<Value> {
    match load_global_hit(vm, co, at) {
        Some(v) => Ok(v),
        None => load_global_slow(vm, co, at, i),
    }
}

/// LOAD_GLOBAL's hit (runs no code and touches no stack: the loop calls it with its
/// stack pointer detached); `None` on a miss.
#[inline(always)]
pub fn load_global_hit(vm: &Vm, co: &Code, at: usize) -> Option<Value> {
    if let (Some(s), Some(f)) = (slot_hit(co, at), vm.thread.frames.last()) {
        if let Ok(c) = s.entry.try_borrow() {
            if let Inline::Global {
                globals,
                gver,
                builtins,
                bver,
                index,
                in_builtins,
            } = &*c
            {
                let ns = f.namespaces();
                if globals.id() == ns.globals && builtins.id() == ns.builtins {
                    return cached_global(globals, *gver, builtins, *bver, *index, *in_builtins);
                }
            }
        }
    }
    None
}

/// The value at a LOAD_GLOBAL entry's index, if both dicts are at the cached versions
/// (the globals' unchanged version also means the name is still absent there when it
/// was found in the builtins).
#[inline(always)]
fn cached_global(
    globals: &PyRef,
    gver: u64,
    builtins: &PyRef,
    bver: u64,
    index: usize,
    in_builtins: bool,
) -> Option<Value> {
    let g = dict::dict_data(globals)?.try_borrow().ok()?;
    if g.version != gver {
        return None;
    }
    if !in_builtins {
        return g.entry_at(index).map(|e| e.value.clone());
    }
    drop(g);
    let b = dict::dict_data(builtins)?.try_borrow().ok()?;
    if b.version != bver {
        return None;
    }
    b.entry_at(index).map(|e| e.value.clone())
}

/// LOAD_GLOBAL's miss: the generic lookup, then the entry (re)filled with where the name
/// was found.
#[inline(never)]
fn load_global_slow(vm: &mut Vm, co: &Code, at: usize, i: usize) -> PyResult<Value> {
    let Some(s) = slot(co, at) else {
        return super::names::load_global(vm, co, i);
    };
    let Some(f) = vm.thread.frames.last() else {
        return super::names::load_global(vm, co, i);
    };
    let Some(fd) = f.func_data() else {
        return super::names::load_global(vm, co, i);
    };
    let (globals, builtins) = (fd.globals.clone(), fd.builtins.clone());
    let v = super::names::load_global(vm, co, i)?;
    let (gver, bver) = (dict_version(&globals), dict_version(&builtins));
    if gver == u64::MAX || bver == u64::MAX {
        // Not two readable dicts: never cached, so a hit always compares real versions.
        return Ok(v);
    }
    let Some(Payload::Str(name)) = co.names.get(i).map(|n| &n.payload) else {
        return Ok(v);
    };
    let h = name.hash(&vm.interp.hash_secret);
    let found = |d: &PyRef| {
        dict::dict_data(d)
            .and_then(|dd| dd.try_borrow().ok())
            .and_then(|dd| dd.get_str_index(name, h))
    };
    let (index, in_builtins) = match found(&globals) {
        Some(ix) => (ix, false),
        None => match found(&builtins) {
            Some(ix) => (ix, true),
            None => return Ok(v),
        },
    };
    let entry = Inline::Global {
        gver,
        bver,
        globals,
        builtins,
        index,
        in_builtins,
    };
    s.fill(K_NONE, entry, None);
    Ok(v)
}
