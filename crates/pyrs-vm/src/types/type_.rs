//! `type`: calling a type (`type_call`: `__new__` then `__init__`), creating classes
//! (`type_new`: C3 MRO, `__classcell__`, `__set_name__`, `__init_subclass__`), and `super`
//! (CPython: `Objects/typeobject.c`).

use crate::object::protocol::{call_dunder, heap_dunder};
use crate::object::typeobj::{c3_mro, full_mro, tdata, BaseKind, TypeData};
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::types::dict;
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// `cls(*args, **kw)` for a type object.
pub fn type_call(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    if cls.is(&vm.types.type_) && args.pos.len() == 1 && args.kw.is_empty() {
        return Ok(Value::Obj(vm.type_of(&args.pos[0]).clone()));
    }
    let td = tdata(cls);
    // A Python exception class seen to be plain (below) since its last change.
    let tag = crate::object::typeobj::version_tag(vm, cls).wrapping_add(1);
    if td.exc_plain_call.get() == tag && args.kw.is_empty() {
        return crate::types::exceptions::exc_new(vm, cls, args);
    }
    let user_new = heap_dunder(vm, cls, "__new__");
    let user_init = heap_dunder(vm, cls, "__init__");
    let cls_v = Value::Obj(cls.clone());
    let obj = match &user_new {
        Some(f) => {
            let f = match f.payload() {
                Some(Payload::StaticMethod(inner)) => inner.clone(),
                _ => f.clone(),
            };
            let mut pos = vec![cls_v.clone()];
            pos.extend(args.pos.iter().cloned());
            let kw = args.kw.clone();
            vm.call_args(
                &f,
                Args {
                    pos: pos.into(),
                    kw,
                },
            )?
        }
        None => {
            let Some(newf) = td.find_new() else {
                return Err(vm.type_error(format!("cannot create '{}' instances", td.name())));
            };
            // object's own __new__ and __init__ take no arguments (a builtin with its own
            // __new__ of kind Object, as SimpleNamespace, takes its own).
            if td.kind == BaseKind::Object
                && user_init.is_none()
                && (!args.pos.is_empty() || !args.kw.is_empty())
                && same_fn(
                    newf as *const (),
                    crate::types::object::object_new as *const (),
                )
            {
                return Err(vm.type_error(format!("{}() takes no arguments", td.name())));
            }
            // BaseException's own `__new__` and `__init__` without keywords: `__new__`
            // stores the arguments (`args`, ImportError's `msg`) and `__init__` would
            // store the very same again, so the arguments move into `__new__` and no
            // `__init__` runs. (Keywords go to `__init__`, which refuses them or sets
            // ImportError/NameError/AttributeError members.)
            if user_init.is_none()
                && args.kw.is_empty()
                && same_fn(
                    newf as *const (),
                    crate::types::exceptions::exc_new as *const (),
                )
                && td.find_init().is_some_and(|i| {
                    same_fn(
                        i as *const (),
                        crate::types::exceptions::exc_init as *const (),
                    )
                })
            {
                if td.heap {
                    td.exc_plain_call.set(tag);
                }
                return newf(vm, cls, args);
            }
            let a = if user_init.is_some() && td.kind == BaseKind::Object {
                Args::default()
            } else {
                Args {
                    pos: args.pos.clone(),
                    kw: args.kw.clone(),
                }
            };
            newf(vm, cls, a)?
        }
    };
    if !vm.isinstance(&obj, cls) {
        return Ok(obj);
    }
    match user_init {
        Some(f) => {
            let r = call_dunder_args(vm, f, &obj, args)?;
            if !matches!(r, Value::None) {
                return Err(vm.type_error(format!(
                    "__init__() should return None, not '{}'",
                    vm.type_name(&r)
                )));
            }
        }
        None => {
            if user_new.is_some() && td.kind == BaseKind::Object {
                return Ok(obj);
            }
            if let Some(init) = td.find_init() {
                init(vm, &obj, args)?;
            }
        }
    }
    Ok(obj)
}

/// Whether two slot functions are the same function.
fn same_fn(a: *const (), b: *const ()) -> bool {
    std::ptr::eq(a, b)
}

