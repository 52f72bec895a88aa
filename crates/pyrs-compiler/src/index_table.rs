//! The compiler unit's insertion-ordered tables: constants (`co_consts`) and names
//! (`co_names`, varnames, cells, frees), each a Vec plus an open-addressing table of
//! indices into it (CPython: the `u_consts`/`u_names`/... dicts of a compiler unit, and
//! `_PyCode_ConstantKey` for when two constants are the same).
//!
//! The index table hashes and compares through the items themselves, so a lookup
//! allocates nothing and a new item is stored once (a `HashMap<String, u32>` beside the
//! Vec cost two allocations per name and a key buffer per constant lookup).

use crate::fxhash::FxHasher;
use pyrs_bytecode::{CodeObject, Constant as K};
use std::hash::Hasher;

const EMPTY: u32 = u32::MAX;

/// Slots holding indices of items; `hashes[i]` is item i's hash.
#[derive(Default, Debug)]
struct IndexTable {
    slots: Vec<u32>,
    hashes: Vec<u64>,
}

impl IndexTable {
    fn slot_of(&self, hash: u64) -> usize {
        // The Fx hash's low bits depend only on the input's low bits: mix first.
        let h = (hash ^ (hash >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// The index of the item with `hash` for which `eq` holds.
    fn find(&self, hash: u64, mut eq: impl FnMut(usize) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(hash);
        loop {
            let s = self.slots[i];
            if s == EMPTY {
                return None;
            }
            if self.hashes[s as usize] == hash && eq(s as usize) {
                return Some(s);
            }
            i = (i + 1) & mask;
        }
    }

    /// Records the next item (index = items so far) with `hash`; returns its index.
    fn insert(&mut self, hash: u64) -> u32 {
        let idx = self.hashes.len() as u32;
        if self.hashes.is_empty() {
            self.hashes.reserve(8);
        }
        self.hashes.push(hash);
        if self.hashes.len() * 2 > self.slots.len() {
            let n = (self.slots.len() * 2).max(16);
            self.slots = vec![EMPTY; n];
            for i in 0..self.hashes.len() {
                self.place(i as u32);
            }
        } else {
            self.place(idx);
        }
        idx
    }

    fn place(&mut self, idx: u32) {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(self.hashes[idx as usize]);
        while self.slots[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = idx;
    }
}

fn str_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// An index set of names that keeps insertion order (CPython's dicts name -> index).
#[derive(Default, Debug)]
pub(crate) struct IndexSet {
    pub items: Vec<String>,
    table: IndexTable,
}

impl IndexSet {
    pub fn add(&mut self, s: &str) -> u32 {
        let h = str_hash(s);
        if let Some(i) = self.table.find(h, |i| self.items[i] == s) {
            return i;
        }
        self.items.push(s.to_string());
        self.table.insert(h)
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.table.find(str_hash(s), |i| self.items[i] == s)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }
}

/// `co_consts` being built: equal constants (by [`same_const`]) share one index.
#[derive(Default)]
pub(crate) struct ConstTable {
    table: IndexTable,
}

impl ConstTable {
    /// The index of `k` in `consts`, appending it when new. `consts` must be the Vec this
    /// table indexed so far (items are only ever appended through here).
    pub fn add(&mut self, consts: &mut Vec<K>, k: K) -> u32 {
        let mut h = FxHasher::default();
        hash_const(&k, &mut h);
        let h = h.finish();
        if let Some(i) = self.table.find(h, |i| same_const(&consts[i], &k)) {
            return i;
        }
        consts.push(k);
        self.table.insert(h)
    }
}

/// Whether CPython's compiler treats two constants as one (`_PyCode_ConstantKey`): same
/// type and value, floats and complexes bit for bit (so `0.0` and `-0.0` differ), tuples
/// and frozensets item by item, code objects field by field.
pub(crate) fn same_const(a: &K, b: &K) -> bool {
    match (a, b) {
        (K::None, K::None) | (K::Ellipsis, K::Ellipsis) => true,
        (K::Bool(x), K::Bool(y)) => x == y,
        (K::Int(x), K::Int(y)) => x == y,
        (K::BigInt(x), K::BigInt(y)) => x == y,
        (K::Float(x), K::Float(y)) => x.to_bits() == y.to_bits(),
        (K::Complex { re: a, im: b }, K::Complex { re: c, im: d }) => {
            a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
        }
        (K::Str(x), K::Str(y)) => x.as_bytes() == y.as_bytes(),
        (K::Bytes(x), K::Bytes(y)) => x == y,
        (K::Tuple(x), K::Tuple(y)) | (K::FrozenSet(x), K::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_const(a, b))
        }
        (K::Code(x), K::Code(y)) => same_code(x, y),
        _ => false,
    }
}

/// Code objects are constants keyed by themselves (`code_richcompare`): one compiled
/// twice from the same source (a `while` test, a `finally` body) is one constant.
fn same_code(a: &CodeObject, b: &CodeObject) -> bool {
    std::ptr::eq(a, b)
        || (a.name == b.name
            && a.qualname == b.qualname
            && a.filename == b.filename
            && a.argcount == b.argcount
            && a.posonlyargcount == b.posonlyargcount
            && a.kwonlyargcount == b.kwonlyargcount
            && a.flags == b.flags
            && a.firstlineno == b.firstlineno
            && a.stacksize == b.stacksize
            && a.code == b.code
            && a.names == b.names
            && a.localsplusnames == b.localsplusnames
            && a.localspluskinds == b.localspluskinds
            && a.linetable == b.linetable
            && a.exceptiontable == b.exceptiontable
            && a.consts.len() == b.consts.len()
            && a.consts
                .iter()
                .zip(&b.consts)
                .all(|(x, y)| same_const(x, y)))
}

/// A hash consistent with [`same_const`].
fn hash_const(k: &K, h: &mut FxHasher) {
    match k {
        K::None => h.write_u8(b'N'),
        K::Ellipsis => h.write_u8(b'.'),
        K::Bool(b) => h.write_u8(if *b { b'T' } else { b'F' }),
        K::Int(i) => {
            h.write_u8(b'i');
            h.write_u64(*i as u64);
        }
        K::BigInt(b) => {
            h.write_u8(b'I');
            h.write(&b.to_signed_bytes_le());
        }
        K::Float(f) => {
            h.write_u8(b'f');
            h.write_u64(f.to_bits());
        }
        K::Complex { re, im } => {
            h.write_u8(b'c');
            h.write_u64(re.to_bits());
            h.write_u64(im.to_bits());
        }
        K::Str(s) => {
            h.write_u8(b's');
            h.write_usize(s.as_bytes().len());
            h.write(s.as_bytes());
        }
        K::Bytes(b) => {
            h.write_u8(b'b');
            h.write_usize(b.len());
            h.write(b);
        }
        K::Tuple(items) | K::FrozenSet(items) => {
            h.write_u8(if matches!(k, K::Tuple(_)) { b'(' } else { b'{' });
            h.write_usize(items.len());
            for i in items {
                hash_const(i, h);
            }
        }
        K::Code(c) => {
            h.write_u8(b'C');
            h.write(c.name.as_bytes());
            h.write_u32(c.firstlineno as u32);
            h.write(&c.code);
        }
    }
}
