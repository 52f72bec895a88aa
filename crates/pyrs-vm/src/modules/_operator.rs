//! The `_operator` module: Python's operators as functions, and the `itemgetter`,
//! `attrgetter` and `methodcaller` types (CPython: `Modules/_operator.c`). `operator.py`
//! replaces its pure-Python definitions with these (`from _operator import *`); the
//! pure ones differ (`length_hint` of builtin iterators, `index`'s message, the
//! getters' speed).

use super::native_type::{self as nt, NativeData};
use crate::object::ops::{binary_op, compare};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use pyrs_bytecode::opnum::{UNARY_INVERT, UNARY_NEGATIVE, UNARY_POSITIVE};

const DOC: &str = "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "_operator", DOC);
    let fns: &[(&'static str, NativeFn)] = &[
        ("add", add),
        ("and_", and_),
        ("floordiv", floordiv),
        ("lshift", lshift),
        ("matmul", matmul),
        ("mul", mul),
        ("mod", mod_),
        ("or_", or_),
        ("pow", pow),
        ("rshift", rshift),
        ("sub", sub),
        ("truediv", truediv),
        ("xor", xor),
        ("iadd", iadd),
        ("iand", iand),
        ("ifloordiv", ifloordiv),
        ("ilshift", ilshift),
        ("imatmul", imatmul),
        ("imul", imul),
        ("imod", imod),
        ("ior", ior),
        ("ipow", ipow),
        ("irshift", irshift),
        ("isub", isub),
        ("itruediv", itruediv),
        ("ixor", ixor),
        ("lt", lt),
        ("le", le),
        ("eq", eq),
        ("ne", ne),
        ("gt", gt),
        ("ge", ge),
        ("neg", neg),
        ("pos", pos),
        ("inv", invert),
        ("invert", invert),
        ("abs", abs),
        ("not_", not_),
        ("truth", truth),
        ("is_", is_),
        ("is_not", is_not),
        ("index", index),
        ("concat", concat),
        ("iconcat", iconcat),
        ("contains", contains),
        ("countOf", count_of),
        ("indexOf", index_of),
        ("getitem", getitem),
        ("setitem", setitem),
        ("delitem", delitem),
        ("length_hint", length_hint),
        ("call", call),
        ("_compare_digest", compare_digest),
    ];
    super::add_functions(vm, &d, fns);
    for (name, new, call, repr, doc) in [
        (
            "itemgetter",
            itemgetter_new as NativeFn,
            itemgetter_call as NativeFn,
            itemgetter_repr as NativeFn,
            ITEMGETTER_DOC,
        ),
        (
            "attrgetter",
            attrgetter_new,
            attrgetter_call,
            attrgetter_repr,
            ATTRGETTER_DOC,
        ),
        (
            "methodcaller",
            methodcaller_new,
            methodcaller_call,
            methodcaller_repr,
            METHODCALLER_DOC,
        ),
    ] {
        let methods: &[(&'static str, NativeFn)] = &[("__call__", call), ("__repr__", repr)];
        let mut spec = nt::Spec::new(name, "operator");
        spec.doc = Some(doc);
        spec.new = Some(new);
        spec.methods = methods;
        spec.subclassable = false;
        let ty = nt::new_type(vm, &spec);
        crate::import::dict_set(vm, &d, name, Value::Obj(ty));
    }
    Ok(m)
}

const ITEMGETTER_DOC: &str = "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])";
const ATTRGETTER_DOC: &str = "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).";
const METHODCALLER_DOC: &str = "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).";

/// The two operands of a binary function `name(a, b, /)`.
fn two(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    nt::positional(vm, args, name, 2, 2)?;
    Ok((args.pos[0].clone(), args.pos[1].clone()))
}

fn one(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

macro_rules! binop {
    ($($f:ident $name:literal $op:expr;)*) => {$(
        fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = two(vm, &args, $name)?;
            binary_op(vm, &a, &b, $op)
        }
    )*};
}

// NB_* indices (`object/ops.rs` BINOP_NAMES order; in-place ones from 13).
binop! {
    add "add" 0; and_ "and_" 1; floordiv "floordiv" 2; lshift "lshift" 3; matmul "matmul" 4;
    mul "mul" 5; mod_ "mod" 6; or_ "or_" 7; pow "pow" 8; rshift "rshift" 9; sub "sub" 10;
    truediv "truediv" 11; xor "xor" 12;
    iadd "iadd" 13; iand "iand" 14; ifloordiv "ifloordiv" 15; ilshift "ilshift" 16;
    imatmul "imatmul" 17; imul "imul" 18; imod "imod" 19; ior "ior" 20; ipow "ipow" 21;
    irshift "irshift" 22; isub "isub" 23; itruediv "itruediv" 24; ixor "ixor" 25;
}

macro_rules! cmpop {
    ($($f:ident $name:literal $op:expr;)*) => {$(
        fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = two(vm, &args, $name)?;
            compare(vm, &a, &b, $op)
        }
    )*};
}

cmpop! { lt "lt" 0; le "le" 1; eq "eq" 2; ne "ne" 3; gt "gt" 4; ge "ge" 5; }

fn neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one(vm, &args, "neg")?;
    crate::eval::build::unary(vm, UNARY_NEGATIVE, &a)
}

