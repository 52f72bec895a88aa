//! `module` as a type: `types.ModuleType(name, doc=None)` and subclasses of it (CPython:
//! `Objects/moduleobject.c`, `new_module` and `module___init__`). Module objects made by
//! the import system come from `import::new_module`; both hold their namespace in
//! `Payload::Module`, never in the object's own dict field.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// `module.__new__(cls)`: a module with an empty namespace (`__init__` fills it). The
/// object's dict field stays empty even for a subclass: the namespace is the instance
/// `__dict__` (attribute loads and stores of a module payload go to it).
pub fn module_new(vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    Ok(Value::Obj(vm.alloc(cls, Payload::Module(d))))
}

/// `module.__init__(self, name, doc=None)`: sets `__name__`, `__doc__`, `__package__`,
/// `__loader__` and `__spec__` (`module_init_dict`).
pub fn module_init(vm: &mut Vm, this: &Value, mut args: Args) -> PyResult<()> {
    let name = args.take_kw("name");
    let doc = args.take_kw("doc");
    if let Some((k, _)) = args.kw.first() {
        let k = crate::object::attr::name_of(k);
        return Err(vm.type_error(format!("module() got an unexpected keyword argument '{k}'")));
    }
    let mut pos = args.pos.into_iter();
    let name = match (pos.next(), name) {
        (Some(_), Some(_)) => {
            return Err(
                vm.type_error("argument for module() given by name ('name') and position (1)")
            )
        }
        (Some(n), None) | (None, Some(n)) => n,
        (None, None) => {
            return Err(vm.type_error("module() missing required argument 'name' (pos 1)"))
        }
    };
    let doc = match (pos.next(), doc) {
        (Some(_), Some(_)) => {
            return Err(
                vm.type_error("argument for module() given by name ('doc') and position (2)")
            )
        }
        (Some(d), None) | (None, Some(d)) => d,
        (None, None) => Value::None,
    };
    let extra = pos.count();
    if extra > 0 {
        return Err(vm.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            extra + 2
        )));
    }
    if name.as_str().is_none() {
        let t = vm.type_name(&name);
        return Err(vm.type_error(format!("module() argument 'name' must be str, not {t}")));
    }
    let Some(Payload::Module(d)) = this.payload() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'module' object"));
    };
    let d = d.clone();
    for (k, v) in [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", Value::None),
        ("__loader__", Value::None),
        ("__spec__", Value::None),
    ] {
        let k = vm.intern(k);
        crate::types::dict::dict_set_str(vm, &d, &k, v);
    }
    Ok(())
}
