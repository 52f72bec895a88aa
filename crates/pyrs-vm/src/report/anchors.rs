//! The `~~~^^^~~~` anchors 3.11 draws under a failing binary operation (CPython:
//! `extract_anchors_from_line` in `Python/traceback.c`, which parses the failing span).
//! The VM does not depend on the parser, so the span is read here with a small tokenizer:
//! the top-level operator of a `BinOp` is the lowest-precedence one outside brackets
//! (the rightmost for left-associative operators, the leftmost for `**`), and the
//! operands' ends are found as the AST would place them (a parenthesized operand's node
//! excludes its parentheses). Spans that are not a single binary operation (an augmented
//! assignment, a comparison, a call, ...) get no anchors, as in CPython.

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Operand,
    Op,
    Open,
    Close,
    Comma,
    Other,
}

struct Tok {
    kind: Kind,
    text: String,
    start: usize,
    end: usize,
}

const OPS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|", "^",
    "~", "<", ">", "=", ".", ":", ";",
];

/// Tokens of `s` with byte offsets; `None` when the text is not plain Python tokens.
fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\\' || c == b'\n' || c == b'\r' {
            i += 1;
            continue;
        }
        if c == b'#' {
            break;
        }
        let start = i;
        // Strings, with any prefix.
        let mut j = i;
        while j < b.len() && b[j].is_ascii_alphabetic() && j - i < 3 {
            j += 1;
        }
        if j < b.len()
            && (b[j] == b'\'' || b[j] == b'"')
            && s[i..j].chars().all(|c| "rRbBuUfF".contains(c))
        {
            let q = b[j];
            let triple = b.len() >= j + 3 && b[j + 1] == q && b[j + 2] == q;
            let mut k = j + if triple { 3 } else { 1 };
            loop {
                if k >= b.len() {
                    return None;
                }
                if b[k] == b'\\' {
                    k += 2;
                    continue;
                }
                if b[k] == q && (!triple || (k + 2 < b.len() && b[k + 1] == q && b[k + 2] == q)) {
                    k += if triple { 3 } else { 1 };
                    break;
                }
                k += 1;
            }
            out.push(Tok {
                kind: Kind::Operand,
                text: String::new(),
                start,
                end: k,
            });
            i = k;
            continue;
        }
        if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let mut k = i;
            while k < b.len()
                && (b[k].is_ascii_alphanumeric()
                    || b[k] == b'.'
                    || b[k] == b'_'
                    || ((b[k] == b'+' || b[k] == b'-') && matches!(b[k - 1], b'e' | b'E')))
            {
                k += 1;
            }
            out.push(Tok {
                kind: Kind::Operand,
                text: String::new(),
                start,
                end: k,
            });
            i = k;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let mut k = i;
            while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'_' || b[k] >= 0x80) {
                k += 1;
            }
            let word = &s[i..k];
            let kind = match word {
                "and" | "or" | "not" | "in" | "is" | "if" | "else" | "lambda" | "for" | "async"
                | "await" | "yield" => Kind::Other,
                _ => Kind::Operand,
            };
            out.push(Tok {
                kind,
                text: word.to_string(),
                start,
                end: k,
            });
            i = k;
            continue;
        }
        match c {
            b'(' | b'[' | b'{' => {
                out.push(Tok {
                    kind: Kind::Open,
                    text: (c as char).to_string(),
                    start,
                    end: i + 1,
                });
                i += 1;
                continue;
            }
            b')' | b']' | b'}' => {
                out.push(Tok {
                    kind: Kind::Close,
                    text: (c as char).to_string(),
                    start,
                    end: i + 1,
                });
                i += 1;
                continue;
            }
            b',' => {
                out.push(Tok {
                    kind: Kind::Comma,
                    text: ",".into(),
                    start,
                    end: i + 1,
                });
                i += 1;
                continue;
            }
            _ => {}
        }
        let op = OPS.iter().find(|o| s[i..].starts_with(**o))?;
        out.push(Tok {
            kind: Kind::Op,
            text: op.to_string(),
            start,
            end: i + op.len(),
        });
        i += op.len();
    }
    Some(out)
}

/// Binding strength of a binary operator (higher binds tighter).
fn level(op: &str) -> Option<u8> {
    Some(match op {
        "|" => 1,
        "^" => 2,
        "&" => 3,
        "<<" | ">>" => 4,
        "+" | "-" => 5,
        "*" | "/" | "//" | "%" | "@" => 6,
        "**" => 8,
        _ => return None,
    })
}

