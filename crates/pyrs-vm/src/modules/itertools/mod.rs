//! The `itertools` module: iterator building blocks (CPython: `Modules/itertoolsmodule.c`).
//!
//! One file per section of the module's documentation: `infinite.rs` (count, cycle,
//! repeat), `terminating.rs` (accumulate, chain, compress, dropwhile, filterfalse,
//! islice, pairwise, starmap, takewhile, zip_longest), `groupby.rs` (groupby and its
//! `_grouper`), `tee.rs` (tee, `_tee`, `_tee_dataobject`), `combinatoric.rs` (product,
//! permutations, combinations, combinations_with_replacement).
//!
//! Every iterator is a native type (`modules/native_type.rs`) whose state sits in
//! `Cell`/`RefCell`s. Invariant: no `RefCell` borrow is held across a call that may run
//! Python code (`vm.next`, `vm.call`, comparisons): such code may re-enter the same
//! iterator, which then sees a consistent state (an iterator being advanced reads as
//! exhausted or as its previous state, never as a Rust panic).

mod combinatoric;
mod groupby;
mod infinite;
mod tee;
mod terminating;

use super::native_type as nt;
use crate::object::PyRef;
use crate::object::Value;
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

const DOC: &str = "Functional tools for creating and using iterators.\n\nInfinite iterators:\ncount(start=0, step=1) --> start, start+step, start+2*step, ...\ncycle(p) --> p0, p1, ... plast, p0, p1, ...\nrepeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\nIterators terminating on the shortest input sequence:\naccumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\nchain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\nchain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\ncompress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\ndropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\ngroupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\nfilterfalse(pred, seq) --> elements of seq where pred(elem) is False\nislice(seq, [start,] stop [, step]) --> elements from\n       seq[start:stop:step]\npairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\nstarmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\ntee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\ntakewhile(pred, seq) --> seq[0], seq[1], until pred fails\nzip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\nCombinatoric generators:\nproduct(p, q, ... [repeat=1]) --> cartesian product\npermutations(p[, r])\ncombinations(p, r)\ncombinations_with_replacement(p, r)\n";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "itertools", DOC);
    infinite::install(vm, &d);
    terminating::install(vm, &d);
    groupby::install(vm, &d);
    tee::install(vm, &d);
    combinatoric::install(vm, &d);
    Ok(m)
}

/// A new iterator type `itertools.<name>` with `__iter__` returning self, `__next__`
/// and the extra `methods`, made by `new` (its `__new__`).
fn iter_type(
    vm: &mut Vm,
    d: &PyRef,
    name: &'static str,
    doc: &'static str,
    new: crate::types::function::NativeFn,
    next: crate::types::function::NativeFn,
    methods: &[(&'static str, crate::types::function::NativeFn)],
) -> PyRef {
    iter_type_with(vm, d, name, doc, new, None, next, methods)
}

/// [`iter_type`] whose `__new__` gets `new_self` first (see `native_type::Spec`).
#[allow(clippy::too_many_arguments)]
fn iter_type_with(
    vm: &mut Vm,
    d: &PyRef,
    name: &'static str,
    doc: &'static str,
    new: crate::types::function::NativeFn,
    new_self: Option<Value>,
    next: crate::types::function::NativeFn,
    methods: &[(&'static str, crate::types::function::NativeFn)],
) -> PyRef {
    let mut all: Vec<(&'static str, crate::types::function::NativeFn)> =
        vec![("__iter__", iter_self), ("__next__", next)];
    all.extend_from_slice(methods);
    let mut spec = nt::Spec::new(name, "itertools");
    spec.doc = Some(doc);
    spec.new = Some(new);
    spec.new_self = new_self;
    spec.methods = &all;
    let ty = nt::new_type(vm, &spec);
    crate::import::dict_set(vm, d, name, Value::Obj(ty.clone()));
    ty
}

/// `__iter__` of an iterator: itself.
fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) if args.pos.len() == 1 => Ok(v.clone()),
        _ => Err(vm.type_error("expected 0 arguments")),
    }
}

/// `self` of an itertools method: the state `T` of `args.pos[0]`.
fn this<'a, T: nt::NativeData>(vm: &mut Vm, args: &'a Args, tyname: &str) -> PyResult<&'a T> {
    nt::this::<T>(vm, args, "__next__", tyname)
}
