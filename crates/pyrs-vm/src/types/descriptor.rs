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
                "__annotations__",
                "__dict__",
            ],
            &["__globals__", "__closure__", "__module__", "__builtins__"],
        ),
        (
            t.type_.clone(),
            &[
                "__dict__",
                "__name__",
                "__qualname__",
                "__module__",
                "__bases__",
                "__doc__",
                "__text_signature__",
                "__abstractmethods__",
                "__annotations__",
            ],
            &["__mro__", "__base__", "__flags__"],
        ),
        (t.method.clone(), &[], &["__func__", "__self__"]),
        (
            t.builtin_function.clone(),
            &[
                "__self__",
                "__doc__",
                "__name__",
                "__qualname__",
                "__text_signature__",
            ],
            &["__module__"],
        ),
        (
            t.method_descriptor.clone(),
            &["__doc__", "__name__", "__qualname__", "__text_signature__"],
            &["__objclass__"],
        ),
        (
            t.wrapper_descriptor.clone(),
            &["__doc__", "__name__", "__qualname__", "__text_signature__"],
            &["__objclass__"],
        ),
        (
            t.classmethod_descriptor.clone(),
            &["__doc__", "__name__", "__qualname__", "__text_signature__"],
            &["__objclass__"],
        ),
        (
            t.getset_descriptor.clone(),
            &["__doc__", "__name__", "__qualname__"],
            &["__objclass__"],
        ),
        (
            t.member_descriptor.clone(),
            &["__doc__", "__name__", "__qualname__"],
            &["__objclass__"],
        ),
        (
            t.classmethod.clone(),
            &["__isabstractmethod__", "__dict__"],
            &["__func__", "__wrapped__"],
        ),
        (
            t.staticmethod.clone(),
            &["__isabstractmethod__", "__dict__"],
            &["__func__", "__wrapped__"],
        ),
        (
            t.property.clone(),
            &["__isabstractmethod__"],
            &["fget", "fset", "fdel"],
        ),
        (t.module.clone(), &[], &["__dict__"]),
        (t.simple_namespace.clone(), &[], &["__dict__"]),
        (t.cell.clone(), &["cell_contents"], &[]),
        (t.slice.clone(), &[], &["start", "stop", "step"]),
        (t.range.clone(), &[], &["start", "stop", "step"]),
        (t.complex.clone(), &[], &["real", "imag"]),
        (
            t.traceback.clone(),
            &["tb_next"],
            &["tb_frame", "tb_lasti", "tb_lineno"],
        ),
        (
            t.generic_alias.clone(),
            &["__parameters__", "__typing_unpacked_tuple_args__"],
            &["__origin__", "__args__", "__unpacked__"],
        ),
        (t.union_type.clone(), &["__parameters__"], &["__args__"]),
        (t.object.clone(), &["__class__"], &[]),
        (
            t.int.clone(),
            &["real", "imag", "numerator", "denominator"],
            &[],
        ),
        (t.float.clone(), &["real", "imag"], &[]),
        (
            t.code.clone(),
            &[
                "co_varnames",
                "co_cellvars",
                "co_freevars",
                "co_code",
                "co_lnotab",
                "_co_code_adaptive",
            ],
            &[
                "co_argcount",
                "co_posonlyargcount",
                "co_kwonlyargcount",
                "co_stacksize",
                "co_flags",
                "co_nlocals",
                "co_consts",
                "co_names",
                "co_filename",
                "co_name",
                "co_qualname",
                "co_firstlineno",
                "co_linetable",
                "co_exceptiontable",
            ],
        ),
        (
            t.frame.clone(),
            &[
                "f_back",
                "f_locals",
                "f_lineno",
                "f_trace",
                "f_lasti",
                "f_globals",
                "f_builtins",
                "f_code",
            ],
            &["f_trace_lines", "f_trace_opcodes"],
        ),
        (
            t.generator.clone(),
            &[
                "__name__",
                "__qualname__",
                "gi_yieldfrom",
                "gi_running",
                "gi_frame",
                "gi_suspended",
            ],
            &["gi_code"],
        ),
        (
            t.coroutine.clone(),
            &[
                "__name__",
                "__qualname__",
                "cr_await",
                "cr_running",
                "cr_frame",
                "cr_suspended",
                "cr_origin",
            ],
            &["cr_code"],
        ),
        (
            t.async_generator.clone(),
            &["__name__", "__qualname__", "ag_await", "ag_frame"],
            &["ag_running", "ag_code"],
        ),
        (
            t.memoryview.clone(),
            &[
                "obj",
                "nbytes",
                "readonly",
                "itemsize",
                "format",
                "ndim",
                "shape",
                "strides",
                "suboffsets",
                "c_contiguous",
                "f_contiguous",
                "contiguous",
            ],
            &[],
        ),
        (
            t.super_.clone(),
            &[],
            &["__thisclass__", "__self__", "__self_class__"],
        ),
        (t.dict_keys.clone(), &["mapping"], &[]),
        (t.dict_values.clone(), &["mapping"], &[]),
        (t.dict_items.clone(), &["mapping"], &[]),
        (
            t.base_exception.clone(),
            &[
                "__dict__",
                "args",
                "__traceback__",
                "__context__",
                "__cause__",
            ],
            &["__suppress_context__"],
        ),
    ]
}

