//! `posix._path_normpath(path)`, which `posixpath.normpath` uses when it exists
//! (CPython: `Python/fileutils.c`'s `_Py_normpath_and_size`, POSIX branch): one pass
//! over the code points, copying each kept one left within the same buffer.

use crate::object::Value;
use crate::types::function::Args;
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};

const SEP: u32 = '/' as u32;
const DOT: u32 = '.' as u32;

/// The normal form of `path` (empty stays empty; `posixpath` turns it into `.`).
/// Invariants of the pass: `out[..p2]` is the result so far, `min_p2` the index the
/// result never shrinks below (past the root), `last` the last code point kept.
pub(crate) fn normpath(path: &[u32]) -> Vec<u32> {
    let n = path.len();
    let is_sep = |i: usize| i < n && path[i] == SEP;
    let sep_or_end = |i: usize| i >= n || path[i] == SEP;
    let mut out: Vec<u32> = Vec::with_capacity(n);
    let mut p1 = 0;
    let mut min_p2 = 0;
    let mut last = 0u32;
    if n >= 2 && path[0] == DOT && is_sep(1) {
        // Skip a leading "./" and the separators after it.
        p1 = 2;
        while is_sep(p1) {
            p1 += 1;
        }
        last = SEP;
    } else if is_sep(0) && is_sep(1) && !is_sep(2) {
        // Exactly two leading separators are kept (POSIX leaves `//` to the system).
        out.extend([SEP, SEP]);
        p1 = 2;
        min_p2 = 1;
        last = SEP;
    }
    while p1 < n {
        let c = path[p1];
        if last == SEP {
            if c == DOT {
                let sep_at_1 = sep_or_end(p1 + 1);
                let sep_at_2 = !sep_at_1 && sep_or_end(p1 + 2);
                if sep_at_2 && path[p1 + 1] == DOT {
                    // "..": drop the previous segment unless there is none, it is
                    // "..", or the root would be crossed.
                    let p2 = out.len();
                    let mut p3 = p2;
                    while p3 != min_p2 {
                        p3 -= 1;
                        if out[p3] != SEP {
                            break;
                        }
                    }
                    while p3 != min_p2 && out[p3 - 1] != SEP {
                        p3 -= 1;
                    }
                    let prev_dotdot = out.get(p3) == Some(&DOT)
                        && out.get(p3 + 1) == Some(&DOT)
                        && out.get(p3 + 2) == Some(&SEP);
                    if p2 == min_p2 || prev_dotdot {
                        out.extend([DOT, DOT]);
                        last = DOT;
                    } else if out.get(p3) == Some(&SEP) {
                        out.truncate(p3 + 1);
                    } else {
                        out.truncate(p3);
                    }
                    p1 += 1;
                } else if !sep_at_1 {
                    out.push(c);
                    last = c;
                }
            } else if c != SEP {
                out.push(c);
                last = c;
            }
        } else {
            out.push(c);
            last = c;
        }
        p1 += 1;
    }
    // Trailing separators go, but not down to (or past) the root.
    if out.len() != min_p2 {
        while out.len() - 1 != min_p2 && out.last() == Some(&SEP) {
            out.pop();
        }
    }
    out
}

/// `_path_normpath(path)`: a str in, a str out.
pub fn path_normpath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [p] = super::args::parse(vm, a, "_path_normpath", ["path"], 1, 1)?;
    let p = p.unwrap_or(Value::None);
    let Some(s) = p.as_str() else {
        let t = vm.type_name(&p);
        return Err(vm.type_error(format!("expected 'str', not '{t}'")));
    };
    let r = normpath(&s.to_vec());
    Ok(vm.new_pystr(PyStr::from_vec(r)))
}
