//! Compiles the import machinery's Python sources (`src/import/frozen_*.py`) at
//! build time and embeds their marshalled code objects (CPython: `Programs/_freeze_module`
//! and `Python/frozen.c`, which freeze `importlib._bootstrap` into the interpreter).
//! Compiling them at every start was over a quarter of `pyrs -c pass`. The VM reads the
//! bytes with its .pyc reader (`import/unmarshal.rs`); `crates/pyrs`'s test
//! `frozen_code_matches_source` checks they equal what the compiler makes of the sources
//! now.

use std::path::PathBuf;

/// `(source file in src/import, co_filename, output file in OUT_DIR)`.
const FROZEN: [(&str, &str, &str); 5] = [
    (
        "frozen_importlib.py",
        "<frozen importlib._bootstrap>",
        "frozen_importlib.marshal",
    ),
    (
        "frozen_importlib_external.py",
        "<frozen importlib._bootstrap_external>",
        "frozen_importlib_external.marshal",
    ),
    (
        "frozen_importlib_rest.py",
        "<frozen importlib._bootstrap>",
        "frozen_importlib_rest.marshal",
    ),
    (
        "frozen_importlib_external_rest.py",
        "<frozen importlib._bootstrap_external>",
        "frozen_importlib_external_rest.marshal",
    ),
    ("frozen_runpy.py", "<frozen runpy>", "frozen_runpy.marshal"),
];

fn main() {
    zlib_version();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (src, filename, target) in FROZEN {
        let path = format!("src/import/{src}");
        println!("cargo:rerun-if-changed={path}");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        let code = pyrs_compiler::compile_bytes(&bytes, filename)
            .unwrap_or_else(|e| panic!("compiling {path}:\n{e}"));
        let body = pyrs_marshal::write::dumps_code(&code);
        std::fs::write(out.join(target), body).unwrap_or_else(|e| panic!("writing {target}: {e}"));
    }
}

/// `zlib.ZLIB_VERSION` (`modules/zlib.rs`): the version of the system zlib that flate2's
/// `zlib` backend links (libz-sys finds it with pkg-config, as this does), else the one
/// `zlib.h` declares; `PYRS_ZLIB_VERSION` is left unset when neither is found (the module
/// then has no `ZLIB_VERSION`).
fn zlib_version() {
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    let from_pkg_config = std::process::Command::new("pkg-config")
        .args(["--modversion", "zlib"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|v| v.trim().to_string());
    let from_header = || {
        let h = std::fs::read_to_string("/usr/include/zlib.h").ok()?;
        let line = h.lines().find(|l| l.starts_with("#define ZLIB_VERSION "))?;
        Some(line.split('"').nth(1)?.to_string())
    };
    if let Some(v) = from_pkg_config
        .filter(|v| !v.is_empty())
        .or_else(from_header)
    {
        println!("cargo:rustc-env=PYRS_ZLIB_VERSION={v}");
    }
}
