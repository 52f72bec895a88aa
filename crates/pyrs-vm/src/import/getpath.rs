//! Where CPython 3.11's pure-Python standard library is (CPython: `Modules/getpath.py`).
//!
//! pyrs runs the `Lib/` directory of the CPython 3.11 installed on the machine, unmodified
//! (design.md §4), so its "prefix" is that CPython's prefix. It is found without starting
//! CPython, in this order (the first that has the landmark `lib/python3.11/os.py` wins):
//!
//! 1. `PYTHONHOME` (`PREFIX[:EXEC_PREFIX]`), unless `-E`/`-I`, as CPython honours it;
//! 2. each `python3.11` on `PATH`, in `PATH` order, resolved through symbolic links to its
//!    `PREFIX/bin/`; a pyenv shim (`$PYENV_ROOT/shims`) is resolved the way pyenv does,
//!    through `PYENV_VERSION` and then `$PYENV_ROOT/version`;
//! 3. `/usr/local` and `/usr`.
//!
//! Nothing here runs a process; it costs a few `stat` calls at startup.

use std::path::{Path, PathBuf};

/// The library version directory under `PREFIX/lib`.
pub const LIB_DIR: &str = "python3.11";

/// A CPython 3.11 installation whose standard library pyrs uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefix {
    /// `sys.prefix` (and `sys.base_prefix`).
    pub prefix: PathBuf,
    /// `sys.exec_prefix` (and `sys.base_exec_prefix`).
    pub exec_prefix: PathBuf,
}

impl Prefix {
    /// `sys._stdlib_dir`: `PREFIX/lib/python3.11`.
    pub fn stdlib_dir(&self) -> PathBuf {
        self.prefix.join("lib").join(LIB_DIR)
    }

    /// The entries CPython 3.11 puts on `sys.path` after `PYTHONPATH` (site-packages is
    /// added by the `site` module, which pyrs does not run yet): the zip archive (listed
    /// even when absent, as CPython does), the library, and `lib-dynload`.
    pub fn path_entries(&self) -> Vec<String> {
        let lib = self.prefix.join("lib");
        vec![
            lib.join("python311.zip").to_string_lossy().into_owned(),
            self.stdlib_dir().to_string_lossy().into_owned(),
            self.exec_prefix
                .join("lib")
                .join(LIB_DIR)
                .join("lib-dynload")
                .to_string_lossy()
                .into_owned(),
        ]
    }
}

/// Does `prefix` hold CPython 3.11's library (its landmark `os.py`)?
fn has_landmark(prefix: &Path) -> bool {
    prefix.join("lib").join(LIB_DIR).join("os.py").is_file()
}

/// Find the installation. `use_env` is false under `-E`/`-I` (then `PYTHONHOME` is
/// ignored; `PATH` is still searched, as the executable's location is not an option).
pub fn find_prefix(use_env: bool) -> Option<Prefix> {
    if use_env {
        if let Some(home) = std::env::var_os("PYTHONHOME").filter(|h| !h.is_empty()) {
            let home = home.to_string_lossy().into_owned();
            let (p, e) = match home.split_once(':') {
                Some((p, e)) => (p.to_string(), e.to_string()),
                None => (home.clone(), home.clone()),
            };
            // CPython trusts PYTHONHOME even without the landmark; so do we.
            return Some(Prefix {
                prefix: PathBuf::from(p),
                exec_prefix: PathBuf::from(e),
            });
        }
    }
    let found = std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).find_map(|dir| prefix_of_dir(&dir)))
        .or_else(|| {
            ["/usr/local", "/usr"]
                .iter()
                .map(PathBuf::from)
                .find(|p| has_landmark(p))
        })?;
    Some(Prefix {
        prefix: found.clone(),
        exec_prefix: found,
    })
}

/// The prefix of the `python3.11` in `dir`, if there is one with a library.
fn prefix_of_dir(dir: &Path) -> Option<PathBuf> {
    let exe = dir.join("python3.11");
    if !exe.is_file() {
        return None;
    }
    if let Some(p) = pyenv_prefix(dir) {
        return Some(p);
    }
    let real = std::fs::canonicalize(&exe).ok()?;
    let prefix = real.parent()?.parent()?.to_path_buf();
    has_landmark(&prefix).then_some(prefix)
}

/// When `dir` is pyenv's shims directory: the selected 3.11 version's prefix.
fn pyenv_prefix(dir: &Path) -> Option<PathBuf> {
    let root = match std::env::var_os("PYENV_ROOT").filter(|r| !r.is_empty()) {
        Some(r) => PathBuf::from(r),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".pyenv"),
    };
    if dir != root.join("shims") {
        return None;
    }
    // pyenv's own order: PYENV_VERSION, then the global version file; each may list
    // several versions (the first that provides `python3.11` runs it).
    let listed = match std::env::var("PYENV_VERSION") {
        Ok(v) if !v.is_empty() => v,
        _ => std::fs::read_to_string(root.join("version")).unwrap_or_default(),
    };
    listed
        .split(|c: char| c == ':' || c.is_whitespace())
        .filter(|v| !v.is_empty())
        .map(|v| root.join("versions").join(v))
        .find(|p| has_landmark(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_entries_follow_cpython_layout() {
        let p = Prefix {
            prefix: PathBuf::from("/opt/py"),
            exec_prefix: PathBuf::from("/opt/py"),
        };
        assert_eq!(
            p.path_entries(),
            vec![
                "/opt/py/lib/python311.zip",
                "/opt/py/lib/python3.11",
                "/opt/py/lib/python3.11/lib-dynload"
            ]
        );
    }

    #[test]
    fn landmark_required_outside_pythonhome() {
        let d = std::env::temp_dir().join(format!("pyrs-getpath-{}", std::process::id()));
        let lib = d.join("lib").join(LIB_DIR);
        std::fs::create_dir_all(&lib).unwrap();
        assert!(!has_landmark(&d));
        std::fs::write(lib.join("os.py"), "").unwrap();
        assert!(has_landmark(&d));
        std::fs::remove_dir_all(&d).unwrap();
    }
}
