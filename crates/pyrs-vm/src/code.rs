//! Code objects as the VM runs them (CPython: `Objects/codeobject.c`). Built once from a
//! `pyrs_bytecode::CodeObject`: constants become Python values, names interned strs, the
//! exception table and line numbers decoded. The instruction array is the VM's own copy
//! (`units`): its CACHE units hold the numbers of the inline-cache slots (`eval/inline.rs`),
//! without touching `co_code`.

use crate::object::{Payload, PyRef, Value};
use crate::vm::Vm;
use pyrs_bytecode::code::{CO_FAST_CELL, CO_FAST_FREE};
use pyrs_bytecode::exception_table::ExceptionTableEntry;
use pyrs_bytecode::linetable::Positions;
use pyrs_bytecode::{CodeObject, Constant};
use std::rc::Rc;

pub struct Code {
    /// The instruction units `(op, arg)`, CACHE units included (zeroed).
    pub units: Vec<(u8, u8)>,
    pub consts: Vec<Value>,
    pub names: Vec<PyRef>,
    pub localsplus_names: Vec<PyRef>,
    pub localsplus_kinds: Vec<u8>,
    /// Entries in code units (start, end exclusive, target).
    pub exc_table: Vec<ExceptionTableEntry>,
    /// The 3.11 location table (`co_linetable`), decoded into [`Code::positions`] on
    /// first use: only tracebacks and frame objects need positions, and decoding every
    /// code object when a module loads was a tenth of a warm import.
    linetable: Box<[u8]>,
    positions: std::cell::OnceCell<Vec<Positions>>,
    pub argcount: usize,
    pub posonlyargcount: usize,
    pub kwonlyargcount: usize,
    pub flags: u32,
    pub stacksize: usize,
    pub name: PyRef,
    pub qualname: PyRef,
    /// `co_filename`: the one field that changes after creation, as in CPython, where
    /// `_imp._fix_co_filename` renames a loaded module's code objects in place (read it
    /// with [`Code::filename`]). Shared: a module's code objects hold one allocation.
    filename: std::cell::RefCell<Rc<str>>,
    pub firstlineno: i32,
    /// Number of free variables (the last slots of localsplus).
    pub nfree: usize,
    /// `argcount` when a call binds exactly that many positional arguments with nothing
    /// else to do (no `*args`, `**kwargs` or keyword-only parameters), else `usize::MAX`:
    /// one compare decides the loop's call fast path (`eval::call::push_simple_frame`).
    pub simple_argcount: usize,
    /// Inline caches of the attribute and global instructions (`eval/inline.rs`); each
    /// one's slot number + 1 is in its first CACHE unit of `units`. Made when the code
    /// first looks one up (`inline::slot`); `nslots` of them.
    pub inline: std::cell::OnceCell<Box<[crate::eval::inline::Slot]>>,
    /// How many inline-cache slots the code has.
    pub nslots: u16,
}

impl Code {
    /// `co_linetable`, encoded (`marshal.dumps` of a code object).
    pub fn linetable(&self) -> &[u8] {
        &self.linetable
    }

    /// `co_exceptiontable`, encoded: [`Code::exc_table`] counts code units, the table
    /// bytes (`marshal.dumps` of a code object, the `co_exceptiontable` attribute).
    pub fn exceptiontable(&self) -> Vec<u8> {
        let entries: Vec<_> = self
            .exc_table
            .iter()
            .map(|e| ExceptionTableEntry {
                start: e.start * 2,
                end: e.end * 2,
                target: e.target * 2,
                ..*e
            })
            .collect();
        pyrs_bytecode::exception_table::encode(&entries)
    }

    /// `co_filename`.
    pub fn filename(&self) -> std::cell::Ref<'_, Rc<str>> {
        self.filename.borrow()
    }

    /// `update_code_filenames` (`Python/import.c`, behind `_imp._fix_co_filename`): this
    /// code object, when it names `old`, and then each nested code object in its
    /// constants naming `old`, depth first, now name `new` (a nested one naming another
    /// file is left alone with everything below it).
    pub fn rename_filename(&self, old: &str, new: &str) {
        // A renamed object no longer names `old`, so each is visited once (shared ones
        // included); with `old == new` nothing would change.
        if old == new {
            return;
        }
        let new: Rc<str> = new.into();
        let mut stack: Vec<&Code> = vec![self];
        while let Some(c) = stack.pop() {
            if **c.filename.borrow() != *old {
                continue;
            }
            *c.filename.borrow_mut() = new.clone();
            for k in c.consts.iter().rev() {
                if let Value::Obj(o) = k {
                    if let Some(inner) = as_code(o) {
                        stack.push(inner);
                    }
                }
            }
        }
    }

    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// Source positions of each code unit (`co_positions()`), decoded once.
    pub fn positions(&self) -> &[Positions] {
        self.positions.get_or_init(|| {
            pyrs_bytecode::linetable::positions(&self.linetable, self.firstlineno, self.units.len())
        })
    }

    /// Line of the instruction at code unit `i`.
    pub fn line_at(&self, i: usize) -> Option<i32> {
        self.positions().get(i).and_then(|p| p.lineno)
    }

    pub fn name_str(&self) -> String {
        Value::Obj(self.name.clone())
            .as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default()
    }

    /// Whether localsplus slot `i` is a cell variable (made by MAKE_CELL).
    pub fn is_cell(&self, i: usize) -> bool {
        self.localsplus_kinds
            .get(i)
            .is_some_and(|k| k & CO_FAST_CELL != 0)
    }
}

