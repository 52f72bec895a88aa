//! The control-flow graph of one code unit: basic blocks, reachability, the exception
//! handler of each instruction, dead-code removal, jump threading, NOP removal, line
//! number propagation and stack depth (CPython 3.11: `Python/compile.c` —
//! `mark_reachable`, `label_exception_targets`, `optimize_cfg`, `clean_basic_block`,
//! `propagate_line_numbers`, `stackdepth`).
//!
//! Invariants: a jump (conditional or not) or a scope exit (`RETURN_VALUE`, `RAISE_VARARGS`,
//! `RERAISE`) is always the last instruction of its block; a `SETUP_*` pseudo-instruction
//! has a target (its handler) but does not end a block.

use crate::ops::*;
use pyrs_ast::Location;

pub const NO_BLOCK: usize = usize::MAX;

/// An instruction's source range; `lineno == -1` means none (yet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };
    /// What 3.11's `compiler_addop_noline` / `compiler_addop_j_noline` give an
    /// instruction: line -1, the other fields 0.
    pub const NOLINE: Loc = Loc {
        lineno: -1,
        end_lineno: 0,
        col: 0,
        end_col: 0,
    };
}

impl From<Location> for Loc {
    fn from(l: Location) -> Loc {
        Loc {
            lineno: l.lineno as i32,
            end_lineno: l.end_lineno as i32,
            col: l.col_offset as i32,
            end_col: l.end_col_offset as i32,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: u16,
    pub arg: u32,
    pub target: usize,
    pub loc: Loc,
    /// The handler block for an exception raised here (set by `label_exception_targets`).
    pub except: usize,
}

impl Instr {
    pub fn new(op: u16, arg: u32, target: usize, loc: Loc) -> Instr {
        Instr {
            op,
            arg,
            target,
            loc,
            except: NO_BLOCK,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub predecessors: u32,
    pub visited: bool,
    pub preserve_lasti: bool,
    pub startdepth: i32,
    pub offset: u32,
}

pub fn is_block_push(op: u16) -> bool {
    matches!(op, SETUP_FINALLY | SETUP_CLEANUP | SETUP_WITH)
}

pub fn is_uncond_jump(op: u16) -> bool {
    matches!(
        op,
        JUMP | JUMP_NO_INTERRUPT | JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT
    )
}

pub fn is_jump(op: u16) -> bool {
    is_uncond_jump(op)
        || matches!(
            op,
            POP_JUMP_IF_FALSE
                | POP_JUMP_IF_TRUE
                | POP_JUMP_IF_NONE
                | POP_JUMP_IF_NOT_NONE
                | POP_JUMP_FORWARD_IF_FALSE
                | POP_JUMP_FORWARD_IF_TRUE
                | POP_JUMP_FORWARD_IF_NONE
                | POP_JUMP_FORWARD_IF_NOT_NONE
                | POP_JUMP_BACKWARD_IF_FALSE
                | POP_JUMP_BACKWARD_IF_TRUE
                | POP_JUMP_BACKWARD_IF_NONE
                | POP_JUMP_BACKWARD_IF_NOT_NONE
                | JUMP_IF_FALSE_OR_POP
                | JUMP_IF_TRUE_OR_POP
                | FOR_ITER
                | SEND
        )
}

pub fn is_scope_exit(op: u16) -> bool {
    matches!(op, RETURN_VALUE | RAISE_VARARGS | RERAISE)
}

/// Ends a block: any jump or scope exit.
pub fn is_terminator(op: u16) -> bool {
    is_jump(op) || is_scope_exit(op)
}

/// The block does not fall through to the next one in layout order.
pub fn no_fallthrough(b: &Block) -> bool {
    match b.instrs.last() {
        Some(i) => is_uncond_jump(i.op) || is_scope_exit(i.op),
        None => false,
    }
}

/// The graph: blocks and their layout order.
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub order: Vec<usize>,
}

impl Cfg {
    /// The block after `pos` in layout order.
    fn next_of(&self, pos: usize) -> usize {
        self.order.get(pos + 1).copied().unwrap_or(NO_BLOCK)
    }

    fn positions(&self) -> Vec<usize> {
        let mut pos = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in self.order.iter().enumerate() {
            pos[b] = i;
        }
        pos
    }

    /// `positions` as a public helper: the layout index of each block (`usize::MAX` if
    /// not laid out).
    pub fn layout_positions(&self) -> Vec<usize> {
        self.positions()
    }

    /// `mark_reachable`: counts predecessors along every edge from reachable blocks (a
    /// block pushed twice before it is visited counts its edges twice, as in CPython),
    /// then empties and drops the unreachable blocks.
    pub fn remove_unreachable(&mut self) {
        for b in &mut self.blocks {
            b.predecessors = 0;
            b.visited = false;
        }
        let pos = self.positions();
        let Some(&entry) = self.order.first() else {
            return;
        };
        let mut stack = vec![entry];
        self.blocks[entry].predecessors = 1;
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = true;
            if !no_fallthrough(&self.blocks[b]) {
                let n = self.next_of(pos[b]);
                if n != NO_BLOCK {
                    if !self.blocks[n].visited {
                        stack.push(n);
                    }
                    self.blocks[n].predecessors += 1;
                }
            }
            for k in 0..self.blocks[b].instrs.len() {
                let t = self.blocks[b].instrs[k].target;
                if t != NO_BLOCK {
                    if !self.blocks[t].visited {
                        stack.push(t);
                    }
                    self.blocks[t].predecessors += 1;
                }
            }
        }
        for &b in &self.order {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        let blocks = &self.blocks;
        self.order.retain(|&b| blocks[b].visited);
    }

    /// `label_exception_targets`: the handler of each instruction from the `SETUP_*` /
    /// `POP_BLOCK` pseudo-instructions along every path.
    pub fn label_exception_targets(&mut self) {
        let pos = self.positions();
        for b in &mut self.blocks {
            b.visited = false;
        }
        let Some(&entry) = self.order.first() else {
            return;
        };
        let mut stacks: Vec<Option<Vec<usize>>> = vec![None; self.blocks.len()];
        stacks[entry] = Some(Vec::new());
        self.blocks[entry].visited = true;
        let mut todo = vec![entry];
        while let Some(b) = todo.pop() {
            let mut stack = stacks[b].take().unwrap_or_default();
            let mut handler = stack.last().copied().unwrap_or(NO_BLOCK);
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let ins = self.blocks[b].instrs[i];
                if is_block_push(ins.op) {
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        stacks[t] = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                    if ins.op == SETUP_WITH || ins.op == SETUP_CLEANUP {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(t);
                    handler = t;
                } else if ins.op == POP_BLOCK {
                    stack.pop();
                    handler = stack.last().copied().unwrap_or(NO_BLOCK);
                } else if is_jump(ins.op) {
                    self.blocks[b].instrs[i].except = handler;
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        stacks[t] = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if !no_fallthrough(&self.blocks[b]) {
                let nb = self.next_of(pos[b]);
                if nb != NO_BLOCK && !self.blocks[nb].visited {
                    stacks[nb] = Some(stack);
                    self.blocks[nb].visited = true;
                    todo.push(nb);
                }
            }
        }
    }

    /// Pseudo block instructions become NOPs (with their location) once labelled.
    pub fn convert_pseudo_ops(&mut self) {
        for b in &mut self.blocks {
            for i in &mut b.instrs {
                if is_block_push(i.op) || i.op == POP_BLOCK {
                    i.op = NOP;
                    i.target = NO_BLOCK;
                    i.arg = 0;
                }
            }
        }
    }

    /// `clean_basic_block` on every block in layout order.
    pub fn remove_nops(&mut self) {
        let pos = self.positions();
        for bi in 0..self.order.len() {
            let b = self.order[bi];
            self.clean_block(&pos, b);
        }
    }

    /// `clean_basic_block`: removes the NOPs of block `b` that carry no needed line
    /// number (`pos` is the layout index of each block).
    pub fn clean_block(&mut self, pos: &[usize], b: usize) {
        let next_line = {
            let mut p = pos[b].wrapping_add(1);
            let mut line = None;
            while let Some(&nb) = self.order.get(p) {
                if let Some(i) = self.blocks[nb].instrs.first() {
                    line = Some(i.loc.lineno);
                    break;
                }
                p += 1;
            }
            line
        };
        let mut instrs = std::mem::take(&mut self.blocks[b].instrs);
        let mut dest = 0;
        let mut prev_lineno = -1;
        let n = instrs.len();
        for src in 0..n {
            let ins = instrs[src];
            let lineno = ins.loc.lineno;
            if ins.op == NOP {
                if lineno < 0 || prev_lineno == lineno {
                    continue;
                }
                if src + 1 < n {
                    let nl = instrs[src + 1].loc.lineno;
                    if nl < 0 || nl == lineno {
                        // Only the line moves to the next instruction (3.11 copies
                        // `i_lineno`, not the columns).
                        instrs[src + 1].loc.lineno = lineno;
                        continue;
                    }
                } else if next_line == Some(lineno) {
                    continue;
                }
            }
            instrs[dest] = ins;
            dest += 1;
            prev_lineno = lineno;
        }
        instrs.truncate(dest);
        self.blocks[b].instrs = instrs;
    }

    /// Removes empty blocks from the layout, retargeting jumps past them.
    pub fn remove_empty_blocks(&mut self) {
        // A jump to an empty block goes to the next non-empty block in layout order.
        let mut next_nonempty = vec![NO_BLOCK; self.blocks.len()];
        let mut nxt = NO_BLOCK;
        for &b in self.order.iter().rev() {
            if !self.blocks[b].instrs.is_empty() {
                nxt = b;
            }
            next_nonempty[b] = nxt;
        }
        for &b in &self.order {
            for i in 0..self.blocks[b].instrs.len() {
                let t = self.blocks[b].instrs[i].target;
                if t != NO_BLOCK && next_nonempty[t] != t && next_nonempty[t] != NO_BLOCK {
                    self.blocks[b].instrs[i].target = next_nonempty[t];
                }
                let e = self.blocks[b].instrs[i].except;
                if e != NO_BLOCK && next_nonempty[e] != NO_BLOCK {
                    self.blocks[b].instrs[i].except = next_nonempty[e];
                }
            }
        }
        let blocks = &self.blocks;
        self.order.retain(|&b| !blocks[b].instrs.is_empty());
    }

    /// Removes an unconditional jump to the block that follows anyway.
    pub fn remove_jumps_to_next(&mut self) {
        for bi in 0..self.order.len() {
            let b = self.order[bi];
            let next = self.next_of(bi);
            if let Some(last) = self.blocks[b].instrs.last().copied() {
                if (last.op == JUMP || last.op == JUMP_NO_INTERRUPT) && last.target == next {
                    let n = self.blocks[b].instrs.len();
                    self.blocks[b].instrs[n - 1].op = NOP;
                    self.blocks[b].instrs[n - 1].target = NO_BLOCK;
                }
            }
        }
    }

    /// `propagate_line_numbers`: instructions without a line take their predecessor's.
    pub fn propagate_line_numbers(&mut self) {
        for bi in 0..self.order.len() {
            let b = self.order[bi];
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Loc::NONE;
            for ins in &mut self.blocks[b].instrs {
                if ins.loc.lineno < 0 {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            if !no_fallthrough(&self.blocks[b]) {
                let n = self.next_of(bi);
                if n != NO_BLOCK && self.blocks[n].predecessors == 1 {
                    if let Some(f) = self.blocks[n].instrs.first_mut() {
                        if f.loc.lineno < 0 {
                            f.loc = prev;
                        }
                    }
                }
            }
            let last = *self.blocks[b].instrs.last().unwrap();
            if is_jump(last.op) && last.target != NO_BLOCK {
                let t = last.target;
                if self.blocks[t].predecessors == 1 {
                    if let Some(f) = self.blocks[t].instrs.first_mut() {
                        if f.loc.lineno < 0 {
                            f.loc = prev;
                        }
                    }
                }
            }
        }
    }

    /// `guarantee_lineno_for_exits`: a `RETURN_VALUE` block still without a line takes
    /// the line of the last block before it that has one (the first line at first).
    pub fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut lineno = firstlineno;
        for &b in &self.order {
            let Some(last) = self.blocks[b].instrs.last().copied() else {
                continue;
            };
            if last.loc.lineno < 0 {
                if last.op == RETURN_VALUE {
                    for i in &mut self.blocks[b].instrs {
                        i.loc.lineno = lineno;
                        if i.loc.end_lineno < 0 {
                            i.loc.end_lineno = lineno;
                        }
                    }
                }
            } else {
                lineno = last.loc.lineno;
            }
        }
    }

    /// `stackdepth`: the maximum stack depth, and each block's depth at entry.
    pub fn stackdepth(&mut self) -> Result<u32, String> {
        let pos = self.positions();
        for b in &mut self.blocks {
            b.startdepth = i32::MIN;
        }
        let Some(&entry) = self.order.first() else {
            return Ok(0);
        };
        let mut stack = vec![];
        let mut maxdepth = 0;
        self.blocks[entry].startdepth = 0;
        stack.push(entry);
        fn push(
            blocks: &mut [Block],
            stack: &mut Vec<usize>,
            b: usize,
            depth: i32,
        ) -> Result<(), String> {
            if blocks[b].startdepth == i32::MIN {
                blocks[b].startdepth = depth;
                stack.push(b);
            } else if blocks[b].startdepth < depth && blocks[b].startdepth != depth {
                // CPython asserts equal depths; keep the larger to stay safe.
                blocks[b].startdepth = depth;
                stack.push(b);
            }
            Ok(())
        }
        let mut iterations = 0usize;
        while let Some(b) = stack.pop() {
            iterations += 1;
            if iterations > 1_000_000 {
                return Err("stack depth does not converge".into());
            }
            let mut depth = self.blocks[b].startdepth;
            let mut fell_off = true;
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let ins = self.blocks[b].instrs[i];
                let effect = stack_effect(ins.op, ins.arg, false)?;
                let new_depth = depth + effect;
                if new_depth < 0 {
                    return Err(format!("negative stack depth at op {}", ins.op));
                }
                maxdepth = maxdepth.max(new_depth);
                if ins.target != NO_BLOCK {
                    let jd = depth + stack_effect(ins.op, ins.arg, true)?;
                    maxdepth = maxdepth.max(jd);
                    push(&mut self.blocks, &mut stack, ins.target, jd)?;
                }
                depth = new_depth;
                if is_uncond_jump(ins.op) || is_scope_exit(ins.op) {
                    fell_off = false;
                    break;
                }
            }
            if fell_off {
                let nb = self.order.get(pos[b] + 1).copied();
                if let Some(nb) = nb {
                    push(&mut self.blocks, &mut stack, nb, depth)?;
                }
            }
        }
        Ok(maxdepth as u32)
    }
}

/// Stack effect of a real or pseudo instruction (`stack_effect` in compile.c).
pub fn stack_effect(op: u16, arg: u32, jump: bool) -> Result<i32, String> {
    Ok(match op {
        SETUP_FINALLY => {
            if jump {
                1
            } else {
                0
            }
        }
        SETUP_CLEANUP => {
            if jump {
                2
            } else {
                0
            }
        }
        SETUP_WITH => {
            if jump {
                1
            } else {
                0
            }
        }
        POP_BLOCK | JUMP | JUMP_NO_INTERRUPT => 0,
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => -1,
        _ => {
            let real = op as u8;
            match pyrs_bytecode::opcode::stack_effect(real, arg as i32, Some(jump)) {
                Some(e) => e,
                None => return Err(format!("no stack effect for opcode {op}")),
            }
        }
    })
}