fn call_dunder_args(vm: &mut Vm, f: Value, obj: &Value, args: Args) -> PyResult<Value> {
    // A Python `__init__` (the common case): self and the arguments in one `ArgVec`
    // (inline up to three), straight to the call.
    if matches!(f.payload(), Some(Payload::Function(_))) {
        let mut pos = crate::types::args::ArgVec::with_capacity(args.pos.len() + 1);
        pos.push(obj.clone());
        pos.extend(args.pos);
        return vm.call_args(&f, Args { pos, kw: args.kw });
    }
    if args.kw.is_empty() {
        return call_dunder(vm, f, obj, args.pos.into_vec());
    }
    let mut pos = vec![obj.clone()];
    pos.extend(args.pos);
    vm.call_args(
        &f,
        Args {
            pos: pos.into(),
            kw: args.kw,
        },
    )
}

/// `type(name, bases, ns)` (and `type(x)` via type_call).
pub fn type_new(vm: &mut Vm, meta: &PyRef, args: Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = match args.pos[0].as_str() {
        Some(s) => s.as_rust().into_owned(),
        None => {
            let t = vm.type_name(&args.pos[0]);
            return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {t}")));
        }
    };
    if args.pos[1].as_tuple().is_none() {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {t}")));
    }
    let bases = vm.collect(&args.pos[1])?;
    let Some(ns) = args.pos[2]
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)))
        .cloned()
    else {
        let t = vm.type_name(&args.pos[2]);
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {t}")));
    };
    // `type_new_get_bases`: a base that is no class but has `__mro_entries__` (`list[int]`)
    // is for `__build_class__`/`types.new_class`, not for `type()`.
    for b in &bases {
        if !matches!(b.payload(), Some(Payload::Type(_)))
            && crate::types::generic_alias::lookup_attr(vm, b, "__mro_entries__")?.is_some()
        {
            return Err(
                vm.type_error("type() doesn't support MRO entry resolution; use types.new_class()")
            );
        }
    }
    // `_PyType_CalculateMetaclass`: the most derived of `meta` and the bases' metaclasses.
    // A winner other than `meta` with its own `__new__` makes the class (`type(name,
    // (SomeEnum,), ns)` is EnumType's work, as in CPython's type_new).
    let mut winner = meta.clone();
    for b in &bases {
        let bt = vm.type_of(b).clone();
        if crate::object::typeobj::is_subtype(&bt, &winner) {
            winner = bt;
        } else if !crate::object::typeobj::is_subtype(&winner, &bt) {
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    if !winner.is(meta) {
        if let Some(f) = heap_dunder(vm, &winner, "__new__") {
            let f = match f.payload() {
                Some(Payload::StaticMethod(inner)) => inner.clone(),
                _ => f,
            };
            let mut pos = vec![Value::Obj(winner.clone())];
            pos.extend(args.pos.iter().cloned());
            return vm.call_args(
                &f,
                Args {
                    pos: pos.into(),
                    kw: args.kw,
                },
            );
        }
    }
    make_class(vm, &winner, &name, bases, &ns, args.kw).map(Value::Obj)
}

/// `__slots__` in a class body (`type_new_descriptors`): a member descriptor per name;
/// without `"__dict__"` among them (and in every heap base) instances get no `__dict__`.
fn install_slots(vm: &mut Vm, cls: &PyRef, bases: &[PyRef], d: &PyRef) -> PyResult<()> {
    let key = vm.intern("__slots__");
    let h = crate::object::attr::hash_of(vm, &key);
    let Some(slots) = dict::dict_get_str(d, crate::object::attr::pystr(&key), h) else {
        return Ok(());
    };
    let names = if slots.as_str().is_some() {
        vec![slots]
    } else {
        vm.collect(&slots)?
    };
    let mut has_dict = false;
    for n in &names {
        let Some(s) = n.as_str() else {
            let t = vm.type_name(n);
            return Err(vm.type_error(format!("__slots__ items must be strings, not '{t}'")));
        };
        let name = s.as_rust().into_owned();
        if name == "__dict__" {
            has_dict = true;
            continue;
        }
        if name == "__weakref__" {
            continue;
        }
        let nref = vm.intern(&name);
        let nh = crate::object::attr::hash_of(vm, &nref);
        if dict::dict_get_str(d, s, nh).is_some() {
            return Err(vm.value_error(format!(
                "'{name}' in __slots__ conflicts with class variable"
            )));
        }
        let ty = vm.types.member_descriptor.clone();
        let m = vm.alloc(&ty, Payload::Member(Box::new((nref.clone(), cls.clone()))));
        dict::dict_set_str(vm, d, &nref, Value::Obj(m));
    }
    // A builtin base gives no `__dict__` — except BaseException, whose instances always
    // have one (CPython's `BaseException.__dict__`), so its subclasses' do too.
    let exc = vm.types.base_exception.clone();
    let bases_slotted = bases.iter().all(|b| {
        if tdata(b).heap {
            tdata(b).slots_only.get()
        } else {
            !crate::object::typeobj::is_subtype(b, &exc)
        }
    });
    tdata(cls).slots_only.set(!has_dict && bases_slotted);
    tdata(cls).slotted.set(true);
    Ok(())
}

/// Create a class object (`type_new_impl`).
pub fn make_class(
    vm: &mut Vm,
    meta: &PyRef,
    name: &str,
    bases: Vec<Value>,
    ns: &PyRef,
    kw: Vec<(PyRef, Value)>,
) -> PyResult<PyRef> {
    let mut base_types = Vec::new();
    for b in &bases {
        match b.as_obj() {
            Some(o) if matches!(o.payload, Payload::Type(_)) => {
                if tdata(o).kind == BaseKind::Final && !o.is(&vm.types.object) {
                    return Err(vm.type_error(format!(
                        "type '{}' is not an acceptable base type",
                        tdata(o).name()
                    )));
                }
                base_types.push(o.clone())
            }
            _ => return Err(vm.type_error("bases must be types")),
        }
    }
    if base_types.is_empty() {
        base_types.push(vm.types.object.clone());
    }
    for (i, b) in base_types.iter().enumerate() {
        if base_types[..i].iter().any(|x| x.is(b)) {
            return Err(vm.type_error(format!("duplicate base class {}", tdata(b).name())));
        }
    }
    // One base: the C3 merge is that base's own MRO (no merge to do).
    let merged = match base_types.as_slice() {
        [only] => Ok(full_mro(only)),
        _ => c3_mro(&base_types),
    };
    let mro = match merged {
        Ok(m) => m,
        Err(heads) => {
            let names: Vec<String> = heads.iter().map(|t| tdata(t).name()).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
    };
    let kind = base_types
        .iter()
        .map(|b| tdata(b).kind)
        .find(|k| *k != BaseKind::Object)
        .unwrap_or(BaseKind::Object);
    // Two builtin layouts cannot be one instance (`best_base`).
    if base_types
        .iter()
        .any(|b| !matches!(tdata(b).kind, BaseKind::Object) && tdata(b).kind != kind)
    {
        return Err(vm.type_error("multiple bases have instance lay-out conflict"));
    }
    let td = TypeData::new(name, kind, true);
    for b in &base_types {
        tdata(b).has_subclasses.set(true);
    }
    let _ = td.bases.set(base_types.clone());
    let _ = td.mro.set(mro);
    // The class dict is a copy of the namespace (type_new's `PyDict_Copy`), then the
    // names treated specially are taken out or wrapped, each found by one lookup.
    let copied = match dict::dict_data(ns) {
        Some(dd) => dd.borrow().copy(),
        None => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                vm.type_name(&Value::Obj(ns.clone()))
            )))
        }
    };
    let d = vm.alloc(
        &vm.types.dict,
        Payload::Dict(Box::new(std::cell::RefCell::new(copied))),
    );
    let qn = vm.intern("__qualname__");
    if let Some(v) = dict::del_item(vm, &d, &Value::Obj(qn))? {
        match v.as_str() {
            Some(s) => *td.qualname.borrow_mut() = s.as_rust().into_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    vm.type_name(&v)
                )))
            }
        }
    }
    let cc = vm.intern("__classcell__");
    let classcell = dict::del_item(vm, &d, &Value::Obj(cc))?;
    for (name, wrap_static) in [
        ("__new__", true),
        ("__init_subclass__", false),
        ("__class_getitem__", false),
    ] {
        let k = vm.intern(name);
        let h = crate::object::attr::hash_of(vm, &k);
        let Some(v) = dict::dict_get_str(&d, crate::object::attr::pystr(&k), h) else {
            continue;
        };
        if !matches!(v.payload(), Some(Payload::Function(_))) {
            continue;
        }
        // `PyStaticMethod_New`/`PyClassMethod_New`: an empty `__dict__`, nothing copied.
        let (ty, payload) = if wrap_static {
            (vm.types.staticmethod.clone(), Payload::StaticMethod(v))
        } else {
            (vm.types.classmethod.clone(), Payload::ClassMethod(v))
        };
        let w = PyRef::new(PyObject {
            ty: ty.into(),
            dict: crate::object::DictSlot::new(Some(vm.new_dict_ref())),
            payload,
        });
        dict::dict_set_str(vm, &d, &k, Value::Obj(w));
    }
    // `type(name, bases, ns)` without `__module__`: the caller's `__name__` (type_new_set_module).
    {
        let m = vm.intern("__module__");
        let mh = crate::object::attr::hash_of(vm, &m);
        if dict::dict_get_str(&d, crate::object::attr::pystr(&m), mh).is_none() {
            if let Some(g) = vm.thread.frames.last().and_then(|f| f.globals()).cloned() {
                let n = vm.intern("__name__");
                let nh = crate::object::attr::hash_of(vm, &n);
                if let Some(v) = dict::dict_get_str(&g, crate::object::attr::pystr(&n), nh) {
                    dict::dict_set_str(vm, &d, &m, v);
                }
            }
        }
    }
    // `type_new_set_doc`: every class has its own `__doc__` (None without a docstring),
    // so `C().__doc__` never finds object's.
    {
        let doc = vm.intern("__doc__");
        let h = crate::object::attr::hash_of(vm, &doc);
        if dict::dict_get_str(&d, crate::object::attr::pystr(&doc), h).is_none() {
            dict::dict_set_str(vm, &d, &doc, Value::None);
        }
    }
    // A class that defines `__eq__` but not `__hash__` gets `__hash__ = None`
    // (`type_new_set_hash`... CPython's `inherit_slots` rule for tp_hash).
    {
        let (eq, hash) = (vm.intern("__eq__"), vm.intern("__hash__"));
        let (he, hh) = (
            crate::object::attr::hash_of(vm, &eq),
            crate::object::attr::hash_of(vm, &hash),
        );
        if dict::dict_get_str(&d, crate::object::attr::pystr(&eq), he).is_some()
            && dict::dict_get_str(&d, crate::object::attr::pystr(&hash), hh).is_none()
        {
            dict::dict_set_str(vm, &d, &hash, Value::None);
        }
    }
    let _ = td.dict.set(d.clone());
    let cls = PyRef::new(PyObject {
        ty: meta.clone().into(),
        dict: crate::object::DictSlot::new(None),
        payload: Payload::Type(Box::new(td)),
    });
    crate::types::introspect::note_subclass(&base_types, &cls);
    if let Some(Value::Obj(cell)) = &classcell {
        if let Payload::Cell(c) = &cell.payload {
            *c.borrow_mut() = Some(Value::Obj(cls.clone()));
        }
    }
    if base_types.iter().any(|b| tdata(b).slotted.get()) {
        tdata(&cls).slotted.set(true);
    }
    install_slots(vm, &cls, &base_types, &d)?;
    let ga = vm.intern("__getattribute__");
    let gh = crate::object::attr::hash_of(vm, &ga);
    let defines = dict::dict_get_str(&d, crate::object::attr::pystr(&ga), gh).is_some();
    if defines || base_types.iter().any(|b| tdata(b).has_getattribute.get()) {
        tdata(&cls).has_getattribute.set(true);
    }
    let del = vm.intern("__del__");
    let dh = crate::object::attr::hash_of(vm, &del);
    let defines_del = dict::dict_get_str(&d, crate::object::attr::pystr(&del), dh).is_some();
    if defines_del || base_types.iter().any(|b| tdata(b).has_finalizer.get()) {
        tdata(&cls).has_finalizer.set(true);
    }
    // __set_name__ on attributes that define it (only instances of classes can: the
    // common class dict of functions and constants is scanned without a copy).
    // (`property.__set_name__` only records the name: done here without a call.)
    let mut any_heap_value = false;
    if let Some(dd) = dict::dict_data(&d) {
        for e in dd.borrow().iter() {
            let Value::Obj(o) = &e.value else { continue };
            if tdata(&o.ty).heap {
                any_heap_value = true;
            } else if let (Payload::Property(p), Some(_)) = (&o.payload, e.key.as_str()) {
                *p.name.borrow_mut() = e.key.clone();
            }
        }
    }
    let named = if any_heap_value {
        dict::items(&d)
    } else {
        Vec::new()
    };
    for (k, v) in named {
        if let Value::Obj(o) = &v {
            if tdata(&o.ty).heap {
                let t = o.ty.clone();
                if let Some(f) = heap_dunder(vm, &t, "__set_name__") {
                    if let Err(e) = call_dunder(vm, f, &v, vec![Value::Obj(cls.clone()), k.clone()])
                    {
                        // 3.11 wraps the error (type_new_set_names).
                        let kr = vm.repr(&k)?;
                        let err = vm.runtime_error(format!(
                            "Error calling __set_name__ on '{}' instance {kr} in '{name}'",
                            tdata(&t).name()
                        ));
                        if let Some(d) = crate::types::exceptions::exc_data(&err.0) {
                            *d.cause.borrow_mut() = Some(Value::Obj(e.0.clone()));
                            *d.context.borrow_mut() = Some(Value::Obj(e.0.clone()));
                            d.suppress_context.set(true);
                        }
                        return Err(err);
                    }
                }
            }
        }
    }
    // The parent's __init_subclass__ (a classmethod), with the class keywords. Without
    // keywords and with only builtin types after the class in its MRO, it is
    // `object.__init_subclass__`, which does nothing then: no lookup.
    let only_builtin_bases = tdata(&cls).mro().iter().all(|t| !tdata(t).heap);
    if kw.is_empty() && only_builtin_bases {
        return Ok(cls);
    }
    let n = vm.intern("__init_subclass__");
    let sup = super_lookup(vm, &cls, &Value::Obj(cls.clone()), &n)?;
    if let Some(f) = sup {
        if !matches!(f.payload(), Some(Payload::Builtin(_))) {
            vm.call_args(
                &f,
                Args {
                    pos: Default::default(),
                    kw,
                },
            )?;
        } else if !kw.is_empty() {
            return Err(vm.type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            )));
        }
    }
    Ok(cls)
}

