//! The methods of code objects that Python code calls (`dis`, `inspect`, coverage
//! tools): `co_lines()`, `co_positions()` and `replace()`. The code object itself is
//! `code.rs` at the crate root; its attributes (`co_name`, `co_linetable`, ...) are in
//! `types/getset.rs`. CPython: `code_linesiterator`, `code_positionsiterator`,
//! `code_replace_impl` in `Objects/codeobject.c`.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[(&str, NativeFn)] = &[
    ("co_lines", co_lines),
    ("co_positions", co_positions),
    ("replace", replace),
    ("_varname_from_oparg", varname_from_oparg),
];

/// `co_lnotab` (3.11's `decode_linetable`): (byte delta, line delta) pairs at each line
/// change, deltas split to fit a byte (255 bytes, lines 127 up or -128 down at a time).
pub fn lnotab(c: &crate::code::Code) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut code_offset, mut line) = (0i64, c.firstlineno as i64);
    for (start, _end, l) in pyrs_bytecode::linetable::lines(c.linetable(), c.firstlineno) {
        let Some(l) = l else { continue };
        let (start, l) = (start as i64, l as i64);
        if l == line {
            continue;
        }
        let (mut bdelta, mut ldelta) = (start - code_offset, l - line);
        while bdelta > 255 {
            out.extend([255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend([bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend([bdelta as u8, (-128i8) as u8]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend([bdelta as u8, ldelta as i8 as u8]);
        code_offset = start;
        line = l;
    }
    out
}

/// `code._varname_from_oparg(oparg)` (what `dis` names LOAD_FAST/LOAD_DEREF operands
/// with): the localsplus name at `oparg`.
fn varname_from_oparg(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let oparg = match args.take_kw("oparg") {
        Some(v) => v,
        None => {
            if args.pos.len() != 2 {
                return Err(vm.type_error(format!(
                    "_varname_from_oparg() takes exactly 1 argument ({} given)",
                    args.pos.len().saturating_sub(1)
                )));
            }
            args.pos[1].clone()
        }
    };
    let o = this_code(
        vm,
        &Args::positional(vec![args.pos[0].clone()]),
        "_varname_from_oparg",
    )?;
    let i = vm.index_value(&oparg, "'{}' object cannot be interpreted as an integer")?;
    let Payload::Code(c) = &o.payload else {
        return Err(vm.type_error("_varname_from_oparg needs a code object"));
    };
    match usize::try_from(i)
        .ok()
        .and_then(|i| c.localsplus_names.get(i))
    {
        Some(n) => Ok(Value::Obj(n.clone())),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

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

/// The keyword arguments of `code.replace()`, in Argument Clinic's order.
const REPLACE_ARGS: [&str; 18] = [
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

/// The current value of field `name` (what `getattr(code, name)` gives).
fn field(vm: &mut Vm, code: &Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    crate::object::attr::getattr(vm, code, &n)
}

fn int_field(vm: &mut Vm, v: &Value, name: &str, positive: bool) -> PyResult<i64> {
    let i = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
    if i > i32::MAX as i64 || i < i32::MIN as i64 {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    if positive && i < 0 {
        return Err(vm.value_error(format!("{name} must be a positive integer")));
    }
    Ok(i)
}

/// `v` checked to be of the clinic type `what` ("tuple", "str", "bytes").
fn typed(vm: &mut Vm, v: Value, name: &str, what: &str) -> PyResult<Value> {
    let ok = match what {
        "tuple" => v.as_tuple().is_some(),
        "str" => v.as_str().is_some(),
        _ => matches!(v.payload(), Some(Payload::Bytes(_))),
    };
    if !ok {
        let t = vm.type_name(&v);
        return Err(vm.type_error(format!(
            "replace() argument '{name}' must be {what}, not {t}"
        )));
    }
    Ok(v)
}

fn bytes_of(v: &Value) -> Vec<u8> {
    match v.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ => Vec::new(),
    }
}

/// The strs of a names tuple (`intern_strings`: anything else is a SystemError).
fn names_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<PyRef>> {
    let mut out = Vec::new();
    for x in v.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
        match x {
            Value::Obj(o) if matches!(o.payload, Payload::Str(_)) => out.push(o),
            _ => {
                let t = vm.types.system_error.clone();
                return Err(vm.new_error(&t, "non-string found in code slot"));
            }
        }
    }
    Ok(out)
}

/// `code.replace(**changes)`: a new code object with the given fields replaced, checked
/// as `PyCode_NewWithPosOnlyArgs` and `_PyCode_Validate` check them.
fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let this = this_code(vm, &Args::positional(vec![args.pos[0].clone()]), "replace")?;
    let code = Value::Obj(this);
    let mut given: Vec<Option<Value>> = vec![None; REPLACE_ARGS.len()];
    for (k, v) in &args.kw {
        let k = crate::object::attr::name_of(k);
        match REPLACE_ARGS.iter().position(|a| *a == k) {
            Some(i) => given[i] = Some(v.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for replace()"
                )))
            }
        }
    }
    let mut vals = Vec::with_capacity(REPLACE_ARGS.len());
    for (i, name) in REPLACE_ARGS.iter().enumerate() {
        vals.push(match given[i].take() {
            Some(v) => v,
            None => field(vm, &code, name)?,
        });
    }
    let mut ints = [0i64; 7];
    for (i, slot) in ints.iter_mut().enumerate() {
        // co_firstlineno (index 6) may be anything that fits a C int.
        *slot = int_field(vm, &vals[i], REPLACE_ARGS[i], i != 6)?;
    }
    let [argcount, posonly, kwonly, nlocals, stacksize, flags, firstlineno] = ints;
    let mut checked = Vec::with_capacity(11);
    for (i, what) in [
        "bytes", "tuple", "tuple", "tuple", "tuple", "tuple", "str", "str", "str", "bytes", "bytes",
    ]
    .iter()
    .enumerate()
    {
        let v = std::mem::replace(&mut vals[7 + i], Value::None);
        checked.push(typed(vm, v, REPLACE_ARGS[7 + i], what)?);
    }
    let [co_code, consts, names, varnames, freevars, cellvars, filename, name, qualname, linetable, exctable]: [Value; 11] =
        checked.try_into().unwrap_or_else(|_| std::array::from_fn(|_| Value::None));
    // `PyCode_NewWithPosOnlyArgs`'s checks, in its order.
    if argcount < posonly {
        let t = vm.types.system_error.clone();
        return Err(vm.new_error(
            &t,
            "Objects/codeobject.c:250: bad argument to internal function",
        ));
    }
    let f = flags as u32;
    let extra = (f & pyrs_bytecode::code::flags::CO_VARARGS != 0) as i64
        + (f & pyrs_bytecode::code::flags::CO_VARKEYWORDS != 0) as i64;
    let nvarnames = varnames.as_tuple().map_or(0, |t| t.len()) as i64;
    if nvarnames - argcount - kwonly - extra < 0 {
        return Err(vm.value_error("code: co_varnames is too small"));
    }
    if nlocals != nvarnames {
        return Err(vm.value_error("code: co_nlocals != len(co_varnames)"));
    }
    let (varnames, freevars, cellvars, names) = (
        names_of(vm, &varnames)?,
        names_of(vm, &freevars)?,
        names_of(vm, &cellvars)?,
        names_of(vm, &names)?,
    );
    let co_code = bytes_of(&co_code);
    if co_code.len() % 2 != 0 {
        return Err(vm.value_error("code: co_code is malformed"));
    }
    // localsplus: the locals, the cells that are not also locals (a cell that is an
    // argument marks the argument's slot), then the free variables (3.11's kinds:
    // CO_FAST_LOCAL 0x20, CO_FAST_CELL 0x40, CO_FAST_FREE 0x80).
    let mut lp_names: Vec<PyRef> = varnames.clone();
    let mut lp_kinds: Vec<u8> = vec![0x20; varnames.len()];
    for c in &cellvars {
        let s = crate::object::attr::pystr(c).as_rust();
        match lp_names
            .iter()
            .position(|n| crate::object::attr::pystr(n).as_rust() == s)
        {
            Some(i) => lp_kinds[i] |= 0x40,
            None => {
                lp_names.push(c.clone());
                lp_kinds.push(0x40);
            }
        }
    }
    for fv in &freevars {
        lp_names.push(fv.clone());
        lp_kinds.push(0x80);
    }
    let consts = consts.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let s = |v: &Value| {
        v.as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default()
    };
    let filename: std::rc::Rc<str> = s(&filename).into();
    let name = vm.intern(&s(&name));
    let qualname = vm.intern(&s(&qualname));
    let exctable = bytes_of(&exctable);
    let parts = crate::code::CodeParts {
        code: &co_code,
        consts,
        names,
        localsplus_names: lp_names,
        localsplus_kinds: lp_kinds,
        exceptiontable: &exctable,
        linetable: bytes_of(&linetable).into_boxed_slice(),
        argcount: argcount as u32,
        posonlyargcount: posonly as u32,
        kwonlyargcount: kwonly as u32,
        flags: f,
        stacksize: stacksize as u32,
        name,
        qualname,
        filename,
        firstlineno: firstlineno as i32,
    };
    Ok(Value::Obj(crate::code::new_code(vm, parts)))
}
