//! The `pyrs` command: Python 3.11's command line over the pyrs pipeline.
//!
//! `pyrs FILE args...`, `pyrs -c CMD`, `pyrs -` (a script on stdin), `pyrs -m MOD`, with
//! CPython's options (`cli.rs`) and usage errors; `pyrs -X dump=STAGE FILE` prints one stage
//! of the pipeline (`dump.rs`) instead of running.

mod allocator;
mod cli;
mod dump;
mod run;
#[cfg(test)]
mod tests;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

/// The allocator: mimalloc instead of the system malloc (`allocator.rs` says why).
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    // CPython names itself by argv[0] in its messages.
    let program = args.first().cloned().unwrap_or_else(|| "pyrs".into());
    let opts = match cli::parse_args(&args[1..]) {
        Ok(o) => o,
        Err(msg) => {
            eprint!("{}", cli::usage_error(&program, &msg));
            return ExitCode::from(2);
        }
    };
    let status = match &opts.action {
        cli::Action::Version(n) => {
            if *n >= 2 {
                println!("Python 3.11.7 (pyrs)");
            } else {
                println!("Python 3.11.7");
            }
            0
        }
        cli::Action::Help => {
            print!("{}", cli::help(&program));
            0
        }
        cli::Action::RunFile(path) => match &opts.dump {
            Some(stage) => dump_file(path, stage),
            None if std::path::Path::new(path).is_dir() => {
                run::run(run::Program::Dir(path.clone()), &opts)
            }
            None => match std::fs::read(path) {
                // A zip archive runs as a directory does (`pymain_get_importer`: a path
                // hook, here zipimport's, accepts it): its `__main__` module.
                Ok(bytes) if is_zip(&bytes) => run::run(run::Program::Dir(path.clone()), &opts),
                Ok(bytes) => run::run(
                    run::Program::File {
                        bytes,
                        given: path.clone(),
                    },
                    &opts,
                ),
                Err(e) => {
                    eprintln!(
                        "{program}: can't open file {}: [Errno {}] {}",
                        py_repr(&absolute(path)),
                        e.raw_os_error().unwrap_or(0),
                        os_error_text(&e)
                    );
                    2
                }
            },
        },
        cli::Action::Command(code) => run::run(run::Program::Command(code.clone()), &opts),
        cli::Action::Module(name) => run::run(run::Program::Module(name.clone()), &opts),
        cli::Action::Stdin { implicit } => {
            let stdin = std::io::stdin();
            if *implicit && stdin.is_terminal() {
                eprintln!("{program}: the interactive interpreter is not implemented yet; give a script, -c or -m");
                2
            } else {
                let mut bytes = Vec::new();
                match stdin.lock().read_to_end(&mut bytes) {
                    Ok(_) => run::run(
                        run::Program::Stdin {
                            bytes,
                            implicit: *implicit,
                        },
                        &opts,
                    ),
                    Err(e) => {
                        eprintln!("{program}: can't read stdin: {e}");
                        2
                    }
                }
            }
        }
    };
    let _ = std::io::stdout().flush();
    ExitCode::from(status as u8)
}

fn dump_file(path: &str, stage: &str) -> i32 {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("pyrs: can't open file {path:?}: {e}");
            return 2;
        }
    };
    let Some((stdout, stderr, code)) = dump::dump_stage(stage, &bytes, path) else {
        eprintln!(
            "pyrs: unknown -X dump={stage} (known: {})",
            dump::STAGES.join(", ")
        );
        return 2;
    };
    let _ = std::io::stdout().write_all(stdout.as_bytes());
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(stderr.as_bytes());
    code
}

/// Whether the bytes may be a zip archive (what `zipimport` accepts: an end-of-central-
/// directory record near the end, so a script with an archive appended is one too).
/// CPython asks the path hooks; a file zipimport then refuses is reported as the
/// directory case's "can't find '__main__' module".
fn is_zip(bytes: &[u8]) -> bool {
    // zipimport's `_read_directory`: the end-of-central-directory record is the last 22
    // bytes, or (after a comment) the last signature in the final 64 KiB + 22; the
    // central directory's size and offset must fit before it.
    let n = bytes.len();
    if n < 22 {
        return false;
    }
    let pos = if bytes[n - 22..].starts_with(b"PK\x05\x06") {
        n - 22
    } else {
        let from = n.saturating_sub(65536 + 22);
        match bytes[from..].windows(4).rposition(|w| w == b"PK\x05\x06") {
            Some(i) if from + i + 22 <= n => from + i,
            _ => return false,
        }
    };
    let u32_at =
        |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let (size, offset) = (u32_at(pos + 12) as usize, u32_at(pos + 16) as usize);
    pos >= size && pos >= offset
}

/// `repr(str)` for a path in a message (single quotes unless the path has one).
fn py_repr(s: &str) -> String {
    if s.contains('\'') {
        format!("{s:?}")
    } else {
        format!("'{s}'")
    }
}

/// CPython shows the main script by its absolute path (without resolving symlinks).
pub(crate) fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => cwd.join(p).to_string_lossy().into_owned(),
        Err(_) => path.to_string(),
    }
}

fn os_error_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
