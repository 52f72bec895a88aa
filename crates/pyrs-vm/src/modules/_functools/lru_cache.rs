//! `_functools._lru_cache_wrapper`: the memoizing callable behind `functools.lru_cache`
//! and `functools.cache` (CPython: `Modules/_functoolsmodule.c` lru_cache_*).
//!
//! The cache is a dict from the call's key to its result. Its insertion order is the
//! recency order: a hit of a bounded cache moves the key to the end (delete, insert),
//! a miss of a full one evicts the first key — what CPython's linked list of entries
//! does, kept by the dict itself. No borrow is held while the user function runs (it
//! may call the wrapper again: recursion, or `cache_clear()`).

use crate::modules::native_type::{self as nt, NativeData};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

pub struct Lru {
    func: Value,
    /// `None`: unbounded; `Some(0)`: no caching.
    maxsize: Option<usize>,
    typed: bool,
    cache: PyRef,
    cache_info_type: Value,
    /// The separator between positional and keyword parts of a key (`kwd_mark`).
    kwd_mark: Value,
    hits: Cell<i64>,
    misses: Cell<i64>,
}

impl NativeData for Lru {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&Value::Obj(self.cache.clone()));
        visit(&self.cache_info_type);
        visit(&self.kwd_mark);
    }
}

pub fn install(vm: &mut Vm, d: &PyRef) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__call__", call),
        ("__get__", get),
        ("cache_info", cache_info),
        ("cache_clear", cache_clear),
        ("__copy__", copy),
        ("__deepcopy__", deepcopy),
    ];
    let mut spec = nt::Spec::new("_lru_cache_wrapper", "functools");
    spec.doc = Some(DOC);
    spec.new = Some(lru_new);
    spec.methods = methods;
    spec.no_dict = false;
    let ty = nt::new_type(vm, &spec);
    crate::import::dict_set(vm, d, "_lru_cache_wrapper", Value::Obj(ty));
}

const DOC: &str = "Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n";

fn lru_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "_lru_cache_wrapper")?;
    let [func, maxsize, typed, info] = nt::clinic(
        vm,
        args,
        "_lru_cache_wrapper",
        ["user_function", "maxsize", "typed", "cache_info_type"],
        4,
        4,
    )?;
    let func = func.unwrap_or(Value::None);
    let callable = crate::builtins::attrs::callable(vm, Args::positional(vec![func.clone()]))?;
    if !matches!(callable, Value::Bool(true)) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = match maxsize.unwrap_or(Value::None) {
        Value::None => None,
        Value::Int(n) => Some(n.max(0) as usize),
        Value::Bool(b) => Some(b as usize),
        v if matches!(v.payload(), Some(Payload::Int(_))) => Some(
            if crate::types::int::to_bigint(&v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
            {
                0
            } else {
                usize::MAX
            },
        ),
        _ => return Err(vm.type_error("maxsize should be integer or None")),
    };
    let typed = vm.truthy(&typed.unwrap_or(Value::None))?;
    let cache = vm.new_dict_ref();
    let obj_ty = vm.types.object.clone();
    let kwd_mark = Value::Obj(vm.alloc(&obj_ty, Payload::Plain));
    Ok(nt::alloc(
        vm,
        &cls,
        Lru {
            func,
            maxsize,
            typed,
            cache,
            cache_info_type: info.unwrap_or(Value::None),
            kwd_mark,
            hits: Cell::new(0),
            misses: Cell::new(0),
        },
    ))
}

