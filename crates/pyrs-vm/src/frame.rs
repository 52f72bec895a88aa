//! Frames (CPython: `Include/internal/pycore_frame.h` `_PyInterpreterFrame`). A frame is a
//! small record on the thread's frame stack; its local variables live in a window of
//! `ThreadState::fast` and its value stack above `stack_base` in `ThreadState::stack`, so
//! a call allocates nothing but vector slots that earlier calls already grew.
//!
//! Invariants: frames are pushed and popped in LIFO order together with their windows;
//! while a frame runs, `fast[fast_base..fast_base + nlocalsplus]` are its localsplus and
//! `stack[stack_base..]` its value stack. `lasti` is the code unit of the instruction
//! being executed (for tracebacks and the exception table).

use crate::object::{PyRef, Value};

pub struct Frame {
    /// A code object (`Payload::Code`).
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The mapping `LOAD_NAME`/`STORE_NAME` use (module and class bodies).
    pub locals: Option<PyRef>,
    /// The function being run (its closure feeds COPY_FREE_VARS).
    pub func: Option<PyRef>,
    /// Next code unit to execute.
    pub ip: usize,
    /// Code unit of the current instruction.
    pub lasti: usize,
    pub fast_base: usize,
    pub stack_base: usize,
    /// Returning from this frame returns to the Rust caller of the eval loop.
    pub entry: bool,
    /// The generator object that owns this frame's state while it is suspended.
    pub generator: Option<PyRef>,
    /// Keyword names set by KW_NAMES for the next CALL.
    pub kwnames: Option<Value>,
}
