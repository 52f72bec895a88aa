//! Printing an uncaught exception as CPython 3.11 does (CPython: `Python/pythonrun.c`
//! `print_exception_recursive`, `Python/traceback.c` `tb_displayline`): the chain of
//! causes and contexts, each traceback with file, line, function and the source line (with
//! `^` carets under the failing span when it is not the whole line), then `Type: message`.

use crate::code::as_code;
use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::types::exceptions::exc_data;
use crate::vm::Vm;

mod anchors;
pub mod unraisable;

/// `PyTraceBack_Print`: "Traceback (most recent call last):" and the entries of `tb`.
pub fn format_traceback(tb: &Value) -> String {
    let mut out = String::from("Traceback (most recent call last):\n");
    format_tb(tb, &mut out, "");
    out
}

fn source_line(filename: &str, lineno: i32) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let text = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines().nth(lineno as usize - 1).map(|l| l.to_string())
}

fn format_tb(tb: &Value, out: &mut String, prefix: &str) {
    let mut cur = tb.clone();
    let mut last: Option<(String, i32, String)> = None;
    let mut repeat = 0;
    loop {
        let Some(Payload::Traceback(t)) = cur.payload() else {
            break;
        };
        let Some(co) = as_code(&t.code) else { break };
        let name = co.name_str();
        let key = (co.filename().to_string(), t.lineno, name.clone());
        if last.as_ref() == Some(&key) {
            repeat += 1;
        } else {
            if repeat > 3 {
                let n = repeat - 3;
                out.push_str(&format!(
                    "{prefix}  [Previous line repeated {} more time{}]\n",
                    n,
                    if n > 1 { "s" } else { "" }
                ));
            }
            repeat = 1;
            last = Some(key);
        }
        if repeat <= 3 {
            out.push_str(&format!(
                "{prefix}  File \"{}\", line {}, in {}\n",
                co.filename(),
                t.lineno,
                name
            ));
            if let Some(line) = source_line(&co.filename(), t.lineno) {
                let stripped = line.trim_start();
                let indent = line.len() - stripped.len();
                let stripped = stripped.trim_end();
                out.push_str(&format!("{prefix}    {stripped}\n"));
                if let Some(p) = co.positions().get(t.lasti) {
                    if let (Some(l), Some(el), Some(c), Some(ec)) =
                        (p.lineno, p.end_lineno, p.col, p.end_col)
                    {
                        // CPython 3.11 prints carets when the span does not cover the whole
                        // (stripped) line; a span over several lines is shown from its start
                        // to the end of its first line. Columns are UTF-8 offsets.
                        let (c, mut ec) = (c as usize, ec as usize);
                        if l != el && el > l {
                            ec = indent + stripped.len();
                        }
                        let multiline = l != el;
                        if (l == el || multiline) && c >= indent && ec > c && ec <= line.len() {
                            let start = line
                                .get(..c)
                                .map_or(0, |p| p.chars().count())
                                .saturating_sub(line[..indent].chars().count());
                            let segment = line.get(c..ec).unwrap_or("");
                            let width = segment.chars().count();
                            let total = stripped.chars().count();
                            let op = co.units.get(t.lasti).map(|u| u.0);
                            let anchors = if multiline {
                                None
                            } else if op == Some(pyrs_bytecode::opnum::BINARY_SUBSCR) {
                                subscript_anchors(segment)
                            } else if op == Some(pyrs_bytecode::opnum::BINARY_OP) {
                                anchors::binop_anchors(segment)
                            } else {
                                None
                            };
                            match anchors {
                                Some((a, b)) => {
                                    let marks: String = (0..width)
                                        .map(|i| if i >= a && i < b { '^' } else { '~' })
                                        .collect();
                                    out.push_str(&format!(
                                        "{prefix}    {}{}\n",
                                        " ".repeat(start),
                                        marks
                                    ));
                                }
                                None if !(start == 0 && width >= total) => {
                                    out.push_str(&format!(
                                        "{prefix}    {}{}\n",
                                        " ".repeat(start),
                                        "^".repeat(width)
                                    ));
                                }
                                None => {}
                            }
                        }
                    }
                }
            }
        }
        cur = t.next.clone().unwrap_or(Value::None);
    }
    if repeat > 3 {
        let n = repeat - 3;
        out.push_str(&format!(
            "{prefix}  [Previous line repeated {} more time{}]\n",
            n,
            if n > 1 { "s" } else { "" }
        ));
    }
}

