//! The type attribute cache (CPython: the method cache of `Objects/typeobject.c`,
//! `_PyType_Lookup` keyed by type version and name). A direct-mapped table of
//! (type, name, kind) → result of the MRO lookup, valid while the type's
//! [`version_tag`] is unchanged.
//!
//! Invariants: the tag changes whenever a dict of the type's MRO changes after creation
//! (`attr::generic_setattr` on a type calls `typeobj::modified`), which invalidates the
//! entries of that type (and, for a type with subclasses, of every type). Entries hold
//! references to their type and name, so an address in a key cannot be reused by a new
//! object while the entry exists.

use crate::object::typeobj::{full_mro, lookup, tdata, version_tag};
use crate::object::{PyRef, Value};
use crate::vm::Vm;

const SIZE: usize = 4096;

struct Entry {
    ty: PyRef,
    key: usize,
    kind: u8,
    tag: u64,
    value: Option<Value>,
    _name: Option<PyRef>,
}

pub struct AttrCache {
    entries: Vec<Option<Entry>>,
}

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache {
            entries: (0..SIZE).map(|_| None).collect(),
        }
    }
}

fn slot(ty: usize, key: usize, kind: u8) -> usize {
    let h = ((ty >> 4) ^ (key >> 3).rotate_left(17) ^ kind as usize) as u64;
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 12)) as usize
}

impl AttrCache {
    fn get(&self, ty: &PyRef, key: usize, kind: u8, tag: u64) -> Option<Option<Value>> {
        let e = self.entries[slot(ty.id(), key, kind)].as_ref()?;
        (e.ty.is(ty) && e.key == key && e.kind == kind && e.tag == tag).then(|| e.value.clone())
    }

    fn put(
        &mut self,
        ty: &PyRef,
        key: usize,
        kind: u8,
        tag: u64,
        value: Option<Value>,
        name: Option<PyRef>,
    ) {
        let i = slot(ty.id(), key, kind);
        let old = self.entries[i].replace(Entry {
            ty: ty.clone(),
            key,
            kind,
            tag,
            value,
            _name: name,
        });
        drop(old);
    }
}

/// `_PyType_Lookup(ty, name)` through the cache (`name` is a str object).
pub fn type_lookup(vm: &mut Vm, ty: &PyRef, name: &PyRef) -> Option<Value> {
    let tag = version_tag(vm, ty);
    if let Some(v) = vm.attr_cache.get(ty, name.id(), 0, tag) {
        return v;
    }
    let v = match &name.payload {
        crate::object::Payload::Str(s) => lookup(ty, s, s.hash(&vm.hash_secret)),
        _ => None,
    };
    vm.attr_cache
        .put(ty, name.id(), 0, tag, v.clone(), Some(name.clone()));
    v
}

/// The dunder `name` defined by a class statement in `ty`'s MRO before any builtin type
/// (see `protocol::heap_dunder`), cached by the address of the static name.
pub fn heap_lookup(vm: &mut Vm, ty: &PyRef, name: &'static str) -> Option<Value> {
    let tag = version_tag(vm, ty);
    let key = name.as_ptr() as usize;
    if let Some(v) = vm.attr_cache.get(ty, key, 1, tag) {
        return v;
    }
    let n = vm.intern(name);
    let v = match &n.payload {
        crate::object::Payload::Str(s) => {
            let h = s.hash(&vm.hash_secret);
            let mut found = None;
            for t in full_mro(ty) {
                let td = tdata(&t);
                if !td.heap {
                    break;
                }
                if let Some(v) = td
                    .dict
                    .get()
                    .and_then(|d| crate::types::dict::dict_get_str(d, s, h))
                {
                    found = Some(v);
                    break;
                }
            }
            found
        }
        _ => None,
    };
    vm.attr_cache.put(ty, key, 1, tag, v.clone(), None);
    v
}
