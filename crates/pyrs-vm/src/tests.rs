//! Unit tests of the VM core (the differential tests are `tests/vm/*.py`).

use crate::object::Value;
use crate::vm::Vm;

#[test]
fn value_is_two_words() {
    assert_eq!(std::mem::size_of::<Value>(), 16);
    assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
}

#[test]
fn short_strs_keep_str_at_four_words() {
    // `types/str.rs`: the inline (short) storage must not make `PyStr`, and so every
    // object's payload, larger than the boxed forms.
    assert_eq!(std::mem::size_of::<crate::types::str::PyStr>(), 32);
}

#[test]
fn str_hash_matches_cpython_with_seed_zero() {
    // python3: PYTHONHASHSEED=0 python3 -c 'print(hash("hello"), hash("héllo"))'
    let s = crate::hash::HashSecret { k0: 0, k1: 0 };
    let h = crate::types::str::PyStr::from_str("hello").hash(&s);
    let expected = std::process::Command::new("python3")
        .args(["-c", "print(hash('hello'))"])
        .env("PYTHONHASHSEED", "0")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|t| t.trim().parse::<i64>().ok());
    if let Some(e) = expected {
        assert_eq!(h, e);
    }
}

#[test]
fn deep_structures_free_without_overflow() {
    let vm = Vm::new();
    let mut v = vm.new_list(vec![]);
    for _ in 0..200_000 {
        v = vm.new_list(vec![v]);
    }
    drop(v); // the trashcan bounds the recursion of Drop
}

#[test]
fn refcount_frees_at_last_reference() {
    let vm = Vm::new();
    let l = vm.new_list(vec![Value::Int(1)]);
    let r = l.as_obj().map(|o| o.refcount());
    assert_eq!(r, Some(1));
    let l2 = l.clone();
    assert_eq!(l2.as_obj().map(|o| o.refcount()), Some(2));
}

/// Run raw code units as a module; the error's type name and message, if it raised.
fn run_units(code: Vec<u8>, consts: Vec<pyrs_bytecode::Constant>) -> Option<(String, String)> {
    use pyrs_bytecode::{CodeObject, PyStrValue};
    let co = CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 4,
        flags: 0,
        code,
        consts,
        names: vec![],
        localsplusnames: vec![],
        localspluskinds: vec![],
        filename: PyStrValue::new("<test>"),
        name: PyStrValue::new("<module>"),
        qualname: PyStrValue::new("<module>"),
        firstlineno: 1,
        linetable: vec![],
        exceptiontable: vec![],
    };
    let mut vm = Vm::new();
    let code = crate::code::make_code(&mut vm, &co);
    let globals = vm.new_dict_ref();
    match crate::eval::call::run_module_code(&mut vm, &code, &globals) {
        Ok(_) => None,
        Err(e) => {
            let name = crate::object::typeobj::tdata(&e.0.ty).name();
            let msg = vm.str_string(&Value::Obj(e.0.clone())).unwrap_or_default();
            Some((name, msg))
        }
    }
}

#[test]
fn unknown_opcode_is_a_system_error() {
    // 0xEE is not a 3.11 opcode.
    let r = run_units(vec![151, 0, 0xEE, 0, 83, 0], vec![]);
    let (name, msg) = r.expect("must raise");
    assert_eq!(name, "SystemError");
    assert!(msg.contains("unknown opcode 238"), "{msg}");
}

#[test]
fn hostile_code_raises_instead_of_panicking() {
    use pyrs_bytecode::Constant;
    // Runs off the end (no RETURN_VALUE).
    let r = run_units(vec![151, 0, 100, 0, 1, 0], vec![Constant::None]);
    assert_eq!(r.map(|x| x.0).as_deref(), Some("SystemError"));
    // LOAD_CONST out of range.
    let r = run_units(vec![100, 9, 83, 0], vec![]);
    assert_eq!(r.map(|x| x.0).as_deref(), Some("SystemError"));
    // Pops from an empty stack, jumps far away: an error, not a crash.
    let r = run_units(vec![1, 0, 1, 0, 110, 200], vec![]);
    assert!(r.is_some());
    // EXTENDED_ARG at the very end.
    let r = run_units(vec![144, 1], vec![]);
    assert_eq!(r.map(|x| x.0).as_deref(), Some("SystemError"));
}
