//! `types.GenericAlias` (CPython: `Objects/genericaliasobject.c`): what `list[int]`,
//! `dict[str, int]`, `tuple[int, ...]` make. Repr, `__origin__`/`__args__`/
//! `__parameters__`/`__unpacked__`, substitution (`dict[T, list[S]][str, int]`),
//! `*tuple[int]` (iteration), calling (makes an `__origin__` instance and sets its
//! `__orig_class__`), `==`/hash, `__mro_entries__`, and `ga_getattro`: every attribute
//! but a few of the alias's own is read from `__origin__` (`list[int].append is
//! list.append`). `isinstance`/`issubclass` refuse an alias as CPython does.
//!
//! The parameter machinery (`_Py_make_parameters`, `_Py_subs_parameters`) is duck-typed
//! as in CPython: a type variable is anything with `__typing_subst__`, a TypeVarTuple
//! one whose type is iterable; `types/union_type.rs` shares it.

use crate::modules::native_type::{self, NativeData, Spec};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// The state of a GenericAlias (`gaobject`). Invariant: `args` is a tuple.
pub struct GenericAliasData {
    pub origin: Value,
    pub args: Value,
    /// `*tuple[int]` (what iterating an alias yields): `__unpacked__`.
    pub starred: bool,
    /// `__parameters__`, computed on first use (it may run Python code).
    pub parameters: RefCell<Option<Value>>,
}

impl GenericAliasData {
    pub fn new(origin: Value, args: Value, starred: bool) -> Box<GenericAliasData> {
        Box::new(GenericAliasData {
            origin,
            args,
            starred,
            parameters: RefCell::new(None),
        })
    }

    /// `__args__` as a vector.
    pub fn arg_items(&self) -> Vec<Value> {
        self.args.as_tuple().map(|t| t.to_vec()).unwrap_or_default()
    }

    /// Every reference held (`ga_traverse`).
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
        visit(&self.args);
        if let Some(p) = &*self.parameters.borrow() {
            visit(p);
        }
    }
}

/// The alias state of `v` (an alias or an instance of a subclass).
pub fn data(v: &Value) -> Option<&GenericAliasData> {
    match v.payload()? {
        Payload::GenericAlias(g) => Some(g),
        _ => None,
    }
}

/// Builtin types whose `__class_getitem__` makes a GenericAlias.
pub fn is_generic_builtin(vm: &Vm, t: &PyRef) -> bool {
    let ty = &vm.types;
    [
        &ty.list,
        &ty.dict,
        &ty.tuple,
        &ty.set,
        &ty.frozenset,
        &ty.type_,
    ]
    .iter()
    .any(|b| t.is(b))
}

/// `args` as a tuple (`item` itself when it is one), as `setup_ga`.
fn args_tuple(vm: &Vm, item: &Value) -> Value {
    match item.as_tuple() {
        Some(_) => item.clone(),
        None => vm.new_tuple(vec![item.clone()]),
    }
}

/// `Py_GenericAlias(origin, args)`: an exact `types.GenericAlias`.
pub fn make(vm: &mut Vm, origin: Value, item: &Value, starred: bool) -> Value {
    let args = args_tuple(vm, item);
    let ty = vm.types.generic_alias.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::GenericAlias(GenericAliasData::new(origin, args, starred)),
    ))
}

/// `origin[args]` of a generic builtin type.
pub fn new(vm: &mut Vm, origin: &PyRef, item: &Value) -> Value {
    make(vm, Value::Obj(origin.clone()), item, false)
}

/// `GenericAlias(origin, args)` (also for subclasses, `_collections_abc`'s
/// `_CallableGenericAlias`): `args` stays as given when a tuple, else becomes a 1-tuple.
pub fn generic_alias_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() && cls.is(&vm.types.generic_alias) {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let items = args_tuple(vm, &args.pos[1]);
    Ok(Value::Obj(vm.alloc_instance(
        cls,
        Payload::GenericAlias(GenericAliasData::new(args.pos[0].clone(), items, false)),
    )))
}