/// `super(start, obj).name`: search `obj`'s MRO after `start`.
pub fn super_lookup(
    vm: &mut Vm,
    start: &PyRef,
    obj: &Value,
    name: &PyRef,
) -> PyResult<Option<Value>> {
    // An unbound super (`super(C)`: no object, CPython's NULL) finds nothing: its
    // attributes are the super object's own.
    if matches!(obj, Value::None) {
        return Ok(None);
    }
    // `supercheck`: a class that is a subclass of `start` is its own owner; otherwise
    // (an instance, including a class under its metaclass) the owner is its type.
    let obj_is_type = matches!(obj, Value::Obj(o) if matches!(o.payload, Payload::Type(_))
        && crate::object::typeobj::is_subtype(o, start));
    let owner = match obj {
        Value::Obj(o) if obj_is_type => o.clone(),
        _ => vm.type_of(obj).clone(),
    };
    let mro = full_mro(&owner);
    let Some(pos) = mro.iter().position(|t| t.is(start)) else {
        return Ok(None);
    };
    let Some(s) = Value::Obj(name.clone())
        .as_str()
        .map(|s| (s.hash(&vm.hash_secret), s.eq_rust("__new__")))
    else {
        return Ok(None);
    };
    let (h, is_new) = s;
    let nv = Value::Obj(name.clone());
    let Some(ps) = nv.as_str() else {
        return Ok(None);
    };
    for t in &mro[pos + 1..] {
        let Some(d) = tdata(t).dict.get() else {
            continue;
        };
        if let Some(v) = dict::dict_get_str(d, ps, h) {
            if is_new {
                if let Some(Payload::StaticMethod(f)) = v.payload() {
                    return Ok(Some(f.clone()));
                }
                return Ok(Some(v));
            }
            let inst = if obj_is_type { None } else { Some(obj.clone()) };
            return crate::object::attr::descr_get(vm, v, inst, &owner).map(Some);
        }
    }
    Ok(None)
}

