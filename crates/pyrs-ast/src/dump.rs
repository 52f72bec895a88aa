//! The text of `ast.dump(tree, include_attributes=...)` (CPython: `Lib/ast.py` `dump`).
//!
//! Rules mirrored from `ast.dump`: every field is printed as `name=value`; an optional
//! field (`?` in the ASDL) that is `None` is omitted; lists print as `[a, b]` (an absent
//! entry inside a list prints `None`); attributes follow the fields when requested.

use crate::nodes::*;
use crate::repr::constant_repr;

/// `ast.dump(module, include_attributes=include_attributes)`.
pub fn dump_mod(module: &Mod, include_attributes: bool) -> String {
    dump_mod_with_depth(module, include_attributes).0
}

/// The dump and the deepest nesting of AST node objects in it (each `Name(...)` level
/// counts; operators and contexts do not). `ast.parse` fails with RecursionError when this
/// passes its limit (3 x the recursion limit, less 3 per active Python frame).
pub fn dump_mod_with_depth(module: &Mod, include_attributes: bool) -> (String, u32) {
    let mut d = Dumper::new(include_attributes);
    d.module(module);
    (d.out, d.max_depth)
}

/// `ast.dump(expr, include_attributes=...)` for one expression.
pub fn dump_expr(expr: &Expr, include_attributes: bool) -> String {
    let mut d = Dumper::new(include_attributes);
    d.expr(expr);
    d.out
}

struct Dumper {
    out: String,
    attrs: bool,
    /// Node objects currently open, and the most seen at once.
    depth: u32,
    max_depth: u32,
}

/// One node being printed: writes `Name(` and separates `field=value` items with `, `.
struct Node {
    first: bool,
}

impl Dumper {
    fn new(attrs: bool) -> Dumper {
        Dumper {
            out: String::with_capacity(4096),
            attrs,
            depth: 0,
            max_depth: 0,
        }
    }

    fn open(&mut self, name: &str) -> Node {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        self.out.push_str(name);
        self.out.push('(');
        Node { first: true }
    }

    fn key(&mut self, n: &mut Node, name: &str) {
        if !n.first {
            self.out.push_str(", ");
        }
        n.first = false;
        self.out.push_str(name);
        self.out.push('=');
    }

