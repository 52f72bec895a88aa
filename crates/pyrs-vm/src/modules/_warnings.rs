//! The `_warnings` module: warning filtering and display, the native half of `warnings`
//! (CPython: `Python/_warnings.c`).
//!
//! `Lib/warnings.py` imports `filters`, `_defaultaction`, `_onceregistry`, `warn`,
//! `warn_explicit` and `_filters_mutated` from here; without them it falls back to pure
//! Python that needs `re` at import time. The algorithm is `_warnings.c`'s: the caller's
//! context (`setup_context`, skipping importlib's frames), the per-module
//! `__warningregistry__` keyed `(text, category, lineno)` and invalidated by the filters'
//! version, the filter walk (`None` matches anything, a plain `str` must be equal, anything
//! else is called `.match(text)`), the actions `error`, `ignore`, `always`, `default`,
//! `module`, `once`, and the display through `warnings._showwarnmsg(WarningMessage(...))`
//! when `warnings` is imported, else the C fallback (`FILE:LINE: CATEGORY: TEXT` and the
//! source line on `sys.stderr`).
//!
//! The filters list, the once-registry and the default action are interpreter-wide
//! ([`State`], kept in `ImportState::warnings`), so a re-created `_warnings` module shares
//! them, as in CPython; `warnings.filters` etc. replace them when `warnings` rebinds them.

use crate::import::{dict_set, getattr_opt, modules_get, sys_attr, IsNone};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyErr, PyResult, Vm};

const DOC: &str = "_warnings provides basic warning filtering support.\n\
It is a helper module to speed up interpreter start-up.";

/// `WarningsState` of CPython's interpreter state.
#[derive(Default)]
pub struct State {
    /// The filters list (`_warnings.filters`, shared with `warnings.filters`).
    pub filters: Option<Value>,
    pub once_registry: Option<Value>,
    pub default_action: Option<Value>,
    /// Bumped by `_filters_mutated()`; a registry with another version is stale.
    pub filters_version: i64,
}

fn builtin(vm: &mut Vm, name: &str) -> Value {
    let n = vm.intern(name);
    let h = crate::object::attr::hash_of(vm, &n);
    let b = vm.builtins.clone();
    crate::types::dict::dict_get_str(&b, crate::object::attr::pystr(&n), h).unwrap_or(Value::None)
}

/// The state's objects, made on first use (`_PyWarnings_InitState`): the default filters
/// of a release build.
fn ensure_state(vm: &mut Vm) {
    if vm.interp.import.warnings.filters.is_none() {
        let main = vm.new_str("__main__");
        let mut items = Vec::new();
        for (action, cat, module) in [
            ("default", "DeprecationWarning", Some(main)),
            ("ignore", "DeprecationWarning", None),
            ("ignore", "PendingDeprecationWarning", None),
            ("ignore", "ImportWarning", None),
            ("ignore", "ResourceWarning", None),
        ] {
            let a = vm.intern(action);
            let c = builtin(vm, cat);
            let t = vm.new_tuple(vec![
                Value::Obj(a),
                Value::None,
                c,
                module.unwrap_or(Value::None),
                Value::Int(0),
            ]);
            items.push(t);
        }
        vm.interp.import.warnings.filters = Some(vm.new_list(items));
    }
    if vm.interp.import.warnings.once_registry.is_none() {
        vm.interp.import.warnings.once_registry = Some(Value::Obj(vm.new_dict_ref()));
    }
    if vm.interp.import.warnings.default_action.is_none() {
        vm.interp.import.warnings.default_action = Some(Value::Obj(vm.intern("default")));
    }
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    ensure_state(vm);
    let (m, d) = super::new_native_module(vm, "_warnings", DOC);
    let st = &vm.interp.import.warnings;
    let (f, o, a) = (
        st.filters.clone().unwrap_or(Value::None),
        st.once_registry.clone().unwrap_or(Value::None),
        st.default_action.clone().unwrap_or(Value::None),
    );
    dict_set(vm, &d, "filters", f);
    dict_set(vm, &d, "_onceregistry", o);
    dict_set(vm, &d, "_defaultaction", a);
    let fns: &[(&'static str, NativeFn)] = &[
        ("warn", warn),
        ("warn_explicit", warn_explicit),
        ("_filters_mutated", filters_mutated),
    ];
    super::add_functions(vm, &d, fns);
    Ok(m)
}

/// `get_warnings_attr`: `warnings.NAME` when the `warnings` module is imported (or, with
/// `try_import`, can be); None otherwise.
fn warnings_attr(vm: &mut Vm, name: &str, try_import: bool) -> PyResult<Option<Value>> {
    let module = if try_import {
        match crate::import::get_or_load(vm, "warnings") {
            Ok(m) => Some(m),
            Err(e) if vm.err_matches(&e, &vm.types.import_error.clone()) => None,
            Err(e) => return Err(e),
        }
    } else {
        modules_get(vm, "warnings")?
    };
    match module {
        Some(m) => getattr_opt(vm, &m, name),
        None => Ok(None),
    }
}

fn filters_mutated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_filters_mutated", 0, 0)?;
    vm.interp.import.warnings.filters_version += 1;
    Ok(Value::None)
}

