//! `repr(module)`: CPython 3.11's `ModuleType.__repr__`, which calls
//! `importlib._bootstrap._module_repr` (`Lib/importlib/_bootstrap.py`: the loader's
//! `module_repr`, then `_module_repr_from_spec`, then `__name__`/`__file__`/`__loader__`).

use super::{getattr_opt, IsNone};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// The repr of module `m` (`_module_repr`: a true `__spec__` first, then the loader's
/// `module_repr`, then `__name__` with `__file__` or `__loader__`).
pub fn module_repr(vm: &mut Vm, m: &Value) -> PyResult<String> {
    let loader = getattr_opt(vm, m, "__loader__")?;
    if let Some(spec) = getattr_opt(vm, m, "__spec__")? {
        if vm.truthy(&spec)? {
            return repr_from_spec(vm, &spec);
        }
    }
    if let Some(l) = &loader {
        let boot = vm.interp.import.boot.clone();
        let origin = match &boot {
            Some(b) if l.is(&b.builtin_importer) => Some("built-in"),
            Some(b) if l.is(&b.frozen_importer) => Some("frozen"),
            _ => None,
        };
        if let Some(o) = origin {
            // BuiltinImporter.module_repr / FrozenImporter.module_repr (deprecated; their
            // DeprecationWarning is ignored by default).
            if let Some(n) = getattr_opt(vm, m, "__name__")? {
                let n = vm.repr(&n)?;
                return Ok(format!("<module {n} ({o})>"));
            }
        } else if let Some(f) = getattr_opt(vm, l, "module_repr")? {
            match vm.call(&f, vec![m.clone()]) {
                Ok(r) => return vm.str_string(&r),
                Err(e) if vm.err_matches(&e, &vm.types.exception.clone()) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let name = match getattr_opt(vm, m, "__name__")? {
        Some(n) => vm.repr(&n)?,
        None => "'?'".into(),
    };
    match getattr_opt(vm, m, "__file__")? {
        Some(f) => {
            let f = vm.repr(&f)?;
            Ok(format!("<module {name} from {f}>"))
        }
        None => match loader {
            None | Some(Value::None) => Ok(format!("<module {name}>")),
            Some(l) => {
                let l = vm.repr(&l)?;
                Ok(format!("<module {name} ({l})>"))
            }
        },
    }
}

/// `_module_repr_from_spec(spec)`.
fn repr_from_spec(vm: &mut Vm, spec: &Value) -> PyResult<String> {
    let attr = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = vm.intern(n);
        crate::object::attr::getattr(vm, spec, &k)
    };
    let sname = attr(vm, "name")?;
    let name = if sname.is_none() {
        "'?'".to_string()
    } else {
        vm.repr(&sname)?
    };
    let origin = attr(vm, "origin")?;
    if origin.is_none() {
        let loader = attr(vm, "loader")?;
        if loader.is_none() {
            return Ok(format!("<module {name}>"));
        }
        let l = vm.repr(&loader)?;
        return Ok(format!("<module {name} ({l})>"));
    }
    let has_location = attr(vm, "has_location")?;
    if vm.truthy(&has_location)? {
        let o = vm.repr(&origin)?;
        Ok(format!("<module {name} from {o}>"))
    } else {
        let n = vm.repr(&sname)?;
        let o = vm.str_string(&origin)?;
        Ok(format!("<module {n} ({o})>"))
    }
}
