//! Exceptions that cannot be raised (a finalizer's, a weakref callback's): CPython's
//! `PyErr_WriteUnraisable` and `sys.unraisablehook` (`Python/errors.c`).
//!
//! [`write_unraisable`] packs the exception into an `UnraisableHookArgs` struct sequence
//! (exc_type, exc_value, exc_traceback, err_msg, object) and calls `sys.unraisablehook`
//! with it; when sys has no hook (or None) the default hook runs; when the hook raises,
//! the default hook reports that error as "Exception ignored in sys.unraisablehook".
//! The default hook (`sys.__unraisablehook__`) writes to `sys.stderr` (nothing when it is
//! None): "Exception ignored in: <repr of object>", the traceback entries, then
//! "module.Type: str(value)", without chained exceptions or notes (as CPython's
//! `write_unraisable_exc_file`).

use crate::object::typeobj::tdata;
use crate::object::{PyRef, Value};
use crate::types::exceptions::exc_data;
use crate::types::function::Args;
use crate::vm::{PyErr, PyResult, Vm};

/// The `UnraisableHookArgs` type (made by `builtins::sys::install`).
pub fn make_type(vm: &mut Vm) -> PyRef {
    crate::types::structseq::make_type(
        vm,
        "UnraisableHookArgs",
        &[
            "exc_type",
            "exc_value",
            "exc_traceback",
            "err_msg",
            "object",
        ],
    )
}

/// The fields the hook receives.
struct HookArgs {
    exc_type: Value,
    exc_value: Value,
    exc_traceback: Value,
    err_msg: Value,
    object: Value,
}

fn hook_args_of(vm: &mut Vm, e: &PyErr, err_msg: Option<&str>, obj: Option<Value>) -> HookArgs {
    let tb = exc_data(&e.0).and_then(|d| d.traceback(vm));
    HookArgs {
        exc_type: Value::Obj(e.0.ty.clone()),
        exc_value: Value::Obj(e.0.clone()),
        exc_traceback: tb.unwrap_or(Value::None),
        err_msg: err_msg.map_or(Value::None, |m| vm.new_str(m)),
        object: obj.unwrap_or(Value::None),
    }
}

/// `_PyErr_WriteUnraisableMsg`: hand `e` to `sys.unraisablehook`. Never raises.
pub fn write_unraisable(vm: &mut Vm, e: &PyErr, err_msg: Option<&str>, obj: Option<Value>) {
    let a = hook_args_of(vm, e, err_msg, obj);
    let hook = crate::import::sys_attr(vm, "unraisablehook");
    let hook = match hook {
        None | Some(Value::None) => {
            let _ = default_hook(vm, &a);
            return;
        }
        Some(h) => h,
    };
    let ty = vm.types.unraisable_hook_args.clone();
    let packed = crate::types::structseq::new(
        vm,
        &ty,
        vec![
            a.exc_type,
            a.exc_value,
            a.exc_traceback,
            a.err_msg,
            a.object,
        ],
    );
    if let Err(e2) = vm.call(&hook, vec![packed]) {
        let b = hook_args_of(
            vm,
            &e2,
            Some("Exception ignored in sys.unraisablehook"),
            Some(hook),
        );
        let _ = default_hook(vm, &b);
    }
}

/// `sys.__unraisablehook__(unraisable)`.
pub fn unraisablehook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "unraisablehook")?;
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return Err(vm.type_error(format!(
            "sys.unraisablehook() takes exactly one argument ({n} given)"
        )));
    }
    let v = &args.pos[0];
    let ty = vm.types.unraisable_hook_args.clone();
    let items = match v.as_obj() {
        Some(o) if o.ty.is(&ty) => v.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        _ => {
            return Err(vm.type_error("sys.unraisablehook argument type must be UnraisableHookArgs"))
        }
    };
    let mut it = items.into_iter();
    let mut next = || it.next().unwrap_or(Value::None);
    let a = HookArgs {
        exc_type: next(),
        exc_value: next(),
        exc_traceback: next(),
        err_msg: next(),
        object: next(),
    };
    default_hook(vm, &a)?;
    Ok(Value::None)
}

/// `write_unraisable_exc_file` to `sys.stderr`, then its `flush()`.
fn default_hook(vm: &mut Vm, a: &HookArgs) -> PyResult<()> {
    let file = crate::import::sys_attr(vm, "stderr");
    let Some(file) = file.filter(|f| !matches!(f, Value::None)) else {
        return Ok(());
    };
    let text = report_text(vm, a);
    crate::builtins::print::write_to(vm, &file, &text)?;
    vm.call_method(&file, "flush", vec![])?;
    Ok(())
}

fn report_text(vm: &mut Vm, a: &HookArgs) -> String {
    let mut out = String::new();
    let err_msg = match &a.err_msg {
        Value::None => None,
        m => Some(vm.str_string(m).unwrap_or_default()),
    };
    if !matches!(a.object, Value::None) {
        out.push_str(err_msg.as_deref().unwrap_or("Exception ignored in"));
        out.push_str(": ");
        match vm.repr(&a.object) {
            Ok(r) => out.push_str(&r),
            Err(_) => out.push_str("<object repr() failed>"),
        }
        out.push('\n');
    } else if let Some(m) = &err_msg {
        out.push_str(m);
        out.push_str(":\n");
    }
    if !matches!(a.exc_traceback, Value::None) {
        out.push_str(&super::format_traceback(&a.exc_traceback));
    }
    let Some(t) = a
        .exc_type
        .as_obj()
        .filter(|_| a.exc_type.as_type().is_some())
    else {
        return out;
    };
    let t = t.clone();
    let module = {
        let n = vm.intern("__module__");
        crate::object::attr::getattr(vm, &Value::Obj(t.clone()), &n).ok()
    };
    match module
        .as_ref()
        .and_then(|m| m.as_str())
        .map(|s| s.as_rust().into_owned())
    {
        Some(m) if m == "builtins" || m == "__main__" => {}
        Some(m) => {
            out.push_str(&m);
            out.push('.');
        }
        None => out.push_str("<unknown>"),
    }
    out.push_str(&tdata(&t).qualname.borrow());
    if !matches!(a.exc_value, Value::None) {
        out.push_str(": ");
        match vm.str_string(&a.exc_value) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("<exception str() failed>"),
        }
    }
    out.push('\n');
    out
}
