//! pyrs-tokenizer: Python 3.11 source text to tokens.
//!
//! The first stage of the pipeline (CPython: `Parser/tokenizer.c`, `Lib/tokenize.py`).
//!
//! ```
//! use pyrs_tokenizer::{tokenize, TokenKind};
//! let toks = tokenize("x = 1\n");
//! assert!(toks.error.is_none());
//! assert_eq!(toks.tokens[0].kind, TokenKind::Name);
//! ```
//!
//! Entry points: [`decode_source`] (bytes → text, PEP 263 / BOM), [`tokenize`] (text →
//! tokens, as the parser needs them), [`dump_tokens`] (the `python3 -m tokenize -e` text)
//! and [`LineIndex`] (offsets → lines and columns). See `docs/internals/tokenizer.md`.

mod chars;
mod codec_tables;
mod dump;
mod encoding;
mod error;
mod indent;
mod lexer;
mod line_index;
mod numbers;
mod pytokenize;
mod strings;
mod token;

#[cfg(test)]
mod tests;

pub use dump::{dump_tokens, DumpOutput};
pub use encoding::{decode_source, decode_source_file, DecodedSource};
pub use error::{SyntaxError, SyntaxErrorClass};
pub use lexer::{tokenize, Tokenized};
pub use line_index::LineIndex;
pub use token::{Token, TokenKind};
