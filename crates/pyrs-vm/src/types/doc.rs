//! Docstrings and text signatures of builtin types, methods, descriptors and functions:
//! `len.__doc__`, `str.__doc__`, `str.join.__text_signature__`, `int.real.__doc__`.
//! The text is CPython 3.11's, generated into `doc_table.rs` by
//! `scripts/gen_builtin_docs.py` (CPython keeps it in `tp_doc`, `ml_doc` and the `doc`
//! of PyGetSetDef/PyMemberDef; `__text_signature__` is the signature line it splits off).

use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::types::doc_table::{ATTRS, N, STRINGS, TYPES};
use crate::types::function::BuiltinData;
use crate::vm::Vm;

fn text(i: u16) -> Option<&'static str> {
    (i != N).then(|| STRINGS.get(i as usize).copied()).flatten()
}

/// The (doc, text signature) of the builtin type named `name`, if CPython has the type.
pub fn type_doc(name: &str) -> Option<(Option<&'static str>, Option<&'static str>)> {
    // The static types CPython names `types.X` (tp_name) are in the table as `X`.
    let name = name.strip_prefix("types.").unwrap_or(name);
    let i = TYPES.binary_search_by(|r| r.0.cmp(name)).ok()?;
    let (_, d, s) = TYPES[i];
    Some((text(d), text(s)))
}

/// The (doc, text signature) of attribute `name` of the builtin type `owner` (or of
/// the builtin function `name` when `owner` is "builtins").
pub fn attr_doc(owner: &str, name: &str) -> Option<(Option<&'static str>, Option<&'static str>)> {
    let owner = owner.strip_prefix("types.").unwrap_or(owner);
    let i = ATTRS
        .binary_search_by(|r| (r.0, r.1).cmp(&(owner, name)))
        .ok()?;
    let (_, _, d, s) = ATTRS[i];
    Some((text(d), text(s)))
}

/// Which table row describes a builtin: its type's name, or "builtins" for a function of
/// the `builtins` module (the very function that module holds under that name).
fn builtin_owner(vm: &mut Vm, b: &BuiltinData) -> Option<String> {
    if let Some(t) = &b.owner {
        return Some(tdata(t).name());
    }
    let n = vm.intern(b.name);
    let h = crate::object::attr::hash_of(vm, &n);
    let v = crate::types::dict::dict_get_str(&vm.builtins, crate::object::attr::pystr(&n), h)?;
    match v.payload() {
        Some(Payload::Builtin(f)) if f.func as usize == b.func as usize => {
            Some("builtins".to_string())
        }
        _ => None,
    }
}

/// Whether `b` is the function the `builtins` module holds under its name.
pub fn is_builtins_function(vm: &mut Vm, b: &BuiltinData) -> bool {
    b.owner.is_none() && builtin_owner(vm, b).is_some()
}

/// `__doc__` (`sig` false) or `__text_signature__` (`sig` true) of a builtin function,
/// method or slot wrapper: CPython's text, None where CPython has none.
pub fn builtin_doc(vm: &mut Vm, b: &BuiltinData, sig: bool) -> Value {
    let found = builtin_owner(vm, b).and_then(|o| attr_doc(&o, b.name));
    let t = found.and_then(|(d, s)| if sig { s } else { d });
    t.map_or(Value::None, |t| vm.new_str(t))
}

/// `__doc__` of a getset/member descriptor of a builtin type (`int.real.__doc__`).
pub fn member_doc(vm: &mut Vm, m: &(PyRef, PyRef)) -> Value {
    if tdata(&m.1).heap {
        return Value::None;
    }
    let (owner, name) = (tdata(&m.1).name(), crate::object::attr::name_of(&m.0));
    match attr_doc(&owner, &name).and_then(|(d, _)| d) {
        Some(t) => vm.new_str(t),
        None => Value::None,
    }
}

/// The builtin types a pass over "every builtin type" visits: the types `builtins` names,
/// the types of common objects both passes need, and `extra`.
pub fn builtin_types(vm: &Vm, extra: &[&PyRef]) -> Vec<PyRef> {
    let t = &vm.types;
    let mut all: Vec<PyRef> = [
        &t.function,
        &t.builtin_function,
        &t.method,
        &t.code,
        &t.cell,
        &t.module,
        &t.member_descriptor,
        &t.wrapper_descriptor,
        &t.method_wrapper,
        &t.method_descriptor,
        &t.classmethod_descriptor,
        &t.getset_descriptor,
        &t.mappingproxy,
        &t.traceback,
        &t.simple_namespace,
        &t.coroutine,
        &t.async_generator,
    ]
    .into_iter()
    .chain(extra.iter().copied())
    .cloned()
    .collect();
    for (_, v) in crate::types::dict::items(&vm.builtins) {
        if let Some(t) = v.as_obj().filter(|t| matches!(t.payload, Payload::Type(_))) {
            all.push(t.clone());
        }
    }
    all
}

/// `__doc__` into the dict of every builtin type that lacks one (CPython's `type_ready`
/// puts `tp_doc`, or None, there): the types `builtins` names, and the types of common
/// objects. Runs once `builtins` is filled.
pub fn install_type_docs(vm: &mut Vm) {
    let t = &vm.types;
    let extra = [
        &t.callable_iterator,
        &t.generic_alias,
        &t.union_type,
        &t.iterator,
        &t.reversed,
    ];
    let all = builtin_types(vm, &extra);
    let n = vm.intern("__doc__");
    let h = crate::object::attr::hash_of(vm, &n);
    for t in all {
        let td = tdata(&t);
        if td.heap {
            continue;
        }
        let Some(d) = td.dict.get().cloned() else {
            continue;
        };
        if crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&n), h).is_some() {
            continue;
        }
        let Some((doc, _)) = type_doc(&td.name()) else {
            continue;
        };
        let v = doc.map_or(Value::None, |s| vm.new_str(s));
        crate::types::dict::dict_set_str(vm, &d, &n, v);
    }
}
