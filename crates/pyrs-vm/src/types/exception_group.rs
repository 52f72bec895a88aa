//! `BaseExceptionGroup` / `ExceptionGroup` (PEP 654): construction rules, `exceptions`,
//! `message`, `derive`, `split`, `subgroup`, and the runtime of `except*` (the
//! CHECK_EG_MATCH and PREP_RERAISE_STAR opcodes). CPython: `BaseExceptionGroup_*` and
//! `_PyExc_PrepReraiseStar` in `Objects/exceptions.c`, `exception_group_match` in
//! `Python/ceval.c`.
//!
//! A group is an ordinary exception object whose `ExcData::group` holds the tuple of its
//! sub-exceptions; `args` is `(message, excs)` as the caller passed them.

use crate::object::typeobj::is_subtype;
use crate::object::{Payload, PyRef, Value};
use crate::types::exceptions::{exc_data, new_exception};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

fn named(vm: &Vm, name: &str) -> PyRef {
    vm.types
        .exception_names
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| vm.types.base_exception.clone())
}

/// `ExceptionGroup` is a heap type in CPython (`PyErr_NewException`, Objects/exceptions.c
/// `_PyExc_InitTypes`): its dict holds `__module__` ('builtins') and a `__weakref__`
/// descriptor, and its instances can be weakly referenced (`_weakref.rs` asks
/// [`is_exception_group`]). Called once by `types/descriptor.rs`'s `install`.
pub fn install_heap_attrs(vm: &mut Vm) {
    let eg = named(vm, "ExceptionGroup");
    let m = vm.new_str("builtins");
    crate::types::set_type_attr(vm, &eg, "__module__", m);
    let n = vm.intern("__weakref__");
    let ty = vm.types.getset_descriptor.clone();
    let d = vm.alloc(&ty, Payload::Member(Box::new((n, eg.clone()))));
    crate::types::set_type_attr(vm, &eg, "__weakref__", Value::Obj(d));
}

/// Whether `v`'s type is ExceptionGroup or a subclass.
pub fn is_exception_group(vm: &Vm, v: &Value) -> bool {
    is_subtype(vm.type_of(v), &named(vm, "ExceptionGroup"))
}

/// Whether `v` is a BaseExceptionGroup instance.
pub fn is_group(vm: &Vm, v: &Value) -> bool {
    let beg = named(vm, "BaseExceptionGroup");
    is_subtype(vm.type_of(v), &beg)
}

/// The sub-exceptions of a group.
pub fn members(v: &Value) -> Vec<Value> {
    v.as_obj()
        .and_then(exc_data)
        .and_then(|d| d.group.borrow().clone())
        .and_then(|t| t.as_tuple().map(|t| t.to_vec()))
        .unwrap_or_default()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
pub fn eg_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    let name = crate::object::typeobj::tdata(cls).name();
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let (msg, seq) = (&args.pos[0], &args.pos[1]);
    if msg.as_str().is_none() {
        let t = vm.type_name(msg);
        return Err(vm.type_error(format!("argument 1 must be str, not {t}")));
    }
    let is_seq =
        matches!(
            seq.payload(),
            Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range(_))
        ) || crate::object::protocol::heap_dunder(vm, &vm.type_of(seq).clone(), "__getitem__")
            .is_some();
    if !is_seq {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(seq)?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let base = vm.types.base_exception.clone();
    let exception = named(vm, "Exception");
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        if !is_subtype(vm.type_of(e), &base) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        all_exceptions &= is_subtype(vm.type_of(e), &exception);
    }
    let beg = named(vm, "BaseExceptionGroup");
    let eg = named(vm, "ExceptionGroup");
    let cls = if cls.is(&beg) {
        if all_exceptions {
            eg
        } else {
            beg
        }
    } else if cls.is(&eg) {
        if !all_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        eg
    } else {
        if !all_exceptions && !is_subtype(cls, &exception) {
            // A user subclass of BaseExceptionGroup may hold BaseExceptions.
        } else if !all_exceptions {
            return Err(vm.type_error(format!(
                "Cannot nest BaseExceptions in '{}'",
                crate::object::typeobj::tdata(cls).name()
            )));
        }
        cls.clone()
    };
    let e = new_exception(vm, &cls, args.pos.to_vec());
    if let Some(d) = exc_data(&e) {
        *d.group.borrow_mut() = Some(vm.new_tuple(excs));
    }
    Ok(Value::Obj(e))
}

