//! The symbol table: which names are local, global, free or cell in each scope, and the
//! scope-related SyntaxErrors (CPython: `Python/symtable.c`, 3.11).
//!
//! Scopes are keyed by the address of their AST node (`&Stmt` for `def`/`class`, `&Expr`
//! for `lambda` and comprehensions), as CPython keys them by node pointer: the tree must
//! not move between [`build`] and code generation.

use crate::errors::{self, CompileError};
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::index_table::IndexSet;
use pyrs_ast::*;
use std::borrow::Cow;

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comprehension {
    None,
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    pub kind: BlockType,
    /// The names, in insertion order (CPython's `ste_symbols` dict order); `syms[i]` is
    /// the symbol of name `i`.
    pub(crate) names: IndexSet,
    pub(crate) syms: Vec<Symbol>,
    /// Parameters in order (`ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    pub directives: HashMap<String, Location>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Comprehension,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub child_free: bool,
    pub free: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    pub loc: Location,
}

impl Entry {
    /// The names in insertion order.
    pub fn order(&self) -> &[String] {
        &self.names.items
    }
    pub fn flags(&self, name: &str) -> u32 {
        self.names
            .get(name)
            .map_or(0, |i| self.syms[i as usize].flags)
    }
    pub fn scope(&self, name: &str) -> Scope {
        self.names
            .get(name)
            .map_or(Scope::Unknown, |i| self.syms[i as usize].scope)
    }
}

/// The symbol table of a module: entry 0 is the module.
pub struct SymbolTable {
    pub entries: Vec<Entry>,
    pub by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub fn lookup(&self, node: usize) -> Option<usize> {
        self.by_node.get(&node).copied()
    }
}

/// Mangles `__name` inside class `private` (`_Py_Mangle`).
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(p) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let p = p.trim_start_matches('_');
    if p.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{p}{name}"))
}

struct Builder {
    entries: Vec<Entry>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    private: Option<String>,
    future_annotations: bool,
}

type R = Result<(), CompileError>;

fn err(msg: String, loc: Location) -> CompileError {
    errors::at(msg, loc)
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &Mod, future_annotations: bool) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        entries: Vec::new(),
        by_node: HashMap::default(),
        stack: Vec::new(),
        private: None,
        future_annotations,
    };
    b.enter("top", BlockType::Module, 0, Location::default());
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            for s in body {
                b.stmt(s)?;
            }
        }
        Mod::Expression { body } => b.expr(body)?,
        Mod::FunctionType { .. } => {}
    }
    b.stack.pop();
    let mut entries = b.entries;
    analyze(&mut entries)?;
    Ok(SymbolTable {
        entries,
        by_node: b.by_node,
    })
}

impl Builder {
    fn cur(&mut self) -> &mut Entry {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.entries[i]
    }