fn pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one(vm, &args, "pos")?;
    crate::eval::build::unary(vm, UNARY_POSITIVE, &a)
}

fn invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one(vm, &args, "invert")?;
    crate::eval::build::unary(vm, UNARY_INVERT, &a)
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one(vm, &args, "abs")?;
    crate::builtins::numeric::abs(vm, Args::positional(vec![a]))
}

fn not_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one(vm, &args, "not_")?;
    Ok(Value::Bool(!vm.truthy(&a)?))
}

fn truth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one(vm, &args, "truth")?;
    Ok(Value::Bool(vm.truthy(&a)?))
}

fn is_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_")?;
    Ok(Value::Bool(a.is(&b)))
}

fn is_not(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_not")?;
    Ok(Value::Bool(!a.is(&b)))
}

/// `PyNumber_Index`: an int (a big one included) or a class's `__index__` result.
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one(vm, &args, "index")?;
    match &a {
        Value::Int(_) => Ok(a),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Obj(o)
            if matches!(o.payload, Payload::Int(_))
                && !crate::object::typeobj::tdata(&o.ty).heap =>
        {
            Ok(a)
        }
        _ => {
            if let Some(r) = crate::object::protocol::try_heap_dunder(vm, &a, "__index__", vec![])?
            {
                let is_int = matches!(r, Value::Int(_) | Value::Bool(_))
                    || matches!(r.payload(), Some(Payload::Int(_)));
                if !is_int {
                    let t = vm.type_name(&r);
                    return Err(vm.type_error(format!("__index__ returned non-int (type {t})")));
                }
                return Ok(r);
            }
            let t = vm.type_name(&a);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// `PySequence_Check`: what `concat` accepts as its left operand.
fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(_)
            | Payload::MemoryView(_),
        ) => true,
        Some(Payload::Dict(_)) => false,
        Some(_) => {
            let t = vm.type_of(v).clone();
            crate::object::protocol::heap_dunder(vm, &t, "__getitem__").is_some()
        }
        None => false,
    }
}

fn concat_impl(vm: &mut Vm, args: Args, name: &str, op: usize) -> PyResult<Value> {
    let (a, b) = two(vm, &args, name)?;
    if !is_sequence(vm, &a) {
        let t = vm.type_name(&a);
        return Err(vm.type_error(format!("'{t}' object can't be concatenated")));
    }
    binary_op(vm, &a, &b, op)
}

fn concat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    concat_impl(vm, args, "concat", 0)
}

fn iconcat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    concat_impl(vm, args, "iconcat", 13)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "contains")?;
    Ok(Value::Bool(crate::object::ops::contains(vm, &a, &b)?))
}

/// `iter(a)` with `PySequence_Count`'s message.
fn iter_arg(vm: &mut Vm, a: &Value) -> PyResult<Value> {
    match vm.iter(a) {
        Ok(it) => Ok(it),
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            let t = vm.type_name(a);
            Err(vm.type_error(format!("argument of type '{t}' is not iterable")))
        }
        Err(e) => Err(e),
    }
}

fn count_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "countOf")?;
    let it = iter_arg(vm, &a)?;
    let mut n = 0;
    while let Some(x) = vm.next(&it)? {
        if vm.eq(&x, &b)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "indexOf")?;
    let it = iter_arg(vm, &a)?;
    let mut i = 0;
    while let Some(x) = vm.next(&it)? {
        if vm.eq(&x, &b)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "getitem")?;
    crate::object::subscript::getitem(vm, &a, &b)
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nt::positional(vm, &args, "setitem", 3, 3)?;
    let (a, b, c) = (
        args.pos[0].clone(),
        args.pos[1].clone(),
        args.pos[2].clone(),
    );
    crate::object::subscript::setitem(vm, &a, &b, Some(c))?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "delitem")?;
    crate::object::subscript::setitem(vm, &a, &b, None)?;
    Ok(Value::None)
}

