//! Frame objects as Python sees them: `sys._getframe()`, a generator's `gi_frame`,
//! `tb_frame`, `f_back` (CPython: `Objects/frameobject.c`). pyrs keeps frames as plain
//! records on the thread's stacks (`frame.rs`); a frame object is made when one is asked
//! for and then follows its frame while that frame runs:
//!
//! - **One object per activation.** The first frame object of an activation gives the
//!   record a fresh *frame-object id* (`Frame::frame_object_id`, spare bits of the
//!   record's flag word: a new activation starts with none, so no call pays anything);
//!   the object is registered under that id (weakly), and asking again for the same
//!   activation returns the same object while it lives (`sys._getframe() is
//!   sys._getframe()`, `tb.tb_frame is sys._getframe()`).
//! - **Live while running.** An object finds its record by the thread position it was
//!   made at (or through its generator) and the id check: a later activation at the same
//!   position has another id (or none), so it is never mistaken for this one. While found,
//!   `f_lineno`/`f_lasti` read the record's instruction and `f_locals` refreshes its
//!   dict from the frame's slots (`PyFrame_FastToLocals`: the same dict while anyone
//!   holds it; held weakly so that a frame object stored in its own frame's locals makes
//!   no reference cycle).
//! - **Finished.** When a frame with an object returns or an exception leaves it
//!   ([`frame_leaving`], from RETURN_VALUE and the unwinder), the object takes its final
//!   instruction and refreshes its locals dict if someone still holds it; after that it
//!   keeps that state (else the locals of when it was made: docs/differences.md).
//!
//! The record's `lasti` is the executing frame's current instruction only at the points
//! where the eval loop saves it (calls, yields, raises, attribute-load misses, returns
//! of frames with an object); for a caller or a suspended generator that is exact.

use crate::object::refcount::WeakSlot;
use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub struct FrameData {
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The namespace of a module or class body; else the locals as they were when this
    /// object was made (what `f_locals` falls back to once the frame is gone and no
    /// [`FrameData::live_locals`] dict survives). Never refreshed: the object itself
    /// is not among them then, and a refresh would put it there (a reference cycle,
    /// which pyrs, without a cycle collector, would never free).
    locals: RefCell<Value>,
    /// A function frame's `f_locals` dict while it runs, refreshed on each read
    /// (`PyFrame_FastToLocals`: the same dict every time). Held weakly, for the reason
    /// above: the same dict is returned as long as anyone holds it, which is as long
    /// as its identity can be observed.
    live_locals: RefCell<Option<Rc<WeakSlot>>>,
    /// A function frame's final locals, taken as it ended ([`frame_leaving`]) when no
    /// `f_locals` dict was held: what `f_locals` of the finished frame reads, as CPython's
    /// frame object keeps the frame's data. Cells are stored as their contents, and a
    /// local that is this frame object itself is stored as None with its index in the
    /// second part, so the common `fr = sys._getframe()` makes no reference cycle
    /// (pyrs has no cycle collector yet); a cycle through another object is kept, as
    /// CPython keeps it.
    final_locals: RefCell<Option<FinalLocals>>,
    /// The code unit last seen executing.
    lasti: Cell<usize>,
    /// The caller's frame object, for a frame run on the thread (fixed: a caller does
    /// not change); None for the outermost frame and for generator frames, whose caller
    /// is whoever resumes them ([`Live::Generator`] finds it).
    back: Option<Value>,
    live: Option<Live>,
    /// A traceback's frame: the line its entry recorded (not derived from `lasti`).
    dead_lineno: Option<i32>,
    /// `f_trace`, `f_trace_lines`, `f_trace_opcodes`: stored for tools that set them
    /// (pdb's `bdb`); pyrs has no `sys.settrace`, so nothing calls them.
    trace: RefCell<Value>,
    trace_lines: Cell<bool>,
    trace_opcodes: Cell<bool>,
}

/// [`FrameData::final_locals`]: the localsplus values (cells' contents), and the indices
/// of those that are the frame object itself (stored as None).
type FinalLocals = (Box<[Option<Value>]>, Vec<usize>);