    fn enter(&mut self, name: &str, kind: BlockType, node: usize, loc: Location) {
        let parent = self.stack.last().copied();
        let nested = parent.map_or(false, |p| {
            let pe = &self.entries[p];
            pe.nested || pe.kind == BlockType::Function
        });
        // bpo-37757: a block inside a comprehension's outermost iterable (a nested
        // comprehension, a lambda) inherits the count: no assignment expression there.
        let comp_iter_expr = parent.map_or(0, |p| self.entries[p].comp_iter_expr);
        let id = self.entries.len();
        self.entries.push(Entry {
            name: name.to_string(),
            kind,
            names: IndexSet::default(),
            syms: Vec::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: HashMap::default(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: Comprehension::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            child_free: false,
            free: false,
            comp_iter_target: false,
            comp_iter_expr,
            loc,
        });
        if let Some(p) = parent {
            self.entries[p].children.push(id);
        }
        if node != 0 {
            self.by_node.insert(node, id);
        }
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Location) -> R {
        let i = *self.stack.last().unwrap_or(&0);
        self.add_def_in(name, flag, i, loc)
    }

    fn add_def_in(&mut self, name: &str, flag: u32, ste: usize, loc: Location) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let e = &mut self.entries[ste];
        let mut val = match e.names.get(&mangled).map(|i| &e.syms[i as usize]) {
            Some(s) => {
                if flag & DEF_PARAM != 0 && s.flags & DEF_PARAM != 0 {
                    return Err(err(
                        format!("duplicate argument '{mangled}' in function definition"),
                        loc,
                    ));
                }
                s.flags | flag
            }
            None => flag,
        };
        if e.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(err(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{mangled}'"
                    ),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        set_flags(e, &mangled, val);
        if flag & DEF_PARAM != 0 {
            e.varnames.push(mangled.into_owned());
        } else if flag & DEF_GLOBAL != 0 {
            let g = &mut self.entries[0];
            let v = flag | g.flags(&mangled);
            set_flags(g, &mangled, v);
        }
        Ok(())
    }

    fn lookup(&self, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        let i = *self.stack.last().unwrap_or(&0);
        self.entries[i].flags(&mangled)
    }

    fn record_directive(&mut self, name: &str, loc: Location) {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur()
            .directives
            .entry(mangled.into_owned())
            .or_insert(loc);
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        crate::guard(|| self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.loc)?;
                self.exprs(&f.args.defaults)?;
                for d in f.args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.annotations(&f.args, f.returns.as_deref(), &*f.args as *const _ as usize)?;
                self.exprs(&f.decorator_list)?;
                self.enter(&f.name, BlockType::Function, s as *const _ as usize, s.loc);
                if matches!(s.kind, StmtKind::AsyncFunctionDef(_)) {
                    self.cur().coroutine = true;
                }
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(&c.decorator_list)?;
                self.enter(&c.name, BlockType::Class, s as *const _ as usize, s.loc);
                let saved = self.private.replace(c.name.clone());
                self.stmts(&c.body)?;
                self.private = saved;
                self.exit();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    let is_module = *self.stack.last().unwrap_or(&0) == 0;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_module && *simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{id}' can't be global")
                        } else {
                            format!("annotated name '{id}' can't be nonlocal")
                        };
                        return Err(err(msg, s.loc));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                    if let Some(c) = cause {
                        self.expr(c)?;
                    }
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    self.alias(a)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(name, DEF_GLOBAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
        }
        Ok(())
    }

    fn alias(&mut self, a: &Alias) -> R {
        let store = a
            .asname
            .as_deref()
            .unwrap_or_else(|| a.name.split('.').next().unwrap_or(&a.name));
        if a.name == "*" {
            if *self.stack.last().unwrap_or(&0) != 0
                && self.entries[*self.stack.last().unwrap()].kind != BlockType::Module
            {
                return Err(err("import * only allowed at module level".into(), a.loc));
            }
            return Ok(());
        }
        self.add_def(store, DEF_IMPORT, a.loc)
    }

