//! What objects and classes report about themselves: `object.__dir__` and `type.__dir__`
//! (the names `dir()` sorts), `object.__sizeof__` (what `sys.getsizeof` reports),
//! `type.__subclasses__`, `type.__instancecheck__`, `type.__prepare__`.
//! CPython: `object___dir___impl`, `type___dir___impl` with `merge_class_dict`,
//! `object___sizeof___impl`, `type___subclasses___impl`, `type___instancecheck___impl`,
//! `type_prepare` in `Objects/typeobject.c`.
//!
//! Subclass lists: every type keeps weak references to the types that name it as a base
//! (`TypeData::subclasses`, CPython's `tp_subclasses`), added by [`note_subclass`] where
//! a type's bases are set; a dead reference is skipped and dropped when the list is read.

use crate::object::refcount::WeakSlot;
use crate::object::typeobj::{is_subtype, tdata};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// Rows for `object`'s method table.
pub const OBJECT_METHODS: &[(&str, NativeFn)] =
    &[("__dir__", object_dir), ("__sizeof__", object_sizeof)];

/// Rows for `type`'s method table.
pub const TYPE_METHODS: &[(&str, NativeFn)] = &[
    ("__dir__", type_dir),
    ("__subclasses__", type_subclasses),
    ("__instancecheck__", type_instancecheck),
];

/// Class methods of `type`.
pub const TYPE_CLASSMETHODS: &[(&str, NativeFn)] = &[("__prepare__", type_prepare)];

/// Record `sub` in the subclass list of each of its `bases`. Slots of freed classes go
/// when the list is full (CPython removes them as a class dies), so a program making
/// classes in a loop keeps its bases' lists as long as the live subclasses, amortized.
pub fn note_subclass(bases: &[PyRef], sub: &PyRef) {
    for b in bases {
        let mut list = tdata(b).subclasses.borrow_mut();
        if list.len() == list.capacity() {
            list.retain(|s| s.target_id().is_some());
        }
        list.push(WeakSlot::new(sub));
    }
}

/// The live subclasses of `ty`, in the order they were made.
pub fn subclasses(ty: &PyRef) -> Vec<PyRef> {
    let mut list = tdata(ty).subclasses.borrow_mut();
    let mut out = Vec::with_capacity(list.len());
    list.retain(|s| match s.get() {
        Some(t) => {
            out.push(t);
            true
        }
        None => false,
    });
    out
}

/// Add the keys of `d` to `names` (a dict used as an ordered set, as CPython's dir does).
fn merge_dict(vm: &mut Vm, names: &PyRef, d: &PyRef) -> PyResult<()> {
    for (k, _) in crate::types::dict::items(d) {
        crate::types::dict::set_item(vm, names, k, Value::None)?;
    }
    Ok(())
}

/// `merge_class_dict`: the class's own dict, then its bases' (depth first, in order).
fn merge_class_dict(vm: &mut Vm, names: &PyRef, cls: &PyRef) -> PyResult<()> {
    // An explicit stack: a long chain of bases must not deepen the Rust stack.
    let mut stack = vec![cls.clone()];
    while let Some(c) = stack.pop() {
        if let Some(d) = tdata(&c).dict.get().cloned() {
            merge_dict(vm, names, &d)?;
        }
        stack.extend(tdata(&c).bases().iter().rev().cloned());
    }
    Ok(())
}

