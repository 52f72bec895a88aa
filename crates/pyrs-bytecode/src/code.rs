//! Code objects and their constants: every field of a CPython 3.11 code object, and the
//! views CPython derives from them (CPython: `Objects/codeobject.c`, `Include/cpython/code.h`).

use crate::PyStrValue;
use num_bigint::BigInt;

/// `co_localspluskinds` bit: an argument (not a plain local).
pub const CO_FAST_ARG: u8 = 0x02 | 0x04 | 0x08;
/// A positional argument.
pub const CO_FAST_ARG_POS: u8 = 0x02;
/// A keyword argument.
pub const CO_FAST_ARG_KW: u8 = 0x04;
/// `*args` or `**kwargs`.
pub const CO_FAST_ARG_VAR: u8 = 0x08;
/// Hidden local (unused by 3.11's compiler).
pub const CO_FAST_HIDDEN: u8 = 0x10;
/// A local variable slot.
pub const CO_FAST_LOCAL: u8 = 0x20;
/// A cell variable (a local captured by an inner scope).
pub const CO_FAST_CELL: u8 = 0x40;
/// A free variable (a cell received from an outer scope).
pub const CO_FAST_FREE: u8 = 0x80;

/// `co_flags` bits (`Include/cpython/code.h`).
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x0001;
    pub const CO_NEWLOCALS: u32 = 0x0002;
    pub const CO_VARARGS: u32 = 0x0004;
    pub const CO_VARKEYWORDS: u32 = 0x0008;
    pub const CO_NESTED: u32 = 0x0010;
    pub const CO_GENERATOR: u32 = 0x0020;
    pub const CO_NOFREE: u32 = 0x0040;
    pub const CO_COROUTINE: u32 = 0x0080;
    pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
    pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
}

/// A value in `co_consts`: the types the 3.11 compiler puts there (and marshal carries).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// An int that fits in `i64`.
    Int(i64),
    /// An int that does not fit in `i64` (invariant: never one that does).
    BigInt(BigInt),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(PyStrValue),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// Elements in the order marshal stored them (CPython's set iteration order).
    FrozenSet(Vec<Constant>),
    Ellipsis,
    Code(Box<CodeObject>),
}

impl Constant {
    /// An int constant, normalised to [`Constant::Int`] when it fits.
    pub fn int(value: BigInt) -> Constant {
        match i64::try_from(&value) {
            Ok(v) => Constant::Int(v),
            Err(_) => Constant::BigInt(value),
        }
    }

    /// A str constant.
    pub fn str(s: &str) -> Constant {
        Constant::Str(PyStrValue::new(s))
    }
}

/// A CPython 3.11 code object. Field order is marshal's.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// The code array: 2-byte units, caches zeroed (`co_code`, never quickened).
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    pub names: Vec<PyStrValue>,
    /// Names of the fast locals, cells and free variables, in slot order.
    pub localsplusnames: Vec<PyStrValue>,
    /// One `CO_FAST_*` byte per entry of `localsplusnames`.
    pub localspluskinds: Vec<u8>,
    pub filename: PyStrValue,
    pub name: PyStrValue,
    pub qualname: PyStrValue,
    pub firstlineno: i32,
    /// The 3.11 location table (see `linetable.rs`).
    pub linetable: Vec<u8>,
    /// The 3.11 exception table (see `exception_table.rs`).
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    fn names_with(&self, pred: impl Fn(u8) -> bool) -> Vec<PyStrValue> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, &k)| pred(k))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: the slots with `CO_FAST_LOCAL`.
    pub fn varnames(&self) -> Vec<PyStrValue> {
        self.names_with(|k| k & CO_FAST_LOCAL != 0)
    }

    /// `co_cellvars`: the slots with `CO_FAST_CELL` (an argument captured is both).
    pub fn cellvars(&self) -> Vec<PyStrValue> {
        self.names_with(|k| k & CO_FAST_CELL != 0)
    }

    /// `co_freevars`: the slots with `CO_FAST_FREE`.
    pub fn freevars(&self) -> Vec<PyStrValue> {
        self.names_with(|k| k & CO_FAST_FREE != 0)
    }

    /// `co_nlocals`: the number of `co_varnames`.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|&&k| k & CO_FAST_LOCAL != 0)
            .count()
    }

    /// `co_code` as code units.
    pub fn code_units(&self) -> impl Iterator<Item = crate::instruction::CodeUnit> + '_ {
        crate::instruction::code_units(&self.code)
    }

    /// `co_positions()`: one entry per code unit.
    pub fn positions(&self) -> Vec<crate::linetable::Positions> {
        crate::linetable::positions(&self.linetable, self.firstlineno, self.code.len() / 2)
    }

    /// The name of localsplus slot `i` (`_varname_from_oparg`).
    pub fn localsplus_name(&self, i: usize) -> Option<&PyStrValue> {
        self.localsplusnames.get(i)
    }
}
