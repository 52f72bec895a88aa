//! Types defined by native modules (`collections.deque`, the `itertools` iterators,
//! `_thread.lock`, `functools.partial`, ...): how they are made, how their instances
//! carry Rust state, and Argument Clinic's argument parsing (CPython: `PyType_FromSpec`
//! in `Objects/typeobject.c`, `Python/getargs.c`'s `_PyArg_UnpackKeywords`).
//!
//! A native type is a type object like a class statement's (`TypeData::heap`), whose
//! special methods (`__next__`, `__len__`, `__repr__`, ...) are Rust functions in its
//! dict: the VM's protocol paths (`object/protocol.rs`, `types/iter.rs`) find them as they
//! find a class's dunders, so a module adds a type without touching them, and a class
//! statement can subclass it (CPython's `Py_TPFLAGS_BASETYPE`) and override any of them.
//! Instances hold their state in [`Payload::Native`]: a boxed [`NativeData`] that lists
//! its references (`traverse`, for the cycle collector) and that the module's functions
//! downcast to its own struct. Exact instances have no `__dict__` (the type is
//! `slots_only`), instances of subclasses do, as in CPython.
//!
//! Differences from a static type, written down in docs/differences.md: attributes can be
//! set on the type object (CPython: "cannot set 'x' attribute of immutable type").

use crate::object::typeobj::{c3_mro, tdata, BaseKind, TypeData};
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::types::function::{Args, BuiltinData, NativeFn};
use crate::vm::{PyResult, Vm};
use std::any::Any;

/// The Rust state of an instance of a native module's type.
pub trait NativeData: Any {
    /// Calls `visit` with every reference the state holds (CPython's `tp_traverse`).
    fn traverse(&self, visit: &mut dyn FnMut(&Value));
}

/// The state of `v` if it is an instance (or a subclass instance) of the native type
/// whose state is `T`.
pub fn state<T: NativeData>(v: &Value) -> Option<&T> {
    match v.payload()? {
        Payload::Native(n) => {
            let any: &dyn Any = &**n;
            any.downcast_ref::<T>()
        }
        _ => None,
    }
}

/// A new native type `module.name` with `bases` (object when empty).
///
/// `methods` become method descriptors, `classmethods` class methods; `new` is the
/// type's `__new__` (a static method called with the class first), `None` for a type
/// Python cannot instantiate. `subclassable: false` is CPython's type without
/// `Py_TPFLAGS_BASETYPE`.
pub struct Spec<'a> {
    pub name: &'static str,
    pub module: &'static str,
    pub doc: Option<&'static str>,
    pub bases: &'a [PyRef],
    pub new: Option<NativeFn>,
    pub methods: &'a [(&'static str, NativeFn)],
    pub classmethods: &'a [(&'static str, NativeFn)],
    pub subclassable: bool,
    /// Bound as the first argument of `new` (before the class): module state that
    /// `__new__` needs (CPython reads it from the type's module).
    pub new_self: Option<Value>,
    /// Instances have no `__dict__` and no slot storage (every type but those whose
    /// state needs member descriptors, as `defaultdict.default_factory`).
    pub no_dict: bool,
}

impl<'a> Spec<'a> {
    pub fn new(name: &'static str, module: &'static str) -> Spec<'a> {
        Spec {
            name,
            module,
            doc: None,
            bases: &[],
            new: None,
            methods: &[],
            classmethods: &[],
            subclassable: true,
            new_self: None,
            no_dict: true,
        }
    }
}

fn builtin(vm: &mut Vm, owner: &PyRef, name: &'static str, f: NativeFn, is_method: bool) -> Value {
    let ty = vm.types.builtin_function.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::Builtin(Box::new(BuiltinData {
            name,
            func: f,
            self_: None,
            is_method,
            owner: Some(owner.clone()),
            fast: None,
        })),
    ))
}

