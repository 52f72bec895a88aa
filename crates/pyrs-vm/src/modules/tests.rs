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
