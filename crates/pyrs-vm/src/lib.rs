//! pyrs-vm: the virtual machine — objects and types, the CPython 3.11 eval loop, builtins
//! (CPython: `Objects/`, `Python/ceval.c`, `Python/bltinmodule.c`). The design (value
//! representation, ownership, where `unsafe` lives, frames, calls, unwinding) is written
//! down in `docs/internals/vm.md`.
//!
//! ```no_run
//! let pyc = std::fs::read("hello.pyc").unwrap();
//! let status = pyrs_vm::run_pyc(&pyc, "hello.pyc", &["hello.pyc".into()]);
//! std::process::exit(status);
//! ```
//!
//! Entry points: [`run_pyc`], [`run_code`], [`vm::Vm`].

pub mod builtins;
pub mod code;
pub mod eval;
pub mod finalize;
pub mod frame;
pub mod hash;
pub mod import;
pub mod modules;
pub mod object;
pub mod report;
pub mod signals;
pub mod types;
pub mod vm;

pub use object::{PyRef, Value};
pub use vm::{PyErr, PyResult, Vm};

use object::Payload;
use std::io::Write;

/// Run a .pyc file's bytes as the `__main__` module, as `python3 FILE.pyc` does. Output
/// goes to the process's stdout/stderr; the result is the exit status.
pub fn run_pyc(data: &[u8], path: &str, argv: &[String]) -> i32 {
    let (_, code) = match pyrs_marshal::pyc::read_pyc(data) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "RuntimeError: Bad code object in .pyc file ({})",
                e.0
            );
            let _ = path;
            return 1;
        }
    };
    run_code(&code, argv)
}

/// Run a code object as `__main__` on a thread with a large stack; the exit status.
pub fn run_code(code: &pyrs_bytecode::CodeObject, argv: &[String]) -> i32 {
    run_code_with(code, argv, RunOptions::default())
}

/// How the `pyrs` binary sets up the interpreter for a run.
#[derive(Default)]
pub struct RunOptions {
    /// `sys.path` (for `pyrs FILE`: the script's directory first).
    pub path: Vec<String>,
    /// The main module's `__file__` (None: not set, as for `-c`).
    pub main_file: Option<String>,
    /// `-B` / `PYTHONDONTWRITEBYTECODE`: the initial `sys.dont_write_bytecode`.
    pub dont_write_bytecode: bool,
    /// Compiles the source of imported modules.
    pub compile: Option<import::CompileHook>,
}

/// [`run_code`] with the import system configured.
pub fn run_code_with(code: &pyrs_bytecode::CodeObject, argv: &[String], opts: RunOptions) -> i32 {
    let code = code.clone();
    let argv = argv.to_vec();
    let t = std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || run_main(&code, &argv, opts));
    match t.map(|h| h.join()) {
        Ok(Ok(status)) => {
            signals::exit_if_interrupted();
            status
        }
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "Fatal Python error: the pyrs VM failed (internal error)"
            );
            70
        }
    }
}

fn run_main(code: &pyrs_bytecode::CodeObject, argv: &[String], opts: RunOptions) -> i32 {
    let mut vm = Vm::new();
    signals::install(&mut vm);
    builtins::sys::set_argv(&mut vm, argv);
    let code_obj = code::make_code(&mut vm, code);
    let globals = vm.new_dict_ref();
    let set = |vm: &mut Vm, k: &str, v: Value| {
        let n = vm.intern(k);
        types::dict::dict_set_str(vm, &globals, &n, v);
    };
    let main = vm.new_str("__main__");
    set(&mut vm, "__name__", main);
    set(&mut vm, "__doc__", Value::None);
    set(&mut vm, "__package__", Value::None);
    set(&mut vm, "__loader__", Value::None);
    set(&mut vm, "__spec__", Value::None);
    let b = Value::Obj(vm.builtins.clone());
    set(&mut vm, "__builtins__", b);
    if let Some(f) = &opts.main_file {
        let f = vm.new_str(f);
        set(&mut vm, "__file__", f);
        set(&mut vm, "__cached__", Value::None);
    }
    import::setup(
        &mut vm,
        &globals,
        &opts.path,
        opts.dont_write_bytecode,
        opts.compile,
    );
    let r = eval::call::run_module_code(&mut vm, &code_obj, &globals);
    builtins::print::flush_io(&mut vm);
    let status = match r {
        Ok(_) => 0,
        Err(e) => handle_uncaught(&mut vm, e),
    };
    let status = if builtins::print::flush_std_files(&mut vm) {
        status
    } else {
        120
    };
    // Drop module state before the VM (deterministic finalization order).
    if let Some(d) = types::dict::dict_data(&globals) {
        let old = d.borrow_mut().clear();
        drop(old);
    }
    builtins::print::final_flush(&mut vm);
    status
}