/// `_PyObject_LookupAttr`: `obj.name`, `None` when that raises AttributeError.
pub fn lookup_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    match crate::object::attr::getattr(vm, obj, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, &vm.types.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

// ---- attributes ------------------------------------------------------------------------

/// The names an alias answers itself (`attr_exceptions` of 3.11); every other attribute is
/// `__origin__`'s.
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// `ga_getattro`'s choice: the origin whose attribute `name` is, when `obj` is an alias
/// and `name` is not one of its own.
pub fn forwarded_to(obj: &Value, name: &PyRef) -> Option<Value> {
    let g = data(obj)?;
    let s = crate::object::attr::pystr(name);
    if OWN_ATTRS.iter().any(|a| s.eq_rust(a)) {
        return None;
    }
    Some(g.origin.clone())
}

/// `origin.name` for a forwarded attribute, one level deeper on the Rust stack (an alias
/// of an alias of ... recurses).
pub fn getattr_origin(vm: &mut Vm, origin: &Value, name: &PyRef) -> PyResult<Value> {
    deeper(vm, |vm| crate::object::attr::getattr(vm, origin, name))
}

/// `GenericAlias.__getattribute__(self, name)` (`ga_getattro`).
pub fn ga_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__getattribute__", 2, 2)?;
    let (obj, name) = (args.pos[0].clone(), args.pos[1].clone());
    let n = crate::object::attr::attr_name_arg(vm, &name)?;
    if let Some(origin) = forwarded_to(&obj, &n) {
        return getattr_origin(vm, &origin, &n);
    }
    match crate::object::attr::generic_getattr_opt(vm, &obj, &n)? {
        Some(v) => Ok(v),
        None => Err(crate::object::attr::attribute_error(vm, &obj, &n)),
    }
}

/// The attributes of the alias's own getset/member table (`types/getset.rs` asks).
pub fn attr(vm: &mut Vm, o: &PyRef, name: &str) -> PyResult<Option<Value>> {
    let v = Value::Obj(o.clone());
    let Some(g) = data(&v) else {
        return Ok(None);
    };
    Ok(Some(match name {
        "__origin__" => g.origin.clone(),
        "__args__" => g.args.clone(),
        "__unpacked__" => Value::Bool(g.starred),
        "__typing_unpacked_tuple_args__" => {
            if g.starred && g.origin.as_obj().is_some_and(|t| t.is(&vm.types.tuple)) {
                g.args.clone()
            } else {
                Value::None
            }
        }
        "__parameters__" => parameters(vm, &v)?,
        _ => return Ok(None),
    }))
}

/// `ga_parameters`: the cached `__parameters__` of an alias.
fn parameters(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(g) = data(v) else {
        return Ok(vm.new_tuple(vec![]));
    };
    if let Some(p) = g.parameters.borrow().clone() {
        return Ok(p);
    }
    let items = g.arg_items();
    let p = make_parameters(vm, &items)?;
    if let Some(g) = data(v) {
        *g.parameters.borrow_mut() = Some(p.clone());
    }
    Ok(p)
}

// ---- parameters and substitution ------------------------------------------------------

/// Push `t` unless it is already there (by identity, `tuple_add`).
fn add_unique(params: &mut Vec<Value>, t: &Value) {
    if !params.iter().any(|p| p.is(t)) {
        params.push(t.clone());
    }
}

/// `_Py_make_parameters`: the type variables among `args` (anything with
/// `__typing_subst__`) and the `__parameters__` of nested aliases, first seen first.
pub fn make_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut params: Vec<Value> = Vec::new();
    for t in args {
        if lookup_attr(vm, t, "__typing_subst__")?.is_some() {
            add_unique(&mut params, t);
            continue;
        }
        let sub = deeper(vm, |vm| lookup_attr(vm, t, "__parameters__"))?;
        if let Some(sub) = sub {
            if let Some(items) = sub.as_tuple() {
                for t2 in items.to_vec() {
                    add_unique(&mut params, &t2);
                }
            }
        }
    }
    Ok(vm.new_tuple(params))
}

/// Run `f` one level deeper on the Rust stack (recursion limit and stack growth): nested
/// aliases recurse through their arguments.
fn deeper<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    vm.enter_recursion("")?;
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(vm));
    vm.leave_recursion();
    r
}

/// `_unpacked_tuple_args`: the arguments of `*tuple[...]`-like items, else `None`.
fn unpacked_tuple_args(vm: &mut Vm, arg: &Value) -> PyResult<Option<Value>> {
    if let Some(g) = data(arg) {
        if g.starred && g.origin.as_obj().is_some_and(|t| t.is(&vm.types.tuple)) {
            return Ok(Some(g.args.clone()));
        }
    }
    match lookup_attr(vm, arg, "__typing_unpacked_tuple_args__")? {
        Some(Value::None) | None => Ok(None),
        Some(v) => Ok(Some(v)),
    }
}

fn is_type(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Type(_)))
}

