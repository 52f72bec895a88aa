//! The bytecode cache (PEP 3147, PEP 552): `SourceLoader.get_code`, `cache_from_source`,
//! `_classify_pyc`, `_validate_timestamp_pyc`, `_validate_hash_pyc`, `set_data` and
//! `_write_atomic` of CPython 3.11's `Lib/importlib/_bootstrap_external.py`.
//!
//! A cached .pyc is used only when its header is valid (magic, flags) and matches the
//! source (mtime and size, or the source hash for checked hash-based pycs); any failure
//! there means "recompile", never an error. Writing is best effort: a missing or
//! unwritable `__pycache__` just means no cache.

use pyrs_bytecode::CodeObject;
use pyrs_marshal::pyc::{self, PycHeader, Validation};
use std::io::Write;
use std::path::{Path, PathBuf};

/// pyrs's cache tag (`sys.implementation.cache_tag`); never CPython's `cpython-311`.
pub const CACHE_TAG: &str = "pyrs-311";

/// `cache_from_source(path)` with no prefix and no optimization:
/// `DIR/__pycache__/NAME.pyrs-311.pyc`.
pub fn cache_from_source(source: &Path) -> Option<PathBuf> {
    cache_from_source_with(source, "", None)
}

/// `cache_from_source(path, optimization=opt)` under `sys.pycache_prefix` `prefix`
/// (PEP 3147, PEP 488, bpo-33499): `DIR/__pycache__/NAME.TAG[.opt-N].pyc`, or
/// `PREFIX/<DIR made root-relative>/NAME.TAG[.opt-N].pyc`.
pub fn cache_from_source_with(source: &Path, opt: &str, prefix: Option<&str>) -> Option<PathBuf> {
    // `_path_split`: on the text, so `app/./m.py` keeps its `app/.` head (Path::parent
    // would normalise the `.` away, and CPython's cache path keeps it).
    let text = source.to_str()?;
    let (dir, file) = match text.rfind('/') {
        // `'/m.py'.rpartition('/')` leaves an empty head, as in CPython (whose cache path
        // for a module at the root is then relative: `__pycache__/m.TAG.pyc`).
        Some(i) => (Path::new(&text[..i]), &text[i + 1..]),
        None => (Path::new(""), text),
    };
    // `tail.rpartition('.')`: `base` if there is one, else the whole name.
    let (base, sep) = match file.rfind('.') {
        Some(i) if i > 0 => (&file[..i], "."),
        Some(_) => (&file[1..], "."),
        None => (file, ""),
    };
    let mut name = format!("{base}{sep}{CACHE_TAG}");
    if !opt.is_empty() {
        name = format!("{name}.opt-{opt}");
    }
    name.push_str(".pyc");
    match prefix {
        None => Some(dir.join("__pycache__").join(name)),
        Some(prefix) => {
            let head = if dir.is_absolute() {
                dir.to_path_buf()
            } else {
                std::env::current_dir().ok()?.join(dir)
            };
            let rel = head.to_string_lossy().trim_start_matches('/').to_string();
            let mut p = PathBuf::from(prefix);
            if !rel.is_empty() {
                p.push(rel);
            }
            Some(p.join(name))
        }
    }
}

/// The cache path of `source` for this interpreter: `sys.pycache_prefix` (read at each
/// import, as importlib does) and the `-O` level.
pub fn cache_path(vm: &mut crate::vm::Vm, source: &Path) -> Option<PathBuf> {
    cache_path_opt(vm, source, None)
}

/// [`cache_path`] with an explicit `optimization` (None: `sys.flags.optimize`).
pub fn cache_path_opt(vm: &mut crate::vm::Vm, source: &Path, opt: Option<&str>) -> Option<PathBuf> {
    let level = vm.interp.import.config.optimize;
    let opt = match opt {
        Some(o) => o.to_string(),
        None if level == 0 => String::new(),
        None => level.to_string(),
    };
    let prefix = super::sys_attr(vm, "pycache_prefix").and_then(|v| super::text(&v));
    cache_from_source_with(source, &opt, prefix.as_deref())
}

/// Why a cached .pyc was not used (as `python3 -v` words it).
#[derive(Debug)]
pub enum Reject {
    Missing,
    BadMagic,
    Truncated,
    BadFlags,
    /// The recorded mtime differs (`-v` says "bytecode is stale").
    StaleMtime,
    /// The recorded size differs (importlib says nothing).
    StaleSize,
    /// A checked hash-based pyc's hash differs (importlib says nothing).
    StaleHash,
}

