//! Finding and loading a module: CPython 3.11's `_find_and_load`, `_find_spec`,
//! `_load_unlocked`, `_init_module_attrs`, `module_from_spec` (`Lib/importlib/_bootstrap.py`)
//! and `PathFinder.find_spec`, `_path_importer_cache`, `FileFinder.find_spec`, the file
//! loaders' `exec_module` (`Lib/importlib/_bootstrap_external.py`), natively. Getting the
//! code (the bytecode cache, compiling) is `get_code.rs`.
//!
//! `sys.meta_path` is walked in order; the machinery's own `BuiltinImporter`,
//! `FrozenImporter` and `PathFinder` are recognised by identity and run natively, anything
//! else is called (`finder.find_spec(name, path, None)`). Likewise `PathFinder` consults
//! `sys.path_importer_cache` and `sys.path_hooks`, and a `FileFinder` made by the machinery's
//! own hook searches its directory natively. Loading calls `loader.create_module(spec)` and
//! `loader.exec_module(module)`, except for the machinery's file loaders, which run
//! natively (the bytecode cache, `cache.rs`).

use super::bootstrap::{self, Boot};
use super::finder::{self, InDir};
pub use super::get_code::{
    compile, get_code, pyc_to_code_object, sourceless_code, sourceless_code_from,
};
use super::{getattr_opt, modules_del, modules_get, modules_set, sys_attr, text, IsNone};
use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use pyrs_bytecode::CodeObject;
use std::io::Write;
use std::path::Path;

/// `-v`: a message as `_bootstrap._verbose_message` prints it (to stderr).
pub fn verbose(vm: &Vm, level: u32, msg: &str) {
    if vm.interp.import.config.verbose >= level {
        let m = if msg.starts_with('#') || msg.starts_with("import ") {
            msg.to_string()
        } else {
            format!("# {msg}")
        };
        let _ = writeln!(std::io::stderr(), "{m}");
    }
}

fn setattr(vm: &mut Vm, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    let n = vm.intern(name);
    crate::object::attr::setattr(vm, obj, &n, Some(v))
}

pub(crate) fn py_repr(s: &str) -> String {
    // Paths are printed with repr(); for the common case (no quote, no control
    // character) that is the text in single quotes.
    if s.contains('\'') || s.contains('\\') || s.chars().any(|c| c.is_control()) {
        format!("{s:?}")
    } else {
        format!("'{s}'")
    }
}

/// `import_find_and_load` of `Python/import.c`: `_find_and_load`, timed for
/// `-X importtime`.
pub fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if !vm.interp.import.config.importtime {
        return find_and_load_unlocked(vm, name);
    }
    if !vm.interp.import.importtime_header {
        vm.interp.import.importtime_header = true;
        let _ = writeln!(
            std::io::stderr(),
            "import time: self [us] | cumulative | imported package"
        );
    }
    let saved = std::mem::take(&mut vm.interp.import.accumulated);
    vm.interp.import.import_level += 1;
    let t1 = std::time::Instant::now();
    let r = find_and_load_unlocked(vm, name);
    let cum = t1.elapsed();
    vm.interp.import.import_level -= 1;
    let nested = vm.interp.import.accumulated;
    let ceil_us = |d: std::time::Duration| (d.as_nanos() as u64).div_ceil(1000);
    let level = vm.interp.import.import_level;
    let _ = writeln!(
        std::io::stderr(),
        "import time: {:>9} | {:>10} | {:indent$}{name}",
        ceil_us(cum.saturating_sub(nested)),
        ceil_us(cum),
        "",
        indent = level * 2
    );
    vm.interp.import.accumulated = saved + cum;
    r
}

