//! The `_collections` module: `deque` (`deque.rs`), `defaultdict` (`defaultdict.rs`),
//! `_count_elements` and `_tuplegetter` (`helpers.rs`) (CPython:
//! `Modules/_collectionsmodule.c`). `collections` imports each inside a `try`, and uses
//! its pure-Python `OrderedDict`, which this module does not provide (CPython's C one is
//! an optimisation only).

mod defaultdict;
mod deque;
mod helpers;

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};

const DOC: &str = "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_collections", DOC);
    deque::install(vm, &d);
    defaultdict::install(vm, &d);
    helpers::install(vm, &d);
    Ok(m)
}
