//! The stderr report of a compile-time error, as `python3 FILE` prints it (CPython:
//! `err_programtext` in `Python/errors.c` gives the source text, `print_error_text` in
//! `Python/pythonrun.c` draws it).
//!
//! A compile-time error's text is not the tokenizer's line (as a parser error's is): the
//! compiler re-reads the line from the file through a 1000-byte `fgets` buffer, so a line
//! longer than 998 bytes shows only its last chunk, while the columns stay those of the
//! whole line; the printer then clips the caret to the text, and draws none when it
//! falls left of it (e.g. when the chunk begins with blanks, which are stripped).

use crate::CompileError;

/// `err_programtext`'s buffer: `char linebuf[1000]`, read by `fgets` (999 bytes a call).
const LINEBUF: usize = 1000;

/// The text `PyErr_ProgramTextObject(filename, lineno)` gives for line `lineno` of the
/// file's bytes: its last `fgets` chunk (newline included), decoded as strict UTF-8
/// (`PyUnicode_FromString`); `None` when there is no such line or it does not decode.
pub(crate) fn program_text(bytes: &[u8], lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    // `Py_UniversalNewlineFgets`: "\r\n" and "\r" read as "\n".
    let mut line_no = 0u32;
    let mut pos = 0;
    while pos < bytes.len() {
        let mut end = pos;
        let mut text = Vec::new();
        let mut chunk_start = 0;
        // One line, read in chunks of at most LINEBUF - 1 bytes; a chunk that fills the
        // buffer without ending in "\n" is followed by another.
        loop {
            if end >= bytes.len() {
                break;
            }
            let c = bytes[end];
            end += 1;
            let c = if c == b'\r' {
                if bytes.get(end) == Some(&b'\n') {
                    end += 1;
                }
                b'\n'
            } else {
                c
            };
            if text.len() - chunk_start == LINEBUF - 1 {
                chunk_start = text.len();
            }
            text.push(c);
            if c == b'\n' {
                break;
            }
        }
        pos = end;
        line_no += 1;
        if line_no == lineno {
            let chunk = &text[chunk_start..];
            // A C string: it ends at a NUL byte.
            let chunk = chunk.split(|&b| b == 0).next().unwrap_or(&[]);
            return std::str::from_utf8(chunk).ok().map(str::to_string);
        }
    }
    None
}

/// `print_error_text`: the text line (leading blanks stripped) and the caret line, with
/// CPython's clipping. Offsets are 1-based byte columns of the whole line (-1 unknown).
fn error_text(
    out: &mut String,
    text: &str,
    lineno: u32,
    offset: i64,
    end_lineno: u32,
    end_offset: i64,
) {
    // `print_exception`: the end of a multi-line range is the end of the text, and the
    // carets never go past the text (`line_size` counts the newline).
    let line_size = text.len() as i64;
    let mut end_offset = if end_lineno > lineno {
        line_size
    } else {
        end_offset
    };
    if end_offset > line_size + 1 {
        end_offset = line_size + 1;
    }
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    offset -= (text.len() - stripped.len()) as i64;
    let body = stripped.strip_suffix('\n').unwrap_or(stripped);
    offset = offset.min(body.len() as i64);
    out.push_str("    ");
    out.push_str(stripped);
    if !stripped.ends_with('\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets as usize));
    out.push('\n');
}

/// The stderr text for a compile error of FILE (whose bytes are `bytes`).
pub fn render_error(e: &CompileError, bytes: &[u8], filename: &str) -> String {
    match e {
        CompileError::Syntax(se) => {
            let mut out = String::new();
            if se.lineno == pyrs_parser::SyntaxError::MINUS_ONE {
                out.push_str(&format!("  File \"{filename}\", line -1\n"));
            } else if se.lineno > 0 {
                out.push_str(&format!("  File \"{filename}\", line {}\n", se.lineno));
                if let Some(text) = program_text(bytes, se.lineno) {
                    error_text(
                        &mut out,
                        &text,
                        se.lineno,
                        se.offset_i64(),
                        se.end_lineno,
                        se.end_offset_i64(),
                    );
                }
            }
            out.push_str(&format!("{}: {}\n", se.class.name(), se.msg));
            out
        }
        CompileError::Recursion => {
            "RecursionError: maximum recursion depth exceeded during compilation\n".into()
        }
        CompileError::Unsupported(what) => {
            format!("SystemError: pyrs compiler: unsupported: {what}\n")
        }
    }
}
