//! `types.MappingProxyType` (`mappingproxy`): a read-only view of a mapping; what a class's
//! `__dict__` returns (CPython: `mappingproxy` in `Objects/descrobject.c`).
//!
//! A native type (`modules/native_type.rs`): its special methods are Rust functions in
//! its dict, so `len()`, `proxy[k]`, `in`, iteration and `repr` reach them through the
//! protocol paths without a payload of their own. Every operation forwards to the
//! wrapped mapping; nothing writes through it.

use crate::modules::native_type::{self, NativeData, Spec};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// The wrapped mapping.
pub struct MappingProxy {
    mapping: Value,
}

impl NativeData for MappingProxy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.mapping);
    }
}

/// The `mappingproxy` type (made once at interpreter start; kept in `Types`).
pub fn make_type(vm: &mut Vm) -> PyRef {
    native_type::new_type(
        vm,
        &Spec {
            new: Some(new),
            methods: METHODS,
            classmethods: &[("__class_getitem__", native_type::class_getitem)],
            subclassable: false,
            ..Spec::new("mappingproxy", "builtins")
        },
    )
}

/// A proxy for `mapping` (a class's `__dict__`).
pub fn wrap(vm: &mut Vm, mapping: Value) -> Value {
    let ty = vm.types.mappingproxy.clone();
    Value::Obj(vm.alloc(&ty, Payload::Native(Box::new(MappingProxy { mapping }))))
}

/// `mappingproxy(mapping)`: any mapping but a list or tuple (`mappingproxy_check_mapping`).
fn new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _cls = native_type::take_cls(vm, &mut args, "mappingproxy")?;
    let [mapping] = native_type::clinic(vm, args, "mappingproxy", ["mapping"], 1, 1)?;
    let mapping = mapping.unwrap_or(Value::None);
    let is_seq = matches!(
        mapping.payload(),
        Some(Payload::List(_) | Payload::Tuple(_))
    );
    let ty = vm.type_of(&mapping).clone();
    let has_getitem = crate::object::protocol::special_method(vm, &ty, "__getitem__").is_some();
    if is_seq || !has_getitem {
        let t = vm.type_name(&mapping);
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {t}"
        )));
    }
    Ok(wrap(vm, mapping))
}

/// The wrapped mapping of `args.pos[0]`.
fn mapping(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(
        native_type::this::<MappingProxy>(vm, args, "method", "mappingproxy")?
            .mapping
            .clone(),
    )
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    native_type::positional(vm, &args, "__getitem__", 2, 2)?;
    crate::object::subscript::getitem(vm, &m, &args.pos[1])
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    Ok(Value::Int(vm.len(&m)? as i64))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    vm.iter(&m)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    native_type::positional(vm, &args, "__contains__", 2, 2)?;
    crate::object::ops::contains(vm, &m, &args.pos[1]).map(Value::Bool)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    let r = vm.repr(&m)?;
    Ok(vm.new_str(&format!("mappingproxy({r})")))
}

fn str_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    vm.str_value(&m)
}

/// `==`, `!=`, `<` ...: the wrapped mapping compared with the other operand.
fn compare(vm: &mut Vm, args: Args, op: u32) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    native_type::positional(vm, &args, "__eq__", 2, 2)?;
    crate::object::ops::compare(vm, &m, &args.pos[1], op)
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 2)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, 3)
}

/// `proxy | other` / `other | proxy`: the mapping's `|` (a new dict for a dict).
fn or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    native_type::positional(vm, &args, "__or__", 2, 2)?;
    let other = unwrap_proxy(&args.pos[1]);
    crate::object::ops::binary_op(vm, &m, &other, 7)
}

fn ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    native_type::positional(vm, &args, "__ror__", 2, 2)?;
    let other = unwrap_proxy(&args.pos[1]);
    crate::object::ops::binary_op(vm, &other, &m, 7)
}

/// `proxy |= other`: refused (`mappingproxy_inplace_or`), whatever `other` is, rather
/// than rebinding the name to `proxy | other`.
fn ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapping(vm, &args)?;
    native_type::positional(vm, &args, "__ior__", 2, 2)?;
    Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}

fn unwrap_proxy(v: &Value) -> Value {
    match native_type::state::<MappingProxy>(v) {
        Some(p) => p.mapping.clone(),
        None => v.clone(),
    }
}

/// `get`, `keys`, `values`, `items`, `copy`, `__reversed__`: the mapping's own method.
fn forward(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    let rest: Vec<Value> = args.pos.iter().skip(1).cloned().collect();
    vm.call_method(&m, name, rest)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    native_type::positional(vm, &args, "get", 2, 3)?;
    forward(vm, args, "get")
}
fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    native_type::positional(vm, &args, "keys", 1, 1)?;
    forward(vm, args, "keys")
}
fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    native_type::positional(vm, &args, "values", 1, 1)?;
    forward(vm, args, "values")
}
fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    native_type::positional(vm, &args, "items", 1, 1)?;
    forward(vm, args, "items")
}
fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    native_type::positional(vm, &args, "copy", 1, 1)?;
    forward(vm, args, "copy")
}
fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = mapping(vm, &args)?;
    let ty = vm.types.reversed.clone();
    crate::types::iter::reversed_new(vm, &ty, Args::positional(vec![m]))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__getitem__", getitem),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__repr__", repr),
    ("__str__", str_),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__or__", or),
    ("__ror__", ror),
    ("__ior__", ior),
    ("__reversed__", reversed),
    ("get", get),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("copy", copy),
];
