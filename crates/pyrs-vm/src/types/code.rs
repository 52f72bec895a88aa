//! The methods of code objects that Python code calls (`dis`, `inspect`, coverage
//! tools): `co_lines()` and `co_positions()`. The code object itself is `code.rs` at the
//! crate root; its attributes (`co_name`, `co_linetable`, ...) are in `types/getset.rs`.
//! CPython: `code_linesiterator`, `code_positionsiterator` in `Objects/codeobject.c`.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[(&str, NativeFn)] = &[("co_lines", co_lines), ("co_positions", co_positions)];

fn this_code(vm: &mut Vm, args: &Args, name: &str) -> PyResult<PyRef> {
    args.check(vm, name, 1, 1)?;
    match args.pos[0].as_obj() {
        Some(o) if matches!(o.payload, Payload::Code(_)) => Ok(o.clone()),
        _ => {
            let t = vm.type_name(&args.pos[0]);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'code' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn opt_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |i| Value::Int(i as i64))
}

/// `co_lines()`: an iterator of `(start, end, line)` byte ranges, consecutive ranges of
/// one line merged (line None where an instruction has no line).
fn co_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this_code(vm, &args, "co_lines")?;
    let Payload::Code(c) = &o.payload else {
        return Err(vm.type_error("co_lines needs a code object"));
    };
    let ranges = pyrs_bytecode::linetable::lines(c.linetable(), c.firstlineno);
    let mut items = Vec::with_capacity(ranges.len());
    for (start, end, line) in ranges {
        let t = vm.new_tuple(vec![
            Value::Int(start as i64),
            Value::Int(end as i64),
            opt_int(line),
        ]);
        items.push(t);
    }
    let l = vm.new_list(items);
    vm.iter(&l)
}

/// `co_positions()`: an iterator of `(lineno, end_lineno, col, end_col)`, one per code
/// unit (caches included), None where unknown.
fn co_positions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this_code(vm, &args, "co_positions")?;
    let Payload::Code(c) = &o.payload else {
        return Err(vm.type_error("co_positions needs a code object"));
    };
    let ps: Vec<_> = c.positions().to_vec();
    let mut items = Vec::with_capacity(ps.len());
    for p in ps {
        let t = vm.new_tuple(vec![
            opt_int(p.lineno),
            opt_int(p.end_lineno),
            opt_int(p.col),
            opt_int(p.end_col),
        ]);
        items.push(t);
    }
    let l = vm.new_list(items);
    vm.iter(&l)
}
