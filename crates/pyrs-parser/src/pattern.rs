//! `match` statement patterns (CPython: `Grammar/python.gram`, section PATTERN MATCHING).

use crate::parser::{Fail, PResult, Parser};
use crate::tokens::Kw;
use pyrs_ast::*;
use pyrs_tokenizer::TokenKind as T;

impl<'s> Parser<'s> {
    fn new_pattern(kind: PatternKind, loc: Location) -> Pattern {
        Pattern { kind, loc }
    }

    /// `patterns: open_sequence_pattern | pattern`
    pub(crate) fn parse_patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_maybe_star_pattern()?;
        if !self.at(T::Comma) {
            if matches!(first.kind, PatternKind::MatchStar { .. }) {
                return Ok(Self::new_pattern(
                    PatternKind::MatchSequence {
                        patterns: vec![first],
                    },
                    self.finish(start),
                ));
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Colon) || self.at_kw(Kw::If) {
                break;
            }
            patterns.push(self.parse_maybe_star_pattern()?);
        }
        Ok(Self::new_pattern(
            PatternKind::MatchSequence { patterns },
            self.finish(start),
        ))
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let t = self.tok();
            if !t.is_name() {
                return Err(Fail::NoMatch);
            }
            self.bump();
            let name = if self.text(&t) == "_" {
                None
            } else {
                Some(self.name_id(&t))
            };
            return Ok(Self::new_pattern(
                PatternKind::MatchStar { name },
                self.finish(start),
            ));
        }
        self.parse_pattern()
    }

    /// `pattern: as_pattern | or_pattern`
    fn parse_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = crate::parser::grow(|| self.parse_pattern_inner());
        self.leave();
        r
    }

    fn parse_pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let or = self.parse_or_pattern()?;
        if !self.eat_kw(Kw::As) {
            return Ok(or);
        }
        let t = self.tok();
        if !t.is_name() {
            return Err(Fail::NoMatch);
        }
        if self.text(&t) == "_" {
            return Err(self.error_at_tok(&t, "cannot use '_' as a target"));
        }
        self.bump();
        Ok(Self::new_pattern(
            PatternKind::MatchAs {
                pattern: Some(Box::new(or)),
                name: Some(self.name_id(&t)),
            },
            self.finish(start),
        ))
    }

    /// `or_pattern: '|'.closed_pattern+`
    fn parse_or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_closed_pattern()?;
        if !self.at(T::Vbar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(T::Vbar) {
            patterns.push(self.parse_closed_pattern()?);
        }
        Ok(Self::new_pattern(
            PatternKind::MatchOr { patterns },
            self.finish(start),
        ))
    }

    /// `closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class`
    fn parse_closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let t = self.tok();
        match t.kind {
            T::Name => match t.kw {
                Kw::None | Kw::True | Kw::False => {
                    self.bump();
                    let value = match t.kw {
                        Kw::None => Constant::None,
                        Kw::True => Constant::Bool(true),
                        _ => Constant::Bool(false),
                    };
                    Ok(Self::new_pattern(
                        PatternKind::MatchSingleton { value },
                        Self::tok_loc(&t),
                    ))
                }
                Kw::NotKeyword => {
                    let name_or_attr = self.parse_name_or_attr()?;
                    if self.at(T::Lpar) {
                        return self.parse_class_pattern(start, name_or_attr);
                    }
                    match &name_or_attr.kind {
                        ExprKind::Name { id, .. } => {
                            let name = if id == "_" { None } else { Some(id.clone()) };
                            Ok(Self::new_pattern(
                                PatternKind::MatchAs {
                                    pattern: None,
                                    name,
                                },
                                name_or_attr.loc,
                            ))
                        }
                        _ => {
                            let loc = name_or_attr.loc;
                            Ok(Self::new_pattern(
                                PatternKind::MatchValue {
                                    value: Box::new(name_or_attr),
                                },
                                loc,
                            ))
                        }
                    }
                }
                _ => Err(Fail::NoMatch),
            },
            T::Number | T::Minus => {
                let value = self.parse_signed_number_pattern()?;
                let loc = value.loc;
                Ok(Self::new_pattern(
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                    loc,
                ))
            }
            T::String => {
                let value = self.parse_strings()?;
                if matches!(value.kind, ExprKind::JoinedStr { .. }) {
                    return Err(self.error_loc(
                        value.loc,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                let loc = value.loc;
                Ok(Self::new_pattern(
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                    loc,
                ))
            }
            T::Lpar => {
                self.bump();
                if self.eat(T::Rpar) {
                    return Ok(Self::new_pattern(
                        PatternKind::MatchSequence { patterns: vec![] },
                        self.finish(start),
                    ));
                }
                let first = self.parse_maybe_star_pattern()?;
                if self.eat(T::Rpar) {
                    if matches!(first.kind, PatternKind::MatchStar { .. }) {
                        return Err(Fail::NoMatch);
                    }
                    // group_pattern: the inner pattern keeps its own location.
                    return Ok(first);
                }
                let mut patterns = vec![first];
                while self.eat(T::Comma) {
                    if self.at(T::Rpar) {
                        break;
                    }
                    patterns.push(self.parse_maybe_star_pattern()?);
                }
                self.expect(T::Rpar)?;
                Ok(Self::new_pattern(
                    PatternKind::MatchSequence { patterns },
                    self.finish(start),
                ))
            }
            T::Lsqb => {
                self.bump();
                let mut patterns = Vec::new();
                while !self.at(T::Rsqb) {
                    patterns.push(self.parse_maybe_star_pattern()?);
                    if !self.eat(T::Comma) {
                        break;
                    }
                }
                self.expect(T::Rsqb)?;
                Ok(Self::new_pattern(
                    PatternKind::MatchSequence { patterns },
                    self.finish(start),
                ))
            }
            T::Lbrace => self.parse_mapping_pattern(),
            _ => Err(Fail::NoMatch),
        }
    }

    /// `name_or_attr: attr | NAME` where `attr: name_or_attr '.' NAME`
    fn parse_name_or_attr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let t = self.bump();
        let mut e = Self::new_expr(
            ExprKind::Name {
                id: self.name_id(&t),
                ctx: ExprContext::Load,
            },
            Self::tok_loc(&t),
        );
        while self.at(T::Dot) {
            self.bump();
            let n = self.tok();
            if !n.is_name() {
                return Err(Fail::NoMatch);
            }
            self.bump();
            e = Self::new_expr(
                ExprKind::Attribute {
                    value: Box::new(e),
                    attr: self.name_id(&n),
                    ctx: ExprContext::Load,
                },
                self.finish(start),
            );
        }
        Ok(e)
    }

    /// `signed_number` and `complex_number` (`-1`, `1 + 2j`, `-1.5 - 3j`).
    fn parse_signed_number_pattern(&mut self) -> PResult<Expr> {
        let start = self.start();
        let real = self.parse_signed_number()?;
        let op = match self.kind() {
            T::Plus => Operator::Add,
            T::Minus => Operator::Sub,
            _ => return Ok(real),
        };
        self.bump();
        let t = self.tok();
        if t.kind != T::Number {
            return Err(Fail::NoMatch);
        }
        self.bump();
        let imag = crate::numbers::parse_number(self.text(&t));
        if !matches!(imag, Constant::Complex { .. }) {
            return Err(self.error_at_tok(&t, "imaginary number required in complex literal"));
        }
        if matches!(
            real.kind,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        ) || matches!(&real.kind, ExprKind::UnaryOp { operand, .. } if matches!(operand.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. }))
        {
            return Err(self.error_loc(real.loc, "real number required in complex literal"));
        }
        let right = Self::new_expr(
            ExprKind::Constant {
                value: imag,
                kind: None,
            },
            Self::tok_loc(&t),
        );
        Ok(Self::new_expr(
            ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(right),
            },
            self.finish(start),
        ))
    }

    fn parse_signed_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        let neg = self.eat(T::Minus);
        let t = self.tok();
        if t.kind != T::Number {
            return Err(Fail::NoMatch);
        }
        self.bump();
        let value = Self::new_expr(
            ExprKind::Constant {
                value: crate::numbers::parse_number(self.text(&t)),
                kind: None,
            },
            Self::tok_loc(&t),
        );
        if neg {
            return Ok(Self::new_expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(value),
                },
                self.finish(start),
            ));
        }
        Ok(value)
    }

    /// `class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns ','] ')'`
    fn parse_class_pattern(&mut self, start: (u32, u32), cls: Expr) -> PResult<Pattern> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(T::Rpar) {
            let t = self.tok();
            if t.is_name() && self.peek_at(1).kind == T::Equal {
                self.bump();
                self.bump();
                kwd_attrs.push(self.name_id(&t));
                kwd_patterns.push(self.parse_pattern()?);
            } else {
                let p = self.parse_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(
                        self.error_loc(p.loc, "positional patterns follow keyword patterns")
                    );
                }
                patterns.push(p);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::Rpar)?;
        Ok(Self::new_pattern(
            PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            self.finish(start),
        ))
    }

    /// `mapping_pattern: '{' [items_pattern ','] [double_star_pattern ','] '}'`
    fn parse_mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(T::Rbrace) {
            if self.eat(T::DoubleStar) {
                let t = self.tok();
                if !t.is_name() {
                    return Err(Fail::NoMatch);
                }
                self.bump();
                if self.text(&t) == "_" {
                    // pattern_capture_target: !"_" NAME
                    return Err(Fail::NoMatch);
                }
                rest = Some(self.name_id(&t));
                self.eat(T::Comma);
                break;
            }
            let key = match self.kind() {
                T::Number | T::Minus => self.parse_signed_number_pattern()?,
                T::String => self.parse_strings()?,
                T::Name => match self.tok().kw {
                    Kw::None | Kw::True | Kw::False => self.parse_atom()?,
                    Kw::NotKeyword => {
                        let e = self.parse_name_or_attr()?;
                        if matches!(e.kind, ExprKind::Name { .. }) {
                            return Err(Fail::NoMatch);
                        }
                        e
                    }
                    _ => return Err(Fail::NoMatch),
                },
                _ => return Err(Fail::NoMatch),
            };
            self.expect(T::Colon)?;
            keys.push(key);
            patterns.push(self.parse_pattern()?);
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::Rbrace)?;
        Ok(Self::new_pattern(
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            self.finish(start),
        ))
    }
}
