//! The combinatoric iterators: `product`, `permutations`, `combinations`,
//! `combinations_with_replacement` (CPython: `Modules/itertoolsmodule.c` product_*,
//! permutations_*, combinations_*, cwr_*). Each reads its input into a pool when made
//! and then only builds tuples: `__next__` runs no Python code.

use super::{iter_type, this};
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

pub fn install(vm: &mut Vm, d: &PyRef) {
    iter_type(
        vm,
        d,
        "product",
        PRODUCT_DOC,
        product_new,
        product_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "permutations",
        PERM_DOC,
        permutations_new,
        permutations_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "combinations",
        COMB_DOC,
        combinations_new,
        combinations_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "combinations_with_replacement",
        CWR_DOC,
        cwr_new,
        cwr_next,
        &[],
    );
}

const PRODUCT_DOC: &str = "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops.\n\nFor example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\nThe leftmost iterators are in the outermost for-loop, so the output tuples\ncycle in a manner similar to an odometer (with the rightmost element changing\non every iteration).\n\nTo compute the product of an iterable with itself, specify the number\nof repetitions with the optional repeat keyword argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, A).\n\nproduct('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\nproduct((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...";
const PERM_DOC: &str = "Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)";
const COMB_DOC: &str = "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)";
const CWR_DOC: &str = "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')";

/// The shared state: the pools, the current indices, and where the iteration is.
struct Combo {
    /// One pool per position (product) or one pool (the others).
    pools: Vec<Vec<Value>>,
    indices: RefCell<Vec<usize>>,
    /// permutations' cycles.
    cycles: RefCell<Vec<usize>>,
    r: usize,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

impl NativeData for Combo {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(|v| visit(v));
    }
}

/// A `Py_ssize_t` argument (OverflowError for a too-large int, as `PyLong_AsSsize_t`).
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(Payload::Int(_)) = v.payload() {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    vm.index_value(v, "'{}' object cannot be interpreted as an integer")
}

fn combo(
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    stopped: bool,
) -> Combo {
    Combo {
        pools,
        indices: RefCell::new(indices),
        cycles: RefCell::new(cycles),
        r,
        started: Cell::new(false),
        stopped: Cell::new(stopped),
    }
}

// ---- product --------------------------------------------------------------------------

fn product_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "product")?;
    let repeat = match args.take_kw("repeat") {
        Some(v) => ssize(vm, &v)?,
        None => 1,
    };
    if let Some((k, _)) = args.kw.first() {
        let k = crate::object::attr::name_of(k);
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for product()"
        )));
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        base.push(vm.collect(a)?);
    }
    let total = base.len().checked_mul(repeat as usize);
    let Some(total) = total.filter(|t| *t <= isize::MAX as usize / 16) else {
        return Err(vm.overflow_error("repeat argument too large"));
    };
    let mut pools: Vec<Vec<Value>> = Vec::new();
    if pools.try_reserve_exact(total).is_err() {
        let t = vm.types.memory_error.clone();
        return Err(vm.new_error(&t, ""));
    }
    // No input iterables: one empty product whatever `repeat` is (and no loop over it).
    if !base.is_empty() {
        for _ in 0..repeat {
            pools.extend(base.iter().cloned());
        }
    }
    let stopped = pools.iter().any(|p| p.is_empty());
    let n = pools.len();
    Ok(nt::alloc(
        vm,
        &cls,
        combo(pools, vec![0; n], vec![], n, stopped),
    ))
}

fn product_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Combo>(vm, &args, "product")?;
    if c.stopped.get() {
        return Err(vm.stop_iteration());
    }
    if c.started.get() {
        let mut idx = c.indices.borrow_mut();
        let mut i = idx.len();
        loop {
            if i == 0 {
                drop(idx);
                c.stopped.set(true);
                return Err(vm.stop_iteration());
            }
            i -= 1;
            idx[i] += 1;
            if idx[i] < c.pools[i].len() {
                break;
            }
            idx[i] = 0;
        }
    }
    c.started.set(true);
    let items: Vec<Value> = c
        .indices
        .borrow()
        .iter()
        .enumerate()
        .map(|(p, &i)| c.pools[p][i].clone())
        .collect();
    Ok(vm.new_tuple(items))
}

// ---- combinations ---------------------------------------------------------------------

