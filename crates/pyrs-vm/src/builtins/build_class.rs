//! `__build_class__` (CPython: `builtin___build_class__` in `Python/bltinmodule.c`): run
//! the class body with a fresh namespace, then call the metaclass.

use crate::object::typeobj::{is_subtype, tdata};
use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

pub fn build_class(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos.remove(0);
    let name = args.pos.remove(0);
    let meta_kw = args.take_kw("metaclass");
    let mut bases = std::mem::take(&mut args.pos);
    // PEP 560: bases that are not classes give their `__mro_entries__`; the class keeps
    // the bases as written in `__orig_bases__`.
    let mut orig_bases = None;
    if bases
        .iter()
        .any(|b| !matches!(b.payload(), Some(Payload::Type(_))))
    {
        if let Some(new) = update_bases(vm, &bases)? {
            orig_bases = Some(vm.new_tuple(std::mem::replace(&mut bases, new.into()).to_vec()));
        }
    }
    let Some(fo) = func
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Function(_)))
        .cloned()
    else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    if name.as_str().is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    // The most derived metaclass of the bases (or the explicit one).
    let mut meta = match &meta_kw {
        Some(m) => m.clone(),
        None => match bases.first() {
            Some(b) => Value::Obj(vm.type_of(b).clone()),
            None => Value::Obj(vm.types.type_.clone()),
        },
    };
    if let Some(Payload::Type(_)) = meta.payload() {
        for b in &bases {
            let bt = vm.type_of(b).clone();
            let m = meta.as_obj().cloned();
            if let Some(m) = m {
                if is_subtype(&bt, &m) {
                    meta = Value::Obj(bt);
                } else if !is_subtype(&m, &bt) {
                    return Err(vm.type_error(
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                    ));
                }
            }
        }
    }
    // The usual class statement: no keywords and `type` itself as the metaclass. `type`'s
    // `__prepare__` makes an empty dict and `type(name, bases, ns)` is `make_class` (its
    // `__init__` does nothing with three arguments), so both lookups are skipped: a
    // module defining hundreds of classes spends its import here.
    if args.kw.is_empty() && meta.as_obj().is_some_and(|m| m.is(&vm.types.type_)) {
        let ns = vm.new_dict_ref();
        let cell = crate::eval::call::run_class_body(vm, &fo, &ns)?;
        if let Some(ob) = orig_bases {
            let k = vm.new_str("__orig_bases__");
            crate::object::subscript::setitem(vm, &Value::Obj(ns.clone()), &k, Some(ob))?;
        }
        let name = name
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default();
        let ty = vm.types.type_.clone();
        let cls =
            crate::types::type_::make_class(vm, &ty, &name, bases.into_vec(), &ns, Vec::new())?;
        if let Some(Payload::Cell(cc)) = cell.payload() {
            if cc.borrow().is_none() {
                *cc.borrow_mut() = Some(Value::Obj(cls.clone()));
            }
        }
        return Ok(Value::Obj(cls));
    }
    let bases_t = vm.new_tuple(bases.to_vec());
    let prep = vm.intern("__prepare__");
    let ns = match crate::object::attr::getattr_opt(vm, &meta, &prep)? {
        Some(p) if !matches!(p.payload(), Some(Payload::Builtin(_))) => {
            let kw = args.kw.clone();
            vm.call_args(
                &p,
                Args {
                    pos: vec![name.clone(), bases_t.clone()].into(),
                    kw,
                },
            )?
        }
        _ => Value::Obj(vm.new_dict_ref()),
    };
    let Some(ns_ref) = ns.as_obj().cloned() else {
        return Err(vm.type_error("__prepare__() must return a mapping"));
    };
    let cell = crate::eval::call::run_class_body(vm, &fo, &ns_ref)?;
    if let Some(ob) = orig_bases {
        let k = vm.new_str("__orig_bases__");
        crate::object::subscript::setitem(vm, &ns, &k, Some(ob))?;
    }
    let cls = vm.call_args(
        &meta,
        Args {
            pos: vec![name, bases_t, ns].into(),
            kw: args.kw,
        },
    )?;
    if let (Value::Obj(c), Some(Payload::Cell(cc))) = (&cls, cell.payload()) {
        if matches!(c.payload, Payload::Type(_)) && cc.borrow().is_none() {
            *cc.borrow_mut() = Some(cls.clone());
        }
        let _ = tdata;
    }
    Ok(cls)
}

/// `update_bases`: each base that is not a class and has `__mro_entries__` is replaced by
/// the tuple that method returns for the original bases; `None` when nothing changed.
fn update_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut new: Option<Vec<Value>> = None;
    let orig = vm.new_tuple(bases.to_vec());
    for (i, b) in bases.iter().enumerate() {
        let meth = if matches!(b.payload(), Some(Payload::Type(_))) {
            None
        } else {
            crate::types::generic_alias::lookup_attr(vm, b, "__mro_entries__")?
        };
        let Some(meth) = meth else {
            if let Some(n) = &mut new {
                n.push(b.clone());
            }
            continue;
        };
        let entries = vm.call(&meth, vec![orig.clone()])?;
        let Some(items) = entries.as_tuple() else {
            return Err(vm.type_error("__mro_entries__ must return a tuple"));
        };
        new.get_or_insert_with(|| bases[..i].to_vec())
            .extend(items.iter().cloned());
    }
    Ok(new)
}
