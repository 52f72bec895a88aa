//! Expressions: operators, comparisons, calls, displays, f-strings, lambdas, targets
//! (CPython 3.11: `compiler_visit_expr1`, `compiler_jump_if`, `compiler_call_helper`,
//! `maybe_optimize_method_call`, `starunpack_helper`, `compiler_dict`,
//! `assignment_helper` in `Python/compile.c`).

use super::{ast_const, CResult, Compiler, ScopeType};
use crate::flowgraph::Loc;
use crate::ops::*;
use pyrs_ast::*;
use pyrs_bytecode::Constant as K;

const STACK_USE_GUIDELINE: usize = 30;

fn cmp_op(op: CmpOp) -> (u16, u32) {
    match op {
        CmpOp::Lt => (COMPARE_OP, 0),
        CmpOp::LtE => (COMPARE_OP, 1),
        CmpOp::Eq => (COMPARE_OP, 2),
        CmpOp::NotEq => (COMPARE_OP, 3),
        CmpOp::Gt => (COMPARE_OP, 4),
        CmpOp::GtE => (COMPARE_OP, 5),
        CmpOp::Is => (IS_OP, 0),
        CmpOp::IsNot => (IS_OP, 1),
        CmpOp::In => (CONTAINS_OP, 0),
        CmpOp::NotIn => (CONTAINS_OP, 1),
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.u().loc;
        self.set_loc(e.loc);
        let r = crate::guard(|| self.expr_inner(e));
        self.u().loc = saved;
        r
    }

    fn compare_last(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iter_expr(e)
        } else {
            self.expr(e)
        }
    }

    fn compare_op(&mut self, op: CmpOp) {
        let (o, a) = cmp_op(op);
        self.emit(o, a);
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(k) = crate::fold::fold_const(e, self.optimize) {
            if !matches!(e.kind, ExprKind::Constant { .. }) {
                self.load_const(k);
                return Ok(());
            }
        }
        // ast_opt: `not (a is b)` is `a is not b` (also `in`), at the comparison's location.
        if let ExprKind::UnaryOp {
            op: UnaryOp::Not,
            operand,
        } = &e.kind
        {
            if let Some((left, inv, right)) = inverted_compare(operand) {
                self.check_compare(left, &[inv], std::slice::from_ref(right));
                self.set_loc(operand.loc);
                self.expr(left)?;
                self.compare_last(inv, right)?;
                self.compare_op(inv);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(COPY, 1);
                self.expr(target)
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_block();
                let jump = if *op == BoolOp::And {
                    JUMP_IF_FALSE_OR_POP
                } else {
                    JUMP_IF_TRUE_OR_POP
                };
                let n = values.len();
                for v in &values[..n - 1] {
                    self.expr(v)?;
                    self.jump(jump, end);
                }
                self.expr(&values[n - 1])?;
                self.use_block(end);
                Ok(())
            }
            ExprKind::BinOp { left, op, right } => {
                // `'%s' % (a, b)` is an f-string (ast_opt's `optimize_format`), unless the
                // tuple is a constant itself.
                if let (
                    Operator::Mod,
                    ExprKind::Tuple {
                        elts,
                        ctx: ExprContext::Load,
                    },
                ) = (op, &right.kind)
                {
                    if let Some(K::Str(fmt)) = crate::fold::fold_const(left, self.optimize) {
                        if crate::fold::fold_const(right, self.optimize).is_none() {
                            if let Some(pieces) = super::format::plan(&fmt, elts) {
                                return self.percent_format(pieces);
                            }
                        }
                    }
                }
                self.expr(left)?;
                self.expr(right)?;
                self.emit(BINARY_OP, super::stmt::binop_arg(*op, false));
                Ok(())
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.op(match op {
                    UnaryOp::Invert => UNARY_INVERT,
                    UnaryOp::Not => UNARY_NOT,
                    UnaryOp::UAdd => UNARY_POSITIVE,
                    UnaryOp::USub => UNARY_NEGATIVE,
                });
                Ok(())
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.emit_noline_jump(end);
                self.use_block(next);
                self.expr(orelse)?;
                self.use_block(end);
                Ok(())
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values),
            ExprKind::Set { elts } => {
                self.starunpack(elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false)
            }
            ExprKind::GeneratorExp { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. } => self.comprehension(e),
            ExprKind::Yield { value } => {
                if self.ste().kind != crate::symtable::BlockType::Function {
                    return Err(self.error(crate::errors::YIELD_OUTSIDE));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(K::None),
                }
                self.emit_yield();
                Ok(())
            }
            ExprKind::YieldFrom { value } => {
                if self.ste().kind != crate::symtable::BlockType::Function {
                    return Err(self.error(crate::errors::YIELD_OUTSIDE));
                }
                if self.u().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.expr(value)?;
                self.op(GET_YIELD_FROM_ITER);
                self.load_const(K::None);
                self.yield_from(false);
                Ok(())
            }
            ExprKind::Await { value } => {
                if self.ste().kind != crate::symtable::BlockType::Function {
                    return Err(self.error(crate::errors::AWAIT_OUTSIDE));
                }
                if !matches!(
                    self.u().scope_type,
                    ScopeType::AsyncFunction | ScopeType::Comprehension
                ) {
                    return Err(self.error(crate::errors::AWAIT_OUTSIDE_ASYNC));
                }
                self.expr(value)?;
                self.emit(GET_AWAITABLE, 0);
                self.load_const(K::None);
                self.yield_from(true);
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.check_compare(left, ops, comparators);
                self.expr(left)?;
                let n = ops.len() - 1;
                if n == 0 {
                    self.compare_last(ops[0], &comparators[0])?;
                    self.compare_op(ops[0]);
                    return Ok(());
                }
                let cleanup = self.new_block();
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(SWAP, 2);
                    self.emit(COPY, 2);
                    self.compare_op(ops[i]);
                    self.jump(JUMP_IF_FALSE_OR_POP, cleanup);
                }
                self.compare_last(ops[n], &comparators[n])?;
                self.compare_op(ops[n]);
                let end = self.new_block();
                self.emit_noline_jump(end);
                self.use_block(cleanup);
                self.emit(SWAP, 2);
                self.op(POP_TOP);
                self.use_block(end);
                Ok(())
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut oparg = match *conversion {
                    115 => 1,
                    114 => 2,
                    97 => 3,
                    _ => 0,
                };
                if let Some(f) = format_spec {
                    self.expr(f)?;
                    oparg |= 4;
                }
                self.emit(FORMAT_VALUE, oparg);
                Ok(())
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(K::str(""));
                    let i = self.u().names.add("join");
                    self.emit(LOAD_METHOD, i);
                    self.emit(BUILD_LIST, 0);
                    for v in values {
                        self.expr(v)?;
                        self.emit(LIST_APPEND, 1);
                    }
                    self.emit(PRECALL, 1);
                    self.emit(CALL, 1);
                } else {
                    for v in values {
                        self.expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit(BUILD_STRING, values.len() as u32);
                    }
                }
                Ok(())
            }
            ExprKind::Constant { value, .. } => {
                self.load_const(ast_const(value));
                Ok(())
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                self.attr_start_loc(e, attr);
                match ctx {
                    ExprContext::Load => self.emit_name(LOAD_ATTR, attr),
                    ExprContext::Store => {
                        if attr == "__debug__" {
                            return Err(self.error("cannot assign to __debug__"));
                        }
                        self.emit_name(STORE_ATTR, attr)
                    }
                    ExprContext::Del => self.emit_name(DELETE_ATTR, attr),
                }
                Ok(())
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscript(value, slice);
                }
                self.expr(value)?;
                self.expr(slice)?;
                self.op(match ctx {
                    ExprContext::Load => BINARY_SUBSCR,
                    ExprContext::Store => STORE_SUBSCR,
                    ExprContext::Del => DELETE_SUBSCR,
                });
                Ok(())
            }
            ExprKind::Starred { ctx, .. } => match ctx {
                ExprContext::Store => {
                    Err(self.error("starred assignment target must be in a list or tuple"))
                }
                _ => Err(self.error(crate::errors::STARRED_HERE)),
            },
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(l) => self.expr(l)?,
                    None => self.load_const(K::None),
                }
                match upper {
                    Some(u) => self.expr(u)?,
                    None => self.load_const(K::None),
                }
                if let Some(s) = step {
                    self.expr(s)?;
                    n += 1;
                }
                self.emit(BUILD_SLICE, n);
                Ok(())
            }
            ExprKind::Name { id, ctx } => {
                if id == "__debug__" && *ctx == ExprContext::Load {
                    self.load_const(K::Bool(self.optimize == 0));
                    return Ok(());
                }
                self.nameop(id, *ctx)
            }
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts),
                ExprContext::Del => {
                    for x in elts {
                        self.expr(x)?;
                    }
                    Ok(())
                }
                ExprContext::Load => {
                    self.starunpack(elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts),
                ExprContext::Del => {
                    for x in elts {
                        self.expr(x)?;
                    }
                    Ok(())
                }
                ExprContext::Load => {
                    self.starunpack(elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)
                }
            },
        }
    }

    /// `fold_iter` of ast_opt: a list display iterated over (or tested with `in`) is a
    /// tuple, a set display of constants a frozenset.
    pub fn iter_expr(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::List { elts, .. } if !elts.iter().any(is_starred) => {
                let saved = self.u().loc;
                self.set_loc(e.loc);
                let consts: Option<Vec<K>> = elts
                    .iter()
                    .map(|e| crate::fold::fold_const(e, self.optimize))
                    .collect();
                match consts {
                    Some(items) => self.load_const(K::Tuple(items)),
                    None => {
                        for x in elts {
                            self.expr(x)?;
                        }
                        self.emit(BUILD_TUPLE, elts.len() as u32);
                    }
                }
                self.u().loc = saved;
                Ok(())
            }
            ExprKind::Set { elts } => {
                let consts: Option<Vec<K>> = elts
                    .iter()
                    .map(|e| crate::fold::fold_const(e, self.optimize))
                    .collect();
                match consts {
                    Some(items) => {
                        let saved = self.u().loc;
                        self.set_loc(e.loc);
                        self.load_const(K::FrozenSet(crate::fold::set_order(items)));
                        self.u().loc = saved;
                        Ok(())
                    }
                    None => self.expr(e),
                }
            }
            _ => self.expr(e),
        }
    }

    pub fn emit_noline_jump(&mut self, target: usize) {
        let saved = self.u().loc;
        self.u().loc = Loc::NOLINE;
        self.jump(JUMP, target);
        self.u().loc = saved;
    }

    /// `update_start_location_to_match_attr`.
    fn attr_start_loc(&mut self, e: &Expr, attr: &str) {
        let u = self.u();
        if u.loc.lineno != e.loc.end_lineno as i32 {
            u.loc.lineno = e.loc.end_lineno as i32;
            let len = attr.chars().count() as i32;
            if len <= e.loc.end_col_offset as i32 {
                u.loc.col = e.loc.end_col_offset as i32 - len;
            } else {
                u.loc.col = -1;
                u.loc.end_col = -1;
            }
            u.loc.end_lineno = u.loc.end_lineno.max(u.loc.lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    pub fn emit_yield(&mut self) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.op(ASYNC_GEN_WRAP);
        }
        self.op(YIELD_VALUE);
        self.emit(RESUME, 1);
    }

    /// `compiler_jump_if`: jump to `next` when the truth of `e` equals `cond`.
    pub fn jump_if(&mut self, e: &'a Expr, next: usize, cond: bool) -> CResult {
        crate::guard(|| self.jump_if_inner(e, next, cond))
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: usize, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if crate::fold::fold_const(e, self.optimize).is_none() => {
                // ast_opt made `not (a in b)` the comparison `a not in b` (located as the
                // comparison) before this sees it.
                if let Some((left, inv, right)) = inverted_compare(operand) {
                    self.check_compare(left, &[inv], std::slice::from_ref(right));
                    self.set_loc(operand.loc);
                    self.expr(left)?;
                    self.compare_last(inv, right)?;
                    self.compare_op(inv);
                    self.jump(
                        if cond {
                            POP_JUMP_IF_TRUE
                        } else {
                            POP_JUMP_IF_FALSE
                        },
                        next,
                    );
                    return Ok(());
                }
                return self.jump_if(operand, next, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.use_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.emit_noline_jump(end);
                self.use_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_block(end);
                return Ok(());
            }
            // 3.11 sets the location to any comparison here and does not restore it: the
            // jump, and what the caller emits next (an assert's raise, a comprehension's
            // loop jump), carry the comparison's location.
            ExprKind::Compare { .. } => self.set_loc(e.loc),
            _ => {}
        }
        if let ExprKind::Compare {
            left,
            ops,
            comparators,
        } = &e.kind
        {
            if ops.len() > 1 {
                self.check_compare(left, ops, comparators);
                let n = ops.len() - 1;
                let cleanup = self.new_block();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(SWAP, 2);
                    self.emit(COPY, 2);
                    self.compare_op(ops[i]);
                    self.jump(POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(&comparators[n])?;
                self.compare_op(ops[n]);
                self.jump(
                    if cond {
                        POP_JUMP_IF_TRUE
                    } else {
                        POP_JUMP_IF_FALSE
                    },
                    next,
                );
                let end = self.new_block();
                self.emit_noline_jump(end);
                self.use_block(cleanup);
                self.op(POP_TOP);
                if !cond {
                    self.emit_noline_jump(next);
                }
                self.use_block(end);
                return Ok(());
            }
        }
        // The general case: the jump takes the current location (the statement's, or a
        // comparison's set above), not the expression's.
        self.expr(e)?;
        self.jump(
            if cond {
                POP_JUMP_IF_TRUE
            } else {
                POP_JUMP_IF_FALSE
            },
            next,
        );
        Ok(())
    }

    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref())
        {
            if a.arg == "__debug__" {
                // At the lambda's location (`compiler_check_debug_args`).
                return Err(self.error("cannot assign to __debug__"));
            }
        }
        let flags = self.function_prologue(args, None, false)?;
        self.enter_scope(
            "<lambda>",
            ScopeType::Lambda,
            e as *const _ as usize,
            e.loc.lineno,
        )?;
        self.u().add_const(K::None);
        self.u().argcount = args.args.len() as u32;
        self.u().posonlyargcount = args.posonlyargs.len() as u32;
        self.u().kwonlyargcount = args.kwonlyargs.len() as u32;
        self.expr(body)?;
        let code = if self.ste().generator {
            self.exit_scope(false)?
        } else {
            // The scope's own location (the `lambda` line, columns 0-0): `self.expr`
            // restored it, as `compiler_visit_expr` does.
            self.op(RETURN_VALUE);
            self.exit_scope(true)?
        };
        self.make_closure(code, flags)
    }

    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let consts: Option<Vec<K>> = keys[begin..end]
            .iter()
            .map(|k| {
                k.as_ref()
                    .and_then(|k| crate::fold::fold_const(k, self.optimize))
            })
            .collect();
        if n > 1 && !big {
            if let Some(ks) = consts {
                for v in &values[begin..end] {
                    self.expr(v)?;
                }
                self.load_const(K::Tuple(ks));
                self.emit(BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.expr(k)?;
            }
            self.expr(&values[i])?;
            if big {
                self.emit(MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = values.len();
        let mut elements = 0;
        let mut have_dict = false;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(BUILD_MAP, 0);
        }
        Ok(())
    }

    /// `starunpack_helper`.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: usize,
        build: u16,
        add: u16,
        extend: u16,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<K>> = elts
                .iter()
                .map(|e| crate::fold::fold_const(e, self.optimize))
                .collect();
            if let Some(items) = consts {
                {
                    if tuple && pushed == 0 {
                        self.load_const(K::Tuple(items));
                    } else {
                        let folded = if add == SET_ADD {
                            K::FrozenSet(crate::fold::set_order(items))
                        } else {
                            K::Tuple(items)
                        };
                        self.emit(build, pushed as u32);
                        self.load_const(folded);
                        self.emit(extend, 1);
                        if tuple {
                            self.op(LIST_TO_TUPLE);
                        }
                    }
                    return Ok(());
                }
            }
        }
        let big = n + pushed > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(is_starred);
        if !seen_star && !big {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(if tuple { BUILD_TUPLE } else { build }, (n + pushed) as u32);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed as u32);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !built {
                    self.emit(build, (i + pushed) as u32);
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend, 1);
            } else {
                self.expr(x)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.op(LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if is_starred(x) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= 256 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.emit(UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(UNPACK_SEQUENCE, n as u32);
        }
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    fn validate_keywords(&mut self, keywords: &'a [Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name == "__debug__" {
                return Err(self.error("cannot assign to __debug__"));
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(name.as_str()) {
                    self.set_loc(other.loc);
                    return Err(self.error(&format!("keyword argument repeated: {name}")));
                }
            }
        }
        Ok(())
    }

    fn kw_names(&mut self, keywords: &'a [Keyword]) {
        let names = K::Tuple(
            keywords
                .iter()
                .map(|k| K::str(k.arg.as_deref().unwrap_or("")))
                .collect(),
        );
        let i = self.u().add_const(names);
        self.emit(KW_NAMES, i);
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name { id, .. } => {
                self.st.entries[0].flags(id) & crate::symtable::DEF_IMPORT != 0
            }
            _ => false,
        }
    }

    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        self.set_loc(e.loc);
        if let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.kind
        {
            let argsl = args.len();
            let kwdsl = keywords.len();
            if !self.is_import_originated(value)
                && (argsl + kwdsl + (kwdsl != 0) as usize) < STACK_USE_GUIDELINE
                && !args.iter().any(is_starred)
                && keywords.iter().all(|k| k.arg.is_some())
            {
                self.expr(value)?;
                // LOAD_METHOD and KW_NAMES at the attribute, PRECALL/CALL at the call, both
                // starting at the attribute name when the attribute spans lines.
                self.set_loc(func.loc);
                self.attr_start_loc(func, attr);
                self.emit_name(LOAD_METHOD, attr);
                for a in args {
                    self.expr(a)?;
                }
                if kwdsl > 0 {
                    for k in keywords {
                        self.expr(&k.value)?;
                    }
                    self.kw_names(keywords);
                }
                self.set_loc(e.loc);
                self.attr_start_loc(func, attr);
                self.emit(PRECALL, (argsl + kwdsl) as u32);
                self.emit(CALL, (argsl + kwdsl) as u32);
                return Ok(());
            }
        }
        self.check_caller(func);
        self.set_loc(func.loc);
        self.op(PUSH_NULL);
        self.set_loc(e.loc);
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `compiler_call_helper`: arguments and the call, `n` values already pushed.
    pub fn call_helper(&mut self, n: usize, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(is_starred)
            && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit(PRECALL, (n + nelts + nkw) as u32);
            self.emit(CALL, (n + nelts + nkw) as u32);
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.expr(value)?;
            } else {
                self.starunpack(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?;
            }
        } else {
            self.starunpack(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkw - nseen, nkw)?;
                if have_dict {
                    self.emit(DICT_MERGE, 1);
                }
            }
        }
        self.emit(CALL_FUNCTION_EX, (nkw > 0) as u32);
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.expr(&k.value)?;
            }
            let keys = K::Tuple(
                keywords[begin..end]
                    .iter()
                    .map(|k| K::str(k.arg.as_deref().unwrap_or("")))
                    .collect(),
            );
            self.load_const(keys);
            self.emit(BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(K::str(k.arg.as_deref().unwrap_or("")));
            self.expr(&k.value)?;
            if big {
                self.emit_noline(MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(BUILD_MAP, n as u32);
        }
        Ok(())
    }
}

/// `a OP b` with OP one of `is`, `is not`, `in`, `not in`: the operands and the inverse
/// operator (`fold_unaryop`'s rewrite of `not (a OP b)`; the others cannot be inverted).
fn inverted_compare(e: &Expr) -> Option<(&Expr, CmpOp, &Expr)> {
    let ExprKind::Compare {
        left,
        ops,
        comparators,
    } = &e.kind
    else {
        return None;
    };
    if ops.len() != 1 {
        return None;
    }
    let inv = match ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((left, inv, &comparators[0]))
}