/// The names `dir(o)` sorts when no class statement defines `__dir__`: an object's own
/// attributes then its class's (`object.__dir__`), a class's and its bases'
/// (`type.__dir__`), a module's dict.
pub fn dir_names(vm: &mut Vm, o: &Value) -> PyResult<Vec<Value>> {
    let names = vm.new_dict_ref();
    match o.as_obj() {
        Some(ob) if matches!(ob.payload, Payload::Type(_)) => {
            let ob = ob.clone();
            merge_class_dict(vm, &names, &ob)?;
        }
        Some(ob) => {
            if let Payload::Module(d) = &ob.payload {
                let d = d.clone();
                merge_dict(vm, &names, &d)?;
                return Ok(keys(&names));
            }
            let ob = ob.clone();
            if let Some(d) = crate::object::attr::instance_dict(vm, &ob, false) {
                merge_dict(vm, &names, &d)?;
            }
            let t = ob.ty.clone();
            merge_class_dict(vm, &names, &t)?;
        }
        None => {
            let t = vm.type_of(o).clone();
            merge_class_dict(vm, &names, &t)?;
        }
    }
    Ok(keys(&names))
}

fn keys(d: &PyRef) -> Vec<Value> {
    crate::types::dict::items(d)
        .into_iter()
        .map(|(k, _)| k)
        .collect()
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__dir__", 1, 1)?;
    let names = dir_names(vm, &args.pos[0])?;
    Ok(vm.new_list(names))
}

fn type_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__dir__", 1, 1)?;
    let names = vm.new_dict_ref();
    if let Some(c) = args.pos[0]
        .as_obj()
        .filter(|c| matches!(c.payload, Payload::Type(_)))
    {
        let c = c.clone();
        merge_class_dict(vm, &names, &c)?;
    }
    Ok(vm.new_list(keys(&names)))
}

/// pyrs's own footprint of `v` in bytes: its heap block plus the buffers it owns (an
/// inline value is the size of a `Value`). Not CPython's numbers (docs/differences.md).
pub fn footprint(vm: &mut Vm, v: &Value) -> usize {
    let Value::Obj(o) = v else {
        return std::mem::size_of::<Value>();
    };
    let base = std::mem::size_of::<crate::object::PyObject>() + 16;
    let extra = match &o.payload {
        Payload::Str(s) => s.len() * 4,
        Payload::Bytes(b) => b.len(),
        Payload::ByteArray(b) => b.borrow().capacity(),
        Payload::Tuple(t) => t.len() * std::mem::size_of::<Value>(),
        Payload::List(l) => l.borrow().capacity() * std::mem::size_of::<Value>(),
        Payload::Dict(_) | Payload::Set(_) => {
            crate::types::dict::len(o).max(vm.len(v).unwrap_or(0))
                * 3
                * std::mem::size_of::<Value>()
        }
        Payload::Int(b) => (b.bits() as usize + 7) / 8,
        _ => 0,
    };
    base + extra
}

fn object_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__sizeof__", 1, 1)?;
    let n = footprint(vm, &args.pos[0]);
    Ok(Value::Int(n as i64))
}

fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__subclasses__", 1, 1)?;
    let Some(c) = args.pos[0]
        .as_obj()
        .filter(|c| matches!(c.payload, Payload::Type(_)))
    else {
        return Ok(vm.new_list(Vec::new()));
    };
    let subs = subclasses(c).into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(subs))
}

/// `type.__instancecheck__(cls, inst)` (`_PyObject_RealIsInstance`): the type of `inst`
/// or its `__class__` is a subclass of `cls`; no metaclass hook.
fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__instancecheck__", 2, 2)?;
    let (cls, inst) = (&args.pos[0], &args.pos[1]);
    let Some(c) = cls
        .as_obj()
        .filter(|c| matches!(c.payload, Payload::Type(_)))
    else {
        return Ok(Value::Bool(false));
    };
    let t = vm.type_of(inst).clone();
    if is_subtype(&t, c) {
        return Ok(Value::Bool(true));
    }
    let n = vm.intern("__class__");
    if let Some(Value::Obj(icls)) = crate::object::attr::getattr_opt(vm, inst, &n)? {
        if !icls.is(&t) && matches!(icls.payload, Payload::Type(_)) {
            return Ok(Value::Bool(is_subtype(&icls, c)));
        }
    }
    Ok(Value::Bool(false))
}

/// `type.__prepare__(name, bases, **kwds)`: a new empty dict.
fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict_ref()))
}
