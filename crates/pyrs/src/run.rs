//! Running a script: `pyrs FILE` (CPython: `Modules/main.c` `pymain_run_file`).
//!
//! A `.pyc` file (CPython 3.11's format, whoever compiled it) runs in the VM, as
//! `python3 FILE.pyc` does; a `.py` file is compiled by pyrs's compiler and run the same
//! way. Output goes straight to the process's streams. The VM gets `sys.path` (the
//! script's real directory first, then `PYTHONPATH`) and a compile hook so that it can
//! import source modules (the VM crate does not depend on the compiler).

/// (stdout, stderr, exit status) of running the script with these bytes; `shown` is the
/// path as tracebacks show it (absolute, as CPython 3.11 makes it).
pub fn run_script(bytes: &[u8], shown: &str, dont_write_bytecode: bool) -> (String, String, i32) {
    let opts = || pyrs_vm::RunOptions {
        path: sys_path(shown),
        main_file: Some(shown.to_string()),
        dont_write_bytecode,
        compile: Some(Box::new(|bytes: &[u8], path: &str| {
            compile_and_warn(bytes, path).map_err(|report| parse_report(&report))
        })),
    };
    if bytes.starts_with(&pyrs_marshal::pyc::MAGIC) || shown.ends_with(".pyc") {
        let (_, code) = match pyrs_marshal::pyc::read_pyc(bytes) {
            Ok(c) => c,
            Err(e) => {
                let msg = format!("RuntimeError: Bad code object in .pyc file ({})\n", e.0);
                return (String::new(), msg, 1);
            }
        };
        let status = pyrs_vm::run_code_with(&code, &script_argv(shown), opts());
        return (String::new(), String::new(), status);
    }
    // Source: parse and compile with pyrs (syntax errors reported as CPython reports
    // them), then run the module's code object in the VM.
    match compile_and_warn(bytes, shown) {
        Err(report) => (String::new(), report, 1),
        Ok(code) => (
            String::new(),
            String::new(),
            pyrs_vm::run_code_with(&code, &script_argv(shown), opts()),
        ),
    }
}

/// Parses and compiles source (`Err` is the error report) and prints the compile-time
/// SyntaxWarnings on stderr as CPython's default warning filters show them. (The VM has
/// no `warnings` module yet; when it has one, these should go through it.)
fn compile_and_warn(bytes: &[u8], path: &str) -> Result<pyrs_compiler::CodeObject, String> {
    let (code, warnings) = pyrs_compiler::check_script_warnings(bytes, path)?;
    eprint!("{}", pyrs_compiler::render_warnings(&warnings, bytes, path));
    Ok(code)
}

/// `sys.path` for `pyrs FILE` (CPython 3.11's `_PyPathConfig_ComputeSysPath0` and
/// `PYTHONPATH`): the directory of the script with symlinks resolved, then the
/// `PYTHONPATH` entries. (The standard library directories come with the stdlib work.)
fn sys_path(script: &str) -> Vec<String> {
    let real = std::fs::canonicalize(script).unwrap_or_else(|_| script.into());
    let dir = real
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut path = vec![dir];
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        for p in std::env::split_paths(&pp) {
            let s = p.to_string_lossy().into_owned();
            if !s.is_empty() {
                path.push(s);
            }
        }
    }
    path
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
                    .map(|t| format!("{}\n", t.trim_start()))
                    .unwrap_or_default();
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

/// `sys.argv`: the script path as given on the command line, then its arguments.
fn script_argv(shown: &str) -> Vec<String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file_name = std::path::Path::new(shown).file_name();
    match args
        .iter()
        .position(|a| std::path::Path::new(a).file_name() == file_name && !a.starts_with('-'))
    {
        Some(i) => args[i..].to_vec(),
        None => vec![shown.to_string()],
    }
}
