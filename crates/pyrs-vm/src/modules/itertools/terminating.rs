//! The itertools iterators that end with their shortest input: `accumulate`, `chain`,
//! `compress`, `dropwhile`, `filterfalse`, `islice`, `pairwise`, `starmap`, `takewhile`,
//! `zip_longest` (CPython: `Modules/itertoolsmodule.c`).

use super::{iter_type, this};
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

pub fn install(vm: &mut Vm, d: &PyRef) {
    iter_type(
        vm,
        d,
        "accumulate",
        ACCUMULATE_DOC,
        accumulate_new,
        accumulate_next,
        &[],
    );
    let chain = iter_type(vm, d, "chain", CHAIN_DOC, chain_new, chain_next, &[]);
    let f = crate::types::function::new_builtin(vm, "from_iterable", chain_from_iterable);
    let cm_ty = vm.types.classmethod.clone();
    let cm = Value::Obj(vm.alloc(&cm_ty, crate::object::Payload::ClassMethod(f)));
    nt::set_attr(vm, &chain, "from_iterable", cm);
    let ga = crate::types::function::new_builtin(vm, "__class_getitem__", nt::class_getitem);
    let cm = Value::Obj(vm.alloc(&cm_ty, crate::object::Payload::ClassMethod(ga)));
    nt::set_attr(vm, &chain, "__class_getitem__", cm);
    iter_type(
        vm,
        d,
        "compress",
        COMPRESS_DOC,
        compress_new,
        compress_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "dropwhile",
        DROPWHILE_DOC,
        dropwhile_new,
        dropwhile_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "filterfalse",
        FILTERFALSE_DOC,
        filterfalse_new,
        filterfalse_next,
        &[],
    );
    iter_type(vm, d, "islice", ISLICE_DOC, islice_new, islice_next, &[]);
    iter_type(
        vm,
        d,
        "pairwise",
        PAIRWISE_DOC,
        pairwise_new,
        pairwise_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "starmap",
        STARMAP_DOC,
        starmap_new,
        starmap_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "takewhile",
        TAKEWHILE_DOC,
        takewhile_new,
        takewhile_next,
        &[],
    );
    iter_type(
        vm,
        d,
        "zip_longest",
        ZIP_LONGEST_DOC,
        zip_longest_new,
        zip_longest_next,
        &[],
    );
}

const ACCUMULATE_DOC: &str =
    "Return series of accumulated sums (or other binary function results).";
const CHAIN_DOC: &str = "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.";
const COMPRESS_DOC: &str = "Return data elements corresponding to true selector elements.\n\nForms a shorter iterator from selected data elements using the selectors to\nchoose the data elements.";
const DROPWHILE_DOC: &str = "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.";
const FILTERFALSE_DOC: &str = "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false.";
const ISLICE_DOC: &str = "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls.  Works like a slice() on a list\nbut returns an iterator.";
const PAIRWISE_DOC: &str = "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0,s1), (s1,s2), (s2, s3), ...";
const STARMAP_DOC: &str = "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.";
const TAKEWHILE_DOC: &str = "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.";
const ZIP_LONGEST_DOC: &str = "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument.";

fn visit_opt(v: &RefCell<Option<Value>>, visit: &mut dyn FnMut(&Value)) {
    if let Some(x) = &*v.borrow() {
        visit(x);
    }
}

/// The iterator in `slot`, `None` once it was dropped (exhausted).
fn get(slot: &RefCell<Option<Value>>) -> Option<Value> {
    slot.borrow().clone()
}

/// Drop the iterator in `slot` (outside the borrow: dropping may run nothing, but the
/// borrow must not outlive the statement).
fn clear(slot: &RefCell<Option<Value>>) {
    let old = slot.borrow_mut().take();
    drop(old);
}

// ---- accumulate -----------------------------------------------------------------------

struct Accumulate {
    it: Value,
    func: Value,
    total: RefCell<Option<Value>>,
    initial: RefCell<Option<Value>>,
}

impl NativeData for Accumulate {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self;
        visit(&s.it);
        visit(&s.func);
        visit_opt(&s.total, visit);
        visit_opt(&s.initial, visit);
    }
}