/// Where a frame object finds its running frame.
enum Live {
    /// The thread's frame record at `index`, if its frame-object id is `id`.
    Thread { index: usize, id: usize },
    /// The frame of a generator (suspended in it, or running on the thread), if its
    /// frame-object id is `id`. Weak: a frame object does not keep its generator alive.
    Generator { gen: Rc<WeakSlot>, id: usize },
}

impl FrameData {
    /// An object of a frame running `code`, last seen at `lasti`, with `locals` as its
    /// fallback `f_locals`: no `f_back`, not (yet) following a live frame, no trace.
    fn new(code: PyRef, globals: PyRef, builtins: PyRef, locals: Value, lasti: usize) -> Self {
        FrameData {
            code,
            globals,
            builtins,
            locals: RefCell::new(locals),
            live_locals: RefCell::new(None),
            final_locals: RefCell::new(None),
            lasti: Cell::new(lasti),
            back: None,
            live: None,
            dead_lineno: None,
            trace: RefCell::new(Value::None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.code.clone()));
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.builtins.clone()));
        visit(&self.locals.borrow());
        if let Some((values, _)) = &*self.final_locals.borrow() {
            for v in values.iter().flatten() {
                visit(v);
            }
        }
        visit(&self.trace.borrow());
        if let Some(b) = &self.back {
            visit(b);
        }
    }
}

/// The live frame objects by frame-object id, weakly (an object nothing else holds goes;
/// asking again for its activation makes a new one under the same id), and the next id
/// (never 0, which in a record means "none yet").
#[derive(Default)]
pub struct FrameObjects {
    last_id: usize,
    by_id: HashMap<usize, Rc<WeakSlot>>,
}

impl FrameObjects {
    fn new_id(&mut self) -> usize {
        self.last_id += 1;
        self.last_id
    }
}

/// The frame object of the thread's current frame, if it has one (its record carries an
/// id and the object is alive).
pub fn top_object(vm: &Vm) -> Option<Value> {
    let id = vm.thread.frames.last()?.frame_object_id();
    if id == 0 {
        return None;
    }
    registered(vm, id)
}

fn registered(vm: &Vm, id: usize) -> Option<Value> {
    let slot = vm.interp.frame_objects.by_id.get(&id)?;
    slot.get().map(Value::Obj)
}

fn register(vm: &mut Vm, id: usize, obj: &Value) {
    let Value::Obj(o) = obj else { return };
    let m = &mut vm.interp.frame_objects.by_id;
    // Entries of dead objects go when the table has doubled since the last sweep.
    if m.len() >= 64 && m.len().is_power_of_two() {
        m.retain(|_, s| s.get().is_some());
    }
    m.insert(id, WeakSlot::new(o));
}

/// A new dict of the locals held in `fast`, the localsplus slots of a frame running
/// `code`: cells dereferenced (their contents now), unbound names left out
/// (`PyFrame_FastToLocals`).
pub fn locals_from_slots(vm: &mut Vm, code: &PyRef, fast: &[Option<Value>]) -> Value {
    let d = vm.new_dict_ref();
    fill_locals(vm, &d, code, fast);
    Value::Obj(d)
}

/// `PyFrame_FastToLocals` into `d`: every bound local (a cell's contents) set, every
/// unbound one removed.
fn fill_locals(vm: &mut Vm, d: &PyRef, code: &PyRef, fast: &[Option<Value>]) {
    let Some(co) = crate::code::as_code(code) else {
        return;
    };
    for (i, n) in co.localsplus_names.iter().enumerate() {
        let v = match fast.get(i).cloned().flatten() {
            Some(v) => match v.payload() {
                Some(Payload::Cell(c)) => c.borrow().clone(),
                _ => Some(v),
            },
            None => None,
        };
        match v {
            Some(v) => crate::types::dict::dict_set_str(vm, d, n, v),
            None => {
                let key = Value::Obj(n.clone());
                let _ = crate::types::dict::del_item(vm, d, &key);
            }
        }
    }
}