/// `lru_cache_make_key`: one int/str argument is its own key; otherwise a tuple of the
/// arguments, the keyword mark and the keyword items, then the types when `typed`.
fn make_key(vm: &mut Vm, l: &Lru, args: &[Value], kw: &[(PyRef, Value)]) -> Value {
    if kw.is_empty() && !l.typed && args.len() == 1 {
        let exact = match &args[0] {
            Value::Int(_) => true,
            Value::Obj(o) => o.ty.is(&vm.types.str) || o.ty.is(&vm.types.int),
            _ => false,
        };
        if exact {
            return args[0].clone();
        }
    }
    let mut key: Vec<Value> = args.to_vec();
    if !kw.is_empty() {
        key.push(l.kwd_mark.clone());
        for (k, v) in kw {
            key.push(Value::Obj(k.clone()));
            key.push(v.clone());
        }
    }
    if l.typed {
        for a in args {
            key.push(Value::Obj(vm.type_of(a).clone()));
        }
        for (_, v) in kw {
            key.push(Value::Obj(vm.type_of(v).clone()));
        }
    }
    vm.new_tuple(key)
}

/// The oldest key of the cache (its first entry).
fn first_key(cache: &PyRef) -> Option<Value> {
    let dd = crate::types::dict::dict_data(cache)?.borrow();
    (0..dd.dense_len()).find_map(|i| dd.entry_at(i).map(|e| e.key.clone()))
}

fn call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(l) = nt::state::<Lru>(&me) else {
        return Err(vm.type_error("_lru_cache_wrapper.__call__ needs a wrapper"));
    };
    args.pos.remove(0);
    let func = l.func.clone();
    if l.maxsize == Some(0) {
        l.misses.set(l.misses.get() + 1);
        return vm.call_args(&func, args);
    }
    let key = make_key(vm, l, &args.pos, &args.kw);
    let cache = l.cache.clone();
    if let Some(v) = crate::types::dict::get_item(vm, &cache, &key)? {
        l.hits.set(l.hits.get() + 1);
        if l.maxsize.is_some() {
            // Most recently used: to the end of the order.
            crate::types::dict::del_item(vm, &cache, &key)?;
            crate::types::dict::set_item(vm, &cache, key, v.clone())?;
        }
        return Ok(v);
    }
    l.misses.set(l.misses.get() + 1);
    let result = vm.call_args(&func, args)?;
    match l.maxsize {
        None => crate::types::dict::set_item(vm, &cache, key, result.clone())?,
        Some(max) => {
            // A recursive call may have cached this key meanwhile: keep that entry.
            if crate::types::dict::get_item(vm, &cache, &key)?.is_none() {
                if crate::types::dict::len(&cache) >= max {
                    if let Some(old) = first_key(&cache) {
                        crate::types::dict::del_item(vm, &cache, &old)?;
                    }
                }
                crate::types::dict::set_item(vm, &cache, key, result.clone())?;
            }
        }
    }
    Ok(result)
}

fn this<'a>(vm: &mut Vm, args: &'a Args, m: &str) -> PyResult<&'a Lru> {
    nt::this::<Lru>(vm, args, m, "functools._lru_cache_wrapper")
}

/// `lru_cache_descr_get`: a method bound to the instance.
fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__get__")?;
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    if matches!(obj, Value::None) {
        return Ok(args.pos[0].clone());
    }
    let ty = vm.types.method.clone();
    Ok(Value::Obj(vm.alloc(
        &ty,
        Payload::BoundMethod(crate::object::BoundMethodData(args.pos[0].clone(), obj)),
    )))
}

fn cache_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "cache_info")?;
    let currsize = crate::types::dict::len(&l.cache) as i64;
    let maxsize = match l.maxsize {
        Some(m) => Value::Int(m.min(i64::MAX as usize) as i64),
        None => Value::None,
    };
    let info = l.cache_info_type.clone();
    let (h, m) = (l.hits.get(), l.misses.get());
    vm.call(
        &info,
        vec![Value::Int(h), Value::Int(m), maxsize, Value::Int(currsize)],
    )
}

fn cache_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "cache_clear")?;
    l.hits.set(0);
    l.misses.set(0);
    let cache = l.cache.clone();
    vm.call_method(&Value::Obj(cache), "clear", vec![])?;
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__copy__")?;
    Ok(args.pos[0].clone())
}

fn deepcopy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__deepcopy__")?;
    Ok(args.pos[0].clone())
}
