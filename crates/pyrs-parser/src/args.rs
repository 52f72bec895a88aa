//! Call arguments and function / lambda parameters (CPython: `Grammar/python.gram`
//! rules `arguments`, `kwargs`, `params`, `lambda_params` and their `invalid_*` rules).

use crate::parser::{Fail, PResult, Parser};
use crate::tokens::Kw;
use pyrs_ast::*;
use pyrs_tokenizer::TokenKind as T;

impl<'s> Parser<'s> {
    /// `'(' [arguments] ')'` after a primary, or the `genexp` of `primary genexp`.
    /// Returns positional arguments (starred ones included) and keywords.
    pub(crate) fn parse_call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let lpar_start = self.start();
        self.bump();
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut saw_keyword = false;
        let mut saw_double_star = false;
        let mut misplaced_positional: Option<&'static str> = None;
        while !self.at(T::Rpar) {
            let start = self.start();
            if self.at(T::Star) {
                let star = self.bump();
                if saw_double_star {
                    return Err(self.error_at_tok(
                        &star,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                let value = self.parse_expression()?;
                args.push(Self::new_expr(
                    ExprKind::Starred {
                        value: Box::new(value),
                        ctx: ExprContext::Load,
                    },
                    self.finish(start),
                ));
            } else if self.at(T::DoubleStar) {
                self.bump();
                let value = self.parse_expression()?;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    loc: self.finish(start),
                });
                saw_keyword = true;
                saw_double_star = true;
            } else if self.tok().is_name() && self.peek_at(1).kind == T::Equal {
                let name = self.bump();
                let eq = self.bump();
                let value = self.parse_expression()?;
                if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    // invalid_arguments: a=NAME b='=' expression for_if_clauses
                    return Err(self.error_range(
                        Self::tok_loc(&name),
                        Self::tok_loc(&eq),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
                keywords.push(Keyword {
                    arg: Some(self.name_id(&name)),
                    value,
                    loc: self.finish(start),
                });
                saw_keyword = true;
            } else {
                let t = self.tok();
                let e = if t.is_name() && self.peek_at(1).kind == T::ColonEqual {
                    self.parse_assignment_expression()?
                } else {
                    self.parse_expression()?
                };
                if self.at(T::Equal) {
                    return Err(self.invalid_kwarg(&e));
                }
                if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    let generators = self.parse_for_if_clauses()?;
                    if args.is_empty() && keywords.is_empty() && self.at(T::Rpar) {
                        self.bump();
                        let genexp = Self::new_expr(
                            ExprKind::GeneratorExp {
                                elt: Box::new(e),
                                generators,
                            },
                            self.finish(lpar_start),
                        );
                        return Ok((vec![genexp], vec![]));
                    }
                    let last = last_comprehension_item(&generators);
                    return Err(self.error_range(
                        e.loc,
                        last,
                        "Generator expression must be parenthesized",
                    ));
                }
                if saw_keyword && misplaced_positional.is_none() {
                    misplaced_positional = Some(if saw_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    });
                }
                args.push(e);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        if let Some(msg) = misplaced_positional {
            self.tok();
            return Err(self.error_last(msg));
        }
        self.expect(T::Rpar)?;
        Ok((args, keywords))
    }

    /// `invalid_kwarg`: an `=` after an argument that is not a plain name.
    fn invalid_kwarg(&mut self, e: &Expr) -> Fail {
        let eq = self.tok();
        if let ExprKind::Constant {
            value: Constant::None | Constant::Bool(_),
            ..
        } = e.kind
        {
            let msg = format!("cannot assign to {}", crate::targets::expr_name(e));
            return self.error_range(e.loc, Self::tok_loc(&eq), &msg);
        }
        self.error_range(
            e.loc,
            Self::tok_loc(&eq),
            "expression cannot contain assignment, perhaps you meant \"==\"?",
        )
    }

    /// `params` of a `def` (annotations allowed).
    pub(crate) fn parse_params(&mut self) -> PResult<Arguments> {
        self.parse_parameters(true)
    }

    /// `lambda_params` (no annotations).
    pub(crate) fn parse_lambda_params(&mut self) -> PResult<Arguments> {
        self.parse_parameters(false)
    }

    /// One parameter list, up to (not including) `)` or `:`.
    fn parse_parameters(&mut self, annotations: bool) -> PResult<Arguments> {
        let close = if annotations { T::Rpar } else { T::Colon };
        let mut a = Arguments::default();
        // Positional parameters before '/' go to `args` first and move to `posonlyargs`.
        let mut saw_default = false;
        let mut saw_slash = false;
        let mut saw_star = false;
        let mut saw_kwarg = false;
        loop {
            if self.at(close) {
                break;
            }
            let t = self.tok();
            if saw_kwarg {
                // invalid_kwds: '**' param ',' a=(param | '*' | '**' | '/')
                if t.is_name() || matches!(t.kind, T::Star | T::DoubleStar | T::Slash) {
                    return Err(
                        self.error_at_tok(&t, "arguments cannot follow var-keyword argument")
                    );
                }
                return Err(Fail::NoMatch);
            }
            match t.kind {
                T::Slash => {
                    if saw_star {
                        return Err(self.error_at_tok(&t, "/ must be ahead of *"));
                    }
                    if saw_slash {
                        return Err(self.error_at_tok(&t, "/ may appear only once"));
                    }
                    if a.args.is_empty() {
                        return Err(self.error_at_tok(&t, "at least one argument must precede /"));
                    }
                    self.bump();
                    saw_slash = true;
                    a.posonlyargs = std::mem::take(&mut a.args);
                    if self.at(T::Star) && !self.at(close) {
                        let star = self.tok();
                        return Err(self.error_at_tok(&star, "expected comma between / and *"));
                    }
                }
                T::Star => {
                    if saw_star {
                        return Err(self.error_at_tok(&t, "* argument may appear only once"));
                    }
                    self.bump();
                    saw_star = true;
                    let bare = if self.at(T::Comma) {
                        let after = self.peek_at(1);
                        after.kind == close || after.kind == T::DoubleStar
                    } else {
                        self.at(close)
                    };
                    if bare {
                        // def: at the '*'; lambda: at the last token looked at.
                        let msg = "named arguments must follow bare *";
                        if annotations {
                            return Err(self.error_at_tok(&t, msg));
                        }
                        return Err(self.error_last(msg));
                    }
                    if !self.at(T::Comma) {
                        let p = self.parse_param(annotations, true)?;
                        if self.at(T::Equal) {
                            let eq = self.tok();
                            return Err(self.error_at_tok(
                                &eq,
                                "var-positional argument cannot have default value",
                            ));
                        }
                        a.vararg = Some(Box::new(p));
                    }
                }
                T::DoubleStar => {
                    self.bump();
                    let p = self.parse_param(annotations, false)?;
                    if self.at(T::Equal) {
                        let eq = self.tok();
                        return Err(self
                            .error_at_tok(&eq, "var-keyword argument cannot have default value"));
                    }
                    a.kwarg = Some(Box::new(p));
                    saw_kwarg = true;
                }
                T::Lpar if !saw_star => {
                    // invalid_parameters: a='(' param_no_default+ ','? b=')'
                    let m = self.mark();
                    let lpar = self.bump();
                    let mut ok = false;
                    while self.tok().is_name() {
                        self.bump();
                        if !self.eat(T::Comma) {
                            break;
                        }
                    }
                    if self.at(T::Rpar) {
                        ok = true;
                    }
                    if ok {
                        let rpar = self.tok();
                        let what = if annotations {
                            "Function"
                        } else {
                            "Lambda expression"
                        };
                        return Err(self.error_range(
                            Self::tok_loc(&lpar),
                            Self::tok_loc(&rpar),
                            &format!("{what} parameters cannot be parenthesized"),
                        ));
                    }
                    self.reset(m);
                    return Err(Fail::NoMatch);
                }
                _ => {
                    let p = self.parse_param(annotations, false)?;
                    let default = if self.at(T::Equal) {
                        let eq = self.bump();
                        if self.at(T::Comma) || self.at(close) {
                            return Err(self.error_at_tok(&eq, "expected default value expression"));
                        }
                        Some(self.parse_expression()?)
                    } else {
                        None
                    };
                    if saw_star {
                        a.kwonlyargs.push(p);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                a.defaults.push(d);
                                saw_default = true;
                            }
                            None if saw_default => {
                                return Err(self.error_loc(
                                    p.loc,
                                    "non-default argument follows default argument",
                                ));
                            }
                            None => {}
                        }
                        a.args.push(p);
                    }
                }
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(a)
    }

    /// `param: NAME annotation?` (`star_annotation` for `*args`, which may be starred).
    fn parse_param(&mut self, annotations: bool, star: bool) -> PResult<Arg> {
        let name = self.tok();
        if !name.is_name() {
            return Err(Fail::NoMatch);
        }
        self.bump();
        let start = (name.lineno, name.col);
        let annotation = if annotations && self.eat(T::Colon) {
            Some(Box::new(if star {
                self.parse_star_expression()?
            } else {
                self.parse_expression()?
            }))
        } else {
            None
        };
        Ok(Arg {
            arg: self.name_id(&name),
            annotation,
            type_comment: None,
            loc: self.finish(start),
        })
    }
}

/// The location of the last item of the last comprehension
/// (`_PyPegen_get_last_comprehension_item`).
fn last_comprehension_item(gens: &[Comprehension]) -> Location {
    match gens.last() {
        Some(g) => g.ifs.last().map(|e| e.loc).unwrap_or(g.iter.loc),
        None => Location::default(),
    }
}