/// The VM code object (a `code` instance) for a code object tree.
pub fn make_code(vm: &mut Vm, co: &CodeObject) -> PyRef {
    let consts = co.consts.iter().map(|c| constant(vm, c)).collect();
    // Names are nearly always valid UTF-8: intern them without building a String.
    let mut intern = |s: &pyrs_bytecode::PyStrValue| match s.as_str() {
        Some(t) => vm.intern(t),
        None => vm.intern(&s.to_string_lossy()),
    };
    let names = co.names.iter().map(&mut intern).collect();
    let localsplus_names = co.localsplusnames.iter().map(&mut intern).collect();
    let name = intern(&co.name);
    let qualname = intern(&co.qualname);
    let parts = CodeParts {
        code: &co.code,
        consts,
        names,
        localsplus_names,
        localsplus_kinds: co.localspluskinds.clone(),
        exceptiontable: &co.exceptiontable,
        linetable: co.linetable.clone().into_boxed_slice(),
        argcount: co.argcount,
        posonlyargcount: co.posonlyargcount,
        kwonlyargcount: co.kwonlyargcount,
        flags: co.flags,
        stacksize: co.stacksize,
        name,
        qualname,
        filename: co.filename.to_string_lossy().into(),
        firstlineno: co.firstlineno,
    };
    new_code(vm, parts)
}

/// What a code object is made from, as its fields are in a .pyc (names interned strs,
/// constants Python values): [`make_code`] fills it from the compiler's `CodeObject`,
/// the marshal reader (`import/unmarshal.rs`) straight from a .pyc's bytes.
pub struct CodeParts<'a> {
    /// `co_code`: the bytecode bytes (the VM keeps its own unit array).
    pub code: &'a [u8],
    pub consts: Vec<Value>,
    pub names: Vec<PyRef>,
    pub localsplus_names: Vec<PyRef>,
    pub localsplus_kinds: Vec<u8>,
    /// `co_exceptiontable`, encoded.
    pub exceptiontable: &'a [u8],
    pub linetable: Box<[u8]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub name: PyRef,
    pub qualname: PyRef,
    pub filename: Rc<str>,
    pub firstlineno: i32,
}

/// A `code` instance from its fields: the instruction units, inline-cache slots and
/// exception table (in code units) derived here.
pub fn new_code(vm: &mut Vm, p: CodeParts<'_>) -> PyRef {
    let mut units: Vec<(u8, u8)> = p.code.chunks_exact(2).map(|u| (u[0], u[1])).collect();
    let nslots = crate::eval::inline::assign_slots(&mut units);
    let exc_table = pyrs_bytecode::exception_table::decode(p.exceptiontable)
        .into_iter()
        .map(|e| ExceptionTableEntry {
            start: e.start / 2,
            end: e.end / 2,
            target: e.target / 2,
            ..e
        })
        .collect();
    let nfree = p
        .localsplus_kinds
        .iter()
        .filter(|&&k| k & CO_FAST_FREE != 0)
        .count();
    let code = Code {
        units,
        consts: p.consts,
        names: p.names,
        localsplus_names: p.localsplus_names,
        localsplus_kinds: p.localsplus_kinds,
        exc_table,
        linetable: p.linetable,
        positions: std::cell::OnceCell::new(),
        argcount: p.argcount as usize,
        posonlyargcount: p.posonlyargcount as usize,
        kwonlyargcount: p.kwonlyargcount as usize,
        flags: p.flags,
        stacksize: p.stacksize as usize,
        name: p.name,
        qualname: p.qualname,
        filename: std::cell::RefCell::new(p.filename),
        firstlineno: p.firstlineno,
        nfree,
        simple_argcount: if p.flags
            & (pyrs_bytecode::code::flags::CO_VARARGS | pyrs_bytecode::code::flags::CO_VARKEYWORDS)
            == 0
            && p.kwonlyargcount == 0
        {
            p.argcount as usize
        } else {
            usize::MAX
        },
        inline: std::cell::OnceCell::new(),
        nslots,
    };
    let ty = vm.types.code.clone();
    vm.alloc(&ty, Payload::Code(Box::new(code)))
}

/// A constant as a Python value.
pub fn constant(vm: &mut Vm, c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => crate::types::int::big_to_value(vm, b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { re, im } => vm.new_complex((*re, *im)),
        Constant::Str(s) => {
            // Name-like constants are interned as CPython does (`all_name_chars`).
            match s.as_str() {
                Some(t)
                    if t.len() < 40
                        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
                {
                    Value::Obj(vm.intern(t))
                }
                Some(t) => vm.new_pystr(crate::types::str::PyStr::from_str(t)),
                None => vm.new_pystr(crate::types::str::PyStr::from_code_points(s.code_points())),
            }
        }
        Constant::Bytes(b) => vm.new_bytes(b.clone()),
        Constant::Tuple(items) => {
            let v = items.iter().map(|c| constant(vm, c)).collect();
            vm.new_tuple(v)
        }
        Constant::FrozenSet(items) => {
            let v: Vec<Value> = items.iter().map(|c| constant(vm, c)).collect();
            crate::types::set::new_frozenset_unchecked(vm, v)
        }
        Constant::Ellipsis => Value::Obj(vm.ellipsis.clone()),
        Constant::Code(co) => Value::Obj(make_code(vm, co)),
    }
}

/// The `Code` inside a code object.
pub fn as_code(r: &PyRef) -> Option<&Code> {
    match &r.payload {
        Payload::Code(c) => Some(c),
        _ => None,
    }
}
