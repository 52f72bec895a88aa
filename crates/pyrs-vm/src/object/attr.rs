//! Attribute access (CPython: `PyObject_GenericGetAttr`, `PyObject_GenericSetAttr` in
//! `Objects/object.c`, `type_getattro` in `Objects/typeobject.c`): the MRO lookup, data
//! descriptors before the instance `__dict__`, non-data descriptors after, `__getattr__`
//! as the last resort. Builtin attributes of builtin payloads (`__name__` of a function,
//! `args` of an exception, ...) come from `types::getset`.

use crate::object::typeobj::{lookup, tdata};
use crate::object::{Payload, PyRef, Value};
use crate::types::dict;
use crate::vm::{PyResult, Vm};

/// An attribute-name argument (`object.__getattribute__(o, name)`, `__setattr__`,
/// `__setstate__`'s keys): a str object (of any str subclass), else CPython's TypeError.
pub fn attr_name_arg(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v.as_obj() {
        Some(o) if matches!(o.payload, Payload::Str(_)) => Ok(o.clone()),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("attribute name must be string, not '{t}'")))
        }
    }
}

/// The instance `__dict__` of `o`, if it has one: its dict field, or for classes with
/// `__slots__` the storage's `"__dict__"` entry (made when `create`).
pub fn instance_dict(vm: &mut Vm, o: &PyRef, create: bool) -> Option<PyRef> {
    let td = tdata(&o.ty);
    if !td.slotted.get() {
        return o.dict.get();
    }
    if td.slots_only.get() {
        return None;
    }
    let storage = o.dict.get()?;
    let key = vm.intern("__dict__");
    let h = hash_of(vm, &key);
    if let Some(Value::Obj(d)) = dict::dict_get_str(&storage, pystr(&key), h) {
        return Some(d);
    }
    if !create {
        return None;
    }
    let d = vm.new_dict_ref();
    dict::dict_set_str(vm, &storage, &key, Value::Obj(d.clone()));
    Some(d)
}

/// `obj.__dict__ = value` / `del obj.__dict__` on an instance of a class statement
/// (`PyObject_GenericSetDict`); `None` when instances have no `__dict__` (`__slots__`
/// without it). Deleting installs a fresh empty dict: CPython clears the pointer and
/// makes a new dict on next use, which reads the same.
pub fn set_instance_dict(vm: &mut Vm, o: &PyRef, value: Option<Value>) -> Option<PyResult<()>> {
    let td = tdata(&o.ty);
    if td.slotted.get() && td.slots_only.get() {
        return None;
    }
    let new = match value {
        None => vm.new_dict_ref(),
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => d,
        Some(other) => {
            let t = vm.type_name(&other);
            return Some(Err(vm.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{t}'"
            ))));
        }
    };
    if td.slotted.get() {
        // The `__dict__` is the storage's `"__dict__"` entry (see [`instance_dict`]).
        let storage = o.dict.get()?;
        let key = vm.intern("__dict__");
        dict::dict_set_str(vm, &storage, &key, Value::Obj(new));
    } else {
        // The old dict is dropped after the slot holds the new one: its deallocation
        // may run `__del__` methods that read this object's attributes.
        let old = o.dict.replace(Some(new));
        drop(old);
    }
    Some(Ok(()))
}

pub fn name_of(name: &PyRef) -> String {
    match &name.payload {
        Payload::Str(s) => s.as_rust().into_owned(),
        _ => String::new(),
    }
}

pub(crate) fn hash_of(vm: &Vm, name: &PyRef) -> i64 {
    match &name.payload {
        Payload::Str(s) => s.hash(&vm.hash_secret),
        _ => 0,
    }
}

pub(crate) fn pystr(name: &PyRef) -> &crate::types::str::PyStr {
    match &name.payload {
        Payload::Str(s) => s,
        _ => unreachable_name(),
    }
}

fn unreachable_name() -> &'static crate::types::str::PyStr {
    panic!("pyrs internal error: attribute name is not a str")
}

