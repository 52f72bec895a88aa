//! Builtins about objects: `repr`, `ascii`, `format`, `chr`, `ord`, `id`, `hash`,
//! `isinstance`, `issubclass`, `callable`, `getattr` and friends, `globals`, `locals`,
//! `vars`, `dir` (CPython: `Python/bltinmodule.c`).

use crate::object::protocol::{call_dunder, heap_dunder};
use crate::object::typeobj::is_subtype;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

pub fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "repr", 1, 1)?;
    vm.repr_value(&args.pos[0])
}

pub fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ascii", 1, 1)?;
    let r = vm.repr(&args.pos[0])?;
    let a: String = r
        .chars()
        .map(|c| match c as u32 {
            x if x < 0x80 => c.to_string(),
            x if x < 0x100 => format!("\\x{x:02x}"),
            x if x < 0x10000 => format!("\\u{x:04x}"),
            x => format!("\\U{x:08x}"),
        })
        .collect();
    Ok(vm.new_str(&a))
}

pub fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "format", 1, 2)?;
    let spec = args
        .pos
        .get(1)
        .and_then(|s| s.as_str())
        .map(|s| s.as_rust().into_owned())
        .unwrap_or_default();
    crate::builtins::format::format(vm, &args.pos[0], &spec)
}

pub fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "chr", 1, 1)?;
    let i = vm.index_value(
        &args.pos[0],
        "'{}' object cannot be interpreted as an integer",
    )?;
    if !(0..=0x10FFFF).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    Ok(crate::types::str_methods::char_value(vm, i as u32))
}

pub fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ord", 1, 1)?;
    match args.pos[0].payload() {
        Some(Payload::Str(s)) if s.len() == 1 => Ok(Value::Int(s.get(0) as i64)),
        Some(Payload::Str(s)) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.len()
        ))),
        Some(Payload::Bytes(b)) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        _ => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(&args.pos[0])
        ))),
    }
}

pub fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "id", 1, 1)?;
    Ok(Value::Int(args.pos[0].id() as i64))
}

pub fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

/// Run `f` (a tuple's members, a `__instancecheck__`/`__subclasscheck__` call) one level
/// deeper: CPython's `_Py_EnterRecursiveCall(" in __instancecheck__")`, on a growing Rust
/// stack, so `isinstance(x, (((...int,),),))` nested past the limit is a RecursionError.
fn checked<T>(vm: &mut Vm, where_: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    vm.enter_recursion(where_)?;
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(vm));
    vm.leave_recursion();
    r
}

