//! Frames (CPython: `Include/internal/pycore_frame.h` `_PyInterpreterFrame`). A frame is a
//! small record on the thread's frame stack; its local variables live in a window of
//! `ThreadState::fast` and its value stack above `stack_base` in `ThreadState::stack`, so
//! a call allocates nothing but vector slots that earlier calls already grew.
//!
//! Invariants: frames are pushed and popped in LIFO order together with their windows;
//! while a frame runs, `fast[fast_base..fast_base + nlocalsplus]` are its localsplus and
//! `stack[stack_base..]` its value stack. `lasti` is the code unit of the instruction
//! being executed (for tracebacks and the exception table).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::FunctionData;

/// A frame record: two counted references (`code` and `func`, as CPython 3.11's
/// `_PyInterpreterFrame`'s strong `f_code`/`f_func`), the namespaces borrowed through the
/// function, and positions. 11 words; pushed in place by `call::push_record`.
pub struct Frame {
    /// A code object (`Payload::Code`): the one this activation runs, which
    /// `f.__code__ = ...` cannot change under it.
    pub code: PyRef,
    /// The function being run, always a `Payload::Function` (module, class-body and
    /// `exec`/`eval` code too: `call::run_code_in` makes a function for it, as 3.11's
    /// `PyEval_EvalCode` does). Its globals and builtins are the frame's ([`Frame::globals`],
    /// [`Frame::builtins`]: a function's are fixed when it is made, so borrowing them
    /// through it costs no count per call); its closure feeds COPY_FREE_VARS.
    pub func: PyRef,
    /// The mapping `LOAD_NAME`/`STORE_NAME` use (module and class bodies).
    pub locals: Option<PyRef>,
    /// The identities of `func`'s globals and builtins dicts, compared by LOAD_GLOBAL's
    /// cache hit without reaching into the function (never dereferenced; the function
    /// keeps both alive while the frame exists, so an address cannot be reused).
    ns: Namespaces,
    /// Next code unit to execute.
    pub ip: usize,
    /// Code unit of the current instruction.
    pub lasti: usize,
    pub fast_base: usize,
    pub stack_base: usize,
    /// [`Frame::ENTRY`] and [`Frame::INIT`] bits. A whole word rather than two `bool`s:
    /// a record built in a spill slot by 1-byte stores and copied into `frames` as 8-byte
    /// words stalls the copy (no store forwarding from narrower stores); measured as ~40%
    /// of `push_simple_frame`'s cycles.
    flags: usize,
    /// The generator object that owns this frame's state while it is suspended.
    pub generator: Option<PyRef>,
}

/// The identities (addresses) of a function's globals and builtins dicts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Namespaces {
    pub globals: usize,
    pub builtins: usize,
}

impl Namespaces {
    #[inline(always)]
    pub fn of(fd: &FunctionData) -> Namespaces {
        Namespaces {
            globals: fd.globals.id(),
            builtins: fd.builtins.id(),
        }
    }
}

impl Frame {
    /// Returning from this frame returns to the Rust caller of the eval loop.
    pub const ENTRY: usize = 1;
    /// An `__init__` run by a class call from the loop (`call::push_init_frame`, 3.12's
    /// `_Py_InitCleanup` shim): the instance already sits in the caller's result slot,
    /// right below this frame's `stack_base`; RETURN_VALUE checks the return value is None
    /// (`call::init_returned`) and pushes nothing.
    pub const INIT: usize = 2;

    /// A frame about to run `code` from its start as a call of `func` (a function object
    /// whose namespaces are `ns`: `Namespaces::of` its data); `flags` is a set of
    /// [`Frame::ENTRY`] and [`Frame::INIT`].
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub fn new(
        code: PyRef,
        func: PyRef,
        ns: Namespaces,
        locals: Option<PyRef>,
        fast_base: usize,
        stack_base: usize,
        flags: usize,
    ) -> Frame {
        Frame {
            code,
            func,
            locals,
            ns,
            ip: 0,
            lasti: 0,
            fast_base,
            stack_base,
            flags,
            generator: None,
        }
    }

    /// The data of the function being run (`None` only if `func` were not a function,
    /// which no frame is made with).
    #[inline(always)]
    pub fn func_data(&self) -> Option<&FunctionData> {
        match &self.func.payload {
            Payload::Function(fd) => Some(fd),
            _ => None,
        }
    }

    /// The frame's globals (`f_globals`): its function's.
    #[inline]
    pub fn globals(&self) -> Option<&PyRef> {
        self.func_data().map(|fd| &fd.globals)
    }

    /// The frame's builtins (`f_builtins`): its function's.
    #[inline]
    pub fn builtins(&self) -> Option<&PyRef> {
        self.func_data().map(|fd| &fd.builtins)
    }

