//! The `builtins` module: one small file per family of functions (CPython:
//! `Python/bltinmodule.c`), registered explicitly here.

pub mod attrs;
pub mod audit;
pub mod build_class;
pub mod compile;
pub mod format;
pub mod iteration;
pub mod numeric;
pub mod print;
pub mod stdlib_module_names;
pub mod sys;
pub mod sys_runtime;

use crate::object::{PyRef, Value};
use crate::types::function::{new_builtin, NativeFn};
use crate::vm::Vm;

/// Every builtin function, by name.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print::print),
    ("__build_class__", build_class::build_class),
    ("__import__", crate::import::builtin_import),
    ("len", iteration::len),
    ("iter", iteration::iter),
    ("next", iteration::next),
    ("aiter", crate::types::coroutine::aiter_builtin),
    ("anext", crate::types::coroutine::anext_builtin),
    ("sorted", iteration::sorted),
    ("any", iteration::any),
    ("all", iteration::all),
    ("sum", numeric::sum),
    ("min", numeric::min),
    ("max", numeric::max),
    ("abs", numeric::abs),
    ("round", numeric::round),
    ("divmod", numeric::divmod),
    ("pow", numeric::pow),
    ("hex", numeric::hex),
    ("oct", numeric::oct),
    ("bin", numeric::bin),
    ("repr", attrs::repr),
    ("ascii", attrs::ascii),
    ("format", attrs::format),
    ("chr", attrs::chr),
    ("ord", attrs::ord),
    ("id", attrs::id),
    ("hash", attrs::hash),
    ("isinstance", attrs::isinstance),
    ("issubclass", attrs::issubclass),
    ("callable", attrs::callable),
    ("breakpoint", sys_runtime::breakpoint),
    ("getattr", attrs::getattr),
    ("setattr", attrs::setattr),
    ("hasattr", attrs::hasattr),
    ("delattr", attrs::delattr),
    ("globals", attrs::globals),
    ("locals", attrs::locals),
    ("vars", attrs::vars),
    ("dir", attrs::dir),
    ("input", print::input),
    ("open", crate::modules::_io::open::open),
    ("compile", compile::compile),
    ("exec", compile::exec),
    ("eval", compile::eval),
];

fn set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
    let n = vm.intern(name);
    crate::types::dict::dict_set_str(vm, d, &n, v);
}

pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    for (name, f) in FUNCTIONS {
        let v = new_builtin(vm, name, *f);
        set(vm, &b, name, v);
    }
    crate::types::function::add_fast_entries(vm, &b, iteration::FAST_FUNCTIONS);
    let t = &vm.types;
    let types: Vec<(&str, PyRef)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool.clone()),
        ("float", t.float.clone()),
        ("str", t.str.clone()),
        ("bytes", t.bytes.clone()),
        ("tuple", t.tuple.clone()),
        ("list", t.list.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("complex", t.complex.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("classmethod", t.classmethod.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("super", t.super_.clone()),
        ("enumerate", t.enumerate.clone()),
        ("zip", t.zip.clone()),
        ("map", t.map.clone()),
        ("filter", t.filter.clone()),
        ("reversed", t.reversed.clone()),
        ("bytearray", t.bytearray.clone()),
        ("memoryview", t.memoryview.clone()),
    ];
    let excs = t.exception_names.clone();
    for (n, ty) in types {
        set(vm, &b, n, Value::Obj(ty));
    }
    for (n, ty) in excs {
        set(vm, &b, &n, Value::Obj(ty));
    }
    let ni = vm.not_implemented();
    set(vm, &b, "NotImplemented", ni);
    let el = Value::Obj(vm.ellipsis.clone());
    set(vm, &b, "Ellipsis", el);
    set(vm, &b, "None", Value::None);
    set(vm, &b, "True", Value::Bool(true));
    set(vm, &b, "False", Value::Bool(false));
    let name = vm.new_str("builtins");
    set(vm, &b, "__name__", name);
    sys::install(vm);
}
