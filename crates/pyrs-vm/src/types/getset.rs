//! Attributes that builtin payloads expose without a dict entry (CPython's `tp_getset` and
//! `tp_members`): `__name__` of functions and types, `args` of exceptions, `tb_next`, ...

use crate::object::typeobj::{full_mro, tdata};
use crate::object::{Payload, PyRef, Value};
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};

fn opt(v: Option<Value>) -> Value {
    v.unwrap_or(Value::None)
}

/// The attribute `name` of `o`'s payload, if it has one.
pub fn get(vm: &mut Vm, o: &PyRef, name: &PyStr) -> PyResult<Option<Value>> {
    let n = name.as_rust();
    let n: &str = &n;
    if n == "__class__" {
        // object's `__class__` descriptor, unless a class statement of the MRO defines
        // `__class__` (found before object's: the caller's type lookup answers).
        let ty = o.ty.clone();
        if crate::object::typeobj::tdata(&ty).heap
            && crate::object::protocol::heap_dunder(vm, &ty, "__class__").is_some()
        {
            return Ok(None);
        }
        return Ok(Some(Value::Obj(ty)));
    }
    if n == "__dict__" && !matches!(o.payload, Payload::Type(_) | Payload::Module(_)) {
        if let Some(d) = crate::object::attr::instance_dict(vm, o, true) {
            return Ok(Some(Value::Obj(d)));
        }
    }
    if let Payload::Union(_) = &o.payload {
        let u = Value::Obj(o.clone());
        match n {
            "__args__" => {
                let items = crate::types::union_type::members(&u);
                return Ok(Some(vm.new_tuple(items)));
            }
            "__parameters__" => return crate::types::union_type::parameters(vm, &u).map(Some),
            // `union_getattro`: the type's `__module__` ("types"), for typing.
            "__module__" => {
                let t = Value::Obj(o.ty.clone());
                let n = vm.intern("__module__");
                return crate::object::attr::getattr(vm, &t, &n).map(Some);
            }
            _ => {}
        }
    }
    if let Payload::Frame(_) = &o.payload {
        if let Some(v) = crate::types::frame::frame_attr(vm, o, n) {
            return Ok(Some(v));
        }
    }
    if let Payload::MemoryView(_) = &o.payload {
        if let Some(v) = crate::types::bytearray::view_attr(vm, o, n)? {
            return Ok(Some(v));
        }
    }
    Ok(Some(match (&o.payload, n) {
        // A native module's type keeps CPython's dotted `tp_name` ("collections.deque",
        // for messages) with the bare name as its qualname (`modules/native_type.rs`);
        // `__name__` is the part after the module, as `type_name()` gives for static types.
        (Payload::Type(t), "__name__") => {
            let (name, q) = (t.name(), t.qualname.borrow().clone());
            match name.strip_suffix(q.as_str()).filter(|p| p.ends_with('.')) {
                Some(_) => vm.new_str(&q),
                None => vm.new_str(&name),
            }
        }
        (Payload::Type(t), "__qualname__") => vm.new_str(&t.qualname.borrow()),
        (Payload::Type(_), "__mro__") => {
            let m = full_mro(o).into_iter().map(Value::Obj).collect();
            vm.new_tuple(m)
        }
        (Payload::Type(t), "__bases__") => {
            let b = t.bases().iter().cloned().map(Value::Obj).collect();
            vm.new_tuple(b)
        }
        (Payload::Type(t), "__base__") => opt(t.bases().first().cloned().map(Value::Obj)),
        // A read-only view (CPython's `type_dict`): changes go through setattr, which
        // keeps the attribute caches right.
        (Payload::Type(t), "__dict__") => match t.dict.get().cloned() {
            Some(d) => crate::types::mappingproxy::wrap(vm, Value::Obj(d)),
            None => Value::None,
        },
        // `type_module`: a class's `__module__` entry (class statements and native module
        // types put one there), else a builtin type's "builtins".
        (Payload::Type(t), "__module__") => {
            // A builtin type: the dotted part of its name ("sys.flags"), or a str entry
            // of its dict (whose dict may instead hold its instances' `__module__`
            // descriptor), or "builtins".
            let entry = t.dict.get().and_then(|d| {
                crate::types::dict::dict_get_str(d, name, name.hash(&vm.hash_secret))
            });
            let tp_name = t.name();
            match entry {
                _ if !t.heap && tp_name.contains('.') => {
                    let m = tp_name.rsplit_once('.').map_or("", |p| p.0);
                    vm.new_str(m)
                }
                Some(v) if t.heap || v.as_str().is_some() => v,
                _ if t.heap => return Err(vm.attribute_error("__module__")),
                _ => vm.new_str("builtins"),
            }
        }
        (Payload::Type(t), "__flags__") => Value::Int(type_flags(vm, o, t)),
        // `type_abstractmethods`: the class's own dict entry (`type` itself has none).
        (Payload::Type(t), "__abstractmethods__") => {
            let entry = match o.is(&vm.types.type_) {
                true => None,
                false => t.dict.get().and_then(|d| {
                    crate::types::dict::dict_get_str(d, name, name.hash(&vm.hash_secret))
                }),
            };
            match entry {
                Some(v) => v,
                None => return Err(vm.attribute_error("__abstractmethods__")),
            }
        }
        // `type_get_annotations`: a class's own `__annotations__` (bound when it is a
        // descriptor), made an empty dict on first read; never a base's.
        (Payload::Type(t), "__annotations__") => {
            if !t.heap {
                return Err(vm.attribute_error(format!(
                    "type object '{}' has no attribute '__annotations__'",
                    t.name()
                )));
            }
            let Some(d) = t.dict.get().cloned() else {
                return Ok(None);
            };
            match crate::types::dict::dict_get_str(&d, name, name.hash(&vm.hash_secret)) {
                Some(v) => crate::object::attr::descr_get(vm, v, None, o)?,
                None => {
                    let ann = Value::Obj(vm.new_dict_ref());
                    let key = vm.new_pystr(PyStr::from_vec(name.to_vec()));
                    crate::types::dict::set_item(vm, &d, key, ann.clone())?;
                    crate::object::typeobj::modified(vm, o);
                    ann
                }
            }
        }
        // `type_get_doc`: a class's `__doc__` entry (bound when it is a descriptor), a
        // builtin type's CPython text.
        (Payload::Type(t), "__doc__") if t.heap => {
            let entry = t.dict.get().and_then(|d| {
                crate::types::dict::dict_get_str(d, name, name.hash(&vm.hash_secret))
            });
            match entry {
                Some(v) => crate::object::attr::descr_get(vm, v, None, o)?,
                None => Value::None,
            }
        }
        (Payload::Type(t), "__doc__") => match crate::types::doc::type_doc(&t.name()) {
            Some((Some(d), _)) => vm.new_str(d),
            // No `tp_doc`: the dict's entry, bound to no instance (a builtin type whose
            // instances have a `__doc__` descriptor shows that descriptor, as CPython).
            _ => {
                let entry = t.dict.get().and_then(|d| {
                    crate::types::dict::dict_get_str(d, name, name.hash(&vm.hash_secret))
                });
                match entry {
                    Some(v) => crate::object::attr::descr_get(vm, v, None, o)?,
                    None => Value::None,
                }
            }
        },
        (Payload::Type(t), "__text_signature__") if !t.heap => {
            match crate::types::doc::type_doc(&t.name()) {
                Some((_, Some(s))) => vm.new_str(s),
                _ => Value::None,
            }
        }
        (Payload::Type(_), "__text_signature__") => Value::None,
        (Payload::Function(f), "__name__") => f.name.borrow().clone(),
        (Payload::Function(f), "__qualname__") => f.qualname.borrow().clone(),
        (Payload::Function(f), "__defaults__") => opt(f.defaults.borrow().clone()),
        (Payload::Function(f), "__kwdefaults__") => opt(f.kwdefaults.borrow().clone()),
        (Payload::Function(f), "__code__") => Value::Obj(f.code.get()),
        (Payload::Function(f), "__globals__") => Value::Obj(f.globals.clone()),
        (Payload::Function(f), "__closure__") => opt(f.closure.clone()),
        (Payload::Function(f), "__doc__") => f.doc.borrow().clone(),
        // `f.__module__ = ...` (functools.wraps) lands in the function's dict.
        (Payload::Function(f), "__module__") => {
            let d = f.dict.borrow().clone();
            match d.and_then(|d| {
                crate::types::dict::dict_get_str(&d, name, name.hash(&vm.hash_secret))
            }) {
                Some(v) => v,
                None => f.module.clone(),
            }
        }
        (Payload::Function(f), "__builtins__") => Value::Obj(f.builtins.clone()),
        (Payload::Function(f), "__annotations__") => {
            let a = f.annotations.borrow().clone();
            match a {
                // 3.11's MAKE_FUNCTION stores `(name, value, ...)`; the getter makes the
                // dict (`func_get_annotations`).
                Some(t) if t.as_tuple().is_some() => {
                    let items = t.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                    let d = vm.new_dict_ref();
                    for kv in items.chunks(2) {
                        if let [k, v] = kv {
                            crate::types::dict::set_item(vm, &d, k.clone(), v.clone())?;
                        }
                    }
                    *f.annotations.borrow_mut() = Some(Value::Obj(d.clone()));
                    Value::Obj(d)
                }
                Some(a) => a,
                None => {
                    let d = Value::Obj(vm.new_dict_ref());
                    *f.annotations.borrow_mut() = Some(d.clone());
                    d
                }
            }
        }
        (Payload::BoundMethod(m), "__self__") => m.1.clone(),
        (Payload::BoundMethod(m), "__func__") => m.0.clone(),
        (Payload::BoundMethod(m), "__name__" | "__qualname__" | "__doc__") => {
            let f = m.0.clone();
            let nm = vm.intern(n);
            return crate::object::attr::getattr_opt(vm, &f, &nm);
        }
        (Payload::Builtin(b), "__name__") => vm.new_str(b.name),
        // A type's method, slot wrapper or `__new__`: `list.append`, `int.__add__`.
        (Payload::Builtin(b), "__qualname__") => match &b.owner {
            Some(t) => {
                let q = format!("{}.{}", tdata(t).qualname.borrow(), b.name);
                vm.new_str(&q)
            }
            None => vm.new_str(b.name),
        },
        (Payload::Builtin(b), "__self__") => opt(b.self_.clone()),
        (Payload::Builtin(b), "__doc__") => crate::types::doc::builtin_doc(vm, b, false),
        // `m_module`: the module of a module's function, None for a method.
        (Payload::Builtin(b), "__module__") => match &b.self_ {
            Some(Value::Obj(m)) if matches!(m.payload, Payload::Module(_)) => {
                let n = vm.intern("__name__");
                let m = Value::Obj(m.clone());
                crate::object::attr::getattr_opt(vm, &m, &n)?.unwrap_or(Value::None)
            }
            Some(_) => Value::None,
            None if crate::types::doc::is_builtins_function(vm, b) => vm.new_str("builtins"),
            None => Value::None,
        },
        (Payload::Builtin(b), "__text_signature__") => crate::types::doc::builtin_doc(vm, b, true),
        // A method descriptor's class (CPython's `descr_objclass`).
        (Payload::Builtin(b), "__objclass__") if b.is_method && b.self_.is_none() => {
            opt(b.owner.clone().map(Value::Obj))
        }
        // `dict.__dict__['fromkeys']`: a classmethod_descriptor shows its function's.
        (
            Payload::ClassMethod(f),
            "__name__" | "__qualname__" | "__doc__" | "__text_signature__" | "__objclass__",
        ) if o.ty.is(&vm.types.classmethod_descriptor) => {
            let Some(fo) = f.as_obj().cloned() else {
                return Ok(None);
            };
            match &fo.payload {
                Payload::Builtin(b) if n == "__objclass__" => opt(b.owner.clone().map(Value::Obj)),
                Payload::Builtin(_) => return get(vm, &fo, name),
                _ => return Ok(None),
            }
        }
        (Payload::Member(m), "__doc__") => crate::types::doc::member_doc(vm, m),
        (Payload::Member(m), "__name__") => Value::Obj(m.0.clone()),
        (Payload::Member(m), "__qualname__") => {
            let q = format!(
                "{}.{}",
                tdata(&m.1).qualname.borrow(),
                crate::object::attr::name_of(&m.0)
            );
            vm.new_str(&q)
        }
        (Payload::Member(m), "__objclass__") => Value::Obj(m.1.clone()),
        (Payload::Exception(_), _) => match crate::types::exceptions::get_attr(vm, o, n) {
            Some(v) => v,
            // `OSError_written_get`'s error when unset.
            None if n == "characters_written" => {
                return Err(vm.attribute_error("characters_written"))
            }
            None => return Ok(None),
        },
        (Payload::Traceback(t), "tb_next") => opt(t.next.clone()),
        (Payload::Traceback(t), "tb_lineno") => Value::Int(t.lineno as i64),
        (Payload::Traceback(t), "tb_lasti") => Value::Int(t.lasti as i64 * 2),
        (Payload::Traceback(_), "tb_frame") => crate::types::traceback::tb_frame(vm, o),
        (Payload::Code(c), "co_name") => Value::Obj(c.name.clone()),
        (Payload::Code(c), "co_qualname") => Value::Obj(c.qualname.clone()),
        (Payload::Code(c), "co_filename") => vm.new_str(&c.filename()),
        (Payload::Code(c), "co_firstlineno") => Value::Int(c.firstlineno as i64),
        (Payload::Code(c), "co_argcount") => Value::Int(c.argcount as i64),
        (Payload::Code(c), "co_flags") => Value::Int(c.flags as i64),
        (Payload::Code(c), "co_posonlyargcount") => Value::Int(c.posonlyargcount as i64),
        (Payload::Code(c), "co_kwonlyargcount") => Value::Int(c.kwonlyargcount as i64),
        (Payload::Code(c), "co_stacksize") => Value::Int(c.stacksize as i64),
        // The bytecode as `co_code` shows it: inline CACHE entries zeroed (the VM keeps
        // its cache slot numbers there). pyrs quickens nothing in the units, so the
        // adaptive code (`dis.dis(adaptive=True)`) is the same.
        (Payload::Code(c), "co_code" | "_co_code_adaptive") => {
            let mut b = Vec::with_capacity(c.units.len() * 2);
            for &(op, arg) in &c.units {
                if op == pyrs_bytecode::opnum::CACHE {
                    b.extend([0, 0]);
                } else {
                    b.extend([op, arg]);
                }
            }
            vm.new_bytes(b)
        }
        (Payload::Code(c), "co_names") => {
            let v = c.names.iter().cloned().map(Value::Obj).collect();
            vm.new_tuple(v)
        }
        (Payload::Code(c), "co_consts") => vm.new_tuple(c.consts.clone()),
        (Payload::Code(c), "co_linetable") => vm.new_bytes(c.linetable().to_vec()),
        (Payload::Code(c), "co_lnotab") => vm.new_bytes(crate::types::code::lnotab(c)),
        (Payload::Code(c), "co_exceptiontable") => vm.new_bytes(c.exceptiontable()),
        (Payload::Code(c), "co_varnames" | "co_cellvars" | "co_freevars" | "co_nlocals") => {
            // Kinds of 3.11's localsplus: CO_FAST_LOCAL 0x20, CELL 0x40, FREE 0x80.
            let bit = match n {
                "co_cellvars" => 0x40,
                "co_freevars" => 0x80,
                _ => 0x20,
            };
            let v: Vec<Value> = c
                .localsplus_names
                .iter()
                .zip(&c.localsplus_kinds)
                .filter(|(_, k)| *k & bit != 0)
                .map(|(nm, _)| Value::Obj(nm.clone()))
                .collect();
            if n == "co_nlocals" {
                Value::Int(v.len() as i64)
            } else {
                vm.new_tuple(v)
            }
        }
        (Payload::Function(f), "__dict__") => Value::Obj(function_dict(vm, f)),
        (Payload::Function(f), _) => {
            let d = f.dict.borrow().clone();
            match d.and_then(|d| {
                crate::types::dict::dict_get_str(&d, name, name.hash(&vm.hash_secret))
            }) {
                Some(v) => v,
                None => return Ok(None),
            }
        }
        (Payload::Cell(c), "cell_contents") => match c.borrow().clone() {
            Some(v) => v,
            None => return Err(vm.value_error("Cell is empty")),
        },
        (Payload::Super(s), "__thisclass__") => Value::Obj(s.0.clone()),
        (Payload::Super(s), "__self__") => s.1.clone(),
        // `supercheck`: the class of `__self__` (itself when it is a subclass).
        (Payload::Super(s), "__self_class__") => match &s.1 {
            Value::None => Value::None,
            Value::Obj(c)
                if matches!(c.payload, Payload::Type(_))
                    && crate::object::typeobj::is_subtype(c, &s.0) =>
            {
                Value::Obj(c.clone())
            }
            other => Value::Obj(vm.type_of(other).clone()),
        },
        (Payload::DictView(d, _), "mapping") => {
            crate::types::mappingproxy::wrap(vm, Value::Obj(d.clone()))
        }
        (Payload::Slice(s), "start") => s[0].clone(),
        (Payload::Slice(s), "stop") => s[1].clone(),
        (Payload::Slice(s), "step") => s[2].clone(),
        (Payload::Range(r), "start" | "stop" | "step") => crate::types::range::attr(vm, r, n),
        (Payload::Property(p), "fget") => p[0].clone(),
        (Payload::GenericAlias(_), _) => {
            return crate::types::generic_alias::attr(vm, o, n);
        }
        (Payload::Complex(re, _), "real") => Value::Float(*re),
        (Payload::Complex(_, im), "imag") => Value::Float(*im),
        (Payload::Property(p), "__doc__") if !matches!(p.doc, Value::None) => p.doc.clone(),
        (Payload::Property(p), "__doc__") => {
            let g = p[0].clone();
            if matches!(g, Value::None) {
                Value::None
            } else {
                let n = vm.intern("__doc__");
                crate::object::attr::getattr_opt(vm, &g, &n)?.unwrap_or(Value::None)
            }
        }
        (Payload::Property(p), "fset") => p[1].clone(),
        (Payload::Property(p), "fdel") => p[2].clone(),
        // `property_get___isabstractmethod__`, `cm_get___isabstractmethod__`: abstract when
        // an accessor (the wrapped function) is (`abc.abstractmethod` under them).
        (Payload::Property(p), "__isabstractmethod__") => {
            // A subclass's own class attribute (`abc.abstractproperty`) shadows this.
            let t = o.ty.clone();
            if crate::object::protocol::heap_dunder(vm, &t, "__isabstractmethod__").is_some() {
                return Ok(None);
            }
            let fs = p.accessors.to_vec();
            let mut r = false;
            for f in fs.iter().filter(|f| !matches!(f, Value::None)) {
                let n = vm.intern("__isabstractmethod__");
                if let Some(v) = crate::object::attr::getattr_opt(vm, f, &n)? {
                    if vm.truthy(&v)? {
                        r = true;
                        break;
                    }
                }
            }
            Value::Bool(r)
        }
        (Payload::ClassMethod(f) | Payload::StaticMethod(f), "__isabstractmethod__") => {
            let t = o.ty.clone();
            if crate::object::protocol::heap_dunder(vm, &t, "__isabstractmethod__").is_some() {
                return Ok(None);
            }
            let f = f.clone();
            let n = vm.intern("__isabstractmethod__");
            match crate::object::attr::getattr_opt(vm, &f, &n)? {
                Some(v) => Value::Bool(vm.truthy(&v)?),
                None => Value::Bool(false),
            }
        }
        (Payload::ClassMethod(f) | Payload::StaticMethod(f), "__func__" | "__wrapped__") => {
            f.clone()
        }
        // `sm_dict`/`cm_dict`: made on first use when the object has none (one a class
        // statement wrapped: `__new__`, `__init_subclass__`).
        (Payload::ClassMethod(_) | Payload::StaticMethod(_), "__dict__") => match o.dict.get() {
            Some(d) => Value::Obj(d),
            None => {
                let d = vm.new_dict_ref();
                o.dict.replace(Some(d.clone()));
                Value::Obj(d)
            }
        },
        (Payload::Module(d), "__dict__") => Value::Obj(d.clone()),
        (Payload::Int(_) | Payload::Float(_), _) => {
            match number_attr(vm, &Value::Obj(o.clone()), n) {
                Some(v) => v,
                None => return Ok(None),
            }
        }
        (Payload::Generator(g), "__name__") => vm.new_str(&g.name()),
        (Payload::Generator(g), "__qualname__") => vm.new_str(&g.qualname()),
        (Payload::Generator(g), "gi_running" | "cr_running" | "ag_running") => {
            Value::Bool(g.running.get())
        }
        (Payload::Generator(g), "gi_suspended" | "cr_suspended") => {
            Value::Bool(g.suspended_after_start())
        }
        (Payload::Generator(g), "gi_code" | "cr_code" | "ag_code") => Value::Obj(g.code.clone()),
        (Payload::Generator(_), "gi_frame" | "cr_frame" | "ag_frame") => {
            crate::types::frame::generator_frame(vm, o)
        }
        // `sys.set_coroutine_origin_tracking_depth`'s record (`builtins/sys_runtime.rs`).
        (Payload::Generator(g), "cr_origin") if o.ty.is(&vm.types.coroutine) => g
            .origin_or_finalizer
            .borrow()
            .clone()
            .unwrap_or(Value::None),
        (Payload::Generator(_), "gi_yieldfrom" | "cr_await" | "ag_await") => {
            crate::types::generator::yield_from_target(o).unwrap_or(Value::None)
        }
        _ => return Ok(None),
    }))
}

