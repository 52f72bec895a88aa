//! `dict`: an insertion-ordered hash table (CPython: `Objects/dictobject.c`): a dense
//! entry vector in insertion order plus a sparse index table probed as CPython probes
//! (`i = 5*i + perturb + 1`).
//!
//! Invariants: `indices.len()` is a power of two (or 0) and more than 3/2 of the entries;
//! every live entry is reachable from its hash's probe sequence; a deleted entry is `None`
//! in `entries` (its index slot stays, acting as CPython's DUMMY) until the next resize.
//! `version` changes on every mutation: a lookup that had to call a Python `__eq__`
//! (which may mutate the dict) restarts when it changed, as CPython's lookdict does.
//! No `RefCell` borrow of a dict is held while Python code runs.
//!
//! `mixed_keys` is false while every key inserted since the table was last emptied is an
//! exact str (CPython's `DICT_KEYS_UNICODE`): a lookup by an exact str then compares
//! candidates by identity and buffer, with no type test per candidate (`DictData::find_slot`).
//! An exact str stays one (`__class__` cannot be assigned on str instances).

use crate::object::{Payload, PyRef, Value};
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};

const FREE: usize = usize::MAX;

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictData {
    pub entries: Vec<Option<Entry>>,
    indices: Vec<usize>,
    used: usize,
    pub version: u64,
    /// Some key inserted since the table was last emptied is not an exact str.
    mixed_keys: bool,
}

/// Equality that needs no Python code: `Some` when both are builtin scalars or strs.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (None, None) => true,
        (Int(x), Int(y)) => x == y,
        (Float(x), Float(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Obj(x), Obj(y)) => {
            if x.is(y) {
                return Some(true);
            }
            match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t)) if !x.ty_is_heap() && !y.ty_is_heap() => {
                    s.eq_str(t)
                }
                (Payload::Int(s), Payload::Int(t)) if !x.ty_is_heap() && !y.ty_is_heap() => s == t,
                (Payload::Bytes(s), Payload::Bytes(t)) if !x.ty_is_heap() && !y.ty_is_heap() => {
                    s == t
                }
                _ => return Option::None,
            }
        }
        (None, Obj(_)) | (Obj(_), None) => false,
        (Obj(o), _) | (_, Obj(o)) => {
            if o.ty_is_heap() {
                return Option::None;
            }
            match &o.payload {
                Payload::Str(_) | Payload::Bytes(_) | Payload::Tuple(_) => false,
                _ => return Option::None,
            }
        }
        _ => false,
    })
}

/// The next index-table slot of a probe sequence (CPython's `i = (i*5 + perturb + 1) &
/// mask` after `perturb >>= PERTURB_SHIFT`, 5 for dicts and sets alike), which reaches
/// every slot. `set_order.rs` replays sets' tables with it too.
#[inline(always)]
pub(crate) fn next_slot(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}

/// Whether `key` is an exact str (not an instance of a subclass, whose `__eq__` and
/// `__hash__` may be Python code): the keys a str-only table holds.
#[inline(always)]
fn is_exact_str(key: &Value) -> bool {
    matches!(key, Value::Obj(o) if matches!(o.payload, Payload::Str(_)) && !o.ty_is_heap())
}

/// The str of a lookup key that is an exact str (its type is `str` itself: one pointer
/// compare, not [`PyObject::ty_is_heap`]'s chain of loads), for [`DictData::find_slot`].
///
/// [`PyObject::ty_is_heap`]: crate::object::PyObject::ty_is_heap
#[inline(always)]
pub fn exact_str<'a>(vm: &Vm, key: &'a Value) -> Option<&'a PyStr> {
    match key {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) if o.ty.is(&vm.types.str) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Key equality without Python code, as `lookdict` tries it: the same object (or the same
/// inline int) first, then exact strs compared directly (the usual keys), then
/// [`fast_eq`]; `None` when a Python `__eq__` must decide.
#[inline(always)]
fn key_eq_fast(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => {
            if x.is(y) {
                return Some(true);
            }
            if let (Payload::Str(p), Payload::Str(q)) = (&x.payload, &y.payload) {
                if !x.ty_is_heap() && !y.ty_is_heap() {
                    return Some(p.eq_str(q));
                }
            }
        }
        (Value::Int(x), Value::Int(y)) if x == y => return Some(true),
        _ => {}
    }
    fast_eq(a, b)
}