/// CPython's `object_recursive_isinstance`: exact type, tuples and unions (recursively),
/// the metaclass's `__instancecheck__`, then the MRO.
pub fn instance_check(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    let t = vm.type_of(inst).clone();
    if cls.as_obj().is_some_and(|c| c.is(&t)) {
        return Ok(true);
    }
    if let Some(Payload::GenericAlias(_)) = cls.payload() {
        return Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"));
    }
    if let Some(t) = crate::types::union_type::args_tuple(vm, cls) {
        return instance_check(vm, inst, &t);
    }
    if let Some(items) = cls.as_tuple() {
        let items = items.to_vec();
        return checked(vm, " in __instancecheck__", |vm| {
            for c in items {
                if instance_check(vm, inst, &c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        });
    }
    match cls.as_obj() {
        Some(c) if matches!(c.payload, Payload::Type(_)) => {
            let meta = c.ty.clone();
            if let Some(f) = heap_dunder(vm, &meta, "__instancecheck__") {
                let r = checked(vm, " in __instancecheck__", |vm| {
                    call_dunder(vm, f, cls, vec![inst.clone()])
                })?;
                return vm.truthy(&r);
            }
            if is_subtype(&t, c) {
                return Ok(true);
            }
            // `object_isinstance`: a `__class__` other than the type (a property of the
            // class, as unittest.mock's) is checked too. Only a class statement can
            // define one; object's own `__class__` is the type itself.
            if heap_dunder(vm, &t, "__class__").is_some() {
                let n = vm.intern("__class__");
                if let Some(Value::Obj(icls)) = crate::object::attr::getattr_opt(vm, inst, &n)? {
                    if !icls.is(&t) && matches!(icls.payload, Payload::Type(_)) {
                        return Ok(is_subtype(&icls, c));
                    }
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

/// CPython's `object_issubclass`: tuples, the metaclass's `__subclasscheck__`, the MRO.
pub fn subclass_check(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = crate::types::union_type::args_tuple(vm, cls) {
        return subclass_check(vm, derived, &t);
    }
    if let Some(items) = cls.as_tuple() {
        let items = items.to_vec();
        return checked(vm, " in __subclasscheck__", |vm| {
            for c in items {
                if subclass_check(vm, derived, &c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        });
    }
    if let Some(Payload::GenericAlias(_)) = cls.payload() {
        return Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"));
    }
    match cls.as_obj() {
        Some(c) if matches!(c.payload, Payload::Type(_)) => {
            let meta = c.ty.clone();
            if let Some(f) = heap_dunder(vm, &meta, "__subclasscheck__") {
                let r = checked(vm, " in __subclasscheck__", |vm| {
                    call_dunder(vm, f, cls, vec![derived.clone()])
                })?;
                return vm.truthy(&r);
            }
            match derived.as_obj() {
                Some(d) if matches!(d.payload, Payload::Type(_)) => Ok(is_subtype(d, c)),
                _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
            }
        }
        _ => {
            if !derived
                .as_obj()
                .is_some_and(|d| matches!(d.payload, Payload::Type(_)))
            {
                return Err(vm.type_error("issubclass() arg 1 must be a class"));
            }
            Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

pub fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "isinstance", 2, 2)?;
    Ok(Value::Bool(instance_check(vm, &args.pos[0], &args.pos[1])?))
}

pub fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "issubclass", 2, 2)?;
    Ok(Value::Bool(subclass_check(vm, &args.pos[0], &args.pos[1])?))
}

pub fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "callable", 1, 1)?;
    let r = is_callable(vm, &args.pos[0]);
    Ok(Value::Bool(r))
}

/// `PyCallable_Check`.
pub fn is_callable(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Function(_)
            | Payload::Builtin(_)
            | Payload::BoundMethod(_)
            | Payload::GenericAlias(_)
            | Payload::Type(_) => true,
            _ => {
                let t = o.ty.clone();
                crate::object::protocol::heap_dunder(vm, &t, "__call__").is_some()
            }
        },
        _ => false,
    }
}

fn attr_name(vm: &mut Vm, v: &Value, _f: &str) -> PyResult<PyRef> {
    match v.as_obj() {
        Some(o) if matches!(o.payload, Payload::Str(_)) => {
            let s = v
                .as_str()
                .map(|s| s.as_rust().into_owned())
                .unwrap_or_default();
            Ok(vm.intern(&s))
        }
        _ => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

pub fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getattr", 2, 3)?;
    let n = attr_name(vm, &args.pos[1], "getattr")?;
    match crate::object::attr::getattr(vm, &args.pos[0], &n) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() == 3 && vm.err_matches(&e, &vm.types.attribute_error.clone()) => {
            Ok(args.pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

pub fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "hasattr", 2, 2)?;
    let n = attr_name(vm, &args.pos[1], "hasattr")?;
    match crate::object::attr::getattr(vm, &args.pos[0], &n) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

pub fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setattr", 3, 3)?;
    let n = attr_name(vm, &args.pos[1], "setattr")?;
    crate::object::attr::setattr(vm, &args.pos[0], &n, Some(args.pos[2].clone()))?;
    Ok(Value::None)
}

pub fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "delattr", 2, 2)?;
    let n = attr_name(vm, &args.pos[1], "delattr")?;
    crate::object::attr::setattr(vm, &args.pos[0], &n, None)?;
    Ok(Value::None)
}

pub fn globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match vm.thread.frames.last().and_then(|f| f.globals()) {
        Some(g) => Ok(Value::Obj(g.clone())),
        None => Ok(Value::Obj(vm.new_dict_ref())),
    }
}

pub fn locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let Some(f) = vm.thread.frames.last() else {
        return Ok(Value::Obj(vm.new_dict_ref()));
    };
    if let Some(l) = &f.locals {
        return Ok(Value::Obj(l.clone()));
    }
    let (code, base) = (f.code.clone(), f.fast_base);
    let d = vm.new_dict_ref();
    if let Some(co) = crate::code::as_code(&code) {
        for (i, n) in co.localsplus_names.iter().enumerate() {
            if let Some(Some(v)) = vm.thread.fast.get(base + i).cloned() {
                let v = match v.payload() {
                    Some(Payload::Cell(c)) => match c.borrow().clone() {
                        Some(x) => x,
                        None => continue,
                    },
                    _ => v,
                };
                crate::types::dict::dict_set_str(vm, &d, n, v);
            }
        }
    }
    Ok(Value::Obj(d))
}

pub fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "vars", 0, 1)?;
    match args.pos.first() {
        None => locals(vm, Args::default()),
        Some(o) => {
            let n = vm.intern("__dict__");
            match crate::object::attr::getattr_opt(vm, o, &n)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}

pub fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "dir", 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    let add_dict = |d: &PyRef, names: &mut Vec<String>| {
        for (k, _) in crate::types::dict::items(d) {
            if let Some(s) = k.as_str() {
                names.push(s.as_rust().into_owned());
            }
        }
    };
    match args.pos.first() {
        None => {
            let l = locals(vm, Args::default())?;
            if let Some(d) = l.as_obj() {
                add_dict(d, &mut names);
            }
        }
        Some(o) => {
            // A class's own `__dir__` answers (its result is sorted into a list).
            if let Some(r) = crate::object::protocol::try_heap_dunder(vm, o, "__dir__", vec![])? {
                return crate::builtins::iteration::sorted(
                    vm,
                    Args {
                        pos: vec![r].into(),
                        ..Default::default()
                    },
                );
            }
            // `GenericAlias.__dir__`: the origin's names and the alias's own.
            if let Some(Payload::GenericAlias(_)) = o.payload() {
                let r = crate::types::generic_alias::dir_of(vm, o)?;
                return crate::builtins::iteration::sorted(vm, Args::positional(vec![r]));
            }
            // `tb_dir`: a traceback lists its four attributes only.
            if let Some(Payload::Traceback(_)) = o.payload() {
                let r = crate::types::traceback::tb_dir(vm, Args::positional(vec![o.clone()]))?;
                return crate::builtins::iteration::sorted(vm, Args::positional(vec![r]));
            }
            // `object.__dir__` / `type.__dir__` / a module's names (`types/introspect.rs`).
            for k in crate::types::introspect::dir_names(vm, o)? {
                if let Some(s) = k.as_str() {
                    names.push(s.as_rust().into_owned());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}
