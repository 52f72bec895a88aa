//! Functions, builtin functions, bound methods, `property`, `classmethod`, `staticmethod`
//! (CPython: `Objects/funcobject.c`, `Objects/methodobject.c`, `Objects/classobject.c`,
//! `Objects/descrobject.c`).

use crate::object::{Payload, PyRef, RefSlot, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

pub use super::args::ArgVec;

/// Arguments of a call: positional values, then keyword (name, value) pairs.
#[derive(Default)]
pub struct Args {
    pub pos: ArgVec,
    pub kw: Vec<(PyRef, Value)>,
}

impl Args {
    pub fn positional(pos: Vec<Value>) -> Args {
        Args {
            pos: pos.into(),
            kw: Vec::new(),
        }
    }

    /// Remove and return the keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self
            .kw
            .iter()
            .position(|(k, _)| matches!(&k.payload, Payload::Str(s) if s.eq_rust(name)))?;
        Some(self.kw.remove(i).1)
    }

    /// CPython's error when a builtin taking no keywords gets some.
    pub fn no_kw(&self, vm: &mut Vm, fname: &str) -> PyResult<()> {
        if self.kw.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(format!("{fname}() takes no keyword arguments")))
        }
    }

    /// Check the positional count is in `min..=max` (CPython's messages).
    pub fn check(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<()> {
        self.no_kw(vm, fname)?;
        let n = self.pos.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{fname}() takes no arguments ({n} given)"),
                    1 => format!("{fname}() takes exactly one argument ({n} given)"),
                    _ => format!("{fname} expected {min} arguments, got {n}"),
                }
            } else if n < min {
                format!(
                    "{fname} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{fname} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return Err(vm.type_error(msg));
        }
        Ok(())
    }
}

/// A builtin function or method implemented in Rust.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// The most positional arguments (the receiver not counted) a [`FastMethod`] takes.
pub const FAST_MAX: usize = 2;

/// A method's second entry for the common call shape (CPython's `METH_O` /
/// `METH_FASTCALL` without keywords, which 3.11's `PRECALL_NO_KW_METHOD_DESCRIPTOR_*`
/// call directly): `recv.m(a, b)` through LOAD_METHOD, no keywords, `min..=max`
/// positional arguments (at most [`FAST_MAX`]). The receiver is borrowed and is an
/// instance of the method's class or of a subclass (checked by the caller; for a
/// builtin function such as `len(x)`, the receiver is its first argument, unchecked); the
/// arguments are moved in (a method may `mem::take` them; the caller drops what is
/// left). Every other shape (keywords, another count, a bound method object, `*args`)
/// goes through the method's [`NativeFn`], which raises CPython's errors: the two
/// entries must agree on everything the fast one accepts.
#[derive(Clone, Copy)]
pub struct FastMethod {
    pub min: u8,
    pub max: u8,
    pub f: fn(&mut Vm, &Value, &mut [Value]) -> PyResult<Value>,
}