/// The localsplus window of the thread's frame at `index`.
fn window(vm: &Vm, index: usize) -> &[Option<Value>] {
    let Some(f) = vm.thread.frames.get(index) else {
        return &[];
    };
    let n = crate::code::as_code(&f.code).map_or(0, |c| c.nlocalsplus());
    let base = f.fast_base;
    let end = (base + n).min(vm.thread.fast.len());
    vm.thread.fast.get(base.min(end)..end).unwrap_or(&[])
}

/// A copy of the localsplus slots of the thread's frame at `index` (a function frame's
/// locals, cells and free variables; `None` for a frame without a code object).
pub fn fast_slots(vm: &Vm, index: usize) -> Option<Box<[Option<Value>]>> {
    let f = vm.thread.frames.get(index)?;
    crate::code::as_code(&f.code)?;
    Some(window(vm, index).into())
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

fn alloc(vm: &mut Vm, fd: FrameData) -> Value {
    let ty = vm.types.frame.clone();
    Value::Obj(vm.alloc(&ty, Payload::Frame(Box::new(fd))))
}

/// The frame object of a frame that finished: its last state, no `f_back`.
pub fn dead_frame(vm: &mut Vm, d: DeadFrame) -> Value {
    alloc(
        vm,
        FrameData {
            dead_lineno: Some(d.lineno),
            ..FrameData::new(d.code, d.globals, d.builtins, d.locals, d.lasti)
        },
    )
}

/// The frame object of the thread's frame at `index` (0 is the outermost): the one
/// already made for this activation, or a new one (with, for a frame not run by a
/// generator, its callers' objects as `f_back`, made as needed).
pub fn snapshot(vm: &mut Vm, index: usize) -> Option<Value> {
    vm.thread.frames.get(index)?;
    let is_gen = |vm: &Vm, i: usize| vm.thread.frames[i].generator.is_some();
    // The frames from `index` down that have no object yet (stopping at a generator
    // frame, whose caller is not fixed), then make them upwards.
    let mut chain = Vec::new();
    let mut below = None;
    let mut i = index;
    loop {
        if let Some(o) = existing(vm, i) {
            below = Some(o);
            break;
        }
        chain.push(i);
        if i == 0 || is_gen(vm, i) {
            break;
        }
        i -= 1;
    }
    let mut back = below;
    for &j in chain.iter().rev() {
        let b = if is_gen(vm, j) { None } else { back.take() };
        back = Some(make_at(vm, j, b));
    }
    back
}

/// The registered object of the activation at `index`, if it has one.
fn existing(vm: &Vm, index: usize) -> Option<Value> {
    match vm.thread.frames.get(index)?.frame_object_id() {
        0 => None,
        id => registered(vm, id),
    }
}

/// A new frame object for the thread's frame at `index`, registered under its id.
fn make_at(vm: &mut Vm, index: usize, back: Option<Value>) -> Value {
    let id = match vm.thread.frames[index].frame_object_id() {
        0 => {
            let id = vm.interp.frame_objects.new_id();
            vm.thread.frames[index].set_frame_object_id(id);
            id
        }
        id => id,
    };
    let f = &vm.thread.frames[index];
    let (globals, builtins) = f.dicts_or(&vm.builtins);
    let (code, namespace, lasti) = (f.code.clone(), f.locals.clone(), f.lasti);
    let live = match &f.generator {
        Some(g) => Live::Generator {
            gen: WeakSlot::new(g),
            id,
        },
        None => Live::Thread { index, id },
    };
    let locals = match namespace {
        Some(ns) => Value::Obj(ns),
        None => {
            let fast = window(vm, index).to_vec();
            locals_from_slots(vm, &code, &fast)
        }
    };
    let obj = alloc(
        vm,
        FrameData {
            back,
            live: Some(live),
            ..FrameData::new(code, globals, builtins, locals, lasti)
        },
    );
    register(vm, id, &obj);
    obj
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

/// The thread index of generator `g`'s frame while it runs.
fn running_index(vm: &Vm, g: &PyRef) -> Option<usize> {
    vm.thread
        .frames
        .iter()
        .rposition(|f| f.generator.as_ref().is_some_and(|x| x.is(g)))
}

/// `gen.gi_frame`: the frame object of its frame (running or suspended), None once
/// finished.
pub fn generator_frame(vm: &mut Vm, g: &PyRef) -> Value {
    let Payload::Generator(gd) = &g.payload else {
        return Value::None;
    };
    if gd.running.get() {
        return running_index(vm, g)
            .and_then(|i| snapshot(vm, i))
            .unwrap_or(Value::None);
    }
    let (id, code, globals, builtins, lasti) = {
        let mut rec = gd.frame.borrow_mut();
        let Some(f) = rec.as_mut() else {
            return Value::None;
        };
        let id = match f.frame_object_id() {
            0 => {
                let id = vm.interp.frame_objects.new_id();
                f.set_frame_object_id(id);
                id
            }
            id => id,
        };
        let (globals, builtins) = f.dicts_or(&vm.builtins);
        (id, f.code.clone(), globals, builtins, f.lasti)
    };
    if let Some(o) = registered(vm, id) {
        return o;
    }
    let fast = gd.saved_fast();
    let locals = locals_from_slots(vm, &code, &fast);
    let obj = alloc(
        vm,
        FrameData {
            live: Some(Live::Generator {
                gen: WeakSlot::new(g),
                id,
            }),
            ..FrameData::new(code, globals, builtins, locals, lasti)
        },
    );
    register(vm, id, &obj);
    obj
}

/// Where a live frame object's frame is now.
enum At {
    Thread(usize),
    Suspended(PyRef),
}

fn locate(vm: &Vm, live: &Live) -> Option<At> {
    match live {
        Live::Thread { index, id } => vm
            .thread
            .frames
            .get(*index)
            .filter(|f| f.frame_object_id() == *id && f.generator.is_none())
            .map(|_| At::Thread(*index)),
        Live::Generator { gen, id } => {
            let g = gen.get()?;
            let Payload::Generator(gd) = &g.payload else {
                return None;
            };
            if gd.running.get() {
                let i = running_index(vm, &g)?;
                return (vm.thread.frames[i].frame_object_id() == *id).then_some(At::Thread(i));
            }
            let same = gd
                .frame
                .borrow()
                .as_ref()
                .is_some_and(|f| f.frame_object_id() == *id);
            same.then_some(At::Suspended(g))
        }
    }
}

/// Brings `lasti` up to the running frame's (no change once it is gone); where it is.
fn refresh_lasti(vm: &Vm, fd: &FrameData) -> Option<At> {
    let at = locate(vm, fd.live.as_ref()?)?;
    let lasti = match &at {
        At::Thread(i) => vm.thread.frames[*i].lasti,
        At::Suspended(g) => match &g.payload {
            Payload::Generator(gd) => gd.frame.borrow().as_ref().map_or(0, |f| f.lasti),
            _ => 0,
        },
    };
    fd.lasti.set(lasti);
    Some(at)
}

fn lineno(fd: &FrameData) -> i32 {
    if let Some(l) = fd.dead_lineno {
        return l;
    }
    crate::code::as_code(&fd.code)
        .and_then(|co| co.line_at(fd.lasti.get()).or(Some(co.firstlineno)))
        .unwrap_or(0)
}

/// `f_locals`: the namespace; or while the frame runs, its locals dict brought up to
/// date; once it is gone, the last such dict if it survives, else the locals of when
/// this object was made.
fn f_locals(vm: &mut Vm, obj: &PyRef, fd: &FrameData) -> Value {
    let current = fd.locals.borrow().clone();
    let live_dict = fd.live_locals.borrow().as_ref().and_then(|s| s.get());
    let Some(at) = fd.live.as_ref().and_then(|l| locate(vm, l)) else {
        return final_locals_dict(vm, obj, fd, live_dict.clone())
            .or(live_dict.map(Value::Obj))
            .unwrap_or(current);
    };
    let fast = match &at {
        At::Thread(i) => {
            if vm.thread.frames[*i].locals.is_some() {
                return current;
            }
            window(vm, *i).to_vec()
        }
        At::Suspended(g) => match &g.payload {
            Payload::Generator(gd) => gd.saved_fast(),
            _ => return current,
        },
    };
    let d = match live_dict {
        Some(d) => d,
        None => {
            let d = vm.new_dict_ref();
            *fd.live_locals.borrow_mut() = Some(WeakSlot::new(&d));
            d
        }
    };
    fill_locals(vm, &d, &fd.code, &fast);
    Value::Obj(d)
}

/// The thread's top frame is about to end (returns or an exception leaves it) and has a
/// frame object (its id bits are set): the object takes the frame's final state, as
/// CPython's frame object keeps it — the last instruction (`f_lineno` of the `return`)
/// and the final locals ([`FrameData::final_locals`], which the next `f_locals` read
/// puts in the dict). Called only for
/// frames whose records carry an id, so a call without a frame object pays one test.
#[cold]
#[inline(never)]
pub fn frame_leaving(vm: &mut Vm) {
    let Some(f) = vm.thread.frames.last() else {
        return;
    };
    let Some(obj) = registered(vm, f.frame_object_id()) else {
        return;
    };
    let Some(Payload::Frame(fd)) = obj.payload() else {
        return;
    };
    let Some(at) = refresh_lasti(vm, fd) else {
        return;
    };
    let Value::Obj(o) = &obj else {
        return;
    };
    // A function frame's final locals stay with the object (module and class bodies
    // keep their namespace, which is already `locals`). A held `f_locals` dict is not
    // refreshed now: as in CPython, the next `f_locals` read does that.
    let At::Thread(i) = at else {
        return;
    };
    if vm.thread.frames[i].locals.is_some() {
        return;
    }
    let mut itself = Vec::new();
    let values: Box<[Option<Value>]> = window(vm, i)
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let v = match v {
                Some(v) => match v.payload() {
                    Some(Payload::Cell(c)) => c.borrow().clone(),
                    _ => Some(v.clone()),
                },
                None => None,
            };
            match v {
                Some(Value::Obj(x)) if x.is(o) => {
                    itself.push(k);
                    None
                }
                v => v,
            }
        })
        .collect();
    *fd.final_locals.borrow_mut() = Some((values, itself));
}