/// 3.11's anchors for a subscript `value[slice]`: `~` under the value, `^` from `[` to
/// `]` (CPython finds them with the AST; the bracket that closes the segment is enough for
/// the BINARY_SUBSCR instruction's span).
fn subscript_anchors(segment: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = segment.chars().collect();
    if chars.last() != Some(&']') {
        return None;
    }
    let mut depth = 0;
    for i in (0..chars.len()).rev() {
        match chars[i] {
            ']' | ')' | '}' => depth += 1,
            '[' | '(' | '{' => {
                depth -= 1;
                if depth == 0 {
                    return (chars[i] == '[' && i > 0).then_some((i, chars.len()));
                }
            }
            _ => {}
        }
    }
    None
}

fn exc_line(vm: &mut Vm, e: &PyRef) -> String {
    let ty = e.ty.clone();
    let module = crate::types::repr::type_module(vm, &ty);
    let q = tdata(&ty).qualname.borrow().clone();
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") | None => q,
        Some(m) => format!("{m}.{q}"),
    };
    let msg = match vm.str_value(&Value::Obj(e.clone())) {
        Ok(s) => s
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    if let Some(block) = syntax_error_block(vm, e) {
        return format!("{block}{name}: {}\n", syntax_error_msg(e));
    }
    if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    }
}