/// Make the type object of `spec`.
pub fn new_type(vm: &mut Vm, spec: &Spec) -> PyRef {
    let bases: Vec<PyRef> = if spec.bases.is_empty() {
        vec![vm.types.object.clone()]
    } else {
        spec.bases.to_vec()
    };
    let kind = if !spec.subclassable {
        BaseKind::Final
    } else {
        bases
            .iter()
            .map(|b| tdata(b).kind)
            .find(|k| *k != BaseKind::Object)
            .unwrap_or(BaseKind::Object)
    };
    // `tp_name` is dotted as CPython's static types' ("collections.deque": error messages
    // print it); `__qualname__` and `__name__` are the bare name (types/getset.rs).
    // Types of `builtins` have an undotted tp_name ("mappingproxy").
    let tp_name = if spec.module == "builtins" {
        spec.name.to_string()
    } else {
        format!("{}.{}", spec.module, spec.name)
    };
    let td = TypeData::new(&tp_name, kind, true);
    *td.qualname.borrow_mut() = spec.name.to_string();
    for b in &bases {
        tdata(b).has_subclasses.set(true);
    }
    let mro = c3_mro(&bases).unwrap_or_else(|_| bases.clone());
    let _ = td.bases.set(bases);
    let _ = td.mro.set(mro);
    let d = vm.new_dict_ref();
    let _ = td.dict.set(d.clone());
    // Exact instances without `__dict__`: an empty `__slots__`. Those with one keep it
    // in their dict field directly.
    td.slotted.set(spec.no_dict);
    td.slots_only.set(spec.no_dict);
    let ty = PyRef::new(PyObject {
        ty: vm.types.type_.clone().into(),
        dict: crate::object::DictSlot::new(None),
        payload: Payload::Type(Box::new(td)),
    });
    crate::types::introspect::note_subclass(tdata(&ty).bases(), &ty);
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let n = vm.intern(name);
        crate::types::dict::dict_set_str(vm, &d, &n, v);
    };
    let m = vm.new_str(spec.module);
    set(vm, "__module__", m);
    let doc = spec.doc.map_or(Value::None, |s| vm.new_str(s));
    set(vm, "__doc__", doc);
    for (name, f) in spec.methods {
        let b = builtin(vm, &ty, name, *f, true);
        set(vm, name, b);
    }
    for (name, f) in spec.classmethods {
        let b = builtin(vm, &ty, name, *f, false);
        let cm_ty = vm.types.classmethod.clone();
        let cm = Value::Obj(vm.alloc(&cm_ty, Payload::ClassMethod(b)));
        set(vm, name, cm);
    }
    if let Some(f) = spec.new {
        let b = builtin(vm, &ty, "__new__", f, false);
        if let (Some(st), Value::Obj(o)) = (&spec.new_self, &b) {
            if let Payload::Builtin(bd) = &o.payload {
                let bound = BuiltinData {
                    name: bd.name,
                    func: bd.func,
                    self_: Some(st.clone()),
                    is_method: false,
                    owner: bd.owner.clone(),
                    fast: None,
                };
                let bty = vm.types.builtin_function.clone();
                let bv = Value::Obj(vm.alloc(&bty, Payload::Builtin(Box::new(bound))));
                let sm_ty = vm.types.staticmethod.clone();
                let sm = Value::Obj(vm.alloc(&sm_ty, Payload::StaticMethod(bv)));
                set(vm, "__new__", sm);
            }
        }
        if spec.new_self.is_none() {
            let sm_ty = vm.types.staticmethod.clone();
            let sm = Value::Obj(vm.alloc(&sm_ty, Payload::StaticMethod(b)));
            set(vm, "__new__", sm);
        }
    }
    // A type comparing by value without `__hash__` is unhashable (`tp_hash =
    // PyObject_HashNotImplemented`), as a class statement's.
    if spec.methods.iter().any(|(n, _)| *n == "__eq__")
        && !spec.methods.iter().any(|(n, _)| *n == "__hash__")
    {
        set(vm, "__hash__", Value::None);
    }
    ty
}

/// Set a class attribute of a native type (constants such as `TIMEOUT_MAX`).
pub fn set_attr(vm: &mut Vm, ty: &PyRef, name: &str, v: Value) {
    if let Some(d) = tdata(ty).dict.get().cloned() {
        let n = vm.intern(name);
        crate::types::dict::dict_set_str(vm, &d, &n, v);
    }
}

