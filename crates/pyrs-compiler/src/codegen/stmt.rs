//! Statements: assignments, control flow, imports, functions and classes (CPython 3.11:
//! `compiler_visit_stmt`, `compiler_function`, `compiler_class`, `compiler_if`,
//! `compiler_for`, `compiler_while`, `compiler_import*`, `compiler_annassign` in
//! `Python/compile.c`). `try`/`with` and unwinding live in `stmt_try.rs`.

use super::{docstring, CResult, Compiler, FBlock, FBlockKind, ScopeType};
use crate::flowgraph::Loc;
use crate::ops::*;
use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

/// `BINARY_OP` argument for an operator (`NB_*`).
pub(crate) fn binop_arg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace {
        base + 13
    } else {
        base
    }
}

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        crate::guard(|| self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.function(s, f, true),
            StmtKind::ClassDef(c) => self.class(s, c),
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => {
                self.expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(COPY, 1);
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.augassign(s, target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.annassign(s, target, annotation, value.as_deref(), *simple),
            StmtKind::For(f) => self.for_stmt(f),
            StmtKind::AsyncFor(f) => self.async_for(s, f),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_block();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.unset_loc();
                    self.jump(JUMP, end);
                    self.use_block(next);
                    self.stmts(orelse)?;
                }
                self.use_block(end);
                Ok(())
            }
            StmtKind::With(w) => self.with(s, w, 0),
            StmtKind::AsyncWith(w) => {
                if self.u().scope_type != ScopeType::AsyncFunction {
                    return Err(self.error("'async with' outside async function"));
                }
                self.async_with(s, w, 0)
            }
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit(RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(s, t)
                } else {
                    self.try_except(s, t)
                }
            }
            StmtKind::TryStar(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(s, t)
                } else {
                    self.try_star_except(s, t)
                }
            }
            StmtKind::Assert { test, msg } => {
                self.check_assert(test);
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                self.op(LOAD_ASSERTION_ERROR);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(PRECALL, 0);
                    self.emit(CALL, 0);
                }
                self.emit(RAISE_VARARGS, 1);
                self.use_block(end);
                Ok(())
            }
            StmtKind::Import { names } => {
                for a in names {
                    self.load_const(K::Int(0));
                    self.load_const(K::None);
                    self.emit_name(IMPORT_NAME, &a.name);
                    if let Some(asname) = &a.asname {
                        self.import_as(&a.name, asname)?;
                    } else {
                        let first = a.name.split('.').next().unwrap_or(&a.name);
                        self.nameop(first, ExprContext::Store)?;
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(K::Int(*level as i64));
                let tuple = K::Tuple(
                    names
                        .iter()
                        .map(|a| K::Str(pyrs_bytecode::PyStrValue::new(&a.name)))
                        .collect(),
                );
                self.load_const(tuple);
                self.emit_name(IMPORT_NAME, module.as_deref().unwrap_or(""));
                for (i, a) in names.iter().enumerate() {
                    if i == 0 && a.name.starts_with('*') {
                        self.op(IMPORT_STAR);
                        return Ok(());
                    }
                    self.emit_name(IMPORT_FROM, &a.name);
                    let store = a.asname.as_deref().unwrap_or(&a.name);
                    self.nameop(store, ExprContext::Store)?;
                }
                self.op(POP_TOP);
                Ok(())
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(value)?;
                    self.op(PRINT_EXPR);
                } else if crate::fold::fold_const(value, self.optimize).is_some() {
                    // A constant after ast_opt's folding: nothing to evaluate.
                    self.op(NOP);
                } else {
                    self.expr(value)?;
                    // 3.11 marks this POP_TOP artificial (`UNSET_LOC`): it takes the
                    // location of the instruction before it, not the statement's.
                    self.unset_loc();
                    self.op(POP_TOP);
                }
                Ok(())
            }
            StmtKind::Pass => {
                self.op(NOP);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(),
            StmtKind::Continue => self.continue_stmt(),
        }
    }

    fn import_as(&mut self, name: &str, asname: &str) -> CResult {
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            for (i, attr) in parts[1..].iter().enumerate() {
                let idx = self.u().names.add(attr);
                self.emit(IMPORT_FROM, idx);
                if i + 2 == parts.len() {
                    break;
                }
                self.emit(SWAP, 2);
                self.op(POP_TOP);
            }
            self.nameop(asname, ExprContext::Store)?;
            self.op(POP_TOP);
            return Ok(());
        }
        self.nameop(asname, ExprContext::Store)
    }

    fn augassign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        op: Operator,
        value: &'a Expr,
    ) -> CResult {
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.set_loc(target.loc);
                self.expr(obj)?;
                self.emit(COPY, 1);
                self.attr_loc(target);
                self.emit_name(LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.set_loc(target.loc);
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(COPY, 2);
                self.emit(COPY, 2);
                self.op(BINARY_SUBSCR);
            }
            ExprKind::Name { id, .. } => {
                self.set_loc(target.loc);
                self.nameop(id, ExprContext::Load)?;
            }
            _ => return Err(self.error("illegal expression for augmented assignment")),
        }
        self.set_loc(s.loc);
        self.expr(value)?;
        self.set_loc(s.loc);
        self.emit(BINARY_OP, binop_arg(op, true));
        self.set_loc(target.loc);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.attr_loc(target);
                self.emit(SWAP, 2);
                self.emit_name(STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit(SWAP, 3);
                self.emit(SWAP, 2);
                self.op(STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.expr(e)?;
        self.op(POP_TOP);
        Ok(())
    }

    fn annassign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.expr(v)?;
            self.expr(target)?;
        }
        let module_or_class = matches!(self.u().scope_type, ScopeType::Module | ScopeType::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if id == "__debug__" {
                    // At the statement's location (`compiler_annassign`).
                    return Err(self.error("cannot assign to __debug__"));
                }
                if simple && module_or_class {
                    self.annotation_value(annotation)?;
                    let i = self.u().names.add("__annotations__");
                    self.emit(LOAD_NAME, i);
                    let m = self.mangle(id);
                    self.load_const(K::str(&m));
                    self.op(STORE_SUBSCR);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => {}
        }
        if !simple && !self.future_annotations && module_or_class {
            self.set_loc(s.loc);
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub fn annotation_value(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = crate::unparse::unparse(e)?;
            self.load_const(K::str(&text));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn for_stmt(&mut self, f: &'a For) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, start, end, None)?;
        self.iter_expr(&f.iter)?;
        self.op(GET_ITER);
        self.use_block(start);
        self.jump(FOR_ITER, cleanup);
        self.use_block(body);
        self.expr(&f.target)?;
        self.stmts(&f.body)?;
        self.unset_loc();
        self.jump(JUMP, start);
        self.use_block(cleanup);
        self.pop_fblock();
        self.stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn async_for(&mut self, s: &'a Stmt, f: &'a For) -> CResult {
        if self.u().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let _ = s;
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.expr(&f.iter)?;
        self.op(GET_AITER);
        self.use_block(start);
        self.push_fblock(FBlockKind::ForLoop, start, end, None)?;
        self.jump(SETUP_FINALLY, except);
        self.op(GET_ANEXT);
        self.load_const(K::None);
        self.yield_from(true);
        self.op(POP_BLOCK);
        self.expr(&f.target)?;
        self.stmts(&f.body)?;
        self.unset_loc();
        self.jump(JUMP, start);
        self.pop_fblock();
        self.use_block(except);
        self.set_loc(f.iter.loc);
        self.op(END_ASYNC_FOR);
        self.stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let loop_ = self.new_block();
        let body_b = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(loop_);
        self.push_fblock(FBlockKind::WhileLoop, loop_, end, None)?;
        self.jump_if(test, anchor, false)?;
        self.use_block(body_b);
        self.stmts(body)?;
        self.set_loc(s.loc);
        self.jump_if(test, body_b, true)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        // A value that is a constant after ast_opt's folding is loaded after the unwinding.
        let folded = value.and_then(|v| crate::fold::fold_const(v, self.optimize));
        let preserve_tos = value.is_some() && folded.is_none();
        let ste = self.ste();
        if ste.kind != crate::symtable::BlockType::Function {
            return Err(self.error(crate::errors::RETURN_OUTSIDE));
        }
        if value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            self.expr(value.unwrap())?;
        } else if let Some(v) = value {
            self.set_loc(v.loc);
            self.op(NOP);
        }
        if value.map_or(true, |v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
            self.op(NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(K::None),
            Some(_) => {
                if let Some(k) = folded {
                    self.load_const(k);
                }
            }
        }
        self.op(RETURN_VALUE);
        Ok(())
    }

    fn break_stmt(&mut self) -> CResult {
        self.op(NOP);
        let Some(i) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error(crate::errors::BREAK_OUTSIDE));
        };
        let (kind, exit) = {
            let f = &self.u().fblocks[i];
            (f.kind, f.exit)
        };
        self.unwind_fblock(i, kind, false)?;
        self.jump(JUMP, exit);
        Ok(())
    }

    fn continue_stmt(&mut self) -> CResult {
        self.op(NOP);
        let Some(i) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error(crate::errors::CONTINUE_OUTSIDE));
        };
        let block = self.u().fblocks[i].block;
        self.jump(JUMP, block);
        Ok(())
    }

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: usize,
        exit: usize,
        body: Option<&'a [Stmt]>,
    ) -> CResult {
        if self.u().fblocks.len() >= 20 {
            return Err(self.error(crate::errors::TOO_MANY_BLOCKS));
        }
        let loc = self.u().loc;
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            body,
            name: None,
            loc,
        });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    // -- functions and classes ----------------------------------------------------------

    fn decorators(&mut self, decos: &'a [Expr]) -> CResult {
        for d in decos {
            self.set_loc(d.loc);
            self.expr(d)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        for d in decos.iter().rev() {
            self.set_loc(d.loc);
            self.emit(PRECALL, 0);
            self.emit(CALL, 0);
        }
    }

    fn check_debug_args(&mut self, args: &'a Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for a in all {
            if a.arg == "__debug__" {
                return Err(self.error("cannot assign to __debug__"));
            }
        }
        Ok(())
    }

    /// Defaults, keyword defaults and annotations of a function; returns MAKE_FUNCTION flags.
    pub fn function_prologue(
        &mut self,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
        with_annotations: bool,
    ) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                let m = self.mangle(&a.arg);
                keys.push(K::str(&m));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(K::Tuple(keys));
            self.emit(BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        if with_annotations {
            let mut n = 0;
            let groups = args
                .args
                .iter()
                .chain(&args.posonlyargs)
                .chain(args.vararg.as_deref())
                .chain(&args.kwonlyargs)
                .chain(args.kwarg.as_deref());
            for a in groups {
                if let Some(ann) = &a.annotation {
                    let m = self.mangle(&a.arg);
                    self.load_const(K::str(&m));
                    if let (false, ExprKind::Starred { value, .. }) =
                        (self.future_annotations, &ann.kind)
                    {
                        self.expr(value)?;
                        self.emit(UNPACK_SEQUENCE, 1);
                    } else {
                        self.annotation_value(ann)?;
                    }
                    n += 2;
                }
            }
            if let Some(r) = returns {
                self.load_const(K::str("return"));
                self.annotation_value(r)?;
                n += 2;
            }
            if n > 0 {
                self.emit(BUILD_TUPLE, n);
                flags |= 0x04;
            }
        }
        Ok(flags)
    }

    fn function(&mut self, s: &'a Stmt, f: &'a FunctionDef, is_async: bool) -> CResult {
        self.check_debug_args(&f.args)?;
        self.decorators(&f.decorator_list)?;
        let firstlineno = f
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        self.set_loc(s.loc);
        let flags = self.function_prologue(&f.args, f.returns.as_deref(), true)?;
        let scope = if is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(&f.name, scope, s as *const _ as usize, firstlineno)?;
        let doc = if self.optimize < 2 {
            docstring(&f.body)
        } else {
            None
        };
        let doc_const = match doc {
            Some(d) => K::Str(crate::str_value(d)),
            None => K::None,
        };
        self.u().add_const(doc_const);
        self.u().argcount = f.args.args.len() as u32;
        self.u().posonlyargcount = f.args.posonlyargs.len() as u32;
        self.u().kwonlyargcount = f.args.kwonlyargs.len() as u32;
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &f.body[start..] {
            self.stmt(st)?;
        }
        let code = self.exit_scope(true)?;
        self.set_loc(s.loc);
        self.make_closure(code, flags)?;
        self.apply_decorators(&f.decorator_list);
        self.set_loc(s.loc);
        self.nameop(&f.name, ExprContext::Store)
    }

    fn class(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult {
        self.decorators(&c.decorator_list)?;
        let firstlineno = c
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        self.set_loc(s.loc);
        self.enter_scope(
            &c.name,
            ScopeType::Class,
            s as *const _ as usize,
            firstlineno,
        )?;
        self.u().private = Some(c.name.clone());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let q = self.u().qualname.clone();
        self.load_const(K::str(&q));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.body(&c.body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.u().cellvars.get("__class__").unwrap_or(0);
            self.emit(LOAD_CLOSURE, i);
            self.emit(COPY, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(K::None);
        }
        self.op(RETURN_VALUE);
        let code = self.exit_scope(true)?;
        self.set_loc(s.loc);
        self.op(PUSH_NULL);
        self.op(LOAD_BUILD_CLASS);
        self.make_closure(code, 0)?;
        self.load_const(K::str(&c.name));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.set_loc(s.loc);
        self.nameop(&c.name, ExprContext::Store)
    }

    /// Sets the location to the attribute name's line for a multi-line attribute access
    /// (`update_start_location_to_match_attr`).
    pub fn attr_loc(&mut self, e: &Expr) {
        if e.loc.lineno != e.loc.end_lineno {
            let u = self.u();
            u.loc = Loc {
                lineno: e.loc.end_lineno as i32,
                end_lineno: e.loc.end_lineno as i32,
                col: u.loc.col,
                end_col: e.loc.end_col_offset as i32,
            };
            // CPython: col_offset becomes the start of the attribute name when known.
            let _ = u;
        }
    }
}