/// `super()` / `super(type, obj)` / `super(type)`. An obj of None is no object, as in
/// CPython's `super_init`: an unbound super (`Value::None` in the payload, repr NULL).
pub fn super_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    let (start, obj) = match args.pos.len() {
        2 => (args.pos[0].clone(), args.pos[1].clone()),
        1 => (args.pos[0].clone(), Value::None),
        0 => zero_arg_super(vm)?,
        n => return Err(vm.type_error(format!("super() expected at most 2 arguments, got {n}"))),
    };
    let Some(start) = start
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(&start)
        )));
    };
    // `super_check`: obj must be an instance or a subclass of start.
    let ok = matches!(obj, Value::None)
        || match &obj {
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => {
                crate::object::typeobj::is_subtype(o, &start)
            }
            _ => false,
        }
        || crate::object::typeobj::is_subtype(vm.type_of(&obj), &start);
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::Obj(
        vm.alloc(cls, Payload::Super(Box::new((start, obj)))),
    ))
}

/// `super.__get__(obj, type)` (`super_descr_get`): an unbound super read through an
/// instance binds to it (`super(C, obj)`); a bound one, or one read from the class,
/// is itself.
pub fn super_get(vm: &mut Vm, sup: &Value, obj: Option<Value>) -> PyResult<Value> {
    let (start, unbound) = match sup.payload() {
        Some(Payload::Super(s)) => (s.0.clone(), matches!(s.1, Value::None)),
        _ => return Ok(sup.clone()),
    };
    match obj {
        Some(o) if unbound && !matches!(o, Value::None) => {
            let cls = vm.type_of(sup).clone();
            super_new(vm, &cls, Args::positional(vec![Value::Obj(start), o]))
        }
        _ => Ok(sup.clone()),
    }
}

