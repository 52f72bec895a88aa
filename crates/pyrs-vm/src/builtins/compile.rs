//! The builtins `compile`, `exec` and `eval` (CPython: `builtin_compile_impl`,
//! `builtin_exec_impl`, `builtin_eval_impl` in `Python/bltinmodule.c`). Parsing and
//! compiling go through the interpreter's compile hook (the VM does not depend on the
//! compiler); running goes through [`crate::eval::call::run_code_in`].

use crate::import::{CompileMode, IsNone};
use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// `PyCF_ONLY_AST`: return the AST instead of a code object.
const PYCF_ONLY_AST: i64 = 0x400;
/// Every flag `compile()` accepts (`PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK`
/// of 3.11): the `__future__` flags, `CO_NESTED` and the `PyCF_*` bits.
const ACCEPTED_FLAGS: i64 =
    0x1fe_0000 | 0x0010 | 0x0100 | 0x0200 | PYCF_ONLY_AST | 0x1000 | 0x2000 | 0x4000;

/// Binds a builtin's arguments by position or keyword name (`names[i]` is parameter
/// `i`; the first `positional_only` cannot be passed by keyword).
fn bind(
    vm: &mut Vm,
    fname: &str,
    mut args: Args,
    names: &[&str],
    positional_only: usize,
    min: usize,
) -> PyResult<Vec<Option<Value>>> {
    let n = args.pos.len();
    if n > names.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} arguments ({n} given)",
            names.len()
        )));
    }
    let mut out: Vec<Option<Value>> = args.pos.drain(..).map(Some).collect();
    out.resize(names.len(), None);
    for (i, name) in names.iter().enumerate().skip(positional_only) {
        if let Some(v) = args.take_kw(name) {
            if out[i].is_some() {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            out[i] = Some(v);
        }
    }
    if let Some((k, _)) = args.kw.first() {
        let k = crate::object::attr::pystr(k).as_rust().into_owned();
        return Err(
            if positional_only > 0 && names[..positional_only].contains(&k.as_str()) {
                vm.type_error(format!(
                "{fname}() got some positional-only arguments passed as keyword arguments: '{k}'"
            ))
            } else {
                vm.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                ))
            },
        );
    }
    if let Some(i) = (0..min).find(|&i| out[i].is_none()) {
        return Err(vm.type_error(format!(
            "{fname}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        )));
    }
    Ok(out)
}

/// An `int` argument (`bool` included), CPython's message otherwise.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) if i32::try_from(*i).is_ok() => Ok(*i),
        Value::Int(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// The source bytes of a `str` (UTF-8, strict: lone surrogates raise UnicodeEncodeError
/// as in CPython), `bytes` or `bytearray` (`true` when it was a `str`), or `None` for any
/// other object.
fn source_bytes(vm: &mut Vm, v: &Value) -> PyResult<Option<(Vec<u8>, bool)>> {
    Ok(match v.payload() {
        Some(Payload::Str(s)) => Some((
            crate::types::codecs::encode(vm, s, "utf-8", "strict")?,
            true,
        )),
        Some(Payload::Bytes(b)) => Some((b.to_vec(), false)),
        Some(Payload::ByteArray(b)) => Some((b.borrow().clone(), false)),
        _ => None,
    })
}

/// Compiles `bytes` through the hook and wraps the result as a code object value.
fn compile_to_value(
    vm: &mut Vm,
    bytes: &[u8],
    filename: &str,
    optimize: u32,
    mode: CompileMode,
) -> PyResult<PyRef> {
    if bytes.contains(&0) {
        // Checked before parsing, with no position (CPython's `_Py_SourceAsString`).
        let t = vm
            .types
            .exception_names
            .iter()
            .find(|(n, _)| n == "SyntaxError")
            .map(|(_, t)| t.clone());
        let msg = "source code string cannot contain null bytes";
        return Err(match t {
            Some(t) => vm.new_error(&t, msg),
            None => vm.system_error(msg),
        });
    }
    let code = crate::import::get_code::compile_mode(vm, bytes, filename, optimize, mode)?;
    Ok(crate::code::make_code(vm, &code))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
/// `dont_inherit` has no effect: pyrs code never carries `__future__` flags to inherit
/// but `annotations`, which the compiler reads from the source itself.
pub fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let a = bind(vm, "compile", args, &names, 0, 3)?;
    let flags = match &a[3] {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    if let Some(v) = &a[4] {
        vm.truthy(v)?;
    }
    let optimize = match &a[5] {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    if flags & !ACCEPTED_FLAGS != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let optimize = if optimize == -1 {
        vm.interp.import.config.optimize
    } else {
        optimize as u32
    };
    let filename = match a[1].as_ref().and_then(|v| v.payload()) {
        Some(Payload::Str(s)) => s.as_rust().into_owned(),
        Some(Payload::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        _ => {
            let v = a[1].clone().unwrap_or(Value::None);
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(&v)
            )));
        }
    };
    let mode_v = a[2].clone().unwrap_or(Value::None);
    let mode = match mode_v.payload() {
        Some(Payload::Str(s)) => s.as_rust().into_owned(),
        _ => {
            return Err(vm.type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                vm.type_name(&mode_v)
            )))
        }
    };
    let source = a[0].clone().unwrap_or(Value::None);
    let Some((bytes, str_source)) = source_bytes(vm, &source)? else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let mode = match mode.as_str() {
        "exec" => CompileMode::Exec { str_source },
        "eval" => CompileMode::Eval { str_source },
        "single" => CompileMode::Single { str_source },
        "func_type" if flags & PYCF_ONLY_AST != 0 => {
            return Err(vm.not_implemented_error(
                "compile(): PyCF_ONLY_AST needs the ast module, which pyrs does not have yet",
            ))
        }
        _ if flags & PYCF_ONLY_AST != 0 => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            )
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if flags & PYCF_ONLY_AST != 0 {
        // The flag cannot be honoured without AST objects: saying so beats returning a
        // code object the caller did not ask for.
        return Err(vm.not_implemented_error(
            "compile(): PyCF_ONLY_AST needs the ast module, which pyrs does not have yet",
        ));
    }
    let code = compile_to_value(vm, &bytes, &filename, optimize, mode)?;
    Ok(Value::Obj(code))
}

/// Whether `v` is a mapping for `exec`/`eval` (CPython's `PyMapping_Check`: the type
/// has `__getitem__`).
fn is_mapping(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    // The builtin sequences subscript through a slot the type may not expose by name.
    if matches!(
        v.payload(),
        Some(
            Payload::Dict(_)
                | Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::Range(_)
        )
    ) {
        return Ok(true);
    }
    let ty = Value::Obj(vm.type_of(v).clone());
    let n = vm.intern("__getitem__");
    Ok(crate::object::attr::getattr_opt(vm, &ty, &n)?.is_some())
}

/// The calling frame's globals and locals (`globals()` / `locals()` as the caller sees them).
fn caller_namespaces(vm: &mut Vm) -> PyResult<(PyRef, Value)> {
    let g = crate::builtins::attrs::globals(vm, Args::default())?;
    let l = crate::builtins::attrs::locals(vm, Args::default())?;
    match g {
        Value::Obj(g) => Ok((g, l)),
        _ => Err(vm.system_error("frame globals are not a dict")),
    }
}

/// Inserts `__builtins__` into a globals dict that lacks it (as CPython's exec/eval).
fn ensure_builtins(vm: &mut Vm, globals: &PyRef) {
    let k = vm.intern("__builtins__");
    let h = crate::object::attr::hash_of(vm, &k);
    if crate::types::dict::dict_get_str(globals, crate::object::attr::pystr(&k), h).is_none() {
        let b = Value::Obj(vm.builtins.clone());
        crate::types::dict::dict_set_str(vm, globals, &k, b);
    }
}

/// The free-variable check shared by exec and eval.
fn check_no_free(vm: &mut Vm, code: &PyRef, fname: &str) -> PyResult<()> {
    if crate::code::as_code(code).is_some_and(|c| c.nfree > 0) {
        return Err(vm.type_error(format!(
            "code object passed to {fname}() may not contain free variables"
        )));
    }
    Ok(())
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        "exec",
        args,
        &["source", "globals", "locals", "closure"],
        3,
        1,
    )?;
    let source = a[0].clone().unwrap_or(Value::None);
    let globals = a[1].clone().unwrap_or(Value::None);
    let locals = a[2].clone().unwrap_or(Value::None);
    let (globals, locals) = if globals.is_none() {
        let (g, l) = caller_namespaces(vm)?;
        (Value::Obj(g), if locals.is_none() { l } else { locals })
    } else if locals.is_none() {
        (globals.clone(), globals)
    } else {
        (globals, locals)
    };
    let g = match &globals {
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => o.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "exec() globals must be a dict, not {}",
                vm.type_name(&globals)
            )))
        }
    };
    if !is_mapping(vm, &locals)? {
        return Err(vm.type_error(format!(
            "locals must be a mapping or None, not {}",
            vm.type_name(&locals)
        )));
    }
    let Value::Obj(l) = locals else {
        return Err(vm.type_error("locals must be a mapping or None"));
    };
    ensure_builtins(vm, &g);
    let closure = a[3].clone().unwrap_or(Value::None);
    let code = match &source {
        Value::Obj(o) if matches!(o.payload, Payload::Code(_)) => {
            if !closure.is_none() {
                return Err(vm.not_implemented_error(
                    "exec(): the closure argument is not supported by pyrs yet",
                ));
            }
            check_no_free(vm, o, "exec")?;
            o.clone()
        }
        _ => {
            if !closure.is_none() {
                return Err(vm.type_error("closure can only be used when source is a code object"));
            }
            let Some((bytes, str_source)) = source_bytes(vm, &source)? else {
                return Err(vm.type_error(format!(
                    "exec() arg 1 must be a string, bytes or code object"
                )));
            };
            let opt = vm.interp.import.config.optimize;
            compile_to_value(
                vm,
                &bytes,
                "<string>",
                opt,
                CompileMode::Exec { str_source },
            )?
        }
    };
    crate::eval::call::run_code_in(vm, &code, &g, &l)?;
    Ok(Value::None)
}