/// `warnings.warn(message, <builtin category named category>)` from Rust code (as
/// CPython's `PyErr_WarnEx`): an error when the filters turn the warning into one.
pub fn warn_builtin(vm: &mut Vm, category: &str, message: &str) -> PyResult<()> {
    let cat = vm
        .types
        .exception_names
        .iter()
        .find(|(n, _)| n == category)
        .map(|(_, t)| Value::Obj(t.clone()))
        .unwrap_or(Value::None);
    let m = vm.new_str(message);
    warn(
        vm,
        Args {
            pos: vec![m, cat].into(),
            ..Default::default()
        },
    )?;
    Ok(())
}

/// `warn(message, category=None, stacklevel=1, source=None)`.
fn warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [message, category, stacklevel, source] = parse(
        vm,
        args,
        "warn",
        &["message", "category", "stacklevel", "source"],
        1,
    )?;
    let message = message.unwrap_or(Value::None);
    let stacklevel = match stacklevel {
        Some(v) => vm.index_value(&v, "'{}' object cannot be interpreted as an integer")?,
        None => 1,
    };
    let category = get_category(vm, &message, category)?;
    do_warn(
        vm,
        message,
        category,
        stacklevel,
        source.filter(|s| !s.is_none()),
    )
}

/// Positional-or-keyword arguments by name; the first `required` are required.
fn parse<const N: usize>(
    vm: &mut Vm,
    mut args: Args,
    fname: &str,
    names: &[&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    if args.pos.len() > N {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {N} arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (i, v) in std::mem::take(&mut args.pos).into_iter().enumerate() {
        out[i] = Some(v);
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = args.take_kw(n) {
            if out[i].is_some() {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{n}') and position ({})",
                    i + 1
                )));
            }
            out[i] = Some(v);
        }
    }
    if let Some((k, _)) = args.kw.first() {
        let k = Value::Obj(k.clone());
        let k = vm.str_string(&k)?;
        return Err(vm.type_error(format!(
            "{fname}() got an unexpected keyword argument '{k}'"
        )));
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

/// `get_category`: the message's own class for a Warning instance, else `category` (by
/// default UserWarning), which must be a Warning subclass.
fn get_category(vm: &mut Vm, message: &Value, category: Option<Value>) -> PyResult<Value> {
    let warning = Value::Obj(vm.types.warning.clone());
    if crate::builtins::attrs::instance_check(vm, message, &warning)? {
        return Ok(Value::Obj(vm.type_of(message).clone()));
    }
    let category = match category {
        None | Some(Value::None) => builtin(vm, "UserWarning"),
        Some(c) => c,
    };
    let ok = matches!(category.as_obj(), Some(c) if matches!(c.payload, Payload::Type(_)))
        && crate::builtins::attrs::subclass_check(vm, &category, &warning).unwrap_or(false);
    if !ok {
        let t = vm.type_name(&category);
        return Err(vm.type_error(format!("category must be a Warning subclass, not '{t}'")));
    }
    Ok(category)
}

/// The code's file name and the current line of a frame of the thread's stack.
fn frame_info(vm: &Vm, i: usize) -> (Option<PyRef>, String, i64) {
    let f = &vm.thread.frames[i];
    let (filename, line) = match &f.code.payload {
        Payload::Code(c) => (
            c.filename().to_string(),
            c.line_at(f.lasti).map(i64::from).unwrap_or(-1),
        ),
        _ => (String::new(), -1),
    };
    (f.globals().cloned(), filename, line)
}

/// `is_internal_frame`: a frame of importlib's bootstrap.
fn is_internal(filename: &str) -> bool {
    filename.contains("importlib") && filename.contains("_bootstrap")
}

/// `setup_context(stacklevel)`: the caller's globals, file name, line, module name and
/// registry (created in the globals when missing).
fn setup_context(vm: &mut Vm, mut stacklevel: i64) -> PyResult<(Value, i64, Value, Value)> {
    // The innermost Python frame is the one that called warn(); stacklevel 1 names it.
    let mut idx = vm.thread.frames.len().checked_sub(1);
    let internal = idx.is_some_and(|i| is_internal(&frame_info(vm, i).1));
    if stacklevel <= 0 || internal {
        while {
            stacklevel = stacklevel.saturating_sub(1);
            stacklevel > 0
        } && idx.is_some()
        {
            idx = idx.and_then(|i| i.checked_sub(1));
        }
    } else {
        while {
            stacklevel = stacklevel.saturating_sub(1);
            stacklevel > 0
        } && idx.is_some()
        {
            // next_external_frame: back one frame, then past importlib's.
            idx = idx.and_then(|i| i.checked_sub(1));
            while let Some(i) = idx {
                if !is_internal(&frame_info(vm, i).1) {
                    break;
                }
                idx = i.checked_sub(1);
            }
        }
    }
    let (globals, filename, lineno) = match idx {
        Some(i) => {
            let (g, f, l) = frame_info(vm, i);
            let g = g.unwrap_or_else(|| vm.interp.sys_dict.clone());
            (g, vm.new_str(&f), l)
        }
        None => (vm.interp.sys_dict.clone(), vm.new_str("sys"), 1),
    };
    let key = vm.new_str("__warningregistry__");
    let registry = match crate::types::dict::get_item(vm, &globals, &key)? {
        Some(r) => r,
        None => {
            let r = Value::Obj(vm.new_dict_ref());
            crate::types::dict::set_item(vm, &globals, key, r.clone())?;
            r
        }
    };
    let n = vm.new_str("__name__");
    let module = match crate::types::dict::get_item(vm, &globals, &n)? {
        Some(m) if m.is_none() || m.as_str().is_some() => m,
        _ => vm.new_str("<string>"),
    };
    Ok((filename, lineno, module, registry))
}

fn do_warn(
    vm: &mut Vm,
    message: Value,
    category: Value,
    stacklevel: i64,
    source: Option<Value>,
) -> PyResult<Value> {
    let (filename, lineno, module, registry) = setup_context(vm, stacklevel)?;
    warn_explicit_impl(
        vm,
        category,
        message,
        filename,
        lineno,
        Some(module),
        Some(registry),
        None,
        source,
    )
}

/// `warn_explicit(message, category, filename, lineno, module=None, registry=None,
/// module_globals=None, source=None)`.
fn warn_explicit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [message, category, filename, lineno, module, registry, module_globals, source] = parse(
        vm,
        args,
        "warn_explicit",
        &[
            "message",
            "category",
            "filename",
            "lineno",
            "module",
            "registry",
            "module_globals",
            "source",
        ],
        4,
    )?;
    let (message, category, filename, lineno) = (
        message.unwrap_or(Value::None),
        category.unwrap_or(Value::None),
        filename.unwrap_or(Value::None),
        lineno.unwrap_or(Value::None),
    );
    if filename.as_str().is_none() {
        let t = vm.type_name(&filename);
        return Err(vm.type_error(format!("warn_explicit() argument 3 must be str, not {t}")));
    }
    let lineno = vm.index_value(&lineno, "'{}' object cannot be interpreted as an integer")?;
    let mut sourceline = None;
    if let Some(g) = module_globals.filter(|g| !g.is_none()) {
        let Some(gd) = g
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Dict(_)))
            .cloned()
        else {
            let t = vm.type_name(&g);
            return Err(vm.type_error(format!("module_globals must be a dict, not '{t}'")));
        };
        sourceline = get_source_line(vm, &gd, lineno)?;
    }
    warn_explicit_impl(
        vm,
        category,
        message,
        filename,
        lineno,
        module,
        registry,
        sourceline,
        source.filter(|s| !s.is_none()),
    )
}