/// Give the methods `fast` of `ty` (already in its dict from its method table) their
/// [`FastMethod`] entries: each descriptor is replaced by one that carries both.
pub fn add_fast_methods(vm: &mut Vm, ty: &PyRef, fast: &[(&'static str, FastMethod)]) {
    if let Some(d) = crate::object::typeobj::tdata(ty).dict.get().cloned() {
        add_fast_entries(vm, &d, fast);
    }
}

/// [`add_fast_methods`] for the builtin functions or methods held in the dict `d` (a
/// type's dict, the builtins module's).
pub fn add_fast_entries(vm: &mut Vm, d: &PyRef, fast: &[(&'static str, FastMethod)]) {
    for (name, fm) in fast {
        let n = vm.intern(name);
        let h = crate::object::attr::hash_of(vm, &n);
        let old = crate::types::dict::dict_get_str(d, crate::object::attr::pystr(&n), h);
        let Some(Value::Obj(old)) = old else {
            continue;
        };
        let Payload::Builtin(b) = &old.payload else {
            continue;
        };
        let new = vm.alloc(
            &old.ty.clone(),
            Payload::Builtin(Box::new(BuiltinData {
                name: b.name,
                func: b.func,
                self_: None,
                is_method: b.is_method,
                owner: b.owner.clone(),
                fast: Some(*fm),
            })),
        );
        crate::types::dict::dict_set_str(vm, d, &n, Value::Obj(new));
    }
}

pub struct FunctionData {
    /// The code object (`__code__`): replaceable ([`FunctionData::set_code`]), so read by
    /// clone (`code.get()`) — a call's frame owns its code, and a reader that runs Python
    /// code while using the code object holds its own reference.
    pub code: RefSlot,
    /// What the loop's call fast path (`eval::call::push_simple_frame`) needs of the code,
    /// kept beside it (updated by [`FunctionData::set_code`]) so that a call tests it
    /// without reaching into the code object.
    pub shape: Cell<CallShape>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub defaults: RefCell<Option<Value>>,
    pub kwdefaults: RefCell<Option<Value>>,
    pub closure: Option<Value>,
    pub doc: RefCell<Value>,
    pub annotations: RefCell<Option<Value>>,
    pub module: Value,
    /// The function's `__dict__`, made on first use (`f.attr = v`, `__wrapped__`).
    pub dict: RefCell<Option<PyRef>>,
}

/// A function's code as its calls see it ([`FunctionData::shape`]).
#[derive(Clone, Copy)]
pub struct CallShape {
    /// `Code::simple_argcount`: the positional count of a call that only moves its
    /// arguments into the new window, else `usize::MAX`.
    pub simple_argcount: usize,
    pub nlocalsplus: usize,
    /// Where the new frame starts: 1 when the code opens with `RESUME 0` (most
    /// functions: no cells or free variables to set up first), whose only work — the
    /// eval-breaker test — the caller does instead, saving a dispatch per call; else 0.
    pub first_ip: usize,
}

impl CallShape {
    fn of(code: &PyRef) -> CallShape {
        match crate::code::as_code(code) {
            Some(co) => CallShape {
                simple_argcount: co.simple_argcount,
                nlocalsplus: co.nlocalsplus(),
                first_ip: (co.units.first() == Some(&(pyrs_bytecode::opnum::RESUME, 0))) as usize,
            },
            None => CallShape {
                simple_argcount: usize::MAX,
                nlocalsplus: 0,
                first_ip: 0,
            },
        }
    }
}

impl FunctionData {
    /// A new function's data (`code` is a code object, its call shape cached): no
    /// defaults, keyword defaults, closure, annotations or `__dict__` yet (MAKE_FUNCTION
    /// and `types.FunctionType` set theirs with struct-update syntax).
    pub fn new(
        code: PyRef,
        globals: PyRef,
        builtins: PyRef,
        name: Value,
        qualname: Value,
        module: Value,
        doc: Value,
    ) -> FunctionData {
        FunctionData {
            shape: Cell::new(CallShape::of(&code)),
            code: RefSlot::new(code),
            globals,
            builtins,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults: RefCell::new(None),
            kwdefaults: RefCell::new(None),
            closure: None,
            doc: RefCell::new(doc),
            annotations: RefCell::new(None),
            module,
            dict: RefCell::new(None),
        }
    }

    /// `f.__code__ = code` once `func_set_code`'s checks passed (`code` is a code object).
    /// Running frames keep their own code; later calls run the new one.
    pub fn set_code(&self, code: PyRef) {
        self.shape.set(CallShape::of(&code));
        drop(self.code.replace(code));
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.code.get()));
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.builtins.clone()));
        visit(&self.name.borrow());
        visit(&self.qualname.borrow());
        visit(&self.doc.borrow());
        visit(&self.module);
        if let Some(a) = &*self.annotations.borrow() {
            visit(a)
        }
        if let Some(d) = &*self.defaults.borrow() {
            visit(d)
        }
        if let Some(d) = &*self.kwdefaults.borrow() {
            visit(d)
        }
        if let Some(c) = &self.closure {
            visit(c)
        }
        if let Some(d) = &*self.dict.borrow() {
            visit(&Value::Obj(d.clone()))
        }
    }
}

