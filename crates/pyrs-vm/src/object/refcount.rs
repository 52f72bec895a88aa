//! `PyRef`: a counted reference to a heap object (CPython: `Py_INCREF`/`Py_DECREF`,
//! `_Py_Dealloc`, the trashcan of `Include/cpython/object.h`). THE ONLY `unsafe` IN THE VM.
//!
//! Invariants (every `unsafe` block below relies on these and nothing else):
//! 1. A `PyRef` points to a live `RcBox` allocated by `Box` in [`PyRef::new`] or
//!    [`PyRef::new_self_typed`]; the box is freed exactly once, when `refcnt` drops to 0
//!    and no finalizer is due.
//! 2. `refcnt` (without its FINALIZED bit) equals the number of live `PyRef` values
//!    pointing at the box, plus one while the box is on the pending-finalizer list. Only `clone`
//!    increments it and only `drop` decrements it.
//! 3. The count is a plain (non-atomic) `Cell`: every `PyRef` of an interpreter is used by
//!    one OS thread at a time. Today `PyRef` is `!Send`, so the compiler enforces this;
//!    when threads arrive they run under the interpreter lock (GIL) and `Send` will be
//!    implemented here with that lock as the justification (docs/internals/vm.md).
//! 4. No `&mut` to an object is ever created: objects are shared, mutation goes through
//!    `Cell`/`RefCell` inside the payload.
//!
//! Deallocation is deterministic (the last reference frees the object, so `with`-less file
//! closing happens at the same point as in CPython). Freeing a deeply nested structure
//! would recurse through `Drop`; the trashcan below bounds that recursion (per-thread depth
//! counter and a list of deferred frees), as CPython's trashcan does.
//!
//! Finalizers (PEP 442: `__del__`, closing a suspended generator): `Drop` cannot run Python
//! code (it has no `&mut Vm`), so when the last reference to an object that needs one goes
//! ([`PyObject::needs_finalizer`]), the object is not freed but *resurrected* into this
//! thread's pending-finalizer queue, which now owns the one reference, and marked
//! FINALIZED (the top bit of the count, so a finalizer runs once per object, as PEP 442
//! says). The VM drains the queue at its next instruction boundary (`crate::finalize`);
//! dropping the queue's reference after the finalizer ran frees the object for real,
//! unless the finalizer stored it somewhere (resurrection). Invariant 2 reads: the count
//! without the FINALIZED bit equals the live `PyRef`s, the queue's included.
//!
//! Weak references (`modules/_weakref.rs`): a [`WeakSlot`] points at its referent without
//! owning a count. The count's WEAKREFS bit marks an object that has slots; before such a
//! box is freed, `clear_weakrefs` empties its slots and queues their weakref objects on
//! the pending list (their callbacks run there). So a slot's pointer is never dangling.

use super::PyObject;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::rc::{Rc, Weak};

struct RcBox {
    refcnt: Cell<usize>,
    obj: PyObject,
}

/// A counted reference to a heap object.
pub struct PyRef {
    ptr: NonNull<RcBox>,
}

impl PyRef {
    /// Move `obj` to the heap with a count of 1.
    pub fn new(obj: PyObject) -> PyRef {
        let b = Box::new(RcBox {
            refcnt: Cell::new(1),
            obj,
        });
        PyRef {
            ptr: NonNull::from(Box::leak(b)),
        }
    }

    /// An object whose type is itself (`type`): `make` receives the reference the object's
    /// `ty` field must hold. The box is initialised completely before anything reads it.
    pub fn new_self_typed(make: impl FnOnce(PyRef) -> PyObject) -> PyRef {
        let raw: *mut std::mem::MaybeUninit<RcBox> =
            Box::into_raw(Box::new(std::mem::MaybeUninit::uninit()));
        let ptr = NonNull::new(raw as *mut RcBox).expect("Box never returns null");
        // SAFETY: `raw` is a valid allocation for an RcBox. We write the count first (2:
        // the reference given to `make`, which the object stores in itself, and the one we
        // return), then the object. Nothing dereferences `ptr` until both are written:
        // `make` only stores the PyRef, it cannot read through it (PyObject construction is
        // plain data), and the reference is only deref'd after this function returns.
        unsafe {
            std::ptr::addr_of_mut!((*ptr.as_ptr()).refcnt).write(Cell::new(2));
            let obj = make(PyRef { ptr });
            std::ptr::addr_of_mut!((*ptr.as_ptr()).obj).write(obj);
        }
        PyRef { ptr }
    }