/// `_unpack_args`: `item` as a list of arguments, `*tuple[int, str]` spread out.
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let items = match item.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![item.clone()],
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if !is_type(&it) {
            if let Some(sub) = unpacked_tuple_args(vm, &it)? {
                if let Some(s) = sub.as_tuple() {
                    let ends_in_ellipsis = s
                        .last()
                        .is_some_and(|l| l.is(&Value::Obj(vm.ellipsis.clone())));
                    if !ends_in_ellipsis {
                        out.extend(s.iter().cloned());
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

/// `_is_unpacked_typevartuple`.
fn is_unpacked_typevartuple(vm: &mut Vm, arg: &Value) -> PyResult<bool> {
    if is_type(arg) {
        return Ok(false);
    }
    match lookup_attr(vm, arg, "__typing_is_unpacked_typevartuple__")? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

fn index_of(params: &[Value], v: &Value) -> Option<usize> {
    params.iter().position(|p| p.is(v))
}

/// `_Py_subs_parameters`: the new `__args__` of `self[item]`, where `self` has `args` and
/// `params` (its `__parameters__`).
pub fn subs_parameters(
    vm: &mut Vm,
    self_: &Value,
    args: &[Value],
    params: &[Value],
    item: &Value,
) -> PyResult<Vec<Value>> {
    let nparams = params.len();
    if nparams == 0 {
        let r = vm.repr(self_)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    let items = unpack_args(vm, item)?;
    let nitems = items.len();
    let mut varparam = nparams;
    for (i, p) in params.iter().enumerate() {
        let pt = vm.type_of(p).clone();
        if crate::object::protocol::special_method(vm, &pt, "__iter__").is_some() {
            if varparam < nparams {
                let s = vm.str_string(self_)?;
                return Err(vm.type_error(format!("More than one TypeVarTuple parameter in {s}")));
            }
            varparam = i;
        }
    }
    if varparam < nparams {
        if nitems + 1 < nparams {
            let r = vm.repr(self_)?;
            return Err(vm.type_error(format!("Too few arguments for {r}")));
        }
    } else if nitems != nparams {
        let r = vm.repr(self_)?;
        return Err(vm.type_error(format!(
            "Too {} arguments for {r}; actual {nitems}, expected {nparams}",
            if nitems > nparams { "many" } else { "few" }
        )));
    }
    let mut newargs = Vec::with_capacity(args.len());
    for arg in args {
        let unpack = is_unpacked_typevartuple(vm, arg)?;
        let new = match lookup_attr(vm, arg, "__typing_subst__")? {
            Some(subst) => {
                let mut iparam = index_of(params, arg).unwrap_or(0);
                if iparam == varparam {
                    return Err(vm.type_error("Substitution of bare TypeVarTuple is not supported"));
                }
                if iparam > varparam {
                    iparam = iparam + nitems - nparams;
                }
                let a = items.get(iparam).cloned().unwrap_or(Value::None);
                vm.call(&subst, vec![a])?
            }
            None => deeper(vm, |vm| subs_tvars(vm, arg, params, &items, varparam))?,
        };
        if unpack {
            match new.as_tuple() {
                Some(t) => newargs.extend(t.iter().cloned()),
                None => {
                    let t = vm.type_name(&new);
                    return Err(vm.type_error(format!("expected a tuple, not {t}")));
                }
            }
        } else {
            newargs.push(new);
        }
    }
    Ok(newargs)
}

/// `subs_tvars`: `obj` with its own `__parameters__` replaced by their values
/// (`list[T]` with T -> str is `list[str]`), or `obj` itself.
fn subs_tvars(
    vm: &mut Vm,
    obj: &Value,
    params: &[Value],
    items: &[Value],
    varparam: usize,
) -> PyResult<Value> {
    let sub = lookup_attr(vm, obj, "__parameters__")?;
    let Some(subparams) = sub.as_ref().and_then(|s| s.as_tuple()).map(|t| t.to_vec()) else {
        return Ok(obj.clone());
    };
    if subparams.is_empty() {
        return Ok(obj.clone());
    }
    let (nparams, nargs, nsub) = (params.len(), items.len(), subparams.len());
    let mut subargs = Vec::with_capacity(nsub);
    for arg in &subparams {
        match index_of(params, arg) {
            Some(i) if i == varparam => {
                let n = (nargs + 1).saturating_sub(nparams);
                subargs.extend(items.iter().skip(i).take(n).cloned());
            }
            Some(mut i) => {
                if i > varparam {
                    i = i + nargs - nsub;
                }
                subargs.push(items.get(i).cloned().unwrap_or(Value::None));
            }
            None => subargs.push(arg.clone()),
        }
    }
    let key = vm.new_tuple(subargs);
    crate::object::subscript::getitem(vm, obj, &key)
}

/// `ga_getitem`: `alias[item]` substitutes the alias's type variables.
pub fn getitem(vm: &mut Vm, alias: &Value, item: &Value) -> PyResult<Value> {
    let Some(g) = data(alias) else {
        return Err(vm.type_error("expected a GenericAlias"));
    };
    let (origin, starred, args) = (g.origin.clone(), g.starred, g.arg_items());
    let params = parameters(vm, alias)?;
    let params = params.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let newargs = subs_parameters(vm, alias, &args, &params, item)?;
    let t = vm.new_tuple(newargs);
    Ok(make(vm, origin, &t, starred))
}

// ---- repr, hash, ==, call -------------------------------------------------------------

/// `ga_repr_item`: `...` for Ellipsis, repr for alias-likes (they have `__origin__` and
/// `__args__`) and objects without `__qualname__`/`__module__`, else the (module-qualified)
/// qualname.
pub fn item_repr(vm: &mut Vm, p: &Value) -> PyResult<String> {
    if p.is(&Value::Obj(vm.ellipsis.clone())) {
        return Ok("...".into());
    }
    if lookup_attr(vm, p, "__origin__")?.is_some() && lookup_attr(vm, p, "__args__")?.is_some() {
        return vm.repr(p);
    }
    let Some(qualname) = lookup_attr(vm, p, "__qualname__")? else {
        return vm.repr(p);
    };
    let module = match lookup_attr(vm, p, "__module__")? {
        None | Some(Value::None) => return vm.repr(p),
        Some(m) => m,
    };
    if module.as_str().is_some_and(|s| s.eq_rust("builtins")) {
        return vm.str_string(&qualname);
    }
    let (m, q) = (vm.str_string(&module)?, vm.str_string(&qualname)?);
    Ok(format!("{m}.{q}"))
}

/// `ga_repr`: `list[int]`, `*tuple[int, ...]`, `tuple[()]`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(g) = data(v) else {
        return Ok(String::new());
    };
    let (origin, starred, items) = (g.origin.clone(), g.starred, g.arg_items());
    let mut s = String::new();
    if starred {
        s.push('*');
    }
    s.push_str(&item_repr(vm, &origin)?);
    s.push('[');
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&item_repr(vm, a)?);
    }
    s.push(']');
    Ok(s)
}

/// `ga_hash`: hash(origin) ^ hash(args).
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(g) = data(v) else { return Ok(0) };
    let (o, a) = (g.origin.clone(), g.args.clone());
    deeper(vm, |vm| Ok(vm.hash(&o)? ^ vm.hash(&a)?))
}

/// `ga_richcompare` for `==` (`!=` is its negation): same starredness, origins and args.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(x), Some(y)) = (data(a), data(b)) else {
        return Ok(false);
    };
    if x.starred != y.starred {
        return Ok(false);
    }
    let (xo, xa, yo, ya) = (
        x.origin.clone(),
        x.args.clone(),
        y.origin.clone(),
        y.args.clone(),
    );
    deeper(vm, |vm| Ok(vm.eq(&xo, &yo)? && vm.eq(&xa, &ya)?))
}

