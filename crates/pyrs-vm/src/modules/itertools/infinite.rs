//! `itertools.count`, `cycle` and `repeat`: the infinite iterators (CPython:
//! `Modules/itertoolsmodule.c` count_*, cycle_*, repeat_*).

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
        "count",
        COUNT_DOC,
        count_new,
        count_next,
        &[("__repr__", count_repr)],
    );
    iter_type(vm, d, "cycle", CYCLE_DOC, cycle_new, cycle_next, &[]);
    iter_type(
        vm,
        d,
        "repeat",
        REPEAT_DOC,
        repeat_new,
        repeat_next,
        &[
            ("__repr__", repeat_repr),
            ("__length_hint__", repeat_length_hint),
        ],
    );
}

const COUNT_DOC: &str = "Return a count object whose .__next__() method returns consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n            yield x\n            x += step";
const CYCLE_DOC: &str = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.";
const REPEAT_DOC: &str = "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.";

/// `PyNumber_Check`: an int, float or complex, or a class with `__index__`, `__int__`
/// or `__float__`.
pub(super) fn is_number(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
        Value::None => false,
        Value::Obj(o) => {
            if matches!(
                o.payload,
                Payload::Int(_) | Payload::Float(_) | Payload::Complex(..)
            ) {
                return true;
            }
            let t = o.ty.clone();
            ["__index__", "__int__", "__float__"]
                .iter()
                .any(|n| crate::object::protocol::heap_dunder(vm, &t, n).is_some())
        }
    }
}

// ---- count ----------------------------------------------------------------------------

struct Count {
    /// The next value to return.
    cnt: RefCell<Value>,
    step: Value,
}

impl NativeData for Count {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cnt.borrow());
        visit(&self.step);
    }
}

fn count_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "count")?;
    let [start, step] = nt::clinic(vm, args, "count", ["start", "step"], 0, 2)?;
    let start = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(nt::alloc(
        vm,
        &cls,
        Count {
            cnt: RefCell::new(start),
            step,
        },
    ))
}

fn count_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Count>(vm, &args, "count")?;
    let cur = c.cnt.borrow().clone();
    let next = match (&cur, &c.step) {
        (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
            Some(n) => Value::Int(n),
            None => crate::object::ops::binary_op(vm, &cur, &c.step.clone(), 0)?,
        },
        _ => {
            let step = c.step.clone();
            crate::object::ops::binary_op(vm, &cur, &step, 0)?
        }
    };
    *c.cnt.borrow_mut() = next;
    Ok(cur)
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Count>(vm, &args, "count")?;
    let name = nt::type_name(vm, &args.pos[0]);
    let cur = c.cnt.borrow().clone();
    let step = c.step.clone();
    let start = vm.repr(&cur)?;
    // The step shows unless it is the int 1 (`PyLong_Check(step) && step == 1`).
    let one = matches!(step, Value::Int(1) | Value::Bool(true));
    let s = if one {
        format!("{name}({start})")
    } else {
        let st = vm.repr(&step)?;
        format!("{name}({start}, {st})")
    };
    Ok(vm.new_str(&s))
}

// ---- cycle ----------------------------------------------------------------------------

struct Cycle {
    /// The source iterator, until it is exhausted.
    it: RefCell<Option<Value>>,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

impl NativeData for Cycle {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(it) = &*self.it.borrow() {
            visit(it);
        }
        self.saved.borrow().iter().for_each(|v| visit(v));
    }
}

fn cycle_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "cycle")?;
    nt::positional(vm, &args, "cycle", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    Ok(nt::alloc(
        vm,
        &cls,
        Cycle {
            it: RefCell::new(Some(it)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
    ))
}

fn cycle_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this::<Cycle>(vm, &args, "cycle")?;
    let it = c.it.borrow().clone();
    if let Some(it) = it {
        match vm.next(&it)? {
            Some(v) => {
                c.saved.borrow_mut().push(v.clone());
                return Ok(v);
            }
            None => {
                let old = c.it.borrow_mut().take();
                drop(old);
            }
        }
    }
    let saved = c.saved.borrow();
    if saved.is_empty() {
        drop(saved);
        return Err(vm.stop_iteration());
    }
    let i = c.index.get() % saved.len();
    let v = saved[i].clone();
    c.index.set((i + 1) % saved.len());
    Ok(v)
}

// ---- repeat ---------------------------------------------------------------------------

struct Repeat {
    element: Value,
    /// Remaining repetitions; `None` forever.
    cnt: Cell<Option<i64>>,
}

impl NativeData for Repeat {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.element);
    }
}

fn repeat_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "repeat")?;
    let [element, times] = nt::clinic(vm, args, "repeat", ["object", "times"], 1, 2)?;
    let cnt = match times {
        None => None,
        Some(t) => {
            let n = vm.index_value(&t, "'{}' object cannot be interpreted as an integer")?;
            Some(n.max(0))
        }
    };
    Ok(nt::alloc(
        vm,
        &cls,
        Repeat {
            element: element.unwrap_or(Value::None),
            cnt: Cell::new(cnt),
        },
    ))
}

fn repeat_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this::<Repeat>(vm, &args, "repeat")?;
    match r.cnt.get() {
        Some(0) => Err(vm.stop_iteration()),
        Some(n) => {
            r.cnt.set(Some(n - 1));
            Ok(r.element.clone())
        }
        None => Ok(r.element.clone()),
    }
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this::<Repeat>(vm, &args, "repeat")?;
    let name = nt::type_name(vm, &args.pos[0]);
    let (el, cnt) = (r.element.clone(), r.cnt.get());
    let e = vm.repr(&el)?;
    let s = match cnt {
        None => format!("{name}({e})"),
        Some(n) => format!("{name}({e}, {n})"),
    };
    Ok(vm.new_str(&s))
}

fn repeat_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this::<Repeat>(vm, &args, "repeat")?;
    match r.cnt.get() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}