/// `get_source_line`: line `lineno` of the source the module's loader gives, if any.
fn get_source_line(vm: &mut Vm, globals: &PyRef, lineno: i64) -> PyResult<Option<Value>> {
    let mut loader = None;
    let k = vm.new_str("__spec__");
    if let Some(spec) = crate::types::dict::get_item(vm, globals, &k)? {
        if !spec.is_none() {
            loader = getattr_opt(vm, &spec, "loader")?;
        }
    }
    if loader.as_ref().map_or(true, |l| l.is_none()) {
        let k = vm.new_str("__loader__");
        loader = crate::types::dict::get_item(vm, globals, &k)?;
    }
    let Some(loader) = loader.filter(|l| !l.is_none()) else {
        return Ok(None);
    };
    let k = vm.new_str("__name__");
    let Some(name) = crate::types::dict::get_item(vm, globals, &k)? else {
        return Ok(None);
    };
    let source = vm.call_method(&loader, "get_source", vec![name])?;
    if source.is_none() {
        return Ok(None);
    }
    let lines = vm.call_method(&source, "splitlines", vec![])?;
    let lines = vm.collect(&lines)?;
    match usize::try_from(lineno - 1).ok().and_then(|i| lines.get(i)) {
        Some(l) => Ok(Some(l.clone())),
        None => Err(vm.index_error("list index out of range")),
    }
}

