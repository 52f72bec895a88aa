//! `repr()` and `hash()` of builtin payloads (CPython: each type's `tp_repr`/`tp_hash`).
//! Container reprs guard recursion (`[...]` for a list containing itself, as
//! `Py_ReprEnter`) and the Rust stack (`RecursionError` on deep nesting).

use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

fn items_repr(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<String>> {
    items.iter().map(|v| vm.repr(v)).collect()
}

/// Run `f` one container level deeper: recursion limit, Rust stack growth, and the
/// self-reference check (`Some(marker)` when `o` is already being repr'd).
pub(crate) fn nested<T>(
    vm: &mut Vm,
    o: &PyRef,
    marker: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<String>
where
    T: Sized,
{
    if vm.thread.repr_stack.iter().any(|r| r.is(o)) {
        return Ok(marker.to_string());
    }
    vm.enter_recursion(" while getting the repr of an object")?;
    vm.thread.repr_stack.push(o.clone());
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(vm));
    vm.thread.repr_stack.pop();
    vm.leave_recursion();
    r
}

/// Run `f`, the repr of an object that holds other objects but cannot hold itself
/// (`slice`, an exception's args): the recursion limit and Rust stack growth of
/// [`nested`], without the self-reference marker (CPython's `PyObject_Repr` guard).
fn deeper(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<String>) -> PyResult<String> {
    vm.enter_recursion(" while getting the repr of an object")?;
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(vm));
    vm.leave_recursion();
    r
}