/// `eval(source, globals=None, locals=None, /)`.
pub fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "eval")?;
    let n = args.pos.len();
    if !(1..=3).contains(&n) {
        return Err(vm.type_error(if n == 0 {
            "eval expected at least 1 argument, got 0".to_string()
        } else {
            format!("eval expected at most 3 arguments, got {n}")
        }));
    }
    let source = args.pos[0].clone();
    let globals = args.pos.get(1).cloned().unwrap_or(Value::None);
    let locals = args.pos.get(2).cloned().unwrap_or(Value::None);
    if !locals.is_none() && !is_mapping(vm, &locals)? {
        return Err(vm.type_error("locals must be a mapping"));
    }
    let is_dict = |v: &Value| matches!(v.payload(), Some(Payload::Dict(_)));
    if !globals.is_none() && !is_dict(&globals) {
        let msg = if is_mapping(vm, &globals)? {
            "globals must be a real dict; try eval(expr, {}, mapping)"
        } else {
            "globals must be a dict"
        };
        return Err(vm.type_error(msg));
    }
    let (g, l) = if globals.is_none() {
        let (g, l) = caller_namespaces(vm)?;
        (g, if locals.is_none() { l } else { locals })
    } else {
        let Value::Obj(g) = globals else {
            return Err(vm.type_error("globals must be a dict"));
        };
        let l = if locals.is_none() {
            Value::Obj(g.clone())
        } else {
            locals
        };
        (g, l)
    };
    let Value::Obj(l) = l else {
        return Err(vm.type_error("locals must be a mapping"));
    };
    ensure_builtins(vm, &g);
    let code = match &source {
        Value::Obj(o) if matches!(o.payload, Payload::Code(_)) => {
            check_no_free(vm, o, "eval")?;
            o.clone()
        }
        _ => {
            let Some((mut bytes, str_source)) = source_bytes(vm, &source)? else {
                return Err(vm.type_error("eval() arg 1 must be a string, bytes or code object"));
            };
            // `eval` (not `compile`) strips leading spaces and tabs.
            let skip = bytes
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
            bytes.drain(..skip);
            let opt = vm.interp.import.config.optimize;
            compile_to_value(
                vm,
                &bytes,
                "<string>",
                opt,
                CompileMode::Eval { str_source },
            )?
        }
    };
    crate::eval::call::run_code_in(vm, &code, &g, &l)
}
