//! pyrs-compiler: the 3.11 AST to CPython 3.11 code objects (CPython: `Python/future.c`,
//! `Python/ast_opt.c`, `Python/symtable.c`, `Python/compile.c`).
//!
//! ```
//! let m = pyrs_parser::parse_module("x = 1\n").unwrap();
//! let code = pyrs_compiler::compile_module(&m, "<string>", 0).unwrap();
//! assert_eq!(code.name.as_str(), Some("<module>"));
//! ```
//!
//! Entry points: [`compile_module`] (AST to code object), [`check_script`] (what
//! `python3 FILE` reports before running; [`check_script_warnings`] and
//! [`render_warnings`] add the compile-time SyntaxWarnings), [`dis_file`] and
//! [`pyc_file`] (the `-X dump` stages). Pipeline: `future.rs` → `symtable.rs` → `codegen/` → `peephole.rs` +
//! `flowgraph.rs` → `assemble.rs`. See `docs/internals/compiler.md`.

mod assemble;
mod codegen;
pub mod errors;
mod flowgraph;
mod fold;
pub mod future;
mod fxhash;
mod index_table;
mod ops;
mod peephole;
mod report;
pub mod symtable;
mod unparse;

#[cfg(test)]
mod tests;

pub use errors::{CompileError, SyntaxWarning};
use pyrs_ast::Mod;
pub use pyrs_bytecode::CodeObject;
use pyrs_bytecode::PyStrValue;
pub use report::render_error;

/// Nesting depth (statements + expressions) past which compilation fails with CPython's
/// RecursionError, as CPython's compiler does near its C recursion limit.
const MAX_DEPTH: usize = 3000;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs one level of a recursive pass: grows the stack when needed and fails with
/// `CompileError::Recursion` past [`MAX_DEPTH`].
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T, CompileError>) -> Result<T, CompileError> {
    let d = DEPTH.with(|c| {
        let d = c.get() + 1;
        c.set(d);
        d
    });
    let r = if d > MAX_DEPTH {
        Err(CompileError::Recursion)
    } else {
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, f)
    };
    DEPTH.with(|c| c.set(c.get() - 1));
    r
}

/// The AST's str as a code-object str: both are `pyrs_text::StrValue`.
pub(crate) fn str_value(s: &pyrs_ast::StrValue) -> PyStrValue {
    s.clone()
}

/// Compiles a module AST (`compile(source, filename, 'exec')` with `optimize` 0, 1 or 2).
pub fn compile_module(m: &Mod, filename: &str, optimize: u32) -> Result<CodeObject, CompileError> {
    compile_module_warnings(m, filename, optimize).map(|(code, _)| code)
}

/// [`compile_module`], with the SyntaxWarnings the compiler raised, in CPython's order.
pub fn compile_module_warnings(
    m: &Mod,
    filename: &str,
    optimize: u32,
) -> Result<(CodeObject, Vec<SyntaxWarning>), CompileError> {
    let features = future::check_future(m).map_err(CompileError::Syntax)?;
    let future_annotations = features & future::CO_FUTURE_ANNOTATIONS != 0;
    let st = symtable::build(m, future_annotations)?;
    let mut c = codegen::Compiler {
        st: &st,
        filename: filename.to_string(),
        optimize,
        future_flags: features,
        future_annotations,
        units: Vec::new(),
        interactive: false,
        warnings: Vec::new(),
    };
    let code = c.compile_module(m)?;
    Ok((code, c.warnings))
}

/// `python3 FILE`'s checks before running: parse, then compile. `Err(report)` is the text
/// CPython prints on stderr.
pub fn check_script(bytes: &[u8], filename: &str) -> Result<CodeObject, String> {
    check_script_warnings(bytes, filename).map(|(code, _)| code)
}

/// [`check_script`], with the compile-time SyntaxWarnings (render them with
/// [`render_warnings`]).
pub fn check_script_warnings(
    bytes: &[u8],
    filename: &str,
) -> Result<(CodeObject, Vec<SyntaxWarning>), String> {
    let m = pyrs_parser::check_script(bytes, filename)?;
    compile_module_warnings(&m, filename, 0).map_err(|e| render_error(&e, bytes, filename))
}

/// The stderr text of SyntaxWarnings under the default warning filters, as the
/// `warnings` module shows them (`formatwarning`): `FILE:LINE: SyntaxWarning: MSG`, then
/// the source line (`linecache.getline`) stripped and indented by two spaces when the
/// line exists. The compiler passes no registry, so repeats are all shown.
pub fn render_warnings(warnings: &[SyntaxWarning], bytes: &[u8], filename: &str) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    let source = match pyrs_tokenizer::decode_source(bytes) {
        Ok(d) => d.text,
        Err(_) => String::new(),
    };
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut out = String::new();
    for w in warnings {
        out.push_str(&format!(
            "{filename}:{}: SyntaxWarning: {}\n",
            w.lineno, w.msg
        ));
        if let Some(line) = (w.lineno as usize)
            .checked_sub(1)
            .and_then(|i| lines.get(i))
        {
            out.push_str(&format!("  {}\n", line.trim()));
        }
    }
    out
}

/// `pyrs -X dump=dis FILE`: the text of `python3 -m dis FILE` (stdout, stderr, status).
pub fn dis_file(bytes: &[u8], filename: &str) -> (String, String, i32) {
    dis_file_optimized(bytes, filename, 0)
}

/// [`dis_file`] under `-O` (`optimize` 1) or `-OO` (2): `python3 -O -m dis FILE`.
pub fn dis_file_optimized(bytes: &[u8], filename: &str, optimize: u32) -> (String, String, i32) {
    match compile_bytes_optimized(bytes, filename, optimize) {
        Ok(code) => (pyrs_bytecode::dis::dis(&code), String::new(), 0),
        Err(report) => (String::new(), report, 1),
    }
}

/// `pyrs -X dump=pyc FILE`: the bytes of the timestamp-based .pyc for FILE.
pub fn pyc_file(bytes: &[u8], filename: &str, mtime: u32) -> Result<Vec<u8>, String> {
    let code = compile_bytes(bytes, filename)?;
    let header = pyrs_marshal::pyc::PycHeader {
        validation: pyrs_marshal::pyc::Validation::Timestamp {
            mtime,
            source_size: bytes.len() as u32,
        },
    };
    Ok(pyrs_marshal::pyc::write_pyc(&header, &code))
}

/// Parses (as `compile()` reads bytes) and compiles; `Err` is the error report.
pub fn compile_bytes(bytes: &[u8], filename: &str) -> Result<CodeObject, String> {
    compile_bytes_optimized(bytes, filename, 0)
}

/// [`compile_bytes`] at an optimization level (`compile(..., optimize=N)`: 0, 1 = `-O`,
/// 2 = `-OO`).
pub fn compile_bytes_optimized(
    bytes: &[u8],
    filename: &str,
    optimize: u32,
) -> Result<CodeObject, String> {
    let m = match pyrs_parser::parse_module_bytes(bytes) {
        Ok(m) => m,
        Err(pyrs_parser::ParseError::Syntax(e)) => {
            let source = String::from_utf8_lossy(bytes).into_owned();
            return Err(pyrs_parser::render_syntax_error(&e, filename, &source));
        }
        Err(pyrs_parser::ParseError::MemoryError) => return Err("MemoryError\n".into()),
    };
    compile_module(&m, filename, optimize).map_err(|e| render_error(&e, bytes, filename))
}
