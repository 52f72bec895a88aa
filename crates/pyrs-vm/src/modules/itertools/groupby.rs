//! `itertools.groupby` and its `_grouper` sub-iterators (CPython:
//! `Modules/itertoolsmodule.c` groupby_*, _grouper_*).
//!
//! A `_grouper` is live only while it is its parent's current grouper: advancing the
//! groupby invalidates it (CPython compares a borrowed pointer; pyrs a generation
//! number, which an address reuse cannot fake).

use super::{iter_type, this};
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

const GROUPBY_DOC: &str = "make an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping.";

pub fn install(vm: &mut Vm, d: &PyRef) {
    let g = iter_type(vm, d, "_grouper", "", grouper_new, grouper_next, &[]);
    nt::set_attr(vm, &g, "__doc__", Value::None);
    let gv = Value::Obj(g);
    super::iter_type_with(
        vm,
        d,
        "groupby",
        GROUPBY_DOC,
        groupby_new,
        Some(gv),
        groupby_next,
        &[],
    );
}

struct GroupBy {
    /// The `_grouper` type of this module.
    grouper_ty: PyRef,
    it: Value,
    keyfunc: Value,
    tgtkey: RefCell<Option<Value>>,
    currkey: RefCell<Option<Value>>,
    currvalue: RefCell<Option<Value>>,
    /// The generation of the current `_grouper` (0: none).
    current: Cell<u64>,
    generations: Cell<u64>,
}

impl NativeData for GroupBy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.grouper_ty.clone()));
        visit(&self.it);
        visit(&self.keyfunc);
        for s in [&self.tgtkey, &self.currkey, &self.currvalue] {
            if let Some(v) = &*s.borrow() {
                visit(v);
            }
        }
    }
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
    generation: u64,
}

impl NativeData for Grouper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.parent);
        visit(&self.tgtkey);
    }
}

fn set(slot: &RefCell<Option<Value>>, v: Option<Value>) {
    let old = std::mem::replace(&mut *slot.borrow_mut(), v);
    drop(old);
}

fn groupby_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let grouper_ty = match args.pos.first() {
        Some(Value::Obj(t)) if !args.pos.is_empty() => t.clone(),
        _ => return Err(vm.system_error("groupby: _grouper type missing")),
    };
    args.pos.remove(0);
    let cls = nt::take_cls(vm, &mut args, "groupby")?;
    let [iterable, key] = nt::clinic(vm, args, "groupby", ["iterable", "key"], 1, 2)?;
    let it = vm.iter(&iterable.unwrap_or(Value::None))?;
    Ok(nt::alloc(
        vm,
        &cls,
        GroupBy {
            grouper_ty,
            it,
            keyfunc: key.unwrap_or(Value::None),
            tgtkey: RefCell::new(None),
            currkey: RefCell::new(None),
            currvalue: RefCell::new(None),
            current: Cell::new(0),
            generations: Cell::new(0),
        },
    ))
}

/// `groupby_step`: read the next value and its key; `false` when exhausted.
fn step(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let it = g.it.clone();
    let Some(v) = vm.next(&it)? else {
        return Ok(false);
    };
    let key = if matches!(g.keyfunc, Value::None) {
        v.clone()
    } else {
        let f = g.keyfunc.clone();
        vm.call(&f, vec![v.clone()])?
    };
    set(&g.currvalue, Some(v));
    set(&g.currkey, Some(key));
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this::<GroupBy>(vm, &args, "groupby")?;
    g.current.set(0);
    // Skip to the next group.
    loop {
        let curr = g.currkey.borrow().clone();
        if let Some(curr) = curr {
            let Some(tgt) = g.tgtkey.borrow().clone() else {
                break;
            };
            if !vm.eq(&tgt, &curr)? {
                break;
            }
        }
        if !step(vm, g)? {
            return Err(vm.stop_iteration());
        }
    }
    let curr = g.currkey.borrow().clone().unwrap_or(Value::None);
    set(&g.tgtkey, Some(curr.clone()));
    let gen = g.generations.get() + 1;
    g.generations.set(gen);
    g.current.set(gen);
    let gty = g.grouper_ty.clone();
    let grouper = nt::alloc(
        vm,
        &gty,
        Grouper {
            parent: args.pos[0].clone(),
            tgtkey: curr.clone(),
            generation: gen,
        },
    );
    Ok(vm.new_tuple(vec![curr, grouper]))
}

fn grouper_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "_grouper")?;
    nt::positional(vm, &args, "_grouper", 2, 2)?;
    if nt::state::<GroupBy>(&args.pos[0]).is_none() {
        let t = vm.type_name(&args.pos[0]);
        return Err(vm.type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {t}"
        )));
    }
    Ok(nt::alloc(
        vm,
        &cls,
        Grouper {
            parent: args.pos[0].clone(),
            tgtkey: args.pos[1].clone(),
            generation: u64::MAX,
        },
    ))
}

fn grouper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this::<Grouper>(vm, &args, "_grouper")?;
    let Some(g) = nt::state::<GroupBy>(&me.parent) else {
        return Err(vm.stop_iteration());
    };
    if g.current.get() != me.generation {
        return Err(vm.stop_iteration());
    }
    if g.currvalue.borrow().is_none() && !step(vm, g)? {
        return Err(vm.stop_iteration());
    }
    let curr = g.currkey.borrow().clone().unwrap_or(Value::None);
    let tgt = me.tgtkey.clone();
    if !vm.eq(&tgt, &curr)? {
        return Err(vm.stop_iteration());
    }
    let r = g.currvalue.borrow_mut().take().unwrap_or(Value::None);
    set(&g.currkey, None);
    Ok(r)
}
