//! The `_weakref` module: weak references (`ref`, with callbacks), proxies
//! (`proxy`: `ProxyType`, `CallableProxyType`), `getweakrefcount`, `getweakrefs`,
//! `_remove_dead_weakref` (CPython: `Objects/weakrefobject.c`, `Modules/_weakref.c`).
//!
//! The referent is held by a `refcount::WeakSlot`, which owns no count and which
//! `object/refcount.rs` clears before the referent's box is freed; the weakref object
//! is then queued on the pending-finalizer list and `crate::finalize` calls
//! [`run_callback`] at the next instruction boundary (CPython calls callbacks inside the
//! deallocation; the order — most recent weak reference first — is CPython's).
//!
//! Instances hold `WeakRefData` in a native type's payload (`modules/native_type.rs`);
//! the proxies' special methods forward to the referent and raise
//! `ReferenceError: weakly-referenced object no longer exists` once it is gone.

use super::native_type::{self, NativeData, Spec};
use crate::object::refcount::WeakSlot;
use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::Cell;
use std::rc::Rc;

/// The state of a weak reference or proxy. Field order matters: the slot is dropped
/// before the callback, so a referent that the callback alone kept alive dies after the
/// slot is gone and does not queue this (dying) weakref object.
pub struct WeakRefData {
    slot: Rc<WeakSlot>,
    callback: Value,
    hash: Cell<Option<i64>>,
}

impl NativeData for WeakRefData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.callback);
    }
}

const DOC: &str = "Weak-reference support module.";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_weakref", DOC);
    let (r, p, cp) = weak_types(vm);
    crate::import::dict_set(vm, &d, "ref", Value::Obj(r.clone()));
    crate::import::dict_set(vm, &d, "ReferenceType", Value::Obj(r));
    crate::import::dict_set(vm, &d, "ProxyType", Value::Obj(p));
    crate::import::dict_set(vm, &d, "CallableProxyType", Value::Obj(cp));
    super::add_functions(
        vm,
        &d,
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("proxy", proxy),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    Ok(m)
}

/// `ReferenceType`, `ProxyType`, `CallableProxyType`: made once, at interpreter start
/// (`types::install_methods` keeps them in `Types`), so `ref`, `proxy` and re-imports of
/// the module agree on them.
pub fn make_types(vm: &mut Vm) -> (PyRef, PyRef, PyRef) {
    let r = native_type::new_type(
        vm,
        &Spec {
            new: Some(ref_new),
            methods: REF_METHODS,
            classmethods: &[("__class_getitem__", class_getitem)],
            ..Spec::new("ReferenceType", "weakref")
        },
    );
    install_callback_property(vm, &r);
    let p = native_type::new_type(
        vm,
        &Spec {
            methods: PROXY_METHODS,
            subclassable: false,
            ..Spec::new("ProxyType", "weakref")
        },
    );
    let mut callable: Vec<(&'static str, NativeFn)> = PROXY_METHODS.to_vec();
    callable.push(("__call__", proxy_call));
    let cp = native_type::new_type(
        vm,
        &Spec {
            methods: &callable,
            subclassable: false,
            ..Spec::new("CallableProxyType", "weakref")
        },
    );
    for t in [&p, &cp] {
        // Every attribute access goes to the referent (`proxy_getattr`).
        tdata(t).has_getattribute.set(true);
    }
    (r, p, cp)
}

fn weak_types(vm: &Vm) -> (PyRef, PyRef, PyRef) {
    let t = &vm.types;
    (
        t.weakref.clone(),
        t.weakproxy.clone(),
        t.weakcallableproxy.clone(),
    )
}

fn method(vm: &mut Vm, owner: &PyRef, name: &'static str, f: NativeFn) -> Value {
    let ty = vm.types.method_descriptor.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::Builtin(Box::new(crate::types::function::BuiltinData {
            name,
            func: f,
            self_: None,
            is_method: true,
            owner: Some(owner.clone()),
            fast: None,
        })),
    ))
}

/// CPython's `PyType_SUPPORTS_WEAKREFS`: instances of classes, functions, types, modules,
/// sets, methods, generators, code objects, files and native types' objects.
fn weakrefable<'a>(vm: &Vm, v: &'a Value) -> Option<&'a PyRef> {
    let o = v.as_obj()?;
    if tdata(&o.ty).heap || crate::types::exception_group::is_exception_group(vm, v) {
        return Some(o);
    }
    match &o.payload {
        Payload::Type(_)
        | Payload::Function(_)
        | Payload::Builtin(_)
        | Payload::BoundMethod(_)
        | Payload::Module(_)
        | Payload::Set(_)
        | Payload::Code(_)
        | Payload::Generator(_)
        | Payload::Native(_) => Some(o),
        _ => None,
    }
}

