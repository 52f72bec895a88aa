//! Frame objects as Python sees them: `sys._getframe()`, a generator's `gi_frame`
//! (CPython: `Objects/frameobject.c`). pyrs keeps frames as plain records on the thread's
//! stacks (`frame.rs`); a frame object is a snapshot taken when it is asked for: the code,
//! globals, builtins, the line and instruction being executed, the locals (a new dict for
//! function frames, the namespace itself for module and class bodies) and `f_back` (the
//! callers' snapshots). A snapshot does not follow the frame as it runs on
//! (docs/differences.md).

use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

pub struct FrameData {
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub locals: Value,
    pub lasti: usize,
    pub lineno: i32,
    /// The caller's frame object (None for the outermost frame).
    pub back: Option<Value>,
}

impl FrameData {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.code.clone()));
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.builtins.clone()));
        visit(&self.locals);
        if let Some(b) = &self.back {
            visit(b);
        }
    }
}

/// What a snapshot needs of a frame record.
struct Parts {
    code: PyRef,
    globals: PyRef,
    builtins: PyRef,
    namespace: Option<PyRef>,
    lasti: usize,
    fast: Vec<Option<Value>>,
}

fn parts(f: &crate::frame::Frame, fast: &[Option<Value>]) -> Parts {
    Parts {
        code: f.code.clone(),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        namespace: f.locals.clone(),
        lasti: f.lasti,
        fast: fast.to_vec(),
    }
}

/// The locals of a frame (cells dereferenced, unbound names left out), or its namespace.
fn locals_of(vm: &mut Vm, p: &Parts) -> Value {
    if let Some(l) = &p.namespace {
        return Value::Obj(l.clone());
    }
    locals_from_slots(vm, &p.code, &p.fast)
}

/// A new dict of the locals held in `fast`, the localsplus slots of a frame running
/// `code`: cells dereferenced (their contents now), unbound names left out
/// (`PyFrame_FastToLocals`).
pub fn locals_from_slots(vm: &mut Vm, code: &PyRef, fast: &[Option<Value>]) -> Value {
    let d = vm.new_dict_ref();
    if let Some(co) = crate::code::as_code(code) {
        for (i, n) in co.localsplus_names.iter().enumerate() {
            if let Some(Some(v)) = fast.get(i).cloned() {
                let v = match v.payload() {
                    Some(Payload::Cell(c)) => match c.borrow().clone() {
                        Some(x) => x,
                        None => continue,
                    },
                    _ => v,
                };
                crate::types::dict::dict_set_str(vm, &d, n, v);
            }
        }
    }
    Value::Obj(d)
}

fn make(vm: &mut Vm, p: Parts, back: Option<Value>) -> Value {
    let locals = locals_of(vm, &p);
    let lineno = crate::code::as_code(&p.code)
        .and_then(|co| co.line_at(p.lasti).or(Some(co.firstlineno)))
        .unwrap_or(0);
    let ty = vm.types.frame.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::Frame(Box::new(FrameData {
            code: p.code,
            globals: p.globals,
            builtins: p.builtins,
            locals,
            lasti: p.lasti,
            lineno,
            back,
        })),
    ))
}

fn parts_at(vm: &Vm, index: usize) -> Option<Parts> {
    let f = vm.thread.frames.get(index)?;
    let n = crate::code::as_code(&f.code)?.nlocalsplus();
    let base = f.fast_base;
    let end = (base + n).min(vm.thread.fast.len());
    let fast = vm.thread.fast.get(base.min(end)..end).unwrap_or(&[]);
    Some(parts(f, fast))
}

/// A copy of the localsplus slots of the thread's frame at `index` (a function frame's
/// locals, cells and free variables; `None` for a frame without a code object).
pub fn fast_slots(vm: &Vm, index: usize) -> Option<Box<[Option<Value>]>> {
    let f = vm.thread.frames.get(index)?;
    let n = crate::code::as_code(&f.code)?.nlocalsplus();
    let base = f.fast_base;
    let end = (base + n).min(vm.thread.fast.len());
    Some(vm.thread.fast.get(base.min(end)..end).unwrap_or(&[]).into())
}

/// What a frame object of a frame that is gone is made of (a traceback's `tb_frame`).
pub struct DeadFrame {
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub locals: Value,
    pub lasti: usize,
    pub lineno: i32,
}

/// The frame object of a frame that finished: its last state, no `f_back`.
pub fn dead_frame(vm: &mut Vm, d: DeadFrame) -> Value {
    let ty = vm.types.frame.clone();
    Value::Obj(vm.alloc(
        &ty,
        Payload::Frame(Box::new(FrameData {
            code: d.code,
            globals: d.globals,
            builtins: d.builtins,
            locals: d.locals,
            lasti: d.lasti,
            lineno: d.lineno,
            back: None,
        })),
    ))
}

/// The frame object of the thread's frame at `index` (0 is the outermost), with its
/// callers' snapshots as `f_back`.
pub fn snapshot(vm: &mut Vm, index: usize) -> Option<Value> {
    let mut back = None;
    for i in 0..=index {
        let p = parts_at(vm, i)?;
        back = Some(make(vm, p, back));
    }
    back
}

/// `sys._getframe([depth])`.
pub fn getframe(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    let n = vm.thread.frames.len() as i64;
    let idx = n - 1 - depth;
    if depth < 0 || idx < 0 {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    snapshot(vm, idx as usize).ok_or_else(|| vm.value_error("call stack is not deep enough"))
}

/// `gen.gi_frame`: the running frame, a snapshot of the suspended one, None once finished.
pub fn generator_frame(vm: &mut Vm, g: &PyRef) -> Value {
    let Payload::Generator(gd) = &g.payload else {
        return Value::None;
    };
    if gd.running.get() {
        let idx = vm
            .thread
            .frames
            .iter()
            .rposition(|f| f.generator.as_ref().is_some_and(|x| x.is(g)));
        return idx.and_then(|i| snapshot(vm, i)).unwrap_or(Value::None);
    }
    let p = match gd.frame.borrow().as_ref() {
        Some(f) => parts(f, &gd.saved_fast()),
        None => return Value::None,
    };
    make(vm, p, None)
}

/// Attributes of a frame object.
pub fn frame_attr(_vm: &mut Vm, o: &PyRef, name: &str) -> Option<Value> {
    let Payload::Frame(fd) = &o.payload else {
        return None;
    };
    Some(match name {
        "f_code" => Value::Obj(fd.code.clone()),
        "f_globals" => Value::Obj(fd.globals.clone()),
        "f_builtins" => Value::Obj(fd.builtins.clone()),
        "f_locals" => fd.locals.clone(),
        "f_lineno" => Value::Int(fd.lineno as i64),
        "f_lasti" => Value::Int(fd.lasti as i64 * 2),
        "f_trace" => Value::None,
        "f_trace_lines" => Value::Bool(true),
        "f_trace_opcodes" => Value::Bool(false),
        "f_back" => fd.back.clone().unwrap_or(Value::None),
        _ => return None,
    })
}

/// `<frame at 0x..., file '...', line N, code NAME>`.
pub fn repr(o: &PyRef) -> Option<String> {
    let Payload::Frame(fd) = &o.payload else {
        return None;
    };
    let co = crate::code::as_code(&fd.code)?;
    Some(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.id(),
        co.filename(),
        fd.lineno,
        co.name_str()
    ))
}
