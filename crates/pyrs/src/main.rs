//! The `pyrs` command: Python 3.11's command line over the pyrs pipeline.
//!
//! What runs today: the front end. `pyrs -X dump=tokens FILE` prints what
//! `python3 -m tokenize -e FILE` prints; `pyrs -X dump=ast FILE` prints
//! `ast.dump(ast.parse(source, FILE), include_attributes=True)`; `pyrs FILE` parses FILE and
//! reports a syntax error exactly as `python3 FILE` does. Executing code needs the virtual
//! machine, which is not built yet: pyrs then says so and exits with status 2.

mod cli;
mod dump;
mod run;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let opts = match cli::parse_args(&args[1..]) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            eprintln!("usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            eprintln!("Try `pyrs -h' for more information.");
            return ExitCode::from(2);
        }
    };
    match opts.action {
        cli::Action::Version => {
            println!("Python 3.11.7");
            ExitCode::SUCCESS
        }
        cli::Action::Help => {
            print!("{}", cli::HELP);
            ExitCode::SUCCESS
        }
        cli::Action::RunFile(path) => {
            run_file(&path, opts.dump.as_deref(), opts.dont_write_bytecode)
        }
        cli::Action::Command(_) | cli::Action::Module(_) | cli::Action::Stdin => {
            let what = match &opts.action {
                cli::Action::Command(code) => format!("-c {code:?}"),
                cli::Action::Module(name) => format!("-m {name}"),
                _ => "code from stdin".to_string(),
            };
            eprintln!(
                "pyrs: running {what} needs the virtual machine, which is not implemented yet"
            );
            ExitCode::from(2)
        }
    }
}

fn run_file(path: &str, dump: Option<&str>, dont_write_bytecode: bool) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let program = std::env::current_exe()
                .ok()
                .and_then(|p| p.to_str().map(str::to_string))
                .unwrap_or_else(|| "pyrs".into());
            eprintln!(
                "{program}: can't open file {:?}: [Errno {}] {}",
                absolute(path),
                e.raw_os_error().unwrap_or(0),
                os_error_text(&e)
            );
            return ExitCode::from(2);
        }
    };
    let out = match dump {
        Some(stage) => match dump::dump_stage(stage, &bytes, path) {
            Some(out) => out,
            None => {
                eprintln!(
                    "pyrs: unknown -X dump={stage} (known: {})",
                    dump::STAGES.join(", ")
                );
                return ExitCode::from(2);
            }
        },
        None => run::run_script(&bytes, &absolute(path), dont_write_bytecode),
    };
    let (stdout, stderr, code) = out;
    let _ = std::io::stdout().write_all(stdout.as_bytes());
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(stderr.as_bytes());
    ExitCode::from(code as u8)
}

/// CPython shows the main script by its absolute path (without resolving symlinks).
fn absolute(path: &str) -> String {
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