fn not_weakrefable(vm: &mut Vm, v: &Value) -> PyErr {
    let t = vm.type_name(v);
    vm.type_error(format!("cannot create weak reference to '{t}' object"))
}

fn data(v: &Value) -> Option<&WeakRefData> {
    native_type::state::<WeakRefData>(v)
}

/// A new weak reference object of type `cls` to `target`.
fn make(vm: &mut Vm, cls: &PyRef, target: &PyRef, callback: Value) -> Value {
    let slot = WeakSlot::new(target);
    let payload = Payload::Native(Box::new(WeakRefData {
        slot: slot.clone(),
        callback,
        hash: Cell::new(None),
    }));
    // A subclass (`weakref.KeyedRef` with `__slots__ = "key",`) gets its slot storage or
    // `__dict__`; the module's own types have neither.
    let own = [
        &vm.types.weakref,
        &vm.types.weakproxy,
        &vm.types.weakcallableproxy,
    ];
    let w = if own.iter().any(|t| t.is(cls)) {
        Value::Obj(vm.alloc(cls, payload))
    } else {
        Value::Obj(vm.alloc_instance(cls, payload))
    };
    if let Value::Obj(o) = &w {
        slot.set_weakref(o);
    }
    w
}

/// `ref(obj, callback=None)`: a basic reference without callback is shared (CPython
/// returns the existing one: `ref(x) is ref(x)`).
fn ref_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = native_type::take_cls(vm, &mut args, "ReferenceType")?;
    args.no_kw(vm, "ref")?;
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let target = args.pos[0].clone();
    let callback = args.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(t) = weakrefable(vm, &target).cloned() else {
        return Err(not_weakrefable(vm, &target));
    };
    let (ref_ty, _, _) = weak_types(vm);
    if matches!(callback, Value::None) && cls.is(&ref_ty) {
        for s in crate::object::refcount::weak_slots(&t) {
            if let Some(w) = crate::object::refcount::slot_weakref(&s) {
                let shared = w.ty.is(&ref_ty)
                    && data(&Value::Obj(w.clone()))
                        .is_some_and(|d| matches!(d.callback, Value::None));
                if shared {
                    return Ok(Value::Obj(w));
                }
            }
        }
    }
    Ok(make(vm, &cls, &t, callback))
}

/// `ref.__init__`: accepts what `__new__` accepted.
fn ref_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<(Value, Option<PyRef>)> {
    let Some(w) = args.pos.first().cloned() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    match data(&w) {
        Some(d) => {
            let t = d.slot.get();
            Ok((w, t))
        }
        None => {
            let t = vm.type_name(&w);
            Err(vm.type_error(format!(
                "descriptor requires a 'weakref.ReferenceType' object but received a '{t}'"
            )))
        }
    }
}

/// `r()`: the referent, or None once it is gone.
fn ref_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, t) = this(vm, &args)?;
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "weakref() takes no arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    Ok(t.map_or(Value::None, Value::Obj))
}

fn ref_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (w, _) = this(vm, &args)?;
    Ok(data(&w).map_or(Value::None, |d| d.callback.clone()))
}

/// `hash(r)`: the referent's hash, kept once computed; TypeError once dead if never taken.
fn ref_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (w, t) = this(vm, &args)?;
    let Some(d) = data(&w) else {
        return Ok(Value::None);
    };
    if let Some(h) = d.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(t) = t else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&Value::Obj(t))?;
    if let Some(d) = data(&w) {
        d.hash.set(Some(h));
    }
    Ok(Value::Int(h))
}

/// `r1 == r2`: the referents compared when both are alive, else identity.
fn ref_compare(vm: &mut Vm, args: Args, eq: bool) -> PyResult<Value> {
    let (w, t) = this(vm, &args)?;
    let Some(other) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    let Some(od) = data(&other) else {
        return Ok(vm.not_implemented());
    };
    let ot = od.slot.get();
    let r = match (t, ot) {
        (Some(a), Some(b)) => vm.eq(&Value::Obj(a), &Value::Obj(b))?,
        _ => w.is(&other),
    };
    Ok(Value::Bool(r == eq))
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ref_compare(vm, args, true)
}

fn ref_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ref_compare(vm, args, false)
}

fn ref_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (w, t) = this(vm, &args)?;
    let s = match t {
        None => format!("<weakref at {:#x}; dead>", w.id()),
        Some(t) => {
            let tv = Value::Obj(t.clone());
            let tn = vm.type_name(&tv);
            let name = native_type::getattr_opt(vm, &tv, "__name__")?;
            match name.filter(|n| n.as_str().is_some()) {
                Some(n) => {
                    let nr = vm.repr(&n)?;
                    format!(
                        "<weakref at {:#x}; to '{tn}' at {:#x} ({})>",
                        w.id(),
                        t.id(),
                        nr.trim_matches('\'')
                    )
                }
                None => format!("<weakref at {:#x}; to '{tn}' at {:#x}>", w.id(), t.id()),
            }
        }
    };
    Ok(vm.new_str(&s))
}

fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    native_type::class_getitem(vm, args)
}

const REF_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", ref_init),
    ("__call__", ref_call),
    ("__hash__", ref_hash),
    ("__eq__", ref_eq),
    ("__ne__", ref_ne),
    ("__repr__", ref_repr),
];

/// `r.__callback__`: an attribute (a property over `ref_callback`).
fn install_callback_property(vm: &mut Vm, ty: &PyRef) {
    let f = method(vm, ty, "__callback__", ref_callback);
    let pty = vm.types.property.clone();
    let p = vm.alloc(
        &pty,
        Payload::Property(crate::object::PropertyData::new([
            f,
            Value::None,
            Value::None,
        ])),
    );
    native_type::set_attr(vm, ty, "__callback__", Value::Obj(p));
}

/// `proxy(obj, callback=None)`: a `CallableProxyType` for a callable referent.
fn proxy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "proxy")?;
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "proxy expected at most 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let target = args.pos[0].clone();
    let callback = args.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(t) = weakrefable(vm, &target).cloned() else {
        return Err(not_weakrefable(vm, &target));
    };
    let (_, p, cp) = weak_types(vm);
    let callable = crate::builtins::attrs::callable(vm, Args::positional(vec![target.clone()]))?;
    let cls = if matches!(callable, Value::Bool(true)) {
        cp
    } else {
        p
    };
    Ok(make(vm, &cls, &t, callback))
}

/// The referent of a proxy (`args.pos[0]`), ReferenceError when it is gone.
fn referent(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = args.pos.first().and_then(|v| data(v));
    match d.and_then(|d| d.slot.get()) {
        Some(t) => Ok(Value::Obj(t)),
        None => {
            let ty = reference_error(vm);
            Err(vm.new_error(&ty, "weakly-referenced object no longer exists"))
        }
    }
}

fn reference_error(vm: &Vm) -> PyRef {
    vm.types
        .exception_names
        .iter()
        .find(|(n, _)| n == "ReferenceError")
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| vm.types.exception.clone())
}

/// The proxy's operand `i` unwrapped when it is itself a proxy (CPython's `UNWRAP`).
fn operand(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Value> {
    let v = args.pos.get(i).cloned().unwrap_or(Value::None);
    let (_, p, cp) = weak_types(vm);
    match v.as_obj() {
        Some(o) if o.ty.is(&p) || o.ty.is(&cp) => referent(vm, &Args::positional(vec![v])),
        _ => Ok(v),
    }
}

fn proxy_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let Some(Value::Obj(n)) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    crate::object::attr::getattr(vm, &t, &n)
}

fn proxy_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let Some(Value::Obj(n)) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let v = args.pos.get(2).cloned().unwrap_or(Value::None);
    crate::object::attr::setattr(vm, &t, &n, Some(v))?;
    Ok(Value::None)
}

fn proxy_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let Some(Value::Obj(n)) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    crate::object::attr::setattr(vm, &t, &n, None)?;
    Ok(Value::None)
}

fn proxy_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let w = args.pos.first().cloned().unwrap_or(Value::None);
    let t = data(&w).and_then(|d| d.slot.get());
    let s = match t {
        Some(t) => {
            let tn = vm.type_name(&Value::Obj(t.clone()));
            format!("<weakproxy at {:#x}; to '{tn}' at {:#x}>", w.id(), t.id())
        }
        None => format!("<weakproxy at {:#x}; dead>", w.id()),
    };
    Ok(vm.new_str(&s))
}

fn proxy_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    vm.str_value(&t)
}

fn proxy_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    vm.truthy(&t).map(Value::Bool)
}

fn proxy_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    vm.len(&t).map(|n| Value::Int(n as i64))
}

fn proxy_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    vm.iter(&t)
}

fn proxy_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    match vm.next(&t)? {
        Some(v) => Ok(v),
        None => Err(native_type::stop(vm)),
    }
}

fn proxy_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let k = operand(vm, &args, 1)?;
    crate::object::subscript::getitem(vm, &t, &k)
}

fn proxy_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let k = operand(vm, &args, 1)?;
    let v = operand(vm, &args, 2)?;
    crate::object::subscript::setitem(vm, &t, &k, Some(v))?;
    Ok(Value::None)
}

fn proxy_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let k = operand(vm, &args, 1)?;
    crate::object::subscript::setitem(vm, &t, &k, None)?;
    Ok(Value::None)
}

fn proxy_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let k = operand(vm, &args, 1)?;
    crate::object::ops::contains(vm, &t, &k).map(Value::Bool)
}

