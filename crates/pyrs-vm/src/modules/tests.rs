//! Tests of the native-module table.

use super::*;

#[test]
fn builtin_module_names_sorted_and_complete() {
    let names = builtin_module_names();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    for n in ["_imp", "_warnings", "builtins", "sys"] {
        assert!(names.contains(&n), "{n} missing");
    }
}

#[test]
fn is_builtin_as_imp_answers() {
    assert_eq!(is_builtin("sys"), -1);
    assert_eq!(is_builtin("builtins"), -1);
    assert_eq!(is_builtin("_imp"), 1);
    assert_eq!(is_builtin("_warnings"), 1);
    assert_eq!(is_builtin("os"), 0);
}

#[test]
fn inittab_sorted() {
    let names: Vec<&str> = INITTAB.iter().map(|(n, _)| *n).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
}

/// `_thread`: a blocking acquire without timeout of a held lock, which would hang
/// forever in a one-thread process (CPython hangs), raises RuntimeError; a timed one
/// returns False; neither is a differential test (python3 would hang on the first).
#[test]
fn thread_lock_deadlock_raises_instead_of_hanging() {
    let mut vm = crate::vm::Vm::new();
    let Ok(m) = _thread::init(&mut vm) else {
        panic!("_thread init failed")
    };
    let m = Value::Obj(m);
    let Ok(alloc) = native_type::getattr(&mut vm, &m, "allocate_lock") else {
        panic!("no allocate_lock")
    };
    let Ok(lock) = vm.call(&alloc, vec![]) else {
        panic!("allocate_lock failed")
    };
    let Ok(acquire) = native_type::getattr(&mut vm, &lock, "acquire") else {
        panic!("no acquire")
    };
    assert!(matches!(vm.call(&acquire, vec![]), Ok(Value::Bool(true))));
    let timed = vm.call(&acquire, vec![Value::Bool(true), Value::Float(0.01)]);
    assert!(matches!(timed, Ok(Value::Bool(false))));
    let Err(err) = vm.call(&acquire, vec![]) else {
        panic!("deadlock must raise")
    };
    let rt = vm.types.runtime_error.clone();
    assert!(vm.err_matches(&err, &rt));
    let msg = vm
        .str_string(&Value::Obj(err.0.clone()))
        .unwrap_or_default();
    assert!(msg.starts_with("deadlock:"), "{msg}");
}