/// Put on native type `ty` an attribute `name` whose get/set/delete are Rust functions
/// (CPython's `PyGetSetDef`/`PyMemberDef` entries; a `property` over builtins here): a
/// `None` setter or deleter leaves that operation to raise property's "no setter" error.
pub fn add_property(
    vm: &mut Vm,
    ty: &PyRef,
    name: &'static str,
    get: NativeFn,
    set: Option<NativeFn>,
    del: Option<NativeFn>,
) {
    let mut f = |g: Option<NativeFn>| match g {
        Some(g) => crate::types::function::new_builtin(vm, name, g),
        None => Value::None,
    };
    let accessors = [f(Some(get)), f(set), f(del)];
    let pty = vm.types.property.clone();
    let prop = vm.alloc(
        &pty,
        crate::object::Payload::Property(crate::object::PropertyData::new(accessors)),
    );
    set_attr(vm, ty, name, Value::Obj(prop));
}

/// A new instance of `cls` (a native type or a subclass) holding `data`; subclasses of
/// a class statement get their instance dict (or slot storage).
pub fn alloc(vm: &mut Vm, cls: &PyRef, data: impl NativeData) -> Value {
    let payload = Payload::Native(Box::new(data));
    if tdata(cls).slots_only.get() {
        Value::Obj(vm.alloc(cls, payload))
    } else {
        Value::Obj(vm.alloc_instance(cls, payload))
    }
}

/// The class argument of a `__new__` (`args.pos[0]`), removed from `args`.
pub fn take_cls(vm: &mut Vm, args: &mut Args, tyname: &str) -> PyResult<PyRef> {
    if args.pos.is_empty() {
        return Err(vm.type_error(format!("{tyname}.__new__(): not enough arguments")));
    }
    let cls = args.pos.remove(0);
    match cls.as_obj() {
        Some(o) if matches!(o.payload, Payload::Type(_)) => Ok(o.clone()),
        _ => {
            let n = vm.type_name(&cls);
            Err(vm.type_error(format!("{tyname}.__new__(X): X is not a type object ({n})")))
        }
    }
}

/// `self` of a method of a native type with state `T` (`args.pos[0]`), with CPython's
/// descriptor error when called on something else.
pub fn this<'a, T: NativeData>(
    vm: &mut Vm,
    args: &'a Args,
    method: &str,
    tyname: &str,
) -> PyResult<&'a T> {
    match args.pos.first().and_then(|v| state::<T>(v)) {
        Some(s) => Ok(s),
        None => {
            let got = match args.pos.first() {
                Some(v) => format!("a '{}' object", vm.type_name(v)),
                None => "nothing".to_string(),
            };
            Err(vm.type_error(format!(
                "descriptor '{method}' for '{tyname}' objects doesn't apply to {got}"
            )))
        }
    }
}

