//! Unit tests of `posix`'s pure helpers; its behaviour is tested against python3 by
//! tests/vm's `os_*.py` programs.

use super::process::count_cpu_list;
use super::scandir::join;

#[test]
fn cpu_lists() {
    assert_eq!(count_cpu_list("0-3\n"), Some(4));
    assert_eq!(count_cpu_list("0,2-5,7"), Some(6));
    assert_eq!(count_cpu_list("0"), Some(1));
    assert_eq!(count_cpu_list(""), None);
    assert_eq!(count_cpu_list("x-1"), None);
}

#[test]
fn entry_paths() {
    assert_eq!(join(b".", b"a"), b"./a");
    assert_eq!(join(b"/", b"a"), b"/a");
    assert_eq!(join(b"d/", b"a"), b"d/a");
    assert_eq!(join(b"", b"a"), b"a");
}

#[test]
fn normpath_cases() {
    let n = |s: &str| {
        let v: Vec<u32> = s.chars().map(|c| c as u32).collect();
        super::normpath::normpath(&v)
            .into_iter()
            .map(|c| char::from_u32(c).unwrap_or('?'))
            .collect::<String>()
    };
    // Expected values are python3's posix._path_normpath.
    for (i, o) in [
        ("", ""),
        ("/", "/"),
        ("//", "//"),
        ("///", "/"),
        ("////a", "/a"),
        ("a/../..", ".."),
        ("/../a", "/a"),
        ("a/./b/", "a/b"),
        ("./", ""),
        ("../x/../y", "../y"),
        ("//a//b/../c", "//a/c"),
        ("a/b/c/../../..", ""),
        (".", "."),
        ("..", ".."),
    ] {
        assert_eq!(n(i), o, "{i:?}");
    }
}

#[test]
fn cpu_list_overflow_is_none() {
    assert_eq!(
        count_cpu_list("-9223372036854775808-9223372036854775807"),
        None
    );
    assert_eq!(count_cpu_list("0-9223372036854775807"), None);
}
