//! SIGINT → `KeyboardInterrupt` (CPython: `Modules/signalmodule.c` `signal_handler`,
//! `PyErr_CheckSignals`, the eval breaker of `Python/ceval.c`, `exit_sigint` of
//! `Modules/main.c`).
//!
//! The OS handler (installed through the `signal-hook` crate, which owns the `unsafe`
//! of `sigaction`) only sets `Interpreter::eval_breaker`, an atomic flag. The eval loop
//! tests it where CPython 3.11 checks its eval breaker — backward jumps and the RESUME
//! at the start of a function — and [`check`] then raises `KeyboardInterrupt` in the
//! running Python code. An uncaught `KeyboardInterrupt` prints its traceback, and after
//! the interpreter has finished the process kills itself with SIGINT (exit status
//! 128 + 2 in a shell), as CPython does.
//!
//! Invariants: the handler is installed only when SIGINT's disposition at startup is the
//! default (CPython leaves an inherited SIG_IGN alone, so background jobs of a shell keep
//! ignoring Ctrl-C). `UNHANDLED` is process-wide, like the signal itself.

use crate::vm::{PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const SIGINT: i32 = 2;

/// An uncaught KeyboardInterrupt ended the main module (CPython's
/// `_PyRuntime.signals.unhandled_keyboard_interrupt`).
static UNHANDLED: AtomicBool = AtomicBool::new(false);

/// Whether SIGINT is ignored by this process now (inherited SIG_IGN). Read from
/// `/proc/self/status` (`SigIgn` is a hex mask, bit N-1 for signal N), which needs no
/// `unsafe`; where it is unavailable the signal is taken as not ignored.
fn sigint_ignored() -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|m| u64::from_str_radix(m.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (SIGINT - 1)) != 0)
}

/// Install the SIGINT handler for this interpreter (the `pyrs` command's runs do; an
/// embedded `Vm` leaves the process's signals alone).
pub fn install(vm: &mut Vm) {
    if sigint_ignored() {
        return;
    }
    let flag: Arc<AtomicBool> = vm.interp.eval_breaker.clone();
    // Registration fails only for forbidden signals (SIGKILL/SIGSTOP); then Ctrl-C keeps
    // its default action, which still stops the program.
    let _ = signal_hook::flag::register(SIGINT, flag);
}

/// The eval breaker was set: clear it and raise KeyboardInterrupt.
#[cold]
#[inline(never)]
pub fn check(vm: &mut Vm) -> PyResult<()> {
    if !vm.interp.eval_breaker.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let t = vm.types.keyboard_interrupt.clone();
    Err(crate::vm::PyErr(crate::types::exceptions::new_exception(
        vm,
        &t,
        vec![],
    )))
}

/// Note an uncaught KeyboardInterrupt (its traceback is printed as for any exception).
pub fn note_unhandled() {
    UNHANDLED.store(true, Ordering::SeqCst);
}

/// After the interpreter finished: if a KeyboardInterrupt went uncaught, die by SIGINT
/// as CPython's `exit_sigint` does (the default action; the parent sees a signal death).
pub fn exit_if_interrupted() {
    if UNHANDLED.load(Ordering::SeqCst) {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
    }
}
