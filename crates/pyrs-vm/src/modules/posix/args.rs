//! Argument parsing for `posix`'s functions: Argument Clinic's keyword rules
//! (`_PyArg_UnpackKeywords` in `Python/getargs.c`) and the converters posixmodule.c's
//! clinic input names (`int`, `fildes`, `dir_fd`, `bool`), with CPython's messages.

use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// `fname(names...)`: the first `maxpos` parameters may be given by position, the
/// first `required` must be given; the rest are keyword-only. Messages are
/// `_PyArg_UnpackKeywords`' (3.11), checked in this order: too many arguments in all,
/// too many positional ones, a keyword naming a positional already given or nothing,
/// a required one missing.
pub fn parse<const N: usize>(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    names: [&str; N],
    required: usize,
    maxpos: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let npos = args.pos.len();
    let total = npos + args.kw.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if total > N {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({total} given)",
            if npos == 0 { "keyword " } else { "" },
            s(N)
        )));
    }
    if npos > maxpos {
        let msg = if maxpos == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            format!(
                "{fname}() takes {} {maxpos} positional argument{} ({npos} given)",
                if required < maxpos {
                    "at most"
                } else {
                    "exactly"
                },
                s(maxpos)
            )
        };
        return Err(vm.type_error(msg));
    }
    for (i, v) in args.pos.into_iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kw {
        let key = crate::object::attr::name_of(&k);
        match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

/// A `METH_NOARGS` function: `posix.getpid() takes no arguments (1 given)`.
pub fn no_args(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("posix.{fname}() takes no keyword arguments")));
    }
    if !args.pos.is_empty() {
        let n = args.pos.len();
        return Err(vm.type_error(format!("posix.{fname}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// Positional-only parameters (`_PyArg_CheckPositional`): `read expected 2 arguments,
/// got 1`; a `METH_O` function (`min == max == 1`) says `posix.f() takes exactly one
/// argument (0 given)`.
pub fn positional(vm: &mut Vm, args: &Args, fname: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max && n != min {
        format!("{fname} expected {min} argument{}, got {n}", s(min))
    } else if n < min {
        format!(
            "{fname} expected at least {min} argument{}, got {n}",
            s(min)
        )
    } else if n > max {
        format!("{fname} expected at most {max} argument{}, got {n}", s(max))
    } else {
        return Ok(());
    };
    Err(vm.type_error(msg))
}

/// A `METH_O` function's single argument.
pub fn one(vm: &mut Vm, args: Args, fname: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("posix.{fname}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n != 1 {
        return Err(vm.type_error(format!(
            "posix.{fname}() takes exactly one argument ({n} given)"
        )));
    }
    Ok(args.pos.into_iter().next().unwrap_or(Value::None))
}

/// An integer argument (`__index__`), as a wide value; floats and other objects raise
/// `'float' object cannot be interpreted as an integer`.
pub fn int_wide(vm: &mut Vm, v: &Value) -> PyResult<i128> {
    match v {
        Value::Int(i) => Ok(*i as i128),
        Value::Bool(b) => Ok(*b as i128),
        Value::Obj(o) => {
            if let Payload::Int(b) = &o.payload {
                use num_traits::ToPrimitive;
                return Ok(b
                    .to_i128()
                    .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                        i128::MIN
                    } else {
                        i128::MAX
                    }));
            }
            vm.index_value(v, "'{}' object cannot be interpreted as an integer")
                .map(|i| i as i128)
        }
        _ => vm
            .index_value(v, "'{}' object cannot be interpreted as an integer")
            .map(|i| i as i128),
    }
}

/// A C `int` argument (`_PyLong_AsInt`).
pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = int_wide(vm, v)?;
    i32::try_from(i).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// A C `long` argument.
pub fn c_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = int_wide(vm, v)?;
    i64::try_from(i).map_err(|_| vm.overflow_error("Python int too large to convert to C long"))
}

/// A `Py_ssize_t` argument (`read(fd, length)`): OverflowError past its range.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = int_wide(vm, v)?;
    i64::try_from(i).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// A file descriptor (`_PyLong_FileDescriptor_Converter`'s int part).
pub fn fd(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    c_int(vm, v)
}

/// `dir_fd=None` or an int (`dir_fd_converter`); None is the current directory.
pub fn dir_fd(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i32>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Ok(Some(c_int(vm, &v)?)),
        Some(v) if matches!(v.payload(), Some(Payload::Int(_))) => Ok(Some(c_int(vm, &v)?)),
        Some(v) => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("argument should be integer or None, not {t}")))
        }
    }
}

/// A clinic `bool` parameter (`PyObject_IsTrue`), `default` when not given.
pub fn flag(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(&v),
    }
}

/// An empty vector with room for `n` bytes, or MemoryError when it cannot be had
/// (`os.read(fd, 2**62)` raises, as CPython's `PyBytes_FromStringAndSize` does). Reads
/// fill its spare capacity (`rustix::buffer::spare_capacity`), so a large request costs
/// only what arrives, as in CPython.
pub fn reserve(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v: Vec<u8> = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        let t = vm.types.memory_error.clone();
        return Err(vm.new_error(&t, ""));
    }
    Ok(v)
}
