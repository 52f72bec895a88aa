//! The 3.11 peephole optimizations on the flow graph (CPython 3.11: `optimize_basic_block`,
//! `fold_tuple_on_constants`, `duplicate_exits_without_lineno` in `Python/compile.c`).

use crate::flowgraph::{self, Cfg, Instr, NO_BLOCK};
use crate::ops::*;
use pyrs_bytecode::Constant as K;

fn is_const_load(i: &Instr) -> bool {
    i.op == LOAD_CONST
}

fn add_const(consts: &mut Vec<K>, k: K) -> u32 {
    if let Some(p) = consts
        .iter()
        .position(|c| crate::index_table::same_const(c, &k))
    {
        return p as u32;
    }
    consts.push(k);
    (consts.len() - 1) as u32
}

/// The next block in layout order after `t`, skipping empty ones (CPython: the
/// `while (target->b_iused == 0) target = target->b_next` loops).
fn skip_empty(cfg: &Cfg, pos: &[usize], mut t: usize) -> usize {
    while cfg.blocks[t].instrs.is_empty() {
        match pos.get(t).and_then(|&p| cfg.order.get(p.wrapping_add(1))) {
            Some(&n) => t = n,
            None => break,
        }
    }
    t
}

/// `jump_thread`: `inst` jumps to `target` (itself a jump) on the same line: jump
/// straight to where `target` goes, as `opcode`. 3.11 compares the raw line numbers, so
/// an artificial jump (line -1) is never threaded through.
fn jump_thread(cfg: &mut Cfg, b: usize, i: usize, target: &Instr, opcode: u16) -> bool {
    let inst = &mut cfg.blocks[b].instrs[i];
    if inst.loc.lineno == target.loc.lineno && inst.target != target.target {
        inst.target = target.target;
        inst.op = opcode;
        true
    } else {
        false
    }
}

/// `optimize_basic_block`: constant conditions, `is None` jumps, tuple folding and
/// `BUILD_TUPLE n; UNPACK_SEQUENCE n` swaps, jump threading, SWAP runs,
/// `PUSH_NULL; LOAD_GLOBAL`.
pub fn optimize_basic_block(cfg: &mut Cfg, pos: &[usize], b: usize, consts: &mut Vec<K>) {
    let mut i: usize = 0;
    let mut rethreads = 0u32;
    while i < cfg.blocks[b].instrs.len() {
        let inst = cfg.blocks[b].instrs[i];
        let n = cfg.blocks[b].instrs.len();
        let next = if i + 1 < n {
            Some(cfg.blocks[b].instrs[i + 1])
        } else {
            None
        };
        let nextop = next.map_or(0, |x| x.op);
        let mut target: Option<Instr> = None;
        if inst.target != NO_BLOCK {
            let t = skip_empty(cfg, pos, inst.target);
            cfg.blocks[b].instrs[i].target = t;
            target = cfg.blocks[t].instrs.first().copied();
        }
        let inst = cfg.blocks[b].instrs[i];
        let top = target.map_or(0, |t| t.op);
        // Re-examine this instruction after a successful thread (CPython's `i -= ...`),
        // with a bound in case of a cycle of jumps on one line.
        let mut again = false;
        match inst.op {
            LOAD_CONST => match nextop {
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                    if let Some(truth) = const_truth(&consts[inst.arg as usize]) {
                        cfg.blocks[b].instrs[i].op = NOP;
                        if truth == (nextop == POP_JUMP_IF_TRUE) {
                            cfg.blocks[b].instrs[i + 1].op = JUMP;
                        } else {
                            cfg.blocks[b].instrs[i + 1].op = NOP;
                            cfg.blocks[b].instrs[i + 1].target = NO_BLOCK;
                        }
                    }
                }
                JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                    if let Some(truth) = const_truth(&consts[inst.arg as usize]) {
                        if truth == (nextop == JUMP_IF_TRUE_OR_POP) {
                            cfg.blocks[b].instrs[i + 1].op = JUMP;
                        } else {
                            cfg.blocks[b].instrs[i].op = NOP;
                            cfg.blocks[b].instrs[i + 1].op = NOP;
                            cfg.blocks[b].instrs[i + 1].target = NO_BLOCK;
                        }
                    }
                }
                IS_OP => {
                    let jump_op = cfg.blocks[b].instrs.get(i + 2).map_or(0, |x| x.op);
                    if matches!(consts.get(inst.arg as usize), Some(K::None))
                        && matches!(jump_op, POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE)
                    {
                        let nextarg = next.map_or(0, |x| x.arg) != 0;
                        cfg.blocks[b].instrs[i].op = NOP;
                        cfg.blocks[b].instrs[i + 1].op = NOP;
                        cfg.blocks[b].instrs[i + 1].arg = 0;
                        cfg.blocks[b].instrs[i + 2].op = if nextarg ^ (jump_op == POP_JUMP_IF_FALSE)
                        {
                            POP_JUMP_IF_NOT_NONE
                        } else {
                            POP_JUMP_IF_NONE
                        };
                    }
                }
                _ => {}
            },
            BUILD_TUPLE => {
                let oparg = inst.arg as usize;
                if nextop == UNPACK_SEQUENCE && next.map_or(false, |x| x.arg == inst.arg) {
                    match oparg {
                        1 => {
                            cfg.blocks[b].instrs[i].op = NOP;
                            cfg.blocks[b].instrs[i + 1].op = NOP;
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            cfg.blocks[b].instrs[i].op = NOP;
                            cfg.blocks[b].instrs[i + 1].op = SWAP;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if i >= oparg {
                    fold_tuple_on_constants(cfg, b, i, consts);
                }
            }
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                let (same_pop, same, other, other_pop) = if inst.op == JUMP_IF_FALSE_OR_POP {
                    (
                        POP_JUMP_IF_FALSE,
                        JUMP_IF_FALSE_OR_POP,
                        JUMP_IF_TRUE_OR_POP,
                        POP_JUMP_IF_TRUE,
                    )
                } else {
                    (
                        POP_JUMP_IF_TRUE,
                        JUMP_IF_TRUE_OR_POP,
                        JUMP_IF_FALSE_OR_POP,
                        POP_JUMP_IF_FALSE,
                    )
                };
                if let Some(t) = target {
                    if t.op == same_pop {
                        again = jump_thread(cfg, b, i, &t, same_pop);
                    } else if t.op == JUMP || t.op == same {
                        again = jump_thread(cfg, b, i, &t, same);
                    } else if (t.op == other || t.op == other_pop)
                        && inst.loc.lineno == t.loc.lineno
                    {
                        // The other test fails for sure: pop and go past it.
                        let after = pos
                            .get(inst.target)
                            .and_then(|&p| cfg.order.get(p.wrapping_add(1)))
                            .copied();
                        if let Some(after) = after {
                            cfg.blocks[b].instrs[i].op = same_pop;
                            cfg.blocks[b].instrs[i].target = after;
                            again = true;
                        }
                    }
                }
            }
            POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE
            | JUMP => {
                if top == JUMP {
                    again = jump_thread(cfg, b, i, &target.unwrap_or(inst), inst.op);
                }
            }
            SWAP => {
                if inst.arg == 1 {
                    cfg.blocks[b].instrs[i].op = NOP;
                } else {
                    swaptimize(cfg, b, &mut i);
                    apply_static_swaps(cfg, b, i);
                }
            }
            PUSH_NULL if nextop == LOAD_GLOBAL => {
                cfg.blocks[b].instrs[i].op = NOP;
                cfg.blocks[b].instrs[i].arg = 0;
                cfg.blocks[b].instrs[i + 1].arg |= 1;
            }
            _ => {}
        }
        if again && rethreads < 1000 {
            rethreads += 1;
        } else {
            i += 1;
        }
    }
    // A block ends at its first unconditional jump or scope exit.
    if let Some(p) = cfg.blocks[b]
        .instrs
        .iter()
        .position(|x| flowgraph::is_uncond_jump(x.op) || flowgraph::is_scope_exit(x.op))
    {
        cfg.blocks[b].instrs.truncate(p + 1);
    }
}

