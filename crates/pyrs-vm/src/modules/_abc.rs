//! The `_abc` module: the native half of `abc.ABCMeta` — abstract-method sets, the
//! virtual-subclass registry, and the positive/negative subclass caches with the global
//! invalidation counter (CPython: `Modules/_abc.c`).
//!
//! Each ABC's state is an `_abc._abc_data` object in the class's `_abc_impl`.
//!
//! Difference from CPython (docs/differences.md): CPython keeps the registry and the
//! caches in sets of weak references, so a registered or cached class can die. pyrs has
//! no weak references yet: [`IdSet`] holds strong references, keyed by identity. It is
//! the one container to change when weak references arrive (its `traverse` lists them).
//! `__subclasses__()` is not available on pyrs's types yet either (it needs weak
//! references too): each `_abc_data` also records the ABCs made with it as a base
//! (`_abc_init` sees every one, as every subclass of an ABC is made by `ABCMeta`), and the
//! subclass step of `_abc_subclasscheck` walks that list when the class has no
//! `__subclasses__`.

use super::native_type::{self as nt, NativeData};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

const DOC: &str = "Module contains faster C implementation of abc.ABCMeta";

/// A set of objects by identity, in insertion order. Holds strong references (see the
/// module comment).
#[derive(Default)]
struct IdSet {
    items: Vec<PyRef>,
    ids: HashSet<usize>,
}

impl IdSet {
    fn contains(&self, o: &PyRef) -> bool {
        self.ids.contains(&o.id())
    }
    fn add(&mut self, o: &PyRef) {
        if self.ids.insert(o.id()) {
            self.items.push(o.clone());
        }
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for o in &self.items {
            visit(&Value::Obj(o.clone()));
        }
    }
}

/// `_abc_data`: one ABC's registry and caches.
struct AbcData {
    registry: RefCell<IdSet>,
    cache: RefCell<IdSet>,
    negative_cache: RefCell<IdSet>,
    negative_cache_version: Cell<u64>,
    /// The ABCs made with this one as a direct base (stands in for `__subclasses__`).
    subclasses: RefCell<IdSet>,
}

impl NativeData for AbcData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.registry.borrow().traverse(visit);
        self.cache.borrow().traverse(visit);
        self.negative_cache.borrow().traverse(visit);
        self.subclasses.borrow().traverse(visit);
    }
}

/// The module state: the `_abc_data` type and the invalidation counter (shared by the
/// functions, which are bound to it).
struct AbcState {
    data_type: PyRef,
    counter: Rc<Cell<u64>>,
}

impl NativeData for AbcState {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.data_type.clone()));
    }
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_abc", DOC);
    let mut spec = nt::Spec::new("_abc_data", "_abc");
    spec.doc = Some("Internal state held by ABC machinery.");
    spec.subclassable = false;
    let data_type = nt::new_type(vm, &spec);
    let state_ty = nt::new_type(vm, &{
        let mut s = nt::Spec::new("_abc_state", "_abc");
        s.subclassable = false;
        s
    });
    let state = nt::alloc(
        vm,
        &state_ty,
        AbcState {
            data_type,
            counter: Rc::new(Cell::new(0)),
        },
    );
    let fns: &[(&'static str, NativeFn)] = &[
        ("get_cache_token", get_cache_token),
        ("_abc_init", abc_init),
        ("_abc_register", abc_register),
        ("_abc_instancecheck", abc_instancecheck),
        ("_abc_subclasscheck", abc_subclasscheck),
        ("_get_dump", get_dump),
        ("_reset_registry", reset_registry),
        ("_reset_caches", reset_caches),
    ];
    nt::add_state_functions(vm, &d, &state, fns);
    Ok(m)
}

/// The module state (`args.pos[0]`, the bound self) and the remaining arguments.
fn split(vm: &mut Vm, mut args: Args, fname: &str, n: usize) -> PyResult<(Value, Vec<Value>)> {
    let st = if args.pos.is_empty() {
        Value::None
    } else {
        args.pos.remove(0)
    };
    args.check(vm, fname, n, n)?;
    Ok((st, args.pos.to_vec()))
}

