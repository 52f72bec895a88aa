//! `object`: the root type's `__new__`, `__init__` and default dunders (CPython:
//! `object_new`, `object_init`, `object_richcompare` in `Objects/typeobject.c`).

use crate::object::attr::attr_name_arg;
use crate::object::typeobj::{tdata, BaseKind};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// A new instance of `cls` with the layout of its solid base.
pub fn object_new(vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult<Value> {
    let td = tdata(cls);
    let payload = match td.kind {
        BaseKind::Object => {
            // Only a class whose metaclass is not `type` (an ABC) can be abstract.
            if !cls.ty.is(&vm.types.type_) {
                crate::modules::_abc::check_abstract(vm, cls)?;
            }
            Payload::Plain
        }
        BaseKind::Final | BaseKind::Type => {
            return Err(vm.type_error(format!("cannot create '{}' instances", td.name())));
        }
        _ => {
            // A builtin base's tp_new does the work (reached via object.__new__(cls)).
            return match td.find_new() {
                Some(f) if f as *const () as usize != object_new as *const () as usize => {
                    f(vm, cls, Args::default())
                }
                _ => Err(vm.type_error(format!("cannot create '{}' instances", td.name()))),
            };
        }
    };
    Ok(Value::Obj(vm.alloc_instance(cls, payload)))
}

pub fn object_init(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<()> {
    Ok(())
}

fn new_method(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    }
    let cls = args.pos.remove(0);
    let Some(c) = cls
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
        .cloned()
    else {
        let n = vm.type_name(&cls);
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({n})")));
    };
    // `str.__new__`, `int.__new__`, `BaseException.__new__`, ... are not in the builtin
    // types' dicts: the lookup lands here, and a class with a builtin solid base gets that
    // base's `tp_new` with the arguments (what `tp_new_wrapper` would call).
    if !matches!(
        tdata(&c).kind,
        BaseKind::Object | BaseKind::Final | BaseKind::Type
    ) {
        if let Some(f) = tdata(&c).find_new() {
            if f as *const () as usize != object_new as *const () as usize {
                return f(vm, &c, args);
            }
        }
    }
    // `object_new`'s excess-arguments rule: extra arguments are an error when the class
    // overrides `__new__` or does not override `__init__`.
    if !args.pos.is_empty() || !args.kw.is_empty() {
        let new_over = crate::object::protocol::heap_dunder(vm, &c, "__new__").is_some();
        let init_over = crate::object::protocol::heap_dunder(vm, &c, "__init__").is_some();
        if new_over {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !init_over {
            let n = tdata(&c).name();
            return Err(vm.type_error(format!("{n}() takes no arguments")));
        }
    }
    object_new(vm, &c, Args::default())
}

fn init_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("descriptor '__init__' of 'object' object needs an argument"));
    }
    Ok(Value::None)
}

fn repr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let s = match &this {
        Value::Obj(o) if !matches!(o.payload, Payload::Plain) => {
            crate::types::repr::builtin_repr(vm, &this)?
        }
        Value::Obj(o) => {
            let ty = o.ty.clone();
            let m = crate::types::repr::type_module(vm, &ty);
            let q = tdata(&ty).qualname.borrow().clone();
            match m.as_deref() {
                Some("builtins") | None => format!("<{q} object at {:#x}>", o.id()),
                Some(m) => format!("<{m}.{q} object at {:#x}>", o.id()),
            }
        }
        _ => crate::types::repr::builtin_repr(vm, &this)?,
    };
    Ok(vm.new_str(&s))
}

fn str_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    vm.repr_value(&this)
}

fn eq_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__eq__", 2, 2)?;
    if args.pos[0].is(&args.pos[1]) {
        return Ok(Value::Bool(true));
    }
    Ok(vm.not_implemented())
}

fn ne_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__ne__", 2, 2)?;
    // `object_richcompare`'s Py_NE: the type's own __eq__, inverted unless NotImplemented.
    let ty = vm.type_of(&args.pos[0]).clone();
    let r = match crate::object::protocol::special_method(vm, &ty, "__eq__") {
        Some(eq) if !matches!(eq.payload(), Some(Payload::Builtin(_))) => {
            crate::object::protocol::call_dunder(vm, eq, &args.pos[0], vec![args.pos[1].clone()])?
        }
        _ if args.pos[0].is(&args.pos[1]) => Value::Bool(true),
        _ if tdata(&ty).heap || matches!(args.pos[0].payload(), Some(Payload::Plain)) => {
            vm.not_implemented()
        }
        _ => crate::object::ops::compare(vm, &args.pos[0], &args.pos[1], 2)?,
    };
    if vm.is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn hash_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Obj(o)) => Ok(Value::Int(crate::types::repr::builtin_hash(vm, o)?)),
        Some(v) => {
            let v = v.clone();
            Ok(Value::Int(vm.hash(&v)?))
        }
        None => Err(vm.type_error("descriptor '__hash__' of 'object' object needs an argument")),
    }
}