/// `fold_tuple_on_constants`: `LOAD_CONST`×n; `BUILD_TUPLE n` → `LOAD_CONST tuple`.
fn fold_tuple_on_constants(cfg: &mut Cfg, b: usize, i: usize, consts: &mut Vec<K>) {
    let n = cfg.blocks[b].instrs[i].arg as usize;
    let start = i - n;
    if !cfg.blocks[b].instrs[start..i].iter().all(is_const_load) {
        return;
    }
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

/// `swaptimize`: a run of SWAPs (and NOPs) becomes the fewest SWAPs with the same
/// effect, written at the end of the run; `i` moves to the run's last instruction.
fn swaptimize(cfg: &mut Cfg, b: usize, ix: &mut usize) {
    let instrs = &mut cfg.blocks[b].instrs;
    let start = *ix;
    let mut depth = instrs[start].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let x = instrs[start + len];
        if x.op == SWAP {
            depth = depth.max(x.arg as usize);
            more = true;
        } else if x.op != NOP {
            break;
        }
    }
    if !more {
        return;
    }
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for x in &instrs[start..start + len] {
        if x.op == SWAP {
            let oparg = x.arg as usize;
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let x = &mut instrs[start + current as usize];
                x.op = SWAP;
                x.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].op = NOP;
        instrs[start + current as usize].arg = 0;
        current -= 1;
    }
    *ix += len - 1;
}

fn swappable(op: u16) -> bool {
    op == STORE_FAST || op == POP_TOP
}

/// `next_swappable_instruction`: the next STORE_FAST/POP_TOP after `i` (skipping NOPs),
/// not crossing to another line when `lineno` is set.
fn next_swappable_instruction(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        let x = instrs.get(i)?;
        if lineno >= 0 && x.loc.lineno != lineno {
            return None;
        }
        if x.op == NOP {
            continue;
        }
        return if swappable(x.op) { Some(i) } else { None };
    }
}