/// `str(eg)`: `message (N sub-exceptions)`.
pub fn group_str(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let n = members(e).len();
    let msg = match e.as_obj().map(crate::types::exceptions::exc_args) {
        Some(a) if !a.is_empty() => vm.str_string(&a[0])?,
        _ => String::new(),
    };
    Ok(format!(
        "{msg} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    ))
}

/// `message` and `exceptions`.
pub fn group_attr(vm: &mut Vm, e: &PyRef, name: &str) -> Option<Value> {
    let v = Value::Obj(e.clone());
    if !is_group(vm, &v) {
        return None;
    }
    match name {
        "message" => crate::types::exceptions::exc_args(e).into_iter().next(),
        "exceptions" => exc_data(e).and_then(|d| d.group.borrow().clone()),
        _ => None,
    }
}

enum Matcher {
    Types(Vec<PyRef>),
    Predicate(Value),
    Ids(Vec<usize>),
}

fn matcher(vm: &mut Vm, cond: &Value) -> PyResult<Matcher> {
    let base = vm.types.base_exception.clone();
    let is_exc_type = |v: &Value| {
        v.as_obj()
            .filter(|o| matches!(o.payload, Payload::Type(_)) && is_subtype(o, &base))
            .cloned()
    };
    if let Some(t) = is_exc_type(cond) {
        return Ok(Matcher::Types(vec![t]));
    }
    if let Some(items) = cond.as_tuple() {
        let ts: Option<Vec<PyRef>> = items.iter().map(is_exc_type).collect();
        if let Some(ts) = ts {
            return Ok(Matcher::Types(ts));
        }
    } else if cond.as_type().is_none()
        && crate::builtins::attrs::callable(vm, Args::positional(vec![cond.clone()]))?
            .is(&Value::Bool(true))
    {
        return Ok(Matcher::Predicate(cond.clone()));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &mut Vm, m: &Matcher, e: &Value) -> PyResult<bool> {
    Ok(match m {
        Matcher::Types(ts) => ts.iter().any(|t| is_subtype(vm.type_of(e), t)),
        Matcher::Predicate(f) => {
            let r = vm.call(f, vec![e.clone()])?;
            vm.truthy(&r)?
        }
        Matcher::Ids(ids) => ids.contains(&e.id()),
    })
}

/// `self.derive(excs)` with the traceback, cause, context and notes of `orig` copied.
fn derive_and_copy(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let l = vm.new_list(excs);
    let eg = vm.call_method(orig, "derive", vec![l])?;
    if !is_group(vm, &eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(src), Some(dst)) = (
        orig.as_obj().and_then(exc_data),
        eg.as_obj().and_then(exc_data),
    ) {
        dst.set_traceback(src.traceback(vm));
        *dst.cause.borrow_mut() = src.cause.borrow().clone();
        *dst.context.borrow_mut() = src.context.borrow().clone();
        *dst.notes.borrow_mut() = src.notes.borrow().clone();
    }
    Ok(eg)
}

/// `exceptiongroup_split_recursive`: (match, rest), each None when empty.
fn split_rec(
    vm: &mut Vm,
    e: &Value,
    m: &Matcher,
    rest_too: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, m, e)? {
        return Ok((Some(e.clone()), None));
    }
    if !is_group(vm, e) {
        return Ok((None, rest_too.then(|| e.clone())));
    }
    let (mut ml, mut rl) = (Vec::new(), Vec::new());
    for sub in members(e) {
        vm.enter_recursion("")?;
        let r = split_rec(vm, &sub, m, rest_too);
        vm.leave_recursion();
        let (a, b) = r?;
        ml.extend(a);
        rl.extend(b);
    }
    let a = if ml.is_empty() {
        None
    } else {
        Some(derive_and_copy(vm, e, ml)?)
    };
    let b = if rl.is_empty() {
        None
    } else {
        Some(derive_and_copy(vm, e, rl)?)
    };
    Ok((a, b))
}

fn derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "derive", 2, 2)?;
    let msg = match args.pos[0].as_obj() {
        Some(e) => crate::types::exceptions::exc_args(e)
            .into_iter()
            .next()
            .unwrap_or(Value::None),
        None => Value::None,
    };
    let beg = named(vm, "BaseExceptionGroup");
    eg_new(vm, &beg, Args::positional(vec![msg, args.pos[1].clone()]))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "split", 2, 2)?;
    let m = matcher(vm, &args.pos[1])?;
    let (a, b) = split_rec(vm, &args.pos[0], &m, true)?;
    Ok(vm.new_tuple(vec![a.unwrap_or(Value::None), b.unwrap_or(Value::None)]))
}

fn subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "subgroup", 2, 2)?;
    let m = matcher(vm, &args.pos[1])?;
    let (a, _) = split_rec(vm, &args.pos[0], &m, false)?;
    Ok(a.unwrap_or(Value::None))
}

fn str_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = group_str(vm, &args.pos[0])?;
    Ok(vm.new_str(&s))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("derive", derive),
    ("split", split),
    ("subgroup", subgroup),
    ("__str__", str_method),
];

/// Install the methods and the constructor on BaseExceptionGroup.
pub fn install(vm: &mut Vm) {
    let beg = named(vm, "BaseExceptionGroup");
    crate::types::add_methods(vm, &beg, METHODS);
    crate::object::typeobj::tdata(&beg).tp_new.set(Some(eg_new));
}

