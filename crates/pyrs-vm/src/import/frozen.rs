//! Frozen standard-library modules: modules whose code is built into the interpreter and
//! found by `FrozenImporter` (CPython: `Python/frozen.c`, and `find_frozen`,
//! `_imp.find_frozen`/`get_frozen_object`/`init_frozen` in `Python/import.c`).
//!
//! pyrs freezes what CPython 3.11 freezes even with `-X frozen_modules=off`: `zipimport`,
//! which `_PyImportZip_Init` imports at startup (`bootstrap::install_zipimport`). Its code
//! is CPython's own `Lib/zipimport.py`, compiled by pyrs's compiler when pyrs is built
//! (`build.rs`, from the CPython 3.11 installation `getpath.rs` finds); a build that found
//! none has nothing frozen, and `zipimport` is then imported from the library directory.
//! (pyrs's own `_frozen_importlib`/`_frozen_importlib_external`/`<frozen runpy>` are
//! embedded too, but as the machinery itself, not as modules `FrozenImporter` finds.)
//!
//! A frozen module's spec is CPython's: origin `'frozen'`, loader `FrozenImporter`,
//! `loader_state` a namespace of `filename` (its path in `sys._stdlib_dir`) and
//! `origname`; `FrozenImporter.create_module` sets `__file__` from it.

use super::bootstrap::{self, Boot};
use super::{getattr_opt, sys_attr, text};
use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// One frozen module.
pub struct FrozenModule {
    pub name: &'static str,
    pub is_package: bool,
    /// The marshalled code object; empty when the build froze nothing.
    pub code: &'static [u8],
    /// The source file frozen at build time (empty when none): for the test that the
    /// embedded code is what the compiler makes of it now.
    pub source_path: &'static str,
}

/// `co_filename` of a frozen module's code, as CPython names it.
fn code_filename(name: &str) -> String {
    format!("<frozen {name}>")
}

pub const MODULES: &[FrozenModule] = &[FrozenModule {
    name: "zipimport",
    is_package: false,
    code: include_bytes!(concat!(env!("OUT_DIR"), "/zipimport.marshal")),
    source_path: env!("PYRS_FROZEN_ZIPIMPORT_SOURCE"),
}];

/// The frozen module `name`, if this build has its code.
pub fn find(name: &str) -> Option<&'static FrozenModule> {
    MODULES
        .iter()
        .find(|m| m.name == name && !m.code.is_empty())
}

/// The names `_imp._frozen_module_names()` lists.
pub fn names() -> impl Iterator<Item = &'static str> {
    MODULES
        .iter()
        .filter(|m| !m.code.is_empty())
        .map(|m| m.name)
}

/// A new code object for `m` (each call reads the embedded data again, as CPython's
/// `get_frozen_object` unmarshals it again).
pub fn code(vm: &mut Vm, m: &FrozenModule) -> PyResult<PyRef> {
    super::unmarshal::load_pyc_body(vm, m.code, &code_filename(m.name))
}

/// `FrozenImporter._resolve_filename`: where the module's source is in the standard
/// library directory (None when `sys._stdlib_dir` is not a str).
fn source_filename(vm: &mut Vm, m: &FrozenModule) -> Option<String> {
    let dir = sys_attr(vm, "_stdlib_dir").and_then(|d| text(&d))?;
    let rel = m.name.replace('.', "/");
    Some(if m.is_package {
        format!("{dir}/{rel}/__init__.py")
    } else {
        format!("{dir}/{rel}.py")
    })
}

/// `FrozenImporter.find_spec(name)`: the spec of a frozen module, or None.
pub fn find_spec(vm: &mut Vm, b: &Boot, name: &str) -> PyResult<Option<Value>> {
    let Some(m) = find(name) else {
        return Ok(None);
    };
    let spec = bootstrap::new_spec(
        vm,
        b,
        name,
        b.frozen_importer.clone(),
        Some("frozen"),
        m.is_package,
    )?;
    let state = crate::types::namespace::new(vm);
    let filename = match source_filename(vm, m) {
        Some(f) => vm.new_str(&f),
        None => Value::None,
    };
    crate::types::namespace::set(vm, &state, "filename", filename.clone());
    let origname = vm.new_str(m.name);
    crate::types::namespace::set(vm, &state, "origname", origname);
    let k = vm.intern("loader_state");
    crate::object::attr::setattr(vm, &spec, &k, Some(state))?;
    if m.is_package {
        // The package's directory in the library is its search location.
        if let (Some(f), Some(Value::Obj(l))) = (
            text(&filename),
            getattr_opt(vm, &spec, "submodule_search_locations")?,
        ) {
            if let crate::object::Payload::List(items) = &l.payload {
                let dir = f.rsplit_once('/').map_or(f.as_str(), |p| p.0).to_string();
                let d = vm.new_str(&dir);
                items.borrow_mut().insert(0, d);
            }
        }
    }
    Ok(Some(spec))
}

/// `FrozenImporter.exec_module(module)`: run the frozen code in the module's namespace.
pub fn exec_module(vm: &mut Vm, spec: &Value, module: &Value) -> PyResult<()> {
    let name = getattr_opt(vm, spec, "name")?
        .and_then(|n| text(&n))
        .unwrap_or_default();
    let Some(m) = find(&name) else {
        return Err(vm.import_error(format!("No such frozen object named '{name}'")));
    };
    let code = code(vm, m)?;
    let d = match getattr_opt(vm, module, "__dict__")? {
        Some(Value::Obj(d)) if matches!(d.payload, crate::object::Payload::Dict(_)) => d,
        _ => return Err(vm.type_error("module has no __dict__")),
    };
    super::loader::exec_code_object(vm, &code, module, &d)
}