    /// Current reference count (`sys.getrefcount` minus the argument's own reference).
    pub fn refcount(&self) -> usize {
        self.inner().refcnt.get() & COUNT
    }

    /// The object itself when this is its only reference (`Rc::try_unwrap`): the box is
    /// freed and the object moved out by value, so the caller may change it and box it
    /// again with [`PyRef::new`] (`s += t` appends to a str nobody else can see:
    /// `eval/build.rs`, `concat_in_place`). `Err(self)` when other references exist, the
    /// object has weak references (WEAKREFS: their slots must be cleared, which only
    /// `free_or_finalize` does) or its finalizer ran (FINALIZED): the flag bits make the
    /// raw count differ from 1. No `&mut` to a shared object is made (invariant 4): the
    /// object is owned when it is changed.
    pub fn try_unwrap(self) -> Result<PyObject, PyRef> {
        if self.inner().refcnt.get() != 1 {
            return Err(self);
        }
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: a raw count of exactly 1 (no FINALIZED or WEAKREFS bit) means `this` is
        // the only PyRef (invariant 2), the box is not on the pending list and no weak slot
        // points at it; the box came from Box (invariant 1). `ManuallyDrop` keeps this
        // PyRef's `drop` from running, so the box is freed exactly once, here, and the
        // object moves out of it.
        let b = unsafe { Box::from_raw(this.ptr.as_ptr()) };
        Ok(b.obj)
    }

    /// Object identity (`id()`).
    pub fn id(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// `a is b`.
    #[inline]
    pub fn is(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }

    #[inline]
    fn inner(&self) -> &RcBox {
        // SAFETY: invariant 1 — the box is live while this PyRef exists.
        unsafe { self.ptr.as_ref() }
    }
}

impl std::ops::Deref for PyRef {
    type Target = PyObject;
    #[inline]
    fn deref(&self) -> &PyObject {
        &self.inner().obj
    }
}

impl Clone for PyRef {
    #[inline]
    fn clone(&self) -> PyRef {
        let c = &self.inner().refcnt;
        c.set(c.get() + 1);
        PyRef { ptr: self.ptr }
    }
}

/// A replaceable counted reference, read by clone (`Cell<PyRef>` with a `get`): a
/// function's `__code__`, which the call paths read without a borrow check. The slot owns
/// one count of its referent (invariant 2 counts it as a live `PyRef`). No `unsafe`: the
/// pointer is `Copy`, [`RefSlot::get`] increments the count as `clone` does, and
/// [`RefSlot::replace`] hands the old count back as a `PyRef`, dropped by the caller after
/// the slot already holds the new one (a finalizer seeing the slot sees the new value).
pub struct RefSlot {
    ptr: Cell<NonNull<RcBox>>,
}

impl RefSlot {
    pub fn new(r: PyRef) -> RefSlot {
        let ptr = r.ptr;
        std::mem::forget(r);
        RefSlot {
            ptr: Cell::new(ptr),
        }
    }

    /// A new reference to the current referent.
    #[inline(always)]
    pub fn get(&self) -> PyRef {
        let r = std::mem::ManuallyDrop::new(PyRef {
            ptr: self.ptr.get(),
        });
        PyRef::clone(&r)
    }

    /// Store `r`; the old referent's reference is returned.
    pub fn replace(&self, r: PyRef) -> PyRef {
        let new = r.ptr;
        std::mem::forget(r);
        PyRef {
            ptr: self.ptr.replace(new),
        }
    }