/// Member descriptors of the builtin exception classes, by class name (CPython's
/// `*_members` tables of `Objects/exceptions.c`); the getset `characters_written` too.
const EXCEPTION_MEMBERS: &[(&str, &[&str])] = &[
    ("AttributeError", &["name", "obj"]),
    ("BaseExceptionGroup", &["message", "exceptions"]),
    ("ImportError", &["msg", "name", "path"]),
    ("NameError", &["name"]),
    ("OSError", &["errno", "strerror", "filename", "filename2"]),
    ("StopIteration", &["value"]),
    (
        "SyntaxError",
        &[
            "msg",
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
            "print_file_and_line",
        ],
    ),
    ("SystemExit", &["code"]),
    (
        "UnicodeDecodeError",
        &["encoding", "object", "start", "end", "reason"],
    ),
    (
        "UnicodeEncodeError",
        &["encoding", "object", "start", "end", "reason"],
    ),
    (
        "UnicodeTranslateError",
        &["encoding", "object", "start", "end", "reason"],
    ),
];

/// [`table`] with the exception classes' rows.
fn all_rows(vm: &Vm) -> Vec<(PyRef, &'static [&'static str], &'static [&'static str])> {
    let mut rows = table(vm);
    for (name, members) in EXCEPTION_MEMBERS {
        let found = vm.types.exception_names.iter().find(|(n, _)| n == name);
        if let Some((_, ty)) = found {
            rows.push((ty.clone(), &[], members));
        }
    }
    rows.push((vm.types.os_error.clone(), &["characters_written"], &[]));
    rows
}

/// Whether a member descriptor can be assigned: the exceptions' fields (but an
/// exception group's), `__suppress_context__`, a function's `__module__`; every other
/// member of the tables is `READONLY` in CPython's PyMemberDef.
fn writable_member(vm: &Vm, m: &(PyRef, PyRef)) -> bool {
    use crate::object::typeobj::is_subtype;
    if m.1.is(&vm.types.function) {
        return crate::object::attr::pystr(&m.0).eq_rust("__module__");
    }
    if m.1.is(&vm.types.frame) {
        // `f_trace_lines`, `f_trace_opcodes` (T_BOOL members: `types/frame.rs` stores).
        return true;
    }
    if !is_subtype(&m.1, &vm.types.base_exception) {
        return false;
    }
    !vm.types
        .exception_names
        .iter()
        .any(|(n, t)| n == "BaseExceptionGroup" && t.is(&m.1))
}

/// `__class_getitem__` of the generic builtin types (`list[int]`: `types.GenericAlias`).
fn install_class_getitem(vm: &mut Vm) {
    let t = &vm.types;
    let mut generic = vec![
        t.list.clone(),
        t.dict.clone(),
        t.tuple.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.enumerate.clone(),
        t.async_generator.clone(),
    ];
    let group = t
        .exception_names
        .iter()
        .find(|(n, _)| n == "BaseExceptionGroup");
    generic.extend(group.map(|(_, g)| g.clone()));
    let row: &[(&'static str, crate::types::function::NativeFn)] = &[(
        "__class_getitem__",
        crate::modules::native_type::class_getitem,
    )];
    for ty in generic {
        crate::types::add_classmethods(vm, &ty, row);
    }
}

