//! `sys.audit` and `sys.addaudithook` (PEP 578; CPython: `Python/sysmodule.c`'s
//! `sys_audit`, `PySys_AddAuditHook`). The hooks are interpreter-wide
//! (`Interpreter::audit_hooks`); with none installed `audit` does nothing, checking not
//! even its event, as CPython's early return does. pyrs's own operations raise no audit
//! events yet; the library's `sys.audit(...)` calls (`os.walk`, `open`...) reach the hooks.

use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// `sys.audit(event, *args)`: each hook is called as `hook(event, args)`.
pub fn audit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("sys.audit() takes no keyword arguments"));
    }
    let mut pos = args.pos.into_iter();
    let Some(event) = pos.next() else {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    };
    if vm.interp.audit_hooks.is_empty() {
        return Ok(Value::None);
    }
    if !matches!(event.payload(), Some(Payload::Str(_))) {
        let t = vm.type_name(&event);
        return Err(vm.type_error(format!("expected str for argument 'event', not {t}")));
    }
    let rest = vm.new_tuple(pos.collect());
    run_hooks(vm, event, rest)?;
    Ok(Value::None)
}

/// `PySys_Audit(event, args...)`: an event pyrs itself raises (`builtins.breakpoint`).
pub fn audit_event(vm: &mut Vm, event: &str, args: Vec<Value>) -> PyResult<()> {
    if vm.interp.audit_hooks.is_empty() {
        return Ok(());
    }
    let e = vm.new_str(event);
    let a = vm.new_tuple(args);
    run_hooks(vm, e, a)
}

fn run_hooks(vm: &mut Vm, event: Value, args: Value) -> PyResult<()> {
    let hooks = vm.interp.audit_hooks.clone();
    for h in hooks {
        vm.call(&h, vec![event.clone(), args.clone()])?;
    }
    Ok(())
}

/// `sys.addaudithook(hook)`: the hooks already installed see `sys.addaudithook` first;
/// one raising a RuntimeError (or subclass) vetoes the new hook silently.
pub fn addaudithook(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let hook = args.take_kw("hook");
    if !args.kw.is_empty() {
        let k = crate::object::attr::name_of(&args.kw[0].0);
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for addaudithook()"
        )));
    }
    let hook = match (hook, args.pos.len()) {
        (Some(h), 0) => h,
        (None, 1) => args.pos.remove(0),
        (None, 0) => {
            return Err(vm.type_error("addaudithook() missing required argument 'hook' (pos 1)"))
        }
        (_, n) => {
            return Err(vm.type_error(format!(
                "addaudithook() takes at most 1 argument ({} given)",
                n + 1
            )))
        }
    };
    let event = vm.new_str("sys.addaudithook");
    let empty = vm.new_tuple(vec![]);
    if let Err(e) = run_hooks(vm, event, empty) {
        let rt = vm.types.runtime_error.clone();
        if vm.err_matches(&e, &rt) {
            return Ok(Value::None);
        }
        return Err(e);
    }
    vm.interp.audit_hooks.push(hook);
    Ok(Value::None)
}
