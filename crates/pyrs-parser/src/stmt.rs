//! Statements, simple and compound (CPython: `Grammar/python.gram`, sections GENERAL
//! STATEMENTS, SIMPLE STATEMENTS, COMPOUND STATEMENTS).

use crate::parser::{Fail, PResult, Parser};
use crate::targets::{expr_name, TargetsType};
use crate::tokens::Kw;
use pyrs_ast::*;
use pyrs_tokenizer::{SyntaxErrorClass, TokenKind as T};

impl<'s> Parser<'s> {
    /// `file: [statements] ENDMARKER`
    pub(crate) fn parse_file(&mut self) -> PResult<Mod> {
        let mut body = Vec::new();
        while !self.at(T::EndMarker) {
            self.parse_statement(&mut body)?;
        }
        Ok(Mod::Module {
            body,
            type_ignores: vec![],
        })
    }

    /// `eval: expressions NEWLINE* ENDMARKER` (`compile(source, f, 'eval')`).
    pub(crate) fn parse_eval_input(&mut self) -> PResult<Mod> {
        let body = self.parse_expressions()?;
        while self.eat(T::Newline) {}
        if !self.at(T::EndMarker) {
            return Err(Fail::NoMatch);
        }
        Ok(Mod::Expression {
            body: Box::new(body),
        })
    }

