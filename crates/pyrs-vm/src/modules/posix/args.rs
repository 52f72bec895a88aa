//! Argument parsing for `posix`'s functions: Argument Clinic's keyword rules
//! (`_PyArg_UnpackKeywords` in `Python/getargs.c`) and the converters posixmodule.c's
//! clinic input names (`int`, `fildes`, `dir_fd`, `bool`), with CPython's messages.

use crate::object::{Payload, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// `fname(names...)`: the first `maxpos` parameters may be given by position, the
/// first `required` must be given; the rest are keyword-only. Messages are
/// `_PyArg_UnpackKeywords`' (3.11), checked in this order: too many arguments in all,
/// too many positional ones, a required one missing, then a keyword left over (naming a
/// positional already given, or nothing).
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
    // Each remaining parameter takes its keyword; a required one missing is reported
    // before any unknown keyword, as `_PyArg_UnpackKeywords` walks the parameters.
    let mut kw = args.kw;
    for i in npos..N {
        if let Some(j) = kw
            .iter()
            .position(|(k, _)| crate::object::attr::name_of(k) == names[i])
        {
            out[i] = Some(kw.remove(j).1);
        } else if i < required {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    if let Some((k, _)) = kw.first() {
        let key = crate::object::attr::name_of(k);
        return Err(vm.type_error(match names.iter().position(|n| *n == key) {
            Some(i) => format!(
                "argument for {fname}() given by name ('{key}') and position ({})",
                i + 1
            ),
            None => format!("'{key}' is an invalid keyword argument for {fname}()"),
        }));
    }
    Ok(out)
}

/// The name a `METH_NOARGS`/`METH_O` error shows: `posix.getpid`, or `fname` itself
/// when it names its module (`pwd.getpwall`).
fn qualified(fname: &str) -> String {
    if fname.contains('.') {
        fname.to_string()
    } else {
        format!("posix.{fname}")
    }
}

/// A `METH_NOARGS` function: `posix.getpid() takes no arguments (1 given)`.
pub fn no_args(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<()> {
    let q = qualified(fname);
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{q}() takes no keyword arguments")));
    }
    if !args.pos.is_empty() {
        let n = args.pos.len();
        return Err(vm.type_error(format!("{q}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// A `METH_O` function: `posix.umask() takes exactly one argument (0 given)`.
pub fn meth_o(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<()> {
    let q = qualified(fname);
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{q}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n != 1 {
        return Err(vm.type_error(format!("{q}() takes exactly one argument ({n} given)")));
    }
    Ok(())
}

/// A `PyArg_ParseTuple` function of `n` arguments (`kill`, `waitpid`: their `pid_t`
/// converter keeps clinic from `_PyArg_CheckPositional`).
pub fn tuple_exact(vm: &mut Vm, args: &Args, fname: &str, n: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        let q = qualified(fname);
        return Err(vm.type_error(format!("{q}() takes no keyword arguments")));
    }
    let k = args.pos.len();
    if k != n {
        return Err(vm.type_error(format!(
            "{fname}() takes exactly {n} argument{} ({k} given)",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Positional-only parameters (`_PyArg_CheckPositional`): `read expected 2 arguments,
/// got 1`.
pub fn positional(vm: &mut Vm, args: &Args, fname: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        let q = qualified(fname);
        return Err(vm.type_error(format!("{q}() takes no keyword arguments")));
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

/// A `pid_t` argument (`_Py_PARSE_PID`, PyArg's "i" format: its own overflow messages).
pub fn pid(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = int_wide(vm, v)?;
    match i32::try_from(i) {
        Ok(p) => Ok(p),
        Err(_) if i < 0 => Err(vm.overflow_error("signed integer is less than minimum")),
        Err(_) => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
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