fn accumulate_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "accumulate")?;
    let [iterable, func, initial] = nt::clinic(
        vm,
        args,
        "accumulate",
        ["iterable", "func", "initial"],
        1,
        2,
    )?;
    let it = vm.iter(&iterable.unwrap_or(Value::None))?;
    let initial = initial.filter(|v| !matches!(v, Value::None));
    Ok(nt::alloc(
        vm,
        &cls,
        Accumulate {
            it,
            func: func.unwrap_or(Value::None),
            total: RefCell::new(None),
            initial: RefCell::new(initial),
        },
    ))
}

fn accumulate_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = this::<Accumulate>(vm, &args, "accumulate")?;
    if let Some(init) = a.initial.borrow_mut().take() {
        *a.total.borrow_mut() = Some(init.clone());
        return Ok(init);
    }
    let it = a.it.clone();
    let Some(val) = vm.next(&it)? else {
        return Err(vm.stop_iteration());
    };
    let total = a.total.borrow().clone();
    let new = match total {
        None => val,
        Some(t) => {
            if matches!(a.func, Value::None) {
                crate::object::ops::binary_op(vm, &t, &val, 0)?
            } else {
                let f = a.func.clone();
                vm.call(&f, vec![t, val])?
            }
        }
    };
    *a.total.borrow_mut() = Some(new.clone());
    Ok(new)
}

// ---- chain ----------------------------------------------------------------------------

struct Chain {
    /// The iterator over the iterables; `None` when exhausted.
    source: RefCell<Option<Value>>,
    /// The current iterable's iterator.
    active: RefCell<Option<Value>>,
}

impl NativeData for Chain {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self;
        visit_opt(&s.source, visit);
        visit_opt(&s.active, visit);
    }
}

fn chain_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "chain")?;
    args.no_kw(vm, "chain")?;
    let t = vm.new_tuple(args.pos.to_vec());
    let source = vm.iter(&t)?;
    Ok(nt::alloc(
        vm,
        &cls,
        Chain {
            source: RefCell::new(Some(source)),
            active: RefCell::new(None),
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called as a class method: (cls, iterable).
    if args.pos.len() != 2 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1) + args.kw.len();
        return Err(vm.type_error(format!(
            "chain.from_iterable() takes exactly one argument ({n} given)"
        )));
    }
    let Some(cls) = args.pos[0].as_obj().cloned() else {
        return Err(vm.type_error("chain.from_iterable() needs a class"));
    };
    let source = vm.iter(&args.pos[1])?;
    Ok(nt::alloc(
        vm,
        &cls,
        Chain {
            source: RefCell::new(Some(source)),
            active: RefCell::new(None),
        },
    ))
}

fn chain_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Chain>(vm, &args, "chain")?;
    loop {
        if let Some(active) = get(&c.active) {
            if let Some(v) = vm.next(&active)? {
                return Ok(v);
            }
            clear(&c.active);
        }
        let Some(source) = get(&c.source) else {
            return Err(vm.stop_iteration());
        };
        match vm.next(&source)? {
            Some(iterable) => {
                let it = vm.iter(&iterable)?;
                *c.active.borrow_mut() = Some(it);
            }
            None => {
                clear(&c.source);
                return Err(vm.stop_iteration());
            }
        }
    }
}

// ---- compress -------------------------------------------------------------------------

struct Compress {
    data: Value,
    selectors: Value,
}

impl NativeData for Compress {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self;
        visit(&s.data);
        visit(&s.selectors);
    }
}

fn compress_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "compress")?;
    let [data, selectors] = nt::clinic(vm, args, "compress", ["data", "selectors"], 2, 2)?;
    let data = vm.iter(&data.unwrap_or(Value::None))?;
    let selectors = vm.iter(&selectors.unwrap_or(Value::None))?;
    Ok(nt::alloc(vm, &cls, Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Compress>(vm, &args, "compress")?;
    let (data, sel) = (c.data.clone(), c.selectors.clone());
    loop {
        let Some(d) = vm.next(&data)? else {
            return Err(vm.stop_iteration());
        };
        let Some(s) = vm.next(&sel)? else {
            return Err(vm.stop_iteration());
        };
        if vm.truthy(&s)? {
            return Ok(d);
        }
    }
}

// ---- dropwhile, takewhile, filterfalse, starmap --------------------------------------

/// A predicate (or function) and an iterator, with a flag (dropwhile: done dropping;
/// takewhile: stopped).
struct PredIter {
    func: Value,
    it: Value,
    flag: Cell<bool>,
}

impl NativeData for PredIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self;
        visit(&s.func);
        visit(&s.it);
    }
}