/// `normalize_module`: a file name as a module name.
fn normalize_module(filename: &str) -> String {
    if filename.is_empty() {
        "<unknown>".into()
    } else {
        filename.strip_suffix(".py").unwrap_or(filename).into()
    }
}

fn is_dict(v: &Value) -> bool {
    v.as_obj()
        .is_some_and(|o| matches!(o.payload, Payload::Dict(_)))
}

/// `already_warned(registry, key, should_set)`: 1 when `key` is set in an up-to-date
/// registry; a stale registry (another filters version) is cleared first.
fn already_warned(vm: &mut Vm, registry: &PyRef, key: &Value, should_set: bool) -> PyResult<bool> {
    let version = vm.interp.import.warnings.filters_version;
    let vk = vm.new_str("version");
    let current = crate::types::dict::get_item(vm, registry, &vk)?;
    if matches!(current, Some(Value::Int(v)) if v == version) {
        if let Some(w) = crate::types::dict::get_item(vm, registry, key)? {
            if vm.truthy(&w)? {
                return Ok(true);
            }
        }
    } else {
        vm.call_method(&Value::Obj(registry.clone()), "clear", vec![])?;
        crate::types::dict::set_item(vm, registry, vk, Value::Int(version))?;
    }
    if should_set {
        crate::types::dict::set_item(vm, registry, key.clone(), Value::Bool(true))?;
    }
    Ok(false)
}

/// `check_matched(filter_part, arg)`.
fn check_matched(vm: &mut Vm, obj: &Value, arg: &Value) -> PyResult<bool> {
    if obj.is_none() {
        return Ok(true);
    }
    let exact_str = obj
        .as_obj()
        .is_some_and(|o| matches!(o.payload, Payload::Str(_)) && o.ty.is(&vm.types.str));
    if exact_str {
        return match (obj.as_str(), arg.as_str()) {
            (Some(a), Some(b)) => Ok(a.as_rust() == b.as_rust()),
            _ => {
                let (a, b) = (vm.type_name(obj), vm.type_name(arg));
                Err(vm.type_error(format!("Can't compare {a} and {b}")))
            }
        };
    }
    let r = vm.call_method(obj, "match", vec![arg.clone()])?;
    vm.truthy(&r)
}