impl DictData {
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for e in self.entries.iter().flatten() {
            visit(&e.key);
            visit(&e.value);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// Probe sequence positions for `hash` (yields index-table slots).
    fn probe(&self, hash: i64) -> impl Iterator<Item = usize> {
        let mask = self.indices.len().wrapping_sub(1);
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first = true;
        std::iter::from_fn(move || {
            if first {
                first = false;
                return Some(i);
            }
            i = next_slot(i, &mut perturb, mask);
            Some(i)
        })
    }

    /// Entry index of `key` when every candidate compares without Python code; `Err(i)`
    /// names the first candidate entry that needs a Python `__eq__`. The same object (or
    /// the same inline int) is a match before any comparison, as CPython's `lookdict`
    /// checks identity first.
    #[inline(always)]
    fn find_fast(&self, key: &Value, hash: i64) -> Result<Option<usize>, usize> {
        self.find_fast_slot(key, hash).map(Result::ok)
    }

    /// Lookup by str key without Python code (names: globals, attributes, type dicts).
    /// Keys that are not strs never match (CPython would call their `__eq__`).
    pub fn get_str(&self, name: &PyStr, hash: i64) -> Option<&Value> {
        let ix = self.get_str_index(name, hash)?;
        self.entries[ix].as_ref().map(|e| &e.value)
    }

    /// [`get_str`]'s dense entry index (the inline caches keep it as a hint:
    /// `eval/inline.rs`).
    #[inline]
    pub fn get_str_index(&self, name: &PyStr, hash: i64) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        for slot in self.probe(hash) {
            let ix = self.indices[slot];
            if ix == FREE {
                return None;
            }
            if let Some(e) = &self.entries[ix] {
                if e.hash == hash {
                    if let Some(s) = e.key.as_str() {
                        // Names are interned: the same object is the common case.
                        if std::ptr::eq(s, name) || s.eq_str(name) {
                            return Some(ix);
                        }
                    }
                }
            }
        }
        None
    }

