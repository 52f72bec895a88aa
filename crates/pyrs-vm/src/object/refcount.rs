//! `PyRef`: a counted reference to a heap object (CPython: `Py_INCREF`/`Py_DECREF`,
//! `_Py_Dealloc`, the trashcan of `Include/cpython/object.h`). THE ONLY `unsafe` IN THE VM.
//!
//! Invariants (every `unsafe` block below relies on these and nothing else):
//! 1. A `PyRef` points to a live `RcBox` allocated by `Box` in [`PyRef::new`] or
//!    [`PyRef::new_self_typed`]; the box is freed exactly once, when `refcnt` drops to 0.
//! 2. `refcnt` equals the number of live `PyRef` values pointing at the box. Only `clone`
//!    increments it and only `drop` decrements it.
//! 3. The count is a plain (non-atomic) `Cell`: every `PyRef` of an interpreter is used by
//!    one OS thread at a time. Today `PyRef` is `!Send`, so the compiler enforces this;
//!    when threads arrive they run under the interpreter lock (GIL) and `Send` will be
//!    implemented here with that lock as the justification (docs/internals/vm.md).
//! 4. No `&mut` to an object is ever created: objects are shared, mutation goes through
//!    `Cell`/`RefCell` inside the payload.
//!
//! Deallocation is deterministic (the last reference frees the object, so `with`-less file
//! closing and, later, `__del__` run at the same point as in CPython). Freeing a deeply
//! nested structure would recurse through `Drop`; the trashcan below bounds that recursion
//! (per-thread depth counter and a list of deferred frees), as CPython's trashcan does.

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
        self.inner().refcnt.get()
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

thread_local! {
    // The trashcan: allocator-level state of this thread, like the allocator's own; not
    // interpreter state (docs/internals/vm.md, "Globals").
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<NonNull<RcBox>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for PyRef {
    #[inline]
    fn drop(&mut self) {
        let c = &self.inner().refcnt;
        let n = c.get() - 1;
        c.set(n);
        if n == 0 {
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
    // SAFETY: the count reached 0, so this was the last PyRef (invariant 2): nobody else
    // can reach the box, and it came from Box (invariant 1).
    unsafe { drop(Box::from_raw(ptr.as_ptr())) };
    if depth == 0 {
        // Outermost free: run the deferred ones, each at depth 1 again.
        loop {
            let next = DEFERRED.with(|l| l.borrow_mut().pop());
            let Some(p) = next else { break };
            // SAFETY: deferred pointers had count 0 when queued and were never freed.
            unsafe { drop(Box::from_raw(p.as_ptr())) };
        }
    }
    DEPTH.with(|d| d.set(depth));
}
