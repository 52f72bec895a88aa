//! Finding a module on a search path: CPython's `PathFinder` and `FileFinder`
//! (`Lib/importlib/_bootstrap_external.py`). For each path entry: a package directory with
//! `__init__.py` (or `__init__.pyc`), then `NAME.py`, then `NAME.pyc` (sourceless); a
//! directory without `__init__` is remembered as a namespace portion and only used when no
//! entry has a regular module or package (PEP 420).

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

/// `PathFinder.find_spec(fullname, path)`: search `paths` for the last component of
/// `fullname`.
pub fn find_spec(fullname: &str, paths: &[String]) -> Option<Spec> {
    let tail = fullname.rsplit('.').next().unwrap_or(fullname);
    let mut namespace: Vec<String> = Vec::new();
    for entry in paths {
        // FileFinder: '' and '.' are the current directory, relative entries are made
        // absolute against it.
        let cwd = || std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let dir = if entry.is_empty() || entry == "." {
            cwd()
        } else if Path::new(entry).is_absolute() {
            PathBuf::from(entry)
        } else {
            cwd().join(entry)
        };
        if !dir.is_dir() {
            continue;
        }
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
                    return Some(Spec {
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
                return Some(Spec {
                    name: fullname.to_string(),
                    origin,
                    search_locations: None,
                });
            }
        }
        if is_namespace {
            namespace.push(base.to_string_lossy().into_owned());
        }
    }
    if namespace.is_empty() {
        None
    } else {
        Some(Spec {
            name: fullname.to_string(),
            origin: Origin::Namespace,
            search_locations: Some(namespace),
        })
    }
}