/// The index of the bracket matching the one at `i` (scanning in direction `dir`).
fn matching(t: &[Tok], i: usize, forward: bool) -> Option<usize> {
    let mut depth = 0i32;
    let mut k = i as isize;
    while k >= 0 && (k as usize) < t.len() {
        match t[k as usize].kind {
            Kind::Open => depth += if forward { 1 } else { -1 },
            Kind::Close => depth += if forward { -1 } else { 1 },
            _ => {}
        }
        if depth == 0 {
            return Some(k as usize);
        }
        k += if forward { 1 } else { -1 };
    }
    None
}

/// Whether tokens `a..=b` are one parenthesized group whose node excludes the parens
/// (a grouping, not a tuple, a generator expression or a call).
fn grouping(t: &[Tok], a: usize, b: usize) -> bool {
    if b <= a || t[a].text != "(" || t[b].text != ")" || matching(t, a, true) != Some(b) {
        return false;
    }
    let mut depth = 0;
    for tok in &t[a + 1..b] {
        match tok.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Comma if depth == 0 => return false,
            Kind::Other if depth == 0 && (tok.text == "for" || tok.text == "yield") => {
                return false
            }
            _ => {}
        }
    }
    b > a + 1
}

/// `(left_anchor, right_anchor)` in characters of `segment`, or `None`.
pub fn binop_anchors(segment: &str) -> Option<(usize, usize)> {
    let t = tokenize(segment)?;
    if t.is_empty() {
        return None;
    }
    // The top-level binary operator.
    let mut depth = 0;
    let mut best: Option<(u8, usize)> = None;
    let mut prev_operand = false;
    for (i, tok) in t.iter().enumerate() {
        match tok.kind {
            Kind::Open => {
                depth += 1;
                prev_operand = false;
            }
            Kind::Close => {
                depth -= 1;
                prev_operand = true;
            }
            Kind::Operand => prev_operand = true,
            Kind::Comma | Kind::Other if depth == 0 => return None,
            Kind::Comma | Kind::Other => prev_operand = false,
            Kind::Op => {
                if depth == 0 {
                    let Some(lv) = level(&tok.text).filter(|_| prev_operand) else {
                        // Unary operators are fine; anything else means "not a BinOp".
                        if matches!(tok.text.as_str(), "-" | "+" | "~") {
                            prev_operand = false;
                            continue;
                        }
                        if tok.text == "." {
                            prev_operand = false;
                            continue;
                        }
                        return None;
                    };
                    let better = match best {
                        None => true,
                        Some((bl, _)) if lv < bl => true,
                        Some((bl, _)) if lv == bl => lv != 8,
                        _ => false,
                    };
                    if better {
                        best = Some((lv, i));
                    }
                }
                prev_operand = false;
            }
        }
    }
    let (_, op) = best?;
    if op == 0 || op + 1 >= t.len() {
        return None;
    }
    // The AST's left.end_col_offset and right.col_offset.
    let mut l_end = op - 1;
    let mut l_start = 0;
    while grouping(&t, l_start, l_end) {
        l_start += 1;
        l_end -= 1;
    }
    let left_end = t[l_end].end;
    let (mut r_start, mut r_end) = (op + 1, t.len() - 1);
    while grouping(&t, r_start, r_end) {
        r_start += 1;
        r_end -= 1;
    }
    let right_start = t[r_start].start;
    // CPython's arithmetic on those offsets.
    let seg = segment.as_bytes();
    let op_str = segment.get(left_end..right_start)?;
    let offset = op_str.len() - op_str.trim_start().len();
    let mut left = left_end + offset;
    let mut right = left + 1;
    if offset + 1 < op_str.len() && !op_str.as_bytes()[offset + 1].is_ascii_whitespace() {
        right += 1;
    }
    while left < seg.len()
        && (seg[left].is_ascii_whitespace() || seg[left] == b')' || seg[left] == b'#')
    {
        left += 1;
        right += 1;
    }
    let chars = |byte: usize| {
        segment
            .get(..byte.min(segment.len()))
            .map_or(0, |p| p.chars().count())
    };
    Some((chars(left), chars(right)))
}