fn pred_new(vm: &mut Vm, mut args: Args, name: &str) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, name)?;
    nt::positional(vm, &args, name, 2, 2)?;
    let it = vm.iter(&args.pos[1])?;
    Ok(nt::alloc(
        vm,
        &cls,
        PredIter {
            func: args.pos[0].clone(),
            it,
            flag: Cell::new(false),
        },
    ))
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_new(vm, args, "dropwhile")
}
fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_new(vm, args, "takewhile")
}
fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_new(vm, args, "filterfalse")
}
fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_new(vm, args, "starmap")
}

fn dropwhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this::<PredIter>(vm, &args, "dropwhile")?;
    let (f, it) = (p.func.clone(), p.it.clone());
    loop {
        let Some(v) = vm.next(&it)? else {
            return Err(vm.stop_iteration());
        };
        if p.flag.get() {
            return Ok(v);
        }
        let r = vm.call(&f, vec![v.clone()])?;
        if !vm.truthy(&r)? {
            p.flag.set(true);
            return Ok(v);
        }
    }
}

fn takewhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this::<PredIter>(vm, &args, "takewhile")?;
    if p.flag.get() {
        return Err(vm.stop_iteration());
    }
    let (f, it) = (p.func.clone(), p.it.clone());
    let Some(v) = vm.next(&it)? else {
        return Err(vm.stop_iteration());
    };
    let r = vm.call(&f, vec![v.clone()])?;
    if vm.truthy(&r)? {
        return Ok(v);
    }
    p.flag.set(true);
    Err(vm.stop_iteration())
}

fn filterfalse_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this::<PredIter>(vm, &args, "filterfalse")?;
    let (f, it) = (p.func.clone(), p.it.clone());
    loop {
        let Some(v) = vm.next(&it)? else {
            return Err(vm.stop_iteration());
        };
        let ok = if matches!(f, Value::None) {
            vm.truthy(&v)?
        } else {
            let r = vm.call(&f, vec![v.clone()])?;
            vm.truthy(&r)?
        };
        if !ok {
            return Ok(v);
        }
    }
}

fn starmap_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this::<PredIter>(vm, &args, "starmap")?;
    let (f, it) = (p.func.clone(), p.it.clone());
    let Some(v) = vm.next(&it)? else {
        return Err(vm.stop_iteration());
    };
    let a = vm.collect(&v)?;
    vm.call(&f, a)
}

// ---- islice ---------------------------------------------------------------------------

struct Islice {
    it: RefCell<Option<Value>>,
    /// The index of the next item to return.
    next: Cell<i64>,
    /// -1: no stop.
    stop: i64,
    step: i64,
    /// Items consumed from `it` so far.
    cnt: Cell<i64>,
}

impl NativeData for Islice {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self;
        visit_opt(&s.it, visit);
    }
}

/// An islice index: `None` or an int in `0..=sys.maxsize` (any error becomes the
/// ValueError, as `PyNumber_AsSsize_t` failures do in `islice_new`).
fn islice_index(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    match vm.index_value(v, "'{}' object cannot be interpreted as an integer") {
        Ok(n) if n >= 0 => Ok(Some(n)),
        _ => Err(vm.value_error(msg)),
    }
}

fn islice_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "islice")?;
    nt::positional(vm, &args, "islice", 2, 4)?;
    let seq = args.pos[0].clone();
    let (mut start, mut stop, mut step) = (0, -1, 1);
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if args.pos.len() == 2 {
        if let Some(s) = islice_index(vm, &args.pos[1], STOP)? {
            stop = s;
        }
    } else {
        let a1 = args.pos[1].clone();
        let a2 = args.pos[2].clone();
        if let Some(s) = islice_index(vm, &a1, IDX)? {
            start = s;
        }
        if let Some(s) = islice_index(vm, &a2, STOP)? {
            stop = s;
        }
        if args.pos.len() == 4 {
            let a3 = args.pos[3].clone();
            const STEP: &str = "Step for islice() must be a positive integer or None.";
            match islice_index(vm, &a3, STEP)? {
                Some(0) => return Err(vm.value_error(STEP)),
                Some(s) => step = s,
                None => {}
            }
        }
    }
    let it = vm.iter(&seq)?;
    Ok(nt::alloc(
        vm,
        &cls,
        Islice {
            it: RefCell::new(Some(it)),
            next: Cell::new(start),
            stop,
            step,
            cnt: Cell::new(0),
        },
    ))
}