/// `super_repr`: `<super: <class 'B'>, <B object>>` (the class `__self_class__` names),
/// `<super: <class 'B'>, NULL>` unbound.
pub fn super_repr(vm: &mut Vm, o: &PyRef) -> Option<String> {
    let Payload::Super(s) = &o.payload else {
        return None;
    };
    let this = tdata(&s.0).name();
    Some(match &s.1 {
        Value::None => format!("<super: <class '{this}'>, NULL>"),
        v => {
            let owner = match v {
                Value::Obj(c)
                    if matches!(c.payload, Payload::Type(_))
                        && crate::object::typeobj::is_subtype(c, &s.0) =>
                {
                    c.clone()
                }
                _ => vm.type_of(v).clone(),
            };
            format!(
                "<super: <class '{this}'>, <{} object>>",
                tdata(&owner).name()
            )
        }
    })
}

/// The `__class__` cell and first argument of the calling frame.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.thread.frames.last() else {
        return Err(vm.runtime_error("super(): no arguments"));
    };
    let Some(code) = crate::code::as_code(&f.code) else {
        return Err(vm.runtime_error("super(): no code object"));
    };
    if code.argcount == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let base = f.fast_base;
    let cell_value = |v: Option<&Option<Value>>| -> Option<Value> {
        let v = v?.clone()?;
        match v.payload() {
            Some(Payload::Cell(c)) => c.borrow().clone(),
            _ => Some(v),
        }
    };
    let first = cell_value(vm.thread.fast.get(base))
        .or_else(|| vm.thread.fast.get(base).cloned().flatten());
    let class_slot = code
        .localsplus_names
        .iter()
        .position(|n| matches!(&n.payload, Payload::Str(s) if s.eq_rust("__class__")));
    let class = class_slot.and_then(|i| cell_value(vm.thread.fast.get(base + i)));
    match (class, first) {
        (Some(c), Some(o)) => Ok((c, o)),
        (None, _) => Err(vm.runtime_error("super(): __class__ cell not found")),
        (_, None) => Err(vm.runtime_error("super(): arg[0] deleted")),
    }
}