/// The state of `print_exception_recursive` (CPython's `exception_print_context`):
/// the nesting depth inside exception groups and whether a group's closing line is owed.
struct Ctx {
    depth: usize,
    need_close: bool,
    seen: Vec<PyRef>,
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl Ctx {
    /// `EXC_INDENT` spaces then `EXC_MARGIN`.
    fn margin(&self) -> String {
        format!(
            "{}{}",
            " ".repeat(2 * self.depth),
            if self.depth > 0 { "| " } else { "" }
        )
    }
}

/// The full report for an uncaught exception.
pub fn format_exception(vm: &mut Vm, e: &PyRef) -> String {
    let mut out = String::new();
    let mut ctx = Ctx {
        depth: 0,
        need_close: false,
        seen: Vec::new(),
    };
    format_recursive(vm, e, &mut out, &mut ctx);
    out
}

fn format_recursive(vm: &mut Vm, e: &PyRef, out: &mut String, ctx: &mut Ctx) {
    ctx.seen.push(e.clone());
    if let Some(d) = exc_data(e) {
        let cause = d.cause.borrow().clone();
        let context = d.context.borrow().clone();
        if ctx.seen.len() < 100 {
            let chained = match (cause, context, d.suppress_context.get()) {
                (Some(Value::Obj(c)), _, _) => Some((
                    c,
                    "The above exception was the direct cause of the following exception:\n",
                )),
                (_, Some(Value::Obj(c)), false) => Some((
                    c,
                    "During handling of the above exception, another exception occurred:\n",
                )),
                _ => None,
            };
            if let Some((c, message)) = chained {
                if !ctx.seen.iter().any(|s| s.is(&c)) {
                    let need_close = ctx.need_close;
                    format_recursive(vm, &c, out, ctx);
                    ctx.need_close = need_close;
                    let m = ctx.margin();
                    out.push_str(&format!("{m}\n{m}{message}{m}\n"));
                }
            }
        }
    }
    if crate::types::exception_group::is_group(vm, &Value::Obj(e.clone())) {
        format_group(vm, e, out, ctx);
    } else {
        format_one(vm, e, out, ctx);
    }
}

/// `print_exception`: traceback, `Type: message`, notes.
fn format_one(vm: &mut Vm, e: &PyRef, out: &mut String, ctx: &mut Ctx) {
    let margin = ctx.margin();
    if let Some(tb) = exc_data(e).and_then(|d| d.traceback(vm)) {
        let is_group = crate::types::exception_group::is_group(vm, &Value::Obj(e.clone()));
        let indent = " ".repeat(2 * ctx.depth);
        let (header, header_margin) = if is_group {
            (
                "Exception Group Traceback (most recent call last):",
                if ctx.depth == 1 { "+ " } else { "| " },
            )
        } else {
            (
                "Traceback (most recent call last):",
                if ctx.depth > 0 { "| " } else { "" },
            )
        };
        out.push_str(&format!("{indent}{header_margin}{header}\n"));
        format_tb(&tb, out, &margin);
    }
    let line = exc_line(vm, e);
    out.push_str(&margin);
    out.push_str(&line);
    out.push_str(&notes_lines(vm, e, &margin));
}

/// `print_exception_group`: the group itself, then each sub-exception in a numbered box.
fn format_group(vm: &mut Vm, e: &PyRef, out: &mut String, ctx: &mut Ctx) {
    if ctx.depth > MAX_GROUP_DEPTH {
        let m = ctx.margin();
        out.push_str(&format!("{m}... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
        return;
    }
    let top = ctx.depth == 0;
    if top {
        ctx.depth += 1;
    }
    format_one(vm, e, out, ctx);
    let excs = crate::types::exception_group::members(&Value::Obj(e.clone()));
    let n = excs.len().min(MAX_GROUP_WIDTH + 1);
    ctx.need_close = false;
    for (i, sub) in excs.iter().take(n).enumerate() {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let indent = " ".repeat(2 * ctx.depth);
        let lead = if i == 0 { "+-" } else { "  " };
        let truncated = i >= MAX_GROUP_WIDTH;
        if truncated {
            out.push_str(&format!(
                "{indent}{lead}+---------------- ... ----------------\n"
            ));
        } else {
            out.push_str(&format!(
                "{indent}{lead}+---------------- {} ----------------\n",
                i + 1
            ));
        }
        ctx.depth += 1;
        if !truncated {
            if let Value::Obj(s) = sub {
                format_recursive(vm, s, out, ctx);
            }
        } else {
            let rem = excs.len() - MAX_GROUP_WIDTH;
            let m = ctx.margin();
            out.push_str(&format!(
                "{m}and {rem} more exception{}\n",
                if rem > 1 { "s" } else { "" }
            ));
        }
        if last && ctx.need_close {
            let indent = " ".repeat(2 * ctx.depth);
            out.push_str(&format!("{indent}+------------------------------------\n"));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if ctx.depth == 1 && top {
        ctx.depth -= 1;
    }
}

/// The `__notes__` printed after the exception line (3.11's `print_exception_notes`):
/// each line of each note after the margin, other notes through `str()`.
fn notes_lines(vm: &mut Vm, e: &PyRef, margin: &str) -> String {
    let Some(notes) = crate::types::exceptions::exc_data(e).and_then(|d| d.notes.borrow().clone())
    else {
        return String::new();
    };
    let items = match notes.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => {
            let r = vm
                .repr(&notes)
                .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            return format!("{margin}{r}\n");
        }
    };
    let mut out = String::new();
    for n in items {
        let s = match n.as_str() {
            Some(s) => s.as_rust().into_owned(),
            None => vm
                .str_string(&n)
                .unwrap_or_else(|_| "<note str() failed>".into()),
        };
        for line in s.split_inclusive('\n') {
            out.push_str(margin);
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// A SyntaxError's `args[0]`.
fn syntax_error_msg(e: &PyRef) -> String {
    crate::types::exceptions::exc_args(e)
        .first()
        .and_then(|m| m.as_str().map(|s| s.as_rust().into_owned()))
        .unwrap_or_default()
}

/// The `File "F", line N` / source / carets block CPython prints before a SyntaxError
/// whose `args[1]` is `(filename, lineno, offset, text, end_lineno, end_offset)`.
fn syntax_error_block(vm: &mut Vm, e: &PyRef) -> Option<String> {
    let se = match crate::types::dict::dict_get_str(
        &vm.builtins.clone(),
        &crate::types::str::PyStr::from_str("SyntaxError"),
        {
            let n = vm.intern("SyntaxError");
            crate::object::attr::hash_of(vm, &n)
        },
    ) {
        Some(Value::Obj(t)) => t,
        _ => return None,
    };
    if !crate::object::typeobj::is_subtype(&e.ty, &se) {
        return None;
    }
    let args = crate::types::exceptions::exc_args(e);
    let Some(Payload::Tuple(d)) = args.get(1).and_then(|v| v.payload()) else {
        return None;
    };
    if d.len() != 6 {
        return None;
    }
    let s = |v: &Value| v.as_str().map(|s| s.as_rust().into_owned());
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    };
    let file = s(&d[0])?;
    let line = int(&d[1])?;
    let mut out = format!("  File \"{file}\", line {line}\n");
    if let (Some(text), Some(off)) = (s(&d[3]), int(&d[2])) {
        let trimmed = text.trim_end_matches(['\n', '\r']);
        let stripped = trimmed.trim_start();
        let lead = (trimmed.chars().count() - stripped.chars().count()) as i64;
        out.push_str(&format!("    {stripped}\n"));
        // print_error_text: no caret line when the offset points left of the text
        // (offset 0, or inside the leading whitespace).
        if off - 1 - lead < 0 {
            return Some(out);
        }
        let start = off - 1 - lead;
        let end = int(&d[5]).unwrap_or(off + 1) - 1 - lead;
        let n = (end - start).max(1);
        out.push_str(&format!(
            "    {}{}\n",
            " ".repeat(start as usize),
            "^".repeat(n as usize)
        ));
    }
    Some(out)
}
