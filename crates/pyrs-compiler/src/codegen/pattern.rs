//! `match` statements and patterns (CPython 3.11: `compiler_match`, `compiler_pattern*`,
//! `pattern_helper_*`, `jump_to_fail_pop` in `Python/compile.c`).
//!
//! Invariant (as CPython's `pattern_context`): `on_top` counts the values above the
//! subject that a failure must pop, `stores` the captured values waiting on the stack
//! (below them) to be bound once the whole pattern matched; `fail_pop[n]` pops n values.

use super::{CResult, Compiler};
use crate::ops::*;
use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

pub(crate) struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<usize>,
    on_top: usize,
}

fn wildcard(p: &Pattern) -> bool {
    matches!(
        &p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn wildcard_star(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(
        &mut self,
        _s: &'a Stmt,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> CResult {
        self.expr(subject)?;
        let end = self.new_block();
        let n = cases.len();
        let has_default = n > 1 && wildcard(&cases[n - 1].pattern);
        let mut pc = PatternContext {
            stores: Vec::new(),
            allow_irrefutable: false,
            fail_pop: Vec::new(),
            on_top: 0,
        };
        for i in 0..n - has_default as usize {
            let m = &cases[i];
            self.set_loc(m.pattern.loc);
            let last = i == n - has_default as usize - 1;
            if !last {
                self.emit(COPY, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == n - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if !last {
                self.op(POP_TOP);
            }
            self.stmts(&m.body)?;
            // The jump to the end has no line of its own (it must not be threaded into
            // by a jump of the body's last line).
            self.unset_loc();
            self.jump(JUMP, end);
            self.set_loc(m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = &cases[n - 1];
            self.set_loc(m.pattern.loc);
            if n == 1 {
                self.op(POP_TOP);
            } else {
                self.op(NOP);
            }
            if let Some(g) = &m.guard {
                self.jump_if(g, end, false)?;
            }
            self.stmts(&m.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: u16) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            let b = self.new_block();
            self.use_block(b);
            return;
        }
        let blocks = std::mem::take(&mut pc.fail_pop);
        for &b in blocks[1..].iter().rev() {
            self.use_block(b);
            self.op(POP_TOP);
        }
        self.use_block(blocks[0]);
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(SWAP, count as u32);
            count -= 1;
        }
    }

    fn store_name(&mut self, name: Option<&str>, pc: &mut PatternContext) -> CResult {
        let Some(n) = name else {
            self.op(POP_TOP);
            return Ok(());
        };
        if n == "__debug__" {
            return Err(self.error("cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(&format!("multiple assignments to name '{n}' in pattern")));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        crate::guard(|| self.pattern_inner(p, pc))
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.set_loc(p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if let Some(k) = crate::fold::fold_const(value, self.optimize) {
                    if !matches!(value.kind, ExprKind::Tuple { .. }) {
                        let saved = self.u().loc;
                        self.set_loc(value.loc);
                        self.load_const(k);
                        self.u().loc = saved;
                    } else {
                        return Err(
                            self.error("patterns may only match literals and attribute lookups")
                        );
                    }
                } else if matches!(value.kind, ExprKind::Attribute { .. }) {
                    self.expr(value)?;
                } else {
                    return Err(
                        self.error("patterns may only match literals and attribute lookups")
                    );
                }
                self.emit(COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(super::ast_const(value));
                self.emit(IS_OP, 0);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchStar { name } => self.store_name(name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match name {
                            Some(n) => self.error(&format!(
                                "name capture '{n}' makes remaining patterns unreachable"
                            )),
                            None => self.error("wildcard makes remaining patterns unreachable"),
                        });
                    }
                    self.store_name(name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(name.as_deref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = wildcard_star(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= wildcard(q);
        }
        pc.on_top += 1;
        self.op(MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.op(GET_LEN);
                self.load_const(K::Int(size as i64));
                self.emit(COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.op(GET_LEN);
                self.load_const(K::Int(size as i64 - 1));
                self.emit(COMPARE_OP, 5);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            _ => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.op(POP_TOP);
        } else if star_wildcard {
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if wildcard(q) || i == star {
                    continue;
                }
                self.emit(COPY, 1);
                if i < star {
                    self.load_const(K::Int(i as i64));
                } else {
                    self.op(GET_LEN);
                    self.load_const(K::Int((size - i) as i64));
                    self.emit(BINARY_OP, 10);
                }
                self.op(BINARY_SUBSCR);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.op(POP_TOP);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 {
                        return Err(
                            self.error("too many expressions in star-unpacking sequence pattern")
                        );
                    }
                    self.emit(UNPACK_EX, (i + ((size - i - 1) << 8)) as u32);
                }
                None => self.emit(UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for q in patterns {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len();
        pc.on_top += 1;
        self.op(MATCH_MAPPING);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.op(POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.op(GET_LEN);
            self.load_const(K::Int(size as i64));
            self.emit(COMPARE_OP, 5);
            self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<K> = Vec::new();
        for key in keys {
            if let Some(k) = crate::fold::fold_const(key, self.optimize) {
                if seen.iter().any(|s| crate::fold::py_eq(s, &k)) {
                    return Err(self.error(&format!(
                        "mapping pattern checks duplicate key ({})",
                        pyrs_bytecode::repr::constant_repr(&k)
                    )));
                }
                seen.push(k.clone());
                let saved = self.u().loc;
                self.set_loc(key.loc);
                self.load_const(k);
                self.u().loc = saved;
            } else if matches!(key.kind, ExprKind::Attribute { .. }) {
                self.expr(key)?;
            } else {
                return Err(self
                    .error("mapping pattern keys may only match literals and attribute lookups"));
            }
        }
        self.emit(BUILD_TUPLE, size as u32);
        self.op(MATCH_KEYS);
        pc.on_top += 2;
        self.emit(COPY, 1);
        self.load_const(K::None);
        self.emit(IS_OP, 1);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        self.emit(UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(r) = rest {
            self.emit(BUILD_MAP, 0);
            self.emit(SWAP, 3);
            self.emit(DICT_UPDATE, 2);
            self.emit(UNPACK_SEQUENCE, size as u32);
            let mut n = size;
            while n > 0 {
                self.emit(COPY, 1 + n as u32);
                n -= 1;
                self.emit(SWAP, 2);
                self.op(DELETE_SUBSCR);
            }
            self.store_name(Some(r), pc)?;
        } else {
            self.op(POP_TOP);
            self.op(POP_TOP);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs > 0 {
            for i in 0..nattrs {
                self.set_loc(kwd_patterns[i].loc);
                if kwd_attrs[i] == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                for j in i + 1..nattrs {
                    if kwd_attrs[i] == kwd_attrs[j] {
                        self.set_loc(kwd_patterns[j].loc);
                        return Err(self.error(&format!(
                            "attribute name repeated in class pattern: {}",
                            kwd_attrs[i]
                        )));
                    }
                }
            }
            self.set_loc(p.loc);
        }
        self.expr(cls)?;
        let names = K::Tuple(kwd_attrs.iter().map(|a| K::str(a)).collect());
        self.load_const(names);
        self.emit(MATCH_CLASS, nargs as u32);
        self.emit(COPY, 1);
        self.load_const(K::None);
        self.emit(IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        self.emit(UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if wildcard(q) {
                self.op(POP_TOP);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let end = self.new_block();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(COPY, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    if ctrl.len() != pc.stores.len() {
                        return Err(self.error("alternative patterns bind different names"));
                    }
                    let n = ctrl.len();
                    let mut icontrol = n;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.op(POP_TOP);
        self.jump_to_fail_pop(pc, JUMP);
        self.use_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(
                    self.error(&format!("multiple assignments to name '{name}' in pattern"))
                );
            }
            pc.stores.push(name);
        }
        self.op(POP_TOP);
        Ok(())
    }
}