/// Argument Clinic's parsing of `fname(name0, name1, ...)`: positional-or-keyword
/// parameters, the first `required` required, at most `max_pos` given by position
/// (`usize::MAX`: all). Messages are `_PyArg_UnpackKeywords`'.
pub fn clinic<const N: usize>(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    names: [&str; N],
    required: usize,
    max_pos: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let npos = args.pos.len();
    let total = npos + args.kw.len();
    let max_pos = max_pos.min(N);
    if npos > max_pos && max_pos < N {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max_pos} positional argument{} ({npos} given)",
            if max_pos == 1 { "" } else { "s" }
        )));
    }
    if total > N {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {N} argument{} ({total} given)",
            if N == 1 { "" } else { "s" }
        )));
    }
    for (i, v) in args.pos.into_iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kw {
        let key = crate::object::attr::name_of(&k);
        match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// `_PyArg_CheckPositional`: `fname expected N arguments, got M` (no keywords allowed).
pub fn positional(vm: &mut Vm, args: &Args, fname: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && n != min {
        return Err(vm.type_error(format!(
            "{fname} expected {min} argument{}, got {n}",
            s(min)
        )));
    }
    if n < min {
        return Err(vm.type_error(format!(
            "{fname} expected at least {min} argument{}, got {n}",
            s(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{fname} expected at most {max} argument{}, got {n}",
            s(max)
        )));
    }
    Ok(())
}

/// `Py_ReprEnter`/`Py_ReprLeave` around `f`: `Ok(None)` when `o` is already being
/// repr'd (the caller prints its `[...]`), the recursion limit otherwise.
pub fn repr_enter(
    vm: &mut Vm,
    o: &Value,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<Option<String>> {
    let Some(o) = o.as_obj() else {
        return f(vm).map(Some);
    };
    if vm.thread.repr_stack.iter().any(|r| r.is(o)) {
        return Ok(None);
    }
    vm.enter_recursion(" while getting the repr of an object")?;
    vm.thread.repr_stack.push(o.clone());
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(vm));
    vm.thread.repr_stack.pop();
    vm.leave_recursion();
    r.map(Some)
}

/// The name a type's instances print in reprs: `type(self).__name__`, so subclasses
/// show their own name (CPython's `_PyType_Name(Py_TYPE(self))`).
pub fn type_name(vm: &Vm, v: &Value) -> String {
    let n = tdata(vm.type_of(v)).name();
    match n.rsplit_once('.') {
        Some((_, last)) => last.to_string(),
        None => n,
    }
}

/// `StopIteration` for a native `__next__` that is exhausted.
pub fn stop(vm: &mut Vm) -> crate::vm::PyErr {
    vm.stop_iteration()
}

/// Put module functions that share Rust module state into a module dict: each is bound
/// to `state` (CPython passes the module, whose state they read), which they receive as
/// `args.pos[0]`.
pub fn add_state_functions(
    vm: &mut Vm,
    d: &PyRef,
    state: &Value,
    fns: &[(&'static str, NativeFn)],
) {
    for (name, f) in fns {
        let ty = vm.types.builtin_function.clone();
        let b = Value::Obj(vm.alloc(
            &ty,
            Payload::Builtin(Box::new(BuiltinData {
                name,
                func: *f,
                self_: Some(state.clone()),
                is_method: false,
                owner: None,
                fast: None,
            })),
        ));
        crate::import::dict_set(vm, d, name, b);
    }
}

/// `getattr(obj, name)`.
pub fn getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    crate::object::attr::getattr(vm, obj, &n)
}

/// `getattr(obj, name, None)`-like: `None` when AttributeError.
pub fn getattr_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    match crate::object::attr::getattr(vm, obj, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `setattr(obj, name, v)`.
pub fn setattr(vm: &mut Vm, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    let n = vm.intern(name);
    crate::object::attr::setattr(vm, obj, &n, Some(v))
}

/// `__class_getitem__` of a generic native type (`deque[int]`): a `types.GenericAlias`
/// (called as a class method: `args` is `(cls, item)`).
pub fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(vm.type_error("__class_getitem__ expected 1 argument"));
    }
    let (origin, item) = (args.pos[0].clone(), args.pos[1].clone());
    Ok(crate::types::generic_alias::make(vm, origin, &item, false))
}

/// CPython's `tp_name` of `v`'s type, for reprs and messages that print it: dotted
/// (`functools.partial`) for a native type, the bare name for a class statement's
/// subclass — the type's own name in both cases (see [`new_type`]).
pub fn tp_name(vm: &mut Vm, v: &Value, _module: &str, _name: &str) -> String {
    tdata(vm.type_of(v)).name()
}

/// A native module's state that is only type objects (the types its functions make):
/// what [`add_state_functions`] binds them to.
pub struct TypesState(pub Vec<PyRef>);

impl NativeData for TypesState {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for t in &self.0 {
            visit(&Value::Obj(t.clone()));
        }
    }
}

/// A [`TypesState`] object holding `types`.
pub fn types_state(vm: &mut Vm, module: &'static str, types: Vec<PyRef>) -> Value {
    let mut spec = Spec::new("_module_state", module);
    spec.subclassable = false;
    let ty = new_type(vm, &spec);
    alloc(vm, &ty, TypesState(types))
}

/// Type `i` of the [`TypesState`] a state function is bound to (`args.pos[0]`), which
/// is removed from `args`.
pub fn take_state_type(vm: &mut Vm, args: &mut Args, i: usize) -> PyResult<PyRef> {
    let t = args
        .pos
        .first()
        .and_then(|s| state::<TypesState>(s))
        .and_then(|s| s.0.get(i).cloned());
    match t {
        Some(t) => {
            args.pos.remove(0);
            Ok(t)
        }
        None => Err(vm.system_error("native module state missing")),
    }
}