/// Install the descriptors of [`table`] (names the type's dict already has stay).
pub fn install(vm: &mut Vm) {
    install_class_getitem(vm);
    let (getset_ty, member_ty) = (
        vm.types.getset_descriptor.clone(),
        vm.types.member_descriptor.clone(),
    );
    for (ty, getsets, members) in all_rows(vm) {
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
    crate::types::exception_group::install_heap_attrs(vm);
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

/// `__doc__ = None` in the dicts of [`undocumented`] types, and the dotted name of the
/// builtin types that CPython names in `types` (`types.GenericAlias`, ...).
pub fn install_docs(vm: &mut Vm) {
    for t in undocumented(vm) {
        crate::types::set_type_attr(vm, &t, "__doc__", Value::None);
    }
    let t = &vm.types;
    for ty in [
        t.generic_alias.clone(),
        t.simple_namespace.clone(),
        t.union_type.clone(),
    ] {
        // CPython's dotted `tp_name` ("'types.GenericAlias' object has no attribute"):
        // `__name__`/`__qualname__` stay the bare name and `__module__` is "types"
        // (types/getset.rs), as for any static type.
        let td = tdata(&ty);
        if !td.name().starts_with("types.") {
            let bare = td.name();
            *td.name.borrow_mut() = format!("types.{bare}");
        }
    }
}

/// Whether a `Payload::Member` describes a builtin payload attribute, not a slot: slots
/// (of `__slots__` classes and of struct sequences) belong to `slotted` types only.
pub fn is_builtin_member(m: &(PyRef, PyRef)) -> bool {
    !tdata(&m.1).slotted.get()
}

/// CPython's check that the descriptor applies (`descr_check`).
fn check(vm: &mut Vm, m: &(PyRef, PyRef), obj: &Value) -> PyResult<()> {
    let ty = vm.type_of(obj).clone();
    match crate::object::typeobj::is_subtype(&ty, &m.1) {
        true => Ok(()),
        false => Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            crate::object::attr::name_of(&m.0),
            tdata(&m.1).name(),
            tdata(&ty).name()
        ))),
    }
}

/// `descr.__get__(obj)`: the payload attribute.
pub fn get(vm: &mut Vm, m: &(PyRef, PyRef), obj: &Value) -> PyResult<Value> {
    check(vm, m, obj)?;
    let name = crate::object::attr::pystr(&m.0);
    // `e.args` in a handler: straight to the stored tuple (what `getset::get`'s exception
    // arm answers), without its chain of name tests (~400 instructions).
    if let Value::Obj(o) = obj {
        if let Payload::Exception(d) = &o.payload {
            if name.eq_rust("args") {
                return Ok(crate::types::exceptions::args_attr(vm, o, d));
            }
        }
    }
    let v = match obj {
        // `subtype_getweakref`: the first weak reference to `obj`, or None.
        Value::Obj(o) if name.eq_rust("__weakref__") => Some(
            crate::object::refcount::weak_slots(o)
                .iter()
                .find_map(|s| crate::object::refcount::slot_weakref(s))
                .map_or(Value::None, Value::Obj),
        ),
        Value::Obj(o) => crate::types::getset::get(vm, o, name)?,
        // An inline int, bool or float: `real`, `imag`, ... and `__class__`.
        _ if name.eq_rust("__class__") => Some(Value::Obj(vm.type_of(obj).clone())),
        _ => crate::types::getset::number_attr(vm, obj, &name.as_rust()),
    };
    match v {
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
    check(vm, m, obj)?;
    if m.1.is(&vm.types.object) && crate::object::attr::pystr(&m.0).eq_rust("__class__") {
        return crate::types::object::set_class(vm, obj, value);
    }
    if d.ty.is(&vm.types.member_descriptor) && !writable_member(vm, m) {
        return Err(vm.attribute_error("readonly attribute"));
    }
    // `__weakref__` has no setter (`subtype_getsets_weakref_only`).
    let weakref = crate::object::attr::pystr(&m.0).eq_rust("__weakref__");
    if let (Value::Obj(o), false) = (obj, weakref) {
        if crate::types::getset::set(vm, o, crate::object::attr::pystr(&m.0), value)? {
            return Ok(());
        }
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