/// `f_locals` of a finished function frame from [`FrameData::final_locals`] (None if it
/// has none): `held` (the dict an earlier read gave, still alive) or a new dict, filled
/// with the final locals, the object itself where a local held it. Held weakly as the
/// frame's dict, so reads return the same dict while someone holds it.
fn final_locals_dict(
    vm: &mut Vm,
    obj: &PyRef,
    fd: &FrameData,
    held: Option<PyRef>,
) -> Option<Value> {
    let (values, itself) = fd.final_locals.borrow().clone()?;
    let d = match held {
        Some(d) => d,
        None => vm.new_dict_ref(),
    };
    fill_locals(vm, &d, &fd.code, &values);
    if let Some(co) = crate::code::as_code(&fd.code) {
        for k in itself {
            if let Some(n) = co.localsplus_names.get(k) {
                crate::types::dict::dict_set_str(vm, &d, n, Value::Obj(obj.clone()));
            }
        }
    }
    *fd.live_locals.borrow_mut() = Some(WeakSlot::new(&d));
    Some(Value::Obj(d))
}

/// `f_back`: the fixed caller of a thread frame; a running generator frame's resumer.
fn f_back(vm: &mut Vm, fd: &FrameData) -> Value {
    if let Some(b) = &fd.back {
        return b.clone();
    }
    if let Some(live @ Live::Generator { .. }) = &fd.live {
        if let Some(At::Thread(i)) = locate(vm, live) {
            if i > 0 {
                return snapshot(vm, i - 1).unwrap_or(Value::None);
            }
        }
    }
    Value::None
}