    /// Whether the slot holds `r` (identity, no count change).
    pub fn is(&self, r: &PyRef) -> bool {
        self.ptr.get() == r.ptr
    }
}

impl Drop for RefSlot {
    fn drop(&mut self) {
        drop(PyRef {
            ptr: self.ptr.get(),
        });
    }
}

/// Nesting depth of deallocations in progress beyond which frees are deferred.
const TRASHCAN_DEPTH: usize = 200;

/// The count's top bit: the object's finalizer has been run (or queued). Counts never come
/// near 2^63, so the bit never collides with a real count.
const FINALIZED: usize = 1 << (usize::BITS - 1);

/// The count's second bit: some weak reference was made to the object, so its entry in
/// WEAKLISTS must be cleared before the box is freed.
const WEAKREFS: usize = 1 << (usize::BITS - 2);

/// The count without the two flag bits.
const COUNT: usize = !(FINALIZED | WEAKREFS);

thread_local! {
    // The trashcan: allocator-level state of this thread, like the allocator's own; not
    // interpreter state (docs/internals/vm.md, "Globals").
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<NonNull<RcBox>>> = const { RefCell::new(Vec::new()) };
    // Objects whose finalizer is due, each owning the one reference that keeps it alive
    // (held as a raw pointer: a list left at thread exit leaks its objects rather than
    // freeing them while thread-locals are being destroyed); and whether the list is
    // non-empty (read at every instruction boundary, so a plain `Cell<bool>`).
    static PENDING: RefCell<Vec<NonNull<RcBox>>> = const { RefCell::new(Vec::new()) };
    static HAS_PENDING: Cell<bool> = const { Cell::new(false) };
    // Some class got `__del__` by assignment after it was created: its existing subclasses
    // are not flagged, so `needs_finalizer` then also looks through the MRO.
    static DEL_ASSIGNED: Cell<bool> = const { Cell::new(false) };
    // Weak references (`modules/_weakref.rs`): the live slots of each weakly referenced
    // object, keyed by its address (CPython's `tp_weaklist`). An entry goes when its
    // object is freed (`clear_weakrefs`), before the address can be reused. Keyed by
    // address with FxHash (no flooding concern: addresses are not chosen by users); every
    // class is in it (its bases' `__subclasses__` lists), so SipHash cost each class
    // statement ~150 instructions.
    static WEAKLISTS: RefCell<FxHashMap<usize, Vec<Weak<WeakSlot>>>> =
        RefCell::new(FxHashMap::default());
}

/// The shared state of one weak reference: the referent, cleared (set to `None`) before
/// the referent's box is freed, and the weakref object owning the slot (for its callback).
/// Neither pointer owns a count.
///
/// Invariant (what makes [`WeakSlot::get`] sound): `target` is `Some` only while the
/// referent's box is allocated — every slot of an object is in WEAKLISTS under its
/// address, and `free_or_finalize` clears them all before freeing the box. `weakref` is
/// read only while the slot is alive, i.e. while its weakref object still holds the `Rc`
/// (the object drops the `Rc` when it is freed), and is used only if its count is non-zero.
pub struct WeakSlot {
    target: Cell<Option<NonNull<RcBox>>>,
    weakref: Cell<Option<NonNull<RcBox>>>,
}

impl WeakSlot {
    /// A new weak reference to `target` (its weakref object is set by [`Self::set_weakref`]).
    pub fn new(target: &PyRef) -> Rc<WeakSlot> {
        let slot = Rc::new(WeakSlot {
            target: Cell::new(Some(target.ptr)),
            weakref: Cell::new(None),
        });
        let c = &target.inner().refcnt;
        c.set(c.get() | WEAKREFS);
        WEAKLISTS.with(|w| {
            let mut w = w.borrow_mut();
            let list = w.entry(target.id()).or_default();
            // Slots of freed weakref objects go when the list grows.
            list.retain(|s| s.strong_count() > 0);
            list.push(Rc::downgrade(&slot));
        });
        slot
    }

    /// The weakref object that owns this slot.
    pub fn set_weakref(&self, w: &PyRef) {
        self.weakref.set(Some(w.ptr));
    }

    /// The referent, if it is alive.
    pub fn get(&self) -> Option<PyRef> {
        let ptr = self.target.get()?;
        // SAFETY: `target` is Some, so the box is allocated (the invariant above).
        let inner = unsafe { ptr.as_ref() };
        if inner.refcnt.get() & COUNT == 0 {
            // Being freed (its finalizer is queued or running a deallocation): dead.
            return None;
        }
        inner.refcnt.set(inner.refcnt.get() + 1);
        Some(PyRef { ptr })
    }