/// `_find_and_load_unlocked`.
fn find_and_load_unlocked(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let (parent, child) = match name.rfind('.') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => ("", name),
    };
    let mut path = Value::None;
    if !parent.is_empty() {
        if modules_get(vm, parent)?.is_none() {
            super::get_or_load(vm, parent)?;
        }
        // The parent's import may have imported this module.
        if let Some(m) = modules_get(vm, name)? {
            return Ok(m);
        }
        let pm = match modules_get(vm, parent)? {
            Some(m) => m,
            None => {
                let k = vm.new_str(parent);
                return Err(vm.key_error(k));
            }
        };
        match getattr_opt(vm, &pm, "__path__")? {
            Some(p) => path = p,
            None => {
                return Err(super::module_not_found(
                    vm,
                    format!("No module named '{name}'; '{parent}' is not a package"),
                    name,
                ))
            }
        }
    }
    let Some(spec) = find_spec(vm, name, &path)? else {
        return Err(super::module_not_found(
            vm,
            format!("No module named '{name}'"),
            name,
        ));
    };
    let module = load_spec(vm, name, &spec)?;
    if !parent.is_empty() {
        if let Some(pm) = modules_get(vm, parent)? {
            let c = vm.intern(child);
            crate::object::attr::setattr(vm, &pm, &c, Some(module.clone()))?;
        }
    }
    Ok(module)
}

/// `_find_spec(name, path)`: ask each finder on `sys.meta_path`.
pub fn find_spec(vm: &mut Vm, name: &str, path: &Value) -> PyResult<Option<Value>> {
    find_spec_for(vm, name, path, &Value::None)
}

/// `_find_spec(name, path, target)`: `target` (the module being reloaded, or None) is
/// handed to the finders that are called.
pub fn find_spec_for(
    vm: &mut Vm,
    name: &str,
    path: &Value,
    target: &Value,
) -> PyResult<Option<Value>> {
    let b = bootstrap::boot(vm)?;
    let Some(meta_path) = bootstrap::sys_list(vm, "meta_path")? else {
        return Err(vm.import_error("sys.meta_path is None, Python is likely shutting down"));
    };
    for finder in meta_path {
        let spec = if finder.is(&b.path_finder) {
            path_find_spec(vm, name, path)?
        } else if finder.is(&b.builtin_importer) {
            if path.is_none() && crate::modules::is_builtin(name) != 0 {
                let origin = Some("built-in");
                Some(bootstrap::new_spec(
                    vm,
                    &b,
                    name,
                    finder.clone(),
                    origin,
                    false,
                )?)
            } else {
                None
            }
        } else if finder.is(&b.frozen_importer) {
            super::frozen::find_spec(vm, &b, name)?
        } else {
            match getattr_opt(vm, &finder, "find_spec")? {
                Some(f) => {
                    let n = vm.new_str(name);
                    let r = vm.call(&f, vec![n, path.clone(), target.clone()])?;
                    (!r.is_none()).then_some(r)
                }
                None => None,
            }
        };
        if let Some(s) = spec {
            return Ok(Some(s));
        }
    }
    Ok(None)
}

/// `PathFinder._path_importer_cache(entry)`: the finder for a path entry, from
/// `sys.path_importer_cache` or made by the first `sys.path_hooks` hook that accepts it.
fn path_importer(vm: &mut Vm, entry: &str) -> PyResult<Value> {
    let entry = if entry.is_empty() {
        match std::env::current_dir() {
            Ok(p) => p.to_string_lossy().into_owned(),
            // The current directory was removed: CPython skips the entry.
            Err(_) => return Ok(Value::None),
        }
    } else {
        entry.to_string()
    };
    let key = vm.new_str(&entry);
    let cache = match sys_attr(vm, "path_importer_cache") {
        Some(Value::Obj(d)) if matches!(d.payload, crate::object::Payload::Dict(_)) => Some(d),
        _ => None,
    };
    if let Some(c) = &cache {
        if let Some(f) = crate::types::dict::get_item(vm, c, &key)? {
            return Ok(f);
        }
    }
    let hooks = bootstrap::sys_list(vm, "path_hooks")?.unwrap_or_default();
    let mut finder = Value::None;
    let import_error = vm.types.import_error.clone();
    for hook in hooks {
        match vm.call(&hook, vec![key.clone()]) {
            Ok(f) => {
                finder = f;
                break;
            }
            Err(e) if vm.err_matches(&e, &import_error) => continue,
            Err(e) => return Err(e),
        }
    }
    if let Some(c) = &cache {
        crate::types::dict::set_item(vm, c, key, finder.clone())?;
    }
    Ok(finder)
}