/// `get_filter`: the action of the first matching filter (and the filter), else the
/// default action.
fn get_filter(
    vm: &mut Vm,
    category: &Value,
    text: &Value,
    lineno: i64,
    module: &Value,
) -> PyResult<(String, Value)> {
    ensure_state(vm);
    if let Some(f) = warnings_attr(vm, "filters", false)? {
        vm.interp.import.warnings.filters = Some(f);
    }
    let filters = vm
        .interp
        .import
        .warnings
        .filters
        .clone()
        .unwrap_or(Value::None);
    let Some(list) = filters
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::List(_)))
        .cloned()
    else {
        return Err(vm.value_error("_warnings.filters must be a list"));
    };
    let mut i = 0;
    loop {
        // The list may change while filters run Python code (`match`, `__subclasscheck__`).
        let item = match &list.payload {
            Payload::List(l) => l.borrow().get(i).cloned(),
            _ => None,
        };
        let Some(item) = item else { break };
        let parts = match item.as_tuple() {
            Some(t) if t.len() == 5 => t.to_vec(),
            _ => return Err(vm.value_error(format!("_warnings.filters item {i} isn't a 5-tuple"))),
        };
        let Some(action) = parts[0].as_str().map(|s| s.as_rust().into_owned()) else {
            let t = vm.type_name(&parts[0]);
            return Err(vm.type_error(format!("action must be a string, not '{t}'")));
        };
        let good_msg = check_matched(vm, &parts[1], text)?;
        let good_mod = check_matched(vm, &parts[3], module)?;
        let is_subclass = crate::builtins::attrs::subclass_check(vm, category, &parts[2])?;
        let ln = vm.index_value(&parts[4], "'{}' object cannot be interpreted as an integer")?;
        if good_msg && is_subclass && good_mod && (ln == 0 || lineno == ln) {
            return Ok((action, item));
        }
        i += 1;
    }
    if let Some(a) = warnings_attr(vm, "defaultaction", false)? {
        vm.interp.import.warnings.default_action = Some(a);
    }
    let a = vm
        .interp
        .import
        .warnings
        .default_action
        .clone()
        .unwrap_or(Value::None);
    match a.as_str() {
        Some(s) => Ok((s.as_rust().into_owned(), Value::None)),
        None => {
            let t = vm.type_name(&a);
            Err(vm.type_error(format!(
                "_warnings.defaultaction must be a string, not '{t}'"
            )))
        }
    }
}

/// `update_registry`: mark `(text, category)` in `registry`; true if it already was.
fn update_registry(
    vm: &mut Vm,
    registry: &PyRef,
    text: &Value,
    category: &Value,
) -> PyResult<bool> {
    let altkey = vm.new_tuple(vec![text.clone(), category.clone()]);
    already_warned(vm, registry, &altkey, true)
}

/// `warn_explicit` of `_warnings.c`.
#[allow(clippy::too_many_arguments)]
fn warn_explicit_impl(
    vm: &mut Vm,
    category: Value,
    message: Value,
    filename: Value,
    lineno: i64,
    module: Option<Value>,
    registry: Option<Value>,
    sourceline: Option<Value>,
    source: Option<Value>,
) -> PyResult<Value> {
    let registry = registry.filter(|r| !r.is_none());
    if let Some(r) = &registry {
        if !is_dict(r) {
            return Err(vm.type_error("'registry' must be a dict or None"));
        }
    }
    let registry = registry.and_then(|r| r.as_obj().cloned());
    let fname = filename
        .as_str()
        .map(|s| s.as_rust().into_owned())
        .unwrap_or_default();
    let module = match module {
        Some(m) => m,
        None => vm.new_str(&normalize_module(&fname)),
    };
    let warning = Value::Obj(vm.types.warning.clone());
    let (text, category, message) =
        if crate::builtins::attrs::instance_check(vm, &message, &warning)? {
            let s = vm.str_string(&message)?;
            let t = vm.new_str(&s);
            let c = Value::Obj(vm.type_of(&message).clone());
            (t, c, message)
        } else {
            let m = vm.call(&category, vec![message.clone()])?;
            (message, category, m)
        };
    let key = vm.new_tuple(vec![text.clone(), category.clone(), Value::Int(lineno)]);
    if let Some(r) = &registry {
        if already_warned(vm, r, &key, false)? {
            return Ok(Value::None);
        }
    }
    let (action, item) = get_filter(vm, &category, &text, lineno, &module)?;
    if action == "error" {
        return Err(match message {
            Value::Obj(o) => PyErr(o),
            _ => vm.system_error("warning message is not an exception"),
        });
    }
    if action == "ignore" {
        return Ok(Value::None);
    }
    let mut already = false;
    if action != "always" {
        if let Some(r) = &registry {
            crate::types::dict::set_item(vm, r, key, Value::Bool(true))?;
        }
        match action.as_str() {
            "once" => {
                let reg = match &registry {
                    Some(r) => r.clone(),
                    None => {
                        ensure_state(vm);
                        if let Some(o) = warnings_attr(vm, "onceregistry", false)? {
                            vm.interp.import.warnings.once_registry = Some(o);
                        }
                        let o = vm.interp.import.warnings.once_registry.clone();
                        match o.filter(is_dict) {
                            Some(Value::Obj(o)) => o,
                            Some(_) | None => {
                                return Err(vm.type_error("_warnings.onceregistry must be a dict"))
                            }
                        }
                    }
                };
                already = update_registry(vm, &reg, &text, &category)?;
            }
            "module" => {
                if let Some(r) = &registry {
                    already = update_registry(vm, r, &text, &category)?;
                }
            }
            "default" => {}
            _ => {
                let a = vm.new_str(&action);
                let ar = vm.repr(&a)?;
                let ir = vm.repr(&item)?;
                return Err(vm.runtime_error(format!(
                    "Unrecognized action ({ar}) in warnings.filters:\n {ir}"
                )));
            }
        }
    }
    if !already {
        call_show_warning(
            vm, &category, &text, &message, &filename, lineno, sourceline, source,
        )?;
    }
    Ok(Value::None)
}

