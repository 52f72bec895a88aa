//! Showing a parse to the user: CPython's SyntaxError report (`Python/pythonrun.c`
//! `print_exception` / `print_error_text`) and the `ast.dump` command-line output.

use crate::{parse_module_bytes, ParseError, SyntaxError};

/// What a command prints: stdout, stderr, exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// The report `python3 FILE` prints for a syntax error in FILE, as the last part of a
/// traceback: the `File` line, the source line without its indentation, the carets, and
/// `Class: message`.
pub fn render_syntax_error(err: &SyntaxError, filename: &str, source: &str) -> String {
    let mut out = String::new();
    if err.lineno > 0 && err.lineno != u32::MAX {
        out.push_str(&format!("  File \"{filename}\", line {}\n", err.lineno));
        let starts = crate::tokens::line_starts(source);
        let line = starts.get(err.lineno as usize - 1).map(|&start| {
            let end = starts
                .get(err.lineno as usize)
                .map(|&e| e as usize)
                .unwrap_or(source.len());
            &source[start as usize..end]
        });
        let line = match &err.text {
            Some(text) => Some(text.as_str()),
            None => line,
        };
        if let Some(line) = line {
            let text = line.trim_end_matches(['\n', '\r']);
            // CPython's line buffer is a C string: it ends at a NUL byte.
            let text = text.split('\0').next().unwrap_or("");
            let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
            let removed = text.chars().count() - stripped.chars().count();
            out.push_str("    ");
            out.push_str(stripped);
            out.push('\n');
            let offset = err.offset as i64;
            // No caret without a known end (-1), or left of the text.
            if err.offset != u32::MAX && offset >= 1 {
                let start = offset - 1 - removed as i64;
                let mut end = if err.end_offset == u32::MAX || err.end_offset == 0 {
                    offset
                } else {
                    err.end_offset as i64
                };
                if err.end_lineno > err.lineno {
                    end = text.chars().count() as i64 + 1;
                }
                let mut end = end - 1 - removed as i64;
                // 3.11 draws a single caret for indentation errors and for an unknown end.
                if err.class != crate::SyntaxErrorClass::SyntaxError
                    || err.end_offset == SyntaxError::MINUS_ONE
                {
                    end = start + 1;
                }
                if start >= 0 {
                    let width = (end - start).max(1);
                    out.push_str("    ");
                    out.push_str(&" ".repeat(start as usize));
                    out.push_str(&"^".repeat(width as usize));
                    out.push('\n');
                }
            }
        }
    }
    out.push_str(&format!("{}: {}\n", err.class.name(), err.msg));
    out
}

/// The parse step of `python3 FILE`'s check of a script: `Err(report)` for a syntax error the
/// tokenizer or parser finds (the compiler, `pyrs_compiler::check_script`, adds its own).
pub fn check_script(bytes: &[u8], filename: &str) -> Result<pyrs_ast::Mod, String> {
    match crate::parse_script_bytes(bytes, filename) {
        Ok(m) => Ok(m),
        Err(ParseError::Syntax(e)) => {
            let source = display_source(bytes);
            Err(render_syntax_error(&e, filename, &source))
        }
        Err(ParseError::MemoryError) => Err("MemoryError\n".to_string()),
    }
}

/// `pyrs -X dump=ast FILE`: `ast.dump(ast.parse(source, FILE), include_attributes=True)`
/// on stdout, or the syntax error report on stderr with exit status 1.
pub fn dump_ast(bytes: &[u8], filename: &str) -> DumpOutput {
    match parse_module_bytes(bytes) {
        Ok(m) => {
            let (text, depth) = pyrs_ast::dump_mod_with_depth(&m, true);
            // ast.parse converts the tree to objects with a depth limit of 3 x the recursion
            // limit (1000), starting at 3 x the frames already active (2 for `ast.parse`
            // called from a module): deeper, it raises RecursionError.
            if depth + 6 > 3000 {
                let msg =
                    "RecursionError: maximum recursion depth exceeded during ast construction\n";
                return DumpOutput {
                    stdout: String::new(),
                    stderr: msg.to_string(),
                    exit_code: 1,
                };
            }
            DumpOutput {
                stdout: text + "\n",
                stderr: String::new(),
                exit_code: 0,
            }
        }
        Err(ParseError::Syntax(e)) => {
            let source = display_source(bytes);
            DumpOutput {
                stdout: String::new(),
                stderr: render_syntax_error(&e, filename, &source),
                exit_code: 1,
            }
        }
        Err(ParseError::MemoryError) => DumpOutput {
            stdout: String::new(),
            stderr: "MemoryError\n".to_string(),
            exit_code: 1,
        },
    }
}

/// The text shown under a report: the decoded source, or, when it cannot be decoded, the
/// bytes read as UTF-8 with replacement characters (a BOM kept), as CPython shows them.
fn display_source(bytes: &[u8]) -> String {
    match pyrs_tokenizer::decode_source(bytes) {
        Ok(d) => d.text,
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}
