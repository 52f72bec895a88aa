//! `collections.defaultdict`: a dict subclass whose `__missing__` calls
//! `default_factory` (CPython: `Modules/_collectionsmodule.c` defdict_*).
//!
//! Instances are dicts (`Payload::Dict`, made by dict's `tp_new`); `default_factory` is
//! a member descriptor over the instance's slot storage, as a class with
//! `__slots__ = ('default_factory',)` would have, so exact instances have no `__dict__`.

use crate::modules::native_type as nt;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

const DOC: &str = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is called without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll remaining arguments are treated the same as if they were\npassed to the dict constructor, including keyword arguments.\n";

pub fn install(vm: &mut Vm, d: &PyRef) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("__missing__", missing),
        ("__repr__", repr),
        ("copy", copy),
        ("__copy__", copy),
        ("__or__", or),
        ("__ror__", ror),
        ("__reduce__", reduce),
    ];
    let classmethods: &[(&'static str, NativeFn)] = &[("__class_getitem__", nt::class_getitem)];
    let dict = vm.types.dict.clone();
    let mut spec = nt::Spec::new("defaultdict", "collections");
    spec.doc = Some(DOC);
    spec.bases = std::slice::from_ref(&dict);
    spec.methods = methods;
    spec.classmethods = classmethods;
    let ty = nt::new_type(vm, &spec);
    let name = vm.intern("default_factory");
    let mty = vm.types.member_descriptor.clone();
    let member = vm.alloc(&mty, Payload::Member(Box::new((name, ty.clone()))));
    nt::set_attr(vm, &ty, "default_factory", Value::Obj(member));
    crate::import::dict_set(vm, d, "defaultdict", Value::Obj(ty));
}

fn is_callable(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let f = crate::types::function::new_builtin(vm, "callable", crate::builtins::attrs::callable);
    let r = vm.call(&f, vec![v.clone()])?;
    Ok(matches!(r, Value::Bool(true)))
}

/// The instance's `default_factory` (None when unset).
fn factory(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(nt::getattr_opt(vm, me, "default_factory")?.unwrap_or(Value::None))
}

fn check_self(vm: &mut Vm, args: &Args, m: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Dict(_))) => Ok(v.clone()),
        other => {
            let got = other.map_or("nothing".into(), |v| {
                format!("a '{}' object", vm.type_name(v))
            });
            Err(vm.type_error(format!(
                "descriptor '{m}' for 'collections.defaultdict' objects doesn't apply to {got}"
            )))
        }
    }
}

/// `defaultdict(default_factory=None, /, *args, **kwargs)`.
fn init(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let me = check_self(vm, &args, "__init__")?;
    args.pos.remove(0);
    let f = if args.pos.is_empty() {
        Value::None
    } else {
        args.pos.remove(0)
    };
    if !matches!(f, Value::None) && !is_callable(vm, &f)? {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    nt::setattr(vm, &me, "default_factory", f)?;
    crate::types::dict_methods::dict_init(vm, &me, args)?;
    Ok(Value::None)
}

fn missing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = check_self(vm, &args, "__missing__")?;
    if args.pos.len() != 2 {
        return Err(vm.type_error("__missing__() takes exactly one argument"));
    }
    let key = args.pos[1].clone();
    let f = factory(vm, &me)?;
    if matches!(f, Value::None) {
        let t = vm.new_tuple(vec![key]);
        let kt = vm.types.key_error.clone();
        return Err(crate::vm::PyErr(crate::types::exceptions::new_exception(
            vm,
            &kt,
            t.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        )));
    }
    let value = vm.call(&f, vec![])?;
    crate::object::subscript::setitem(vm, &me, &key, Some(value.clone()))?;
    Ok(value)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = check_self(vm, &args, "__repr__")?;
    let f = factory(vm, &me)?;
    let frepr = if matches!(f, Value::None) {
        "None".to_string()
    } else {
        let fc = f.clone();
        nt::repr_enter(vm, &f, move |vm| vm.repr(&fc))?.unwrap_or_else(|| "...".into())
    };
    let base = crate::types::repr::builtin_repr(vm, &me)?;
    let name = nt::type_name(vm, &me);
    Ok(vm.new_str(&format!("{name}({frepr}, {base})")))
}

/// `type(self)(self.default_factory, self)` (`new_defdict`).
fn new_like(vm: &mut Vm, me: &Value, src: &Value) -> PyResult<Value> {
    let f = factory(vm, me)?;
    let ty = Value::Obj(vm.type_of(me).clone());
    vm.call(&ty, vec![f, src.clone()])
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = check_self(vm, &args, "copy")?;
    new_like(vm, &me, &me)
}

/// `defdict_or`: a new dict of the defaultdict operand's type and factory, holding the
/// left operand's items updated with the right's; NotImplemented unless the other
/// operand is a dict.
fn or_impl(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let me = check_self(vm, &args, if reflected { "__ror__" } else { "__or__" })?;
    if args.pos.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let other = args.pos[1].clone();
    if !matches!(other.payload(), Some(Payload::Dict(_))) {
        return Ok(vm.not_implemented());
    }
    let (left, right) = if reflected {
        (other, me.clone())
    } else {
        (me.clone(), other)
    };
    let new = new_like(vm, &me, &left)?;
    vm.call_method(&new, "update", vec![right])?;
    Ok(new)
}

fn or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    or_impl(vm, args, false)
}

fn ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    or_impl(vm, args, true)
}

fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = check_self(vm, &args, "__reduce__")?;
    let f = factory(vm, &me)?;
    let ty = Value::Obj(vm.type_of(&me).clone());
    let fargs = if matches!(f, Value::None) {
        vm.new_tuple(vec![])
    } else {
        vm.new_tuple(vec![f])
    };
    let items = vm.call_method(&me, "items", vec![])?;
    let it = vm.iter(&items)?;
    Ok(vm.new_tuple(vec![ty, fargs, Value::None, Value::None, it]))
}