pub struct BuiltinData {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound instance (`[].append`), passed as the first argument.
    pub self_: Option<Value>,
    /// A method descriptor of a type's method table (binds on attribute access).
    pub is_method: bool,
    pub owner: Option<PyRef>,
    /// The method's entry for `recv.m(args)` without keywords ([`FastMethod`]).
    pub fast: Option<FastMethod>,
}

impl BuiltinData {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.self_ {
            visit(s)
        }
    }
}

/// `descriptor.__get__(inst)`: a builtin method bound to `inst`.
pub fn bind_builtin(vm: &mut Vm, desc: &PyRef, inst: Value) -> PyRef {
    let Payload::Builtin(b) = &desc.payload else {
        return desc.clone();
    };
    // A slot wrapper binds to a method-wrapper (`types/slot_wrapper.rs`).
    let ty = if desc.ty.is(&vm.types.wrapper_descriptor) {
        vm.types.method_wrapper.clone()
    } else {
        vm.types.builtin_function.clone()
    };
    vm.alloc(
        &ty,
        Payload::Builtin(Box::new(BuiltinData {
            name: b.name,
            func: b.func,
            self_: Some(inst),
            is_method: b.is_method,
            owner: b.owner.clone(),
            fast: b.fast,
        })),
    )
}

/// A builtin function value (for the builtins module).
pub fn new_builtin(vm: &mut Vm, name: &'static str, func: NativeFn) -> Value {
    let ty = vm.types.builtin_function.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::Builtin(Box::new(BuiltinData {
            name,
            func,
            self_: None,
            is_method: false,
            owner: None,
            fast: None,
        })),
    ))
}

pub fn property_new(vm: &mut Vm, cls: &PyRef, mut args: Args) -> PyResult<Value> {
    // property(fget=None, fset=None, fdel=None, doc=None)
    let mut slots = [Value::None, Value::None, Value::None, Value::None];
    for (i, name) in ["fget", "fset", "fdel", "doc"].iter().enumerate() {
        if let Some(v) = args.take_kw(name) {
            slots[i] = v;
        }
    }
    for (i, v) in args.pos.into_iter().take(4).enumerate() {
        slots[i] = v;
    }
    let [fget, fset, fdel, doc] = slots;
    let mut p = crate::object::PropertyData::new([fget, fset, fdel]);
    p.doc = doc;
    Ok(Value::Obj(vm.alloc_instance(cls, Payload::Property(p))))
}

/// `getter`/`setter`/`deleter` (`property_copy`): a new property with one accessor
/// replaced, the `doc=` and the `__set_name__` name kept.
fn property_with(vm: &mut Vm, args: Args, slot: usize) -> PyResult<Value> {
    let Some(Payload::Property(p)) = args.pos.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let mut new = p.clone();
    new.accessors[slot] = args.pos.get(1).cloned().unwrap_or(Value::None);
    let ty = vm.types.property.clone();
    Ok(Value::Obj(vm.alloc(&ty, Payload::Property(new))))
}

/// `property.__set_name__(owner, name)`: the name its error messages give.
fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__set_name__", 3, 3)?;
    if let Some(Payload::Property(p)) = args.pos[0].payload() {
        *p.name.borrow_mut() = args.pos[2].clone();
    }
    Ok(Value::None)
}