    /// New references to the frame's globals and builtins (`fallback` for both were its
    /// function not a function, which no frame is made with).
    pub fn dicts_or(&self, fallback: &PyRef) -> (PyRef, PyRef) {
        match self.func_data() {
            Some(fd) => (fd.globals.clone(), fd.builtins.clone()),
            None => (fallback.clone(), fallback.clone()),
        }
    }

    /// The identities of the frame's globals and builtins (LOAD_GLOBAL's cache key).
    #[inline(always)]
    pub fn namespaces(&self) -> Namespaces {
        self.ns
    }

    /// Returning from this frame returns to the Rust caller of the eval loop.
    #[inline(always)]
    pub fn entry(&self) -> bool {
        self.flags & Frame::ENTRY != 0
    }

    #[inline(always)]
    pub fn set_entry(&mut self, entry: bool) {
        self.flags = (self.flags & !Frame::ENTRY) | entry as usize;
    }

    /// An `__init__` frame of a class call from the loop (see [`Frame::INIT`]).
    #[inline(always)]
    pub fn init(&self) -> bool {
        self.flags & Frame::INIT != 0
    }

    /// The id of this activation's frame object (`types/frame.rs`), 0 before one is
    /// made: the flag word's bits above [`Frame::ENTRY`] and [`Frame::INIT`], which
    /// `Frame::new` leaves zero, so a new activation never carries an old id.
    pub fn frame_object_id(&self) -> usize {
        self.flags >> 2
    }

    pub fn set_frame_object_id(&mut self, id: usize) {
        self.flags = (self.flags & (Frame::ENTRY | Frame::INIT)) | (id << 2);
    }
}

/// `slot.take()`, reading the slot per variant rather than moving it out whole: a push
/// or STORE_FAST stores the tag and the payload as two 8-byte stores, and a 16-byte load
/// of the slot right after (what `Option::take` compiles to) cannot be store-forwarded
/// and stalls the pipeline, on nearly every instruction. Matching first makes the loads
/// 8-byte ones.
#[inline(always)]
pub fn take_slot(slot: &mut Option<Value>) -> Option<Value> {
    let v = match slot {
        None => return None,
        Some(Value::None) => Value::None,
        Some(Value::Bool(b)) => Value::Bool(*b),
        Some(Value::Int(i)) => Value::Int(*i),
        Some(Value::Float(f)) => Value::Float(*f),
        Some(Value::Obj(o)) => {
            // clone + drop of the slot's reference = a move.
            let v = Value::Obj(o.clone());
            *slot = None;
            return Some(v);
        }
    };
    // The other variants own nothing: empty the slot without a drop check.
    std::mem::forget(std::mem::replace(slot, None));
    Some(v)
}

/// The thread's value stack: a vector kept filled with `None` up to its length, and a
/// stack pointer. Push and pop are an index and a store (no capacity check call on the hot
/// path, unlike `Vec::push`), which the eval loop does for nearly every instruction.
///
/// Invariant: `items[sp..]` are all `None`.
///
/// Detached mode (the eval loop's register stack pointer): between [`ValueStack::detach`]
/// and [`ValueStack::attach`] the loop's local copy of the stack pointer is the true one
/// and `self.sp` is stale; only the `*_at` methods, which take that local, may be used.
/// Debug builds track the mode and assert it in every method, so an arm that calls out
/// (runs Python code, raises, switches frames) without writing the pointer back fails
/// the test suite instead of corrupting the stack.
#[derive(Default)]
pub struct ValueStack {
    items: Vec<Option<Value>>,
    sp: usize,
    #[cfg(debug_assertions)]
    detached: bool,
}

impl ValueStack {
    #[inline(always)]
    fn attached(&self) {
        #[cfg(debug_assertions)]
        assert!(
            !self.detached,
            "value stack used while the eval loop holds its pointer"
        );
    }

    #[inline(always)]
    fn detached(&self) {
        #[cfg(debug_assertions)]
        assert!(
            self.detached,
            "value stack's local pointer used while attached"
        );
    }

    /// The eval loop takes the stack pointer into a local: until [`ValueStack::attach`],
    /// only the `*_at` methods may be used.
    #[inline(always)]
    pub fn detach(&mut self) -> usize {
        self.attached();
        #[cfg(debug_assertions)]
        {
            self.detached = true;
        }
        self.sp
    }

    /// The eval loop writes its local stack pointer back (before anything that may run
    /// Python code, raise, switch frames or read the stack through the VM).
    #[inline(always)]
    pub fn attach(&mut self, sp: usize) {
        self.detached();
        #[cfg(debug_assertions)]
        {
            self.detached = false;
            assert!(sp <= self.items.len());
            // The slots just above are empty (a bounded check: the whole tail would make
            // every slow instruction O(stack capacity) in debug builds).
            assert!(self.items[sp..(sp + 8).min(self.items.len())]
                .iter()
                .all(|s| s.is_none()));
        }
        self.sp = sp;
    }

