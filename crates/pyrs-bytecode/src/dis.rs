//! The disassembler: the exact text of `python3 -m dis FILE` / `dis.dis(code)` for a code
//! object tree (CPython 3.11: `Lib/dis.py`, `_disassemble_recursive`, `_disassemble_bytes`,
//! `_get_instructions_bytes`, `Instruction._disassemble`).

use crate::code::{CodeObject, Constant};
use crate::exception_table::{self, ExceptionTableEntry};
use crate::instruction::{instructions, Instruction};
use crate::linetable;
use crate::opcode::{self, ArgKind, CMP_OP, NB_OPS};
use crate::repr::{code_repr, constant_repr};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// `dis.dis(code)`: this code object, then each code object in its constants, recursively,
/// each after a blank line and `Disassembly of <code object ...>:`.
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    // An explicit stack, so that deep nesting never recurses on the Rust stack.
    let mut stack = vec![code];
    while let Some(co) = stack.pop() {
        if !std::ptr::eq(co, code) {
            out.push('\n');
            writeln!(out, "Disassembly of {}:", code_repr(co)).unwrap();
        }
        disassemble(co, &mut out);
        for c in co.consts.iter().rev() {
            if let Constant::Code(inner) = c {
                stack.push(inner);
            }
        }
    }
    out
}

/// The argument text in parentheses and whether to show it (`argrepr`).
fn argrepr(co: &CodeObject, ins: &Instruction, arg: i32) -> String {
    let deop = opcode::deopt(ins.op);
    let name = |i: i64| -> String {
        usize::try_from(i)
            .ok()
            .and_then(|i| co.names.get(i))
            .map_or_else(|| "<bad name>".into(), |s| s.to_string_lossy())
    };
    match opcode::arg_kind(deop) {
        ArgKind::Const => {
            if opcode::name(deop) == "LOAD_CONST" {
                usize::try_from(arg)
                    .ok()
                    .and_then(|i| co.consts.get(i))
                    .map_or_else(|| "<bad const>".into(), constant_repr)
            } else {
                String::new() // KW_NAMES: `dis` has no co_consts lookup for it.
            }
        }
        ArgKind::Name if opcode::name(deop) == "LOAD_GLOBAL" => {
            let n = name((arg >> 1) as i64);
            if arg & 1 != 0 {
                format!("NULL + {n}")
            } else {
                n
            }
        }
        ArgKind::Name => name(arg as i64),
        ArgKind::Local | ArgKind::Free => usize::try_from(arg)
            .ok()
            .and_then(|i| co.localsplus_name(i))
            .map_or_else(|| "<bad local>".into(), |s| s.to_string_lossy()),
        ArgKind::Compare => CMP_OP.get(arg as usize).map_or("", |s| s).to_string(),
        ArgKind::Other => {
            if let Some(target) = ins.jump_target() {
                return format!("to {target}");
            }
            match opcode::name(deop).as_ref() {
                "FORMAT_VALUE" => {
                    let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
                    if arg & 4 != 0 {
                        if !s.is_empty() {
                            s.push_str(", ");
                        }
                        s.push_str("with format");
                    }
                    s
                }
                "MAKE_FUNCTION" => ["defaults", "kwdefaults", "annotations", "closure"]
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| arg & (1 << i) != 0)
                    .map(|(_, s)| *s)
                    .collect::<Vec<_>>()
                    .join(", "),
                "BINARY_OP" => NB_OPS.get(arg as usize).map_or("", |o| o.1).to_string(),
                _ => String::new(),
            }
        }
    }
}

/// `dis.disassemble(co)`: one code object, without the nested ones.
pub fn disassemble(co: &CodeObject, out: &mut String) {
    let line_starts: HashMap<usize, i32> = linetable::line_starts(&co.linetable, co.firstlineno)
        .into_iter()
        .collect();
    let entries = exception_table::decode(&co.exceptiontable);
    let lineno_width = match line_starts.values().max() {
        None => 0,
        Some(&max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let maxoffset = co.code.len() as i64 - 2;
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };

    let all: Vec<Instruction> = instructions(&co.code).collect();
    let mut labels: HashSet<i64> = all.iter().filter_map(|i| i.jump_target()).collect();
    for e in &entries {
        if e.start < e.end {
            labels.insert(e.target as i64);
        }
    }
    for ins in &all {
        let starts_line = line_starts.get(&ins.offset);
        if lineno_width > 0 && starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::with_capacity(6);
        if lineno_width > 0 {
            fields.push(match starts_line {
                Some(l) => format!("{l:>lineno_width$}"),
                None => " ".repeat(lineno_width),
            });
        }
        fields.push("   ".into());
        fields.push(
            if labels.contains(&(ins.offset as i64)) {
                ">>"
            } else {
                "  "
            }
            .into(),
        );
        fields.push(format!("{:>offset_width$}", ins.offset));
        fields.push(format!("{:<OPNAME_WIDTH$}", opcode::name(ins.op)));
        if let Some(arg) = ins.arg {
            fields.push(format!("{arg:>OPARG_WIDTH$}"));
            let r = argrepr(co, ins, arg);
            if !r.is_empty() {
                fields.push(format!("({r})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    write_exception_table(&entries, out);
}

/// The `ExceptionTable:` section (nothing when the table is empty).
fn write_exception_table(entries: &[ExceptionTableEntry], out: &mut String) {
    if entries.is_empty() {
        return;
    }
    out.push_str("ExceptionTable:\n");
    for e in entries {
        let lasti = if e.lasti { " lasti" } else { "" };
        let end = e.end as i64 - 2;
        writeln!(
            out,
            "  {} to {} -> {} [{}]{}",
            e.start, end, e.target, e.depth, lasti
        )
        .unwrap();
    }
}
