//! [`DictSlot`]: the replaceable instance-dict pointer of a heap object (CPython's
//! `*_PyObject_GetDictPtr(obj)`, which `obj.__dict__ = d` overwrites).
//!
//! A `Cell<Option<PyRef>>`: the same size as `Option<PyRef>` (the pointer's niche), no
//! borrow flag. Reading takes the pointer out and puts it back, which the compiler folds
//! into a load when nothing runs in between. Invariant: the slot is only ever empty while
//! one of these methods runs; [`DictSlot::with`]'s closure must not read or replace this
//! object's dict (it sees `None` there) — it is for the attribute caches' dict probes,
//! which run no Python code.

use std::cell::Cell;

use super::PyRef;

#[derive(Default)]
pub struct DictSlot(Cell<Option<PyRef>>);

impl DictSlot {
    pub fn new(d: Option<PyRef>) -> DictSlot {
        DictSlot(Cell::new(d))
    }

    /// The current dict (a new reference).
    #[inline(always)]
    pub fn get(&self) -> Option<PyRef> {
        self.with(|d| d.cloned())
    }

    #[inline(always)]
    pub fn is_some(&self) -> bool {
        self.with(|d| d.is_some())
    }

    #[inline(always)]
    pub fn is_none(&self) -> bool {
        !self.is_some()
    }

    /// The current dict lent out until the guard drops (the slot reads `None` meanwhile;
    /// the same contract as [`DictSlot::with`], without a closure the optimizer might
    /// leave uninlined on the store hit path).
    #[inline(always)]
    pub fn lend(&self) -> Lent<'_> {
        Lent {
            slot: self,
            d: self.0.take(),
        }
    }

    /// Installs `d`, returning the old dict. The caller drops the old dict after this
    /// returns (dropping it may run finalizers, which then see the new dict).
    pub fn replace(&self, d: Option<PyRef>) -> Option<PyRef> {
        self.0.replace(d)
    }

    /// Calls `f` with the current dict without cloning it (the hot attribute paths).
    /// `f` must not touch this object's dict; see the module invariant.
    #[inline(always)]
    pub fn with<R>(&self, f: impl FnOnce(Option<&PyRef>) -> R) -> R {
        let d = self.0.take();
        let r = f(d.as_ref());
        // The slot is empty again here (the invariant), so nothing is overwritten; were
        // it broken, `forget` would leak the installed dict, never free a live one. Not
        // `set`: its drop of the old value is a test and branch on every attribute hit.
        std::mem::forget(self.0.replace(d));
        r
    }
}

/// [`DictSlot::lend`]'s guard: puts the dict back when dropped.
pub struct Lent<'a> {
    slot: &'a DictSlot,
    d: Option<PyRef>,
}

impl Lent<'_> {
    #[inline(always)]
    pub fn get(&self) -> Option<&PyRef> {
        self.d.as_ref()
    }
}

impl Drop for Lent<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        // As in `with`: the slot is empty here, `forget` never frees a live dict.
        std::mem::forget(self.slot.0.replace(self.d.take()));
    }
}