fn proxy_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let w = args.pos.first().cloned().unwrap_or(Value::None);
    let t = vm.type_name(&w);
    Err(vm.type_error(format!("unhashable type: '{t}'")))
}

fn proxy_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    args.pos.remove(0);
    vm.call_args(&t, args)
}

/// `proxy < other` ...: the referents compared (`op` as COMPARE_OP's).
fn proxy_compare(vm: &mut Vm, args: Args, op: u32) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let o = operand(vm, &args, 1)?;
    crate::object::ops::compare(vm, &t, &o, op)
}

/// `proxy + other` (`reflected`: `other + proxy`), the NB_* index `base`.
fn proxy_binary(vm: &mut Vm, args: Args, base: usize, reflected: bool) -> PyResult<Value> {
    let t = referent(vm, &args)?;
    let o = operand(vm, &args, 1)?;
    if reflected {
        crate::object::ops::binary_op(vm, &o, &t, base)
    } else {
        crate::object::ops::binary_op(vm, &t, &o, base)
    }
}

fn proxy_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, a, 0)
}
fn proxy_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, a, 1)
}
fn proxy_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, a, 2)
}
fn proxy_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, a, 3)
}
fn proxy_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, a, 4)
}
fn proxy_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, a, 5)
}
fn proxy_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_binary(vm, a, 0, false)
}
fn proxy_radd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_binary(vm, a, 0, true)
}
fn proxy_sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_binary(vm, a, 10, false)
}
fn proxy_rsub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_binary(vm, a, 10, true)
}
fn proxy_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_binary(vm, a, 5, false)
}
fn proxy_rmul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_binary(vm, a, 5, true)
}

const PROXY_METHODS: &[(&str, NativeFn)] = &[
    ("__getattribute__", proxy_getattribute),
    ("__setattr__", proxy_setattr),
    ("__delattr__", proxy_delattr),
    ("__repr__", proxy_repr),
    ("__str__", proxy_str),
    ("__bool__", proxy_bool),
    ("__len__", proxy_len),
    ("__iter__", proxy_iter),
    ("__next__", proxy_next),
    ("__getitem__", proxy_getitem),
    ("__setitem__", proxy_setitem),
    ("__delitem__", proxy_delitem),
    ("__contains__", proxy_contains),
    ("__hash__", proxy_hash),
    ("__lt__", proxy_lt),
    ("__le__", proxy_le),
    ("__eq__", proxy_eq),
    ("__ne__", proxy_ne),
    ("__gt__", proxy_gt),
    ("__ge__", proxy_ge),
    ("__add__", proxy_add),
    ("__radd__", proxy_radd),
    ("__sub__", proxy_sub),
    ("__rsub__", proxy_rsub),
    ("__mul__", proxy_mul),
    ("__rmul__", proxy_rmul),
];

/// `getweakrefcount(obj)`: the number of live weak references and proxies to `obj`.
fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getweakrefcount", 1, 1)?;
    let n = match args.pos[0].as_obj() {
        Some(o) => crate::object::refcount::weak_slots(o)
            .iter()
            .filter(|s| crate::object::refcount::slot_weakref(s).is_some())
            .count(),
        None => 0,
    };
    Ok(Value::Int(n as i64))
}

/// `getweakrefs(obj)`: those weak references, most recent last.
fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getweakrefs", 1, 1)?;
    let items: Vec<Value> = match args.pos[0].as_obj() {
        Some(o) => crate::object::refcount::weak_slots(o)
            .iter()
            .filter_map(|s| crate::object::refcount::slot_weakref(s))
            .map(Value::Obj)
            .collect(),
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_remove_dead_weakref", 2, 2)?;
    let Some(d) = args.pos[0]
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)))
        .cloned()
    else {
        let t = vm.type_name(&args.pos[0]);
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {t}"
        )));
    };
    let key = args.pos[1].clone();
    if let Some(v) = crate::types::dict::get_item(vm, &d, &key)? {
        if data(&v).is_some_and(|w| w.slot.get().is_none()) {
            crate::types::dict::del_item(vm, &d, &key)?;
        }
    }
    Ok(Value::None)
}

/// The pending-finalizer list handed `obj` to `crate::finalize`: if it is a weak
/// reference whose referent died, call its callback with it (errors are reported as
/// unraisable, as CPython's `handle_callback`). `false` when `obj` is no weakref.
pub fn run_callback(vm: &mut Vm, obj: &PyRef) -> bool {
    let v = Value::Obj(obj.clone());
    let Some(d) = data(&v) else {
        return false;
    };
    let cb = d.callback.clone();
    if !matches!(cb, Value::None) {
        if let Err(e) = vm.call(&cb, vec![v]) {
            crate::finalize::write_unraisable(vm, &e, &cb);
        }
    }
    true
}
