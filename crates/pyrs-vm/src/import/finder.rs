//! Finding a module in one directory: CPython's `FileFinder.find_spec`
//! (`Lib/importlib/_bootstrap_external.py`): a package directory with `__init__.py` (or
//! `__init__.pyc`), then `NAME.py`, then `NAME.pyc` (sourceless); a directory without
//! `__init__` is a namespace portion, used only when no path entry has a regular module or
//! package (PEP 420; the loop over the entries is `loader::path_find_spec`).

use std::path::{Path, PathBuf};

/// How a found module is loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `SourceFileLoader`: a `.py` file (the bytecode cache applies).
    Source(PathBuf),
    /// `SourcelessFileLoader`: a `.pyc` file where the source would be.
    Sourceless(PathBuf),
    /// A namespace package: no file, its portions are the search locations.
    Namespace,
}

/// `ModuleSpec`, reduced to what pyrs's loader needs.
#[derive(Clone, Debug)]
pub struct Spec {
    pub name: String,
    pub origin: Origin,
    /// `submodule_search_locations`: `Some` for packages (their `__path__`).
    pub search_locations: Option<Vec<String>>,
}

fn is_file(p: &Path) -> bool {
    p.is_file()
}

/// What one directory holds for a module name (`FileFinder.find_spec`).
pub enum InDir {
    /// A package (`__init__.py`/`.pyc`) or a module file.
    Module(Spec),
    /// A directory without `__init__`: a namespace portion (PEP 420).
    Portion(String),
    Nothing,
}

/// `FileFinder(dir).find_spec(fullname)`: a package directory with `__init__.py` (or
/// `__init__.pyc`), then `NAME.py`, then `NAME.pyc`; else a namespace portion.
pub fn find_in_dir(dir: &Path, fullname: &str) -> InDir {
    let tail = fullname.rsplit('.').next().unwrap_or(fullname);
    let base = dir.join(tail);
    let mut is_namespace = false;
    if base.is_dir() {
        for (suffix, source) in [(".py", true), (".pyc", false)] {
            let init = base.join(format!("__init__{suffix}"));
            if is_file(&init) {
                let origin = if source {
                    Origin::Source(init)
                } else {
                    Origin::Sourceless(init)
                };
                return InDir::Module(Spec {
                    name: fullname.to_string(),
                    origin,
                    search_locations: Some(vec![base.to_string_lossy().into_owned()]),
                });
            }
        }
        is_namespace = true;
    }
    for (suffix, source) in [(".py", true), (".pyc", false)] {
        let file = dir.join(format!("{tail}{suffix}"));
        if is_file(&file) {
            let origin = if source {
                Origin::Source(file)
            } else {
                Origin::Sourceless(file)
            };
            return InDir::Module(Spec {
                name: fullname.to_string(),
                origin,
                search_locations: None,
            });
        }
    }
    if is_namespace {
        InDir::Portion(base.to_string_lossy().into_owned())
    } else {
        InDir::Nothing
    }
}
