//! Code generation: the AST of one module to a tree of code-unit builders, one per scope
//! (CPython: `Python/compile.c` — `compiler_enter_scope`, `compiler_nameop`,
//! `compiler_make_closure`, `compiler_function`, `compiler_class`, 3.11).
//!
//! Each scope is a [`Unit`]: basic blocks of instructions (real opcodes and the
//! pseudo-instructions of `ops.rs`), its constants and names. `flowgraph.rs` and
//! `assemble.rs` turn a finished unit into a `CodeObject`.

mod comprehension;
mod expr;
mod format;
mod pattern;
mod stmt;
mod stmt_try;
mod warnings;

use crate::errors::{self, CompileError};
use crate::flowgraph::{Block, Instr, Loc, NO_BLOCK};
pub(crate) use crate::index_table::{ConstTable, IndexSet};
use crate::ops::*;
use crate::symtable::{self, BlockType, Scope, SymbolTable};
use pyrs_ast::*;
use pyrs_bytecode::{CodeObject, Constant as K};

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// One entry of the static block stack (`struct fblockinfo`).
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: usize,
    pub exit: usize,
    /// `finally` body for FinallyTry; the handler's name for HandlerCleanup.
    pub body: Option<&'a [Stmt]>,
    pub name: Option<String>,
    pub loc: Loc,
}

/// The code being generated for one scope (`struct compiler_unit`).
pub(crate) struct Unit<'a> {
    pub ste: usize,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub blocks: Vec<Block>,
    /// Blocks in layout order (`b_next` chain).
    pub order: Vec<usize>,
    pub cur: usize,
    pub consts: Vec<K>,
    const_table: ConstTable,
    pub names: IndexSet,
    pub varnames: IndexSet,
    pub cellvars: IndexSet,
    pub freevars: IndexSet,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: i32,
    pub fblocks: Vec<FBlock<'a>>,
    pub loc: Loc,
    pub private: Option<String>,
}

pub(crate) struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub filename: String,
    pub optimize: u32,
    pub future_flags: u32,
    pub future_annotations: bool,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    /// SyntaxWarnings met so far, in CPython's order (`compiler_warn`).
    pub warnings: Vec<errors::SyntaxWarning>,
}

/// The AST constant as a code-object constant.
pub(crate) fn ast_const(c: &Constant) -> K {
    match c {
        Constant::None => K::None,
        Constant::Bool(b) => K::Bool(*b),
        Constant::Ellipsis => K::Ellipsis,
        Constant::Int(Int::Small(i)) => K::Int(*i),
        Constant::Int(Int::Big(b)) => K::int((**b).clone()),
        Constant::Float(f) => K::Float(*f),
        Constant::Complex { real, imag } => K::Complex {
            re: *real,
            im: *imag,
        },
        Constant::Str(s) => K::Str(crate::str_value(s)),
        Constant::Bytes(b) => K::Bytes(b.clone()),
    }
}

impl<'a> Unit<'a> {
    fn new(ste: usize, scope_type: ScopeType, name: &str, firstlineno: i32) -> Unit<'a> {
        let mut u = Unit {
            ste,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            blocks: Vec::new(),
            order: Vec::new(),
            cur: 0,
            consts: Vec::new(),
            const_table: ConstTable::default(),
            names: IndexSet::default(),
            varnames: IndexSet::default(),
            cellvars: IndexSet::default(),
            freevars: IndexSet::default(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            fblocks: Vec::new(),
            loc: Loc {
                lineno: firstlineno,
                end_lineno: firstlineno,
                col: 0,
                end_col: 0,
            },
            private: None,
        };
        let b = u.new_block();
        u.order.push(b);
        u.cur = b;
        u
    }

    pub fn new_block(&mut self) -> usize {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    pub fn add_const(&mut self, k: K) -> u32 {
        self.const_table.add(&mut self.consts, k)
    }
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always open")
    }

