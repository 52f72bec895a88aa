//! Assembly: a finished code unit to a `CodeObject` — the implicit `return None`, the
//! flow-graph passes, prefix instructions (`COPY_FREE_VARS`, `MAKE_CELL`,
//! `RETURN_GENERATOR`), cell offsets, jump directions and `EXTENDED_ARG` sizes, and the
//! location and exception tables (CPython 3.11: `assemble` and its helpers in
//! `Python/compile.c`).

use crate::codegen::{CResult, Unit};
use crate::errors::CompileError;
use crate::flowgraph::{self, Cfg, Instr, Loc, NO_BLOCK};
use crate::ops::*;
use pyrs_bytecode::code::{flags, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL};
use pyrs_bytecode::exception_table::{self, ExceptionTableEntry};
use pyrs_bytecode::instruction::instr_size;
use pyrs_bytecode::linetable::{Encoder, Positions};
use pyrs_bytecode::{opcode, CodeObject, PyStrValue};

fn size_of(op: u16, arg: u32) -> u32 {
    (instr_size(arg) + opcode::cache_entries(op as u8)) as u32
}

fn unsupported(msg: String) -> CompileError {
    CompileError::Unsupported(msg)
}

pub(crate) fn assemble(
    mut u: Unit,
    code_flags: u32,
    filename: &str,
    add_none: bool,
) -> CResult<CodeObject> {
    // Every path that falls off the end returns None.
    let cur = u.cur;
    let returns = u.blocks[cur]
        .instrs
        .last()
        .map_or(false, |i| i.op == RETURN_VALUE);
    if !returns {
        let none = u.add_const(pyrs_bytecode::Constant::None);
        // UNSET_LOC: no line, but the columns of the last location set stay (they show if
        // NOP removal gives these a line).
        let l = Loc {
            lineno: -1,
            ..u.loc
        };
        if add_none {
            u.blocks[cur]
                .instrs
                .push(Instr::new(LOAD_CONST, none, NO_BLOCK, l));
        }
        u.blocks[cur]
            .instrs
            .push(Instr::new(RETURN_VALUE, 0, NO_BLOCK, l));
    }
    let mut cfg = Cfg {
        blocks: std::mem::take(&mut u.blocks),
        order: std::mem::take(&mut u.order),
    };

    // Cell layout: varnames, then cells that are not arguments, then free variables.
    let nlocals = u.varnames.len() as u32;
    let ncells = u.cellvars.len();
    let mut fixed: Vec<u32> = Vec::with_capacity(ncells + u.freevars.len());
    let mut dropped = 0u32;
    for (i, c) in u.cellvars.items.iter().enumerate() {
        match u.varnames.get(c) {
            Some(v) => {
                fixed.push(v);
                dropped += 1;
            }
            None => fixed.push(nlocals + i as u32 - dropped),
        }
    }
    for i in 0..u.freevars.len() {
        fixed.push(nlocals + (ncells + i) as u32 - dropped);
    }

    // Cell offsets.
    for b in &mut cfg.blocks {
        for i in &mut b.instrs {
            if matches!(
                i.op,
                MAKE_CELL
                    | LOAD_CLOSURE
                    | LOAD_DEREF
                    | STORE_DEREF
                    | DELETE_DEREF
                    | LOAD_CLASSDEREF
            ) {
                i.arg = *fixed
                    .get(i.arg as usize)
                    .ok_or_else(|| unsupported("cell index out of range".into()))?;
            }
        }
    }

    crate::peephole::optimize_cfg(&mut cfg, &mut u.consts);
    crate::peephole::duplicate_exits_without_lineno(&mut cfg);
    // trim_unused_consts: drop trailing constants nothing loads (index 0 stays: the
    // docstring slot).
    let mut max_const = 0u32;
    for &b in &cfg.order {
        for i in &cfg.blocks[b].instrs {
            if (i.op == LOAD_CONST || i.op == KW_NAMES) && i.arg > max_const {
                max_const = i.arg;
            }
        }
    }
    u.consts.truncate(max_const as usize + 1);
    cfg.propagate_line_numbers();
    cfg.guarantee_lineno_for_exits(u.firstlineno);
    let maxdepth = cfg.stackdepth().map_err(unsupported)?;
    // Prefix instructions.
    if let Some(&entry) = cfg.order.first() {
        let mut prefix = Vec::new();
        if !u.freevars.items.is_empty() {
            prefix.push(Instr::new(
                COPY_FREE_VARS,
                u.freevars.len() as u32,
                NO_BLOCK,
                Loc::NONE,
            ));
        }
        let mut cells: Vec<(u32, usize)> = (0..ncells).map(|i| (fixed[i], i)).collect();
        cells.sort();
        for (_, i) in cells {
            prefix.push(Instr::new(MAKE_CELL, fixed[i], NO_BLOCK, Loc::NONE));
        }
        if code_flags & (flags::CO_GENERATOR | flags::CO_COROUTINE | flags::CO_ASYNC_GENERATOR) != 0
        {
            let l = Loc {
                lineno: u.firstlineno,
                end_lineno: u.firstlineno,
                col: -1,
                end_col: -1,
            };
            prefix.push(Instr::new(RETURN_GENERATOR, 0, NO_BLOCK, l));
            prefix.push(Instr::new(POP_TOP, 0, NO_BLOCK, l));
        }
        let b = &mut cfg.blocks[entry];
        b.instrs.splice(0..0, prefix);
    }
    cfg.label_exception_targets();
    cfg.convert_pseudo_ops();
    cfg.remove_nops();
    cfg.remove_empty_blocks();

    // Jump directions and offsets, until sizes are stable.
    let mut pos = vec![usize::MAX; cfg.blocks.len()];
    for (i, &b) in cfg.order.iter().enumerate() {
        pos[b] = i;
    }
    for (bi, &b) in cfg.order.iter().enumerate() {
        for ins in &mut cfg.blocks[b].instrs {
            if ins.target == NO_BLOCK {
                continue;
            }
            let backward = pos[ins.target] <= bi;
            ins.op = resolve_jump(ins.op, backward)
                .ok_or_else(|| unsupported(format!("backward jump of opcode {}", ins.op)))?;
        }
    }
    for _ in 0..64 {
        let mut off = 0u32;
        for &b in &cfg.order {
            cfg.blocks[b].offset = off;
            for ins in &cfg.blocks[b].instrs {
                off += size_of(ins.op, ins.arg);
            }
        }
        let mut changed = false;
        for &b in &cfg.order {
            let mut off = cfg.blocks[b].offset;
            let n = cfg.blocks[b].instrs.len();
            for k in 0..n {
                let ins = cfg.blocks[b].instrs[k];
                let size = size_of(ins.op, ins.arg);
                off += size;
                if ins.target != NO_BLOCK {
                    let t = cfg.blocks[ins.target].offset;
                    let arg = if is_backward(ins.op) {
                        off.saturating_sub(t)
                    } else {
                        t.saturating_sub(off)
                    };
                    if arg != ins.arg {
                        cfg.blocks[b].instrs[k].arg = arg;
                        if size_of(ins.op, arg) != size {
                            changed = true;
                        }
                        changed = changed || arg != ins.arg;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }

    // Emit code, location table and exception table.
    let units: usize = cfg.order.last().map_or(0, |&b| {
        let blk = &cfg.blocks[b];
        blk.offset as usize
            + blk
                .instrs
                .iter()
                .map(|i| size_of(i.op, i.arg) as usize)
                .sum::<usize>()
    });
    let ninstrs: usize = cfg.order.iter().map(|&b| cfg.blocks[b].instrs.len()).sum();
    let mut code = Vec::with_capacity(2 * units);
    // Most entries take 2 bytes (short forms); the table grows for the rest.
    let mut enc = Encoder::with_capacity(u.firstlineno, 2 * ninstrs + 8);
    let mut entries: Vec<ExceptionTableEntry> = Vec::new();
    let mut handler = NO_BLOCK;
    let mut start = 0usize;
    for &b in &cfg.order {
        for ins in &cfg.blocks[b].instrs {
            let offset = code.len() / 2;
            if ins.except != handler {
                if handler != NO_BLOCK {
                    entries.push(handler_entry(&cfg, start, offset, handler));
                }
                start = offset;
                handler = ins.except;
            }
            if ins.op > 255 {
                return Err(unsupported(format!("pseudo opcode {} left", ins.op)));
            }
            pyrs_bytecode::instruction::emit(&mut code, ins.op as u8, ins.arg);
            let units = code.len() / 2 - offset;
            let l = ins.loc;
            let p = if l.lineno < 0 {
                Positions::default()
            } else {
                Positions {
                    lineno: Some(l.lineno),
                    end_lineno: Some(l.end_lineno),
                    col: if l.col < 0 { None } else { Some(l.col) },
                    end_col: if l.end_col < 0 { None } else { Some(l.end_col) },
                }
            };
            enc.push(units, p);
        }
    }
    if handler != NO_BLOCK {
        entries.push(handler_entry(&cfg, start, code.len() / 2, handler));
    }

    // localsplus: varnames (a captured argument is local and cell), then the cells that
    // are not arguments, then the free variables. The strings move into the code object.
    let mut kinds: Vec<u8> = Vec::with_capacity(u.varnames.len() + ncells + u.freevars.len());
    for v in &u.varnames.items {
        let mut k = CO_FAST_LOCAL;
        if u.cellvars.get(v).is_some() {
            k |= CO_FAST_CELL;
        }
        kinds.push(k);
    }
    let cell_only: Vec<bool> = u
        .cellvars
        .items
        .iter()
        .map(|c| u.varnames.get(c).is_none())
        .collect();
    kinds.extend(cell_only.iter().filter(|&&c| c).map(|_| CO_FAST_CELL));
    kinds.extend(std::iter::repeat(CO_FAST_FREE).take(u.freevars.len()));
    let mut names: Vec<PyStrValue> = Vec::with_capacity(kinds.len());
    names.extend(
        std::mem::take(&mut u.varnames.items)
            .into_iter()
            .map(PyStrValue::from),
    );
    names.extend(
        std::mem::take(&mut u.cellvars.items)
            .into_iter()
            .zip(&cell_only)
            .filter(|(_, &c)| c)
            .map(|(c, _)| PyStrValue::from(c)),
    );
    names.extend(
        std::mem::take(&mut u.freevars.items)
            .into_iter()
            .map(PyStrValue::from),
    );
    let firstlineno = u.firstlineno;
    Ok(CodeObject {
        argcount: u.argcount + u.posonlyargcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        stacksize: maxdepth,
        flags: code_flags,
        code,
        consts: u.consts,
        names: std::mem::take(&mut u.names.items)
            .into_iter()
            .map(PyStrValue::from)
            .collect(),
        localsplusnames: names,
        localspluskinds: kinds,
        filename: PyStrValue::new(filename),
        name: PyStrValue::from(std::mem::take(&mut u.name)),
        qualname: PyStrValue::from(std::mem::take(&mut u.qualname)),
        firstlineno,
        linetable: enc.finish(),
        exceptiontable: exception_table::encode(&entries),
    })
}

fn handler_entry(cfg: &Cfg, start: usize, end: usize, handler: usize) -> ExceptionTableEntry {
    let h = &cfg.blocks[handler];
    let mut depth = h.startdepth - 1;
    if h.preserve_lasti {
        depth -= 1;
    }
    ExceptionTableEntry {
        start: start * 2,
        end: end * 2,
        target: h.offset as usize * 2,
        depth: depth.max(0) as u32,
        lasti: h.preserve_lasti,
    }
}

fn is_backward(op: u16) -> bool {
    matches!(
        op,
        JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE
    )
}

fn resolve_jump(op: u16, backward: bool) -> Option<u16> {
    Some(match (op, backward) {
        (JUMP | JUMP_FORWARD | JUMP_BACKWARD, false) => JUMP_FORWARD,
        (JUMP | JUMP_FORWARD | JUMP_BACKWARD, true) => JUMP_BACKWARD,
        (JUMP_NO_INTERRUPT, false) => JUMP_FORWARD,
        (JUMP_NO_INTERRUPT | JUMP_BACKWARD_NO_INTERRUPT, true) => JUMP_BACKWARD_NO_INTERRUPT,
        (POP_JUMP_IF_FALSE, false) => POP_JUMP_FORWARD_IF_FALSE,
        (POP_JUMP_IF_FALSE, true) => POP_JUMP_BACKWARD_IF_FALSE,
        (POP_JUMP_IF_TRUE, false) => POP_JUMP_FORWARD_IF_TRUE,
        (POP_JUMP_IF_TRUE, true) => POP_JUMP_BACKWARD_IF_TRUE,
        (POP_JUMP_IF_NONE, false) => POP_JUMP_FORWARD_IF_NONE,
        (POP_JUMP_IF_NONE, true) => POP_JUMP_BACKWARD_IF_NONE,
        (POP_JUMP_IF_NOT_NONE, false) => POP_JUMP_FORWARD_IF_NOT_NONE,
        (POP_JUMP_IF_NOT_NONE, true) => POP_JUMP_BACKWARD_IF_NOT_NONE,
        (JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP | FOR_ITER | SEND, false) => op,
        (_, true) if flowgraph::is_jump(op) => return None,
        _ => op,
    })
}
