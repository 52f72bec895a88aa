//! pyrs-bytecode: CPython 3.11's bytecode formats (CPython: `Lib/opcode.py`,
//! `Objects/codeobject.c`, `Lib/dis.py`): the opcode table, code units with `EXTENDED_ARG`
//! and inline caches, code objects and their constants, the location and exception tables,
//! and the `dis` text.
//!
//! ```
//! use pyrs_bytecode::{instruction, opcode};
//! let mut code = Vec::new();
//! instruction::emit(&mut code, opcode::by_name("LOAD_CONST").unwrap(), 300);
//! let ins: Vec<_> = instruction::instructions(&code).collect();
//! assert_eq!(ins[1].arg, Some(300)); // EXTENDED_ARG 1, then LOAD_CONST 300
//! ```
//!
//! Entry points: [`opcode::OPCODES`], [`instruction::instructions`], [`code::CodeObject`],
//! [`linetable::decode`], [`exception_table::decode`], [`dis::dis`].

pub mod code;
pub mod complex;
pub mod dis;
pub mod exception_table;
pub mod instruction;
pub mod linetable;
pub mod opcode;
pub mod opnum;
pub mod repr;

pub use code::{CodeObject, Constant};
/// The `str` value of constants and names (shared with the AST: `pyrs_text::StrValue`).
pub use pyrs_text::StrValue as PyStrValue;

#[cfg(test)]
mod tests;