fn check_star_types(vm: &mut Vm, t: &Value) -> PyResult<()> {
    let types: Vec<Value> = match t.as_tuple() {
        Some(items) => items.to_vec(),
        None => vec![t.clone()],
    };
    let base = vm.types.base_exception.clone();
    let beg = named(vm, "BaseExceptionGroup");
    for ty in &types {
        match ty.as_obj() {
            Some(o) if matches!(o.payload, Payload::Type(_)) && is_subtype(o, &base) => {
                if is_subtype(o, &beg) {
                    return Err(vm.type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ));
                }
            }
            _ => {
                return Err(vm.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ))
            }
        }
    }
    Ok(())
}

/// CHECK_EG_MATCH: for the exception `e` and the `except*` type `t`, the two values the
/// opcode leaves on the stack: `(e, None)` without a match, else `(rest, match)` (the
/// match also becomes the handled exception).
pub fn check_eg_match(vm: &mut Vm, e: Value, t: &Value) -> PyResult<(Value, Value)> {
    check_star_types(vm, t)?;
    if matches!(e, Value::None) {
        return Ok((e, Value::None));
    }
    let et = vm.type_of(&e).clone();
    let full = match t.as_tuple() {
        Some(ts) => ts
            .iter()
            .any(|x| x.as_obj().is_some_and(|o| is_subtype(&et, o))),
        None => t.as_obj().is_some_and(|o| is_subtype(&et, o)),
    };
    let (rest, m) = if full {
        let m = if is_group(vm, &e) {
            e.clone()
        } else {
            // A naked exception is wrapped in a group that takes its traceback.
            let msg = vm.new_str("");
            let l = vm.new_tuple(vec![e.clone()]);
            let eg = named(vm, "ExceptionGroup");
            let w = eg_new(vm, &eg, Args::positional(vec![msg, l]))?;
            if let (Some(src), Some(dst)) =
                (e.as_obj().and_then(exc_data), w.as_obj().and_then(exc_data))
            {
                dst.set_traceback(src.traceback(vm));
            }
            w
        };
        (Value::None, m)
    } else if is_group(vm, &e) {
        let pair = vm.call_method(&e, "split", vec![t.clone()])?;
        let p = pair.as_tuple().map(|p| p.to_vec()).unwrap_or_default();
        if p.len() != 2 {
            return Err(vm.type_error("X.split(T) must return a tuple, not X"));
        }
        (p[1].clone(), p[0].clone())
    } else {
        (Value::None, Value::None)
    };
    if matches!(m, Value::None) {
        return Ok((e, Value::None));
    }
    vm.thread.exc_info = Some(m.clone());
    Ok((rest, m))
}

fn same_metadata(vm: &Vm, a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (a.as_obj().and_then(exc_data), b.as_obj().and_then(exc_data)) else {
        return false;
    };
    let same = |p: &Option<Value>, q: &Option<Value>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    same(&x.notes.borrow(), &y.notes.borrow())
        && same(&x.traceback(vm), &y.traceback(vm))
        && same(&x.cause.borrow(), &y.cause.borrow())
        && same(&x.context.borrow(), &y.context.borrow())
}

fn leaf_ids(vm: &mut Vm, e: &Value, out: &mut Vec<usize>) -> PyResult<()> {
    if is_group(vm, e) {
        for sub in members(e) {
            vm.enter_recursion("")?;
            let r = leaf_ids(vm, &sub, out);
            vm.leave_recursion();
            r?;
        }
    } else {
        out.push(e.id());
    }
    Ok(())
}

/// PREP_RERAISE_STAR: what the `except*` block re-raises, from the original exception and
/// the list of exceptions its clauses raised or re-raised (`_PyExc_PrepReraiseStar`).
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let excs: Vec<Value> = match excs.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => return Err(vm.system_error("PREP_RERAISE_STAR: not a list")),
    };
    if excs.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(vm, orig) {
        // A naked exception was wrapped: at most one clause ran.
        return Ok(excs[0].clone());
    }
    let (mut raised, mut reraised) = (Vec::new(), Vec::new());
    for e in excs {
        if matches!(e, Value::None) {
            continue;
        }
        if same_metadata(vm, &e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut ids = Vec::new();
    for e in &reraised {
        leaf_ids(vm, e, &mut ids)?;
    }
    let reraised_eg = if ids.is_empty() {
        None
    } else {
        split_rec(vm, orig, &Matcher::Ids(ids), false)?.0
    };
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or(Value::None));
    }
    raised.extend(reraised_eg);
    if raised.len() == 1 {
        return Ok(raised.pop().unwrap_or(Value::None));
    }
    let msg = vm.new_str("");
    let l = vm.new_list(raised);
    let beg = named(vm, "BaseExceptionGroup");
    eg_new(vm, &beg, Args::positional(vec![msg, l]))
}
