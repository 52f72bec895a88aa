//! The `_functools` module: `reduce`, `cmp_to_key` (its `KeyWrapper` type) and `partial`
//! (CPython: `Modules/_functoolsmodule.c`), and `_lru_cache_wrapper` (`lru_cache.rs`).
//! `functools` imports each inside a `try`.

mod lru_cache;

use super::native_type::{self as nt, NativeData};
use crate::object::{PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

const DOC: &str = "Tools that operate on functions.";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_functools", DOC);
    super::add_functions(vm, &d, &[("reduce", reduce)]);
    let kw_methods: &[(&'static str, NativeFn)] = &[
        ("__call__", key_call),
        ("__lt__", key_lt),
        ("__le__", key_le),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
    ];
    let mut spec = nt::Spec::new("KeyWrapper", "functools");
    spec.methods = kw_methods;
    spec.subclassable = false;
    let key_ty = nt::new_type(vm, &spec);
    nt::add_property(vm, &key_ty, "obj", key_obj, None, None);
    let st = nt::types_state(vm, "_functools", vec![key_ty]);
    nt::add_state_functions(vm, &d, &st, &[("cmp_to_key", cmp_to_key)]);
    let p_methods: &[(&'static str, NativeFn)] =
        &[("__call__", partial_call), ("__repr__", partial_repr)];
    let classmethods: &[(&'static str, NativeFn)] = &[("__class_getitem__", nt::class_getitem)];
    let mut spec = nt::Spec::new("partial", "functools");
    spec.doc = Some(PARTIAL_DOC);
    spec.new = Some(partial_new);
    spec.methods = p_methods;
    spec.classmethods = classmethods;
    spec.no_dict = false;
    let p_ty = nt::new_type(vm, &spec);
    for (name, f) in [
        ("func", partial_func as NativeFn),
        ("args", partial_args),
        ("keywords", partial_keywords),
    ] {
        nt::add_property(vm, &p_ty, name, f, None, None);
    }
    crate::import::dict_set(vm, &d, "partial", Value::Obj(p_ty));
    lru_cache::install(vm, &d);
    Ok(m)
}

const PARTIAL_DOC: &str = "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n";

/// `reduce(function, iterable[, initial], /)`.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nt::positional(vm, &args, "reduce", 2, 3)?;
    let f = args.pos[0].clone();
    let it = match vm.iter(&args.pos[1]) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mut acc = args.pos.get(2).cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(&f, vec![a, x])?,
        });
    }
    match acc {
        Some(a) => Ok(a),
        None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
    }
}

// ---- cmp_to_key -----------------------------------------------------------------------

/// `functools.KeyWrapper`: the comparison function, and the wrapped object once called.
struct KeyWrapper {
    cmp: Value,
    object: Option<Value>,
}

impl NativeData for KeyWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        if let Some(o) = &self.object {
            visit(o);
        }
    }
}

/// `cmp_to_key(mycmp)`; bound to the KeyWrapper type.
fn cmp_to_key(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let ty = nt::take_state_type(vm, &mut args, 0)?;
    let [cmp] = nt::clinic(vm, args, "cmp_to_key", ["mycmp"], 1, 1)?;
    let cmp = cmp.unwrap_or(Value::None);
    Ok(nt::alloc(vm, &ty, KeyWrapper { cmp, object: None }))
}

fn key_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(k) = nt::state::<KeyWrapper>(&me) else {
        return Err(vm.type_error("KeyWrapper.__call__ needs a KeyWrapper"));
    };
    args.pos.remove(0);
    let [obj] = nt::clinic(vm, args, "K", ["obj"], 1, 1)?;
    let ty = vm.type_of(&me).clone();
    Ok(nt::alloc(
        vm,
        &ty,
        KeyWrapper {
            cmp: k.cmp.clone(),
            object: obj,
        },
    ))
}

fn key_obj(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = nt::this::<KeyWrapper>(vm, &args, "obj", "functools.KeyWrapper")?;
    match &k.object {
        Some(o) => Ok(o.clone()),
        None => Err(vm.attribute_error("obj")),
    }
}

/// `keyobject_richcompare`: `mycmp(self.obj, other.obj) <op> 0`.
fn key_compare(vm: &mut Vm, args: Args, op: u32) -> PyResult<Value> {
    let k = nt::this::<KeyWrapper>(vm, &args, "__lt__", "functools.KeyWrapper")?;
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    let same_type = vm.type_of(&other).is(vm.type_of(&args.pos[0]));
    let Some(o) = nt::state::<KeyWrapper>(&other).filter(|_| same_type) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (Some(x), Some(y)) = (k.object.clone(), o.object.clone()) else {
        return Err(vm.attribute_error("object"));
    };
    let f = k.cmp.clone();
    let res = vm.call(&f, vec![x, y])?;
    crate::object::ops::compare(vm, &res, &Value::Int(0), op)
}

