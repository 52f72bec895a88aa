//! Unit tests of the VM core (the differential tests are `tests/vm/*.py`).

use crate::eval::opcodes;
use crate::object::Value;
use crate::vm::Vm;

#[test]
fn opcode_constants_match_the_table() {
    for (name, num) in opcodes::ALL {
        assert_eq!(pyrs_bytecode::opcode::by_name(name), Some(*num), "{name}");
    }
}

#[test]
fn value_is_two_words() {
    assert_eq!(std::mem::size_of::<Value>(), 16);
    assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
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
