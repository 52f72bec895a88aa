//! Name instructions: LOAD_/STORE_ GLOBAL, NAME, DEREF, COPY_FREE_VARS (CPython: the
//! matching `TARGET`s of `Python/ceval.c`), with CPython's NameError texts.

use crate::code::Code;
use crate::object::{Payload, PyRef, Value};
use crate::types::dict;
use crate::vm::{PyResult, Vm};

pub fn name(co: &Code, i: usize) -> PyRef {
    co.names.get(i).cloned().unwrap_or_else(|| co.name.clone())
}

/// `co_names[i]` without a reference count change (the code name if out of range).
pub fn name_ref(co: &Code, i: usize) -> &PyRef {
    co.names.get(i).unwrap_or(&co.name)
}

pub fn localsplus_name(co: &Code, i: usize) -> String {
    co.localsplus_names
        .get(i)
        .and_then(|n| {
            Value::Obj(n.clone())
                .as_str()
                .map(|s| s.as_rust().into_owned())
        })
        .unwrap_or_default()
}

fn str_of(n: &PyRef) -> String {
    match &n.payload {
        Payload::Str(s) => s.as_rust().into_owned(),
        _ => String::new(),
    }
}

fn lookup(vm: &Vm, d: &PyRef, n: &PyRef) -> Option<Value> {
    match &n.payload {
        Payload::Str(s) => dict::dict_get_str(d, s, s.hash(&vm.hash_secret)),
        _ => None,
    }
}

fn not_defined(vm: &mut Vm, n: &PyRef) -> crate::vm::PyErr {
    vm.name_error(format!("name '{}' is not defined", str_of(n)))
}

pub fn load_global(vm: &mut Vm, co: &Code, i: usize) -> PyResult<Value> {
    let Some(n) = co.names.get(i) else {
        return Err(vm.system_error("LOAD_GLOBAL name index out of range"));
    };
    let fd = vm.thread.frames.last().and_then(|f| f.func_data());
    if let (Some(fd), Payload::Str(s)) = (fd, &n.payload) {
        let h = s.hash(&vm.interp.hash_secret);
        if let Some(v) = dict::dict_get_str(&fd.globals, s, h) {
            return Ok(v);
        }
        if let Some(v) = dict::dict_get_str(&fd.builtins, s, h) {
            return Ok(v);
        }
    }
    let n = n.clone();
    Err(not_defined(vm, &n))
}

pub fn store_global(vm: &mut Vm, co: &Code, i: usize, v: Option<Value>) -> PyResult<()> {
    let n = name_ref(co, i);
    let Some(g) = vm.thread.frames.last().and_then(|f| f.globals()) else {
        return Err(vm.system_error("no frame"));
    };
    if let Some(v) = v {
        // The old value is released after the table's borrow (dict_set_str).
        dict::dict_set_str(vm, g, n, v);
        return Ok(());
    }
    let (g, n) = (g.clone(), n.clone());
    match dict::del_item(vm, &g, &Value::Obj(n.clone()))? {
        Some(_) => Ok(()),
        None => Err(not_defined(vm, &n)),
    }
}

