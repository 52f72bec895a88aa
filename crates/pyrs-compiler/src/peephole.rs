//! The 3.11 peephole optimizations on the flow graph (CPython 3.11: `optimize_basic_block`,
//! `fold_tuple_on_constants`, `duplicate_exits_without_lineno` in `Python/compile.c`).

use crate::flowgraph::{self, Cfg, Instr, NO_BLOCK};
use crate::ops::*;
use pyrs_bytecode::Constant as K;

fn is_const_load(i: &Instr) -> bool {
    i.op == LOAD_CONST
}

fn add_const(consts: &mut Vec<K>, k: K) -> u32 {
    if let Some(p) = consts.iter().position(|c| same_const(c, &k)) {
        return p as u32;
    }
    consts.push(k);
    (consts.len() - 1) as u32
}

fn same_const(a: &K, b: &K) -> bool {
    let mut ka = Vec::new();
    let mut kb = Vec::new();
    crate::codegen::const_key_pub(a, &mut ka);
    crate::codegen::const_key_pub(b, &mut kb);
    ka == kb
}

/// `optimize_basic_block` (the parts that matter for the shape of 3.11's output).
pub fn optimize(cfg: &mut Cfg, consts: &mut Vec<K>) {
    for bi in 0..cfg.order.len() {
        let b = cfg.order[bi];
        let mut i = 0;
        while i < cfg.blocks[b].instrs.len() {
            let ins = cfg.blocks[b].instrs[i];
            match ins.op {
                // BUILD_TUPLE of constants -> LOAD_CONST tuple
                BUILD_TUPLE if ins.arg as usize <= i => {
                    let n = ins.arg as usize;
                    let start = i - n;
                    let all_const = cfg.blocks[b].instrs[start..i].iter().all(is_const_load);
                    if all_const && n > 0 {
                        let items: Vec<K> = cfg.blocks[b].instrs[start..i]
                            .iter()
                            .map(|x| consts[x.arg as usize].clone())
                            .collect();
                        let idx = add_const(consts, K::Tuple(items));
                        for x in &mut cfg.blocks[b].instrs[start..i] {
                            x.op = NOP;
                            x.arg = 0;
                        }
                        cfg.blocks[b].instrs[i].op = LOAD_CONST;
                        cfg.blocks[b].instrs[i].arg = idx;
                    }
                }
                // PUSH_NULL; LOAD_GLOBAL -> LOAD_GLOBAL (NULL + name)
                PUSH_NULL if i + 1 < cfg.blocks[b].instrs.len() => {
                    let next = cfg.blocks[b].instrs[i + 1];
                    if next.op == LOAD_GLOBAL && next.arg & 1 == 0 {
                        cfg.blocks[b].instrs[i].op = NOP;
                        cfg.blocks[b].instrs[i + 1].arg |= 1;
                    }
                }
                // LOAD_CONST None; IS_OP a; POP_JUMP_IF_x -> POP_JUMP_IF_[NOT_]NONE
                LOAD_CONST if i + 2 < cfg.blocks[b].instrs.len() => {
                    let is_op = cfg.blocks[b].instrs[i + 1];
                    let jump = cfg.blocks[b].instrs[i + 2];
                    if is_op.op == IS_OP
                        && matches!(consts.get(ins.arg as usize), Some(K::None))
                        && matches!(jump.op, POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE)
                    {
                        let invert = (is_op.arg != 0) ^ (jump.op == POP_JUMP_IF_FALSE);
                        cfg.blocks[b].instrs[i].op = NOP;
                        cfg.blocks[b].instrs[i + 1].op = NOP;
                        cfg.blocks[b].instrs[i + 1].arg = 0;
                        cfg.blocks[b].instrs[i + 2].op = if invert {
                            POP_JUMP_IF_NOT_NONE
                        } else {
                            POP_JUMP_IF_NONE
                        };
                    }
                }
                // LOAD_CONST c; POP_JUMP_IF_x  -> JUMP or nothing
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE if i > 0 => {
                    let prev = cfg.blocks[b].instrs[i - 1];
                    if prev.op == LOAD_CONST {
                        if let Some(truth) = const_truth(&consts[prev.arg as usize]) {
                            let jump_if = ins.op == POP_JUMP_IF_TRUE;
                            cfg.blocks[b].instrs[i - 1].op = NOP;
                            if truth == jump_if {
                                cfg.blocks[b].instrs[i].op = JUMP;
                            } else {
                                cfg.blocks[b].instrs[i].op = NOP;
                                cfg.blocks[b].instrs[i].target = NO_BLOCK;
                            }
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        // A block that ends in an unconditional jump drops what follows it.
        if let Some(p) = cfg.blocks[b]
            .instrs
            .iter()
            .position(|x| flowgraph::is_uncond_jump(x.op) || flowgraph::is_scope_exit(x.op))
        {
            cfg.blocks[b].instrs.truncate(p + 1);
        }
    }
}

fn const_truth(k: &K) -> Option<bool> {
    Some(match k {
        K::None => false,
        K::Bool(b) => *b,
        K::Int(i) => *i != 0,
        K::BigInt(_) => true,
        K::Float(f) => *f != 0.0,
        K::Complex { re, im } => *re != 0.0 || *im != 0.0,
        K::Str(s) => !s.is_empty(),
        K::Bytes(b) => !b.is_empty(),
        K::Tuple(t) => !t.is_empty(),
        K::FrozenSet(t) => !t.is_empty(),
        K::Ellipsis => true,
        K::Code(_) => true,
    })
}

/// `extend_block`: a jump to a small exit block (at most 4 instructions, ending the
/// scope) is replaced by a copy of that block.
pub fn extend_blocks(cfg: &mut Cfg) {
    for bi in 0..cfg.order.len() {
        let b = cfg.order[bi];
        let Some(last) = cfg.blocks[b].instrs.last().copied() else {
            continue;
        };
        if !matches!(last.op, JUMP | JUMP_FORWARD | JUMP_BACKWARD) || last.target == NO_BLOCK {
            continue;
        }
        let t = &cfg.blocks[last.target];
        let is_exit = t
            .instrs
            .last()
            .map_or(false, |i| flowgraph::is_scope_exit(i.op));
        if is_exit && t.instrs.len() <= 4 {
            let copy = t.instrs.clone();
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].op = NOP;
            cfg.blocks[b].instrs[n - 1].target = NO_BLOCK;
            cfg.blocks[b].instrs.extend(copy);
        }
    }
}

/// `duplicate_exits_without_lineno`: an exit block without a line number that several
/// blocks jump to is copied for each, so each copy can take its predecessor's line.
pub fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let order = cfg.order.clone();
    for &b in &order {
        let Some(last) = cfg.blocks[b].instrs.last().copied() else {
            continue;
        };
        if !flowgraph::is_jump(last.op) || last.target == NO_BLOCK {
            continue;
        }
        let t = last.target;
        let tb = &cfg.blocks[t];
        let is_exit = tb.instrs.len() <= 2
            && tb.instrs.last().map_or(false, |i| i.op == RETURN_VALUE)
            && tb.instrs.first().map_or(false, |i| i.loc.lineno < 0);
        if is_exit && tb.predecessors > 1 {
            let copy = tb.clone();
            cfg.blocks.push(copy);
            let nb = cfg.blocks.len() - 1;
            cfg.blocks[nb].predecessors = 1;
            cfg.blocks[t].predecessors -= 1;
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].target = nb;
            // Place the copy at the end of the layout.
            cfg.order.push(nb);
        }
    }
    // Exit blocks reached only by a jump take that jump's line.
    for &b in &cfg.order.clone() {
        let Some(last) = cfg.blocks[b].instrs.last().copied() else {
            continue;
        };
        if flowgraph::is_jump(last.op) && last.target != NO_BLOCK {
            let t = last.target;
            if cfg.blocks[t].predecessors == 1 {
                let is_exit = cfg.blocks[t].instrs.len() <= 2
                    && cfg.blocks[t]
                        .instrs
                        .last()
                        .map_or(false, |i| i.op == RETURN_VALUE);
                if is_exit {
                    for i in &mut cfg.blocks[t].instrs {
                        if i.loc.lineno < 0 {
                            i.loc = last.loc;
                        }
                    }
                }
            }
        }
    }
}