/// `call_show_warning`: `warnings._showwarnmsg(warnings.WarningMessage(...))` when the
/// `warnings` module is there (imported for a `source`), else [`show_warning`].
#[allow(clippy::too_many_arguments)]
fn call_show_warning(
    vm: &mut Vm,
    category: &Value,
    text: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    sourceline: Option<Value>,
    source: Option<Value>,
) -> PyResult<()> {
    let Some(show) = warnings_attr(vm, "_showwarnmsg", source.is_some())? else {
        return show_warning(vm, filename, lineno, text, category, sourceline);
    };
    let callable = crate::builtins::attrs::callable(vm, Args::positional(vec![show.clone()]))?;
    if !matches!(callable, Value::Bool(true)) {
        return Err(vm.type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let Some(cls) = warnings_attr(vm, "WarningMessage", false)? else {
        return Err(vm.runtime_error("unable to get warnings.WarningMessage"));
    };
    let msg = vm.call(
        &cls,
        vec![
            message.clone(),
            category.clone(),
            filename.clone(),
            Value::Int(lineno),
            Value::None,
            Value::None,
            source.unwrap_or(Value::None),
        ],
    )?;
    vm.call(&show, vec![msg])?;
    Ok(())
}

/// `show_warning`: `FILE:LINE: CATEGORY: TEXT` and the source line on `sys.stderr`.
fn show_warning(
    vm: &mut Vm,
    filename: &Value,
    lineno: i64,
    text: &Value,
    category: &Value,
    sourceline: Option<Value>,
) -> PyResult<()> {
    let name = match getattr_opt(vm, category, "__name__")? {
        Some(n) => vm.str_string(&n)?,
        None => "<unknown>".into(),
    };
    let fname = vm.str_string(filename)?;
    let text = vm.str_string(text)?;
    let mut out = format!("{fname}:{lineno}: {name}: {text}\n");
    // A given source line is written stripped; one read from the file is indented by
    // two (`_Py_DisplaySourceLine(f, filename, lineno, 2)`).
    let line = match sourceline {
        Some(l) => Some((String::new(), vm.str_string(&l)?)),
        None => std::fs::read(&fname).ok().and_then(|b| {
            let s = String::from_utf8_lossy(&b).into_owned();
            usize::try_from(lineno - 1)
                .ok()
                .and_then(|i| s.lines().nth(i).map(|l| ("  ".to_string(), l.to_string())))
        }),
    };
    if let Some((indent, l)) = line {
        out.push_str(&indent);
        out.push_str(l.trim_start_matches([' ', '\t', '\x0c']));
        out.push('\n');
    }
    let Some(err) = sys_attr(vm, "stderr").filter(|e| !e.is_none()) else {
        eprint!("{out}");
        return Ok(());
    };
    let s = vm.new_str(&out);
    vm.call_method(&err, "write", vec![s])?;
    Ok(())
}
