//! `itertools.tee` and its `_tee` iterators (CPython: `Modules/itertoolsmodule.c`
//! teedataobject_*, tee_*).
//!
//! The copies of one `tee` share a chain of [`TeeData`] links of up to [`LINKCELLS`]
//! values each; a link is freed when the slowest copy has left it (Rust `Rc` counts
//! play CPython's reference counts on `teedataobject`s, which pyrs does not expose as
//! Python objects).

use super::this;
use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const LINKCELLS: usize = 57;

const TEE_DOC: &str = "Iterator wrapped to make it copyable.";

pub fn install(vm: &mut Vm, d: &PyRef) {
    let methods: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("__iter__", super::iter_self),
        ("__next__", tee_next),
        ("__copy__", tee_copy),
    ];
    let mut spec = nt::Spec::new("_tee", "itertools");
    spec.doc = Some(TEE_DOC);
    spec.new = Some(tee_new);
    spec.methods = methods;
    spec.subclassable = false;
    let ty = nt::new_type(vm, &spec);
    crate::import::dict_set(vm, d, "_tee", Value::Obj(ty.clone()));
    let st = nt::types_state(vm, "itertools", vec![ty]);
    nt::add_state_functions(vm, d, &st, &[("tee", tee)]);
}

/// One link of the shared buffer.
struct TeeData {
    /// The source iterator (shared by all links).
    it: Value,
    values: RefCell<Vec<Value>>,
    /// A copy is pulling from `it`: a second pull would re-enter.
    running: Cell<bool>,
    next: RefCell<Option<Rc<TeeData>>>,
}

impl TeeData {
    fn new(it: Value) -> Rc<TeeData> {
        Rc::new(TeeData {
            it,
            values: RefCell::new(Vec::new()),
            running: Cell::new(false),
            next: RefCell::new(None),
        })
    }
}

/// Links are freed one after the other, not recursively (a copy left far behind would
/// otherwise free a long chain on the Rust stack).
impl Drop for TeeData {
    fn drop(&mut self) {
        let mut next = self.next.get_mut().take();
        while let Some(link) = next {
            match Rc::try_unwrap(link) {
                Ok(mut l) => next = l.next.get_mut().take(),
                Err(_) => break,
            }
        }
    }
}

struct Tee {
    data: RefCell<Rc<TeeData>>,
    index: Cell<usize>,
}

impl NativeData for Tee {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Only the values this copy can still reach; the chain is not a Python object.
        let mut link = Some(self.data.borrow().clone());
        while let Some(l) = link {
            visit(&l.it);
            l.values.borrow().iter().for_each(|v| visit(v));
            link = l.next.borrow().clone();
        }
    }
}

fn new_tee(vm: &mut Vm, ty: &PyRef, data: Rc<TeeData>, index: usize) -> Value {
    nt::alloc(
        vm,
        ty,
        Tee {
            data: RefCell::new(data),
            index: Cell::new(index),
        },
    )
}

/// `tee_fromiterable`: a `_tee` over `it` (a copy when `it` is a `_tee` already).
fn from_iterable(vm: &mut Vm, ty: &PyRef, iterable: &Value) -> PyResult<Value> {
    let it = vm.iter(iterable)?;
    if let Some(t) = nt::state::<Tee>(&it) {
        let (d, i) = (t.data.borrow().clone(), t.index.get());
        return Ok(new_tee(vm, ty, d, i));
    }
    Ok(new_tee(vm, ty, TeeData::new(it), 0))
}

fn tee_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "_tee")?;
    let [iterable] = nt::clinic(vm, args, "_tee", ["iterable"], 1, 1)?;
    from_iterable(vm, &cls, &iterable.unwrap_or(Value::None))
}

fn tee_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this::<Tee>(vm, &args, "_tee")?;
    if t.index.get() >= LINKCELLS {
        let cur = t.data.borrow().clone();
        let next = cur.next.borrow().clone();
        let link = match next {
            Some(l) => l,
            None => {
                let l = TeeData::new(cur.it.clone());
                *cur.next.borrow_mut() = Some(l.clone());
                l
            }
        };
        let old = std::mem::replace(&mut *t.data.borrow_mut(), link);
        drop(old);
        t.index.set(0);
    }
    let data = t.data.borrow().clone();
    let i = t.index.get();
    if let Some(v) = data.values.borrow().get(i).cloned() {
        t.index.set(i + 1);
        return Ok(v);
    }
    if data.running.get() {
        return Err(vm.runtime_error("cannot re-enter the tee iterator"));
    }
    data.running.set(true);
    let r = vm.next(&data.it);
    data.running.set(false);
    let Some(v) = r? else {
        return Err(vm.stop_iteration());
    };
    data.values.borrow_mut().push(v.clone());
    t.index.set(i + 1);
    Ok(v)
}

fn tee_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = nt::this::<Tee>(vm, &args, "__copy__", "_tee")?;
    let (d, i) = (t.data.borrow().clone(), t.index.get());
    let ty = vm.type_of(&args.pos[0]).clone();
    Ok(new_tee(vm, &ty, d, i))
}

/// `tee(iterable, n=2, /)`; bound to the `_tee` type.
fn tee(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let ty = nt::take_state_type(vm, &mut args, 0)?;
    nt::positional(vm, &args, "tee", 1, 2)?;
    let n = match args.pos.get(1) {
        Some(v) => {
            let v = v.clone();
            vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?
        }
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.new_tuple(vec![]));
    }
    let it = vm.iter(&args.pos[0])?;
    let (copyable, copyfunc) = match nt::getattr_opt(vm, &it, "__copy__")? {
        Some(f) => (it, f),
        None => {
            let c = from_iterable(vm, &ty, &it)?;
            let f = nt::getattr(vm, &c, "__copy__")?;
            (c, f)
        }
    };
    let mut out = Vec::new();
    if out.try_reserve_exact(n as usize).is_err() {
        let t = vm.types.memory_error.clone();
        return Err(vm.new_error(&t, ""));
    }
    out.push(copyable);
    for _ in 1..n {
        out.push(vm.call(&copyfunc, vec![])?);
    }
    Ok(vm.new_tuple(out))
}