/// `PathFinder.find_spec(fullname, path)`: each entry of `path` (default `sys.path`) through
/// its path-entry finder; namespace portions collected when nothing else matches.
pub fn path_find_spec(vm: &mut Vm, name: &str, path: &Value) -> PyResult<Option<Value>> {
    let b = bootstrap::boot(vm)?;
    let entries = match path {
        Value::None => bootstrap::sys_list(vm, "path")?.unwrap_or_default(),
        p => vm.collect(p)?,
    };
    let mut namespace: Vec<Value> = Vec::new();
    for entry in entries {
        let Some(e) = text(&entry) else { continue };
        let finder = path_importer(vm, &e)?;
        if finder.is_none() {
            continue;
        }
        let native_dir = if vm
            .type_of(&finder)
            .is(b.file_finder.as_obj().unwrap_or(&vm.types.object.clone()))
        {
            getattr_opt(vm, &finder, "path")?.and_then(|p| text(&p))
        } else {
            None
        };
        if let Some(dir) = native_dir {
            match finder::find_in_dir(Path::new(&dir), name) {
                InDir::Module(s) => return Ok(Some(spec_from_native(vm, &b, &s)?)),
                InDir::Portion(p) => {
                    verbose(vm, 1, &format!("possible namespace for {p}"));
                    namespace.push(vm.new_str(&p))
                }
                InDir::Nothing => {}
            }
            continue;
        }
        let Some(f) = getattr_opt(vm, &finder, "find_spec")? else {
            continue;
        };
        let n = vm.new_str(name);
        let spec = vm.call(&f, vec![n])?;
        if spec.is_none() {
            continue;
        }
        if !getattr_opt(vm, &spec, "loader")?
            .unwrap_or(Value::None)
            .is_none()
        {
            return Ok(Some(spec));
        }
        let Some(portions) =
            getattr_opt(vm, &spec, "submodule_search_locations")?.filter(|p| !p.is_none())
        else {
            return Err(vm.import_error("spec missing loader"));
        };
        namespace.extend(vm.collect(&portions)?);
    }
    if namespace.is_empty() {
        return Ok(None);
    }
    let spec = bootstrap::new_spec(vm, &b, name, Value::None, None, false)?;
    let n = vm.new_str(name);
    let l = vm.new_list(namespace);
    let np = vm.call(&b.namespace_path, vec![n, l, b.path_finder.clone()])?;
    setattr(vm, &spec, "submodule_search_locations", np)?;
    Ok(Some(spec))
}

/// `FileFinder(dir).find_spec(fullname)` as a spec object.
pub fn file_find_spec(vm: &mut Vm, dir: &str, name: &str) -> PyResult<Option<Value>> {
    let b = bootstrap::boot(vm)?;
    match finder::find_in_dir(Path::new(dir), name) {
        InDir::Module(s) => Ok(Some(spec_from_native(vm, &b, &s)?)),
        InDir::Portion(p) => {
            let spec = bootstrap::new_spec(vm, &b, name, Value::None, None, false)?;
            let pv = vm.new_str(&p);
            let l = vm.new_list(vec![pv]);
            setattr(vm, &spec, "submodule_search_locations", l)?;
            Ok(Some(spec))
        }
        InDir::Nothing => Ok(None),
    }
}

/// `spec_from_file_location(name, path, loader=..., submodule_search_locations=...)` for a
/// file the native finder found.
fn spec_from_native(vm: &mut Vm, b: &Boot, s: &finder::Spec) -> PyResult<Value> {
    let (cls, path) = match &s.origin {
        finder::Origin::Source(p) => (&b.source_loader, p),
        finder::Origin::Sourceless(p) => (&b.sourceless_loader, p),
        finder::Origin::Namespace => return Err(vm.system_error("namespace spec from a file")),
    };
    let path = path.to_string_lossy().into_owned();
    let n = vm.new_str(&s.name);
    let p = vm.new_str(&path);
    let loader = vm.call(cls, vec![n, p])?;
    let spec = bootstrap::new_spec(vm, b, &s.name, loader, Some(&path), false)?;
    setattr(vm, &spec, "_set_fileattr", Value::Bool(true))?;
    if let Some(locs) = &s.search_locations {
        let items = locs.iter().map(|l| vm.new_str(l)).collect();
        let l = vm.new_list(items);
        setattr(vm, &spec, "submodule_search_locations", l)?;
    }
    Ok(spec)
}

