//! `types.GenericAlias` (CPython: `Objects/genericaliasobject.c`): what `list[int]`,
//! `dict[str, int]`, `tuple[int, ...]` make. Repr, `__origin__`/`__args__`, calling
//! (makes an `__origin__` instance), `==`/hash; `isinstance` refuses it as CPython does.

use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Builtin types whose `__class_getitem__` makes a GenericAlias.
pub fn is_generic_builtin(vm: &Vm, t: &PyRef) -> bool {
    let ty = &vm.types;
    [
        &ty.list,
        &ty.dict,
        &ty.tuple,
        &ty.set,
        &ty.frozenset,
        &ty.type_,
    ]
    .iter()
    .any(|b| t.is(b))
}

/// `origin[args]`: `args` as a tuple (`item` itself when it is one).
pub fn new(vm: &mut Vm, origin: &PyRef, item: &Value) -> Value {
    let args = match item.as_tuple() {
        Some(_) => item.clone(),
        None => vm.new_tuple(vec![item.clone()]),
    };
    let ty = vm.types.generic_alias.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::GenericAlias(Box::new((Value::Obj(origin.clone()), args))),
    ))
}

/// `ga_repr_item`: types by (module-qualified) name, `...` for Ellipsis, else repr.
fn item_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.as_obj() {
        Some(o) if matches!(o.payload, Payload::Type(_)) => {
            let q = tdata(o).qualname.borrow().clone();
            Ok(match crate::types::repr::type_module(vm, o).as_deref() {
                Some("builtins") | None => q,
                Some(m) => format!("{m}.{q}"),
            })
        }
        Some(o) if o.is(&vm.ellipsis) => Ok("...".into()),
        _ => vm.repr(v),
    }
}

pub fn repr(vm: &mut Vm, origin: &Value, args: &Value) -> PyResult<String> {
    let mut s = item_repr(vm, origin)?;
    let items = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    s.push('[');
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&item_repr(vm, a)?);
    }
    s.push(']');
    Ok(s)
}

// ---- types.UnionType (`int | str`) ---------------------------------------------------

/// Whether `v` is a `types.UnionType` (a tuple payload under the UnionType type, so that
/// isinstance/issubclass treat it as the tuple of its members).
pub fn is_union(vm: &Vm, v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.ty.is(&vm.types.union_type))
}

/// `a | b` for types, None, generic aliases and unions (`_Py_union_type_or`); `None` when
/// an operand is none of those (NotImplemented).
pub fn union(vm: &mut Vm, a: &Value, b: &Value) -> Option<Value> {
    let mut args: Vec<Value> = Vec::new();
    for v in [a, b] {
        let members: Vec<Value> = if is_union(vm, v) {
            v.as_tuple().map(|t| t.to_vec()).unwrap_or_default()
        } else if matches!(v, Value::None) {
            vec![Value::Obj(vm.types.none_type.clone())]
        } else if matches!(
            v.payload(),
            Some(Payload::Type(_) | Payload::GenericAlias(_))
        ) {
            vec![v.clone()]
        } else {
            return None;
        };
        for m in members {
            if !args.iter().any(|x| x.is(&m)) {
                args.push(m);
            }
        }
    }
    if args.len() == 1 {
        return args.pop();
    }
    let ty = vm.types.union_type.clone();
    Some(Value::Obj(
        vm.alloc(&ty, Payload::Tuple(args.into_boxed_slice())),
    ))
}

/// `repr(int | None)` = `int | None`.
pub fn union_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let mut parts = Vec::new();
    for a in v.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
        if a.as_obj().is_some_and(|o| o.is(&vm.types.none_type)) {
            parts.push("None".to_string());
        } else {
            parts.push(item_repr(vm, &a)?);
        }
    }
    Ok(parts.join(" | "))
}

/// `GenericAlias(origin, args)` (also for subclasses, `_collections_abc`'s
/// `_CallableGenericAlias`): `args` stays as given when a tuple, else becomes a 1-tuple.
pub fn generic_alias_new(
    vm: &mut Vm,
    cls: &PyRef,
    args: crate::types::function::Args,
) -> PyResult<Value> {
    if !args.kw.is_empty() && cls.is(&vm.types.generic_alias) {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let origin = args.pos[0].clone();
    let items = match args.pos[1].as_tuple() {
        Some(_) => args.pos[1].clone(),
        None => vm.new_tuple(vec![args.pos[1].clone()]),
    };
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::GenericAlias(Box::new((origin, items))),
    )))
}