/// Set a payload attribute; `Ok(false)` when `o` has no such settable attribute.
pub fn set(vm: &mut Vm, o: &PyRef, name: &PyStr, v: Option<Value>) -> PyResult<bool> {
    let n = name.as_rust();
    match &o.payload {
        Payload::Frame(_) => return crate::types::frame::frame_setattr(vm, o, &n, v),
        Payload::Function(f) => {
            let val = v.clone().unwrap_or(Value::None);
            match &*n {
                "__name__" | "__qualname__" if val.as_str().is_none() => {
                    return Err(vm.type_error(format!("{n} must be set to a string object")));
                }
                "__annotations__" => {
                    // `func_set_annotations`.
                    match &v {
                        None | Some(Value::None) => *f.annotations.borrow_mut() = None,
                        Some(a) if matches!(a.payload(), Some(Payload::Dict(_))) => {
                            *f.annotations.borrow_mut() = Some(a.clone())
                        }
                        Some(_) => {
                            return Err(
                                vm.type_error("__annotations__ must be set to a dict object")
                            )
                        }
                    }
                }
                "__dict__" => match &v {
                    Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => {
                        *f.dict.borrow_mut() = Some(d.clone())
                    }
                    None => return Err(vm.type_error("cannot delete __dict__")),
                    Some(other) => {
                        let t = vm.type_name(other);
                        return Err(vm.type_error(format!(
                            "__dict__ must be set to a dictionary, not a '{t}'"
                        )));
                    }
                },
                "__code__" => {
                    // `func_set_code`: a code object whose free variables match the
                    // closure. Running frames keep their code; later calls run the new one.
                    let Some(Value::Obj(c)) = v.as_ref() else {
                        return Err(vm.type_error("__code__ must be set to a code object"));
                    };
                    let Some(new) = crate::code::as_code(c) else {
                        return Err(vm.type_error("__code__ must be set to a code object"));
                    };
                    let nclosure = f
                        .closure
                        .as_ref()
                        .and_then(|t| t.as_tuple().map(|t| t.len()))
                        .unwrap_or(0);
                    if new.nfree != nclosure {
                        let fname = vm.str_string(&f.name.borrow().clone())?;
                        return Err(vm.value_error(format!(
                            "{fname}() requires a code object with {nclosure} free vars, not {}",
                            new.nfree
                        )));
                    }
                    f.set_code(c.clone());
                }
                "__name__" => *f.name.borrow_mut() = val,
                "__qualname__" => *f.qualname.borrow_mut() = val,
                "__doc__" => *f.doc.borrow_mut() = val,
                "__defaults__" => {
                    *f.defaults.borrow_mut() = (!matches!(val, Value::None)).then_some(val)
                }
                "__kwdefaults__" => {
                    *f.kwdefaults.borrow_mut() = (!matches!(val, Value::None)).then_some(val)
                }
                _ => {
                    let d = function_dict(vm, f);
                    let key = vm.new_pystr(PyStr::from_vec(name.to_vec()));
                    match v {
                        Some(val) => crate::types::dict::set_item(vm, &d, key, val)?,
                        None => {
                            if crate::types::dict::del_item(vm, &d, &key)?.is_none() {
                                return Err(vm.attribute_error(format!(
                                    "'function' object has no attribute '{n}'"
                                )));
                            }
                        }
                    }
                }
            }
            Ok(true)
        }
        Payload::Exception(_) => crate::types::exceptions::set_attr(vm, o, &n, v),
        Payload::Cell(c) if n == "cell_contents" => {
            *c.borrow_mut() = v;
            Ok(true)
        }
        // `type_set_abstractmethods`, `type_set_annotations`: the class's own dict entry;
        // deleting a missing one is an AttributeError.
        Payload::Type(t) if n == "__abstractmethods__" || n == "__annotations__" => {
            if !t.heap {
                return Err(vm.type_error(format!(
                    "cannot set '{n}' attribute of immutable type '{}'",
                    t.name()
                )));
            }
            let Some(d) = t.dict.get().cloned() else {
                return Ok(false);
            };
            let key = vm.new_pystr(PyStr::from_vec(name.to_vec()));
            match v {
                Some(v) => crate::types::dict::set_item(vm, &d, key, v)?,
                None => {
                    if crate::types::dict::del_item(vm, &d, &key)?.is_none() {
                        return Err(vm.attribute_error(n.to_string()));
                    }
                }
            }
            crate::object::typeobj::modified(vm, o);
            Ok(true)
        }
        // `type_set_module`: the class's dict entry.
        Payload::Type(t) if (n == "__module__" || n == "__doc__") && t.heap => {
            let Some(v) = v else {
                return Err(vm.type_error(format!(
                    "cannot delete '{n}' attribute of immutable type '{}'",
                    t.name()
                )));
            };
            let Some(d) = t.dict.get().cloned() else {
                return Ok(false);
            };
            crate::object::typeobj::modified(vm, o);
            let key = vm.new_pystr(PyStr::from_vec(name.to_vec()));
            crate::types::dict::set_item(vm, &d, key, v)?;
            Ok(true)
        }
        Payload::Type(t) if n == "__name__" || n == "__qualname__" => {
            if !t.heap {
                return Err(vm.type_error(format!(
                    "cannot set '{n}' attribute of immutable type '{}'",
                    t.name()
                )));
            }
            let s = match v.as_ref().and_then(|v| v.as_str()) {
                Some(s) => s.as_rust().into_owned(),
                None => {
                    let what = match &v {
                        Some(v) => vm.type_name(v),
                        None => {
                            return Err(vm.type_error(format!(
                                "cannot delete '{n}' attribute of immutable type '{}'",
                                t.name()
                            )))
                        }
                    };
                    return Err(vm.type_error(format!(
                        "can only assign string to {}.{n}, not '{what}'",
                        t.name()
                    )));
                }
            };
            if n == "__name__" {
                *t.name.borrow_mut() = s;
            } else {
                *t.qualname.borrow_mut() = s;
            }
            Ok(true)
        }
        _ => {
            let _ = tdata(&o.ty);
            Ok(false)
        }
    }
}