/// SystemExit's status, or print the traceback and return 1.
pub(crate) fn handle_uncaught(vm: &mut Vm, e: PyErr) -> i32 {
    if vm.err_matches(&e, &vm.types.system_exit.clone()) {
        let args = types::exceptions::exc_args(&e.0);
        let code = match args.len() {
            0 => Value::None,
            1 => args[0].clone(),
            _ => vm.new_tuple(args),
        };
        return match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                let s = vm.str_string(&other).unwrap_or_default();
                write_stderr(vm, &format!("{s}\n"));
                1
            }
        };
    }
    display_uncaught(vm, &e);
    let _ = Payload::Plain;
    if vm.err_matches(&e, &vm.types.keyboard_interrupt.clone()) {
        // The process dies by SIGINT once the interpreter is finished (`signals.rs`);
        // 130 (128 + SIGINT) is the status if it cannot.
        signals::note_unhandled();
        return 130;
    }
    1
}

/// The report of an uncaught exception (`_PyErr_PrintEx`): `sys.excepthook(type,
/// value, traceback)`; when the hook raises, "Error in sys.excepthook:" with that error,
/// then "Original exception was:" with the first; "sys.excepthook is missing" without
/// one.
fn display_uncaught(vm: &mut Vm, e: &PyErr) {
    let value = Value::Obj(e.0.clone());
    // `set_sys_last_vars`: what post-mortem tools (and atexit callbacks) read.
    {
        let ty = Value::Obj(vm.type_of(&value).clone());
        let tb = modules::native_type::getattr(vm, &value, "__traceback__").unwrap_or(Value::None);
        import::set_sys_attr(vm, "last_type", ty);
        import::set_sys_attr(vm, "last_value", value.clone());
        import::set_sys_attr(vm, "last_traceback", tb);
    }
    let hook = import::sys_attr(vm, "excepthook").filter(|h| !matches!(h, Value::None));
    let Some(hook) = hook else {
        write_stderr(vm, "sys.excepthook is missing\n");
        let text = report::format_exception(vm, &e.0);
        write_stderr(vm, &text);
        return;
    };
    let ty = Value::Obj(vm.type_of(&value).clone());
    let tb = modules::native_type::getattr(vm, &value, "__traceback__").unwrap_or(Value::None);
    if let Err(e2) = vm.call(&hook, vec![ty, value, tb]) {
        write_stderr(vm, "Error in sys.excepthook:\n");
        let text = report::format_exception(vm, &e2.0);
        write_stderr(vm, &text);
        write_stderr(vm, "\nOriginal exception was:\n");
        let text = report::format_exception(vm, &e.0);
        write_stderr(vm, &text);
    }
}

/// Text for the user on `sys.stderr` (then flushed), as `PyErr_Display` and
/// `_Py_HandleSystemExit` write it; the process's stderr when `sys.stderr` is None or
/// gone, or raises.
fn write_stderr(vm: &mut Vm, text: &str) {
    if let Some(err) = import::sys_attr(vm, "stderr").filter(|e| !matches!(e, Value::None)) {
        if builtins::print::write_to(vm, &err, text).is_ok()
            && vm.call_method(&err, "flush", vec![]).is_ok()
        {
            return;
        }
    }
    let _ = std::io::stderr().write_all(text.as_bytes());
}

#[cfg(test)]
mod tests;