    /// Insert a key known to be absent.
    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if !self.mixed_keys && !is_exact_str(&key) {
            self.mixed_keys = true;
        }
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize((self.used + 1) * 3);
        }
        let ix = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let slot = self
            .probe(hash)
            .find(|&s| self.indices[s] == FREE)
            .unwrap_or(0);
        self.indices[slot] = ix;
        self.used += 1;
        self.version += 1;
    }

    fn resize(&mut self, min: usize) {
        let mut cap = 8;
        while cap < min {
            cap *= 2;
        }
        self.entries.retain(|e| e.is_some());
        self.indices = vec![FREE; cap];
        for ix in 0..self.entries.len() {
            let hash = self.entries[ix].as_ref().map_or(0, |e| e.hash);
            let slot = self
                .probe(hash)
                .find(|&s| self.indices[s] == FREE)
                .unwrap_or(0);
            self.indices[slot] = ix;
        }
    }

    /// A new table with this one's live entries in order (CPython's `PyDict_Copy`): keys
    /// are known distinct, so no key is compared; the index table is rebuilt from the
    /// stored hashes.
    pub fn copy(&self) -> DictData {
        let entries: Vec<Option<Entry>> = self
            .iter()
            .map(|e| {
                Some(Entry {
                    hash: e.hash,
                    key: e.key.clone(),
                    value: e.value.clone(),
                })
            })
            .collect();
        let mut d = DictData {
            used: entries.len(),
            entries,
            mixed_keys: self.mixed_keys,
            ..DictData::default()
        };
        if d.used > 0 {
            d.resize(d.used * 3 / 2 + 1);
        }
        d
    }

    /// Set or insert with keys that compare without Python code (str keys of names): the
    /// entry's dense index and the replaced value (to be dropped after the borrow ends:
    /// its deallocation may touch this dict).
    pub fn set_str(&mut self, key: PyRef, hash: i64, value: Value) -> (usize, Option<Value>) {
        let k = Value::Obj(key);
        match self.find_fast_slot(&k, hash) {
            Ok(Ok(ix)) => (ix, self.replace_value(ix, value)),
            // Absent, and the table need not grow: the free slot where the probe ended is
            // the one `insert_new` would find again (the first free slot of the same
            // sequence), so the key goes there without a second probe (a fresh
            // instance's attribute stores).
            Ok(Err(slot)) => (self.insert_probed(slot, hash, k, value), None),
            Err(_) => {
                self.insert_new(hash, k, value);
                (self.entries.len() - 1, None)
            }
        }
    }

    /// Insert a key known to be absent whose lookup probe ended at free index slot `slot`
    /// (`usize::MAX`: no table); its dense index. When the table need not grow, that
    /// slot is the one `insert_new` would find again (the first free slot of the same
    /// sequence), so the key goes there without a second probe.
    fn insert_probed(&mut self, slot: usize, hash: i64, key: Value, value: Value) -> usize {
        if slot >= self.indices.len() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.insert_new(hash, key, value);
            return self.entries.len() - 1;
        }
        if !self.mixed_keys && !is_exact_str(&key) {
            self.mixed_keys = true;
        }
        let ix = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        self.indices[slot] = ix;
        self.used += 1;
        self.version += 1;
        ix
    }

    /// The value at dense index `ix` replaced by `value` (a mutation: the version moves);
    /// the old value, to be dropped after the borrow ends (its deallocation may touch
    /// this dict).
    fn replace_value(&mut self, ix: usize, value: Value) -> Option<Value> {
        let old = self.entries[ix]
            .as_mut()
            .map(|e| std::mem::replace(&mut e.value, value));
        self.version += 1;
        old
    }

    /// The probe loop of every lookup: `hash`'s slot sequence is walked until a free slot
    /// (`Ok(Err(slot))`; `usize::MAX`: no table) or an entry of the same hash that `eq`
    /// decides: `Some(true)` found (`Ok(Ok(ix))`), `Some(false)` go on, `None` a Python
    /// `__eq__` must decide (`Err(ix)`). Written out (not `probe()`'s iterator) and
    /// inlined into each caller with its `eq`: this loop is every dict lookup's. It ends:
    /// fewer than 2/3 of the slots are ever used (`insert_new`), and the perturbed probe
    /// sequence reaches every slot, so a FREE one comes.
    #[inline(always)]
    fn probe_with(
        &self,
        hash: i64,
        mut eq: impl FnMut(&Value) -> Option<bool>,
    ) -> Result<Result<usize, usize>, usize> {
        if self.indices.is_empty() {
            return Ok(Err(usize::MAX));
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == FREE {
                return Ok(Err(i));
            }
            if let Some(e) = &self.entries[ix] {
                if e.hash == hash {
                    match eq(&e.key) {
                        Some(true) => return Ok(Ok(ix)),
                        Some(false) => {}
                        None => return Err(ix),
                    }
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    /// [`DictData::find_fast`] for an insertion: `Ok(Ok(ix))` found, `Ok(Err(slot))`
    /// absent with the probe ended at free index slot `slot` (`usize::MAX`: no table),
    /// `Err(ix)` a candidate needs a Python `__eq__`.
    #[inline]
    fn find_fast_slot(&self, key: &Value, hash: i64) -> Result<Result<usize, usize>, usize> {
        self.probe_with(hash, |k| key_eq_fast(k, key))
    }

    /// [`DictData::find_fast_slot`] for a key classified by its caller: `str_key` is the
    /// key's str when the key is an exact str ([`exact_str`]). In a table whose keys are
    /// all exact strs (`!mixed_keys`) such a key compares by identity and buffer: equal
    /// strs are equal buffers (str.rs), so no candidate needs Python code or a type test.
    #[inline(always)]
    pub fn find_slot(
        &self,
        key: &Value,
        hash: i64,
        str_key: Option<&PyStr>,
    ) -> Result<Result<usize, usize>, usize> {
        match (str_key, key) {
            (Some(s), Value::Obj(key)) if !self.mixed_keys => self.probe_with(hash, |k| {
                Some(match k {
                    Value::Obj(k) => {
                        k.is(key) || matches!(&k.payload, Payload::Str(t) if t.eq_str(s))
                    }
                    _ => false,
                })
            }),
            _ => self.find_fast_slot(key, hash),
        }
    }

    /// Whether a str key `name` is certainly absent: the probe sequence reaches a free
    /// slot passing only entries of other hashes (the common case for a method name
    /// looked up in an instance dict); an entry of the same hash takes the full lookup.
    #[inline(always)]
    pub fn lacks_str(&self, name: &PyStr, hash: i64) -> bool {
        match self.probe_with(hash, |_| None) {
            Ok(Err(_)) => true,
            _ => self.get_str_index(name, hash).is_none(),
        }
    }

    pub fn remove_at(&mut self, ix: usize) -> Option<Entry> {
        let e = self.entries.get_mut(ix)?.take();
        if e.is_some() {
            self.used -= 1;
            self.version += 1;
        }
        e
    }

    pub fn clear(&mut self) -> Vec<Entry> {
        self.indices.clear();
        self.used = 0;
        self.mixed_keys = false;
        self.version += 1;
        std::mem::take(&mut self.entries)
            .into_iter()
            .flatten()
            .collect()
    }

    /// The entry at dense position `i` (for iteration by position).
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }

    pub fn dense_len(&self) -> usize {
        self.entries.len()
    }
}

/// The dict data of a dict object (`None` for other objects).
pub fn dict_data(d: &PyRef) -> Option<&std::cell::RefCell<DictData>> {
    match &d.payload {
        Payload::Dict(dd) => Some(dd),
        _ => None,
    }
}

/// `d[name]` for a str name, without Python code.
pub fn dict_get_str(d: &PyRef, name: &PyStr, hash: i64) -> Option<Value> {
    dict_data(d)?.borrow().get_str(name, hash).cloned()
}

/// `d[name] = value` for an interned str name.
pub fn dict_set_str(vm: &Vm, d: &PyRef, name: &PyRef, value: Value) {
    if let (Some(dd), Payload::Str(s)) = (dict_data(d), &name.payload) {
        let h = s.hash(&vm.hash_secret);
        let (_, old) = dd.borrow_mut().set_str(name.clone(), h, value);
        drop(old);
    }
}

/// Find `key`: the dense index of its entry. May run Python `__eq__`.
pub fn lookup(vm: &mut Vm, d: &PyRef, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    let Some(dd) = dict_data(d) else {
        return Ok(None);
    };
    loop {
        let (cand, version) = {
            let b = dd.borrow();
            match b.find_fast(key, hash) {
                Ok(r) => return Ok(r),
                Err(ix) => (ix, b.version),
            }
        };
        // Compare with Python code, holding no borrow; then check the dict is unchanged.
        let mut ix = cand;
        loop {
            let cand_key = {
                let b = dd.borrow();
                if b.version != version {
                    break;
                }
                match b.entries.get(ix).and_then(|e| e.as_ref()) {
                    Some(e) => e.key.clone(),
                    None => break,
                }
            };
            let eq = vm.eq(&cand_key, key)?;
            let b = dd.borrow();
            if b.version != version {
                break; // mutated by __eq__: restart (CPython restarts lookdict)
            }
            if eq {
                return Ok(Some(ix));
            }
            // Continue the probe after this candidate.
            let mut next = None;
            let mut seen = false;
            for slot in b.probe(hash) {
                let i = b.indices[slot];
                if i == FREE {
                    break;
                }
                if i == ix {
                    seen = true;
                    continue;
                }
                if !seen {
                    continue;
                }
                if let Some(e) = &b.entries[i] {
                    if e.hash == hash {
                        match fast_eq(&e.key, key) {
                            Some(true) => return Ok(Some(i)),
                            Some(false) => {}
                            None => {
                                next = Some(i);
                                break;
                            }
                        }
                    }
                }
            }
            match next {
                Some(n) => ix = n,
                None => return Ok(None),
            }
        }
    }
}

/// `hash(key)`, with exact ints and strs (the usual keys) answered here without the
/// general protocol's dispatch.
#[inline(always)]
pub fn key_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(crate::hash::hash_i64(*i)),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) if !o.ty_is_heap() => Ok(s.hash(&vm.hash_secret)),
            _ => vm.hash(key),
        },
        _ => vm.hash(key),
    }
}