/// Whether a value found on a type is a data descriptor (has `__set__`).
pub(crate) fn is_data_descr(vm: &mut Vm, attr: &Value) -> bool {
    match attr {
        Value::Obj(o) => match &o.payload {
            Payload::Property(_) | Payload::Member(_) => true,
            _ if tdata(&o.ty).heap => {
                let t = o.ty.clone();
                crate::object::protocol::heap_dunder(vm, &t, "__set__").is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

/// Whether a type attribute takes priority over the instance dict on reads: a data
/// descriptor that also has `__get__` (CPython checks `tp_descr_get && PyDescr_IsData`; a
/// descriptor with only `__set__` lets the instance dict answer).
fn is_get_data_descr(vm: &mut Vm, attr: &Value) -> bool {
    if !is_data_descr(vm, attr) {
        return false;
    }
    match attr {
        Value::Obj(o) if tdata(&o.ty).heap => {
            let t = o.ty.clone();
            crate::object::protocol::heap_dunder(vm, &t, "__get__").is_some()
        }
        _ => true,
    }
}

/// Bind a value found on a type to an instance (`obj`) or the type itself (`None`).
pub fn descr_get(vm: &mut Vm, attr: Value, obj: Option<Value>, owner: &PyRef) -> PyResult<Value> {
    let Value::Obj(o) = &attr else {
        return Ok(attr);
    };
    match &o.payload {
        Payload::Function(_) => match obj {
            Some(inst) => {
                let ty = vm.types.method.clone();
                Ok(Value::Obj(vm.alloc(
                    &ty,
                    Payload::BoundMethod(crate::object::BoundMethodData(attr.clone(), inst)),
                )))
            }
            None => Ok(attr),
        },
        Payload::Builtin(b) if b.is_method && b.self_.is_none() => match obj {
            Some(inst) => Ok(Value::Obj(crate::types::function::bind_builtin(
                vm, o, inst,
            ))),
            None => Ok(attr),
        },
        // A builtin class method (`classmethod_descriptor`: `int.from_bytes`) binds to a
        // builtin method of the class, as CPython's `classmethod_get`.
        Payload::ClassMethod(Value::Obj(f))
            if o.ty.is(&vm.types.classmethod_descriptor)
                && matches!(f.payload, Payload::Builtin(_)) =>
        {
            let f = f.clone();
            Ok(Value::Obj(crate::types::function::bind_builtin(
                vm,
                &f,
                Value::Obj(owner.clone()),
            )))
        }
        Payload::ClassMethod(f) => {
            let ty = vm.types.method.clone();
            let f = f.clone();
            Ok(Value::Obj(vm.alloc(
                &ty,
                Payload::BoundMethod(crate::object::BoundMethodData(f, Value::Obj(owner.clone()))),
            )))
        }
        Payload::StaticMethod(f) => Ok(f.clone()),
        // An unbound `super(C)` read through an instance binds (`super_descr_get`).
        Payload::Super(_) => crate::types::type_::super_get(vm, &attr, obj),
        Payload::Member(m) if crate::types::descriptor::is_builtin_member(m) => match obj {
            Some(inst) => crate::types::descriptor::get(vm, m, &inst),
            None => Ok(attr),
        },
        Payload::Member(m) => match obj {
            Some(inst) => {
                let slot = inst.as_obj().and_then(|i| i.dict.get());
                let h = hash_of(vm, &m.0);
                match slot.and_then(|d| dict::dict_get_str(&d, pystr(&m.0), h)) {
                    Some(v) => Ok(v),
                    None => Err(attribute_error(vm, &inst, &m.0)),
                }
            }
            None => Ok(attr),
        },
        Payload::Property(p) => match obj {
            Some(inst) => {
                if matches!(p[0], Value::None) {
                    return Err(crate::types::function::property_error(
                        vm, p, &inst, "getter",
                    ));
                }
                let g = p[0].clone();
                vm.call(&g, vec![inst])
            }
            None => Ok(attr),
        },
        _ if tdata(&o.ty).heap => {
            let t = o.ty.clone();
            match crate::object::protocol::heap_dunder(vm, &t, "__get__") {
                Some(g) => {
                    let inst = obj.unwrap_or(Value::None);
                    crate::object::protocol::call_dunder(
                        vm,
                        g,
                        &attr,
                        vec![inst, Value::Obj(owner.clone())],
                    )
                }
                None => Ok(attr),
            }
        }
        _ => Ok(attr),
    }
}

/// `getattr(obj, name)`.
pub fn getattr(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Value> {
    if let Value::Obj(o) = obj {
        if crate::object::typeobj::has_getattribute(&o.ty) {
            return getattribute_override(vm, obj, name);
        }
        if let Payload::GenericAlias(_) = o.payload {
            if let Some(origin) = crate::types::generic_alias::forwarded_to(obj, name) {
                return crate::types::generic_alias::getattr_origin(vm, &origin, name);
            }
        }
    }
    match getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => {
            if let Some(Payload::Module(d)) = obj.payload() {
                // PEP 562: the module's own `__getattr__` (CPython's `module_getattro`).
                let ga = vm.intern("__getattr__");
                let h = hash_of(vm, &ga);
                if let Some(f) = dict::dict_get_str(d, pystr(&ga), h) {
                    return vm.call(&f, vec![Value::Obj(name.clone())]);
                }
            }
            let ty = vm.type_of(obj).clone();
            if let Some(ga) = crate::object::protocol::heap_dunder(vm, &ty, "__getattr__") {
                return crate::object::protocol::call_dunder(
                    vm,
                    ga,
                    obj,
                    vec![Value::Obj(name.clone())],
                );
            }
            Err(attribute_error(vm, obj, name))
        }
    }
}

/// `slot_tp_getattr_hook`: a class's own `__getattribute__`, then `__getattr__` if it
/// raised AttributeError.
fn getattribute_override(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Value> {
    let ty = vm.type_of(obj).clone();
    let r = match crate::object::protocol::heap_dunder(vm, &ty, "__getattribute__") {
        Some(f) => crate::object::protocol::call_dunder(vm, f, obj, vec![Value::Obj(name.clone())]),
        None => match getattr_opt(vm, obj, name)? {
            Some(v) => Ok(v),
            None => Err(attribute_error(vm, obj, name)),
        },
    };
    match r {
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => {
            match crate::object::protocol::heap_dunder(vm, &ty, "__getattr__") {
                Some(ga) => crate::object::protocol::call_dunder(
                    vm,
                    ga,
                    obj,
                    vec![Value::Obj(name.clone())],
                ),
                None => Err(e),
            }
        }
        r => r,
    }
}

/// CPython's AttributeError for a missing attribute.
pub fn attribute_error(vm: &mut Vm, obj: &Value, name: &PyRef) -> crate::vm::PyErr {
    let n = name_of(name);
    let msg = match obj.payload() {
        Some(Payload::Type(t)) => format!("type object '{}' has no attribute '{}'", t.name(), n),
        Some(Payload::Module(d)) => {
            let mname = vm.intern("__name__");
            let m = dict::dict_get_str(d, pystr(&mname), hash_of(vm, &mname))
                .and_then(|v| v.as_str().map(|s| s.as_rust().into_owned()))
                .unwrap_or_default();
            // CPython's module_getattro: a module whose `__spec__._initializing` is true is
            // still running its body (a circular import). pyrs's own loader keeps that state
            // in `ImportState::initializing`; a Python loader sets the spec attribute.
            let running = match obj {
                Value::Obj(m) => vm.interp.import.initializing.iter().any(|x| x.is(m)),
                _ => false,
            };
            let spec_name = vm.intern("__spec__");
            let spec = dict::dict_get_str(d, pystr(&spec_name), hash_of(vm, &spec_name));
            let initializing = match spec {
                Some(spec) if !matches!(spec, Value::None) => {
                    let flag = vm.intern("_initializing");
                    match getattr_opt(vm, &spec, &flag) {
                        Ok(Some(v)) => vm.truthy(&v).unwrap_or(false),
                        _ => false,
                    }
                }
                _ => false,
            };
            if running || initializing {
                format!(
                    "partially initialized module '{m}' has no attribute '{n}' \
                     (most likely due to a circular import)"
                )
            } else {
                format!("module '{m}' has no attribute '{n}'")
            }
        }
        _ => format!("'{}' object has no attribute '{}'", vm.type_name(obj), n),
    };
    vm.attribute_error(msg)
}

/// Generic attribute lookup; `None` when absent (before `__getattr__`).
pub fn getattr_opt(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    if let Some(Payload::GenericAlias(_)) = obj.payload() {
        // `ga_getattro`: most names are the origin's (`getattr(x, n, default)` and
        // `hasattr` come here).
        if let Some(origin) = crate::types::generic_alias::forwarded_to(obj, name) {
            return match crate::types::generic_alias::getattr_origin(vm, &origin, name) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => Ok(None),
                Err(e) => Err(e),
            };
        }
    }
    generic_getattr_opt(vm, obj, name)
}

/// `PyObject_GenericGetAttr` (`object.__getattribute__`): descriptors, the instance dict,
/// payload attributes; `None` when absent. Unlike [`getattr_opt`], no type's own
/// attribute hook (a GenericAlias's forwarding) runs.
pub fn generic_getattr_opt(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let h = hash_of(vm, name);
    let s = pystr(name);
    match obj.payload() {
        Some(Payload::Type(_)) => return type_getattr(vm, obj, name),
        Some(Payload::Module(d)) => {
            if let Some(v) = dict::dict_get_str(d, s, h) {
                return Ok(Some(v));
            }
        }
        Some(Payload::Super(sp)) => {
            let (start, inst) = (sp.0.clone(), sp.1.clone());
            if let Some(v) = crate::types::type_::super_lookup(vm, &start, &inst, name)? {
                return Ok(Some(v));
            }
        }
        _ => {}
    }
    let ty = vm.type_of(obj).clone();
    let attr = crate::object::cache::type_lookup(vm, &ty, name);
    if let Some(a) = &attr {
        if is_get_data_descr(vm, a) {
            return descr_get(vm, a.clone(), Some(obj.clone()), &ty).map(Some);
        }
    }
    if let Value::Obj(o) = obj {
        if let Some(d) = instance_dict(vm, o, false) {
            if let Some(v) = dict::dict_get_str(&d, s, h) {
                return Ok(Some(v));
            }
        }
        // An exception's payload attributes (`args`, `__traceback__`, `errno`, ...) are
        // BaseException's data descriptors in CPython: a class attribute found first in
        // the MRO (`class E(Exception): args = 5`) shadows them, as it does here.
        let shadowed = attr.is_some() && matches!(o.payload, Payload::Exception(_));
        if !shadowed {
            if let Some(v) = crate::types::getset::get(vm, o, s)? {
                return Ok(Some(v));
            }
        }
    } else if s.eq_rust("__class__") {
        return Ok(Some(Value::Obj(ty)));
    } else if let Some(v) = crate::types::getset::number_attr(vm, obj, &s.as_rust()) {
        return Ok(Some(v));
    }
    match attr {
        Some(a) => descr_get(vm, a, Some(obj.clone()), &ty).map(Some),
        None => Ok(None),
    }
}

fn type_getattr(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(t) = obj.as_obj().cloned() else {
        return Ok(None);
    };
    let h = hash_of(vm, name);
    let s = pystr(name);
    let meta = t.ty.clone();
    let meta_attr = lookup(&meta, s, h);
    if let Some(a) = &meta_attr {
        if is_get_data_descr(vm, a) {
            return descr_get(vm, a.clone(), Some(obj.clone()), &meta).map(Some);
        }
    }
    if let Some(a) = lookup(&t, s, h) {
        return descr_get(vm, a, None, &t).map(Some);
    }
    if let Some(v) = crate::types::getset::get(vm, &t, s)? {
        return Ok(Some(v));
    }
    match meta_attr {
        Some(a) => descr_get(vm, a, Some(obj.clone()), &meta).map(Some),
        None => Ok(None),
    }
}

/// For LOAD_METHOD: `(function, true)` when `obj.name` is a plain method that can be
/// called with `obj` prepended (no bound-method object), else `(attribute, false)`.
pub fn get_method(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<(Value, bool)> {
    if let Value::Obj(o) = obj {
        if matches!(
            o.payload,
            Payload::Type(_) | Payload::Module(_) | Payload::Super(_) | Payload::GenericAlias(_)
        ) {
            return Ok((getattr(vm, obj, name)?, false));
        }
    }
    let ty = vm.type_of(obj).clone();
    if crate::object::typeobj::has_getattribute(&ty) {
        return Ok((getattr(vm, obj, name)?, false));
    }
    if let Some(a) = crate::object::cache::type_lookup(vm, &ty, name) {
        let plain = match a.payload() {
            Some(Payload::Function(_)) => true,
            Some(Payload::Builtin(b)) => b.is_method && b.self_.is_none(),
            _ => false,
        };
        if plain {
            let h = hash_of(vm, name);
            let shadowed = match obj {
                Value::Obj(o) => instance_dict(vm, o, false)
                    .is_some_and(|d| dict::dict_get_str(&d, pystr(name), h).is_some()),
                _ => false,
            };
            if !shadowed {
                return Ok((a, true));
            }
        }
    }
    Ok((getattr(vm, obj, name)?, false))
}

/// `setattr(obj, name, value)`; `value == None` deletes.
pub fn setattr(vm: &mut Vm, obj: &Value, name: &PyRef, value: Option<Value>) -> PyResult<()> {
    let ty = vm.type_of(obj).clone();
    if tdata(&ty).heap {
        let hook = if value.is_some() {
            "__setattr__"
        } else {
            "__delattr__"
        };
        if let Some(f) = crate::object::protocol::heap_dunder(vm, &ty, hook) {
            let mut args = vec![Value::Obj(name.clone())];
            args.extend(value);
            crate::object::protocol::call_dunder(vm, f, obj, args)?;
            return Ok(());
        }
    }
    generic_setattr(vm, obj, name, value)
}

/// `object.__setattr__`: data descriptors, then the instance dict.
pub fn generic_setattr(
    vm: &mut Vm,
    obj: &Value,
    name: &PyRef,
    value: Option<Value>,
) -> PyResult<()> {
    let ty = vm.type_of(obj).clone();
    if let Some(Payload::Type(td)) = obj.payload() {
        if !td.heap {
            return Err(vm.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name_of(name),
                td.name()
            )));
        }
        if pystr(name).eq_rust("__class__") {
            return crate::types::object::set_class(vm, obj, value);
        }
        // A builtin attribute of types (`__name__`, `__qualname__`): the metatype's
        // descriptor (`types/descriptor.rs`), not the class dict.
        if let Some(a) = crate::object::cache::type_lookup(vm, &ty, name) {
            if let Some(Payload::Member(m)) = a.payload() {
                if crate::types::descriptor::is_builtin_member(m) {
                    let d = a.as_obj().cloned().unwrap_or_else(|| ty.clone());
                    return crate::types::descriptor::set(vm, &d, obj, value);
                }
            }
        }
        let Some(d) = td.dict.get().cloned() else {
            return Ok(());
        };
        if let Value::Obj(t) = obj {
            crate::object::typeobj::modified(vm, t);
        }
        if pystr(name).eq_rust("__getattribute__") {
            td.has_getattribute.set(true);
        }
        if pystr(name).eq_rust("__del__") {
            td.has_finalizer.set(true);
            crate::object::refcount::note_del_assigned();
        }
        return store_in_dict(vm, &d, name, value, obj);
    }
    if let Some(a) = crate::object::cache::type_lookup(vm, &ty, name) {
        if let Some(Payload::Member(m)) = a.payload() {
            if crate::types::descriptor::is_builtin_member(m) {
                let d = a.as_obj().cloned().unwrap_or_else(|| ty.clone());
                return crate::types::descriptor::set(vm, &d, obj, value);
            }
            let (slot_name, owner) = (m.0.clone(), m.1.clone());
            let target = obj
                .as_obj()
                .filter(|o| crate::object::typeobj::is_subtype(&o.ty, &owner))
                .and_then(|o| o.dict.get());
            let Some(d) = target else {
                return Err(vm.type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    name_of(&slot_name),
                    tdata(&owner).name(),
                    tdata(&ty).name()
                )));
            };
            if value.is_none() {
                // 3.11's `member_set` names only the slot when it is empty.
                return match dict::del_item(vm, &d, &Value::Obj(slot_name.clone()))? {
                    Some(_) => Ok(()),
                    None => Err(vm.attribute_error(name_of(&slot_name))),
                };
            }
            return store_in_dict(vm, &d, &slot_name, value, obj);
        }
        if let Some(Payload::Property(p)) = a.payload() {
            let f = if value.is_some() {
                p[1].clone()
            } else {
                p[2].clone()
            };
            if matches!(f, Value::None) {
                let what = if value.is_some() { "setter" } else { "deleter" };
                return Err(crate::types::function::property_error(vm, p, obj, what));
            }
            let mut args = vec![obj.clone()];
            args.extend(value);
            vm.call(&f, args)?;
            return Ok(());
        }
        if is_data_descr(vm, &a) {
            let hook = if value.is_some() {
                "__set__"
            } else {
                "__delete__"
            };
            let at = vm.type_of(&a).clone();
            if let Some(f) = crate::object::protocol::heap_dunder(vm, &at, hook) {
                let mut args = vec![obj.clone()];
                args.extend(value);
                crate::object::protocol::call_dunder(vm, f, &a, args)?;
                return Ok(());
            }
        }
    }
    if pystr(name).eq_rust("__class__") {
        return crate::types::object::set_class(vm, obj, value);
    }
    if let Some(Payload::Module(d)) = obj.payload() {
        if pystr(name).eq_rust("__dict__") {
            // `module.__dict__` is a read-only member (`module_members`).
            return Err(vm.attribute_error("readonly attribute"));
        }
        // A module's attributes are its `__dict__`.
        let d = d.clone();
        return store_in_dict(vm, &d, name, value, obj);
    }
    if let Value::Obj(o) = obj {
        if pystr(name).eq_rust("__dict__") {
            if tdata(&o.ty).heap {
                if let Some(r) = set_instance_dict(vm, o, value.clone()) {
                    return r;
                }
            } else if o.dict.is_some() {
                // A builtin type's instance dict (`SimpleNamespace`): a read-only member.
                return Err(vm.attribute_error("readonly attribute"));
            }
        }
        // An exception's `args`, `__cause__`, ... are its payload's (CPython's getset
        // descriptors on BaseException), also on instances of Python subclasses.
        if matches!(o.payload, Payload::Exception(_))
            && crate::types::getset::set(vm, o, pystr(name), value.clone())?
        {
            return Ok(());
        }
        if let Some(d) = instance_dict(vm, o, true) {
            return store_in_dict(vm, &d, name, value, obj);
        }
        if crate::types::getset::set(vm, o, pystr(name), value.clone())? {
            return Ok(());
        }
    }
    // No instance dict: an attribute the type has (a method) is read-only.
    let what = if crate::object::cache::type_lookup(vm, &ty, name).is_some() {
        "attribute '{}' is read-only"
    } else {
        "has no attribute '{}'"
    };
    Err(vm.attribute_error(format!(
        "'{}' object {}",
        tdata(&ty).name(),
        what.replace("{}", &name_of(name))
    )))
}

fn store_in_dict(
    vm: &mut Vm,
    d: &PyRef,
    name: &PyRef,
    value: Option<Value>,
    obj: &Value,
) -> PyResult<()> {
    match value {
        Some(v) => {
            dict::dict_set_str(vm, d, name, v);
            Ok(())
        }
        None => match dict::del_item(vm, d, &Value::Obj(name.clone()))? {
            Some(_) => Ok(()),
            None => Err(attribute_error(vm, obj, name)),
        },
    }
}