    /// Push with the loop's local stack pointer (detached mode).
    #[inline(always)]
    pub fn push_at(&mut self, sp: &mut usize, v: Option<Value>) {
        self.detached();
        Self::push_raw(&mut self.items, sp, v);
    }

    /// Pop with the loop's local stack pointer (detached mode).
    #[inline(always)]
    pub fn pop_at(&mut self, sp: &mut usize) -> Option<Option<Value>> {
        self.detached();
        if *sp == 0 {
            return None;
        }
        *sp -= 1;
        self.items.get_mut(*sp).map(take_slot)
    }

    /// The slot `n` items below the local stack pointer (1 is the top; detached mode).
    #[inline(always)]
    pub fn slot_at(&mut self, sp: usize, n: usize) -> Option<&mut Option<Value>> {
        self.detached();
        self.items.get_mut(sp.wrapping_sub(n))
    }

    /// Read the slot `n` items below the local stack pointer (1 is the top; detached
    /// mode).
    #[inline(always)]
    pub fn peek_at(&self, sp: usize, n: usize) -> Option<&Option<Value>> {
        self.detached();
        self.items.get(sp.wrapping_sub(n))
    }

    /// Empty the two top slots, which hold values that own nothing (checked by the
    /// caller through [`ValueStack::top2_at`]; were one an object, it would leak, never
    /// be freed twice; detached mode).
    #[inline(always)]
    pub fn pop2_plain_at(&mut self, sp: &mut usize) {
        self.detached();
        let s = *sp;
        if let Some([a, b]) = self.items.get_mut(s.wrapping_sub(2)..s) {
            std::mem::forget(std::mem::replace(a, None));
            std::mem::forget(std::mem::replace(b, None));
            *sp = s - 2;
        }
    }

    /// [`ValueStack::top2`] with the local stack pointer (detached mode).
    #[inline(always)]
    pub fn top2_at(&self, sp: usize) -> Option<(&Value, &Value)> {
        self.detached();
        match self.items.get(sp.wrapping_sub(2)..sp) {
            Some([Some(a), Some(b)]) => Some((a, b)),
            _ => None,
        }
    }

    /// [`ValueStack::replace_top2_plain`] with the local stack pointer (detached mode).
    #[inline(always)]
    pub fn replace_top2_plain_at(&mut self, sp: &mut usize, v: Value) {
        self.detached();
        Self::replace_top2_raw(&mut self.items, sp, v);
    }

    /// Swap two slots below the local stack pointer (detached mode).
    #[inline(always)]
    pub fn swap_at(&mut self, sp: usize, a: usize, b: usize) {
        self.detached();
        if a < sp && b < sp {
            self.items.swap(a, b);
        }
    }

    #[inline(always)]
    fn push_raw(items: &mut Vec<Option<Value>>, sp: &mut usize, v: Option<Value>) {
        if *sp == items.len() {
            Self::grow(items);
        }
        if let Some(slot) = items.get_mut(*sp) {
            // The slot is `None` (invariant), so there is nothing to drop: forgetting the
            // old value spares the drop check on every push (a broken invariant would
            // leak, never free twice).
            std::mem::forget(std::mem::replace(slot, v));
        }
        *sp += 1;
    }

    #[inline(always)]
    fn replace_top2_raw(items: &mut [Option<Value>], sp: &mut usize, v: Value) {
        let s = *sp;
        if let Some([a, b]) = items.get_mut(s.wrapping_sub(2)..s) {
            std::mem::forget(std::mem::replace(a, Some(v)));
            std::mem::forget(std::mem::replace(b, None));
            *sp = s - 1;
        }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Option<Value>) {
        self.attached();
        Self::push_raw(&mut self.items, &mut self.sp, v);
    }

    #[cold]
    #[inline(never)]
    fn grow(items: &mut Vec<Option<Value>>) {
        let n = (items.len() * 2).max(256);
        items.resize(n, None);
    }

    /// The top item (`None` when empty; `Some(None)` for a NULL).
    #[inline(always)]
    pub fn pop(&mut self) -> Option<Option<Value>> {
        self.attached();
        if self.sp == 0 {
            return None;
        }
        self.sp -= 1;
        self.items.get_mut(self.sp).map(take_slot)
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.attached();
        self.sp
    }

    pub fn is_empty(&self) -> bool {
        self.attached();
        self.sp == 0
    }

    #[inline(always)]
    pub fn last(&self) -> Option<&Option<Value>> {
        self.attached();
        if self.sp == 0 {
            None
        } else {
            self.items.get(self.sp - 1)
        }
    }