/// [`key_hash`] and, when the key is an exact str, its str (for
/// [`DictData::find_slot`]): the key is classified once per operation.
#[inline(always)]
pub fn key_hash_str<'a>(vm: &mut Vm, key: &'a Value) -> PyResult<(i64, Option<&'a PyStr>)> {
    match key {
        Value::Int(i) => Ok((crate::hash::hash_i64(*i), None)),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) if o.ty.is(&vm.types.str) => Ok((s.hash(&vm.hash_secret), Some(s))),
            _ => Ok((key_hash(vm, key)?, None)),
        },
        _ => Ok((vm.hash(key)?, None)),
    }
}

pub fn get_item(vm: &mut Vm, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
    let (h, sk) = key_hash_str(vm, key)?;
    get_item_found(vm, d, key, h, sk)
}

pub fn get_item_hashed(vm: &mut Vm, d: &PyRef, key: &Value, h: i64) -> PyResult<Option<Value>> {
    get_item_found(vm, d, key, h, None)
}

/// `d[key]` or `None`, for a key hashed and classified by [`key_hash_str`].
#[inline(always)]
fn get_item_found(
    vm: &mut Vm,
    d: &PyRef,
    key: &Value,
    h: i64,
    sk: Option<&PyStr>,
) -> PyResult<Option<Value>> {
    let Some(dd) = dict_data(d) else {
        return Ok(None);
    };
    // One borrow when no Python `__eq__` is needed (the common case).
    if let Ok(b) = dd.try_borrow() {
        match b.find_slot(key, h, sk) {
            Ok(Ok(ix)) => return Ok(b.entry_at(ix).map(|e| e.value.clone())),
            Ok(Err(_)) => return Ok(None),
            Err(_) => {}
        }
    }
    let Some(ix) = lookup(vm, d, key, h)? else {
        return Ok(None);
    };
    Ok(dd.borrow().entry_at(ix).map(|e| e.value.clone()))
}