    pub fn ste(&self) -> &'a symtable::Entry {
        let id = self.units.last().map_or(0, |u| u.ste);
        &self.st.entries[id]
    }

    // -- emitting ---------------------------------------------------------------------

    pub fn emit(&mut self, op: u16, arg: u32) {
        self.new_implicit_block_if_needed();
        let u = self.u();
        let loc = u.loc;
        let cur = u.cur;
        push_instr(
            &mut u.blocks[cur].instrs,
            Instr::new(op, arg, NO_BLOCK, loc),
        );
    }

    /// `compiler_use_new_implicit_block_if_needed`: an instruction after a jump or scope
    /// exit starts a new block, created only then (block creation order decides
    /// `duplicate_exits_without_lineno`'s order, as CPython's `b_list`).
    fn new_implicit_block_if_needed(&mut self) {
        let u = self.u();
        let ends = u.blocks[u.cur]
            .instrs
            .last()
            .map_or(false, |i| crate::flowgraph::is_terminator(i.op));
        if ends {
            self.next_block();
        }
    }

    pub fn op(&mut self, op: u16) {
        self.emit(op, 0);
    }

    pub fn emit_noline(&mut self, op: u16, arg: u32) {
        let saved = self.u().loc;
        self.u().loc = Loc::NOLINE;
        self.emit(op, arg);
        self.u().loc = saved;
    }

    pub fn jump(&mut self, op: u16, target: usize) {
        self.new_implicit_block_if_needed();
        let u = self.u();
        let loc = u.loc;
        let cur = u.cur;
        push_instr(&mut u.blocks[cur].instrs, Instr::new(op, 0, target, loc));
    }

    pub fn new_block(&mut self) -> usize {
        self.u().new_block()
    }

    /// `compiler_use_next_block`: `b` follows the current block in layout order.
    pub fn use_block(&mut self, b: usize) {
        let u = self.u();
        u.order.push(b);
        u.cur = b;
    }

    fn next_block(&mut self) {
        let b = self.new_block();
        self.use_block(b);
    }

    pub fn load_const(&mut self, k: K) {
        let i = self.u().add_const(k);
        self.emit(LOAD_CONST, i);
    }

    pub fn set_loc(&mut self, loc: Location) {
        self.u().loc = Loc::from(loc);
    }

    /// `UNSET_LOC`: an artificial instruction follows. Only the line is unset; the
    /// columns and end line stay, and show when NOP removal later gives the instruction
    /// a line (it copies only `i_lineno`).
    pub fn unset_loc(&mut self) {
        self.u().loc.lineno = -1;
    }

    pub fn error(&self, msg: &str) -> CompileError {
        let l = self.units.last().map(|u| u.loc).unwrap_or(Loc::NONE);
        if l.lineno < 0 {
            // An unset location (after unwinding a `with` block, 3.11's `UNSET_LOC`):
            // CPython reports line -1, offsets 0.
            return CompileError::Syntax(pyrs_parser::SyntaxError {
                class: pyrs_parser::SyntaxErrorClass::SyntaxError,
                msg: msg.to_string(),
                lineno: pyrs_parser::SyntaxError::MINUS_ONE,
                offset: 0,
                end_lineno: pyrs_parser::SyntaxError::MINUS_ONE,
                end_offset: 0,
                text: None,
            });
        }
        errors::at(
            msg.to_string(),
            Location {
                lineno: l.lineno.max(0) as u32,
                col_offset: l.col.max(0) as u32,
                end_lineno: l.end_lineno.max(0) as u32,
                end_col_offset: l.end_col.max(0) as u32,
            },
        )
    }

    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        let p = self.units.last().and_then(|u| u.private.as_deref());
        symtable::mangle(p, name)
    }

    /// `compiler_addop_name`: the index of a (mangled) name in `co_names`.
    pub fn name_index(&mut self, name: &str) -> u32 {
        let m = self.mangle(name);
        self.u().names.add(&m)
    }

    pub fn emit_name(&mut self, op: u16, name: &str) {
        let i = self.name_index(name);
        self.emit(op, i);
    }

    // -- scopes -----------------------------------------------------------------------

    pub fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        node: usize,
        lineno: u32,
    ) -> CResult {
        let ste = if scope_type == ScopeType::Module {
            0
        } else {
            self.st
                .lookup(node)
                .ok_or_else(|| CompileError::Unsupported("scope without symbol table".into()))?
        };
        let mut u = Unit::new(ste, scope_type, name, lineno as i32);
        let entry = &self.st.entries[ste];
        for v in &entry.varnames {
            u.varnames.add(v);
        }
        let mut cells: Vec<&String> = entry
            .order()
            .iter()
            .filter(|n| entry.scope(n) == Scope::Cell)
            .collect();
        cells.sort();
        if entry.needs_class_closure {
            u.cellvars.add("__class__");
        }
        for c in cells {
            u.cellvars.add(c);
        }
        let mut frees: Vec<&String> = entry
            .order()
            .iter()
            .filter(|n| {
                entry.scope(n) == Scope::Free || entry.flags(n) & symtable::DEF_FREE_CLASS != 0
            })
            .collect();
        frees.sort();
        for f in frees {
            u.freevars.add(f);
        }
        if let Some(parent) = self.units.last() {
            u.private = parent.private.clone();
        }
        self.units.push(u);
        if scope_type == ScopeType::Module {
            // 3.11 gives the module's RESUME line 0 but keeps the scope's end line (1):
            // `co_positions()` shows (0, 1, 0, 0).
            self.u().loc = Loc {
                lineno: 0,
                end_lineno: 1,
                col: 0,
                end_col: 0,
            };
        } else {
            self.set_qualname();
            let l = lineno as i32;
            self.u().loc = Loc {
                lineno: l,
                end_lineno: l,
                col: 0,
                end_col: 0,
            };
        }
        self.emit(RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u().loc = Loc::NONE;
        }
        Ok(())
    }

    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n < 3 {
            // The parent is the module.
            return;
        }
        let (parents, me) = self.units.split_at(n - 1);
        let u = &me[0];
        let parent = &parents[parents.len() - 1];
        let mut force_global = false;
        if matches!(
            u.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = symtable::mangle(parent.private.as_deref(), &u.name);
            if self.st.entries[parent.ste].scope(&mangled) == Scope::GlobalExplicit {
                force_global = true;
            }
        }
        if !force_global {
            let base = if matches!(
                parent.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
            ) {
                format!("{}.<locals>", parent.qualname)
            } else {
                parent.qualname.clone()
            };
            let q = format!("{base}.{}", u.name);
            self.u().qualname = q;
        }
    }

    /// Finishes the current unit into a code object (`assemble`).
    pub fn exit_scope(&mut self, add_none: bool) -> CResult<CodeObject> {
        let u = self.units.pop().expect("open unit");
        let flags = self.code_flags(&u);
        crate::assemble::assemble(u, flags, &self.filename, add_none)
    }

    fn code_flags(&self, u: &Unit) -> u32 {
        use pyrs_bytecode::code::flags::*;
        let ste = &self.st.entries[u.ste];
        let mut flags = 0;
        if ste.kind == BlockType::Function {
            flags |= CO_NEWLOCALS | CO_OPTIMIZED;
            if ste.nested {
                flags |= CO_NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= CO_GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= CO_COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= CO_ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= CO_VARARGS;
            }
            if ste.varkeywords {
                flags |= CO_VARKEYWORDS;
            }
        }
        flags | self.future_flags
    }

    // -- names ------------------------------------------------------------------------

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: ExprContext) -> CResult {
        if name == "__debug__" && ctx != ExprContext::Load {
            return Err(self.error(if ctx == ExprContext::Store {
                "cannot assign to __debug__"
            } else {
                "cannot delete __debug__"
            }));
        }
        let mangled = self.mangle(name);
        let ste = self.ste();
        let mut scope = ste.scope(&mangled);
        let is_function = ste.kind == BlockType::Function;
        let is_class = ste.kind == BlockType::Class;
        if is_class && mangled == "__class__" && false {
            scope = Scope::Cell;
        }
        #[derive(PartialEq)]
        enum T {
            Fast,
            Global,
            Deref,
            Name,
        }
        let t = match scope {
            Scope::Free => T::Deref,
            Scope::Cell => T::Deref,
            Scope::Local if is_function => T::Fast,
            Scope::GlobalImplicit if is_function => T::Global,
            Scope::GlobalExplicit => T::Global,
            _ => T::Name,
        };
        let u = self.u();
        match t {
            T::Deref => {
                let idx = match u.cellvars.get(&mangled) {
                    Some(i) => i,
                    None => match u.freevars.get(&mangled) {
                        Some(i) => i + u.cellvars.len() as u32,
                        None => {
                            return Err(CompileError::Unsupported(format!(
                                "free variable {mangled} not found"
                            )))
                        }
                    },
                };
                let op = match ctx {
                    ExprContext::Load if is_class => LOAD_CLASSDEREF,
                    ExprContext::Load => LOAD_DEREF,
                    ExprContext::Store => STORE_DEREF,
                    ExprContext::Del => DELETE_DEREF,
                };
                self.emit(op, idx);
            }
            T::Fast => {
                let idx = u.varnames.add(&mangled);
                let op = match ctx {
                    ExprContext::Load => LOAD_FAST,
                    ExprContext::Store => STORE_FAST,
                    ExprContext::Del => DELETE_FAST,
                };
                self.emit(op, idx);
            }
            T::Global => {
                let idx = u.names.add(&mangled);
                match ctx {
                    ExprContext::Load => self.emit(LOAD_GLOBAL, idx << 1),
                    ExprContext::Store => self.emit(STORE_GLOBAL, idx),
                    ExprContext::Del => self.emit(DELETE_GLOBAL, idx),
                }
            }
            T::Name => {
                let idx = u.names.add(&mangled);
                let op = match ctx {
                    ExprContext::Load => LOAD_NAME,
                    ExprContext::Store => STORE_NAME,
                    ExprContext::Del => DELETE_NAME,
                };
                self.emit(op, idx);
            }
        }
        Ok(())
    }

    /// Index for `LOAD_CLOSURE` of `name` in the current unit (`get_ref_type`).
    fn closure_index(&mut self, name: &str) -> CResult<u32> {
        let u = self.u();
        if let Some(i) = u.cellvars.get(name) {
            return Ok(i);
        }
        if let Some(i) = u.freevars.get(name) {
            return Ok(i + u.cellvars.len() as u32);
        }
        Err(CompileError::Unsupported(format!(
            "closure variable {name} not found"
        )))
    }

    /// `compiler_make_closure`: pushes the function object for `code`.
    pub fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        let frees = code.freevars();
        if !frees.is_empty() {
            for f in &frees {
                let name = f.to_string_lossy();
                let i = self.closure_index(&name)?;
                self.emit(LOAD_CLOSURE, i);
            }
            self.emit(BUILD_TUPLE, frees.len() as u32);
            flags |= 0x08;
        }
        self.load_const(K::Code(Box::new(code)));
        self.emit(MAKE_FUNCTION, flags);
        Ok(())
    }

    // -- the module -------------------------------------------------------------------

    pub fn compile_module(&mut self, m: &'a Mod) -> CResult<CodeObject> {
        self.enter_scope("<module>", ScopeType::Module, 0, 1)?;
        match m {
            Mod::Module { body, .. } => self.body(body)?,
            Mod::Interactive { body } => {
                self.interactive = true;
                if find_ann(body) {
                    self.op(SETUP_ANNOTATIONS);
                }
                for s in body {
                    self.stmt(s)?;
                }
            }
            Mod::Expression { body } => {
                self.expr(body)?;
                self.op(RETURN_VALUE);
                return self.exit_scope(false);
            }
            Mod::FunctionType { .. } => {
                return Err(CompileError::Unsupported("func_type input".into()));
            }
        }
        self.exit_scope(true)
    }

    /// `compiler_body`: docstring, `SETUP_ANNOTATIONS`, statements (module and class).
    pub fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        if self.u().scope_type == ScopeType::Module {
            if let Some(s) = stmts.first() {
                self.set_loc(s.loc);
            }
        }
        if find_ann(stmts) {
            self.op(SETUP_ANNOTATIONS);
        }
        let mut start = 0;
        if self.optimize < 2 {
            if let Some(doc) = docstring(stmts) {
                start = 1;
                if let StmtKind::Expr { value } = &stmts[0].kind {
                    self.set_loc(stmts[0].loc);
                    self.expr(value)?;
                    let _ = doc;
                }
                self.unset_loc();
                self.nameop("__doc__", ExprContext::Store)?;
            }
        }
        for s in &stmts[start..] {
            self.stmt(s)?;
        }
        Ok(())
    }
}

/// The docstring of a body: a leading expression statement holding a str constant.
pub(crate) fn docstring(stmts: &[Stmt]) -> Option<&StrValue> {
    match &stmts.first()?.kind {
        StmtKind::Expr { value } => match &value.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// `find_ann`: does this body (not nested scopes) hold an annotated assignment?
pub(crate) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For(f) | StmtKind::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            find_ann(body) || find_ann(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => find_ann(&w.body),
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            t.handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// Appends to a block: a block's first instruction reserves room for 8 (most blocks are
/// short; growing from 4 cost a reallocation for many of them).
#[inline]
fn push_instr(instrs: &mut Vec<Instr>, i: Instr) {
    if instrs.capacity() == 0 {
        instrs.reserve_exact(8);
    }
    instrs.push(i);
}
