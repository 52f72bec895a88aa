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

/// `cache_from_source(path)`: `DIR/__pycache__/NAME.pyrs-311.pyc`.
pub fn cache_from_source(source: &Path) -> Option<PathBuf> {
    let dir = source.parent()?;
    let file = source.file_name()?.to_str()?;
    let stem = match file.rfind('.') {
        Some(i) => &file[..i],
        None => file,
    };
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.{CACHE_TAG}.pyc")),
    )
}

/// Why a cached .pyc was not used (as `python3 -v` words it).
#[derive(Debug)]
pub enum Reject {
    Missing,
    BadMagic,
    Truncated,
    BadFlags,
    Stale(&'static str),
}

/// `_classify_pyc` + the validation of `get_code`: the header if the .pyc may be used.
pub fn validate(data: &[u8], mtime: u32, size: u32, source: &Path) -> Result<PycHeader, Reject> {
    if data.len() < 4 || data[..4] != pyc::MAGIC {
        // `_classify_pyc` reads 4 bytes: fewer is a magic mismatch too.
        return Err(
            if data.len() < 4 && pyc::MAGIC.starts_with(data) && !data.is_empty() {
                Reject::Truncated
            } else {
                Reject::BadMagic
            },
        );
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
                return Err(Reject::Stale("bytecode is stale"));
            }
            if source_size != size {
                return Err(Reject::Stale("bytecode is stale"));
            }
        }
        Validation::Hash {
            hash,
            check_source: true,
        } => {
            let src = std::fs::read(source).map_err(|_| Reject::Missing)?;
            if pyc::source_hash(&src) != hash {
                return Err(Reject::Stale(
                    "hash in bytecode doesn't match hash of source",
                ));
            }
        }
        // Unchecked hash-based pycs are trusted (check_hash_based_pycs == 'default').
        Validation::Hash { .. } => {}
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
                Err(e) => -(e.duration().as_secs_f64().ceil() as i64),
            };
            Some(secs)
        })
        .unwrap_or(0);
    Some((mtime as u32, md.len() as u32))
}

/// `_code_to_timestamp_pyc` / `_code_to_hash_pyc` and `_cache_bytecode`: write the .pyc
/// for `code` atomically; every failure is silent (no cache).
pub fn write_cache(cache: &Path, source: &Path, header: &PycHeader, code: &CodeObject) {
    let data = pyc::write_pyc(header, code);
    if let Some(parent) = cache.parent() {
        if !parent.is_dir() {
            match std::fs::create_dir(parent) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(_) => return,
            }
        }
    }
    // `_calc_mode`: the source's permissions plus owner write.
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(source)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o666)
            | 0o200
    };
    let _ = write_atomic(cache, &data, {
        #[cfg(unix)]
        {
            mode & 0o666
        }
        #[cfg(not(unix))]
        {
            0o666
        }
    });
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