fn counter(st: &Value) -> Rc<Cell<u64>> {
    match nt::state::<AbcState>(st) {
        Some(s) => s.counter.clone(),
        None => Rc::new(Cell::new(0)),
    }
}

fn get_cache_token(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (st, _) = split(vm, args, "get_cache_token", 0)?;
    Ok(Value::Int(counter(&st).get() as i64))
}

/// `_get_impl`: `self._abc_impl`, which must be an `_abc_data`.
fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let v = nt::getattr(vm, cls, "_abc_impl")?;
    if nt::state::<AbcData>(&v).is_none() {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(v)
}

/// The state of an `_abc_data` value that `impl_of` returned.
fn data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a AbcData> {
    match nt::state::<AbcData>(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("_abc_impl is set to a wrong type")),
    }
}

fn is_type(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Type(_)))
}

/// `_PyObject_IsAbstract`: `getattr(obj, "__isabstractmethod__", False)` is true.
fn is_abstract(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match nt::getattr_opt(vm, v, "__isabstractmethod__")? {
        Some(r) => vm.truthy(&r),
        None => Ok(false),
    }
}

/// `compute_abstract_methods`: `cls.__abstractmethods__`.
fn compute_abstract_methods(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    let mut abstracts: Vec<Value> = Vec::new();
    // Stage 1: direct abstract methods (the namespace is the class `__dict__`).
    let ns = nt::getattr(vm, cls, "__dict__")?;
    let items = vm.call_method(&ns, "items", vec![])?;
    for item in vm.collect(&items)? {
        let Some(kv) = item.as_tuple().filter(|t| t.len() == 2).map(|t| t.to_vec()) else {
            return Err(vm.type_error("items() returned item which is not a 2-tuple"));
        };
        if is_abstract(vm, &kv[1])? {
            abstracts.push(kv[0].clone());
        }
    }
    // Stage 2: inherited abstract methods that are still abstract.
    let bases = nt::getattr(vm, cls, "__bases__")?;
    let Some(bases) = bases.as_tuple().map(|t| t.to_vec()) else {
        return Err(vm.type_error("__bases__ is not tuple"));
    };
    for base in bases {
        let Some(base_abstracts) = nt::getattr_opt(vm, &base, "__abstractmethods__")? else {
            continue;
        };
        for key in vm.collect(&base_abstracts)? {
            let Some(name) = key.as_str().map(|s| s.as_rust().into_owned()) else {
                let n = vm.intern("?");
                return Err(crate::object::attr::attribute_error(vm, cls, &n));
            };
            let Some(value) = nt::getattr_opt(vm, cls, &name)? else {
                continue;
            };
            if is_abstract(vm, &value)? {
                abstracts.push(key);
            }
        }
    }
    let fs_ty = vm.types.frozenset.clone();
    let fs = crate::types::set::build(vm, &fs_ty, abstracts)?;
    nt::setattr(vm, cls, "__abstractmethods__", fs)
}

fn abc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (st, a) = split(vm, args, "_abc_init", 1)?;
    let cls = &a[0];
    compute_abstract_methods(vm, cls)?;
    let (data_type, ctr) = match nt::state::<AbcState>(&st) {
        Some(s) => (s.data_type.clone(), s.counter.clone()),
        None => return Err(vm.system_error("_abc_init: module state missing")),
    };
    let impl_ = nt::alloc(
        vm,
        &data_type,
        AbcData {
            registry: Default::default(),
            cache: Default::default(),
            negative_cache: Default::default(),
            negative_cache_version: Cell::new(ctr.get()),
            subclasses: Default::default(),
        },
    );
    nt::setattr(vm, cls, "_abc_impl", impl_)?;
    if let Some(c) = cls.as_obj().filter(|_| is_type(cls)) {
        // `__abc_tpflags__` (collections.abc's Sequence/Mapping flags for pattern
        // matching) is consumed: CPython moves it into tp_flags and deletes it.
        let td = crate::object::typeobj::tdata(c);
        if let Some(d) = td.dict.get().cloned() {
            let k = vm.new_str("__abc_tpflags__");
            crate::types::dict::del_item(vm, &d, &k)?;
        }
        // Record the class with the ABCs it derives from directly (module comment).
        for base in td.bases().to_vec() {
            if let Some(bd) = crate::object::typeobj::tdata(&base).dict.get().cloned() {
                let k = vm.intern("_abc_impl");
                let h = crate::object::attr::hash_of(vm, &k);
                let own = crate::types::dict::dict_get_str(&bd, crate::object::attr::pystr(&k), h);
                if let Some(bi) = own.filter(|v| nt::state::<AbcData>(v).is_some()) {
                    data(vm, &bi)?.subclasses.borrow_mut().add(c);
                }
            }
        }
    }
    Ok(Value::None)
}

