//! Unit tests of the import system's pure parts against CPython 3.11 (expected values come
//! from running `python3`); the behaviour as a whole is tested by
//! `scripts/compare_imports.py` on `tests/imports/`.

use super::cache;
use pyrs_marshal::pyc;
use std::path::Path;
use std::process::Command;

/// `importlib.util.cache_from_source(path, optimization=opt)` under `sys.pycache_prefix`,
/// computed by python3 with its cache tag replaced by pyrs's.
fn cpython_cache_from_source(path: &str, opt: &str, prefix: Option<&str>) -> Option<String> {
    let script = format!(
        "import sys, importlib.util as u\nsys.pycache_prefix = {prefix}\n\
         print(u.cache_from_source({path:?}, optimization={opt:?}).replace(sys.implementation.cache_tag, 'pyrs-311'))",
        prefix = match prefix {
            Some(p) => format!("{p:?}"),
            None => "None".into(),
        }
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(&script)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
}

#[test]
fn cache_paths_match_importlib() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("/a/b/mod.py", "", None),
        ("/a/b/mod.py", "1", None),
        ("/a/b/mod.py", "2", None),
        ("/a/b/__init__.py", "", None),
        ("/a/b/pkg.tar.py", "", None),
        ("/a/b/noext", "", None),
        ("/a/./b/mod.py", "", None),
        ("/a/b/.hidden.py", "", None),
        ("/a/b/mod.py", "", Some("/cache")),
        ("/a/b/mod.py", "1", Some("/cache/")),
        ("/mod.py", "", Some("/p")),
        ("/mod.py", "", None),
        ("mod.py", "", None),
        ("rel/mod.py", "", Some("/p")),
    ];
    let mut checked = 0;
    for (path, opt, prefix) in cases {
        let Some(expected) = cpython_cache_from_source(path, opt, *prefix) else {
            eprintln!("python3 unavailable; skipping {path}");
            continue;
        };
        let got = cache::cache_from_source_with(Path::new(path), opt, *prefix)
            .map(|p| p.to_string_lossy().into_owned());
        assert_eq!(
            got.as_deref(),
            Some(expected.as_str()),
            "{path} opt={opt:?} prefix={prefix:?}"
        );
        checked += 1;
    }
    assert!(checked > 0 || Command::new("python3").arg("-V").output().is_err());
}

fn timestamp_pyc(mtime: u32, size: u32) -> Vec<u8> {
    let mut d = pyc::MAGIC.to_vec();
    d.extend_from_slice(&0u32.to_le_bytes());
    d.extend_from_slice(&mtime.to_le_bytes());
    d.extend_from_slice(&size.to_le_bytes());
    d.push(b'N');
    d
}

#[test]
fn validate_follows_classify_pyc() {
    use super::CheckHashPycs::*;
    use cache::Reject;
    let src = Path::new("/nonexistent/pyrs-test/mod.py");
    assert!(cache::validate(&timestamp_pyc(5, 7), 5, 7, src, Default).is_ok());
    assert!(matches!(
        cache::validate(&timestamp_pyc(6, 7), 5, 7, src, Default),
        Err(Reject::StaleMtime)
    ));
    assert!(matches!(
        cache::validate(&timestamp_pyc(5, 8), 5, 7, src, Default),
        Err(Reject::StaleSize)
    ));
    // A short file, an empty one or a prefix of the magic is a magic mismatch
    // (`data[:4] != MAGIC_NUMBER`); 4..16 bytes with the magic is a truncated header.
    for short in [&b""[..], &pyc::MAGIC[..2], b"ab"] {
        assert!(matches!(
            cache::validate(short, 0, 0, src, Default),
            Err(Reject::BadMagic)
        ));
    }
    assert!(matches!(
        cache::validate(&timestamp_pyc(5, 7)[..10], 5, 7, src, Default),
        Err(Reject::Truncated)
    ));
    let mut bad_flags = timestamp_pyc(5, 7);
    bad_flags[4] = 4;
    assert!(matches!(
        cache::validate(&bad_flags, 5, 7, src, Default),
        Err(Reject::BadFlags)
    ));
    // Hash-based: unchecked trusted by default and with 'never'; with 'always' the source
    // must be read (missing here); checked ones are checked unless 'never'.
    let mut unchecked = timestamp_pyc(0, 0);
    unchecked[4] = 1;
    let mut checked = timestamp_pyc(0, 0);
    checked[4] = 3;
    assert!(cache::validate(&unchecked, 1, 1, src, Default).is_ok());
    assert!(cache::validate(&unchecked, 1, 1, src, Never).is_ok());
    assert!(cache::validate(&unchecked, 1, 1, src, Always).is_err());
    assert!(cache::validate(&checked, 1, 1, src, Default).is_err());
    assert!(cache::validate(&checked, 1, 1, src, Never).is_ok());
}