fn islice_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this::<Islice>(vm, &args, "islice")?;
    let Some(it) = get(&s.it) else {
        return Err(vm.stop_iteration());
    };
    while s.cnt.get() < s.next.get() {
        if vm.next(&it)?.is_none() {
            clear(&s.it);
            return Err(vm.stop_iteration());
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        clear(&s.it);
        return Err(vm.stop_iteration());
    }
    let Some(item) = vm.next(&it)? else {
        clear(&s.it);
        return Err(vm.stop_iteration());
    };
    s.cnt.set(s.cnt.get() + 1);
    let old = s.next.get();
    let mut n = old.wrapping_add(s.step);
    if n < old || (s.stop != -1 && n > s.stop) {
        n = s.stop;
    }
    s.next.set(n);
    Ok(item)
}

// ---- pairwise -------------------------------------------------------------------------

struct Pairwise {
    it: RefCell<Option<Value>>,
    old: RefCell<Option<Value>>,
}

impl NativeData for Pairwise {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self;
        visit_opt(&s.it, visit);
        visit_opt(&s.old, visit);
    }
}

fn pairwise_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "pairwise")?;
    nt::positional(vm, &args, "pairwise", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    Ok(nt::alloc(
        vm,
        &cls,
        Pairwise {
            it: RefCell::new(Some(it)),
            old: RefCell::new(None),
        },
    ))
}

fn pairwise_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this::<Pairwise>(vm, &args, "pairwise")?;
    let Some(it) = get(&p.it) else {
        return Err(vm.stop_iteration());
    };
    let old = match get(&p.old) {
        Some(o) => o,
        None => match vm.next(&it)? {
            Some(o) => {
                *p.old.borrow_mut() = Some(o.clone());
                o
            }
            None => {
                clear(&p.it);
                return Err(vm.stop_iteration());
            }
        },
    };
    let Some(new) = vm.next(&it)? else {
        clear(&p.it);
        clear(&p.old);
        return Err(vm.stop_iteration());
    };
    *p.old.borrow_mut() = Some(new.clone());
    Ok(vm.new_tuple(vec![old, new]))
}

// ---- zip_longest ----------------------------------------------------------------------

struct ZipLongest {
    /// The iterators; an exhausted one is replaced by `None`.
    its: RefCell<Vec<Option<Value>>>,
    numactive: Cell<usize>,
    fillvalue: Value,
}

impl NativeData for ZipLongest {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self;
        s.its.borrow().iter().flatten().for_each(|v| visit(v));
        visit(&s.fillvalue);
    }
}

fn zip_longest_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "zip_longest")?;
    let fillvalue = args.take_kw("fillvalue").unwrap_or(Value::None);
    if !args.kw.is_empty() {
        return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
    }
    let mut its = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        its.push(Some(vm.iter(a)?));
    }
    let n = its.len();
    Ok(nt::alloc(
        vm,
        &cls,
        ZipLongest {
            its: RefCell::new(its),
            numactive: Cell::new(n),
            fillvalue,
        },
    ))
}

fn zip_longest_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this::<ZipLongest>(vm, &args, "zip_longest")?;
    let n = z.its.borrow().len();
    if n == 0 || z.numactive.get() == 0 {
        return Err(vm.stop_iteration());
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let it = z.its.borrow().get(i).cloned().flatten();
        let item = match it {
            None => z.fillvalue.clone(),
            Some(it) => match vm.next(&it)? {
                Some(v) => v,
                None => {
                    z.numactive.set(z.numactive.get().saturating_sub(1));
                    if z.numactive.get() == 0 {
                        return Err(vm.stop_iteration());
                    }
                    let old = z.its.borrow_mut().get_mut(i).and_then(|s| s.take());
                    drop(old);
                    z.fillvalue.clone()
                }
            },
        };
        out.push(item);
    }
    Ok(vm.new_tuple(out))
}
