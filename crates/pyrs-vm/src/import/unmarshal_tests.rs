//! Tests of `unmarshal.rs` (marshal read straight into VM objects) on code objects
//! python3 marshals: the same code objects as the `CodeObject` path (`make_code` of
//! `pyrs_marshal::loads_code`), `_fix_co_filename`'s renaming, references to a code
//! object's own bytes, and refusals.

use super::load_pyc_body;
use crate::code::{as_code, make_code};
use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use std::process::Command;

/// The marshal bytes python3 prints (hex) for `script`'s `data`; `None` without python3.
fn python_marshal(script: &str) -> Option<Vec<u8>> {
    let full =
        format!("import marshal, sys\n{script}\nsys.stdout.write(marshal.dumps(data).hex())\n");
    let out = Command::new("python3").arg("-c").arg(&full).output().ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hex = String::from_utf8(out.stdout).ok()?;
    Some(
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect(),
    )
}

const SOURCE: &str = r#"
"""Doc."""
import os
X = (1, -7, 2**70, -2**64, 1.5, 2j, 'text', 'name_like', b'\x00b', None, ..., True, 'caf\u00e9', '\U0001f600')
def f(a, b=2, *args, key=None, **kw):
    total = a * b
    for x in range(3):
        total += x if x % 2 else -x
    return [total, key, len(args), sorted(kw), x in {1, 2, 3}]
class C:
    attr = 1
    def method(self, w):
        def inner():
            return w
        return {k: self.v + k for k in range(w)}, inner
try:
    pass
except ValueError as e:
    raise
"#;

fn compiled(filename: &str, tail: &str) -> Option<Vec<u8>> {
    python_marshal(&format!(
        "data = compile({SOURCE:?}, {filename:?}, 'exec')\n{tail}"
    ))
}

/// A result that must not be an exception.
fn ok<T>(r: PyResult<T>) -> T {
    match r {
        Ok(v) => v,
        Err(_) => panic!("unexpected Python exception"),
    }
}

/// A load that must succeed.
fn load(vm: &mut Vm, data: &[u8], path: &str) -> PyRef {
    ok(load_pyc_body(vm, data, path))
}

fn text(vm: &mut Vm, r: &PyRef) -> String {
    ok(vm.repr(&Value::Obj(r.clone())))
}

/// The two code objects agree field by field (constants by repr, nested code objects
/// recursively).
fn assert_same(vm: &mut Vm, a: &PyRef, b: &PyRef) {
    let (ca, cb) = (as_code(a).unwrap(), as_code(b).unwrap());
    assert_eq!(ca.units, cb.units);
    assert_eq!(ca.localsplus_kinds, cb.localsplus_kinds);
    assert_eq!(*ca.filename(), *cb.filename());
    assert_eq!(ca.firstlineno, cb.firstlineno);
    assert_eq!(
        (
            ca.argcount,
            ca.posonlyargcount,
            ca.kwonlyargcount,
            ca.flags,
            ca.stacksize
        ),
        (
            cb.argcount,
            cb.posonlyargcount,
            cb.kwonlyargcount,
            cb.flags,
            cb.stacksize
        )
    );
    assert_eq!(ca.exc_table.len(), cb.exc_table.len());
    assert_eq!(ca.positions(), cb.positions());
    let (na, nb) = (ca.name.clone(), cb.name.clone());
    assert_eq!(text(vm, &na), text(vm, &nb));
    let (qa, qb) = (ca.qualname.clone(), cb.qualname.clone());
    assert_eq!(text(vm, &qa), text(vm, &qb));
    for (x, y) in ca
        .names
        .iter()
        .zip(&cb.names)
        .chain(ca.localsplus_names.iter().zip(&cb.localsplus_names))
    {
        // Names are the interned strs: the very same objects on both paths.
        assert!(x.is(y), "{} is not {}", text(vm, x), text(vm, y));
    }
    assert_eq!(ca.names.len(), cb.names.len());
    assert_eq!(ca.localsplus_names.len(), cb.localsplus_names.len());
    assert_eq!(ca.consts.len(), cb.consts.len());
    for (x, y) in ca.consts.clone().iter().zip(cb.consts.clone().iter()) {
        match (x, y) {
            (Value::Obj(p), Value::Obj(q)) if as_code(p).is_some() => assert_same(vm, p, q),
            _ => assert_eq!(ok(vm.repr(x)), ok(vm.repr(y))),
        }
    }
}

