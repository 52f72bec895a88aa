//! Traceback objects (CPython: `Python/traceback.c`): one entry per frame an exception
//! passed through, newest frame last in the `tb_next` chain.

use crate::object::{PyRef, Value};

pub struct TracebackData {
    pub next: Option<Value>,
    /// The code object of the frame.
    pub code: PyRef,
    /// Code unit of the instruction that raised.
    pub lasti: usize,
    pub lineno: i32,
}

impl TracebackData {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(n) = &self.next {
            visit(n)
        }
        visit(&Value::Obj(self.code.clone()));
    }
}