/// `key in d` (CPython's `dict_contains`).
pub fn contains(vm: &mut Vm, d: &PyRef, key: &Value) -> PyResult<bool> {
    let (h, sk) = key_hash_str(vm, key)?;
    if let Some(dd) = dict_data(d) {
        if let Ok(b) = dd.try_borrow() {
            if let Ok(r) = b.find_slot(key, h, sk) {
                return Ok(r.is_ok());
            }
        }
    }
    Ok(lookup(vm, d, key, h)?.is_some())
}

pub fn set_item(vm: &mut Vm, d: &PyRef, key: Value, value: Value) -> PyResult<()> {
    let (h, sk) = key_hash_str(vm, &key)?;
    // Found or absent without Python code (the common case): replace, or insert at the
    // free slot the probe ended on, under one borrow.
    if let Some(dd) = dict_data(d) {
        if let Ok(mut b) = dd.try_borrow_mut() {
            match b.find_slot(&key, h, sk) {
                Ok(Ok(ix)) => {
                    let old = b.replace_value(ix, value);
                    drop(b);
                    drop(old); // freed after the borrow ends: it may touch this dict
                    return Ok(());
                }
                Ok(Err(slot)) => {
                    b.insert_probed(slot, h, key, value);
                    return Ok(());
                }
                Err(_) => {}
            }
        }
    }
    set_item_hashed(vm, d, key, value, h)
}

/// [`set_item`] with the key's hash already known (a set adding a member it hashed).
pub fn set_item_hashed(vm: &mut Vm, d: &PyRef, key: Value, value: Value, h: i64) -> PyResult<()> {
    let Some(dd) = dict_data(d) else {
        return Ok(());
    };
    // Found without Python code: replace or insert under one borrow.
    let found = match dd.try_borrow().map(|b| b.find_fast(&key, h)) {
        Ok(Ok(r)) => r,
        _ => lookup(vm, d, &key, h)?,
    };
    let mut b = dd.borrow_mut();
    let old = match found
        .and_then(|ix| b.entries.get_mut(ix))
        .and_then(|e| e.as_mut())
    {
        Some(e) => Some(std::mem::replace(&mut e.value, value)),
        None => {
            b.insert_new(h, key, value);
            None
        }
    };
    b.version += 1;
    drop(b);
    drop(old); // freed after the borrow ends: its deallocation may touch this dict
    Ok(())
}

/// Remove `key`; its value, or `None` when absent.
pub fn del_item(vm: &mut Vm, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
    let (h, sk) = key_hash_str(vm, key)?;
    // Found (or not) without Python code: no second probe.
    if let Some(dd) = dict_data(d) {
        let fast = dd
            .try_borrow()
            .ok()
            .and_then(|b| b.find_slot(key, h, sk).ok().map(Result::ok));
        if let Some(found) = fast {
            let e = found.and_then(|ix| dd.borrow_mut().remove_at(ix));
            return Ok(e.map(|e| e.value)); // the key is freed after the borrow ended
        }
    }
    let Some(ix) = lookup(vm, d, key, h)? else {
        return Ok(None);
    };
    let Some(dd) = dict_data(d) else {
        return Ok(None);
    };
    let e = dd.borrow_mut().remove_at(ix);
    Ok(e.map(|e| e.value))
}

/// Snapshot of the items (for iteration that may run Python code).
pub fn items(d: &PyRef) -> Vec<(Value, Value)> {
    match dict_data(d) {
        Some(dd) => dd
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect(),
        None => Vec::new(),
    }
}

pub fn len(d: &PyRef) -> usize {
    dict_data(d).map_or(0, |dd| dd.borrow().len())
}