    fn params(&mut self, a: &Arguments) -> R {
        for p in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add_def(&p.arg, DEF_PARAM, p.loc)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            self.enter(
                "_annotation",
                BlockType::Annotation,
                e as *const _ as usize,
                e.loc,
            );
            self.expr(e)?;
            self.exit();
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn annotations(&mut self, a: &Arguments, returns: Option<&Expr>, key: usize) -> R {
        if self.future_annotations {
            self.enter(
                "_annotation",
                BlockType::Annotation,
                key,
                Location::default(),
            );
        }
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(a.vararg.as_deref())
            .chain(&a.kwonlyargs)
            .chain(a.kwarg.as_deref());
        for p in all {
            if let Some(ann) = &p.annotation {
                self.expr(ann)?;
            }
        }
        if self.future_annotations {
            self.exit();
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        crate::guard(|| self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.check_annotation_block("named expression", e)?;
                if self.cur().comp_iter_expr > 0 {
                    return Err(err(
                        "assignment expression cannot be used in a comprehension iterable expression"
                            .into(),
                        e.loc,
                    ));
                }
                if self.cur().comprehension != Comprehension::None {
                    self.extend_namedexpr_scope(target)?;
                }
                self.expr(value)?;
                self.expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.enter("lambda", BlockType::Function, e as *const _ as usize, e.loc);
                self.params(args)?;
                self.expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(
                e,
                "genexpr",
                generators,
                elt,
                None,
                Comprehension::Generator,
            )?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", generators, elt, None, Comprehension::List)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", generators, elt, None, Comprehension::Set)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                e,
                "dictcomp",
                generators,
                key,
                Some(value),
                Comprehension::Dict,
            )?,
            ExprKind::Yield { value } => {
                self.check_annotation_block("yield expression", e)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.cur().generator = true;
                self.check_comprehension_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.check_annotation_block("yield expression", e)?;
                self.expr(value)?;
                self.cur().generator = true;
                self.check_comprehension_yield(e)?;
            }
            ExprKind::Await { value } => {
                self.check_annotation_block("await expression", e)?;
                self.expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.loc)?;
                if *ctx == ExprContext::Load
                    && self.cur().kind == BlockType::Function
                    && id == "super"
                {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn check_annotation_block(&mut self, what: &str, e: &Expr) -> R {
        if self.cur().kind == BlockType::Annotation {
            return Err(err(
                format!("'{what}' can not be used within an annotation"),
                e.loc,
            ));
        }
        Ok(())
    }

    fn check_comprehension_yield(&mut self, e: &Expr) -> R {
        let what = match self.cur().comprehension {
            Comprehension::None => return Ok(()),
            Comprehension::List => "list comprehension",
            Comprehension::Set => "set comprehension",
            Comprehension::Dict => "dict comprehension",
            Comprehension::Generator => "generator expression",
        };
        let kw = if matches!(e.kind, ExprKind::YieldFrom { .. }) {
            "'yield from'"
        } else {
            "'yield'"
        };
        let _ = kw;
        Err(err(format!("'yield' inside {what}"), e.loc))
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Ok(());
        };
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let ent = &self.entries[ste];
            if ent.comprehension != Comprehension::None {
                if ent.flags(id) & DEF_COMP_ITER != 0 {
                    return Err(err(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{id}'"
                        ),
                        target.loc,
                    ));
                }
                continue;
            }
            match ent.kind {
                BlockType::Function => {
                    if ent.flags(id) & DEF_GLOBAL != 0 {
                        self.add_def(id, DEF_GLOBAL, target.loc)?;
                    } else {
                        self.add_def(id, DEF_NONLOCAL, target.loc)?;
                    }
                    self.record_directive(id, target.loc);
                    return self.add_def_in(id, DEF_LOCAL, ste, target.loc);
                }
                BlockType::Module => {
                    self.add_def(id, DEF_GLOBAL, target.loc)?;
                    self.record_directive(id, target.loc);
                    return self.add_def_in(id, DEF_GLOBAL, ste, target.loc);
                }
                BlockType::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                        target.loc,
                    ));
                }
                // 3.11's loop has no case for annotation blocks: it goes on to the
                // scope around the annotation.
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[pyrs_ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: Comprehension,
    ) -> R {
        let Some(outer) = generators.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        let r = self.expr(&outer.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        self.enter(name, BlockType::Function, e as *const _ as usize, e.loc);
        if outer.is_async {
            self.cur().coroutine = true;
        }
        self.cur().comprehension = kind;
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur().comp_iter_target = true;
        self.expr(&outer.target)?;
        self.cur().comp_iter_target = false;
        self.exprs(&outer.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.cur().comp_iter_expr -= 1;
            r?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let is_generator = kind == Comprehension::Generator;
        self.cur().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.exit();
        let cur = self.cur();
        let allowed = (cur.kind == BlockType::Function && cur.coroutine)
            || cur.comprehension != Comprehension::None;
        if is_async && !allowed {
            return Err(err(
                "asynchronous comprehension outside of an asynchronous function".into(),
                e.loc,
            ));
        }
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        crate::guard(|| self.pattern_inner(p))
    }

    fn pattern_inner(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
        }
        Ok(())
    }
}

fn set_flags(e: &mut Entry, name: &str, flags: u32) {
    let i = e.names.add(name) as usize;
    if i == e.syms.len() {
        e.syms.push(Symbol {
            flags,
            scope: Scope::Unknown,
        });
    } else {
        e.syms[i].flags = flags;
    }
}

// ---------------------------------------------------------------------------
// Analysis (CPython's analyze_block / analyze_name / analyze_cells / update_symbols)

fn analyze(entries: &mut [Entry]) -> R {
    let mut free = HashSet::default();
    let mut global = HashSet::default();
    analyze_block(entries, 0, None, &mut free, &mut global)
}

fn directive_err(e: &Entry, name: &str, msg: String) -> CompileError {
    let loc = e.directives.get(name).copied().unwrap_or_default();
    err(msg, loc)
}

fn analyze_block(
    entries: &mut [Entry],
    id: usize,
    bound: Option<&HashSet<&str>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> R {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        analyze_block_inner(entries, id, bound, free, global)
    })
}