fn setattr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setattr__", 3, 3)?;
    let name = attr_name_arg(vm, &args.pos[1])?;
    crate::object::attr::generic_setattr(vm, &args.pos[0], &name, Some(args.pos[2].clone()))?;
    Ok(Value::None)
}

fn delattr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__delattr__", 2, 2)?;
    let name = attr_name_arg(vm, &args.pos[1])?;
    crate::object::attr::generic_setattr(vm, &args.pos[0], &name, None)?;
    Ok(Value::None)
}

pub(crate) fn getattribute_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__getattribute__", 2, 2)?;
    let name = attr_name_arg(vm, &args.pos[1])?;
    match crate::object::attr::generic_getattr_opt(vm, &args.pos[0], &name)? {
        Some(v) => Ok(v),
        None => Err(crate::object::attr::attribute_error(
            vm,
            &args.pos[0],
            &name,
        )),
    }
}

/// `object.__init_subclass__()` (a class method: `C.__init_subclass__` is bound to C):
/// takes no arguments (METH_NOARGS, keywords refused first).
pub(crate) fn init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = match args.pos.first().and_then(|c| c.as_type()) {
        Some(t) => t.name(),
        None => "object".to_string(),
    };
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.pos.len() > 1 {
        let k = args.pos.len() - 1;
        return Err(vm.type_error(format!(
            "{n}.__init_subclass__() takes no arguments ({k} given)"
        )));
    }
    Ok(Value::None)
}

fn format_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__format__", 2, 2)?;
    let spec = args.pos[1].as_str().map(|s| s.len()).unwrap_or(0);
    if spec != 0 {
        let n = vm.type_name(&args.pos[0]);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {n}.__format__"
        )));
    }
    vm.str_value(&args.pos[0])
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__new__", new_method),
    ("__init__", init_method),
    ("__repr__", repr_method),
    ("__str__", str_method),
    ("__eq__", eq_method),
    ("__ne__", ne_method),
    ("__hash__", hash_method),
    ("__setattr__", setattr_method),
    ("__delattr__", delattr_method),
    ("__getattribute__", getattribute_method),
    ("__format__", format_method),
];

/// The `__slots__` members the heap classes of `ty`'s MRO add, in MRO order (the part of
/// an instance's layout a class statement decides).
fn added_slots(ty: &PyRef) -> Vec<String> {
    let mut out = Vec::new();
    for t in crate::object::typeobj::full_mro(ty) {
        let td = tdata(&t);
        if !td.heap {
            continue;
        }
        if let Some(d) = td.dict.get() {
            for (_, v) in crate::types::dict::items(d) {
                if let Some(Payload::Member(m)) = v.payload() {
                    if m.1.is(&t) {
                        out.push(crate::object::attr::name_of(&m.0));
                    }
                }
            }
        }
    }
    out
}

/// `object.__class__ = new` (CPython 3.11 `object_set_class` and
/// `compatible_for_assignment`): both classes made by class statements (or both module
/// subclasses) and instances laid out alike: the same builtin base, the same `__slots__`
/// and both with or both without a `__dict__`.
pub fn set_class(vm: &mut Vm, obj: &Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else {
        return Err(vm.type_error("can't delete __class__ attribute"));
    };
    let newto = match new.as_obj() {
        Some(t) if matches!(t.payload, Payload::Type(_)) => t.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                vm.type_name(&new)
            )))
        }
    };
    let oldto = vm.type_of(obj).clone();
    let module = vm.types.module.clone();
    let both_modules = crate::object::typeobj::is_subtype(&newto, &module)
        && crate::object::typeobj::is_subtype(&oldto, &module);
    let Some(o) = obj
        .as_obj()
        .filter(|_| tdata(&newto).heap && tdata(&oldto).heap || both_modules)
    else {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    if newto.is(&oldto) {
        return Ok(());
    }
    let (n, d) = (tdata(&newto), tdata(&oldto));
    let has_dict = |td: &crate::object::TypeData| !td.slots_only.get();
    let compatible = n.kind == d.kind
        && has_dict(n) == has_dict(d)
        && n.slotted.get() == d.slotted.get()
        && added_slots(&newto) == added_slots(&oldto);
    if !compatible {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            n.name(),
            d.name()
        )));
    }
    o.ty.assign(&newto);
    Ok(())
}
