//! `dump_tokens FILE...`: print `python3 -m tokenize -e FILE` output as pyrs produces it.
//!
//! With one file, prints exactly stdout and stderr and exits with the status. With several
//! (the comparison harness, to avoid a process per file), prints for each file a header
//! line `\x00PYRS-FILE <exit code> <path>`, its stdout, then `\x00PYRS-STDERR`, its
//! stderr, then `\x00PYRS-END`.

use std::io::Write;

/// `--c FILE...`: the C-tokenizer mode's tokens (no COMMENT/NL), one per line as
/// `type line col end_line end_col` (byte columns), or `ERROR msg line offset`, per file
/// after a `FILE path` line; used to check `tokenize()` against `_tokenize.TokenizerIter`.
fn c_mode(files: &[String]) {
    let mut out = String::new();
    for f in files {
        out.push_str(&format!("FILE {}\n", f));
        let bytes = std::fs::read(f).unwrap_or_default();
        let text = match pyrs_tokenizer::decode_source(&bytes) {
            Ok(d) => d.text,
            Err(e) => {
                out.push_str(&format!("ERROR {}\n", e.msg));
                continue;
            }
        };
        let t = pyrs_tokenizer::tokenize(&text);
        let li = pyrs_tokenizer::LineIndex::new(&text);
        for k in &t.tokens {
            use pyrs_tokenizer::TokenKind::*;
            if matches!(k.kind, Comment | Nl | EndMarker) {
                continue;
            }
            let (l, c) = li.line_col(k.start as usize);
            let (el, ec) = li.line_col(k.end as usize);
            out.push_str(&format!("{} {} {} {} {}\n", k.kind as u8, l, c, el, ec));
        }
        if let Some(e) = t.error {
            out.push_str(&format!(
                "ERROR {} {} {}\n",
                e.msg,
                e.lineno,
                e.offset_i64()
            ));
        }
    }
    print!("{}", out);
}

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.first().map(String::as_str) == Some("--c") {
        files.remove(0);
        c_mode(&files);
        return;
    }
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
