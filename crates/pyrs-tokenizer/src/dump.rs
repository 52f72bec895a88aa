//! The text `python3 -m tokenize -e FILE` prints (`tokenize.main` in `Lib/tokenize.py`):
//! one `"%-20s%-15s%-15r"` line per token, or nothing on stdout and one error line on
//! stderr with exit status 1 (the script builds the whole token list before printing).

use crate::chars::py_repr;
use crate::encoding::{
    cookie_of, decode_utf8, first_line, is_blank_or_comment, normal_name, Codec,
};
use crate::pytokenize::py_tokenize;

/// What `python3 -m tokenize -e FILE` writes and its exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

fn fail(stderr: String) -> DumpOutput {
    DumpOutput {
        stdout: String::new(),
        stderr,
        exit_code: 1,
    }
}

/// Left-justify `s` to `width` characters (`%-Ns`).
fn pad(out: &mut String, s: &str, width: usize) {
    out.push_str(s);
    let n = s.chars().count();
    for _ in n..width {
        out.push(' ');
    }
}

/// `tokenize.detect_encoding`: (encoding name for the ENCODING token, codec, body) or the
/// SyntaxError text.
fn detect_encoding<'b>(
    bytes: &'b [u8],
    filename: &str,
) -> Result<(String, Codec, &'b [u8]), String> {
    let fname = py_repr(filename);
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let (l1, rest) = first_line(body);
    let mut lines = vec![l1];
    if !l1.is_empty() && is_blank_or_comment(l1) {
        lines.push(first_line(rest).0);
    }
    for line in lines.iter().filter(|l| !l.is_empty()) {
        // find_cookie decodes the line as UTF-8 first.
        if std::str::from_utf8(line).is_err() {
            return Err(format!(
                "invalid or missing encoding declaration for {}",
                fname
            ));
        }
        if cookie_of(line).is_some() {
            break;
        }
    }
    let Some((cookie, _)) = cookie_of(body) else {
        return Ok(("utf-8".into(), Codec::Utf8, body));
    };
    let name = normal_name(cookie);
    let Some(codec) = Codec::lookup(&name) else {
        return Err(format!("unknown encoding for {}: {}", fname, name));
    };
    if bom && name != "utf-8" {
        return Err(format!("encoding problem for {}: utf-8", fname));
    }
    Ok((name, codec, body))
}

/// Reproduce `python3 -m tokenize -e FILE` for the file's bytes.
pub fn dump_tokens(bytes: &[u8], filename: &str) -> DumpOutput {
    let (encoding, codec, body) = match detect_encoding(bytes, filename) {
        Ok(x) => x,
        Err(msg) => return fail(format!("{}: error: {}\n", filename, msg)),
    };
    let decoded = match codec {
        Codec::Utf8 => decode_utf8(body),
        c => c.decode(body),
    };
    let text = match decoded {
        Ok(t) => t,
        // tokenize.py raises UnicodeDecodeError from a line; main prints this, then the
        // traceback of the re-raised exception (not reproduced).
        Err((msg, _)) => return fail(format!("unexpected error: {}\n", msg)),
    };
    let toks = match py_tokenize(&text) {
        Ok(t) => t,
        Err(e) => {
            return fail(format!(
                "{}:{}:{}: error: {}\n",
                filename, e.line, e.col, e.msg
            ))
        }
    };
    let mut out = String::with_capacity(text.len() * 6);
    let line = |range: String, name: &str, repr: &str, out: &mut String| {
        pad(out, &range, 20);
        pad(out, name, 15);
        pad(out, repr, 15);
        out.push('\n');
    };
    line("0,0-0,0:".into(), "ENCODING", &py_repr(&encoding), &mut out);
    for t in &toks {
        let range = format!("{},{}-{},{}:", t.start.0, t.start.1, t.end.0, t.end.1);
        line(range, t.kind.name(), &py_repr(t.text), &mut out);
    }
    DumpOutput {
        stdout: out,
        stderr: String::new(),
        exit_code: 0,
    }
}
