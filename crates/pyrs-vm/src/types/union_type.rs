//! `types.UnionType` (CPython: `Objects/unionobject.c`): what `int | str` makes, a
//! `Payload::Union` of its members (`__args__`; `isinstance`/`issubclass` check them as a
//! tuple). `|` (`_Py_union_type_or`), repr, `==` as sets, hash, `__parameters__` and
//! substitution (`(T | None)[int]`, with `types/generic_alias.rs`'s machinery).

use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// Whether `v` is a `types.UnionType`.
pub fn is_union(_vm: &Vm, v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Union(_)))
}

/// The members of a union (`__args__`); empty for anything else.
pub fn members(v: &Value) -> Vec<Value> {
    match v.payload() {
        Some(Payload::Union(m)) => m.to_vec(),
        _ => Vec::new(),
    }
}

/// `is_unionable`: None, a type, an alias or a union.
fn is_unionable(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::None)
        || matches!(
            v.payload(),
            Some(Payload::Type(_) | Payload::GenericAlias(_))
        )
        || is_union(vm, v)
}

/// `_Py_union_type_or`: `a | b` for types, None, generic aliases and unions; `None` when
/// an operand is none of those (NotImplemented). Members are flattened and deduplicated
/// (aliases by `==`, others by identity, `dedup_and_flatten_args`); one member left is
/// returned itself.
pub fn union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_unionable(vm, a) || !is_unionable(vm, b) {
        return Ok(None);
    }
    let mut flat: Vec<Value> = Vec::new();
    for v in [a, b] {
        if is_union(vm, v) {
            flat.extend(members(v));
        } else if matches!(v, Value::None) {
            flat.push(Value::Obj(vm.types.none_type.clone()));
        } else {
            flat.push(v.clone());
        }
    }
    let mut args: Vec<Value> = Vec::with_capacity(flat.len());
    for m in flat {
        let mut dup = false;
        for x in &args {
            let both_aliases = matches!(m.payload(), Some(Payload::GenericAlias(_)))
                && matches!(x.payload(), Some(Payload::GenericAlias(_)));
            dup = if both_aliases {
                let x = x.clone();
                vm.eq(&m, &x)?
            } else {
                m.is(x)
            };
            if dup {
                break;
            }
        }
        if !dup {
            args.push(m);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop());
    }
    Ok(Some(make(vm, args)))
}

fn make(vm: &mut Vm, args: Vec<Value>) -> Value {
    let ty = vm.types.union_type.clone();
    Value::Obj(vm.alloc(&ty, Payload::Union(args.into_boxed_slice())))
}

/// `repr(int | None)` = `int | None` (`union_repr_item`: the alias item rules, `None`).
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let mut parts = Vec::new();
    for a in members(v) {
        if a.as_obj().is_some_and(|o| o.is(&vm.types.none_type)) {
            parts.push("None".to_string());
        } else {
            parts.push(crate::types::generic_alias::item_repr(vm, &a)?);
        }
    }
    Ok(parts.join(" | "))
}

/// The members as a frozenset (`union_hash`, `union_richcompare` compare those).
fn member_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = vm.new_tuple(members(v));
    let fs = Value::Obj(vm.types.frozenset.clone());
    vm.call(&fs, vec![t])
}

/// `union_hash`: hash(frozenset(args)).
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let s = member_set(vm, v)?;
    vm.hash(&s)
}

/// `union_richcompare` for `==`: the same members in any order; `None` (NotImplemented)
/// when `b` is not a union.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    if !is_union(vm, b) || !is_union(vm, a) {
        return Ok(None);
    }
    let (x, y) = (member_set(vm, a)?, member_set(vm, b)?);
    vm.eq(&x, &y).map(Some)
}

/// `union_parameters`.
pub fn parameters(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::types::generic_alias::make_parameters(vm, &members(v))
}

/// The tuple `isinstance`/`issubclass` check instead of a union (`_Py_union_args`).
pub fn args_tuple(vm: &Vm, v: &Value) -> Option<Value> {
    match v.payload() {
        Some(Payload::Union(m)) => Some(vm.new_tuple(m.to_vec())),
        _ => None,
    }
}

/// `union_getitem`: `(T | None)[int]` is `int | None`, built with `|` again.
pub fn getitem(vm: &mut Vm, u: &Value, item: &Value) -> PyResult<Value> {
    let args = members(u);
    let params = parameters(vm, u)?;
    let params = params.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let newargs = crate::types::generic_alias::subs_parameters(vm, u, &args, &params, item)?;
    let mut it = newargs.into_iter();
    let Some(mut res) = it.next() else {
        return Ok(make(vm, Vec::new()));
    };
    for a in it {
        res = crate::object::ops::binary_op(vm, &res, &a, 7)?;
    }
    Ok(res)
}

/// `UnionType.__getattribute__` (`union_getattro`): `__module__` is the type's, the rest
/// generic.
pub fn union_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__getattribute__", 2, 2)?;
    let (obj, name) = (args.pos[0].clone(), args.pos[1].clone());
    let n = crate::object::attr::attr_name_arg(vm, &name)?;
    crate::object::attr::getattr(vm, &obj, &n)
}