    /// The referent's address while it is alive (`id` of the referent).
    pub fn target_id(&self) -> Option<usize> {
        self.target.get().map(|p| p.as_ptr() as usize)
    }
}

/// How many live weak references `target` has (`weakref.getweakrefcount`), and the slots.
pub fn weak_slots(target: &PyRef) -> Vec<Rc<WeakSlot>> {
    if target.inner().refcnt.get() & WEAKREFS == 0 {
        return Vec::new();
    }
    WEAKLISTS.with(|w| {
        w.borrow()
            .get(&target.id())
            .map(|l| l.iter().filter_map(|s| s.upgrade()).collect())
            .unwrap_or_default()
    })
}

/// The weakref object of a slot, if it is alive (for `getweakrefs` and callbacks).
pub fn slot_weakref(slot: &WeakSlot) -> Option<PyRef> {
    let ptr = slot.weakref.get()?;
    // SAFETY: the slot is alive, so its weakref object has not been freed yet (it frees
    // the `Rc` when it is freed); a zero count means it is being freed: not used.
    let inner = unsafe { ptr.as_ref() };
    if inner.refcnt.get() & COUNT == 0 {
        return None;
    }
    inner.refcnt.set(inner.refcnt.get() + 1);
    Some(PyRef { ptr })
}

/// The object at `ptr` is being freed: clear its weak references, and queue their
/// weakref objects (most recent first, as CPython calls callbacks) on the pending list,
/// where `crate::finalize` runs their callbacks.
fn clear_weakrefs(ptr: NonNull<RcBox>) {
    let slots = WEAKLISTS.with(|w| w.borrow_mut().remove(&(ptr.as_ptr() as usize)));
    let Some(slots) = slots else { return };
    let mut queued = false;
    for s in slots.iter().rev().filter_map(|s| s.upgrade()) {
        s.target.set(None);
        if let Some(w) = slot_weakref(&s) {
            // The list owns this reference (invariant 2).
            let w = std::mem::ManuallyDrop::new(w);
            PENDING.with(|l| l.borrow_mut().push(w.ptr));
            queued = true;
        }
    }
    if queued {
        HAS_PENDING.with(|p| p.set(true));
    }
}

/// A class was given `__del__` after its creation (`object/attr.rs`).
pub fn note_del_assigned() {
    DEL_ASSIGNED.with(|f| f.set(true));
}

/// Has some class been given `__del__` after its creation?
#[inline]
pub fn del_assigned_late() -> bool {
    DEL_ASSIGNED.with(|f| f.get())
}

/// Is some finalizer due (`crate::finalize::run_pending` drains them)?
#[inline(always)]
pub fn has_pending_finalizers() -> bool {
    HAS_PENDING.with(|p| p.get())
}

/// The next object whose finalizer is due, with the reference that keeps it alive.
pub fn pop_pending_finalizer() -> Option<PyRef> {
    PENDING.with(|l| {
        let mut l = l.borrow_mut();
        let r = l.pop();
        if l.is_empty() {
            HAS_PENDING.with(|p| p.set(false));
        }
        // The list's reference becomes this PyRef (invariant 2: the count is unchanged).
        r.map(|ptr| PyRef { ptr })
    })
}

impl Drop for PyRef {
    #[inline]
    fn drop(&mut self) {
        let c = &self.inner().refcnt;
        let n = c.get() - 1;
        c.set(n);
        // `n << 2 == 0`: the count (FINALIZED and WEAKREFS bits aside) reached 0.
        if n << 2 == 0 {
            dealloc(self.ptr);
        }
    }
}

#[inline(never)]
fn dealloc(ptr: NonNull<RcBox>) {
    let depth = DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_DEPTH {
        DEFERRED.with(|l| l.borrow_mut().push(ptr));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    free_or_finalize(ptr);
    if depth == 0 {
        // Outermost free: run the deferred ones, each at depth 1 again.
        loop {
            let next = DEFERRED.with(|l| l.borrow_mut().pop());
            let Some(p) = next else { break };
            free_or_finalize(p);
        }
    }
    DEPTH.with(|d| d.set(depth));
}

/// Free a box whose count reached 0, or queue its finalizer (see the module comment).
fn free_or_finalize(ptr: NonNull<RcBox>) {
    // SAFETY: the count reached 0 and the box is not freed yet (invariant 1: it is freed
    // only below); a shared reference to it is sound (invariant 4).
    let inner = unsafe { ptr.as_ref() };
    if inner.refcnt.get() & FINALIZED == 0 && inner.obj.needs_finalizer() {
        // Resurrect: the queue's reference is the one live PyRef (invariant 2).
        inner
            .refcnt
            .set(1 | FINALIZED | (inner.refcnt.get() & WEAKREFS));
        PENDING.with(|l| l.borrow_mut().push(ptr));
        HAS_PENDING.with(|p| p.set(true));
        return;
    }
    if inner.refcnt.get() & WEAKREFS != 0 {
        clear_weakrefs(ptr);
    }
    // SAFETY: the count reached 0, so this was the last PyRef (invariant 2): nobody else
    // can reach the box (weak slots were just cleared), and it came from Box (invariant 1).
    unsafe { drop(Box::from_raw(ptr.as_ptr())) };
}

#[cfg(test)]
#[path = "refcount_tests.rs"]
mod tests;