fn analyze_block_inner(
    entries: &mut [Entry],
    id: usize,
    bound: Option<&HashSet<&str>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> R {
    // The names are borrowed from `order`, taken out of the entry while its children are
    // analyzed (put back before the free names are appended); `scopes[i]` is the scope of
    // `order[i]`.
    let order = std::mem::take(&mut entries[id].names.items);
    let mut scopes: Vec<Scope> = Vec::with_capacity(order.len());
    let mut newfree: HashSet<String> = HashSet::default();
    let kind = entries[id].kind;
    // A class namespace does not change what nested functions see: its children get the
    // globals known before it is analyzed.
    let class_global = (kind == BlockType::Class).then(|| global.clone());
    for (i, name) in order.iter().enumerate() {
        let e = &mut entries[id];
        let flags = e.syms[i].flags;
        let sc = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(directive_err(
                    e,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            global.insert(name.clone());
            Scope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(directive_err(
                    e,
                    name,
                    "nonlocal declaration not allowed at module level".into(),
                ));
            };
            if !b.contains(name.as_str()) {
                return Err(directive_err(
                    e,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            e.free = true;
            free.insert(name.clone());
            Scope::Free
        } else if flags & DEF_BOUND != 0 {
            global.remove(name);
            Scope::Local
        } else if bound.map_or(false, |b| b.contains(name.as_str())) {
            e.free = true;
            free.insert(name.clone());
            Scope::Free
        } else if global.contains(name) {
            Scope::GlobalImplicit
        } else {
            if e.nested {
                e.free = true;
            }
            Scope::GlobalImplicit
        };
        scopes.push(sc);
    }
    {
        // What the children see: the names bound in enclosing functions (a class passes
        // its own bound set through, plus `__class__`), and the explicit globals.
        let mut newbound: HashSet<&str> = HashSet::default();
        if let Some(b) = bound {
            newbound.extend(b.iter().copied());
        }
        let newglobal = class_global.unwrap_or_else(|| global.clone());
        if kind == BlockType::Class {
            newbound.insert("__class__");
        } else if kind == BlockType::Function {
            for (name, sc) in order.iter().zip(&scopes) {
                if *sc == Scope::Local {
                    newbound.insert(name);
                }
            }
        }
        // Global explicit names are removed from the bound set passed down.
        for (name, sc) in order.iter().zip(&scopes) {
            if *sc == Scope::GlobalExplicit {
                newbound.remove(name.as_str());
            }
        }
        let mut allfree: HashSet<String> = HashSet::default();
        let children = std::mem::take(&mut entries[id].children);
        for &c in &children {
            let mut child_free = HashSet::default();
            let mut cglobal = newglobal.clone();
            analyze_block(entries, c, Some(&newbound), &mut child_free, &mut cglobal)?;
            let ce = &entries[c];
            if ce.free || ce.child_free {
                entries[id].child_free = true;
            }
            allfree.extend(child_free);
        }
        entries[id].children = children;
        newfree.extend(allfree);
    }
    if kind == BlockType::Function {
        for (name, sc) in order.iter().zip(scopes.iter_mut()) {
            if *sc == Scope::Local && newfree.remove(name) {
                *sc = Scope::Cell;
            }
        }
    } else if kind == BlockType::Class && newfree.remove("__class__") {
        entries[id].needs_class_closure = true;
    }
    // update_symbols
    let e = &mut entries[id];
    for (s, sc) in e.syms.iter_mut().zip(&scopes) {
        s.scope = *sc;
    }
    e.names.items = order;
    let mut newfree_sorted: Vec<_> = newfree.iter().cloned().collect();
    newfree_sorted.sort();
    for name in newfree_sorted {
        if let Some(i) = e.names.get(&name) {
            let s = &mut e.syms[i as usize];
            if kind == BlockType::Class && s.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                s.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound {
            if !b.contains(name.as_str()) {
                continue;
            }
        }
        e.names.add(&name);
        e.syms.push(Symbol {
            flags: DEF_FREE,
            scope: Scope::Free,
        });
    }
    free.extend(newfree);
    Ok(())
}