fn abc_register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (st, a) = split(vm, args, "_abc_register", 2)?;
    let (cls, subclass) = (&a[0], &a[1]);
    if !is_type(subclass) {
        return Err(vm.type_error("Can only register classes"));
    }
    if crate::builtins::attrs::subclass_check(vm, subclass, cls)? {
        return Ok(subclass.clone());
    }
    // Test for cycles after "already a subclass", so X.register(X) is a no-op.
    if crate::builtins::attrs::subclass_check(vm, cls, subclass)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let imp = impl_of(vm, cls)?;
    if let Some(s) = subclass.as_obj() {
        data(vm, &imp)?.registry.borrow_mut().add(s);
    }
    let c = counter(&st);
    c.set(c.get() + 1);
    Ok(subclass.clone())
}

fn abc_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (st, a) = split(vm, args, "_abc_instancecheck", 2)?;
    let (cls, instance) = (&a[0], &a[1]);
    let imp = impl_of(vm, cls)?;
    let subclass = nt::getattr(vm, instance, "__class__")?;
    if let Some(s) = subclass.as_obj() {
        if data(vm, &imp)?.cache.borrow().contains(s) {
            return Ok(Value::Bool(true));
        }
    }
    let subtype = Value::Obj(vm.type_of(instance).clone());
    if subtype.is(&subclass) {
        let d = data(vm, &imp)?;
        if d.negative_cache_version.get() == counter(&st).get() {
            if let Some(s) = subclass.as_obj() {
                if d.negative_cache.borrow().contains(s) {
                    return Ok(Value::Bool(false));
                }
            }
        }
        return vm.call_method(cls, "__subclasscheck__", vec![subclass]);
    }
    let r = vm.call_method(cls, "__subclasscheck__", vec![subclass])?;
    if vm.truthy(&r)? {
        return Ok(r);
    }
    vm.call_method(cls, "__subclasscheck__", vec![subtype])
}

fn abc_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (st, a) = split(vm, args, "_abc_subclasscheck", 2)?;
    let (cls, subclass) = (&a[0], &a[1]);
    let Some(sub) = subclass.as_obj().filter(|_| is_type(subclass)).cloned() else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let imp = impl_of(vm, cls)?;
    // 1. The positive cache.
    if data(vm, &imp)?.cache.borrow().contains(&sub) {
        return Ok(Value::Bool(true));
    }
    // 2. The negative cache, dropped when a registration happened since it was filled.
    let now = counter(&st).get();
    {
        let d = data(vm, &imp)?;
        if d.negative_cache_version.get() < now {
            let old = std::mem::take(&mut *d.negative_cache.borrow_mut());
            drop(old);
            d.negative_cache_version.set(now);
        } else if d.negative_cache.borrow().contains(&sub) {
            return Ok(Value::Bool(false));
        }
    }
    // 3. The subclass hook.
    let ok = vm.call_method(cls, "__subclasshook__", vec![subclass.clone()])?;
    match ok {
        Value::Bool(true) => {
            data(vm, &imp)?.cache.borrow_mut().add(&sub);
            return Ok(Value::Bool(true));
        }
        Value::Bool(false) => {
            data(vm, &imp)?.negative_cache.borrow_mut().add(&sub);
            return Ok(Value::Bool(false));
        }
        _ if vm.is_not_implemented(&ok) => {}
        _ => {
            let t = vm.types.assertion_error.clone();
            return Err(vm.new_error(
                &t,
                "__subclasshook__ must return either False, True, or NotImplemented",
            ));
        }
    }
    // 4. A direct subclass (cls in the MRO).
    if let Some(c) = cls.as_obj() {
        if crate::object::typeobj::full_mro(&sub)
            .iter()
            .any(|t| t.is(c))
        {
            data(vm, &imp)?.cache.borrow_mut().add(&sub);
            return Ok(Value::Bool(true));
        }
    }
    // 5. A subclass of a registered class (recursive). A registered class itself answers
    // without being cached (`subclasscheck_check_registry`'s fast path). A copy: the
    // check may register.
    if data(vm, &imp)?.registry.borrow().contains(&sub) {
        return Ok(Value::Bool(true));
    }
    let registry = data(vm, &imp)?.registry.borrow().items.clone();
    for r in registry {
        if crate::builtins::attrs::subclass_check(vm, subclass, &Value::Obj(r))? {
            data(vm, &imp)?.cache.borrow_mut().add(&sub);
            return Ok(Value::Bool(true));
        }
    }
    // 6. A subclass of a subclass (recursive).
    let subclasses = match nt::getattr_opt(vm, cls, "__subclasses__")? {
        Some(f) => {
            let l = vm.call(&f, vec![])?;
            match l.payload() {
                Some(Payload::List(items)) => items.borrow().clone(),
                _ => return Err(vm.type_error("__subclasses__() must return a list")),
            }
        }
        None => data(vm, &imp)?
            .subclasses
            .borrow()
            .items
            .iter()
            .map(|c| Value::Obj(c.clone()))
            .collect(),
    };
    for s in subclasses {
        if crate::builtins::attrs::subclass_check(vm, subclass, &s)? {
            data(vm, &imp)?.cache.borrow_mut().add(&sub);
            return Ok(Value::Bool(true));
        }
    }
    // 7. No dice.
    data(vm, &imp)?.negative_cache.borrow_mut().add(&sub);
    Ok(Value::Bool(false))
}

