//! Compiles the import machinery's Python sources (`src/import/frozen_*.py`) at
//! build time and embeds their marshalled code objects (CPython: `Programs/_freeze_module`
//! and `Python/frozen.c`, which freeze `importlib._bootstrap` into the interpreter).
//! Compiling them at every start was over a quarter of `pyrs -c pass`. The VM reads the
//! bytes with its .pyc reader (`import/unmarshal.rs`); `crates/pyrs`'s test
//! `frozen_code_matches_source` checks they equal what the compiler makes of the sources
//! now.
//!
//! It also freezes the one standard-library module CPython 3.11 always has frozen,
//! `zipimport` (`_PyImportZip_Init` imports it before `sys.path` is usable), from the
//! CPython 3.11 installation the VM will use at run time (found as `import/getpath.rs`
//! finds it). Without one, nothing is frozen and `zipimport` is imported from the
//! library directory at startup instead.

use std::path::PathBuf;

// The run-time search for CPython's installation (std only), shared with the build.
#[allow(dead_code)]
#[path = "src/import/getpath.rs"]
mod getpath;

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
    freeze_zipimport(&out);
}

/// `OUT_DIR/zipimport.marshal`: CPython's `Lib/zipimport.py` compiled as
/// `<frozen zipimport>`, or empty when no CPython 3.11 library is found (or it does not
/// compile); `PYRS_FROZEN_ZIPIMPORT_SOURCE` names the file frozen (for the test that
/// the embedded code is what the compiler makes of it).
fn freeze_zipimport(out: &std::path::Path) {
    println!("cargo:rerun-if-env-changed=PYTHONHOME");
    let src = getpath::find_prefix(true)
        .map(|p| p.stdlib_dir().join("zipimport.py"))
        .filter(|p| p.is_file());
    let mut body = Vec::new();
    let mut used = String::new();
    if let Some(path) = src {
        println!("cargo:rerun-if-changed={}", path.display());
        match std::fs::read(&path).map(|b| pyrs_compiler::compile_bytes(&b, "<frozen zipimport>")) {
            Ok(Ok(code)) => {
                body = pyrs_marshal::write::dumps_code(&code);
                used = path.display().to_string();
            }
            _ => println!("cargo:warning=could not freeze {}", path.display()),
        }
    } else {
        println!("cargo:warning=no CPython 3.11 library found: zipimport is not frozen");
    }
    println!("cargo:rustc-env=PYRS_FROZEN_ZIPIMPORT_SOURCE={used}");
    std::fs::write(out.join("zipimport.marshal"), body)
        .unwrap_or_else(|e| panic!("writing zipimport.marshal: {e}"));
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
