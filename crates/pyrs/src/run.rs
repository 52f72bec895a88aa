//! Running `__main__`: `pyrs FILE`, `pyrs -c CMD`, `pyrs -` and `pyrs -m MOD` (CPython:
//! `Modules/main.c` `pymain_run_python`).
//!
//! A `.pyc` file (CPython 3.11's format, whoever compiled it) runs in the VM, as
//! `python3 FILE.pyc` does; source is compiled by pyrs's compiler (at the `-O` level) and
//! run the same way. `sys.path` and `sys.argv` are set as CPython 3.11 sets them for each
//! kind of run, and the VM gets a compile hook so that it can import source modules (the
//! VM crate does not depend on the compiler).

use crate::cli::Options;
use pyrs_vm::import::main::{Main, MainConfig};

/// What to run, before compiling.
pub enum Program {
    /// A script's bytes and its path as given on the command line.
    File { bytes: Vec<u8>, given: String },
    /// `-c CMD`.
    Command(String),
    /// A script read from stdin; `implicit` when no `-` was given.
    Stdin { bytes: Vec<u8>, implicit: bool },
    /// `-m MOD`.
    Module(String),
    /// `pyrs DIR`: the directory's `__main__.py`.
    Dir(String),
}

/// Run the program; the exit status. Compile errors are reported as CPython reports them
/// (exit status 1).
pub fn run(program: Program, opts: &Options) -> i32 {
    let optimize = opts.optimize;
    let (main, argv0, path0) = match program {
        Program::File { bytes, given } => {
            let shown = crate::absolute(&given);
            let is_pyc = bytes.starts_with(&pyrs_marshal::pyc::MAGIC) || shown.ends_with(".pyc");
            let main = if is_pyc {
                // `run_pyc_file`: the magic, 12 header bytes skipped unread, then one
                // marshalled code object, which the VM reads (`Bad code object in .pyc
                // file` when it is not one).
                if !bytes.starts_with(&pyrs_marshal::pyc::MAGIC) {
                    eprintln!("RuntimeError: Bad magic number in .pyc file");
                    return 1;
                }
                if bytes.len() < 16 {
                    // The three header longs read past the end.
                    eprintln!("EOFError: EOF read where not expected");
                    return 1;
                }
                Main::Pyc {
                    path: shown.clone(),
                    body: bytes[16..].to_vec(),
                }
            } else {
                match compile_and_warn(&bytes, &shown, optimize) {
                    Ok(code) => Main::Script {
                        path: shown.clone(),
                        code,
                    },
                    Err(report) => {
                        eprint!("{report}");
                        return 1;
                    }
                }
            };
            let real = std::fs::canonicalize(&given).unwrap_or_else(|_| shown.clone().into());
            let dir = real
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            (main, given, dir)
        }
        Program::Command(cmd) => match compile_and_warn(cmd.as_bytes(), "<string>", optimize) {
            Ok(code) => (
                Main::Code { code, file: None },
                "-c".to_string(),
                String::new(),
            ),
            Err(report) => {
                eprint!("{report}");
                return 1;
            }
        },
        Program::Stdin { bytes, implicit } => match compile_and_warn(&bytes, "<stdin>", optimize) {
            Ok(code) => (
                Main::Code {
                    code,
                    file: Some("<stdin>".into()),
                },
                if implicit { String::new() } else { "-".into() },
                String::new(),
            ),
            Err(report) => {
                eprint!("{report}");
                return 1;
            }
        },
        Program::Dir(given) => {
            let abs = py_abspath(&given);
            (Main::MainInPath, given, abs)
        }
        Program::Module(name) => {
            let cwd = std::env::current_dir()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            (Main::Module(name), "-m".to_string(), cwd)
        }
    };
    let mut argv = vec![argv0];
    argv.extend(opts.args.iter().cloned());
    let mut path = Vec::new();
    if !opts.safe_path {
        path.push(path0);
    }
    if !opts.ignore_env {
        if let Some(pp) = std::env::var_os("PYTHONPATH") {
            // getpath.py: each entry through `abspath` (an empty one is the current
            // directory), normalised.
            for p in std::env::split_paths(&pp) {
                let s = normpath(&crate::absolute(&p.to_string_lossy()));
                // site.py's `removeduppaths()` (not with -S); sys.path[0] is added after
                // site has run, so it is not part of that.
                if opts.no_site || !path[usize::from(!opts.safe_path)..].contains(&s) {
                    path.push(s);
                }
            }
        }
    }
    // The CPython installation whose library pyrs runs (sys.prefix, sys._stdlib_dir):
    // its entries follow PYTHONPATH's, as getpath.py puts them (the zip archive listed
    // even when absent). Not even -I removes them. site-packages is the `site` module's
    // addition, which pyrs does not run (it behaves as `python3 -S`; docs/differences.md).
    let prefix = pyrs_vm::import::getpath::find_prefix(!opts.ignore_env);
    if let Some(p) = &prefix {
        path.extend(p.path_entries());
    }
    let dev_mode = opts.xoptions.iter().any(|x| x == "dev")
        || (!opts.ignore_env && std::env::var_os("PYTHONDEVMODE").is_some_and(|v| !v.is_empty()));
    let config = MainConfig {
        argv,
        path,
        dont_write_bytecode: opts.dont_write_bytecode,
        buffered_stdio: !opts.unbuffered,
        pycache_prefix: opts.pycache_prefix.clone(),
        import: pyrs_vm::import::ImportConfig {
            verbose: opts.verbose,
            importtime: opts.importtime,
            optimize: opts.optimize,
            check_hash_based_pycs: opts.check_hash_based_pycs,
        },
        compile: Some(Box::new(compile_for_import)),
        flags: vec![
            ("debug", opts.debug as i64),
            ("inspect", opts.inspect as i64),
            ("interactive", opts.inspect as i64),
            ("optimize", opts.optimize as i64),
            ("dont_write_bytecode", opts.dont_write_bytecode as i64),
            ("no_user_site", opts.no_user_site as i64),
            ("no_site", opts.no_site as i64),
            ("ignore_environment", opts.ignore_env as i64),
            ("verbose", opts.verbose as i64),
            ("bytes_warning", opts.bytes_warning as i64),
            ("quiet", opts.quiet as i64),
            ("isolated", opts.isolated as i64),
            ("safe_path", opts.safe_path as i64),
            ("dev_mode", dev_mode as i64),
        ],
        warnoptions: warnoptions(opts, dev_mode),
        xoptions: opts.xoptions.clone(),
        prefix,
        use_environment: !opts.ignore_env,
    };
    pyrs_vm::import::main::run(main, config)
}

