//! `dump_tokens FILE...`: print `python3 -m tokenize -e FILE` output as pyrs produces it.
//!
//! With one file, prints exactly stdout and stderr and exits with the status. With several
//! (the comparison harness, to avoid a process per file), prints for each file a header
//! line `\x00PYRS-FILE <exit code> <path>`, its stdout, then `\x00PYRS-STDERR`, its
//! stderr, then `\x00PYRS-END`.

use std::io::Write;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let out = std::io::stdout();
    let mut out = out.lock();
    if files.len() == 1 {
        let bytes = match std::fs::read(&files[0]) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {}", e);
                std::process::exit(1);
            }
        };
        let d = pyrs_tokenizer::dump_tokens(&bytes, &files[0]);
        let _ = out.write_all(d.stdout.as_bytes());
        let _ = out.flush();
        eprint!("{}", d.stderr);
        std::process::exit(d.exit_code);
    }
    for f in &files {
        let d = match std::fs::read(f) {
            Ok(bytes) => pyrs_tokenizer::dump_tokens(&bytes, f),
            Err(e) => pyrs_tokenizer::DumpOutput {
                stdout: String::new(),
                stderr: format!("error: {}\n", e),
                exit_code: 1,
            },
        };
        let _ = write!(
            out,
            "\x00PYRS-FILE {} {}\n{}\x00PYRS-STDERR\n{}\x00PYRS-END\n",
            d.exit_code, f, d.stdout, d.stderr
        );
    }
}