    /// `compile(source, f, 'single')`: one statement (CPython's `interactive` rule fed by
    /// a string, where `PyCF_DONT_IMPLY_DEDENT` is unset: the rest of the source must be
    /// empty, else "multiple statements found while compiling a single statement").
    pub(crate) fn parse_single_input(&mut self) -> PResult<Mod> {
        let mut body = Vec::new();
        while self.eat(T::Newline) {}
        if self.at(T::EndMarker) {
            // `compile('', f, 'single')`: invalid syntax with no position.
            return Err(Fail::Error(Box::new(pyrs_tokenizer::SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                msg: "invalid syntax".into(),
                lineno: 0,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                text: None,
            })));
        }
        self.parse_statement(&mut body)?;
        let last_newline = self.pos.checked_sub(1).map(|i| self.toks[i].clone());
        let compound = matches!(
            body.last().map(|s| &s.kind),
            Some(
                StmtKind::FunctionDef { .. }
                    | StmtKind::AsyncFunctionDef { .. }
                    | StmtKind::ClassDef { .. }
                    | StmtKind::For { .. }
                    | StmtKind::AsyncFor { .. }
                    | StmtKind::While { .. }
                    | StmtKind::If { .. }
                    | StmtKind::With { .. }
                    | StmtKind::AsyncWith { .. }
                    | StmtKind::Match { .. }
                    | StmtKind::Try { .. }
                    | StmtKind::TryStar { .. }
            )
        );
        if compound {
            // `statement_newline: compound_stmt NEWLINE`: a one-line compound statement
            // needs a line break after it, which a source without a final newline lacks.
            if let Some(t) = &last_newline {
                if t.kind == T::Newline && t.col == crate::tokens::NO_COL {
                    return Err(Fail::Error(Box::new(pyrs_tokenizer::SyntaxError {
                        class: SyntaxErrorClass::SyntaxError,
                        msg: "invalid syntax".into(),
                        lineno: t.lineno,
                        offset: 0,
                        end_lineno: t.lineno,
                        end_offset: 0,
                        text: None,
                    })));
                }
            }
        }
        while self.eat(T::Newline) {}
        if self.at(T::EndMarker) {
            return Ok(Mod::Interactive { body });
        }
        match last_newline {
            // After a simple statement CPython's `_PyPegen_run_parser` checks for more
            // input and reports it at the statement's NEWLINE token.
            Some(t) if !compound => Err(Fail::Error(Box::new(pyrs_tokenizer::SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                msg: "multiple statements found while compiling a single statement".into(),
                lineno: t.lineno,
                offset: t.col + 1,
                end_lineno: t.lineno,
                end_offset: t.col + 1,
                text: None,
            }))),
            _ => Err(Fail::NoMatch),
        }
    }

    /// `statement: compound_stmt | simple_stmts`
    fn parse_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let t = self.tok();
        let compound = match (t.kind, t.kw) {
            (T::Name, Kw::Def | Kw::If | Kw::Class | Kw::With | Kw::For | Kw::Try | Kw::While) => {
                true
            }
            (T::Name, Kw::Async) => matches!(self.peek_at(1).kw, Kw::Def | Kw::With | Kw::For),
            (T::At, _) => true,
            _ => false,
        };
        if compound {
            self.enter()?;
            let r = crate::parser::grow(|| self.parse_compound_stmt());
            self.leave();
            out.push(r?);
            return Ok(());
        }
        if self.at_soft_kw("match") {
            if let Some(s) = self.try_match_stmt()? {
                out.push(s);
                return Ok(());
            }
        }
        self.parse_simple_stmts(out)
    }

    /// `simple_stmts: ';'.simple_stmt+ [';'] NEWLINE`
    fn parse_simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.parse_simple_stmt()?;
            out.push(s);
            if self.eat(T::Semi) {
                if self.at(T::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        self.expect(T::Newline)?;
        Ok(())
    }

    fn parse_simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let t = self.tok();
        let kind = match t.kw {
            Kw::Return => {
                self.bump();
                let value = if self.starts_expression() || self.at(T::Star) {
                    Some(Box::new(self.parse_star_expressions()?))
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            Kw::Pass => {
                self.bump();
                StmtKind::Pass
            }
            Kw::Break => {
                self.bump();
                StmtKind::Break
            }
            Kw::Continue => {
                self.bump();
                StmtKind::Continue
            }
            Kw::Raise => {
                self.bump();
                if self.starts_expression() {
                    let exc = self.parse_expression()?;
                    let cause = if self.eat_kw(Kw::From) {
                        Some(Box::new(self.parse_expression()?))
                    } else {
                        None
                    };
                    StmtKind::Raise {
                        exc: Some(Box::new(exc)),
                        cause,
                    }
                } else {
                    StmtKind::Raise {
                        exc: None,
                        cause: None,
                    }
                }
            }
            Kw::Global | Kw::Nonlocal => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    let n = self.tok();
                    if !n.is_name() {
                        return Err(Fail::NoMatch);
                    }
                    self.bump();
                    names.push(self.name_id(&n));
                    if !self.eat(T::Comma) {
                        break;
                    }
                }
                if t.kw == Kw::Global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            Kw::Del => self.parse_del_stmt()?,
            Kw::Assert => {
                self.bump();
                let test = self.parse_expression()?;
                let msg = if self.eat(T::Comma) {
                    Some(Box::new(self.parse_expression()?))
                } else {
                    None
                };
                StmtKind::Assert {
                    test: Box::new(test),
                    msg,
                }
            }
            Kw::Import => self.parse_import_name()?,
            Kw::From => self.parse_import_from()?,
            _ => return self.parse_expression_stmt(),
        };
        Ok(Stmt {
            kind,
            loc: self.finish(start),
        })
    }

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt`
    fn parse_del_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        let m = self.mark();
        let mut targets = Vec::new();
        let ok = loop {
            match self.parse_star_targets_item_for_del() {
                Ok(e) => targets.push(e),
                Err(Fail::Error(e)) => return Err(Fail::Error(e)),
                Err(Fail::NoMatch) => break false,
            }
            if !self.eat(T::Comma) {
                break true;
            }
            if self.at(T::Semi) || self.at(T::Newline) {
                break true;
            }
        };
        if ok && (self.at(T::Semi) || self.at(T::Newline)) {
            let mut out = Vec::with_capacity(targets.len());
            for t in targets {
                if crate::targets::invalid_target(&t, TargetsType::Del).is_none() {
                    let mut t = t;
                    crate::targets::set_context(&mut t, ExprContext::Del);
                    out.push(t);
                } else {
                    return self.del_error(m);
                }
            }
            return Ok(StmtKind::Delete { targets: out });
        }
        self.del_error(m)
    }

    fn parse_star_targets_item_for_del(&mut self) -> PResult<Expr> {
        self.parse_primary()
    }

    /// `invalid_del_stmt: 'del' a=star_expressions`
    fn del_error(&mut self, m: (usize, (u32, u32))) -> PResult<StmtKind> {
        let after = self.mark();
        self.reset(m);
        let reparsed = match self.parse_star_expressions() {
            Err(Fail::Error(e)) => return Err(Fail::Error(e)),
            r => r,
        };
        if let Ok(e) = reparsed {
            if let Some(bad) = crate::targets::invalid_target(&e, TargetsType::Del) {
                return Err(self.error_loc(bad.loc, &format!("cannot delete {}", expr_name(bad))));
            }
        }
        self.reset(after);
        Err(Fail::NoMatch)
    }

    /// Assignments, annotated and augmented assignments, and expression statements.
    fn parse_expression_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let first_tok = self.tok();
        // assignment: NAME ':' expression ['=' annotated_rhs]
        if first_tok.is_name() && self.peek_at(1).kind == T::Colon {
            let name = self.bump();
            self.bump();
            let target = Self::new_expr(
                ExprKind::Name {
                    id: self.name_id(&name),
                    ctx: ExprContext::Store,
                },
                Self::tok_loc(&name),
            );
            let annotation = self.parse_expression()?;
            let value = if self.eat(T::Equal) {
                Some(Box::new(self.parse_annotated_rhs()?))
            } else {
                None
            };
            return Ok(Stmt {
                kind: StmtKind::AnnAssign {
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value,
                    simple: true,
                },
                loc: self.finish(start),
            });
        }
        let first = if self.at_kw(Kw::Yield) {
            self.parse_yield_expr()?
        } else {
            self.parse_star_expressions()?
        };
        let t = self.tok();
        match t.kind {
            T::Colon => {
                self.bump();
                let annotation = self.parse_expression()?;
                let bad = match &first.kind {
                    ExprKind::Tuple { .. } => {
                        Some("only single target (not tuple) can be annotated")
                    }
                    ExprKind::List { .. } => Some("only single target (not list) can be annotated"),
                    ExprKind::Name { .. }
                    | ExprKind::Attribute { .. }
                    | ExprKind::Subscript { .. } => None,
                    _ => Some("illegal target for annotation"),
                };
                if let Some(msg) = bad {
                    // An unparenthesized tuple is reported at its first element.
                    let loc = match &first.kind {
                        ExprKind::Tuple { elts, .. }
                            if elts.first().map(|e| (e.loc.lineno, e.loc.col_offset))
                                == Some((first.loc.lineno, first.loc.col_offset)) =>
                        {
                            elts[0].loc
                        }
                        _ => first.loc,
                    };
                    return Err(self.error_loc(loc, msg));
                }
                let simple = false;
                let mut target = first;
                crate::targets::set_context(&mut target, ExprContext::Store);
                let value = if self.eat(T::Equal) {
                    Some(Box::new(self.parse_annotated_rhs()?))
                } else {
                    None
                };
                Ok(Stmt {
                    kind: StmtKind::AnnAssign {
                        target: Box::new(target),
                        annotation: Box::new(annotation),
                        value,
                        simple,
                    },
                    loc: self.finish(start),
                })
            }
            T::Equal => {
                let mut exprs = vec![first];
                let first_value_pos = self.pos + 1;
                while self.eat(T::Equal) {
                    exprs.push(self.parse_annotated_rhs()?);
                }
                let value = exprs
                    .pop()
                    .unwrap_or_else(|| unreachable!("at least two expressions"));
                if exprs.len() == 1
                    && crate::targets::invalid_target(&exprs[0], TargetsType::Star).is_some()
                {
                    self.check_named_assignment(&exprs[0], first_value_pos)?;
                }
                let mut targets = Vec::with_capacity(exprs.len());
                for e in exprs {
                    if matches!(e.kind, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
                        return Err(
                            self.error_loc(e.loc, "assignment to yield expression not possible")
                        );
                    }
                    targets.push(self.into_target(e, TargetsType::Star)?);
                }
                Ok(Stmt {
                    kind: StmtKind::Assign {
                        targets,
                        value: Box::new(value),
                        type_comment: None,
                    },
                    loc: self.finish(start),
                })
            }
            _ => {
                if let Some(op) = augassign_op(t.kind) {
                    match &first.kind {
                        ExprKind::Name { .. }
                        | ExprKind::Attribute { .. }
                        | ExprKind::Subscript { .. } => {}
                        _ => {
                            return Err(self.error_loc(
                                first.loc,
                                &format!(
                                    "'{}' is an illegal expression for augmented assignment",
                                    expr_name(&first)
                                ),
                            ))
                        }
                    }
                    self.bump();
                    let mut target = first;
                    crate::targets::set_context(&mut target, ExprContext::Store);
                    let value = self.parse_annotated_rhs()?;
                    return Ok(Stmt {
                        kind: StmtKind::AugAssign {
                            target: Box::new(target),
                            op,
                            value: Box::new(value),
                        },
                        loc: self.finish(start),
                    });
                }
                if !matches!(t.kind, T::Newline | T::Semi) {
                    self.check_legacy_print(&first)?;
                }
                Ok(Stmt {
                    kind: StmtKind::Expr {
                        value: Box::new(first),
                    },
                    loc: self.finish(start),
                })
            }
        }
    }

    /// For `TARGETS = VALUE` with one `=` and an invalid target, the `invalid_named_expression`
    /// alternatives CPython's second pass reaches first (through `invalid_assignment`'s
    /// `star_named_expression ',' star_named_expressions*`): they look at the expression just
    /// before the `=`, which is the whole target or the last element of an unparenthesized tuple.
    fn check_named_assignment(&mut self, target: &Expr, value_pos: usize) -> PResult<()> {
        let e = match &target.kind {
            ExprKind::Tuple { elts, .. } if !self.is_parenthesized(target) => match elts.last() {
                Some(last) => last,
                None => return Ok(()),
            },
            _ => target,
        };
        if matches!(e.kind, ExprKind::Starred { .. }) {
            return Ok(());
        }
        // `'=' bitwise_or !('=' | ':=')` on the value.
        let m = self.mark();
        self.pos = value_pos;
        let rhs = self.parse_bitwise_or();
        let ok = !(self.at(T::Equal) || self.at(T::ColonEqual));
        self.reset(m);
        let rhs = match rhs {
            Ok(r) if ok => r,
            Err(Fail::Error(err)) => return Err(Fail::Error(err)),
            _ => return Ok(()),
        };
        let group = self.is_parenthesized(e);
        if matches!(e.kind, ExprKind::Name { .. }) && !group {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Err(self.error_range(e.loc, rhs.loc, msg));
        }
        let excluded = !group
            && matches!(
                e.kind,
                ExprKind::List { .. }
                    | ExprKind::Tuple { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Constant {
                        value: Constant::None | Constant::Bool(_),
                        ..
                    }
            );
        if !excluded && (group || crate::targets::is_bitwise_or_level(e)) {
            let msg = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(e)
            );
            return Err(self.error_loc(e.loc, &msg));
        }
        Ok(())
    }

    /// True if `e` is written inside parentheses that are not part of its own node (a group).
    fn is_parenthesized(&self, e: &Expr) -> bool {
        let start = (e.loc.lineno, e.loc.col_offset);
        let idx = self.toks.partition_point(|t| (t.lineno, t.col) < start);
        idx > 0 && self.toks[idx - 1].kind == T::Lpar && {
            let end = (e.loc.end_lineno, e.loc.end_col_offset);
            let after = self
                .toks
                .partition_point(|t| (t.end_lineno, t.end_col) <= end);
            self.toks.get(after).map(|t| t.kind) == Some(T::Rpar)
        }
    }

    /// `invalid_legacy_expression: a=NAME !'(' b=star_expressions` for `print` / `exec`.
    fn check_legacy_print(&mut self, e: &Expr) -> PResult<()> {
        if let ExprKind::Name { id, .. } = &e.kind {
            if (id == "print" || id == "exec") && !self.at(T::Lpar) {
                let m = self.mark();
                if let Ok(rest) = self.parse_star_expressions() {
                    let msg =
                        format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?");
                    return Err(self.error_range(e.loc, rest.loc, &msg));
                }
                self.reset(m);
            }
        }
        Ok(())
    }

    /// `annotated_rhs: yield_expr | star_expressions`
    fn parse_annotated_rhs(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.parse_yield_expr()
        } else {
            self.parse_star_expressions()
        }
    }

    /// `import_name: 'import' dotted_as_names`
    fn parse_import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.parse_dotted_name()?;
            let asname = self.parse_as_name()?;
            names.push(Alias {
                name,
                asname,
                loc: self.finish(start),
            });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import { names })
    }

    fn parse_dotted_name(&mut self) -> PResult<String> {
        let t = self.tok();
        if !t.is_name() {
            return Err(Fail::NoMatch);
        }
        self.bump();
        let mut name = self.name_id(&t);
        while self.at(T::Dot) && self.peek_at(1).is_name() {
            self.bump();
            let t = self.bump();
            name.push('.');
            name.push_str(&self.name_id(&t));
        }
        Ok(name)
    }

    fn parse_as_name(&mut self) -> PResult<Option<String>> {
        if !self.eat_kw(Kw::As) {
            return Ok(None);
        }
        let t = self.tok();
        if !t.is_name() {
            return Err(Fail::NoMatch);
        }
        self.bump();
        Ok(Some(self.name_id(&t)))
    }

    /// `import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets | ...`
    fn parse_import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            match self.kind() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at_kw(Kw::Import) {
            if level == 0 {
                return Err(Fail::NoMatch);
            }
            None
        } else {
            Some(self.parse_dotted_name()?)
        };
        self.expect_kw(Kw::Import)?;
        let mut names = Vec::new();
        if self.at(T::Star) {
            let t = self.bump();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                loc: Self::tok_loc(&t),
            });
        } else {
            let paren = self.eat(T::Lpar);
            loop {
                let start = self.start();
                let t = self.tok();
                if !t.is_name() {
                    if !paren && !names.is_empty() && self.at(T::Newline) {
                        return Err(self.error_last(
                            "trailing comma not allowed without surrounding parentheses",
                        ));
                    }
                    if paren && !names.is_empty() {
                        break;
                    }
                    return Err(Fail::NoMatch);
                }
                self.bump();
                let name = self.name_id(&t);
                let asname = self.parse_as_name()?;
                names.push(Alias {
                    name,
                    asname,
                    loc: self.finish(start),
                });
                if !self.eat(T::Comma) {
                    break;
                }
            }
            if paren {
                self.expect(T::Rpar)?;
            }
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    // ----- compound statements ----------------------------------------------------------

    fn parse_compound_stmt(&mut self) -> PResult<Stmt> {
        let t = self.tok();
        match (t.kind, t.kw) {
            (T::At, _) => self.parse_decorated(),
            (_, Kw::Def) => self.parse_function_def(Vec::new(), None),
            (_, Kw::Class) => self.parse_class_def(Vec::new()),
            (_, Kw::If) => self.parse_if_stmt(),
            (_, Kw::While) => self.parse_while_stmt(),
            (_, Kw::For) => self.parse_for_stmt(None),
            (_, Kw::With) => self.parse_with_stmt(None),
            (_, Kw::Try) => self.parse_try_stmt(),
            (_, Kw::Async) => {
                let start = self.start();
                self.bump();
                match self.tok().kw {
                    Kw::Def => self.parse_function_def(Vec::new(), Some(start)),
                    Kw::For => self.parse_for_stmt(Some(start)),
                    _ => self.parse_with_stmt(Some(start)),
                }
            }
            _ => Err(Fail::NoMatch),
        }
    }

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block`.
    /// `after` names the statement for "expected an indented block after ..." errors.
    fn parse_block(&mut self, after: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.eat(T::Newline) {
            if !self.at(T::Indent) {
                if self.at(T::ErrorToken) {
                    return Err(Fail::NoMatch);
                }
                let msg = format!("expected an indented block after {after} on line {line}");
                return Err(self.indentation_error_last(&msg));
            }
            self.bump();
            while !self.at(T::Dedent) {
                if self.at(T::EndMarker) || self.at(T::ErrorToken) {
                    return Err(Fail::NoMatch);
                }
                self.parse_statement(&mut body)?;
            }
            self.bump();
        } else {
            self.parse_simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    /// The `':'` of a compound statement header; `NEWLINE` instead gives "expected ':'".
    fn expect_header_colon(&mut self) -> PResult<()> {
        if self.eat(T::Colon) {
            return Ok(());
        }
        if self.at(T::Newline) {
            return Err(self.error_last("expected ':'"));
        }
        Err(Fail::NoMatch)
    }

    /// `decorators: ('@' f=named_expression NEWLINE)+` then a class or function.
    fn parse_decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(T::At) {
            decorators.push(self.parse_named_expression()?);
            self.expect(T::Newline)?;
        }
        let t = self.tok();
        match t.kw {
            Kw::Def => self.parse_function_def(decorators, None),
            Kw::Class => self.parse_class_def(decorators),
            Kw::Async if self.peek_at(1).kw == Kw::Def => {
                let start = self.start();
                self.bump();
                self.parse_function_def(decorators, Some(start))
            }
            _ => Err(Fail::NoMatch),
        }
    }

    /// `function_def_raw: 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block`
    fn parse_function_def(
        &mut self,
        decorator_list: Vec<Expr>,
        async_start: Option<(u32, u32)>,
    ) -> PResult<Stmt> {
        let def_start = self.start();
        let start = async_start.unwrap_or(def_start);
        self.bump();
        let name = self.tok();
        if !name.is_name() {
            return Err(Fail::NoMatch);
        }
        self.bump();
        self.expect_forced(T::Lpar, "(")?;
        let args = if self.at(T::Rpar) {
            Arguments::default()
        } else {
            self.parse_params()?
        };
        self.expect(T::Rpar)?;
        let returns = if self.eat(T::Rarrow) {
            Some(Box::new(self.parse_expression()?))
        } else {
            None
        };
        self.expect_forced(T::Colon, ":")?;
        let body = self.parse_block("function definition", def_start.0)?;
        let f = FunctionDef {
            name: self.name_id(&name),
            args: Box::new(args),
            body,
            decorator_list,
            returns,
            type_comment: None,
        };
        let kind = if async_start.is_some() {
            StmtKind::AsyncFunctionDef(f)
        } else {
            StmtKind::FunctionDef(f)
        };
        Ok(Stmt {
            kind,
            loc: self.finish(start),
        })
    }

    /// `class_def_raw: 'class' NAME ['(' [arguments] ')'] &&':' block`
    fn parse_class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let name = self.tok();
        if !name.is_name() {
            return Err(Fail::NoMatch);
        }
        self.bump();
        let (bases, keywords) = if self.at(T::Lpar) {
            self.parse_call_arguments()?
        } else {
            (vec![], vec![])
        };
        // 3.11: a NEWLINE gives "expected ':'", anything else is invalid syntax.
        self.expect_header_colon()?;
        let body = self.parse_block("class definition", start.0)?;
        Ok(Stmt {
            kind: StmtKind::ClassDef(ClassDef {
                name: self.name_id(&name),
                bases,
                keywords,
                body,
                decorator_list,
            }),
            loc: self.finish(start),
        })
    }

    /// `if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])`
    fn parse_if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kw = self.bump();
        let what = if kw.kw == Kw::If {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let test = self.parse_named_expression()?;
        self.expect_header_colon()?;
        let body = self.parse_block(what, start.0)?;
        let orelse = if self.at_kw(Kw::Elif) {
            vec![self.parse_if_stmt()?]
        } else {
            self.parse_else_block()?
        };
        Ok(Stmt {
            kind: StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
            loc: self.finish(start),
        })
    }

    /// `else_block: 'else' &&':' block`
    fn parse_else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw(Kw::Else) {
            return Ok(Vec::new());
        }
        let t = self.bump();
        self.expect_forced(T::Colon, ":")?;
        self.parse_block("'else' statement", t.lineno)
    }

    /// `while_stmt: 'while' named_expression ':' block [else_block]`
    fn parse_while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let test = self.parse_named_expression()?;
        self.expect_header_colon()?;
        let body = self.parse_block("'while' statement", start.0)?;
        let orelse = self.parse_else_block()?;
        Ok(Stmt {
            kind: StmtKind::While {
                test: Box::new(test),
                body,
                orelse,
            },
            loc: self.finish(start),
        })
    }

    /// `for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]`
    fn parse_for_stmt(&mut self, async_start: Option<(u32, u32)>) -> PResult<Stmt> {
        let for_start = self.start();
        let start = async_start.unwrap_or(for_start);
        self.bump();
        let target = self.parse_for_target()?;
        self.expect_kw(Kw::In)?;
        let iter = self.parse_star_expressions()?;
        self.expect_header_colon()?;
        let body = self.parse_block("'for' statement", for_start.0)?;
        let orelse = self.parse_else_block()?;
        let f = For {
            target: Box::new(target),
            iter: Box::new(iter),
            body,
            orelse,
            type_comment: None,
        };
        let kind = if async_start.is_some() {
            StmtKind::AsyncFor(f)
        } else {
            StmtKind::For(f)
        };
        Ok(Stmt {
            kind,
            loc: self.finish(start),
        })
    }

    /// `with_stmt: ['async'] 'with' ('(' ','.with_item+ ','? ')' | ','.with_item+) ':' block`
    fn parse_with_stmt(&mut self, async_start: Option<(u32, u32)>) -> PResult<Stmt> {
        let with_start = self.start();
        let start = async_start.unwrap_or(with_start);
        self.bump();
        let mut items = None;
        if self.at(T::Lpar) {
            let m = self.mark();
            self.bump();
            match self.parse_with_items(true) {
                Ok(list) if self.eat(T::Rpar) && self.at(T::Colon) => items = Some(list),
                Err(Fail::Error(e)) => return Err(Fail::Error(e)),
                _ => self.reset(m),
            }
        }
        let items = match items {
            Some(i) => i,
            None => self.parse_with_items(false)?,
        };
        self.expect_header_colon()?;
        let body = self.parse_block("'with' statement", with_start.0)?;
        let w = With {
            items,
            body,
            type_comment: None,
        };
        let kind = if async_start.is_some() {
            StmtKind::AsyncWith(w)
        } else {
            StmtKind::With(w)
        };
        Ok(Stmt {
            kind,
            loc: self.finish(start),
        })
    }

    fn parse_with_items(&mut self, parenthesized: bool) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context_expr = self.parse_expression()?;
            let optional_vars = if self.eat_kw(Kw::As) {
                let m = self.mark();
                let target = match self.parse_star_target_single() {
                    Ok(t) if matches!(self.kind(), T::Comma | T::Rpar | T::Colon) => Some(t),
                    Ok(_) if self.at(T::Newline) && !parenthesized => {
                        // invalid_with_stmt: 'with' ','.(expression ['as' star_target])+ NEWLINE
                        return Err(self.error_last("expected ':'"));
                    }
                    Err(Fail::Error(e)) => return Err(Fail::Error(e)),
                    _ => None,
                };
                match target {
                    Some(t) => {
                        if crate::targets::invalid_target(&t, TargetsType::Star).is_some() {
                            return Err(self
                                .into_target(t, TargetsType::Star)
                                .err()
                                .unwrap_or(Fail::NoMatch));
                        }
                        let mut t = t;
                        crate::targets::set_context(&mut t, ExprContext::Store);
                        Some(Box::new(t))
                    }
                    None => {
                        // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
                        self.reset(m);
                        let reparsed = match self.parse_expression() {
                            Err(Fail::Error(e)) => return Err(Fail::Error(e)),
                            r => r,
                        };
                        if let Ok(e) = reparsed {
                            if matches!(self.kind(), T::Comma | T::Rpar | T::Colon) {
                                self.into_target(e, TargetsType::Star)?;
                            }
                        }
                        return Err(Fail::NoMatch);
                    }
                }
            } else {
                None
            };
            items.push(WithItem {
                context_expr,
                optional_vars,
            });
            if !self.eat(T::Comma) {
                break;
            }
            if parenthesized && self.at(T::Rpar) {
                break;
            }
        }
        Ok(items)
    }

    /// `star_target` as a `with` item target (a single target, possibly a tuple in parens).
    fn parse_star_target_single(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let value = self.parse_primary()?;
            return Ok(Self::new_expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                self.finish(start),
            ));
        }
        self.parse_primary()
    }

    /// `try_stmt: 'try' &&':' block (finally_block | except_block+ [else_block] [finally_block]
    ///  | except_star_block+ [else_block] [finally_block])`
    fn parse_try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        self.expect_forced(T::Colon, ":")?;
        let body = self.parse_block("'try' statement", start.0)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.at_kw(Kw::Except) {
            let h_start = self.start();
            let kw = self.bump();
            let star_tok = self.tok();
            let is_star = self.eat(T::Star);
            match star {
                Some(s) if s != is_star => {
                    let msg = "cannot have both 'except' and 'except*' on the same 'try'";
                    if is_star {
                        let (a, b) = (Self::tok_loc(&kw), Self::tok_loc(&star_tok));
                        return Err(self.error_range(a, b, msg));
                    }
                    return Err(self.error_at_tok(&kw, msg));
                }
                _ => star = Some(is_star),
            }
            let (type_, name) = if self.at(T::Colon) {
                if is_star {
                    return Err(self.error_last("expected one or more exception types"));
                }
                (None, None)
            } else if self.at(T::Newline) {
                if is_star {
                    return Err(self.error_last("expected one or more exception types"));
                }
                return Err(self.error_last("expected ':'"));
            } else {
                let t_start = self.start();
                let e = self.parse_expression()?;
                if self.at(T::Comma) {
                    // invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME] ':'
                    let m = self.mark();
                    self.bump();
                    if self.parse_expressions().is_ok() {
                        let _ = self.parse_as_name();
                        if self.at(T::Colon) {
                            let colon = self.tok();
                            let loc = Location {
                                lineno: t_start.0,
                                col_offset: t_start.1,
                                end_lineno: colon.lineno,
                                end_col_offset: colon.col,
                            };
                            return Err(self
                                .error_loc(loc, "multiple exception types must be parenthesized"));
                        }
                    }
                    self.reset(m);
                }
                let name = self.parse_as_name()?;
                (Some(Box::new(e)), name)
            };
            self.expect_header_colon()?;
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let body = self.parse_block(what, kw.lineno)?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body,
                loc: self.finish(h_start),
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.parse_else_block()?
        };
        let finalbody = if self.at_kw(Kw::Finally) {
            let t = self.bump();
            self.expect_forced(T::Colon, ":")?;
            self.parse_block("'finally' statement", t.lineno)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            self.tok();
            return Err(self.error_last("expected 'except' or 'finally' block"));
        }
        let t = Try {
            body,
            handlers,
            orelse,
            finalbody,
        };
        let kind = if star == Some(true) {
            StmtKind::TryStar(t)
        } else {
            StmtKind::Try(t)
        };
        Ok(Stmt {
            kind,
            loc: self.finish(start),
        })
    }

    /// `match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT`.
    /// Returns `None` (position restored) when this is not a match statement.
    fn try_match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let m = self.mark();
        let start = self.start();
        self.bump();
        let subject = match self.parse_subject_expr() {
            Ok(s) => s,
            Err(Fail::NoMatch) => {
                self.reset(m);
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if !self.eat(T::Colon) {
            if self.at(T::Newline)
                && matches!(
                    self.toks[m.0 + 1].kind,
                    T::Name | T::Number | T::String | T::Lsqb | T::Lbrace | T::Minus | T::Tilde
                )
            {
                // invalid_match_stmt: "match" subject_expr NEWLINE
                return Err(self.error_last("expected ':'"));
            }
            self.reset(m);
            return Ok(None);
        }
        if !self.eat(T::Newline) {
            self.reset(m);
            return Ok(None);
        }
        if !self.at(T::Indent) {
            let msg = format!(
                "expected an indented block after 'match' statement on line {}",
                start.0
            );
            return Err(self.indentation_error_last(&msg));
        }
        self.bump();
        let mut cases = Vec::new();
        while self.at_soft_kw("case") {
            cases.push(self.parse_case_block()?);
        }
        if cases.is_empty() {
            return Err(Fail::NoMatch);
        }
        self.expect(T::Dedent)?;
        Ok(Some(Stmt {
            kind: StmtKind::Match {
                subject: Box::new(subject),
                cases,
            },
            loc: self.finish(start),
        }))
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    fn parse_subject_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_named_expression()?;
        if !self.at(T::Comma) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(Fail::NoMatch);
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !(self.starts_expression() || self.at(T::Star)) {
                break;
            }
            elts.push(self.parse_star_named_expression()?);
        }
        Ok(Self::new_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.finish(start),
        ))
    }

    /// `case_block: "case" patterns guard? ':' block`
    fn parse_case_block(&mut self) -> PResult<MatchCase> {
        let case_tok = self.bump();
        let pattern = self.parse_patterns()?;
        let guard = if self.eat_kw(Kw::If) {
            Some(Box::new(self.parse_named_expression()?))
        } else {
            None
        };
        self.expect_header_colon()?;
        let body = self.parse_block("'case' statement", case_tok.lineno)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }
}

fn augassign_op(kind: T) -> Option<Operator> {
    Some(match kind {
        T::PlusEqual => Operator::Add,
        T::MinEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::AmperEqual => Operator::BitAnd,
        T::VbarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::DoubleStarEqual => Operator::Pow,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

#[allow(dead_code)]
const _: SyntaxErrorClass = SyntaxErrorClass::SyntaxError;
