//! `try`/`except`/`finally`, `except*`, `with`/`async with`, and unwinding the static
//! block stack for `return`/`break`/`continue` (CPython 3.11: `compiler_try_except`,
//! `compiler_try_finally`, `compiler_try_star_except`, `compiler_with`,
//! `compiler_async_with`, `compiler_unwind_fblock[_stack]` in `Python/compile.c`).

use super::{CResult, Compiler, FBlock, FBlockKind};
use crate::ops::*;
use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

impl<'a> Compiler<'a> {
    fn pop_except_and_reraise(&mut self) {
        self.emit(COPY, 3);
        self.op(POP_EXCEPT);
        self.emit(RERAISE, 1);
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(K::None);
        self.load_const(K::None);
        self.load_const(K::None);
        self.emit(PRECALL, 2);
        self.emit(CALL, 2);
    }

    /// `compiler_unwind_fblock_stack`: unwinds to the innermost loop (`want_loop`) or out
    /// of the function; returns the loop's index in the block stack.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CResult<Option<usize>> {
        let mut saved: Vec<FBlock<'a>> = Vec::new();
        let mut result = Ok(None);
        while let Some(top) = self.u().fblocks.last() {
            if top.kind == FBlockKind::ExceptionGroupHandler {
                result = Err(self.error(crate::errors::EXCEPT_STAR_EXIT));
                break;
            }
            if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
                result = Ok(Some(self.u().fblocks.len() - 1));
                break;
            }
            let fb = self.u().fblocks.pop().expect("non-empty");
            let kind = fb.kind;
            let r = self.unwind_one(&fb, kind, preserve_tos);
            saved.push(fb);
            if let Err(e) = r {
                result = Err(e);
                break;
            }
        }
        while let Some(fb) = saved.pop() {
            self.u().fblocks.push(fb);
        }
        result
    }

    /// `compiler_unwind_fblock` for the block at `index` of the stack.
    pub fn unwind_fblock(&mut self, index: usize, kind: FBlockKind, preserve_tos: bool) -> CResult {
        let fb = FBlock {
            kind,
            block: self.u().fblocks[index].block,
            exit: self.u().fblocks[index].exit,
            body: self.u().fblocks[index].body,
            name: self.u().fblocks[index].name.clone(),
            loc: self.u().fblocks[index].loc,
        };
        self.unwind_one(&fb, kind, preserve_tos)
    }

    fn unwind_one(&mut self, fb: &FBlock<'a>, kind: FBlockKind, preserve_tos: bool) -> CResult {
        match kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.op(POP_TOP);
            }
            FBlockKind::TryExcept => self.op(POP_BLOCK),
            FBlockKind::FinallyTry => {
                self.op(POP_BLOCK);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, usize::MAX, usize::MAX, None)?;
                }
                if let Some(body) = fb.body {
                    self.stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.op(POP_TOP);
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.op(POP_BLOCK);
                self.op(POP_EXCEPT);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                self.u().loc = fb.loc;
                self.op(POP_BLOCK);
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.call_exit_with_nones();
                if kind == FBlockKind::AsyncWith {
                    self.emit(GET_AWAITABLE, 2);
                    self.load_const(K::None);
                    self.yield_from(true);
                }
                self.op(POP_TOP);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                if fb.name.is_some() {
                    self.op(POP_BLOCK);
                }
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.op(POP_BLOCK);
                self.op(POP_EXCEPT);
                if let Some(n) = &fb.name {
                    self.load_const(K::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.op(POP_TOP);
            }
        }
        Ok(())
    }

    pub fn try_finally(&mut self, s: &'a Stmt, t: &'a Try) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.jump(SETUP_FINALLY, end);
        self.use_block(body);
        self.push_fblock(FBlockKind::FinallyTry, body, end, Some(&t.finalbody))?;
        if !t.handlers.is_empty() {
            if matches!(s.kind, StmtKind::TryStar(_)) {
                self.try_star_except(s, t)?;
            } else {
                self.try_except(s, t)?;
            }
        } else {
            self.stmts(&t.body)?;
        }
        self.emit_noline(POP_BLOCK, 0);
        self.pop_fblock();
        self.stmts(&t.finalbody)?;
        self.unset_loc();
        self.jump(JUMP, exit);
        self.use_block(end);
        self.unset_loc();
        self.jump(SETUP_CLEANUP, cleanup);
        self.op(PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::FinallyEnd, end, usize::MAX, None)?;
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    pub fn try_except(&mut self, _s: &'a Stmt, t: &'a Try) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.jump(SETUP_FINALLY, except);
        self.use_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, usize::MAX, None)?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.emit_noline(POP_BLOCK, 0);
        self.stmts(&t.orelse)?;
        self.unset_loc();
        self.jump(JUMP, end);
        self.use_block(except);
        self.unset_loc();
        self.jump(SETUP_CLEANUP, cleanup);
        self.op(PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionHandler, usize::MAX, usize::MAX, None)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.op(CHECK_EXC_MATCH);
                self.jump(POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ExprContext::Store)?;
                self.jump(SETUP_CLEANUP, cleanup_end);
                self.use_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, usize::MAX, None)?;
                self.u().fblocks.last_mut().expect("pushed").name = Some(name.clone());
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.op(POP_BLOCK);
                self.op(POP_BLOCK);
                self.op(POP_EXCEPT);
                self.load_const(K::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.jump(JUMP, end);
                self.use_block(cleanup_end);
                self.unset_loc();
                self.load_const(K::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.emit(RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.op(POP_TOP);
                self.use_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, usize::MAX, None)?;
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.op(POP_BLOCK);
                self.op(POP_EXCEPT);
                self.jump(JUMP, end);
            }
            self.use_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    pub fn try_star_except(&mut self, _s: &'a Stmt, t: &'a Try) -> CResult {
        let body = self.new_block();
        let except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.jump(SETUP_FINALLY, except);
        self.use_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, usize::MAX, None)?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.emit_noline(POP_BLOCK, 0);
        self.unset_loc();
        self.jump(JUMP, orelse);
        self.use_block(except);
        self.unset_loc();
        self.jump(SETUP_CLEANUP, cleanup);
        self.op(PUSH_EXC_INFO);
        self.push_fblock(
            FBlockKind::ExceptionGroupHandler,
            usize::MAX,
            usize::MAX,
            None,
        )?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            let except_b = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit(COPY, 1);
                self.emit(BUILD_LIST, 0);
                self.emit(SWAP, 2);
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.op(CHECK_EG_MATCH);
                self.emit(COPY, 1);
                self.jump(POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.op(POP_TOP),
            }
            self.jump(SETUP_CLEANUP, cleanup_end);
            self.use_block(cleanup_body);
            self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, usize::MAX, None)?;
            self.u().fblocks.last_mut().expect("pushed").name = h.name.clone();
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.op(POP_BLOCK);
            if let Some(name) = &h.name {
                self.load_const(K::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.jump(JUMP, except_b);
            self.use_block(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(K::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.emit(LIST_APPEND, 3);
            self.op(POP_TOP);
            self.jump(JUMP, except_with_error);
            self.use_block(except_b);
            self.op(NOP);
            self.jump(JUMP, except_with_error);
            self.use_block(no_match);
            self.op(POP_TOP);
            self.use_block(except_with_error);
            if i + 1 == n {
                self.emit(LIST_APPEND, 1);
                self.jump(JUMP, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.op(PREP_RERAISE_STAR);
        self.emit(COPY, 1);
        self.jump(POP_JUMP_IF_NOT_NONE, reraise);
        self.op(POP_TOP);
        self.op(POP_BLOCK);
        self.op(POP_EXCEPT);
        self.jump(JUMP, end);
        self.use_block(reraise);
        self.op(POP_BLOCK);
        self.emit(SWAP, 2);
        self.op(POP_EXCEPT);
        self.emit(RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse);
        self.stmts(&t.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(POP_JUMP_IF_TRUE, exit);
        self.emit(RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.op(POP_TOP);
        self.op(POP_BLOCK);
        self.op(POP_EXCEPT);
        self.op(POP_TOP);
        self.op(POP_TOP);
    }

    pub fn with(&mut self, s: &'a Stmt, w: &'a With, pos: usize) -> CResult {
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.op(BEFORE_WITH);
        self.jump(SETUP_WITH, final_);
        self.use_block(block);
        self.set_loc(s.loc);
        self.push_fblock(FBlockKind::With, block, final_, None)?;
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.op(POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with(s, w, pos + 1)?;
        }
        self.unset_loc();
        self.op(POP_BLOCK);
        self.pop_fblock();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.op(POP_TOP);
        self.jump(JUMP, exit);
        self.use_block(final_);
        self.jump(SETUP_CLEANUP, cleanup);
        self.op(PUSH_EXC_INFO);
        self.op(WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    pub fn async_with(&mut self, s: &'a Stmt, w: &'a With, pos: usize) -> CResult {
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.op(BEFORE_ASYNC_WITH);
        self.emit(GET_AWAITABLE, 1);
        self.load_const(K::None);
        self.yield_from(true);
        self.jump(SETUP_WITH, final_);
        self.use_block(block);
        self.set_loc(s.loc);
        self.push_fblock(FBlockKind::AsyncWith, block, final_, None)?;
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.op(POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.async_with(s, w, pos + 1)?;
        }
        self.pop_fblock();
        self.unset_loc();
        self.op(POP_BLOCK);
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.emit(GET_AWAITABLE, 2);
        self.load_const(K::None);
        self.yield_from(true);
        self.op(POP_TOP);
        self.jump(JUMP, exit);
        self.use_block(final_);
        self.jump(SETUP_CLEANUP, cleanup);
        self.op(PUSH_EXC_INFO);
        self.op(WITH_EXCEPT_START);
        self.emit(GET_AWAITABLE, 2);
        self.load_const(K::None);
        self.yield_from(true);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    /// `compiler_add_yield_from`: SEND / YIELD_VALUE / RESUME loop.
    pub fn yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.jump(SEND, exit);
        self.use_block(resume);
        self.op(YIELD_VALUE);
        self.emit(RESUME, if is_await { 3 } else { 2 });
        self.jump(JUMP_NO_INTERRUPT, start);
        self.use_block(exit);
    }
}
