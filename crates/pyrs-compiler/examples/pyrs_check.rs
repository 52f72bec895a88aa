//! `pyrs_check FILE`: parse and compile FILE as `python3 FILE` does before running it,
//! printing its compile-time SyntaxWarnings, or CPython's SyntaxError report and exiting
//! 1 on error (used by
//! `scripts/compare_syntax_errors.py --set compile_cases --pyrs` while the `pyrs` binary's
//! run path is being rebuilt around the VM). `--dis` prints `python3 -m dis` text,
//! `-O`/`-OO --dis` the same under `python3 -O`/`-OO`, `--pyc` writes the .pyc bytes (as
//! `pyrs -X dump=pyc`, mtime 0), and
//! `--bench FILE...` compiles many files and prints the time.

use std::io::Write;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" {
    fn mallopt(param: std::os::raw::c_int, value: std::os::raw::c_int) -> std::os::raw::c_int;
}

/// The malloc settings of the `pyrs` binary (`crates/pyrs/src/main.rs`: one arena, a
/// 16 MiB top pad), so `--bench` times the compiler as `pyrs` runs it.
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets allocator parameters; no other thread exists yet.
    // M_ARENA_MAX = -8, M_TOP_PAD = -2 (glibc's malloc.h).
    unsafe {
        mallopt(-8, 1);
        mallopt(-2, 16 << 20);
    }
}

fn main() {
    tune_malloc();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `-O` / `-OO` first: the optimization level of `--dis` (as `python3 -O -m dis`).
    let optimize = match args.first().map(String::as_str) {
        Some("-O") => 1,
        Some("-OO") => 2,
        _ => 0,
    };
    if optimize > 0 {
        args.remove(0);
    }
    if args.first().map(String::as_str) == Some("--bench") {
        let start = std::time::Instant::now();
        let mut ok = 0;
        for f in &args[1..] {
            if let Ok(bytes) = std::fs::read(f) {
                if pyrs_compiler::compile_bytes(&bytes, f).is_ok() {
                    ok += 1;
                }
            }
        }
        println!("{ok} {:.6}", start.elapsed().as_secs_f64());
        return;
    }
    if let [flag, p] = args.as_slice() {
        if flag == "--pyc" {
            let bytes = std::fs::read(p).unwrap_or_default();
            match pyrs_compiler::pyc_file(&bytes, p, 0) {
                Ok(pyc) => {
                    let _ = std::io::stdout().write_all(&pyc);
                }
                Err(report) => {
                    let _ = std::io::stderr().write_all(report.as_bytes());
                    std::process::exit(1);
                }
            }
            return;
        }
    }
    let (dis, path) = match args.as_slice() {
        [flag, p] if flag == "--dis" => (true, p.clone()),
        [p] => (false, p.clone()),
        _ => {
            eprintln!("usage: pyrs_check [--dis | --pyc] FILE | --bench FILE...");
            std::process::exit(2);
        }
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    if dis {
        let (out, err, code) = pyrs_compiler::dis_file_optimized(&bytes, &path, optimize);
        let _ = std::io::stdout().write_all(out.as_bytes());
        let _ = std::io::stderr().write_all(err.as_bytes());
        std::process::exit(code);
    }
    let shown = std::fs::canonicalize(&path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or(path.clone());
    let shown = if std::path::Path::new(&path).is_absolute() {
        path.clone()
    } else {
        std::env::current_dir()
            .map(|d| d.join(&path).to_string_lossy().into_owned())
            .unwrap_or(shown)
    };
    match pyrs_compiler::check_script_warnings(&bytes, &shown) {
        Ok((_, warnings)) => {
            let text = pyrs_compiler::render_warnings(&warnings, &bytes, &shown);
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        Err(report) => {
            let _ = std::io::stderr().write_all(report.as_bytes());
            std::process::exit(1);
        }
    }
}