/// `ga_call`: `list[int](x)` makes `list(x)` and sets its `__orig_class__` to the alias
/// (ignoring objects that refuse the attribute).
pub fn call(vm: &mut Vm, alias: &Value, args: Args) -> PyResult<Value> {
    let Some(g) = data(alias) else {
        return Err(vm.type_error("expected a GenericAlias"));
    };
    let origin = g.origin.clone();
    let obj = crate::eval::call::call(vm, &origin, args)?;
    let n = vm.intern("__orig_class__");
    match crate::object::attr::setattr(vm, &obj, &n, Some(alias.clone())) {
        Ok(()) => Ok(obj),
        Err(e)
            if vm.err_matches(&e, &vm.types.attribute_error.clone())
                || vm.err_matches(&e, &vm.types.type_error.clone()) =>
        {
            Ok(obj)
        }
        Err(e) => Err(e),
    }
}

// ---- methods ---------------------------------------------------------------------------

fn this<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a GenericAliasData> {
    match args.pos.first().and_then(data) {
        Some(g) => Ok(g),
        None => {
            let got = match args.pos.first() {
                Some(v) => format!("a '{}' object", vm.type_name(v)),
                None => "nothing".into(),
            };
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'types.GenericAlias' objects doesn't apply to {got}"
            )))
        }
    }
}

/// `ga_mro_entries`: a class statement's base `list[int]` is `list`.
fn mro_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__mro_entries__")?;
    let origin = g.origin.clone();
    args.check(vm, "__mro_entries__", 2, 2)?;
    Ok(vm.new_tuple(vec![origin]))
}

