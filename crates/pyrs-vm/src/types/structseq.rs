//! Struct sequences: tuples with named fields (`sys.version_info`, `sys.flags`,
//! `sys.float_info`, ...; CPython: `Objects/structseq.c`). The type is a tuple subtype
//! whose dict has a member descriptor per field; an instance is a tuple whose slot storage
//! (the object's dict field, read by the member descriptors) maps field names to values.
//! The repr is `name(field=value, ...)`.

use crate::object::typeobj::{c3_mro, tdata, BaseKind, TypeData};
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A new struct sequence type `qualname` (e.g. "sys.version_info") with these fields.
pub fn make_type(vm: &mut Vm, qualname: &str, fields: &[&str]) -> PyRef {
    make_type_heap(vm, qualname, fields, false)
}

/// [`make_type`], as a heap type when `heap` (CPython's `PyStructSequence_NewType`, as
/// `time.struct_time` is made): its dict's dunders (a native `__new__`) are looked up.
pub fn make_type_heap(vm: &mut Vm, qualname: &str, fields: &[&str], heap: bool) -> PyRef {
    let (module, name) = qualname.rsplit_once('.').unwrap_or(("builtins", qualname));
    let td = TypeData::new(name, BaseKind::Tuple, heap);
    *td.qualname.borrow_mut() = name.to_string();
    td.slotted.set(true);
    td.slots_only.set(true);
    *td.structseq.borrow_mut() = Some(fields.iter().map(|f| f.to_string()).collect());
    let bases = vec![vm.types.tuple.clone()];
    let _ = td.mro.set(c3_mro(&bases).unwrap_or_else(|_| bases.clone()));
    let _ = td.bases.set(bases);
    let d = vm.new_dict_ref();
    let _ = td.dict.set(d.clone());
    let ty = PyRef::new(PyObject {
        ty: vm.types.type_.clone().into(),
        dict: crate::object::DictSlot::new(None),
        payload: Payload::Type(Box::new(td)),
    });
    let member_ty = vm.types.member_descriptor.clone();
    for f in fields {
        let n = vm.intern(f);
        let m = vm.alloc(
            &member_ty,
            Payload::Member(Box::new((n.clone(), ty.clone()))),
        );
        crate::types::dict::dict_set_str(vm, &d, &n, Value::Obj(m));
    }
    let mv = vm.new_str(module);
    let key = vm.intern("__module__");
    crate::types::dict::dict_set_str(vm, &d, &key, mv);
    // CPython's class attributes of every struct sequence type ([`make_type_split`]
    // sets them again for types with attribute-only fields).
    for k in ["n_sequence_fields", "n_fields"] {
        let n = vm.intern(k);
        crate::types::dict::dict_set_str(vm, &d, &n, Value::Int(fields.len() as i64));
    }
    let n = vm.intern("n_unnamed_fields");
    crate::types::dict::dict_set_str(vm, &d, &n, Value::Int(0));
    ty
}

/// An instance of struct sequence type `ty` with `values` (one per field).
pub fn new(vm: &mut Vm, ty: &PyRef, values: Vec<Value>) -> Value {
    let storage = vm.new_dict_ref();
    let fields = tdata(ty).structseq.borrow().clone().unwrap_or_default();
    for (f, v) in fields.iter().zip(&values) {
        let n = vm.intern(f);
        crate::types::dict::dict_set_str(vm, &storage, &n, v.clone());
    }
    Value::Obj(PyRef::new(PyObject {
        ty: ty.clone().into(),
        dict: crate::object::DictSlot::new(Some(storage)),
        payload: Payload::Tuple(values.into_boxed_slice()),
    }))
}

/// A struct sequence type whose first `n_sequence` fields are the tuple's items and the
/// rest attributes only (`os.stat_result`: ten items, nineteen fields). A name may come
/// twice: the visible one names the item in the repr, the later one is the attribute
/// (stat_result's item 7 is the int `st_atime`, its attribute the float). CPython's
/// `n_sequence_fields`, `n_fields` and `n_unnamed_fields` are set on the type.
pub fn make_type_split(
    vm: &mut Vm,
    qualname: &str,
    fields: &[&str],
    n_sequence: usize,
    n_unnamed: usize,
) -> PyRef {
    make_type_split_heap(vm, qualname, fields, n_sequence, n_unnamed, false)
}

/// [`make_type_split`], as a heap type when `heap` (see [`make_type_heap`]).
pub fn make_type_split_heap(
    vm: &mut Vm,
    qualname: &str,
    fields: &[&str],
    n_sequence: usize,
    n_unnamed: usize,
    heap: bool,
) -> PyRef {
    let ty = make_type_heap(vm, qualname, fields, heap);
    if let Some(d) = tdata(&ty).dict.get().cloned() {
        for (k, v) in [
            ("n_sequence_fields", n_sequence),
            ("n_fields", fields.len()),
            ("n_unnamed_fields", n_unnamed),
        ] {
            let n = vm.intern(k);
            crate::types::dict::dict_set_str(vm, &d, &n, Value::Int(v as i64));
        }
    }
    ty
}

/// An instance of a [`make_type_split`] type: `values` has one value per field, the
/// first `n_sequence` of them are the tuple's items.
pub fn new_split(vm: &mut Vm, ty: &PyRef, values: Vec<Value>, n_sequence: usize) -> Value {
    let storage = vm.new_dict_ref();
    let fields = tdata(ty).structseq.borrow().clone().unwrap_or_default();
    for (f, v) in fields.iter().zip(&values) {
        let n = vm.intern(f);
        crate::types::dict::dict_set_str(vm, &storage, &n, v.clone());
    }
    let mut items = values;
    items.truncate(n_sequence);
    Value::Obj(PyRef::new(PyObject {
        ty: ty.clone().into(),
        dict: crate::object::DictSlot::new(Some(storage)),
        payload: Payload::Tuple(items.into_boxed_slice()),
    }))
}

/// `repr()` of a struct sequence instance, `None` for other objects.
pub fn repr(vm: &mut Vm, o: &PyRef) -> PyResult<Option<String>> {
    let Some(fields) = tdata(&o.ty).structseq.borrow().clone() else {
        return Ok(None);
    };
    let Payload::Tuple(items) = &o.payload else {
        return Ok(None);
    };
    let module = crate::types::repr::type_module(vm, &o.ty).unwrap_or_default();
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(items.iter()) {
        parts.push(format!("{f}={}", vm.repr(v)?));
    }
    // `structseq_repr` prints tp_name: dotted unless the type is a builtin
    // (`asyncgen_hooks(...)`).
    let name = tdata(&o.ty).name();
    Ok(Some(match module.as_str() {
        "builtins" => format!("{name}({})", parts.join(", ")),
        _ => format!("{module}.{name}({})", parts.join(", ")),
    }))
}