/// Attributes of a frame object.
pub fn frame_attr(vm: &mut Vm, o: &PyRef, name: &str) -> Option<Value> {
    let Payload::Frame(fd) = &o.payload else {
        return None;
    };
    Some(match name {
        "f_code" => Value::Obj(fd.code.clone()),
        "f_globals" => Value::Obj(fd.globals.clone()),
        "f_builtins" => Value::Obj(fd.builtins.clone()),
        "f_locals" => f_locals(vm, o, fd),
        "f_lineno" => {
            refresh_lasti(vm, fd);
            Value::Int(lineno(fd) as i64)
        }
        "f_lasti" => {
            refresh_lasti(vm, fd);
            Value::Int(fd.lasti.get() as i64 * 2)
        }
        "f_trace" => fd.trace.borrow().clone(),
        "f_trace_lines" => Value::Bool(fd.trace_lines.get()),
        "f_trace_opcodes" => Value::Bool(fd.trace_opcodes.get()),
        "f_back" => f_back(vm, fd),
        _ => return None,
    })
}

/// Setting a frame attribute: `f_trace` (any object; deleting is None),
/// `f_trace_lines`/`f_trace_opcodes` (bools: CPython's T_BOOL members). `Ok(false)`: not
/// one of them (the caller says "not writable").
pub fn frame_setattr(vm: &mut Vm, o: &PyRef, name: &str, v: Option<Value>) -> PyResult<bool> {
    let Payload::Frame(fd) = &o.payload else {
        return Ok(false);
    };
    match name {
        "f_trace" => {
            let old = fd.trace.replace(v.unwrap_or(Value::None));
            drop(old);
        }
        "f_trace_lines" | "f_trace_opcodes" => {
            let b = match v {
                Some(Value::Bool(b)) => b,
                None => return Err(vm.type_error("can't delete numeric/char attribute")),
                Some(_) => return Err(vm.type_error("attribute value type must be bool")),
            };
            if name == "f_trace_lines" {
                fd.trace_lines.set(b);
            } else {
                fd.trace_opcodes.set(b);
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `frame.clear()` (`frame_clear`): RuntimeError for a frame that is executing; a
/// suspended generator's frame closes the generator (its `finally` blocks run; an error
/// is reported as unraisable, as `_PyGen_Finalize` does); a finished frame drops its
/// locals (`f_locals` is then an empty dict).
pub fn frame_clear(vm: &mut Vm, args: crate::types::function::Args) -> PyResult<Value> {
    args.check(vm, "clear", 1, 1)?;
    let Some(Payload::Frame(fd)) = args.pos[0].payload() else {
        return Err(vm.type_error("descriptor 'clear' requires a 'frame' object"));
    };
    let at = fd.live.as_ref().and_then(|l| locate(vm, l));
    match at {
        Some(At::Thread(_)) => Err(vm.runtime_error("cannot clear an executing frame")),
        Some(At::Suspended(g)) => {
            refresh_lasti(vm, fd);
            if let Err(e) = crate::types::generator::gen_close(vm, &g) {
                crate::finalize::write_unraisable(vm, &e, &Value::Obj(g.clone()));
            }
            let d = vm.new_dict_ref();
            *fd.locals.borrow_mut() = Value::Obj(d);
            *fd.live_locals.borrow_mut() = None;
            *fd.final_locals.borrow_mut() = None;
            Ok(Value::None)
        }
        None => {
            let d = vm.new_dict_ref();
            *fd.locals.borrow_mut() = Value::Obj(d);
            *fd.live_locals.borrow_mut() = None;
            *fd.final_locals.borrow_mut() = None;
            Ok(Value::None)
        }
    }
}

pub const FRAME_METHODS: &[(&str, crate::types::function::NativeFn)] = &[("clear", frame_clear)];

/// `<frame at 0x..., file '...', line N, code NAME>`.
pub fn repr(vm: &mut Vm, o: &PyRef) -> Option<String> {
    let Payload::Frame(fd) = &o.payload else {
        return None;
    };
    refresh_lasti(vm, fd);
    let co = crate::code::as_code(&fd.code)?;
    Some(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.id(),
        co.filename(),
        lineno(fd),
        co.name_str()
    ))
}
