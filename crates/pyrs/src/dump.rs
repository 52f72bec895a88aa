//! `pyrs -X dump=STAGE FILE`: print one stage of the pipeline for FILE, in the text of the
//! CPython tool that shows the same stage (one arm per stage; later stages add theirs).

/// The stages `-X dump=` knows, in pipeline order.
pub const STAGES: &[&str] = &["tokens", "ast", "dis", "pyc"];

/// (stdout, stderr, exit status) of dumping `stage` for the file's bytes, or `None` for an
/// unknown stage.
pub fn dump_stage(stage: &str, bytes: &[u8], path: &str) -> Option<(String, String, i32)> {
    Some(match stage {
        // `python3 -m tokenize -e FILE`
        "tokens" => {
            let d = pyrs_tokenizer::dump_tokens(bytes, path);
            (d.stdout, d.stderr, d.exit_code)
        }
        // `ast.dump(ast.parse(source, FILE), include_attributes=True)`
        "ast" => {
            let d = pyrs_parser::dump_ast(bytes, path);
            (d.stdout, d.stderr, d.exit_code)
        }
        // `python3 -m dis FILE`
        "dis" => pyrs_compiler::dis_file(bytes, path),
        // The .pyc bytes pyrs would cache for FILE (timestamp-based), written to stdout
        // here because they are not text.
        "pyc" => {
            let mtime = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as u32);
            match pyrs_compiler::pyc_file(bytes, path, mtime) {
                Ok(pyc) => {
                    use std::io::Write;
                    let mut out = std::io::stdout();
                    let _ = out.write_all(&pyc);
                    let _ = out.flush();
                    (String::new(), String::new(), 0)
                }
                Err(report) => (String::new(), report, 1),
            }
        }
        _ => return None,
    })
}