/// `_new_module` + `_init_module_attrs`: `module_from_spec(spec)`.
pub fn module_from_spec(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    let loader = getattr_opt(vm, spec, "loader")?.unwrap_or(Value::None);
    let mut module = Value::None;
    if !loader.is_none() {
        match getattr_opt(vm, &loader, "create_module")? {
            Some(f) => module = vm.call(&f, vec![spec.clone()])?,
            None => {
                if getattr_opt(vm, &loader, "exec_module")?.is_some() {
                    return Err(vm.import_error(
                        "loaders that define exec_module() must also define create_module()",
                    ));
                }
            }
        }
    }
    if module.is_none() {
        let name = match getattr_opt(vm, spec, "name")?.and_then(|n| text(&n)) {
            Some(n) => n,
            None => return Err(vm.type_error("spec.name must be a str")),
        };
        module = Value::Obj(super::new_module(vm, &name).0);
    }
    init_module_attrs(vm, spec, &module, false)?;
    Ok(module)
}

/// `_init_module_attrs(spec, module, override)`.
pub fn init_module_attrs(vm: &mut Vm, spec: &Value, module: &Value, over: bool) -> PyResult<()> {
    let unset = |vm: &mut Vm, name: &str| -> PyResult<bool> {
        Ok(over || getattr_opt(vm, module, name)?.map_or(true, |v| v.is_none()))
    };
    // Modules that refuse an attribute keep going, as CPython's `except AttributeError`.
    let attribute_error = vm.types.attribute_error.clone();
    let set = |vm: &mut Vm, name: &str, v: Value| -> PyResult<()> {
        match setattr(vm, module, name, v) {
            Err(e) if vm.err_matches(&e, &attribute_error) => Ok(()),
            r => r,
        }
    };
    if unset(vm, "__name__")? {
        if let Some(n) = getattr_opt(vm, spec, "name")? {
            set(vm, "__name__", n)?;
        }
    }
    let locations = getattr_opt(vm, spec, "submodule_search_locations")?.unwrap_or(Value::None);
    if over || getattr_opt(vm, module, "__loader__")?.map_or(true, |v| v.is_none()) {
        let mut loader = getattr_opt(vm, spec, "loader")?.unwrap_or(Value::None);
        if loader.is_none() && !locations.is_none() {
            // A namespace package gets a NamespaceLoader over the spec's locations.
            let b = bootstrap::boot(vm)?;
            let n = getattr_opt(vm, spec, "name")?.unwrap_or(Value::None);
            loader = vm.call(
                &b.namespace_loader,
                vec![n, locations.clone(), b.path_finder.clone()],
            )?;
            setattr(vm, &loader, "_path", locations.clone())?;
            setattr(vm, spec, "loader", loader.clone())?;
            set(vm, "__file__", Value::None)?;
        }
        set(vm, "__loader__", loader)?;
    }
    if unset(vm, "__package__")? {
        if let Some(p) = getattr_opt(vm, spec, "parent")? {
            set(vm, "__package__", p)?;
        }
    }
    set(vm, "__spec__", spec.clone())?;
    if !locations.is_none() && unset(vm, "__path__")? {
        set(vm, "__path__", locations)?;
    }
    let has_location = match getattr_opt(vm, spec, "has_location")? {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if has_location {
        if unset(vm, "__file__")? {
            if let Some(o) = getattr_opt(vm, spec, "origin")? {
                set(vm, "__file__", o)?;
            }
        }
        if unset(vm, "__cached__")? {
            if let Some(c) = getattr_opt(vm, spec, "cached")?.filter(|c| !c.is_none()) {
                set(vm, "__cached__", c)?;
            }
        }
    }
    Ok(())
}

/// `_load_unlocked(spec)`: create the module, register it in `sys.modules` before its body
/// runs (circular imports see it), execute it, return what `sys.modules` then holds.
pub fn load_spec(vm: &mut Vm, _requested: &str, spec: &Value) -> PyResult<Value> {
    // `spec.name` / `spec.loader` as attribute accesses: a finder returning something
    // that is not a spec fails with CPython's AttributeError.
    let loader = getattr_strict(vm, spec, "loader")?;
    let name_v = getattr_strict(vm, spec, "name")?;
    let Some(name) = text(&name_v) else {
        return Err(vm.type_error("module name must be str"));
    };
    let name = name.as_str();
    if !loader.is_none() && getattr_opt(vm, &loader, "exec_module")?.is_none() {
        return load_backward_compatible(vm, name, spec, &loader);
    }
    let module = module_from_spec(vm, spec)?;
    modules_set(vm, name, module.clone())?;
    let r = if loader.is_none() {
        let locations = getattr_opt(vm, spec, "submodule_search_locations")?;
        if locations.map_or(true, |l| l.is_none()) {
            Err(vm.import_error("missing loader"))
        } else {
            // A namespace package: nothing to execute.
            Ok(())
        }
    } else {
        exec_spec(vm, spec, &module)
    };
    if let Err(e) = r {
        let _ = modules_del(vm, name);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    let module = pop_and_reinsert(vm, name)?;
    if vm.interp.import.config.verbose >= 1 {
        let loader = getattr_opt(vm, spec, "loader")?.unwrap_or(Value::None);
        let r = vm.repr(&loader)?;
        verbose(vm, 1, &format!("import {} # {r}", py_repr(name)));
    }
    Ok(module)
}

/// `getattr(obj, name)` with CPython's AttributeError.
fn getattr_strict(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    crate::object::attr::getattr(vm, obj, &n)
}

/// `module = sys.modules.pop(name); sys.modules[name] = module` (KeyError if absent).
fn pop_and_reinsert(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match modules_del(vm, name)? {
        Some(m) => {
            modules_set(vm, name, m.clone())?;
            Ok(m)
        }
        None => {
            let k = vm.new_str(name);
            Err(vm.key_error(k))
        }
    }
}

/// `_load_backward_compatible(spec)`: the legacy `loader.load_module(name)`, then the
/// attributes it may not have set.
fn load_backward_compatible(
    vm: &mut Vm,
    name: &str,
    spec: &Value,
    loader: &Value,
) -> PyResult<Value> {
    let lm = getattr_strict(vm, loader, "load_module")?;
    let n = vm.new_str(name);
    if let Err(e) = vm.call(&lm, vec![n]) {
        if modules_get(vm, name)?.is_some() {
            pop_and_reinsert(vm, name)?;
        }
        return Err(e);
    }
    let module = pop_and_reinsert(vm, name)?;
    let attribute_error = vm.types.attribute_error.clone();
    let set_if_none = |vm: &mut Vm, attr: &str, v: Value| -> PyResult<()> {
        if getattr_opt(vm, &module, attr)?.map_or(true, |x| x.is_none()) {
            match setattr(vm, &module, attr, v) {
                Err(e) if vm.err_matches(&e, &attribute_error) => {}
                r => r?,
            }
        }
        Ok(())
    };
    set_if_none(vm, "__loader__", loader.clone())?;
    let has_path = getattr_opt(vm, &module, "__path__")?.is_some();
    let package = if has_path {
        getattr_opt(vm, &module, "__name__")?.unwrap_or(Value::None)
    } else {
        let p = name.rsplit_once('.').map_or("", |p| p.0);
        vm.new_str(p)
    };
    set_if_none(vm, "__package__", package)?;
    set_if_none(vm, "__spec__", spec.clone())?;
    Ok(module)
}

/// `loader.exec_module(module)`, natively for the machinery's own loaders.
pub fn exec_spec(vm: &mut Vm, spec: &Value, module: &Value) -> PyResult<()> {
    let loader = getattr_opt(vm, spec, "loader")?.unwrap_or(Value::None);
    if loader.is_none() {
        return Ok(());
    }
    let b = bootstrap::boot(vm)?;
    let ty = Value::Obj(vm.type_of(&loader).clone());
    if ty.is(&b.source_loader) || ty.is(&b.sourceless_loader) {
        return exec_file_module(vm, &loader, module, ty.is(&b.source_loader));
    }
    if ty.is(&b.namespace_loader) {
        return Ok(());
    }
    if loader.is(&b.frozen_importer) {
        return super::frozen::exec_module(vm, spec, module);
    }
    let Some(f) = getattr_opt(vm, &loader, "exec_module")? else {
        return Err(vm.import_error("loader has no exec_module()"));
    };
    vm.call(&f, vec![module.clone()])?;
    Ok(())
}

/// The file loaders' `exec_module`: get the code (the cache, or compile) and run it in
/// the module's namespace.
pub fn exec_file_module(vm: &mut Vm, loader: &Value, module: &Value, source: bool) -> PyResult<()> {
    let path = match getattr_opt(vm, loader, "path")?.and_then(|p| text(&p)) {
        Some(p) => p,
        None => return Err(vm.import_error("loader has no path")),
    };
    let name = match getattr_opt(vm, module, "__name__")?.and_then(|n| text(&n)) {
        Some(n) => n,
        None => getattr_opt(vm, loader, "name")?
            .and_then(|n| text(&n))
            .unwrap_or_default(),
    };
    let d = match getattr_opt(vm, module, "__dict__")? {
        Some(Value::Obj(d)) if matches!(d.payload, crate::object::Payload::Dict(_)) => d,
        _ => return Err(vm.type_error("module has no __dict__")),
    };
    // `_LoaderBasics.exec_module` calls `self.get_code(name)`: a subclass that overrides
    // `get_code` (or `source_to_code`, which the native path would not call) gets it called.
    let b = bootstrap::boot(vm)?;
    let ty = vm.type_of(loader).clone();
    let native_class = if source {
        &b.source_loader
    } else {
        &b.sourceless_loader
    };
    if !native_class.as_obj().is_some_and(|c| c.is(&ty)) {
        let native = native_class.as_obj().cloned();
        let overridden = ["get_code", "source_to_code"].iter().any(|m| {
            let k = vm.intern(m);
            let h = crate::object::attr::hash_of(vm, &k);
            let name = crate::object::attr::pystr(&k);
            let mine = crate::object::typeobj::lookup(&ty, name, h);
            let theirs = native
                .as_ref()
                .and_then(|n| crate::object::typeobj::lookup(n, name, h));
            match (mine, theirs) {
                (Some(a), Some(b)) => !a.is(&b),
                (a, b) => a.is_some() != b.is_some(),
            }
        });
        if overridden {
            let f = getattr_opt(vm, loader, "get_code")?.unwrap_or(Value::None);
            let n = vm.new_str(&name);
            let c = vm.call(&f, vec![n])?;
            return match c {
                Value::Obj(o) if crate::code::as_code(&o).is_some() => {
                    exec_code_object(vm, &o, module, &d)
                }
                _ => Err(vm.import_error(format!(
                    "cannot load module {} when get_code() returns None",
                    py_repr(&name)
                ))),
            };
        }
    }
    let code = if source {
        get_code(vm, &name, Path::new(&path))?
    } else {
        sourceless_code(vm, &name, Path::new(&path))?
    };
    exec_code_object(vm, &code, module, &d)
}

/// Run a module's code in its dict (`__builtins__` added first), tracking that the module
/// is initialising (for the circular-import message).
pub fn exec_code(vm: &mut Vm, code: &CodeObject, module: &Value, d: &PyRef) -> PyResult<()> {
    let code_obj = crate::code::make_code(vm, code);
    exec_code_object(vm, &code_obj, module, d)
}

/// [`exec_code`] for a code object the VM already has (from a loader's `get_code`).
pub fn exec_code_object(vm: &mut Vm, code_obj: &PyRef, module: &Value, d: &PyRef) -> PyResult<()> {
    let k = vm.intern("__builtins__");
    let h = crate::object::attr::hash_of(vm, &k);
    if crate::types::dict::dict_get_str(d, crate::object::attr::pystr(&k), h).is_none() {
        let b = Value::Obj(vm.builtins.clone());
        super::dict_set(vm, d, "__builtins__", b);
    }
    let m = module.as_obj().cloned();
    if let Some(m) = &m {
        vm.interp.import.initializing.push(m.clone());
    }
    let r = crate::eval::call::run_module_code(vm, code_obj, d);
    if let Some(m) = &m {
        if let Some(i) = vm.interp.import.initializing.iter().rposition(|x| x.is(m)) {
            vm.interp.import.initializing.remove(i);
        }
    }
    r.map(|_| ())
}
