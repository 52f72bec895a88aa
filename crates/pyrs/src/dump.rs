//! `pyrs -X dump=STAGE FILE`: print one stage of the pipeline for FILE, in the text of the
//! CPython tool that shows the same stage (one arm per stage; later stages add theirs).

/// The stages `-X dump=` knows, in pipeline order.
pub const STAGES: &[&str] = &["tokens", "ast"];

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
        _ => return None,
    })
}