pub fn builtin_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let o = match v {
        Value::None => return Ok("None".into()),
        Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => return Ok(i.to_string()),
        Value::Float(f) => return Ok(crate::types::float::float_repr(*f)),
        Value::Obj(o) => o,
    };
    let tname = tdata(&o.ty).name();
    Ok(match &o.payload {
        Payload::Int(b) => crate::types::int::big_decimal(vm, b)?,
        Payload::Float(f) => crate::types::float::float_repr(*f),
        Payload::Complex(re, im) => crate::types::complex::repr(*re, *im),
        Payload::GenericAlias(_) => deeper(vm, |vm| crate::types::generic_alias::repr(vm, v))?,
        Payload::Str(s) => s.repr(),
        Payload::Bytes(b) => pyrs_bytecode::repr::bytes_repr(b),
        Payload::ByteArray(b) => {
            let r = crate::types::bytearray::bytearray_repr(&b.borrow());
            format!("{tname}({r})")
        }
        Payload::Frame(_) => crate::types::frame::repr(vm, o).unwrap_or_default(),
        Payload::Union(_) => deeper(vm, |vm| crate::types::union_type::repr(vm, v))?,
        Payload::Tuple(_) if tdata(&o.ty).structseq.borrow().is_some() => {
            match crate::types::structseq::repr(vm, o)? {
                Some(r) => r,
                None => String::new(),
            }
        }
        Payload::MemoryView(m) if m.released.get() => {
            format!("<released memory at {:#x}>", o.id())
        }
        Payload::MemoryView(_) => format!("<memory at {:#x}>", o.id()),
        Payload::Tuple(t) => {
            let t = t.to_vec();
            return nested::<()>(vm, o, "(...)", |vm| {
                let parts = items_repr(vm, &t)?;
                Ok(if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                })
            });
        }
        Payload::List(l) => {
            let items = l.borrow().clone();
            return nested::<()>(vm, o, "[...]", |vm| {
                Ok(format!("[{}]", items_repr(vm, &items)?.join(", ")))
            });
        }
        Payload::Dict(_) => {
            let items = crate::types::dict::items(o);
            return nested::<()>(vm, o, "{...}", |vm| {
                let mut parts = Vec::new();
                for (k, v) in &items {
                    parts.push(format!("{}: {}", vm.repr(k)?, vm.repr(v)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            });
        }
        Payload::Set(s) => {
            let items: Vec<Value> = s.borrow().items();
            let frozen = o.ty.is(&vm.types.frozenset) || tname == "frozenset";
            return nested::<()>(vm, o, &format!("{tname}(...)"), |vm| {
                let parts = items_repr(vm, &items)?;
                Ok(match (parts.is_empty(), frozen) {
                    (true, _) => format!("{tname}()"),
                    (false, false) if tname == "set" => format!("{{{}}}", parts.join(", ")),
                    (false, _) => format!("{tname}({{{}}})", parts.join(", ")),
                })
            });
        }
        Payload::Range(r) => r.repr(),
        Payload::Slice(s) => {
            let s = (**s).clone();
            deeper(vm, |vm| {
                Ok(format!(
                    "slice({}, {}, {})",
                    vm.repr(&s[0])?,
                    vm.repr(&s[1])?,
                    vm.repr(&s[2])?
                ))
            })?
        }
        Payload::Type(t) => {
            let module = type_module(vm, o);
            match module.as_deref() {
                Some("builtins") | None => format!("<class '{}'>", t.qualname.borrow()),
                Some(m) => format!("<class '{}.{}'>", m, t.qualname.borrow()),
            }
        }
        Payload::Function(f) => {
            let q = f.qualname.borrow().clone();
            format!("<function {} at {:#x}>", vm.str_string(&q)?, o.id())
        }
        Payload::Builtin(_) if crate::types::slot_wrapper::repr_of(vm, o).is_some() => {
            crate::types::slot_wrapper::repr_of(vm, o).unwrap_or_default()
        }
        Payload::Builtin(b) => match (&b.self_, &b.owner) {
            // Bound to a module, or to a native module's state (`self_` a `Native` object,
            // no owner type: `modules/native_type.rs` `add_state_functions`): a function.
            (Some(s), owner)
                if !matches!(s, Value::Obj(m) if matches!(m.payload, Payload::Module(_))
                    || (owner.is_none() && matches!(m.payload, Payload::Native(_)))) =>
            {
                format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    vm.type_name(s),
                    s.id()
                )
            }
            (None, Some(owner)) => {
                format!("<method '{}' of '{}' objects>", b.name, tdata(owner).name())
            }
            _ => format!("<built-in function {}>", b.name),
        },
        Payload::BoundMethod(m) => {
            let (f, s) = (m.0.clone(), m.1.clone());
            let qn = vm.intern("__qualname__");
            let fname = crate::object::attr::getattr(vm, &f, &qn)
                .and_then(|q| vm.str_string(&q))
                .unwrap_or_default();
            format!("<bound method {} of {}>", fname, vm.repr(&s)?)
        }
        Payload::Code(c) => format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.name_str(),
            o.id(),
            c.filename(),
            c.firstlineno
        ),
        Payload::Cell(_) => format!("<cell at {:#x}>", o.id()),
        Payload::Exception(_) => deeper(vm, |vm| crate::types::exceptions::exc_repr(vm, o))?,
        // CPython's module repr is importlib's `_module_repr` (spec, loader, __file__).
        Payload::Module(_) if vm.interp.import.boot.is_some() => {
            crate::import::module_repr::module_repr(vm, &Value::Obj(o.clone()))?
        }
        Payload::Module(d) => {
            let n = vm.intern("__name__");
            let name = crate::types::dict::dict_get_str(
                d,
                Value::Obj(n.clone())
                    .as_str()
                    .unwrap_or(&crate::types::str::PyStr::from_str("")),
                0,
            );
            let _ = name;
            let nm = crate::types::dict::items(d)
                .into_iter()
                .find(|(k, _)| k.as_str().is_some_and(|s| s.eq_rust("__name__")))
                .map(|(_, v)| v);
            match nm {
                Some(v) => format!("<module {}>", vm.repr(&v)?),
                None => "<module ?>".into(),
            }
        }
        Payload::Singleton => {
            if o.is(&vm.not_implemented) {
                "NotImplemented".into()
            } else {
                "Ellipsis".into()
            }
        }
        Payload::Generator(g) => format!(
            "<{} object {} at {:#x}>",
            tdata(&o.ty).name(),
            g.qualname(),
            o.id()
        ),
        // A view reached again while it is being repr'd shows `...` (dictview_repr's
        // Py_ReprEnter): `d[1] = d.values()`.
        Payload::DictView(d, kind) => nested::<()>(vm, o, "...", |vm| {
            let items = crate::types::dict::items(d);
            let name = ["dict_keys", "dict_values", "dict_items"][*kind as usize % 3];
            let mut parts = Vec::new();
            for (k, v) in items {
                parts.push(match kind {
                    0 => vm.repr(&k)?,
                    1 => vm.repr(&v)?,
                    _ => format!("({}, {})", vm.repr(&k)?, vm.repr(&v)?),
                });
            }
            Ok(format!("{name}([{}])", parts.join(", ")))
        })?,
        Payload::Property(_) => format!("<property object at {:#x}>", o.id()),
        Payload::Super(_) => crate::types::type_::super_repr(vm, o).unwrap_or_default(),
        // `classmethod_descriptor` (`dict.fromkeys`, `object.__init_subclass__`): as
        // `method_descriptor`s, `<method 'fromkeys' of 'dict' objects>`.
        Payload::ClassMethod(Value::Obj(f)) if o.ty.is(&vm.types.classmethod_descriptor) => {
            match &f.payload {
                Payload::Builtin(b) if b.owner.is_some() => format!(
                    "<method '{}' of '{}' objects>",
                    b.name,
                    b.owner.as_ref().map_or(String::new(), |t| tdata(t).name())
                ),
                _ => format!("<classmethod_descriptor object at {:#x}>", o.id()),
            }
        }
        Payload::Member(m) if crate::types::descriptor::is_builtin_member(m) => {
            crate::types::descriptor::repr(vm, o, m)
        }
        Payload::Member(m) => format!(
            "<member '{}' of '{}' objects>",
            crate::object::attr::name_of(&m.0),
            crate::object::typeobj::tdata(&m.1).name()
        ),
        _ => {
            if let Some(r) = crate::types::namespace::repr(vm, o)? {
                return Ok(r);
            }
            let module = type_module(vm, &o.ty);
            match module.as_deref() {
                Some("builtins") | None => format!(
                    "<{} object at {:#x}>",
                    tdata(&o.ty).qualname.borrow(),
                    o.id()
                ),
                Some(m) => format!(
                    "<{}.{} object at {:#x}>",
                    m,
                    tdata(&o.ty).qualname.borrow(),
                    o.id()
                ),
            }
        }
    })
}