fn instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__instancecheck__")?;
    args.check(vm, "__instancecheck__", 2, 2)?;
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__subclasscheck__")?;
    args.check(vm, "__subclasscheck__", 2, 2)?;
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

/// `ga_reduce`: `(type(self), (origin, args))`, or `next(iter(alias))` for a starred one.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__reduce__")?;
    let (origin, a, starred) = (g.origin.clone(), g.args.clone(), g.starred);
    args.check(vm, "__reduce__", 1, 1)?;
    if starred {
        let plain = make(vm, origin, &a, false);
        let it = alias_iter(vm, plain);
        let next = crate::modules::_io::iobase::builtin_value(vm, "next").unwrap_or(Value::None);
        let t = vm.new_tuple(vec![it]);
        return Ok(vm.new_tuple(vec![next, t]));
    }
    let ty = Value::Obj(vm.type_of(&args.pos[0]).clone());
    let t = vm.new_tuple(vec![origin, a]);
    Ok(vm.new_tuple(vec![ty, t]))
}

/// `ga_dir`: the origin's names, then the alias's own names it lacks.
fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__dir__")?;
    let origin = g.origin.clone();
    args.check(vm, "__dir__", 1, 1)?;
    let d = crate::builtins::attrs::dir(vm, Args::positional(vec![origin]))?;
    let mut names: Vec<Value> = match d.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    for a in OWN_ATTRS {
        if !names
            .iter()
            .any(|n| n.as_str().is_some_and(|s| s.eq_rust(a)))
        {
            names.push(vm.new_str(a));
        }
    }
    Ok(vm.new_list(names))
}

/// `GenericAlias.__dir__(self)` for `dir()` (`builtins/attrs.rs` asks).
pub fn dir_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    dir(vm, Args::positional(vec![v.clone()]))
}

/// The method table of `types.GenericAlias` (`ga_methods`).
pub const METHODS: &[(&str, crate::types::function::NativeFn)] = &[
    ("__mro_entries__", mro_entries),
    ("__instancecheck__", instancecheck),
    ("__subclasscheck__", subclasscheck),
    ("__reduce__", reduce),
    ("__dir__", dir),
];

// ---- iteration: `*tuple[int]` ---------------------------------------------------------

/// `generic_alias_iterator`: yields the starred copy of its alias once.
struct AliasIter {
    alias: RefCell<Option<Value>>,
}

impl NativeData for AliasIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(a) = &*self.alias.borrow() {
            visit(a);
        }
    }
}

/// The `generic_alias_iterator` type (made by `types::install_methods`).
pub fn make_iter_type(vm: &mut Vm) -> PyRef {
    native_type::new_type(
        vm,
        &Spec {
            methods: &[
                ("__iter__", iter_self),
                ("__next__", iter_next),
                ("__reduce__", iter_reduce),
            ],
            subclassable: false,
            ..Spec::new("generic_alias_iterator", "builtins")
        },
    )
}

/// `ga_iter`: `iter(tuple[int])`.
pub fn alias_iter(vm: &mut Vm, alias: Value) -> Value {
    let ty = vm.types.generic_alias_iterator.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::Native(Box::new(AliasIter {
            alias: RefCell::new(Some(alias)),
        })),
    ))
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    native_type::this::<AliasIter>(vm, &args, "__iter__", "generic_alias_iterator")?;
    Ok(args.pos[0].clone())
}

/// `ga_iternext`: the alias starred, then exhaustion.
fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = native_type::this::<AliasIter>(vm, &args, "__next__", "generic_alias_iterator")?;
    let taken = it.alias.borrow_mut().take();
    let Some(alias) = taken else {
        return Err(vm.stop_iteration());
    };
    let Some(g) = data(&alias) else {
        return Err(vm.stop_iteration());
    };
    let (origin, a) = (g.origin.clone(), g.args.clone());
    Ok(make(vm, origin, &a, true))
}

/// `ga_iter_reduce`: `(iter, (alias,))`; an exhausted iterator has `()` there.
fn iter_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = native_type::this::<AliasIter>(vm, &args, "__reduce__", "generic_alias_iterator")?;
    let alias = it.alias.borrow().clone();
    let f = crate::modules::_io::iobase::builtin_value(vm, "iter").unwrap_or(Value::None);
    let alias = alias.unwrap_or_else(|| vm.new_tuple(vec![]));
    let t = vm.new_tuple(vec![alias]);
    Ok(vm.new_tuple(vec![f, t]))
}