fn filenames(r: &PyRef, out: &mut Vec<String>) {
    let c = as_code(r).unwrap();
    out.push(c.filename().to_string());
    for k in &c.consts {
        if let Value::Obj(o) = k {
            if as_code(o).is_some() {
                filenames(o, out);
            }
        }
    }
}

#[test]
fn same_code_objects_as_the_value_path() {
    let Some(data) = compiled("/old/m.py", "") else {
        return;
    };
    let mut vm = Vm::new();
    let direct = load(&mut vm, &data, "/old/m.py");
    let tree = pyrs_marshal::loads_code(&data).unwrap();
    let converted = make_code(&mut vm, &tree);
    assert_same(&mut vm, &direct, &converted);
}

#[test]
fn renames_like_fix_co_filename() {
    // The class body names another file: CPython's update_code_filenames leaves it and
    // the code objects it holds (which still name /old/m.py) alone.
    let tail = "cs = list(data.co_consts)\n\
                i = [k for k, c in enumerate(cs) if hasattr(c, 'co_code')][1]\n\
                cs[i] = cs[i].replace(co_filename='/elsewhere.py')\n\
                data = data.replace(co_consts=tuple(cs))";
    let Some(data) = compiled("/old/m.py", tail) else {
        return;
    };
    let mut vm = Vm::new();
    let code = load(&mut vm, &data, "/new/m.py");
    let mut names = Vec::new();
    filenames(&code, &mut names);
    assert!(names.len() > 4);
    assert_eq!(
        names,
        [
            "/new/m.py",
            "/new/m.py",
            "/elsewhere.py",
            "/old/m.py",
            "/old/m.py",
            "/old/m.py"
        ]
    );
    // Already at its path: nothing changes.
    let code = load(&mut vm, &data, "/old/m.py");
    let mut names = Vec::new();
    filenames(&code, &mut names);
    assert!(names
        .iter()
        .all(|n| n == "/old/m.py" || n == "/elsewhere.py"));
}

#[test]
fn reference_to_a_code_objects_own_bytes() {
    // co_code is written with FLAG_REF; a constant referring to it is a TYPE_REF to the
    // bytes the reader handed over raw, made into an object when named.
    let Some(data) = compiled(
        "/m.py",
        "data = data.replace(co_consts=data.co_consts + (data.co_code,))",
    ) else {
        return;
    };
    assert!(data.windows(1).any(|w| w[0] == b'r'));
    let mut vm = Vm::new();
    let direct = load(&mut vm, &data, "/m.py");
    let tree = pyrs_marshal::loads_code(&data).unwrap();
    let converted = make_code(&mut vm, &tree);
    assert_same(&mut vm, &direct, &converted);
    let last = as_code(&direct).unwrap().consts.last().cloned().unwrap();
    let code_bytes: Vec<u8> = tree.code.clone();
    let expected = vm.new_bytes(code_bytes);
    assert_eq!(ok(vm.repr(&last)), ok(vm.repr(&expected)));
}

#[test]
fn refusals_raise() {
    let mut vm = Vm::new();
    let value_error = vm.types.value_error.clone();
    let eof_error = vm.types.eof_error.clone();
    // A list constant: CPython would load it; pyrs's code objects cannot hold it.
    if let Some(data) = compiled(
        "/m.py",
        "data = data.replace(co_consts=data.co_consts + ([1],))",
    ) {
        let e = load_pyc_body(&mut vm, &data, "/m.py").err().unwrap();
        assert!(vm.err_matches(&e, &value_error));
        // Every truncation is an exception, never a panic.
        for cut in (0..data.len()).step_by(7) {
            let e = load_pyc_body(&mut vm, &data[..cut], "/m.py").err().unwrap();
            assert!(vm.err_matches(&e, &eof_error) || vm.err_matches(&e, &value_error));
        }
    }
    // Not a code object at all.
    let e = load_pyc_body(&mut vm, b"\xe9\x01\x00\x00\x00", "/m.py")
        .err()
        .unwrap();
    assert!(vm.err_matches(&e, &value_error));
    // A reference to nothing.
    let e = load_pyc_body(&mut vm, b"r\x00\x00\x00\x00", "/m.py")
        .err()
        .unwrap();
    assert!(vm.err_matches(&e, &value_error));
}
