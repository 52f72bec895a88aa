//! Attribute descriptors of builtin types: `getset_descriptor` (`FunctionType.__code__`,
//! `type.__dict__['__dict__']`) and `member_descriptor` (`FunctionType.__globals__`).
//! CPython: `PyGetSetDef`/`PyMemberDef` and `Objects/descrobject.c`.
//!
//! Both are `Payload::Member(name, owner)` with an owner that has no slots: the attribute
//! itself is the payload's, read and written by `types/getset.rs` exactly as when no
//! descriptor is installed, so a descriptor changes only what the type shows. (A
//! `__slots__` or struct-sequence member has a `slotted` owner and reads the instance's
//! slot storage.) They are
//! data descriptors: on an instance they answer before its `__dict__`, as in CPython.
//! Only names whose `getset::get`/`getset::set` are right for every instance are listed:
//! a descriptor on the type takes priority over a class's own dict entry of that name.

use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// (type, getset names, member names).
fn table(vm: &Vm) -> Vec<(PyRef, &'static [&'static str], &'static [&'static str])> {
    let t = &vm.types;
    vec![
        (
            t.function.clone(),
            &[
                "__code__",
                "__defaults__",
                "__kwdefaults__",
                "__name__",
                "__qualname__",
            ],
            &["__globals__", "__closure__"],
        ),
        (
            t.type_.clone(),
            &["__dict__", "__name__", "__qualname__"],
            &["__mro__", "__base__", "__flags__"],
        ),
        (t.method.clone(), &[], &["__func__", "__self__"]),
        (t.builtin_function.clone(), &["__self__"], &[]),
        (t.classmethod.clone(), &[], &["__func__", "__wrapped__"]),
        (t.staticmethod.clone(), &[], &["__func__", "__wrapped__"]),
        (t.property.clone(), &[], &["fget", "fset", "fdel"]),
        (t.module.clone(), &[], &["__dict__"]),
        (t.cell.clone(), &["cell_contents"], &[]),
        (t.slice.clone(), &[], &["start", "stop", "step"]),
        (t.range.clone(), &[], &["start", "stop", "step"]),
        (t.complex.clone(), &[], &["real", "imag"]),
        (
            t.traceback.clone(),
            &["tb_next"],
            &["tb_frame", "tb_lasti", "tb_lineno"],
        ),
        (t.generic_alias.clone(), &[], &["__origin__", "__args__"]),
    ]
}

/// Install the descriptors of [`table`] (names the type's dict already has stay).
pub fn install(vm: &mut Vm) {
    let (getset_ty, member_ty) = (
        vm.types.getset_descriptor.clone(),
        vm.types.member_descriptor.clone(),
    );
    for (ty, getsets, members) in table(vm) {
        let Some(d) = tdata(&ty).dict.get().cloned() else {
            continue;
        };
        let names = getsets
            .iter()
            .map(|n| (n, &getset_ty))
            .chain(members.iter().map(|n| (n, &member_ty)));
        for (name, dty) in names {
            let n = vm.intern(name);
            let h = crate::object::attr::hash_of(vm, &n);
            if crate::types::dict::dict_get_str(&d, crate::object::attr::pystr(&n), h).is_some() {
                continue;
            }
            let m = vm.alloc(dty, Payload::Member(Box::new((n.clone(), ty.clone()))));
            crate::types::dict::dict_set_str(vm, &d, &n, Value::Obj(m));
        }
    }
}

/// Types whose `__doc__` is None in CPython (no `tp_doc`): the class attribute that
/// `None.__doc__`, `NotImplemented.__doc__` and `(x for x in ()).__doc__` read.
fn undocumented(vm: &Vm) -> Vec<PyRef> {
    let t = &vm.types;
    vec![
        t.none_type.clone(),
        t.not_implemented_type.clone(),
        t.ellipsis_type.clone(),
        t.generator.clone(),
        t.list_iterator.clone(),
        t.tuple_iterator.clone(),
        t.str_iterator.clone(),
        t.range_iterator.clone(),
        t.set_iterator.clone(),
        t.dict_keyiterator.clone(),
        t.dict_valueiterator.clone(),
        t.dict_itemiterator.clone(),
        t.dict_keys.clone(),
        t.dict_values.clone(),
        t.dict_items.clone(),
        t.frame.clone(),
    ]
}

/// `__doc__ = None` in the dicts of [`undocumented`] types, and `__module__` of the
/// builtin types that CPython names in `types` (`types.GenericAlias`, ...).
pub fn install_docs(vm: &mut Vm) {
    for t in undocumented(vm) {
        crate::types::set_type_attr(vm, &t, "__doc__", Value::None);
    }
    let m = vm.new_str("types");
    let t = &vm.types;
    for ty in [
        t.generic_alias.clone(),
        t.simple_namespace.clone(),
        t.union_type.clone(),
    ] {
        crate::types::set_type_attr(vm, &ty, "__module__", m.clone());
    }
}

/// Whether a `Payload::Member` describes a builtin payload attribute, not a slot: slots
/// (of `__slots__` classes and of struct sequences) belong to `slotted` types only.
pub fn is_builtin_member(m: &(PyRef, PyRef)) -> bool {
    !tdata(&m.1).slotted.get()
}

/// CPython's check that the descriptor applies (`descr_check`).
fn check(vm: &mut Vm, m: &(PyRef, PyRef), obj: &Value) -> PyResult<PyRef> {
    let ty = vm.type_of(obj).clone();
    match obj.as_obj() {
        Some(o) if crate::object::typeobj::is_subtype(&ty, &m.1) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            crate::object::attr::name_of(&m.0),
            tdata(&m.1).name(),
            tdata(&ty).name()
        ))),
    }
}

/// `descr.__get__(obj)`: the payload attribute.
pub fn get(vm: &mut Vm, m: &(PyRef, PyRef), obj: &Value) -> PyResult<Value> {
    let o = check(vm, m, obj)?;
    match crate::types::getset::get(vm, &o, crate::object::attr::pystr(&m.0))? {
        Some(v) => Ok(v),
        None => Err(crate::object::attr::attribute_error(vm, obj, &m.0)),
    }
}

/// `descr.__set__(obj, value)` / `__delete__` (`value` None) for the descriptor object
/// `d` (a `Payload::Member` of a builtin payload attribute).
pub fn set(vm: &mut Vm, d: &PyRef, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Payload::Member(m) = &d.payload else {
        return Err(vm.type_error("descriptor needs a member"));
    };
    let o = check(vm, m, obj)?;
    // Every member of the table is read-only (`READONLY` in CPython's PyMemberDef).
    if d.ty.is(&vm.types.member_descriptor) {
        return Err(vm.attribute_error("readonly attribute"));
    }
    if crate::types::getset::set(vm, &o, crate::object::attr::pystr(&m.0), value)? {
        return Ok(());
    }
    let name = crate::object::attr::name_of(&m.0);
    Err(vm.attribute_error(format!(
        "attribute '{name}' of '{}' objects is not writable",
        tdata(&m.1).name()
    )))
}

/// `<attribute '__code__' of 'function' objects>` / `<member '__globals__' of ...>`.
pub fn repr(vm: &Vm, o: &PyRef, m: &(PyRef, PyRef)) -> String {
    let what = if o.ty.is(&vm.types.getset_descriptor) {
        "attribute"
    } else {
        "member"
    };
    format!(
        "<{what} '{}' of '{}' objects>",
        crate::object::attr::name_of(&m.0),
        tdata(&m.1).name()
    )
}