/// `apply_static_swaps`: SWAP(n) followed by n stores/pops on one line swaps the
/// instructions instead of the stack items.
fn apply_static_swaps(cfg: &mut Cfg, b: usize, i: usize) {
    let instrs = &mut cfg.blocks[b].instrs;
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if swap.op != SWAP {
            if swap.op == NOP || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        for _ in 1..swap.arg {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(x) => k = x,
                None => return,
            }
        }
        // Not safe when both store to the same local, or a store between them does
        // (3.11.7: `STORES_TO`; `a, a = x, y` must leave `y` in `a`).
        let stores_to = |x: &Instr| (x.op == STORE_FAST).then_some(x.arg);
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            let clash = instrs[j + 1..k]
                .iter()
                .filter_map(stores_to)
                .any(|s| Some(s) == store_j || Some(s) == store_k);
            if clash {
                return;
            }
        }
        instrs[iu].op = NOP;
        instrs[iu].arg = 0;
        instrs.swap(j, k);
        i -= 1;
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

/// `optimize_cfg` with the steps of `assemble` before it: jumps skip empty blocks
/// (`normalize_basic_block`), small exit blocks are copied (`extend_block`), each block
/// is optimized and cleaned in layout order, exit blocks copied again, unreachable and
/// empty blocks dropped, NOPs cleaned, and jumps to the next block removed.
pub fn optimize_cfg(cfg: &mut Cfg, consts: &mut Vec<K>) {
    let pos = cfg.layout_positions();
    for bi in 0..cfg.order.len() {
        let b = cfg.order[bi];
        if let Some(last) = cfg.blocks[b].instrs.last().copied() {
            if flowgraph::is_jump(last.op) && last.target != NO_BLOCK {
                let t = skip_empty(cfg, &pos, last.target);
                let n = cfg.blocks[b].instrs.len();
                cfg.blocks[b].instrs[n - 1].target = t;
            }
        }
    }
    extend_blocks(cfg);
    for bi in 0..cfg.order.len() {
        let b = cfg.order[bi];
        optimize_basic_block(cfg, &pos, b, consts);
        cfg.clean_block(&pos, b);
    }
    extend_blocks(cfg);
    cfg.remove_unreachable();
    cfg.remove_empty_blocks();
    cfg.remove_nops();
    cfg.remove_jumps_to_next();
    cfg.remove_empty_blocks();
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
        // Only blocks without a line number (like the implicit `return None`) are copied.
        let has_lineno = t.instrs.iter().any(|i| i.loc.lineno >= 0);
        if is_exit && t.instrs.len() <= 4 && !has_lineno {
            let copy = t.instrs.clone();
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].op = NOP;
            cfg.blocks[b].instrs[n - 1].target = NO_BLOCK;
            cfg.blocks[b].instrs.extend(copy);
        }
    }
}

/// `is_exit_without_lineno`: the block ends the scope and no instruction has a line.
fn is_exit_without_lineno(b: &flowgraph::Block) -> bool {
    b.instrs
        .last()
        .map_or(false, |i| flowgraph::is_scope_exit(i.op))
        && b.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// `duplicate_exits_without_lineno`: an exit block without a line number that several
/// blocks jump to is copied for each jump (placed right after the original), the copy
/// starting at the jump's location. Blocks are visited newest first, as CPython walks
/// `b_list`; the oldest jumper keeps the original.
pub fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let nblocks = cfg.blocks.len();
    for b in (0..nblocks).rev() {
        let Some(last) = cfg.blocks[b].instrs.last().copied() else {
            continue;
        };
        if !flowgraph::is_jump(last.op) || last.target == NO_BLOCK {
            continue;
        }
        let t = last.target;
        if is_exit_without_lineno(&cfg.blocks[t]) && cfg.blocks[t].predecessors > 1 {
            let mut copy = cfg.blocks[t].clone();
            copy.instrs[0].loc = last.loc;
            copy.predecessors = 1;
            cfg.blocks.push(copy);
            let nb = cfg.blocks.len() - 1;
            cfg.blocks[t].predecessors -= 1;
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].target = nb;
            match cfg.order.iter().position(|&x| x == t) {
                Some(p) => cfg.order.insert(p + 1, nb),
                None => cfg.order.push(nb),
            }
        }
    }
    cfg.order.retain(|&b| !cfg.blocks[b].instrs.is_empty());
    // Remaining exit blocks without a line are reached only by falling through: they take
    // the line of the instruction before them.
    for bi in 0..cfg.order.len().saturating_sub(1) {
        let b = cfg.order[bi];
        let next = cfg.order[bi + 1];
        if flowgraph::no_fallthrough(&cfg.blocks[b]) {
            continue;
        }
        if is_exit_without_lineno(&cfg.blocks[next]) {
            let loc = cfg.blocks[b].instrs.last().map(|i| i.loc);
            if let Some(loc) = loc {
                cfg.blocks[next].instrs[0].loc = loc;
            }
        }
    }
}