/// "property 'x' of 'C' object has no setter" (without a name: "property of 'C' object
/// has no setter"), as `property_descr_get`/`property_descr_set` say it.
pub fn property_error(
    vm: &mut Vm,
    p: &crate::object::PropertyData,
    obj: &Value,
    what: &str,
) -> crate::vm::PyErr {
    let ty = vm.type_name(obj);
    let name = p.name.borrow().clone();
    match name.as_str() {
        Some(n) => {
            let n = n.as_rust().into_owned();
            vm.attribute_error(format!("property '{n}' of '{ty}' object has no {what}"))
        }
        None => vm.attribute_error(format!("property of '{ty}' object has no {what}")),
    }
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 2)
}

pub const PROPERTY_METHODS: &[(&str, NativeFn)] = &[
    ("__set_name__", property_set_name),
    ("getter", property_getter),
    ("setter", property_setter),
    ("deleter", property_deleter),
];

pub fn classmethod_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "classmethod", 1, 1)?;
    let f = args.pos.into_iter().next().unwrap_or(Value::None);
    method_wrapper(vm, cls, Payload::ClassMethod(f.clone()), &f)
}

/// `types.MethodType(function, instance)` (CPython's `method_new`): a bound method of
/// any callable.
pub fn method_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        let n = args.pos.len();
        return Err(vm.type_error(format!("method expected 2 arguments, got {n}")));
    }
    let mut it = args.pos.into_iter();
    let (func, inst) = (
        it.next().unwrap_or(Value::None),
        it.next().unwrap_or(Value::None),
    );
    let callable = crate::builtins::attrs::callable(vm, Args::positional(vec![func.clone()]))?;
    if !matches!(callable, Value::Bool(true)) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if matches!(inst, Value::None) {
        return Err(vm.type_error("instance must not be None"));
    }
    let ty = vm.types.method.clone();
    Ok(Value::Obj(vm.alloc(
        &ty,
        Payload::BoundMethod(crate::object::BoundMethodData(func, inst)),
    )))
}

