//! The opcodes of `match` statements (CPython 3.11: `Python/ceval.c` MATCH_*,
//! `match_class`, `match_keys`): MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS,
//! MATCH_CLASS. The compiler side is `pyrs-compiler/src/codegen/pattern.rs`.

use super::{pop, push};
use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Stack item `n` from the top (1 is the top).
fn top(vm: &Vm, n: usize) -> Value {
    super::peek(vm, n).unwrap_or(Value::None)
}

/// MATCH_MAPPING: is TOS a mapping (`Py_TPFLAGS_MAPPING`: dict and its subclasses)?
pub fn match_mapping(vm: &mut Vm) {
    let v = top(vm, 1);
    let r = matches!(v.payload(), Some(Payload::Dict(_)));
    push(vm, Value::Bool(r));
}

/// MATCH_SEQUENCE: is TOS a sequence (`Py_TPFLAGS_SEQUENCE`: list, tuple, range and their
/// subclasses; never str, bytes or bytearray)?
pub fn match_sequence(vm: &mut Vm) {
    let v = top(vm, 1);
    let r = matches!(
        v.payload(),
        Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range(_))
    );
    push(vm, Value::Bool(r));
}

/// MATCH_KEYS: TOS is a tuple of keys, TOS1 the subject; push the tuple of their values,
/// or None when a key is missing (looked up with `subject.get(key, dummy)`).
pub fn match_keys(vm: &mut Vm) -> PyResult<()> {
    let keys = top(vm, 1);
    let subject = top(vm, 2);
    let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if keys.is_empty() {
        let t = vm.new_tuple(Vec::new());
        push(vm, t);
        return Ok(());
    }
    let dummy = Value::Obj(vm.new_dict_ref());
    let mut values = Vec::with_capacity(keys.len());
    let mut seen: Vec<Value> = Vec::new();
    for k in keys {
        for s in &seen {
            if vm.eq(s, &k)? {
                let r = vm.repr(&k)?;
                return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
        }
        seen.push(k.clone());
        let v = vm.call_method(&subject, "get", vec![k, dummy.clone()])?;
        if v.is(&dummy) {
            push(vm, Value::None);
            return Ok(());
        }
        values.push(v);
    }
    let t = vm.new_tuple(values);
    push(vm, t);
    Ok(())
}

/// Builtin types whose single positional sub-pattern matches the subject itself.
fn matches_self(vm: &Vm, cls: &PyRef) -> bool {
    let t = &vm.types;
    [
        &t.bool,
        &t.bytes,
        &t.dict,
        &t.float,
        &t.frozenset,
        &t.int,
        &t.list,
        &t.set,
        &t.str,
        &t.tuple,
    ]
    .iter()
    .any(|b| cls.is(b))
        || tdata(cls).name() == "bytearray" && !tdata(cls).heap
}

/// `getattr(subject, name)`, `None` on AttributeError.
fn attr_or_none(vm: &mut Vm, subject: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(n) = name.as_obj().cloned() else {
        return Ok(None);
    };
    match crate::object::attr::getattr(vm, subject, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// MATCH_CLASS(count): TOS names the keyword attributes, TOS1 is the class, TOS2 the
/// subject; replaces them with the tuple of matched attributes, or None.
pub fn match_class(vm: &mut Vm, count: usize) -> PyResult<()> {
    let names = pop(vm);
    let cls = pop(vm);
    let subject = pop(vm);
    let r = match_class_impl(vm, &subject, &cls, count, &names)?;
    push(vm, r.unwrap_or(Value::None));
    Ok(())
}

fn match_class_impl(
    vm: &mut Vm,
    subject: &Value,
    cls: &Value,
    count: usize,
    names: &Value,
) -> PyResult<Option<Value>> {
    let Some(c) = cls
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    if !crate::builtins::attrs::instance_check(vm, subject, cls)? {
        return Ok(None);
    }
    let cname = tdata(&c).name();
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    if count > 0 {
        let ma = vm.intern("__match_args__");
        let match_args = crate::object::attr::getattr_opt(vm, cls, &ma)?;
        match match_args {
            None if count == 1 && matches_self(vm, &c) => out.push(subject.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "{cname}() accepts 0 positional sub-patterns ({count} given)"
                )))
            }
            Some(m) => {
                let Some(args) = m.as_tuple().map(|t| t.to_vec()) else {
                    let t = vm.type_name(&m);
                    return Err(
                        vm.type_error(format!("{cname}.__match_args__ must be a tuple (got {t})"))
                    );
                };
                if count > args.len() {
                    let n = args.len();
                    let s = if n == 1 { "" } else { "s" };
                    return Err(vm.type_error(format!(
                        "{cname}() accepts {n} positional sub-pattern{s} ({count} given)"
                    )));
                }
                for a in &args[..count] {
                    let Some(s) = a.as_str().map(|s| s.as_rust().into_owned()) else {
                        let t = vm.type_name(a);
                        return Err(vm.type_error(format!(
                            "__match_args__ elements must be strings (got {t})"
                        )));
                    };
                    seen.push(s);
                    match attr_or_none(vm, subject, a)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
            }
        }
    }
    for n in names.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
        let s = n
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        if seen.contains(&s) {
            return Err(vm.type_error(format!(
                "{cname}() got multiple sub-patterns for attribute '{s}'"
            )));
        }
        seen.push(s);
        match attr_or_none(vm, subject, &n)? {
            Some(v) => out.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(vm.new_tuple(out)))
}