    fn close(&mut self, _n: Node, loc: Option<&Location>) {
        self.depth -= 1;
        let mut n = _n;
        if let (true, Some(loc)) = (self.attrs, loc) {
            for (name, v) in [
                ("lineno", loc.lineno),
                ("col_offset", loc.col_offset),
                ("end_lineno", loc.end_lineno),
                ("end_col_offset", loc.end_col_offset),
            ] {
                self.key(&mut n, name);
                self.out.push_str(&v.to_string());
            }
        }
        self.out.push(')');
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn ident(&mut self, s: &str) {
        self.out.push_str(&crate::repr::str_repr(&s.into()));
    }

    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            f(self, item);
        }
        self.out.push(']');
    }

    fn field_exprs(&mut self, n: &mut Node, name: &str, items: &[Expr]) {
        self.key(n, name);
        self.list(items, |d, e| d.expr(e));
    }

    fn field_stmts(&mut self, n: &mut Node, name: &str, items: &[Stmt]) {
        self.key(n, name);
        self.list(items, |d, s| d.stmt(s));
    }

    fn field_expr(&mut self, n: &mut Node, name: &str, e: &Expr) {
        self.key(n, name);
        self.expr(e);
    }

    fn field_opt_expr(&mut self, n: &mut Node, name: &str, e: &Option<Box<Expr>>) {
        if let Some(e) = e {
            self.field_expr(n, name, e);
        }
    }

    fn field_ident(&mut self, n: &mut Node, name: &str, s: &str) {
        self.key(n, name);
        self.ident(s);
    }

    fn field_opt_ident(&mut self, n: &mut Node, name: &str, s: &Option<String>) {
        if let Some(s) = s {
            self.field_ident(n, name, s);
        }
    }

    fn field_idents(&mut self, n: &mut Node, name: &str, items: &[String]) {
        self.key(n, name);
        self.list(items, |d, s| d.ident(s));
    }

    fn field_raw(&mut self, n: &mut Node, name: &str, s: &str) {
        self.key(n, name);
        self.raw(s);
    }

    fn module(&mut self, m: &Mod) {
        match m {
            Mod::Module { body, type_ignores } => {
                let mut n = self.open("Module");
                self.field_stmts(&mut n, "body", body);
                self.key(&mut n, "type_ignores");
                self.list(type_ignores, |d, t| {
                    let mut n = d.open("TypeIgnore");
                    d.field_raw(&mut n, "lineno", &t.lineno.to_string());
                    d.field_ident(&mut n, "tag", &t.tag);
                    d.close(n, None);
                });
                self.close(n, None);
            }
            Mod::Interactive { body } => {
                let mut n = self.open("Interactive");
                self.field_stmts(&mut n, "body", body);
                self.close(n, None);
            }
            Mod::Expression { body } => {
                let mut n = self.open("Expression");
                self.field_expr(&mut n, "body", body);
                self.close(n, None);
            }
            Mod::FunctionType { argtypes, returns } => {
                let mut n = self.open("FunctionType");
                self.field_exprs(&mut n, "argtypes", argtypes);
                self.field_expr(&mut n, "returns", returns);
                self.close(n, None);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let loc = Some(&s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def("FunctionDef", f, loc),
            StmtKind::AsyncFunctionDef(f) => self.function_def("AsyncFunctionDef", f, loc),
            StmtKind::ClassDef(c) => {
                let mut n = self.open("ClassDef");
                self.field_ident(&mut n, "name", &c.name);
                self.field_exprs(&mut n, "bases", &c.bases);
                self.key(&mut n, "keywords");
                self.list(&c.keywords, |d, k| d.keyword(k));
                self.field_stmts(&mut n, "body", &c.body);
                self.field_exprs(&mut n, "decorator_list", &c.decorator_list);
                self.close(n, loc);
            }
            StmtKind::Return { value } => {
                let mut n = self.open("Return");
                self.field_opt_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            StmtKind::Delete { targets } => {
                let mut n = self.open("Delete");
                self.field_exprs(&mut n, "targets", targets);
                self.close(n, loc);
            }
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => {
                let mut n = self.open("Assign");
                self.field_exprs(&mut n, "targets", targets);
                self.field_expr(&mut n, "value", value);
                self.field_opt_ident(&mut n, "type_comment", type_comment);
                self.close(n, loc);
            }
            StmtKind::AugAssign { target, op, value } => {
                let mut n = self.open("AugAssign");
                self.field_expr(&mut n, "target", target);
                self.field_raw(&mut n, "op", operator_node(*op));
                self.field_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let mut n = self.open("AnnAssign");
                self.field_expr(&mut n, "target", target);
                self.field_expr(&mut n, "annotation", annotation);
                self.field_opt_expr(&mut n, "value", value);
                self.field_raw(&mut n, "simple", if *simple { "1" } else { "0" });
                self.close(n, loc);
            }
            StmtKind::For(f) => self.for_stmt("For", f, loc),
            StmtKind::AsyncFor(f) => self.for_stmt("AsyncFor", f, loc),
            StmtKind::While { test, body, orelse } => {
                let mut n = self.open("While");
                self.field_expr(&mut n, "test", test);
                self.field_stmts(&mut n, "body", body);
                self.field_stmts(&mut n, "orelse", orelse);
                self.close(n, loc);
            }
            StmtKind::If { test, body, orelse } => {
                let mut n = self.open("If");
                self.field_expr(&mut n, "test", test);
                self.field_stmts(&mut n, "body", body);
                self.field_stmts(&mut n, "orelse", orelse);
                self.close(n, loc);
            }
            StmtKind::With(w) => self.with_stmt("With", w, loc),
            StmtKind::AsyncWith(w) => self.with_stmt("AsyncWith", w, loc),
            StmtKind::Match { subject, cases } => {
                let mut n = self.open("Match");
                self.field_expr(&mut n, "subject", subject);
                self.key(&mut n, "cases");
                self.list(cases, |d, c| {
                    let mut n = d.open("match_case");
                    d.key(&mut n, "pattern");
                    d.pattern(&c.pattern);
                    d.field_opt_expr(&mut n, "guard", &c.guard);
                    d.field_stmts(&mut n, "body", &c.body);
                    d.close(n, None);
                });
                self.close(n, loc);
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = self.open("Raise");
                self.field_opt_expr(&mut n, "exc", exc);
                self.field_opt_expr(&mut n, "cause", cause);
                self.close(n, loc);
            }
            StmtKind::Try(t) => self.try_stmt("Try", t, loc),
            StmtKind::TryStar(t) => self.try_stmt("TryStar", t, loc),
            StmtKind::Assert { test, msg } => {
                let mut n = self.open("Assert");
                self.field_expr(&mut n, "test", test);
                self.field_opt_expr(&mut n, "msg", msg);
                self.close(n, loc);
            }
            StmtKind::Import { names } => {
                let mut n = self.open("Import");
                self.key(&mut n, "names");
                self.list(names, |d, a| d.alias(a));
                self.close(n, loc);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let mut n = self.open("ImportFrom");
                self.field_opt_ident(&mut n, "module", module);
                self.key(&mut n, "names");
                self.list(names, |d, a| d.alias(a));
                self.field_raw(&mut n, "level", &level.to_string());
                self.close(n, loc);
            }
            StmtKind::Global { names } => {
                let mut n = self.open("Global");
                self.field_idents(&mut n, "names", names);
                self.close(n, loc);
            }
            StmtKind::Nonlocal { names } => {
                let mut n = self.open("Nonlocal");
                self.field_idents(&mut n, "names", names);
                self.close(n, loc);
            }
            StmtKind::Expr { value } => {
                let mut n = self.open("Expr");
                self.field_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            StmtKind::Pass => {
                let n = self.open("Pass");
                self.close(n, loc);
            }
            StmtKind::Break => {
                let n = self.open("Break");
                self.close(n, loc);
            }
            StmtKind::Continue => {
                let n = self.open("Continue");
                self.close(n, loc);
            }
        }
    }

    fn function_def(&mut self, name: &str, f: &FunctionDef, loc: Option<&Location>) {
        let mut n = self.open(name);
        self.field_ident(&mut n, "name", &f.name);
        self.key(&mut n, "args");
        self.arguments(&f.args);
        self.field_stmts(&mut n, "body", &f.body);
        self.field_exprs(&mut n, "decorator_list", &f.decorator_list);
        self.field_opt_expr(&mut n, "returns", &f.returns);
        self.field_opt_ident(&mut n, "type_comment", &f.type_comment);
        self.close(n, loc);
    }

    fn for_stmt(&mut self, name: &str, f: &For, loc: Option<&Location>) {
        let mut n = self.open(name);
        self.field_expr(&mut n, "target", &f.target);
        self.field_expr(&mut n, "iter", &f.iter);
        self.field_stmts(&mut n, "body", &f.body);
        self.field_stmts(&mut n, "orelse", &f.orelse);
        self.field_opt_ident(&mut n, "type_comment", &f.type_comment);
        self.close(n, loc);
    }

    fn with_stmt(&mut self, name: &str, w: &With, loc: Option<&Location>) {
        let mut n = self.open(name);
        self.key(&mut n, "items");
        self.list(&w.items, |d, item| {
            let mut n = d.open("withitem");
            d.field_expr(&mut n, "context_expr", &item.context_expr);
            d.field_opt_expr(&mut n, "optional_vars", &item.optional_vars);
            d.close(n, None);
        });
        self.field_stmts(&mut n, "body", &w.body);
        self.field_opt_ident(&mut n, "type_comment", &w.type_comment);
        self.close(n, loc);
    }

    fn try_stmt(&mut self, name: &str, t: &Try, loc: Option<&Location>) {
        let mut n = self.open(name);
        self.field_stmts(&mut n, "body", &t.body);
        self.key(&mut n, "handlers");
        self.list(&t.handlers, |d, h| {
            let mut n = d.open("ExceptHandler");
            d.field_opt_expr(&mut n, "type", &h.type_);
            d.field_opt_ident(&mut n, "name", &h.name);
            d.field_stmts(&mut n, "body", &h.body);
            d.close(n, Some(&h.loc));
        });
        self.field_stmts(&mut n, "orelse", &t.orelse);
        self.field_stmts(&mut n, "finalbody", &t.finalbody);
        self.close(n, loc);
    }

    fn arguments(&mut self, a: &Arguments) {
        let mut n = self.open("arguments");
        self.key(&mut n, "posonlyargs");
        self.list(&a.posonlyargs, |d, x| d.arg(x));
        self.key(&mut n, "args");
        self.list(&a.args, |d, x| d.arg(x));
        if let Some(v) = &a.vararg {
            self.key(&mut n, "vararg");
            self.arg(v);
        }
        self.key(&mut n, "kwonlyargs");
        self.list(&a.kwonlyargs, |d, x| d.arg(x));
        self.key(&mut n, "kw_defaults");
        self.list(&a.kw_defaults, |d, x| d.opt_expr_in_list(x));
        if let Some(v) = &a.kwarg {
            self.key(&mut n, "kwarg");
            self.arg(v);
        }
        self.field_exprs(&mut n, "defaults", &a.defaults);
        self.close(n, None);
    }

    fn arg(&mut self, a: &Arg) {
        let mut n = self.open("arg");
        self.field_ident(&mut n, "arg", &a.arg);
        self.field_opt_expr(&mut n, "annotation", &a.annotation);
        self.field_opt_ident(&mut n, "type_comment", &a.type_comment);
        self.close(n, Some(&a.loc));
    }

    fn keyword(&mut self, k: &Keyword) {
        let mut n = self.open("keyword");
        self.field_opt_ident(&mut n, "arg", &k.arg);
        self.field_expr(&mut n, "value", &k.value);
        self.close(n, Some(&k.loc));
    }

    fn alias(&mut self, a: &Alias) {
        let mut n = self.open("alias");
        self.field_ident(&mut n, "name", &a.name);
        self.field_opt_ident(&mut n, "asname", &a.asname);
        self.close(n, Some(&a.loc));
    }

    fn opt_expr_in_list(&mut self, e: &Option<Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.raw("None"),
        }
    }

    fn comprehensions(&mut self, n: &mut Node, gens: &[Comprehension]) {
        self.key(n, "generators");
        self.list(gens, |d, g| {
            let mut n = d.open("comprehension");
            d.field_expr(&mut n, "target", &g.target);
            d.field_expr(&mut n, "iter", &g.iter);
            d.field_exprs(&mut n, "ifs", &g.ifs);
            d.field_raw(&mut n, "is_async", if g.is_async { "1" } else { "0" });
            d.close(n, None);
        });
    }

    fn ctx(&mut self, n: &mut Node, ctx: ExprContext) {
        self.field_raw(
            n,
            "ctx",
            match ctx {
                ExprContext::Load => "Load()",
                ExprContext::Store => "Store()",
                ExprContext::Del => "Del()",
            },
        );
    }

    fn expr(&mut self, e: &Expr) {
        // Deeply nested expressions (`a.b.b.b...`): grow the stack rather than overflow it.
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.expr_inner(e));
    }

    fn expr_inner(&mut self, e: &Expr) {
        let loc = Some(&e.loc);
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let mut n = self.open("BoolOp");
                self.field_raw(
                    &mut n,
                    "op",
                    if *op == BoolOp::And { "And()" } else { "Or()" },
                );
                self.field_exprs(&mut n, "values", values);
                self.close(n, loc);
            }
            ExprKind::NamedExpr { target, value } => {
                let mut n = self.open("NamedExpr");
                self.field_expr(&mut n, "target", target);
                self.field_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            ExprKind::BinOp { left, op, right } => {
                let mut n = self.open("BinOp");
                self.field_expr(&mut n, "left", left);
                self.field_raw(&mut n, "op", operator_node(*op));
                self.field_expr(&mut n, "right", right);
                self.close(n, loc);
            }
            ExprKind::UnaryOp { op, operand } => {
                let mut n = self.open("UnaryOp");
                let name = match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                };
                self.field_raw(&mut n, "op", name);
                self.field_expr(&mut n, "operand", operand);
                self.close(n, loc);
            }
            ExprKind::Lambda { args, body } => {
                let mut n = self.open("Lambda");
                self.key(&mut n, "args");
                self.arguments(args);
                self.field_expr(&mut n, "body", body);
                self.close(n, loc);
            }
            ExprKind::IfExp { test, body, orelse } => {
                let mut n = self.open("IfExp");
                self.field_expr(&mut n, "test", test);
                self.field_expr(&mut n, "body", body);
                self.field_expr(&mut n, "orelse", orelse);
                self.close(n, loc);
            }
            ExprKind::Dict { keys, values } => {
                let mut n = self.open("Dict");
                self.key(&mut n, "keys");
                self.list(keys, |d, k| d.opt_expr_in_list(k));
                self.field_exprs(&mut n, "values", values);
                self.close(n, loc);
            }
            ExprKind::Set { elts } => {
                let mut n = self.open("Set");
                self.field_exprs(&mut n, "elts", elts);
                self.close(n, loc);
            }
            ExprKind::ListComp { elt, generators } => {
                let mut n = self.open("ListComp");
                self.field_expr(&mut n, "elt", elt);
                self.comprehensions(&mut n, generators);
                self.close(n, loc);
            }
            ExprKind::SetComp { elt, generators } => {
                let mut n = self.open("SetComp");
                self.field_expr(&mut n, "elt", elt);
                self.comprehensions(&mut n, generators);
                self.close(n, loc);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let mut n = self.open("DictComp");
                self.field_expr(&mut n, "key", key);
                self.field_expr(&mut n, "value", value);
                self.comprehensions(&mut n, generators);
                self.close(n, loc);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                let mut n = self.open("GeneratorExp");
                self.field_expr(&mut n, "elt", elt);
                self.comprehensions(&mut n, generators);
                self.close(n, loc);
            }
            ExprKind::Await { value } => {
                let mut n = self.open("Await");
                self.field_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            ExprKind::Yield { value } => {
                let mut n = self.open("Yield");
                self.field_opt_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            ExprKind::YieldFrom { value } => {
                let mut n = self.open("YieldFrom");
                self.field_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut n = self.open("Compare");
                self.field_expr(&mut n, "left", left);
                self.key(&mut n, "ops");
                self.list(ops, |d, op| d.raw(cmpop_node(*op)));
                self.field_exprs(&mut n, "comparators", comparators);
                self.close(n, loc);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let mut n = self.open("Call");
                self.field_expr(&mut n, "func", func);
                self.field_exprs(&mut n, "args", args);
                self.key(&mut n, "keywords");
                self.list(keywords, |d, k| d.keyword(k));
                self.close(n, loc);
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut n = self.open("FormattedValue");
                self.field_expr(&mut n, "value", value);
                self.field_raw(&mut n, "conversion", &conversion.to_string());
                self.field_opt_expr(&mut n, "format_spec", format_spec);
                self.close(n, loc);
            }
            ExprKind::JoinedStr { values } => {
                let mut n = self.open("JoinedStr");
                self.field_exprs(&mut n, "values", values);
                self.close(n, loc);
            }
            ExprKind::Constant { value, kind } => {
                let mut n = self.open("Constant");
                self.field_raw(&mut n, "value", &constant_repr(value));
                self.field_opt_ident(&mut n, "kind", kind);
                self.close(n, loc);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let mut n = self.open("Attribute");
                self.field_expr(&mut n, "value", value);
                self.field_ident(&mut n, "attr", attr);
                self.ctx(&mut n, *ctx);
                self.close(n, loc);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let mut n = self.open("Subscript");
                self.field_expr(&mut n, "value", value);
                self.field_expr(&mut n, "slice", slice);
                self.ctx(&mut n, *ctx);
                self.close(n, loc);
            }
            ExprKind::Starred { value, ctx } => {
                let mut n = self.open("Starred");
                self.field_expr(&mut n, "value", value);
                self.ctx(&mut n, *ctx);
                self.close(n, loc);
            }
            ExprKind::Name { id, ctx } => {
                let mut n = self.open("Name");
                self.field_ident(&mut n, "id", id);
                self.ctx(&mut n, *ctx);
                self.close(n, loc);
            }
            ExprKind::List { elts, ctx } => {
                let mut n = self.open("List");
                self.field_exprs(&mut n, "elts", elts);
                self.ctx(&mut n, *ctx);
                self.close(n, loc);
            }
            ExprKind::Tuple { elts, ctx } => {
                let mut n = self.open("Tuple");
                self.field_exprs(&mut n, "elts", elts);
                self.ctx(&mut n, *ctx);
                self.close(n, loc);
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = self.open("Slice");
                self.field_opt_expr(&mut n, "lower", lower);
                self.field_opt_expr(&mut n, "upper", upper);
                self.field_opt_expr(&mut n, "step", step);
                self.close(n, loc);
            }
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        let loc = Some(&p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                let mut n = self.open("MatchValue");
                self.field_expr(&mut n, "value", value);
                self.close(n, loc);
            }
            PatternKind::MatchSingleton { value } => {
                let mut n = self.open("MatchSingleton");
                self.field_raw(&mut n, "value", &constant_repr(value));
                self.close(n, loc);
            }
            PatternKind::MatchSequence { patterns } => {
                let mut n = self.open("MatchSequence");
                self.key(&mut n, "patterns");
                self.list(patterns, |d, p| d.pattern(p));
                self.close(n, loc);
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let mut n = self.open("MatchMapping");
                self.field_exprs(&mut n, "keys", keys);
                self.key(&mut n, "patterns");
                self.list(patterns, |d, p| d.pattern(p));
                self.field_opt_ident(&mut n, "rest", rest);
                self.close(n, loc);
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut n = self.open("MatchClass");
                self.field_expr(&mut n, "cls", cls);
                self.key(&mut n, "patterns");
                self.list(patterns, |d, p| d.pattern(p));
                self.field_idents(&mut n, "kwd_attrs", kwd_attrs);
                self.key(&mut n, "kwd_patterns");
                self.list(kwd_patterns, |d, p| d.pattern(p));
                self.close(n, loc);
            }
            PatternKind::MatchStar { name } => {
                let mut n = self.open("MatchStar");
                self.field_opt_ident(&mut n, "name", name);
                self.close(n, loc);
            }
            PatternKind::MatchAs { pattern, name } => {
                let mut n = self.open("MatchAs");
                if let Some(p) = pattern {
                    self.key(&mut n, "pattern");
                    self.pattern(p);
                }
                self.field_opt_ident(&mut n, "name", name);
                self.close(n, loc);
            }
            PatternKind::MatchOr { patterns } => {
                let mut n = self.open("MatchOr");
                self.key(&mut n, "patterns");
                self.list(patterns, |d, p| d.pattern(p));
                self.close(n, loc);
            }
        }
    }
}

fn operator_node(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add()",
        Operator::Sub => "Sub()",
        Operator::Mult => "Mult()",
        Operator::MatMult => "MatMult()",
        Operator::Div => "Div()",
        Operator::Mod => "Mod()",
        Operator::Pow => "Pow()",
        Operator::LShift => "LShift()",
        Operator::RShift => "RShift()",
        Operator::BitOr => "BitOr()",
        Operator::BitXor => "BitXor()",
        Operator::BitAnd => "BitAnd()",
        Operator::FloorDiv => "FloorDiv()",
    }
}

fn cmpop_node(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}
