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

use super::PyObject;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

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
        self.inner().refcnt.get() & !FINALIZED
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

/// Nesting depth of deallocations in progress beyond which frees are deferred.
const TRASHCAN_DEPTH: usize = 200;

/// The count's top bit: the object's finalizer has been run (or queued). Counts never come
/// near 2^63, so the bit never collides with a real count.
const FINALIZED: usize = 1 << (usize::BITS - 1);

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
        // `n << 1 == 0`: the count (FINALIZED bit aside) reached 0.
        if n << 1 == 0 {
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
        inner.refcnt.set(1 | FINALIZED);
        PENDING.with(|l| l.borrow_mut().push(ptr));
        HAS_PENDING.with(|p| p.set(true));
        return;
    }
    // SAFETY: the count reached 0, so this was the last PyRef (invariant 2): nobody else
    // can reach the box, and it came from Box (invariant 1).
    unsafe { drop(Box::from_raw(ptr.as_ptr())) };
}
