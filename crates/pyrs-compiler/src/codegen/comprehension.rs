//! Comprehensions and generator expressions: each is its own function scope, called with
//! the outermost iterator (CPython 3.11: `compiler_comprehension`,
//! `compiler_sync_comprehension_generator`, `compiler_async_comprehension_generator`).

use super::{CResult, Compiler, FBlockKind, ScopeType};
use crate::ops::*;
use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Gen,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    pub fn comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, name, generators, elt, val): (
            Kind,
            &str,
            &'a [Comprehension],
            &'a Expr,
            Option<&'a Expr>,
        ) = match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                (Kind::Gen, "<genexpr>", generators, elt, None)
            }
            ExprKind::ListComp { elt, generators } => {
                (Kind::List, "<listcomp>", generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (Kind::Set, "<setcomp>", generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (Kind::Dict, "<dictcomp>", generators, key, Some(&**value)),
            _ => return Ok(()),
        };
        let outer_scope = self.u().scope_type;
        self.enter_scope(
            name,
            ScopeType::Comprehension,
            e as *const _ as usize,
            e.loc.lineno,
        )?;
        self.set_loc(e.loc);
        let is_async_generator = self.ste().coroutine;
        if is_async_generator
            && kind != Kind::Gen
            && !matches!(
                outer_scope,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
        {
            return Err(
                self.error("asynchronous comprehension outside of an asynchronous function")
            );
        }
        match kind {
            Kind::List => self.emit(BUILD_LIST, 0),
            Kind::Set => self.emit(BUILD_SET, 0),
            Kind::Dict => self.emit(BUILD_MAP, 0),
            Kind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != Kind::Gen {
            self.op(RETURN_VALUE);
        }
        let code = self.exit_scope(true)?;
        self.set_loc(e.loc);
        self.make_closure(code, 0)?;
        let outermost = &generators[0];
        self.iter_expr(&outermost.iter)?;
        self.set_loc(e.loc);
        if outermost.is_async {
            self.op(GET_AITER);
        } else {
            self.op(GET_ITER);
        }
        self.emit(PRECALL, 0);
        self.emit(CALL, 0);
        if is_async_generator && kind != Kind::Gen {
            self.emit(GET_AWAITABLE, 0);
            self.load_const(K::None);
            self.yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
    ) -> CResult {
        crate::guard(|| {
            if gens[index].is_async {
                self.async_comprehension_generator(gens, index, depth, elt, val, kind)
            } else {
                self.sync_comprehension_generator(gens, index, depth, elt, val, kind)
            }
        })
    }

    fn comprehension_element(
        &mut self,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
    ) -> CResult {
        match kind {
            Kind::Gen => {
                self.expr(elt)?;
                self.emit_yield();
                self.op(POP_TOP);
            }
            Kind::List => {
                self.expr(elt)?;
                self.emit(LIST_APPEND, depth + 1);
            }
            Kind::Set => {
                self.expr(elt)?;
                self.emit(SET_ADD, depth + 1);
            }
            Kind::Dict => {
                self.expr(elt)?;
                if let Some(v) = val {
                    self.expr(v)?;
                }
                self.emit(MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            self.emit(LOAD_FAST, 0);
        } else {
            let elts = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            match elts {
                Some(elts)
                    if elts.len() == 1 && !matches!(elts[0].kind, ExprKind::Starred { .. }) =>
                {
                    self.expr(&elts[0])?;
                    start = None;
                }
                _ => {}
            }
            if start.is_some() {
                self.iter_expr(&gen.iter)?;
                self.op(GET_ITER);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_block(s);
            self.jump(FOR_ITER, anchor);
        }
        self.expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.use_block(if_cleanup);
        if let Some(s) = start {
            self.jump(JUMP, s);
            self.use_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            self.emit(LOAD_FAST, 0);
        } else {
            self.expr(&gen.iter)?;
            self.op(GET_AITER);
        }
        self.use_block(start);
        self.push_fblock(
            FBlockKind::AsyncComprehensionGenerator,
            start,
            usize::MAX,
            None,
        )?;
        self.jump(SETUP_FINALLY, except);
        self.op(GET_ANEXT);
        self.load_const(K::None);
        self.yield_from(true);
        self.op(POP_BLOCK);
        self.expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.use_block(if_cleanup);
        self.jump(JUMP, start);
        self.pop_fblock();
        self.use_block(except);
        self.op(END_ASYNC_FOR);
        Ok(())
    }
}