fn set_of(vm: &mut Vm, s: &RefCell<IdSet>) -> PyResult<Value> {
    let items: Vec<Value> = s
        .borrow()
        .items
        .iter()
        .map(|c| Value::Obj(c.clone()))
        .collect();
    let ty = vm.types.set.clone();
    crate::types::set::build(vm, &ty, items)
}

/// `_get_dump(cls)`: (registry, cache, negative cache, negative cache version). CPython's
/// sets hold weak references to the classes; pyrs's hold the classes.
fn get_dump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, a) = split(vm, args, "_get_dump", 1)?;
    let imp = impl_of(vm, &a[0])?;
    let d = data(vm, &imp)?;
    let r = set_of(vm, &d.registry)?;
    let c = set_of(vm, &d.cache)?;
    let n = set_of(vm, &d.negative_cache)?;
    let v = Value::Int(d.negative_cache_version.get() as i64);
    Ok(vm.new_tuple(vec![r, c, n, v]))
}

fn reset_registry(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, a) = split(vm, args, "_reset_registry", 1)?;
    let imp = impl_of(vm, &a[0])?;
    let old = std::mem::take(&mut *data(vm, &imp)?.registry.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn reset_caches(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, a) = split(vm, args, "_reset_caches", 1)?;
    let imp = impl_of(vm, &a[0])?;
    let d = data(vm, &imp)?;
    let old = std::mem::take(&mut *d.cache.borrow_mut());
    drop(old);
    let old = std::mem::take(&mut *d.negative_cache.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `object_new`'s refusal of an abstract class: CPython sets `Py_TPFLAGS_IS_ABSTRACT`
/// when a non-empty `__abstractmethods__` is assigned to the type itself (`_abc_init`
/// does), and `object.__new__` raises for such a type. pyrs reads the type's own dict.
pub fn check_abstract(vm: &mut Vm, cls: &PyRef) -> PyResult<()> {
    let td = crate::object::typeobj::tdata(cls);
    let Some(d) = td.dict.get().cloned() else {
        return Ok(());
    };
    let k = vm.intern("__abstractmethods__");
    let h = crate::object::attr::hash_of(vm, &k);
    let Some(am) = crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&k), h) else {
        return Ok(());
    };
    if !vm.truthy(&am)? {
        return Ok(());
    }
    let mut names = Vec::new();
    for n in vm.collect(&am)? {
        names.push(vm.str_string(&n)?);
    }
    names.sort();
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        td.name(),
        if names.len() > 1 { "s" } else { "" },
        names.join(", ")
    )))
}
