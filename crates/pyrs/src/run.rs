//! Running a script: `pyrs FILE` (CPython: `Modules/main.c` `pymain_run_file`).

/// (stdout, stderr, exit status) of running the script with these bytes; `shown` is the
/// path as tracebacks show it (absolute, as CPython 3.11 makes it).
pub fn run_script(bytes: &[u8], shown: &str) -> (String, String, i32) {
    // Parse and compile (compile-time SyntaxErrors too), as python3 FILE does first.
    match pyrs_compiler::check_script(bytes, shown) {
        Err(report) => (String::new(), report, 1),
        Ok(_) => (
            String::new(),
            "pyrs: the file parses; executing it needs the virtual machine, which is not implemented yet\n".into(),
            2,
        ),
    }
}