fn pool_and_r(
    vm: &mut Vm,
    mut args: Args,
    name: &str,
    r_required: bool,
) -> PyResult<(PyRef, Vec<Value>, usize)> {
    let cls = nt::take_cls(vm, &mut args, name)?;
    let [iterable, r] = nt::clinic(
        vm,
        args,
        name,
        ["iterable", "r"],
        if r_required { 2 } else { 1 },
        2,
    )?;
    let pool = vm.collect(&iterable.unwrap_or(Value::None))?;
    let r = match r {
        Some(Value::None) | None if !r_required => pool.len() as i64,
        Some(v) => {
            if !r_required
                && !matches!(v, Value::Int(_) | Value::Bool(_))
                && !matches!(v.payload(), Some(Payload::Int(_)))
            {
                return Err(vm.type_error("Expected int as r"));
            }
            ssize(vm, &v)?
        }
        None => 0,
    };
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok((cls, pool, r as usize))
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, pool, r) = pool_and_r(vm, args, "combinations", true)?;
    let stopped = r > pool.len();
    let idx = if stopped { vec![] } else { (0..r).collect() };
    Ok(nt::alloc(
        vm,
        &cls,
        combo(vec![pool], idx, vec![], r, stopped),
    ))
}

fn combinations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Combo>(vm, &args, "combinations")?;
    if c.stopped.get() {
        return Err(vm.stop_iteration());
    }
    let (n, r) = (c.pools[0].len(), c.r);
    if c.started.get() {
        let mut idx = c.indices.borrow_mut();
        let Some(i) = (0..r).rev().find(|&i| idx[i] != i + n - r) else {
            drop(idx);
            c.stopped.set(true);
            return Err(vm.stop_iteration());
        };
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = idx[j - 1] + 1;
        }
    }
    c.started.set(true);
    let items: Vec<Value> = c
        .indices
        .borrow()
        .iter()
        .map(|&i| c.pools[0][i].clone())
        .collect();
    Ok(vm.new_tuple(items))
}

// ---- combinations_with_replacement ----------------------------------------------------

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, pool, r) = pool_and_r(vm, args, "combinations_with_replacement", true)?;
    let stopped = pool.is_empty() && r > 0;
    let idx = if stopped { vec![] } else { vec![0; r] };
    Ok(nt::alloc(
        vm,
        &cls,
        combo(vec![pool], idx, vec![], r, stopped),
    ))
}

fn cwr_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Combo>(vm, &args, "combinations_with_replacement")?;
    if c.stopped.get() {
        return Err(vm.stop_iteration());
    }
    let (n, r) = (c.pools[0].len(), c.r);
    if c.started.get() {
        let mut idx = c.indices.borrow_mut();
        let Some(i) = (0..r).rev().find(|&i| idx[i] != n - 1) else {
            drop(idx);
            c.stopped.set(true);
            return Err(vm.stop_iteration());
        };
        let v = idx[i] + 1;
        for x in idx[i..].iter_mut() {
            *x = v;
        }
    }
    c.started.set(true);
    let items: Vec<Value> = c
        .indices
        .borrow()
        .iter()
        .map(|&i| c.pools[0][i].clone())
        .collect();
    Ok(vm.new_tuple(items))
}

// ---- permutations ---------------------------------------------------------------------

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, pool, r) = pool_and_r(vm, args, "permutations", false)?;
    let n = pool.len();
    let stopped = r > n;
    let (idx, cycles) = if stopped {
        (vec![], vec![])
    } else {
        ((0..n).collect(), (0..r).map(|i| n - i).collect())
    };
    Ok(nt::alloc(
        vm,
        &cls,
        combo(vec![pool], idx, cycles, r, stopped),
    ))
}

fn permutations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Combo>(vm, &args, "permutations")?;
    if c.stopped.get() {
        return Err(vm.stop_iteration());
    }
    let (n, r) = (c.pools[0].len(), c.r);
    if c.started.get() {
        let mut idx = c.indices.borrow_mut();
        let mut cycles = c.cycles.borrow_mut();
        let mut advanced = false;
        for i in (0..r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                // Rotate indices[i:] left by one.
                idx[i..].rotate_left(1);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                idx.swap(i, n - j);
                advanced = true;
                break;
            }
        }
        if !advanced {
            drop(idx);
            drop(cycles);
            c.stopped.set(true);
            return Err(vm.stop_iteration());
        }
    }
    c.started.set(true);
    let items: Vec<Value> = c.indices.borrow()[..r]
        .iter()
        .map(|&i| c.pools[0][i].clone())
        .collect();
    Ok(vm.new_tuple(items))
}