/// `PyObject_LengthHint`: `len(obj)`, else `__length_hint__()`, else `default`. The
/// builtin iterators answer from their position.
fn length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nt::positional(vm, &args, "length_hint", 1, 2)?;
    let obj = args.pos[0].clone();
    let default = match args.pos.get(1) {
        Some(d) => {
            let d = d.clone();
            vm.index_value(&d, "'{}' object cannot be interpreted as an integer")?
        }
        None => 0,
    };
    match vm.len(&obj) {
        Ok(n) => return Ok(Value::Int(n as i64)),
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {}
        Err(e) => return Err(e),
    }
    if let Some(n) = builtin_iter_hint(vm, &obj) {
        return Ok(Value::Int(n as i64));
    }
    let ty = vm.type_of(&obj).clone();
    let Some(f) = crate::object::protocol::special_method(vm, &ty, "__length_hint__") else {
        return Ok(Value::Int(default));
    };
    let r = match crate::object::protocol::call_dunder(vm, f, &obj, vec![]) {
        Ok(r) => r,
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            return Ok(Value::Int(default))
        }
        Err(e) => return Err(e),
    };
    if vm.is_not_implemented(&r) {
        return Ok(Value::Int(default));
    }
    let n = match r {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => {
            let t = vm.type_name(&r);
            return Err(vm.type_error(format!("__length_hint__ must be an integer, not {t}")));
        }
    };
    if n < 0 {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(Value::Int(n))
}

/// The items left in a builtin iterator (their `__length_hint__`).
fn builtin_iter_hint(vm: &mut Vm, it: &Value) -> Option<usize> {
    let o = it.as_obj()?;
    if crate::object::typeobj::tdata(&o.ty).heap {
        return None;
    }
    match &o.payload {
        Payload::SeqIter(seq, idx) => {
            let seq = seq.clone();
            let n = vm.len(&seq).ok()?;
            Some(n.saturating_sub(idx.get()))
        }
        Payload::RangeIter(cur, stop, step, _) => {
            let (c, s, st) = (cur.get() as i128, *stop as i128, *step as i128);
            let n = if st > 0 && c < s {
                (s - c + st - 1) / st
            } else if st < 0 && c > s {
                (c - s - st - 1) / -st
            } else {
                0
            };
            Some(n as usize)
        }
        Payload::DictIter(d, _, _, len0) => Some(crate::types::dict::len(d).min(*len0)),
        Payload::Reversed(_, i) => Some((i.get() + 1).max(0) as usize),
        _ => None,
    }
}

/// `call(obj, /, *args, **kwargs)`.
fn call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("call() missing required argument 'obj' (pos 1)"));
    }
    let f = args.pos.remove(0);
    vm.call_args(&f, args)
}

/// `_compare_digest(a, b)`: equality in time independent of where they differ
/// (ASCII strs or bytes-like objects).
fn compare_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "_compare_digest")?;
    let bytes = |v: &Value| -> Option<Vec<u8>> {
        match v.payload()? {
            Payload::Bytes(b) => Some(b.to_vec()),
            Payload::ByteArray(b) => Some(b.borrow().clone()),
            _ => None,
        }
    };
    let (x, y) = match (a.as_str(), b.as_str()) {
        (Some(s), Some(t)) => {
            let (s, t) = (s.as_rust().into_owned(), t.as_rust().into_owned());
            if !s.is_ascii() || !t.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (s.into_bytes(), t.into_bytes())
        }
        (None, None) => match (bytes(&a), bytes(&b)) {
            (Some(x), Some(y)) => (x, y),
            _ => {
                let (ta, tb) = (vm.type_name(&a), vm.type_name(&b));
                return Err(vm.type_error(format!(
                    "unsupported operand types(s) or combination of types: '{ta}' and '{tb}'"
                )));
            }
        },
        _ => {
            let (ta, tb) = (vm.type_name(&a), vm.type_name(&b));
            return Err(vm.type_error(format!(
                "unsupported operand types(s) or combination of types: '{ta}' and '{tb}'"
            )));
        }
    };
    // Touch every byte of `y` whatever the lengths (CPython's `_tscmp`).
    let mut diff = (x.len() != y.len()) as u8;
    for (i, c) in y.iter().enumerate() {
        diff |= c ^ x.get(i).copied().unwrap_or(!c);
    }
    Ok(Value::Bool(diff == 0))
}

// ---- itemgetter, attrgetter, methodcaller ---------------------------------------------

struct Getter {
    /// itemgetter: the items; attrgetter: each attribute path as interned names;
    /// methodcaller: the name, then the positional arguments.
    items: Vec<Value>,
    paths: Vec<Vec<PyRef>>,
    kwargs: Vec<(PyRef, Value)>,
}

