//! The `sys` module essentials (CPython: `Python/sysmodule.c`).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{new_builtin, Args};
use crate::vm::{PyResult, Vm};

fn set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
    let n = vm.intern(name);
    crate::types::dict::dict_set_str(vm, d, &n, v);
}

pub fn install(vm: &mut Vm) {
    let d = vm.sys_dict.clone();
    let (out, err) = crate::builtins::print::make_streams(vm);
    vm.stdout = Some(out.clone());
    vm.stderr = Some(err.clone());
    set(vm, &d, "stdout", Value::Obj(out.clone()));
    set(vm, &d, "stderr", Value::Obj(err.clone()));
    set(vm, &d, "__stdout__", Value::Obj(out));
    set(vm, &d, "__stderr__", Value::Obj(err));
    let name = vm.new_str("sys");
    set(vm, &d, "__name__", name);
    let ver = vm.new_str("3.11.7 (pyrs)");
    set(vm, &d, "version", ver);
    let vi = vm.new_tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        vm.new_str("final"),
        Value::Int(0),
    ]);
    set(vm, &d, "version_info", vi);
    set(vm, &d, "maxsize", Value::Int(i64::MAX));
    let bo = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    });
    set(vm, &d, "byteorder", bo);
    let pl = vm.new_str(std::env::consts::OS);
    set(vm, &d, "platform", pl);
    let modules = Value::Obj(vm.new_dict_ref());
    set(vm, &d, "modules", modules);
    let path = vm.new_list(vec![]);
    set(vm, &d, "path", path);
    for (n, f) in [
        (
            "getrecursionlimit",
            getrecursionlimit as crate::types::function::NativeFn,
        ),
        ("setrecursionlimit", setrecursionlimit),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("exit", exit),
        ("exc_info", exc_info),
        ("intern", intern),
    ] {
        let b = new_builtin(vm, n, f);
        set(vm, &d, n, b);
    }
    let ty = vm.types.module.clone();
    let m = vm.alloc(&ty, Payload::Module(d));
    vm.sys_module = Some(m);
}

/// Set `sys.argv`.
pub fn set_argv(vm: &mut Vm, argv: &[String]) {
    let items = argv.iter().map(|a| vm.new_str(a)).collect();
    let l = vm.new_list(items);
    let d = vm.sys_dict.clone();
    set(vm, &d, "argv", l);
}

fn get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_int_max_str_digits", 0, 0)?;
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(v) = args.take_kw("maxdigits") {
        args.pos.push(v);
    }
    args.check(vm, "set_int_max_str_digits", 1, 1)?;
    let n = vm.index_value(
        &args.pos[0],
        "'{}' object cannot be interpreted as an integer",
    )?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.index_value(
        &args.pos[0],
        "'{}' object cannot be interpreted as an integer",
    )?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.thread.depth {
        let t = vm.types.recursion_error.clone();
        return Err(vm.new_error(
            &t,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                vm.thread.depth
            ),
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exit", 0, 1)?;
    let t = vm.types.system_exit.clone();
    Err(crate::vm::PyErr(crate::types::exceptions::new_exception(
        vm, &t, args.pos,
    )))
}

fn exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match vm.thread.exc_info.clone() {
        Some(e) => {
            let t = Value::Obj(vm.type_of(&e).clone());
            let tb = e
                .as_obj()
                .and_then(crate::types::exceptions::exc_data)
                .and_then(|d| d.traceback.borrow().clone())
                .unwrap_or(Value::None);
            Ok(vm.new_tuple(vec![t, e, tb]))
        }
        None => Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "intern", 1, 1)?;
    match args.pos[0].as_str() {
        Some(s) => {
            let t = s.as_rust().into_owned();
            Ok(Value::Obj(vm.intern(&t)))
        }
        None => Err(vm.type_error("intern() argument must be str")),
    }
}