/// `real`, `imag`, `numerator`, `denominator` of an int, bool or float (inline or a
/// subclass instance); `real` of a subclass instance is a plain int/float.
pub fn number_attr(vm: &mut Vm, v: &Value, n: &str) -> Option<Value> {
    use crate::types::int::{big_to_value, num_of, to_bigint, Num};
    let num = num_of(v)?;
    let is_float = matches!(num, Num::F(_));
    Some(match (n, is_float) {
        ("real", false) | ("numerator", false) => big_to_value(vm, to_bigint(v)?),
        ("imag", false) => Value::Int(0),
        ("denominator", false) => Value::Int(1),
        ("real", true) => match num {
            Num::F(f) => Value::Float(f),
            _ => return None,
        },
        ("imag", true) => Value::Float(0.0),
        _ => return None,
    })
}

/// A function's `__dict__`, created on first use.
fn function_dict(vm: &mut Vm, f: &crate::types::function::FunctionData) -> PyRef {
    if let Some(d) = &*f.dict.borrow() {
        return d.clone();
    }
    let d = vm.new_dict_ref();
    *f.dict.borrow_mut() = Some(d.clone());
    d
}

/// `type.__flags__`: CPython's `tp_flags` bits that Python code tests (`copyreg` reads
/// Py_TPFLAGS_HEAPTYPE, `inspect` IS_ABSTRACT); the rest of CPython's bits (GC, version
/// tag, ...) describe its C layout and are left out.
fn type_flags(vm: &Vm, o: &PyRef, t: &crate::object::TypeData) -> i64 {
    use crate::object::typeobj::{is_subtype, BaseKind};
    const HEAPTYPE: i64 = 1 << 9;
    const BASETYPE: i64 = 1 << 10;
    const READY: i64 = 1 << 12;
    let mut f = READY;
    if t.heap {
        f |= HEAPTYPE;
    }
    if t.kind != BaseKind::Final {
        f |= BASETYPE;
    }
    let ty = &vm.types;
    for (base, bit) in [
        (&ty.list, 1 << 5),
        (&ty.tuple, 1 << 5),
        (&ty.dict, 1 << 6),
        (&ty.int, 1 << 24),
        (&ty.list, 1 << 25),
        (&ty.tuple, 1 << 26),
        (&ty.bytes, 1 << 27),
        (&ty.str, 1 << 28),
        (&ty.dict, 1 << 29),
        (&ty.base_exception, 1 << 30),
        (&ty.type_, 1 << 31),
    ] {
        if is_subtype(o, base) {
            f |= bit;
        }
    }
    f
}