impl NativeData for Getter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(|v| visit(v));
        for p in &self.paths {
            p.iter().for_each(|n| visit(&Value::Obj(n.clone())));
        }
        for (k, v) in &self.kwargs {
            visit(&Value::Obj(k.clone()));
            visit(v);
        }
    }
}

fn itemgetter_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "itemgetter")?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    if args.pos.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let g = Getter {
        items: args.pos.to_vec(),
        paths: vec![],
        kwargs: vec![],
    };
    Ok(nt::alloc(vm, &cls, g))
}

fn getter_this<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a Getter> {
    nt::this::<Getter>(vm, args, "__call__", name)
}

fn call_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("{name} expected 1 argument, got {n}")));
    }
    Ok(args.pos[1].clone())
}

fn itemgetter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = getter_this(vm, &args, "operator.itemgetter")?;
    let obj = call_arg(vm, &args, "itemgetter")?;
    if g.items.len() == 1 {
        let k = g.items[0].clone();
        return crate::object::subscript::getitem(vm, &obj, &k);
    }
    let items = g.items.clone();
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(crate::object::subscript::getitem(vm, &obj, k)?);
    }
    Ok(vm.new_tuple(out))
}

/// `name(args...)` with `tp_name` and the recursion guard of the getters' reprs.
fn getter_repr(
    vm: &mut Vm,
    me: &Value,
    name: &str,
    parts: Vec<Value>,
    kwargs: Vec<(PyRef, Value)>,
) -> PyResult<Value> {
    let tn = nt::tp_name(vm, me, "operator", name);
    let body = nt::repr_enter(vm, me, move |vm| {
        let mut s = Vec::new();
        for p in &parts {
            s.push(vm.repr(p)?);
        }
        for (k, v) in &kwargs {
            let r = vm.repr(v)?;
            s.push(format!("{}={r}", crate::object::attr::name_of(k)));
        }
        Ok(s.join(", "))
    })?;
    match body {
        Some(b) => Ok(vm.new_str(&format!("{tn}({b})"))),
        None => Ok(vm.new_str(&format!("{tn}(...)"))),
    }
}

fn itemgetter_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = nt::this::<Getter>(vm, &args, "__repr__", "operator.itemgetter")?;
    let items = g.items.clone();
    getter_repr(vm, &args.pos[0], "itemgetter", items, vec![])
}

fn attrgetter_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "attrgetter")?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    if args.pos.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::new();
    for a in args.pos.iter() {
        let Some(s) = a.as_str() else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let s = s.as_rust().into_owned();
        paths.push(s.split('.').map(|p| vm.intern(p)).collect());
    }
    let g = Getter {
        items: args.pos.to_vec(),
        paths,
        kwargs: vec![],
    };
    Ok(nt::alloc(vm, &cls, g))
}

fn attrgetter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = getter_this(vm, &args, "operator.attrgetter")?;
    let obj = call_arg(vm, &args, "attrgetter")?;
    let paths = g.paths.clone();
    let mut out = Vec::with_capacity(paths.len());
    for p in &paths {
        let mut v = obj.clone();
        for n in p {
            v = crate::object::attr::getattr(vm, &v, n)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = nt::this::<Getter>(vm, &args, "__repr__", "operator.attrgetter")?;
    let items = g.items.clone();
    getter_repr(vm, &args.pos[0], "attrgetter", items, vec![])
}

fn methodcaller_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = nt::take_cls(vm, &mut args, "methodcaller")?;
    if args.pos.is_empty() {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = args.pos[0].as_str().map(|s| s.as_rust().into_owned()) else {
        return Err(vm.type_error("method name must be a string"));
    };
    let n = vm.intern(&name);
    let g = Getter {
        items: args.pos.to_vec(),
        paths: vec![vec![n]],
        kwargs: args.kw,
    };
    Ok(nt::alloc(vm, &cls, g))
}

fn methodcaller_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = getter_this(vm, &args, "operator.methodcaller")?;
    let obj = call_arg(vm, &args, "methodcaller")?;
    let name = g.paths[0][0].clone();
    let pos: Vec<Value> = g.items[1..].to_vec();
    let kw = g.kwargs.clone();
    let m = crate::object::attr::getattr(vm, &obj, &name)?;
    vm.call_args(
        &m,
        Args {
            pos: pos.into(),
            kw,
        },
    )
}

fn methodcaller_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = nt::this::<Getter>(vm, &args, "__repr__", "operator.methodcaller")?;
    let (items, kw) = (g.items.clone(), g.kwargs.clone());
    getter_repr(vm, &args.pos[0], "methodcaller", items, kw)
}