fn key_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    key_compare(vm, args, 0)
}
fn key_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    key_compare(vm, args, 1)
}
fn key_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    key_compare(vm, args, 2)
}
fn key_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    key_compare(vm, args, 3)
}
fn key_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    key_compare(vm, args, 4)
}
fn key_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    key_compare(vm, args, 5)
}

// ---- partial --------------------------------------------------------------------------

struct Partial {
    func: Value,
    /// A tuple.
    args: Value,
    /// A dict (its own: `keywords` is a fresh dict per partial).
    keywords: PyRef,
}

impl NativeData for Partial {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.args);
        visit(&Value::Obj(self.keywords.clone()));
    }
}

fn callable(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let r = crate::builtins::attrs::callable(vm, Args::positional(vec![v.clone()]))?;
    Ok(matches!(r, Value::Bool(true)))
}

fn partial_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "partial")?;
    if args.pos.is_empty() {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args.pos.remove(0);
    if !callable(vm, &func)? {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut pargs: Vec<Value> = Vec::new();
    let keywords = vm.new_dict_ref();
    // A partial of a partial without instance attributes flattens (`partial_new`).
    if let Some(inner) = nt::state::<Partial>(&func) {
        let no_dict = match &func {
            Value::Obj(o) => crate::object::attr::instance_dict(vm, o, false)
                .is_none_or(|d| crate::types::dict::len(&d) == 0),
            _ => true,
        };
        if no_dict {
            pargs.extend(inner.args.as_tuple().unwrap_or(&[]).iter().cloned());
            for (k, v) in crate::types::dict::items(&inner.keywords) {
                crate::types::dict::set_item(vm, &keywords, k, v)?;
            }
            func = inner.func.clone();
        }
    }
    pargs.extend(args.pos.to_vec());
    for (k, v) in args.kw {
        crate::types::dict::set_item(vm, &keywords, Value::Obj(k), v)?;
    }
    let args_t = vm.new_tuple(pargs);
    Ok(nt::alloc(
        vm,
        &cls,
        Partial {
            func,
            args: args_t,
            keywords,
        },
    ))
}

fn partial_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = nt::this::<Partial>(vm, &args, "__call__", "functools.partial")?;
    let func = p.func.clone();
    let mut pos: Vec<Value> = p.args.as_tuple().unwrap_or(&[]).to_vec();
    pos.extend(args.pos[1..].iter().cloned());
    let mut kw: Vec<(PyRef, Value)> = Vec::new();
    for (k, v) in crate::types::dict::items(&p.keywords) {
        if let Value::Obj(k) = k {
            kw.push((k, v));
        }
    }
    for (k, v) in args.kw {
        // A call keyword replaces the stored one of the same name.
        match kw
            .iter_mut()
            .find(|(k2, _)| crate::object::attr::name_of(k2) == crate::object::attr::name_of(&k))
        {
            Some(slot) => slot.1 = v,
            None => kw.push((k, v)),
        }
    }
    vm.call_args(
        &func,
        Args {
            pos: pos.into(),
            kw,
        },
    )
}

fn partial_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = nt::this::<Partial>(vm, &args, "__repr__", "functools.partial")?;
    let me = args.pos[0].clone();
    let name = nt::tp_name(vm, &me, "functools", "partial");
    let (func, pargs, kw) = (p.func.clone(), p.args.clone(), p.keywords.clone());
    let body = nt::repr_enter(vm, &me, move |vm| {
        let mut s = vm.repr(&func)?;
        for a in pargs.as_tuple().unwrap_or(&[]).to_vec() {
            s.push_str(", ");
            s.push_str(&vm.repr(&a)?);
        }
        for (k, v) in crate::types::dict::items(&kw) {
            let ks = vm.str_string(&k)?;
            let vs = vm.repr(&v)?;
            s.push_str(&format!(", {ks}={vs}"));
        }
        Ok(s)
    })?;
    match body {
        Some(b) => Ok(vm.new_str(&format!("{name}({b})"))),
        None => Ok(vm.new_str("...")),
    }
}

fn partial_func(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = nt::this::<Partial>(vm, &args, "func", "functools.partial")?;
    Ok(p.func.clone())
}

fn partial_args(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = nt::this::<Partial>(vm, &args, "args", "functools.partial")?;
    Ok(p.args.clone())
}

fn partial_keywords(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = nt::this::<Partial>(vm, &args, "keywords", "functools.partial")?;
    Ok(Value::Obj(p.keywords.clone()))
}
