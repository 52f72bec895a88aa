//! pyrs-ast: the Python 3.11 abstract syntax tree (CPython: `Parser/Python.asdl`,
//! `Python/Python-ast.c`) and its `ast.dump` text.
//!
//! ```
//! use pyrs_ast::{dump_mod, Mod};
//! let m = Mod::Module { body: vec![], type_ignores: vec![] };
//! assert_eq!(dump_mod(&m, true), "Module(body=[], type_ignores=[])");
//! ```

mod constant;
mod dump;
mod nodes;
pub mod repr;

pub use constant::{Constant, Int, StrValue};
pub use dump::{dump_expr, dump_mod, dump_mod_with_depth};
pub use nodes::*;
pub use pyrs_text::is_printable;