/// The builtins a function or a frame of `globals` runs with
/// (`_PyEval_BuiltinsFromGlobals`): `globals['__builtins__']` when it is a module (its
/// dict) or a dict, else the interpreter's. (CPython also accepts another mapping there
/// and reads it by `__getitem__`; pyrs's LOAD_GLOBAL reads dicts only, so such a value
/// gives the interpreter's builtins.)
pub fn builtins_from_globals(vm: &mut Vm, globals: &PyRef) -> PyResult<PyRef> {
    let key = vm.new_str("__builtins__");
    Ok(match crate::types::dict::get_item(vm, globals, &key)? {
        Some(Value::Obj(b)) => match &b.payload {
            Payload::Module(d) => d.clone(),
            Payload::Dict(_) => b,
            _ => vm.builtins.clone(),
        },
        _ => vm.builtins.clone(),
    })
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`
/// (`func_new_impl`): a function of `code` in `globals`, with CPython's argument checks
/// in its order; the builtins come from `globals` ([`builtins_from_globals`]).
pub fn function_new(vm: &mut Vm, _cls: &PyRef, mut args: Args) -> PyResult<Value> {
    const PARAMS: [&str; 5] = ["code", "globals", "name", "argdefs", "closure"];
    if args.pos.len() > 5 {
        let n = args.pos.len();
        return Err(vm.type_error(format!("function() takes at most 5 arguments ({n} given)")));
    }
    let mut a: [Option<Value>; 5] = Default::default();
    for (i, v) in std::mem::take(&mut args.pos).into_iter().enumerate() {
        a[i] = Some(v);
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        let key = crate::object::attr::pystr(&k).as_rust().into_owned();
        match PARAMS.iter().position(|p| *p == key) {
            Some(i) if a[i].is_none() => a[i] = Some(v),
            Some(i) => {
                return Err(vm.type_error(format!(
                    "argument for function() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for function()"
                )))
            }
        }
    }
    for (i, p) in PARAMS.iter().enumerate().take(2) {
        if a[i].is_none() {
            return Err(vm.type_error(format!(
                "function() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
    }
    let [code, globals, name, defaults, closure] = a.map(|v| v.unwrap_or(Value::None));
    let code = match code {
        Value::Obj(c) if crate::code::as_code(&c).is_some() => c,
        other => {
            let t = vm.type_name(&other);
            return Err(vm.type_error(format!("function() argument 'code' must be code, not {t}")));
        }
    };
    let globals = match globals {
        Value::Obj(g) if matches!(g.payload, Payload::Dict(_)) => g,
        other => {
            let t = vm.type_name(&other);
            return Err(vm.type_error(format!(
                "function() argument 'globals' must be dict, not {t}"
            )));
        }
    };
    if !matches!(name, Value::None) && name.as_str().is_none() {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    let is_tuple = |v: &Value| matches!(v.payload(), Some(Payload::Tuple(_)));
    if !matches!(defaults, Value::None) && !is_tuple(&defaults) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let Some(co) = crate::code::as_code(&code) else {
        return Err(vm.system_error("not a code object"));
    };
    let nfree = co.nfree;
    if !is_tuple(&closure) {
        if nfree > 0 && matches!(closure, Value::None) {
            return Err(vm.type_error("arg 5 (closure) must be tuple"));
        } else if !matches!(closure, Value::None) {
            return Err(vm.type_error("arg 5 (closure) must be None or tuple"));
        }
    }
    let cells: Vec<Value> = match closure.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    if cells.len() != nfree {
        return Err(vm.value_error(format!(
            "{} requires closure of length {nfree}, not {}",
            co.name_str(),
            cells.len()
        )));
    }
    if let Some(bad) = cells
        .iter()
        .find(|c| !matches!(c.payload(), Some(Payload::Cell(_))))
    {
        let t = vm.type_name(bad);
        return Err(vm.type_error(format!("arg 5 (closure) expected cell, found {t}")));
    }
    let name = if matches!(name, Value::None) {
        Value::Obj(co.name.clone())
    } else {
        name
    };
    let qualname = Value::Obj(co.qualname.clone());
    let doc = co
        .consts
        .first()
        .filter(|v| v.as_str().is_some() && co.flags & 0x100000 == 0)
        .cloned()
        .unwrap_or(Value::None);
    let module =
        crate::types::dict::get_item(vm, &globals, &vm.new_str("__name__"))?.unwrap_or(Value::None);
    let builtins = builtins_from_globals(vm, &globals)?;
    let fd = FunctionData {
        defaults: RefCell::new((!matches!(defaults, Value::None)).then_some(defaults)),
        closure: (!matches!(closure, Value::None)).then_some(closure),
        ..FunctionData::new(code, globals, builtins, name, qualname, module, doc)
    };
    let ty = vm.types.function.clone();
    Ok(Value::Obj(
        vm.alloc_instance(&ty, Payload::Function(Box::new(fd))),
    ))
}

pub fn staticmethod_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    args.check(vm, "staticmethod", 1, 1)?;
    let f = args.pos.into_iter().next().unwrap_or(Value::None);
    method_wrapper(vm, cls, Payload::StaticMethod(f.clone()), &f)
}

/// A staticmethod or classmethod object around `f`, with its own `__dict__` holding
/// `f`'s `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__`, those
/// it has (3.10's `sm_init`/`cm_init`: `functools_wraps`).
fn method_wrapper(vm: &mut Vm, cls: &PyRef, payload: Payload, f: &Value) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    let attribute_error = vm.types.attribute_error.clone();
    for name in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        let k = vm.intern(name);
        match crate::object::attr::getattr(vm, f, &k) {
            Ok(v) => crate::types::dict::set_item(vm, &d, Value::Obj(k), v)?,
            Err(e) if vm.err_matches(&e, &attribute_error) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Value::Obj(PyRef::new(crate::object::PyObject {
        ty: cls.clone().into(),
        dict: crate::object::DictSlot::new(Some(d)),
        payload,
    })))
}