/// A type's `__module__` (user classes carry it in their dict; builtins are "builtins").
pub fn type_module(vm: &mut Vm, t: &PyRef) -> Option<String> {
    let td = tdata(t);
    let n = vm.intern("__module__");
    let s = Value::Obj(n);
    let ps = s.as_str()?;
    let found = td
        .dict
        .get()
        .and_then(|d| crate::types::dict::dict_get_str(d, ps, ps.hash(&vm.hash_secret)))
        .and_then(|v| v.as_str().map(|s| s.as_rust().into_owned()));
    if !td.heap {
        // A static type's module is the part of its tp_name before the last dot
        // (`types.GenericAlias`); native types that live in a module record it as
        // `__module__` in their dict (struct sequences), the others are builtins.
        let name = td.name();
        if let Some((m, _)) = name.rsplit_once('.') {
            return Some(m.to_string());
        }
        return Some(found.unwrap_or_else(|| "builtins".into()));
    }
    found
}

pub fn builtin_hash(vm: &mut Vm, o: &PyRef) -> PyResult<i64> {
    match &o.payload {
        Payload::Int(b) => Ok(crate::hash::hash_bigint(b)),
        Payload::Float(f) => Ok(crate::hash::hash_f64(*f, (o.id() >> 4) as i64)),
        Payload::Complex(re, im) => {
            let p = o.id();
            let id_hash = ((p >> 4) | (p << (usize::BITS - 4))) as i64;
            Ok(crate::types::complex::hash(*re, *im, id_hash))
        }
        Payload::GenericAlias(_) => crate::types::generic_alias::hash(vm, &Value::Obj(o.clone())),
        Payload::Union(_) => crate::types::union_type::hash(vm, &Value::Obj(o.clone())),
        Payload::Str(s) => Ok(s.hash(&vm.hash_secret)),
        Payload::Bytes(b) => Ok(vm.hash_secret.hash_bytes(b)),
        Payload::Tuple(t) => {
            let t = t.to_vec();
            let mut hs = Vec::with_capacity(t.len());
            for v in &t {
                // Nested tuples recurse in Rust (CPython's tuplehash has no recursion
                // check either): on a stack that grows.
                let h = stacker::maybe_grow(64 * 1024, 1024 * 1024, || vm.hash(v));
                hs.push(h?);
            }
            Ok(crate::hash::hash_tuple(hs.into_iter()))
        }
        Payload::MemoryView(m) => crate::types::memoryview::view_hash(vm, m),
        Payload::List(_) | Payload::Dict(_) | Payload::Slice(_) | Payload::ByteArray(_) => {
            Err(vm.type_error(format!("unhashable type: '{}'", tdata(&o.ty).name())))
        }
        Payload::Set(_) if !o.ty.is(&vm.types.frozenset) => {
            Err(vm.type_error(format!("unhashable type: '{}'", tdata(&o.ty).name())))
        }
        Payload::Set(s) => {
            // From the hashes the table stored at insertion, as CPython's frozenset_hash
            // (entry->hash): never re-hashing the members keeps nested frozensets linear
            // (a hostile .pyc could otherwise nest them into exponential work).
            let b = s.borrow();
            let mut h: u64 = 0;
            for e in b.table.iter() {
                let x = e.hash as u64;
                h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
            }
            h ^= (b.table.len() as u64 + 1).wrapping_mul(1927868237);
            h ^= (h >> 11) ^ (h >> 25);
            h = h.wrapping_mul(69069).wrapping_add(907133923);
            Ok(if h as i64 == -1 { 590923713 } else { h as i64 })
        }
        Payload::Range(r) => crate::types::range::hash(vm, r),
        // A method's hash is its self's address and its function's hash (3.11's
        // `method_hash`; `meth_hash` for builtin methods, with the C function's address),
        // never the method object's own address: `hash(a.m) == hash(a.m)` although each
        // `a.m` is a new object.
        Payload::BoundMethod(m) => {
            let (f, s) = (m.0.clone(), m.1.clone());
            let h = hash_pointer(s.id()) ^ vm.hash(&f)?;
            Ok(if h == -1 { -2 } else { h })
        }
        Payload::Builtin(b) if b.self_.is_some() => {
            let s = b.self_.as_ref().map_or(0, |s| s.id());
            let h = hash_pointer(s) ^ hash_pointer(b.func as usize);
            Ok(if h == -1 { -2 } else { h })
        }
        _ => {
            // object.__hash__: derived from the address, as `_Py_HashPointer`.
            let p = o.id();
            Ok(((p >> 4) | (p << (usize::BITS - 4))) as i64)
        }
    }
}

/// CPython's `_Py_HashPointer`: an address rotated by 4 bits (its low bits are zero).
fn hash_pointer(p: usize) -> i64 {
    let h = ((p >> 4) | (p << (usize::BITS - 4))) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