/// `sys.warnoptions` as `config_init_warnoptions` orders it (lowest precedence first): dev
/// mode's 'default', `PYTHONWARNINGS`, the `-W` options, then `-b`/`-bb`'s BytesWarning
/// filter.
fn warnoptions(opts: &Options, dev_mode: bool) -> Vec<String> {
    let mut w = Vec::new();
    if dev_mode {
        w.push("default".to_string());
    }
    if !opts.ignore_env {
        if let Ok(env) = std::env::var("PYTHONWARNINGS") {
            w.extend(env.split(',').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    w.extend(opts.warnoptions.iter().cloned());
    match opts.bytes_warning {
        0 => {}
        1 => w.push("default::BytesWarning".into()),
        _ => w.push("error::BytesWarning".into()),
    }
    w
}

/// `os.path.normpath` of an absolute path: empty and `.` components dropped, `..` applied
/// lexically.
fn normpath(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    format!("/{}", parts.join("/"))
}

/// `_Py_abspath`: the current directory for `.`, else the path joined to it (not
/// normalised: `app/./` stays as written).
fn py_abspath(path: &str) -> String {
    if path == "." {
        if let Ok(cwd) = std::env::current_dir() {
            return cwd.to_string_lossy().into_owned();
        }
    }
    crate::absolute(path)
}

/// Parses and compiles source at optimization level `optimize` (`Err` is the error
/// report) and prints the compile-time SyntaxWarnings on stderr as CPython's default
/// warning filters show them. (The VM has no `warnings` module yet; when it has one,
/// these should go through it.)
fn compile_and_warn(
    bytes: &[u8],
    path: &str,
    optimize: u32,
) -> Result<pyrs_compiler::CodeObject, String> {
    let m = pyrs_parser::check_script(bytes, path)?;
    let (code, warnings) = pyrs_compiler::compile_module_warnings(&m, path, optimize)
        .map_err(|e| pyrs_compiler::render_error(&e, bytes, path))?;
    eprint!("{}", pyrs_compiler::render_warnings(&warnings, bytes, path));
    Ok(code)
}

/// The import system's compile hook: parse and compile, with the exception CPython's
/// `compile()` raises (class, message, position attributes) on failure.
pub(crate) fn compile_for_import(
    bytes: &[u8],
    path: &str,
    optimize: u32,
    mode: pyrs_vm::import::CompileMode,
) -> Result<pyrs_compiler::CodeObject, pyrs_vm::import::CompileFailure> {
    let exec_mode = matches!(mode, pyrs_vm::import::CompileMode::Exec { .. });
    let line_of = |src: &[u8], lineno: u32| {
        pyrs_tokenizer::decode_source(src).ok().and_then(|d| {
            d.text
                .split_inclusive('\n')
                .nth((lineno as usize).wrapping_sub(1))
                .map(str::to_string)
        })
    };
    // `from_compiler`: CPython's compiler reads the error's line back from the file
    // named `path` (`PyErr_ProgramTextObject`), so a string's has no text; the parser
    // takes it from the source, which 'exec' mode ends with a newline.
    let failure = |e: &pyrs_parser::SyntaxError, from_compiler: bool| {
        let text = if from_compiler {
            std::fs::read(path).ok().and_then(|f| line_of(&f, e.lineno))
        } else {
            let t = match &e.text {
                Some(t) => t.clone(),
                None => line_of(bytes, e.lineno).unwrap_or_default(),
            };
            Some(if exec_mode && !t.ends_with('\n') {
                format!("{t}\n")
            } else {
                t
            })
        };
        // `compile('', f, 'eval')`'s "invalid syntax" has a position, all zero.
        let empty_input = e.lineno == 0 && e.msg == "invalid syntax";
        let details = ((e.lineno > 0 && e.lineno != u32::MAX) || empty_input).then(|| {
            (
                path.to_string(),
                e.lineno as i64,
                e.offset_i64(),
                text,
                e.end_lineno as i64,
                e.end_offset_i64(),
            )
        });
        pyrs_vm::import::CompileFailure {
            type_name: e.class.name().to_string(),
            msg: e.msg.clone(),
            details,
        }
    };
    use pyrs_parser::Mode;
    use pyrs_vm::import::CompileMode as C;
    let parsed = match mode {
        C::Exec { str_source: false } => pyrs_parser::parse_script_bytes(bytes, path),
        C::Eval { str_source: false } => pyrs_parser::parse_bytes_mode(bytes, Mode::Eval),
        C::Single { str_source: false } => pyrs_parser::parse_bytes_mode(bytes, Mode::Single),
        C::Exec { str_source: true }
        | C::Eval { str_source: true }
        | C::Single { str_source: true } => {
            let m = match mode {
                C::Exec { .. } => Mode::Exec,
                C::Eval { .. } => Mode::Eval,
                C::Single { .. } => Mode::Single,
            };
            // A str source: UTF-8 by construction, the cookie ignored.
            pyrs_parser::parse_mode(&String::from_utf8_lossy(bytes), m)
        }
    };
    let m = match parsed {
        Ok(m) => m,
        Err(pyrs_parser::ParseError::Syntax(e)) => return Err(failure(&e, false)),
        Err(pyrs_parser::ParseError::MemoryError) => {
            return Err(pyrs_vm::import::CompileFailure {
                type_name: "MemoryError".into(),
                msg: String::new(),
                details: None,
            })
        }
    };
    match pyrs_compiler::compile_module_warnings(&m, path, optimize) {
        Ok((code, warnings)) => {
            eprint!("{}", pyrs_compiler::render_warnings(&warnings, bytes, path));
            Ok(code)
        }
        Err(pyrs_compiler::CompileError::Syntax(e)) => Err(failure(&e, true)),
        Err(e) => Err(parse_report(&pyrs_compiler::render_error(&e, bytes, path))),
    }
}

/// The compile hook's failure: CPython's `compile()` exception, recovered from the
/// rendered report: `  File "F", line N` / `    text` / `    ^^^` / `Type: message` back into parts.
fn parse_report(report: &str) -> pyrs_vm::import::CompileFailure {
    let lines: Vec<&str> = report.lines().collect();
    let last = lines
        .last()
        .copied()
        .unwrap_or("SyntaxError: invalid syntax");
    let (type_name, msg) = match last.split_once(": ") {
        Some((t, m)) => (t.to_string(), m.to_string()),
        None => (last.to_string(), String::new()),
    };
    let mut details = None;
    if let Some(first) = lines.first() {
        if let Some(rest) = first.trim_start().strip_prefix("File \"") {
            if let Some((file, tail)) = rest.rsplit_once("\", line ") {
                let lineno: i64 = tail.trim().parse().unwrap_or(0);
                let text = lines
                    .get(1)
                    .filter(|_| lines.len() >= 3)
                    .map(|t| format!("{}\n", t.trim_start()));
                let (mut off, mut end) = (0, 0);
                if lines.len() >= 4 {
                    let carets = lines[2];
                    let indent = lines[1].len() - lines[1].trim_start().len();
                    let start = carets.find('^').unwrap_or(indent);
                    let n = carets.matches('^').count() as i64;
                    off = (start.saturating_sub(indent) + 1) as i64;
                    end = off + n;
                }
                details = Some((file.to_string(), lineno, off, text, lineno, end));
            }
        }
    }
    pyrs_vm::import::CompileFailure {
        type_name,
        msg,
        details,
    }
}
