//! Snapshot tests: every `tests/cases/*.py` file's token dump, AST dump (or syntax-error
//! report) is recorded with `insta`; reviewers read the snapshot diffs. Correctness against
//! CPython is checked by the oracles in `scripts/` — these pin pyrs's own output.

#[test]
fn front_end_snapshots() {
    insta::glob!("cases/*.py", |path| {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let tokens = pyrs_tokenizer::dump_tokens(&bytes, &name);
        let ast = pyrs_parser::dump_ast(&bytes, &name);
        let report = format!(
            "--- tokens (exit {})\n{}{}--- ast (exit {})\n{}{}",
            tokens.exit_code, tokens.stdout, tokens.stderr, ast.exit_code, ast.stdout, ast.stderr
        );
        insta::assert_snapshot!(report);
    });
}
