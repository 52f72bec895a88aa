//! Expressions, from `expression` down to `atom` (CPython: `Grammar/python.gram`,
//! section EXPRESSIONS). Each function names the grammar rule it implements.

use crate::parser::{Fail, PResult, Parser};
use crate::tokens::Kw;
use pyrs_ast::*;
use pyrs_tokenizer::TokenKind as T;

impl<'s> Parser<'s> {
    pub(crate) fn new_expr(kind: ExprKind, loc: Location) -> Expr {
        Expr { kind, loc }
    }

    /// `expressions: expression (',' expression)* [',']`
    pub(crate) fn parse_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_expression()?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.parse_expression()?);
        }
        Ok(Self::new_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.finish(start),
        ))
    }

    /// True if the current token can begin an expression.
    pub(crate) fn starts_expression(&mut self) -> bool {
        let t = self.tok();
        match t.kind {
            T::Name => matches!(
                t.kw,
                Kw::NotKeyword | Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await
            ),
            T::Number
            | T::String
            | T::Lpar
            | T::Lsqb
            | T::Lbrace
            | T::Minus
            | T::Plus
            | T::Tilde
            | T::Ellipsis => true,
            _ => false,
        }
    }

    /// `star_expressions: star_expression (',' star_expression)* [',']`
    pub(crate) fn parse_star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_expression()?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !(self.starts_expression() || self.at(T::Star)) {
                break;
            }
            elts.push(self.parse_star_expression()?);
        }
        Ok(Self::new_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.finish(start),
        ))
    }

    /// `star_expression: '*' bitwise_or | expression`
    pub(crate) fn parse_star_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let value = self.parse_bitwise_or()?;
            return Ok(Self::new_expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                self.finish(start),
            ));
        }
        self.parse_expression()
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn parse_star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let value = self.parse_bitwise_or()?;
            return Ok(Self::new_expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                self.finish(start),
            ));
        }
        self.parse_named_expression()
    }

    /// `named_expression: assignment_expression | expression !':='`
    pub(crate) fn parse_named_expression(&mut self) -> PResult<Expr> {
        let t = self.tok();
        if t.is_name() && self.peek_at(1).kind == T::ColonEqual {
            return self.parse_assignment_expression();
        }
        let e = self.parse_expression()?;
        if self.at(T::ColonEqual) {
            // invalid_named_expression: a=expression ':=' expression
            return Err(self.error_loc(
                e.loc,
                &format!(
                    "cannot use assignment expressions with {}",
                    crate::targets::expr_name(&e)
                ),
            ));
        }
        if self.at(T::Equal) {
            self.check_invalid_named_expression(&e)?;
        }
        Ok(e)
    }

    /// `assignment_expression: NAME ':=' ~ expression`
    pub(crate) fn parse_assignment_expression(&mut self) -> PResult<Expr> {
        let start = self.start();
        let name = self.bump();
        let target = Self::new_expr(
            ExprKind::Name {
                id: self.name_id(&name),
                ctx: ExprContext::Store,
            },
            Self::tok_loc(&name),
        );
        self.expect(T::ColonEqual)?;
        let value = self.parse_expression()?;
        Ok(Self::new_expr(
            ExprKind::NamedExpr {
                target: Box::new(target),
                value: Box::new(value),
            },
            self.finish(start),
        ))
    }

    /// `expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    pub(crate) fn parse_expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = crate::parser::grow(|| self.parse_expression_inner());
        self.leave();
        r
    }

    fn parse_expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.parse_lambdef();
        }
        let start = self.start();
        let first_tok = self.pos;
        let body = self.parse_disjunction()?;
        if !self.at_kw(Kw::If) {
            self.check_missing_comma(&body, first_tok)?;
            return Ok(body);
        }
        let m = self.mark();
        self.bump();
        let test = match self.parse_disjunction() {
            Ok(t) => t,
            Err(Fail::NoMatch) => {
                self.reset(m);
                return Ok(body);
            }
            Err(e) => return Err(e),
        };
        if !self.eat_kw(Kw::Else) {
            // invalid_expression: a=disjunction 'if' b=disjunction !('else'|':')
            if !self.at(T::Colon) {
                return Err(self.error_range(
                    body.loc,
                    test.loc,
                    "expected 'else' after 'if' expression",
                ));
            }
            self.reset(m);
            return Ok(body);
        }
        let orelse = self.parse_expression()?;
        Ok(Self::new_expr(
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            self.finish(start),
        ))
    }

    /// `invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid`
    /// inside brackets: two expressions side by side, "Perhaps you forgot a comma?".
    fn check_missing_comma(&mut self, a: &Expr, first_tok: usize) -> PResult<()> {
        if self.in_dict_key
            || !self.starts_expression()
            || self.pos == 0
            || self.toks[self.pos - 1].level == 0
        {
            return Ok(());
        }
        let first = self.toks[first_tok];
        if first.is_name() {
            let text = self.text(&first);
            if matches!(text, "match" | "case" | "_")
                || self.toks.get(first_tok + 1).map(|t| t.kind) == Some(T::String)
            {
                return Ok(());
            }
        }
        if let ExprKind::Name { id, .. } = &a.kind {
            if id == "print" || id == "exec" {
                return Ok(());
            }
        }
        // Remember where this look-ahead failed: nested brackets would otherwise re-parse
        // the same text once per enclosing level (exponential time).
        if self.no_expression_at.contains(&self.pos) {
            return Ok(());
        }
        let m = self.mark();
        match self.parse_expression() {
            Ok(b) => {
                Err(self.error_range(a.loc, b.loc, "invalid syntax. Perhaps you forgot a comma?"))
            }
            Err(Fail::NoMatch) => {
                self.reset(m);
                self.no_expression_at.insert(self.pos);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    fn parse_lambdef(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let args = if self.at(T::Colon) {
            Arguments::default()
        } else {
            self.parse_lambda_params()?
        };
        self.expect(T::Colon)?;
        // `lambda` nests two rule levels deep in CPython (lambdef → expression).
        self.enter()?;
        let body = self.parse_expression();
        self.leave();
        let body = body?;
        Ok(Self::new_expr(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            self.finish(start),
        ))
    }

    /// `disjunction: conjunction ('or' conjunction)+ | conjunction`
    pub(crate) fn parse_disjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_conjunction()?;
        if !self.at_kw(Kw::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(Kw::Or) {
            values.push(self.parse_conjunction()?);
        }
        Ok(Self::new_expr(
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            },
            self.finish(start),
        ))
    }

    /// `conjunction: inversion ('and' inversion)+ | inversion`
    fn parse_conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_inversion()?;
        if !self.at_kw(Kw::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(Kw::And) {
            values.push(self.parse_inversion()?);
        }
        Ok(Self::new_expr(
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
            self.finish(start),
        ))
    }

    /// `inversion: 'not' inversion | comparison` (iterative, so deep `not` chains do not recurse).
    fn parse_inversion(&mut self) -> PResult<Expr> {
        let mut starts = Vec::new();
        while self.at_kw(Kw::Not) {
            starts.push(self.start());
            self.bump();
            if starts.len() as u32 + self.depth > crate::parser::MAX_DEPTH {
                return Err(self.too_deep());
            }
        }
        let mut e = self.parse_comparison()?;
        while let Some(start) = starts.pop() {
            e = Self::new_expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(e),
                },
                self.finish(start),
            );
        }
        Ok(e)
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    fn parse_comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.parse_bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let t = self.tok();
            let op = match (t.kind, t.kw) {
                (T::EqEqual, _) => CmpOp::Eq,
                // `<>` is tokenized as NOTEQUAL but only valid under `barry_as_FLUFL`.
                (T::NotEqual, _) if self.text(&t) == "!=" => CmpOp::NotEq,
                (T::LessEqual, _) => CmpOp::LtE,
                (T::Less, _) => CmpOp::Lt,
                (T::GreaterEqual, _) => CmpOp::GtE,
                (T::Greater, _) => CmpOp::Gt,
                (T::Name, Kw::In) => CmpOp::In,
                (T::Name, Kw::Not) if self.peek_at(1).kw == Kw::In => CmpOp::NotIn,
                (T::Name, Kw::Is) => {
                    if self.peek_at(1).kw == Kw::Not {
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                _ => break,
            };
            let m = self.mark();
            self.bump();
            if matches!(op, CmpOp::NotIn | CmpOp::IsNot) {
                self.bump();
            }
            match self.parse_bitwise_or() {
                Ok(right) => {
                    ops.push(op);
                    comparators.push(right);
                }
                Err(Fail::NoMatch) => {
                    self.reset(m);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Self::new_expr(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            self.finish(start),
        ))
    }

    /// `bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor` and the binary levels below
    /// it, by precedence climbing (left-associative, as the left-recursive rules are).
    pub(crate) fn parse_bitwise_or(&mut self) -> PResult<Expr> {
        self.parse_binary(0)
    }

    /// Levels: 0 `|`, 1 `^`, 2 `&`, 3 shifts, 4 `+ -` (`sum`), 5 `* / // % @` (`term`);
    /// below them `factor`.
    fn parse_binary(&mut self, level: u8) -> PResult<Expr> {
        if level == 6 {
            return self.parse_factor();
        }
        let start = self.start();
        let mut left = self.parse_binary(level + 1)?;
        loop {
            let op = match (level, self.kind()) {
                (0, T::Vbar) => Operator::BitOr,
                (1, T::Circumflex) => Operator::BitXor,
                (2, T::Amper) => Operator::BitAnd,
                (3, T::LeftShift) => Operator::LShift,
                (3, T::RightShift) => Operator::RShift,
                (4, T::Plus) => Operator::Add,
                (4, T::Minus) => Operator::Sub,
                (5, T::Star) => Operator::Mult,
                (5, T::Slash) => Operator::Div,
                (5, T::DoubleSlash) => Operator::FloorDiv,
                (5, T::Percent) => Operator::Mod,
                (5, T::At) => Operator::MatMult,
                _ => break,
            };
            let m = self.mark();
            self.bump();
            let right = match self.parse_binary(level + 1) {
                Ok(r) => r,
                Err(Fail::NoMatch) => {
                    self.reset(m);
                    break;
                }
                Err(e) => return Err(e),
            };
            let kind = ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            };
            left = Self::new_expr(kind, self.finish(start));
        }
        Ok(left)
    }

    /// `factor: '+' factor | '-' factor | '~' factor | power` (iterative over the prefix).
    fn parse_factor(&mut self) -> PResult<Expr> {
        let mut prefix = Vec::new();
        loop {
            let op = match self.kind() {
                T::Plus => UnaryOp::UAdd,
                T::Minus => UnaryOp::USub,
                T::Tilde => UnaryOp::Invert,
                _ => break,
            };
            prefix.push((self.start(), op));
            self.bump();
            if prefix.len() as u32 + self.depth > crate::parser::MAX_DEPTH {
                return Err(self.too_deep());
            }
        }
        let mut e = self.parse_power()?;
        while let Some((start, op)) = prefix.pop() {
            e = Self::new_expr(
                ExprKind::UnaryOp {
                    op,
                    operand: Box::new(e),
                },
                self.finish(start),
            );
        }
        Ok(e)
    }

    /// `power: await_primary '**' factor | await_primary`
    fn parse_power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.parse_await_primary()?;
        if !self.at(T::DoubleStar) {
            return Ok(base);
        }
        let m = self.mark();
        self.bump();
        self.enter_n(2)?;
        let r = crate::parser::grow(|| self.parse_factor());
        self.leave_n(2);
        match r {
            Ok(exp) => Ok(Self::new_expr(
                ExprKind::BinOp {
                    left: Box::new(base),
                    op: Operator::Pow,
                    right: Box::new(exp),
                },
                self.finish(start),
            )),
            Err(Fail::NoMatch) => {
                self.reset(m);
                Ok(base)
            }
            Err(e) => Err(e),
        }
    }

    /// `await_primary: AWAIT primary | primary`
    fn parse_await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Await) {
            let start = self.start();
            self.bump();
            self.enter()?;
            let r = crate::parser::grow(|| self.parse_primary());
            self.leave();
            let value = r?;
            return Ok(Self::new_expr(
                ExprKind::Await {
                    value: Box::new(value),
                },
                self.finish(start),
            ));
        }
        self.parse_primary()
    }

    /// `primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' |
    ///  primary '[' slices ']' | atom`
    pub(crate) fn parse_primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.parse_atom()?;
        loop {
            match self.kind() {
                T::Dot => {
                    self.bump();
                    let name = self.tok();
                    if !name.is_name() {
                        return Err(Fail::NoMatch);
                    }
                    self.bump();
                    e = Self::new_expr(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr: self.name_id(&name),
                            ctx: ExprContext::Load,
                        },
                        self.finish(start),
                    );
                }
                T::Lpar => {
                    let (args, keywords) = self.parse_call_arguments()?;
                    e = Self::new_expr(
                        ExprKind::Call {
                            func: Box::new(e),
                            args,
                            keywords,
                        },
                        self.finish(start),
                    );
                }
                T::Lsqb => {
                    self.bump();
                    let slice = self.parse_slices()?;
                    self.expect(T::Rsqb)?;
                    e = Self::new_expr(
                        ExprKind::Subscript {
                            value: Box::new(e),
                            slice: Box::new(slice),
                            ctx: ExprContext::Load,
                        },
                        self.finish(start),
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    fn parse_slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_slice_or_starred()?;
        if !self.at(T::Comma) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                // `slice !','` does not take a starred expression; the tuple form does.
                let loc = first.loc;
                return Ok(Self::new_expr(
                    ExprKind::Tuple {
                        elts: vec![first],
                        ctx: ExprContext::Load,
                    },
                    loc,
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Rsqb) {
                break;
            }
            elts.push(self.parse_slice_or_starred()?);
        }
        Ok(Self::new_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.finish(start),
        ))
    }

    fn parse_slice_or_starred(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let value = self.parse_expression()?;
            return Ok(Self::new_expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                self.finish(start),
            ));
        }
        self.parse_slice()
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn parse_slice(&mut self) -> PResult<Expr> {
        let start = self.start();
        let lower = if self.at(T::Colon) {
            None
        } else {
            let e = self.parse_named_expression()?;
            if !self.at(T::Colon) {
                return Ok(e);
            }
            if matches!(e.kind, ExprKind::NamedExpr { .. }) {
                // `slice` takes `expression` before ':'; a walrus there is not a slice.
                return Err(Fail::NoMatch);
            }
            Some(Box::new(e))
        };
        self.expect(T::Colon)?;
        let upper = if self.starts_expression() {
            Some(Box::new(self.parse_expression()?))
        } else {
            None
        };
        let step = if self.eat(T::Colon) {
            if self.starts_expression() {
                Some(Box::new(self.parse_expression()?))
            } else {
                None
            }
        } else {
            None
        };
        Ok(Self::new_expr(
            ExprKind::Slice { lower, upper, step },
            self.finish(start),
        ))
    }

    /// `atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp |
    ///  list | listcomp | dict | set | dictcomp | setcomp | '...'`
    pub(crate) fn parse_atom(&mut self) -> PResult<Expr> {
        let t = self.tok();
        match t.kind {
            T::Name => {
                let value = match t.kw {
                    Kw::NotKeyword => {
                        self.bump();
                        return Ok(Self::new_expr(
                            ExprKind::Name {
                                id: self.name_id(&t),
                                ctx: ExprContext::Load,
                            },
                            Self::tok_loc(&t),
                        ));
                    }
                    Kw::True => Constant::Bool(true),
                    Kw::False => Constant::Bool(false),
                    Kw::None => Constant::None,
                    _ => return Err(Fail::NoMatch),
                };
                self.bump();
                Ok(Self::new_expr(
                    ExprKind::Constant { value, kind: None },
                    Self::tok_loc(&t),
                ))
            }
            T::Number => {
                self.bump();
                let value = crate::numbers::parse_number(self.text(&t));
                Ok(Self::new_expr(
                    ExprKind::Constant { value, kind: None },
                    Self::tok_loc(&t),
                ))
            }
            T::String => self.parse_strings(),
            T::Ellipsis => {
                self.bump();
                Ok(Self::new_expr(
                    ExprKind::Constant {
                        value: Constant::Ellipsis,
                        kind: None,
                    },
                    Self::tok_loc(&t),
                ))
            }
            T::Lpar => {
                self.enter()?;
                let r = crate::parser::grow(|| self.parse_paren_atom());
                self.leave();
                r
            }
            T::Lsqb => {
                self.enter()?;
                let r = crate::parser::grow(|| self.parse_list_atom());
                self.leave();
                r
            }
            T::Lbrace => {
                self.enter()?;
                let r = crate::parser::grow(|| self.parse_brace_atom());
                self.leave();
                r
            }
            _ => Err(Fail::NoMatch),
        }
    }

    /// `tuple | group | genexp`
    fn parse_paren_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rpar) {
            return Ok(Self::new_expr(
                ExprKind::Tuple {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                self.finish(start),
            ));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.parse_yield_expr()?;
            self.expect(T::Rpar)?;
            return Ok(e);
        }
        let first = self.parse_star_named_expression()?;
        if self.at_comprehension() {
            self.check_starred_comprehension_elt(&first)?;
            let generators = self.parse_for_if_clauses()?;
            self.expect(T::Rpar)?;
            return Ok(Self::new_expr(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                self.finish(start),
            ));
        }
        if self.eat(T::Rpar) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                // invalid_group: '(' a=starred_expression ')'
                return Err(self.error_loc(first.loc, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.at(T::Comma) {
            return Err(Fail::NoMatch);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Rpar) {
                break;
            }
            elts.push(self.parse_star_named_expression()?);
        }
        self.expect(T::Rpar)?;
        Ok(Self::new_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.finish(start),
        ))
    }

    fn at_comprehension(&mut self) -> bool {
        self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.peek_at(1).kw == Kw::For)
    }

    /// `invalid_comprehension: ('[' | '(' | '{') a=starred_expression for_if_clauses`
    fn check_starred_comprehension_elt(&mut self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred { .. }) {
            return Err(self.error_loc(
                elt.loc,
                "iterable unpacking cannot be used in comprehension",
            ));
        }
        Ok(())
    }

    /// The elements after the first of a list or set display, up to `close`; a `for` after
    /// several elements is CPython's "did you forget parentheses around the comprehension
    /// target?".
    fn parse_display_rest(&mut self, first: Expr, close: T) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.at(T::Comma) {
            let comma = self.bump();
            if self.at(close) {
                break;
            }
            if self.at_comprehension() {
                let msg = "did you forget parentheses around the comprehension target?";
                if elts.len() == 1 {
                    return Err(self.error_range(elts[0].loc, Self::tok_loc(&comma), msg));
                }
                let last = elts[elts.len() - 1].loc;
                return Err(self.error_range(elts[0].loc, last, msg));
            }
            elts.push(self.parse_star_named_expression()?);
        }
        if elts.len() > 1 && self.at_comprehension() {
            let last = elts[elts.len() - 1].loc;
            return Err(self.error_range(
                elts[0].loc,
                last,
                "did you forget parentheses around the comprehension target?",
            ));
        }
        Ok(elts)
    }

    /// `list | listcomp`
    fn parse_list_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rsqb) {
            return Ok(Self::new_expr(
                ExprKind::List {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                self.finish(start),
            ));
        }
        let first = self.parse_star_named_expression()?;
        if self.at_comprehension() {
            self.check_starred_comprehension_elt(&first)?;
            let generators = self.parse_for_if_clauses()?;
            self.expect(T::Rsqb)?;
            return Ok(Self::new_expr(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                self.finish(start),
            ));
        }
        let elts = self.parse_display_rest(first, T::Rsqb)?;
        self.expect(T::Rsqb)?;
        Ok(Self::new_expr(
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
            self.finish(start),
        ))
    }

    /// `dict | set | dictcomp | setcomp`
    fn parse_brace_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rbrace) {
            return Ok(Self::new_expr(
                ExprKind::Dict {
                    keys: vec![],
                    values: vec![],
                },
                self.finish(start),
            ));
        }
        if self.at(T::DoubleStar) {
            let star = self.bump();
            let value = self.parse_bitwise_or()?;
            if self.at_comprehension() {
                // invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
                let msg = "dict unpacking cannot be used in dict comprehension";
                return Err(self.error_at_tok(&star, msg));
            }
            return self.parse_dict_rest(start, Some((None, value)));
        }
        let first = self.parse_star_named_expression()?;
        if self.at(T::Colon) && !matches!(first.kind, ExprKind::Starred { .. }) {
            let colon = self.bump();
            let value = self.parse_dict_value(&colon)?;
            if self.at_comprehension() {
                let generators = self.parse_for_if_clauses()?;
                self.expect(T::Rbrace)?;
                return Ok(Self::new_expr(
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                    self.finish(start),
                ));
            }
            return self.parse_dict_rest(start, Some((Some(first), value)));
        }
        if self.at_comprehension() {
            self.check_starred_comprehension_elt(&first)?;
            let generators = self.parse_for_if_clauses()?;
            self.expect(T::Rbrace)?;
            return Ok(Self::new_expr(
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                self.finish(start),
            ));
        }
        let elts = self.parse_display_rest(first, T::Rbrace)?;
        self.expect(T::Rbrace)?;
        Ok(Self::new_expr(ExprKind::Set { elts }, self.finish(start)))
    }

    /// A dictionary value after `key ':'`, with CPython's errors for a missing or starred value.
    fn parse_dict_value(&mut self, colon: &crate::tokens::Tok) -> PResult<Expr> {
        if self.at(T::Rbrace) || self.at(T::Comma) {
            return Err(
                self.error_at_tok(colon, "expression expected after dictionary key and ':'")
            );
        }
        if self.at(T::Star) {
            let star = self.tok();
            let m = self.mark();
            self.bump();
            if let Ok(v) = self.parse_bitwise_or() {
                let msg = "cannot use a starred expression in a dictionary value";
                return Err(self.error_range(Self::tok_loc(&star), v.loc, msg));
            }
            self.reset(m);
        }
        self.parse_expression()
    }

    /// The rest of `'{' double_starred_kvpairs '}'` after an optional first pair.
    fn parse_dict_rest(
        &mut self,
        start: (u32, u32),
        first: Option<(Option<Expr>, Expr)>,
    ) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut need_comma = false;
        if let Some((k, v)) = first {
            keys.push(k);
            values.push(v);
            need_comma = true;
        }
        loop {
            if need_comma {
                if !self.eat(T::Comma) {
                    break;
                }
                if self.at(T::Rbrace) {
                    break;
                }
            }
            need_comma = true;
            if self.eat(T::DoubleStar) {
                keys.push(None);
                values.push(self.parse_bitwise_or()?);
            } else {
                // After a complete pair CPython's invalid_kvpair reports a key that is not
                // followed by ':' before any error inside the key itself.
                let saved = self.in_dict_key;
                self.in_dict_key = !keys.is_empty();
                let k = self.parse_expression();
                self.in_dict_key = saved;
                let k = k?;
                if !self.at(T::Colon) {
                    if !keys.is_empty() {
                        // invalid_kvpair: a=expression !(':')
                        let (line, col) = (k.loc.end_lineno, k.loc.end_col_offset);
                        let offset = self.char_offset(line, col.saturating_sub(1));
                        return Err(Fail::Error(Box::new(pyrs_tokenizer::SyntaxError {
                            class: pyrs_tokenizer::SyntaxErrorClass::SyntaxError,
                            msg: "':' expected after dictionary key".into(),
                            lineno: k.loc.lineno,
                            offset,
                            end_lineno: k.loc.end_lineno,
                            end_offset: 0,
                            text: None,
                        })));
                    }
                    return Err(Fail::NoMatch);
                }
                let colon = self.bump();
                let v = self.parse_dict_value(&colon)?;
                keys.push(Some(k));
                values.push(v);
            }
        }
        self.expect(T::Rbrace)?;
        Ok(Self::new_expr(
            ExprKind::Dict { keys, values },
            self.finish(start),
        ))
    }

    /// `for_if_clauses: ('async'? 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+`
    pub(crate) fn parse_for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        while self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.peek_at(1).kw == Kw::For) {
            let is_async = self.eat_kw(Kw::Async);
            self.bump();
            let target = self.parse_for_target()?;
            self.expect_kw(Kw::In)?;
            let iter = self.parse_disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.parse_disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(gens)
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn parse_yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect_kw(Kw::Yield)?;
        if self.eat_kw(Kw::From) {
            let value = self.parse_expression()?;
            return Ok(Self::new_expr(
                ExprKind::YieldFrom {
                    value: Box::new(value),
                },
                self.finish(start),
            ));
        }
        let value = if self.starts_expression() || self.at(T::Star) {
            Some(Box::new(self.parse_star_expressions()?))
        } else {
            None
        };
        Ok(Self::new_expr(
            ExprKind::Yield { value },
            self.finish(start),
        ))
    }

    /// The identifier of a NAME token, NFKC-normalized as CPython's `_PyPegen_new_identifier` does.
    pub(crate) fn name_id(&self, t: &crate::tokens::Tok) -> String {
        let s = self.text(t);
        if s.is_ascii() {
            s.to_string()
        } else {
            use unicode_normalization::UnicodeNormalization;
            s.nfkc().collect()
        }
    }
}