fn mro_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first().and_then(|v| v.as_obj()) {
        Some(t) if matches!(t.payload, Payload::Type(_)) => {
            let m = full_mro(t).into_iter().map(Value::Obj).collect();
            Ok(vm.new_list(m))
        }
        _ => Err(vm.type_error("descriptor 'mro' requires a 'type' object")),
    }
}

fn subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__subclasscheck__", 2, 2)?;
    match (args.pos[0].as_obj(), args.pos[1].as_obj()) {
        (Some(a), Some(b)) => Ok(Value::Bool(crate::object::typeobj::is_subtype(b, a))),
        _ => Ok(Value::Bool(false)),
    }
}

fn new_method(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    }
    let meta = args.pos.remove(0);
    match meta.as_obj() {
        Some(m) if matches!(m.payload, Payload::Type(_)) => {
            let m = m.clone();
            type_new(vm, &m, args)
        }
        _ => Err(vm.type_error("type.__new__(X): X is not a type object")),
    }
}

fn init_method(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)`: what `super().__call__` in a metaclass reaches.
fn call_method(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    }
    let cls = args.pos.remove(0);
    match cls.as_obj() {
        Some(c) if matches!(c.payload, Payload::Type(_)) => {
            let c = c.clone();
            type_call(vm, &c, args)
        }
        _ => {
            let t = vm.type_name(&cls);
            Err(vm.type_error(format!(
                "descriptor '__call__' requires a 'type' object but received a '{t}'"
            )))
        }
    }
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__call__", call_method),
    ("mro", mro_method),
    ("__subclasscheck__", subclasscheck),
    ("__new__", new_method),
    ("__init__", init_method),
];