/// `_classify_pyc` + the validation of `get_code`: the header if the .pyc may be used.
pub fn validate(
    data: &[u8],
    mtime: u32,
    size: u32,
    source: &Path,
    check: super::CheckHashPycs,
) -> Result<PycHeader, Reject> {
    if data.len() < 4 || data[..4] != pyc::MAGIC {
        // `_classify_pyc` compares `data[:4]`: a shorter file is a magic mismatch too.
        return Err(Reject::BadMagic);
    }
    if data.len() < 16 {
        return Err(Reject::Truncated);
    }
    let header = PycHeader::parse(data).map_err(|_| Reject::BadFlags)?;
    match header.validation {
        Validation::Timestamp {
            mtime: m,
            source_size,
        } => {
            if m != mtime {
                return Err(Reject::StaleMtime);
            }
            if source_size != size {
                return Err(Reject::StaleSize);
            }
        }
        Validation::Hash { hash, check_source } => {
            // `--check-hash-based-pycs`: 'default' checks checked pycs only, 'always'
            // checks every one, 'never' none.
            let checked = match check {
                super::CheckHashPycs::Never => false,
                super::CheckHashPycs::Always => true,
                super::CheckHashPycs::Default => check_source,
            };
            if checked {
                let src = std::fs::read(source).map_err(|_| Reject::Missing)?;
                if pyc::source_hash(&src) != hash {
                    return Err(Reject::StaleHash);
                }
            }
        }
    }
    Ok(header)
}

/// The source's mtime (whole seconds, modulo 2**32) and size (modulo 2**32).
pub fn source_stats(source: &Path) -> Option<(u32, u32)> {
    let md = std::fs::metadata(source).ok()?;
    let mtime = md
        .modified()
        .ok()
        .and_then(|t| {
            let secs = match t.duration_since(std::time::UNIX_EPOCH) {
                Ok(d) => d.as_secs() as i64,
                // `int(st.st_mtime)` truncates toward zero.
                Err(e) => -(e.duration().as_secs() as i64),
            };
            Some(secs)
        })
        .unwrap_or(0);
    Some((mtime as u32, md.len() as u32))
}

/// `_code_to_timestamp_pyc` / `_code_to_hash_pyc` and `set_data`: write the .pyc for
/// `code` atomically, creating the missing directories (all of them: a
/// `sys.pycache_prefix` tree may not exist yet). A failure means no cache; it is returned
/// (the path that could not be created and why) for `-v`.
pub fn write_cache(
    cache: &Path,
    source: &Path,
    header: &PycHeader,
    code: &CodeObject,
) -> Result<(), (String, std::io::Error)> {
    let data = pyc::write_pyc(header, code);
    // `_calc_mode`: the source's permissions plus owner write.
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(source)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o666)
            | 0o200
    };
    #[cfg(not(unix))]
    let mode = {
        let _ = source;
        0o666
    };
    set_data(cache, &data, mode & 0o666)
}

/// `SourceFileLoader.set_data(path, data, _mode=mode)`: the missing directories, then
/// the file written atomically. A failure (no file written) names the path that could
/// not be created and why.
pub fn set_data(cache: &Path, data: &[u8], mode: u32) -> Result<(), (String, std::io::Error)> {
    if let Some(parent) = cache.parent() {
        let mut missing = Vec::new();
        let mut p = parent;
        while !p.as_os_str().is_empty() && !p.is_dir() {
            missing.push(p);
            match p.parent() {
                Some(q) => p = q,
                None => break,
            }
        }
        for dir in missing.into_iter().rev() {
            match std::fs::create_dir(dir) {
                Ok(()) => {}
                // Probably another process created it.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err((dir.to_string_lossy().into_owned(), e)),
            }
        }
    }
    write_atomic(cache, data, mode).map_err(|e| (cache.to_string_lossy().into_owned(), e))
}

/// `_write_atomic`: write `PATH.<unique>` exclusively, then rename it over `path`.
fn write_atomic(path: &Path, data: &[u8], mode: u32) -> std::io::Result<()> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.{}", std::process::id(), n));
    let tmp = PathBuf::from(tmp);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(mode);
    }
    let _ = mode;
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(data)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