pub fn load_name(vm: &mut Vm, co: &Code, i: usize) -> PyResult<Value> {
    let n = name_ref(co, i);
    let Some(f) = vm.thread.frames.last() else {
        return Err(vm.system_error("no frame"));
    };
    // CPython's LOAD_NAME: an exact dict namespace is read directly; any other mapping
    // (a `__prepare__` dict subclass, an `exec` locals mapping) through its `__getitem__`,
    // a KeyError meaning "not there".
    let other = match &f.locals {
        Some(l) if l.ty.is(&vm.types.dict) => {
            if let Some(v) = lookup(vm, l, n) {
                return Ok(v);
            }
            None
        }
        Some(l) => Some(l.clone()),
        None => None,
    };
    if let Some(l) = other {
        let n = n.clone();
        match crate::object::subscript::getitem(vm, &Value::Obj(l), &Value::Obj(n)) {
            Ok(v) => return Ok(v),
            Err(e) if vm.err_matches(&e, &vm.types.key_error.clone()) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(fd) = vm.thread.frames.last().and_then(|f| f.func_data()) else {
        return Err(vm.system_error("no frame"));
    };
    if let Some(v) = lookup(vm, &fd.globals, n) {
        return Ok(v);
    }
    if let Some(v) = lookup(vm, &fd.builtins, n) {
        return Ok(v);
    }
    let n = n.clone();
    Err(not_defined(vm, &n))
}

pub fn store_name(vm: &mut Vm, co: &Code, i: usize, v: Option<Value>) -> PyResult<()> {
    let n = name_ref(co, i);
    let Some(f) = vm.thread.frames.last() else {
        return Err(vm.system_error("no frame"));
    };
    let Some(l) = &f.locals else {
        let msg = format!("no locals found when storing '{}'", str_of(n));
        return Err(vm.system_error(msg));
    };
    // CPython's STORE_NAME: PyDict_SetItem for an exact dict (no `__setitem__` can run:
    // the old value is released after the table's borrow), PyObject_SetItem otherwise.
    let v = match v {
        Some(v) if l.ty.is(&vm.types.dict) => {
            dict::dict_set_str(vm, l, n, v);
            return Ok(());
        }
        v => v,
    };
    let (l, n) = (l.clone(), n.clone());
    match v {
        Some(v) => crate::object::subscript::setitem(vm, &Value::Obj(l), &Value::Obj(n), Some(v)),
        None => match dict::del_item(vm, &l, &Value::Obj(n.clone()))? {
            Some(_) => Ok(()),
            None => Err(not_defined(vm, &n)),
        },
    }
}

fn cell_of(vm: &Vm, fast_base: usize, i: usize) -> Option<PyRef> {
    match vm.thread.fast.get(fast_base + i)? {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Cell(_)) => Some(o.clone()),
        _ => None,
    }
}

fn unbound_deref(vm: &mut Vm, co: &Code, i: usize) -> crate::vm::PyErr {
    let name = localsplus_name(co, i);
    if co
        .localsplus_kinds
        .get(i)
        .is_some_and(|k| k & pyrs_bytecode::code::CO_FAST_FREE != 0)
    {
        vm.name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    } else {
        let t = vm.types.unbound_local_error.clone();
        vm.new_error(
            &t,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}

pub fn load_deref(
    vm: &mut Vm,
    co: &Code,
    fast_base: usize,
    i: usize,
    class: bool,
) -> PyResult<Value> {
    if class {
        let n = co.localsplus_names.get(i).cloned();
        let l = vm.thread.frames.last().and_then(|f| f.locals.clone());
        if let (Some(n), Some(l)) = (n, l) {
            if let Some(v) = lookup(vm, &l, &n) {
                return Ok(v);
            }
        }
    }
    let v = cell_of(vm, fast_base, i).and_then(|c| match &c.payload {
        Payload::Cell(c) => c.borrow().clone(),
        _ => None,
    });
    match v {
        Some(v) => Ok(v),
        None => Err(unbound_deref(vm, co, i)),
    }
}

pub fn store_deref(
    vm: &mut Vm,
    co: &Code,
    fast_base: usize,
    i: usize,
    v: Option<Value>,
) -> PyResult<()> {
    let Some(c) = cell_of(vm, fast_base, i) else {
        return Err(vm.system_error("STORE_DEREF on a slot without a cell"));
    };
    if let Payload::Cell(cell) = &c.payload {
        let deleting = v.is_none();
        let old = std::mem::replace(&mut *cell.borrow_mut(), v);
        if deleting && old.is_none() {
            return Err(unbound_deref(vm, co, i));
        }
        drop(old);
    }
    Ok(())
}

pub fn copy_free_vars(vm: &mut Vm, co: &Code, fast_base: usize, n: usize) -> PyResult<()> {
    let closure = vm
        .thread
        .frames
        .last()
        .and_then(|f| f.func_data())
        .and_then(|fd| fd.closure.clone());
    let Some(cells) = closure.as_ref().and_then(|c| c.as_tuple()) else {
        return Err(vm.system_error("COPY_FREE_VARS without a closure"));
    };
    let start = fast_base + co.nlocalsplus().saturating_sub(n);
    for (j, c) in cells.iter().take(n).enumerate() {
        if let Some(slot) = vm.thread.fast.get_mut(start + j) {
            *slot = Some(c.clone());
        }
    }
    Ok(())
}

pub fn setup_annotations(vm: &mut Vm) -> PyResult<()> {
    let Some(l) = vm.thread.frames.last().and_then(|f| f.locals.clone()) else {
        return Err(vm.system_error("no locals found when setting up annotations"));
    };
    let n = vm.intern("__annotations__");
    if lookup(vm, &l, &n).is_none() {
        let d = Value::Obj(vm.new_dict_ref());
        dict::dict_set_str(vm, &l, &n, d);
    }
    Ok(())
}