    /// The two top items `(second, top)` when both are values (not NULL): operands of
    /// a binary operation read in place.
    #[inline(always)]
    pub fn top2(&self) -> Option<(&Value, &Value)> {
        self.attached();
        match self.items.get(self.sp.wrapping_sub(2)..self.sp) {
            Some([Some(a), Some(b)]) => Some((a, b)),
            _ => None,
        }
    }

    /// Replace the two top items by `v`. Only for items that own nothing (ints, floats,
    /// bools, None — checked by the caller through [`ValueStack::top2`]): they are
    /// overwritten without a drop (were one an object, it would leak, never be freed
    /// twice).
    #[inline(always)]
    pub fn replace_top2_plain(&mut self, v: Value) {
        self.attached();
        Self::replace_top2_raw(&mut self.items, &mut self.sp, v);
    }

    /// Lower the stack pointer to `n` when the slots above are already empty (moved
    /// out by `take_slot`). Were one not empty, its value would leak, never be freed
    /// twice; debug builds check.
    #[inline(always)]
    pub fn drop_empty_above(&mut self, n: usize) {
        self.attached();
        debug_assert!(self.items[n.min(self.sp)..self.sp]
            .iter()
            .all(|s| s.is_none()));
        self.sp = self.sp.min(n);
    }

    /// Drop the items from `n` up. Inline test, out-of-line work: a returning frame's
    /// stack is already empty, so the common call is a compare.
    #[inline(always)]
    pub fn truncate(&mut self, n: usize) {
        self.attached();
        if n < self.sp {
            self.truncate_slow(n);
        }
    }

    #[inline(never)]
    fn truncate_slow(&mut self, n: usize) {
        let top = self.sp;
        // Shrink first: a value's deallocation then sees a consistent stack.
        self.sp = n;
        if let Some(items) = self.items.get_mut(n..top) {
            for slot in items.iter_mut().rev() {
                if slot.is_some() {
                    *slot = None;
                }
            }
        }
    }

    /// Remove and return the items from `start` up, bottom first.
    pub fn drain(
        &mut self,
        start: std::ops::RangeFrom<usize>,
    ) -> std::vec::IntoIter<Option<Value>> {
        self.attached();
        let start = start.start.min(self.sp);
        let out: Vec<Option<Value>> = (start..self.sp)
            .map(|i| take_slot(&mut self.items[i]))
            .collect();
        self.sp = start;
        out.into_iter()
    }

    /// Move the items from `start` up to the end of `dst`, bottom first.
    #[inline]
    pub fn move_into(&mut self, start: usize, dst: &mut Vec<Option<Value>>) {
        self.attached();
        let start = start.min(self.sp);
        if let Some(items) = self.items.get_mut(start..self.sp) {
            // No `reserve` first: calls move a few arguments, and each `push` tests the
            // capacity anyway (the reserve's own test and call cost more than they saved).
            for slot in items {
                dst.push(std::mem::replace(slot, None));
            }
        }
        self.sp = start;
    }

    /// A call's argument move (`call::push_simple_frame`): the items from `start` up go
    /// to the end of `dst`, bottom first, followed by `None`s up to `total` slots in all
    /// (the callee's localsplus window). One capacity test for the whole window instead
    /// of one per pushed item.
    #[inline(always)]
    pub fn move_args(&mut self, start: usize, dst: &mut Vec<Option<Value>>, total: usize) {
        self.attached();
        let start = start.min(self.sp);
        if let Some(items) = self.items.get_mut(start..self.sp) {
            let base = dst.len();
            if dst.capacity() - base < total {
                Self::reserve_cold(dst, total);
            }
            // (`extend` from the slice iterator is an out-of-line call costing ~80
            // instructions for one argument.) Whole-slot moves, not `take_slot`: the
            // arguments were pushed a few instructions before the call, not by the
            // previous store, and the moves change no count (measured: fib 339 -> 336 ms,
            // method_calls 10k 364.7M -> 361.3M instructions).
            for slot in items {
                dst.push(std::mem::replace(slot, None));
            }
            if dst.len() < base + total {
                dst.resize(base + total, None);
            }
        }
        self.sp = start;
    }

    #[cold]
    #[inline(never)]
    fn reserve_cold(dst: &mut Vec<Option<Value>>, n: usize) {
        dst.reserve(n);
    }

    pub fn extend(&mut self, it: impl IntoIterator<Item = Option<Value>>) {
        for v in it {
            self.push(v);
        }
    }

    pub fn swap(&mut self, a: usize, b: usize) {
        self.attached();
        if a < self.sp && b < self.sp {
            self.items.swap(a, b);
        }
    }
}

impl std::ops::Index<usize> for ValueStack {
    type Output = Option<Value>;
    #[inline(always)]
    fn index(&self, i: usize) -> &Option<Value> {
        self.attached();
        &self.items[i]
    }
}

impl std::ops::IndexMut<usize> for ValueStack {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut Option<Value> {
        self.attached();
        &mut self.items[i]
    }
}
