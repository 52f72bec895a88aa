//! Running a script: `pyrs FILE` (CPython: `Modules/main.c` `pymain_run_file`).
//!
//! A `.pyc` file (CPython 3.11's format, whoever compiled it) runs in the VM, as
//! `python3 FILE.pyc` does; a `.py` file is compiled by pyrs's compiler and run the same
//! way. Output goes straight to the process's streams.

/// (stdout, stderr, exit status) of running the script with these bytes; `shown` is the
/// path as tracebacks show it (absolute, as CPython 3.11 makes it).
pub fn run_script(bytes: &[u8], shown: &str) -> (String, String, i32) {
    if bytes.starts_with(&pyrs_marshal::pyc::MAGIC) || shown.ends_with(".pyc") {
        let status = pyrs_vm::run_pyc(bytes, shown, &script_argv(shown));
        return (String::new(), String::new(), status);
    }
    // Source: parse and compile with pyrs (syntax errors reported as CPython reports
    // them), then run the module's code object in the VM.
    match pyrs_compiler::check_script(bytes, shown) {
        Err(report) => (String::new(), report, 1),
        Ok(code) => (
            String::new(),
            String::new(),
            pyrs_vm::run_code(&code, &script_argv(shown)),
        ),
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
