//! Exception objects: `BaseException` and its 3.11 hierarchy (created in `types/mod.rs`),
//! `args`, `__traceback__`, `__context__`, `__cause__`, `__suppress_context__`
//! (CPython: `Objects/exceptions.c`).

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{Args, NativeFn};
use crate::types::traceback::TracebackData;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// `args` as stored. An exception made with one argument (the VM's `KeyError(key)`,
/// `raise E(x)`) keeps the argument alone until something asks for the tuple: most are
/// caught without anyone reading `args`, and the tuple is two allocations. [`args_attr`]
/// makes it once and stores it, so `e.args is e.args` holds.
pub enum ExcArgs {
    /// The `args` tuple.
    Tuple(Value),
    /// `args` is the 1-tuple of this value (not made yet).
    One(Value),
}

pub struct ExcData {
    pub args: RefCell<ExcArgs>,
    /// `__traceback__` as far as it was made into objects (the newest entry first);
    /// read and set through [`ExcData::traceback`] and [`ExcData::set_traceback`].
    tb: RefCell<Option<Value>>,
    /// Entries the unwinder added since, oldest first, not made into traceback objects
    /// yet: [`ExcData::traceback`] makes them (most exceptions are caught without anyone
    /// reading `__traceback__`, and an object per entry is an allocation and a free).
    tb_pending: RefCell<Vec<TracebackData>>,
    pub context: RefCell<Option<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    /// `__notes__` once set (by `add_note` or assignment).
    pub notes: RefCell<Option<Value>>,
    /// The sub-exceptions tuple of an exception group (`types/exception_group.rs`).
    pub group: RefCell<Option<Value>>,
    /// Members of subclasses that are not derived from `args`: ImportError's `name`, `path`,
    /// `msg`; NameError's `name`; AttributeError's `name`, `obj`. Absent reads as None
    /// (CPython's T_OBJECT members of a NULL slot).
    pub members: RefCell<Vec<(&'static str, Value)>>,
    /// The `__dict__` of an instance of a builtin exception class (which has no instance
    /// dict field), made on first use as `BaseException_get_dict` does. Instances of
    /// Python subclasses keep their attributes in `PyObject::dict` instead.
    pub dict: RefCell<Option<PyRef>>,
}

impl ExcData {
    /// `__traceback__`: the pending entries become traceback objects first, each the new
    /// head of the chain (as `PyTraceBack_Here` made them one by one), so later reads
    /// return the same objects.
    pub fn traceback(&self, vm: &Vm) -> Option<Value> {
        if !self.tb_pending.borrow().is_empty() {
            let pending = std::mem::take(&mut *self.tb_pending.borrow_mut());
            let mut head = self.tb.borrow_mut().take();
            for mut t in pending {
                t.next = head;
                let tb = vm.alloc(&vm.types.traceback, Payload::Traceback(Box::new(t)));
                head = Some(Value::Obj(tb));
            }
            *self.tb.borrow_mut() = head;
        }
        self.tb.borrow().clone()
    }

    /// Whether there is a traceback (made or pending), without making it.
    pub fn has_traceback(&self) -> bool {
        self.tb.borrow().is_some() || !self.tb_pending.borrow().is_empty()
    }

    /// `__traceback__ = v` (None: no traceback); the entries not made yet go too.
    pub fn set_traceback(&self, v: Option<Value>) {
        let old = self.tb.replace(v);
        let pending = std::mem::take(&mut *self.tb_pending.borrow_mut());
        // Dropped after the borrows end (a dying entry may release the last reference to
        // an object with `__del__`, which may read this exception).
        drop((old, pending));
    }

    /// The unwinder's new entry for the frame the exception is passing (the newest).
    pub fn push_traceback(&self, t: TracebackData) {
        let mut p = self.tb_pending.borrow_mut();
        if p.capacity() == 0 {
            // A plain allocation: the first `push` took `RawVec`'s general growing path
            // (~115 instructions more per exception).
            *p = Vec::with_capacity(2);
        }
        p.push(t);
    }

    /// Runs `f` on the newest entry (pending or made), if any.
    pub fn with_newest_entry<R>(&self, f: impl FnOnce(&TracebackData) -> R) -> Option<R> {
        if let Some(t) = self.tb_pending.borrow().last() {
            return Some(f(t));
        }
        let head = self.tb.borrow().clone();
        match head.as_ref().and_then(|h| h.payload()) {
            Some(Payload::Traceback(t)) => Some(f(t)),
            _ => None,
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        match &*self.args.borrow() {
            ExcArgs::Tuple(t) => visit(t),
            ExcArgs::One(v) => visit(v),
        }
        for (_, v) in self.members.borrow().iter() {
            visit(v)
        }
        if let Some(d) = &*self.dict.borrow() {
            visit(&Value::Obj(d.clone()))
        }
        for t in self.tb_pending.borrow().iter() {
            t.traverse(visit);
        }
        for c in [
            &self.tb,
            &self.context,
            &self.cause,
            &self.notes,
            &self.group,
        ] {
            if let Some(v) = &*c.borrow() {
                visit(v)
            }
        }
    }
}

/// `Payload::Exception`'s box. A dying exception's box, emptied, goes back to a small
/// per-thread free list (CPython keeps free lists of its common objects), and the next
/// exception reuses it: raise-and-catch makes and drops one per exception, and the box's
/// allocation, free and ~250-byte copy were ~120 instructions of each; `tb_pending` keeps
/// its buffer for the next one too. The list is allocator-level state (like the
/// trashcan's): it holds no Python-visible value. The `Option` is `None` only after
/// `drop`'s last step, when no code can reach the box any more.
pub struct ExcBox(Option<Box<ExcData>>);

thread_local! {
    /// Emptied boxes (at most [`FREE_EXC_MAX`]).
    static FREE_EXC: RefCell<Vec<Box<ExcData>>> = const { RefCell::new(Vec::new()) };
}
const FREE_EXC_MAX: usize = 16;

impl ExcBox {
    fn new(args: ExcArgs, msg: Option<Value>) -> ExcBox {
        let reused = FREE_EXC
            .try_with(|f| f.try_borrow_mut().ok().and_then(|mut f| f.pop()))
            .ok()
            .flatten();
        match reused {
            Some(mut b) => {
                // Every field is in its new state (`drop` emptied it).
                *b.args.get_mut() = args;
                if let Some(m) = msg {
                    b.members.get_mut().push(("msg", m));
                }
                ExcBox(Some(b))
            }
            None => ExcBox(Some(Box::new(ExcData {
                args: RefCell::new(args),
                tb: RefCell::new(None),
                tb_pending: RefCell::new(Vec::new()),
                context: RefCell::new(None),
                cause: RefCell::new(None),
                suppress_context: Cell::new(false),
                notes: RefCell::new(None),
                group: RefCell::new(None),
                members: RefCell::new(msg.map(|m| vec![("msg", m)]).unwrap_or_default()),
                dict: RefCell::new(None),
            }))),
        }
    }
}

impl std::ops::Deref for ExcBox {
    type Target = ExcData;
    #[inline(always)]
    fn deref(&self) -> &ExcData {
        match &self.0 {
            Some(b) => b,
            None => dead_exc_box(),
        }
    }
}

#[cold]
fn dead_exc_box() -> ! {
    panic!("pyrs internal error: exception data read while being freed")
}

impl Drop for ExcBox {
    fn drop(&mut self) {
        let Some(d) = self.0.as_deref() else {
            return;
        };
        // The values go in `BaseException_clear`'s order (dict, 3.11's `__notes__` being
        // in the dict, args, traceback, cause, context), which `__del__` methods can see;
        // a dying value may free other exceptions: their boxes come back here first,
        // with no borrow of the list held. The box stays in place (and each field is
        // taken out before its value is dropped, no borrow held) while values die and
        // Python code may run, so nothing can find it half-gone; it leaves `self.0`
        // only at the end, when no code runs any more.
        let dict = d.dict.borrow_mut().take();
        drop(dict);
        let notes = d.notes.borrow_mut().take();
        drop(notes);
        let args = std::mem::replace(&mut *d.args.borrow_mut(), ExcArgs::One(Value::None));
        drop(args);
        let tb = d.tb.borrow_mut().take();
        drop(tb);
        let mut pending = std::mem::take(&mut *d.tb_pending.borrow_mut());
        pending.clear();
        let cause = d.cause.borrow_mut().take();
        drop(cause);
        let context = d.context.borrow_mut().take();
        drop(context);
        d.suppress_context.set(false);
        let group = d.group.borrow_mut().take();
        drop(group);
        let mut members = std::mem::take(&mut *d.members.borrow_mut());
        members.clear();
        // The emptied buffers go back for the next exception.
        *d.tb_pending.borrow_mut() = pending;
        *d.members.borrow_mut() = members;
        let Some(b) = self.0.take() else {
            return;
        };
        // (After the thread's locals are gone the box is just freed.)
        let _ = FREE_EXC.try_with(|f| {
            if let Ok(mut f) = f.try_borrow_mut() {
                if f.len() < FREE_EXC_MAX {
                    f.push(b);
                }
            }
        });
    }
}

/// The exception data of an exception instance.
pub fn exc_data(e: &PyRef) -> Option<&ExcData> {
    match &e.payload {
        Payload::Exception(d) => Some(&**d),
        _ => None,
    }
}

/// The exception data of a value, if it is an exception instance.
pub fn exc_data_of(v: &Value) -> Option<&ExcData> {
    v.as_obj().and_then(exc_data)
}

/// A new instance of exception type `ty` with these args.
pub fn new_exception(vm: &mut Vm, ty: &PyRef, mut args: Vec<Value>) -> PyRef {
    if args.len() == 1 {
        if let Some(a) = args.pop() {
            return new_exception1(vm, ty, a);
        }
    }
    let args = vm.new_tuple(args);
    make_exception(vm, ty, ExcArgs::Tuple(args), None)
}

/// A new instance of exception type `ty` with the one argument `arg` (no tuple made:
/// [`ExcArgs::One`]).
pub fn new_exception1(vm: &mut Vm, ty: &PyRef, arg: Value) -> PyRef {
    // ImportError_init's `msg` is the sole argument; exceptions the VM makes itself skip
    // `__init__`, so it is set here too.
    // KeyError (a dict miss, the commonest error the VM makes) is no ImportError: its
    // identity test spares the MRO walk (~70 instructions per KeyError).
    let msg = (!ty.is(&vm.types.key_error)
        && crate::object::typeobj::is_subtype(ty, &vm.types.import_error))
    .then(|| arg.clone());
    make_exception(vm, ty, ExcArgs::One(arg), msg)
}

/// `msg`: ImportError's member (no vector is made or dropped for the others).
fn make_exception(vm: &mut Vm, ty: &PyRef, args: ExcArgs, msg: Option<Value>) -> PyRef {
    let payload = Payload::Exception(ExcBox::new(args, msg));
    let td = crate::object::typeobj::tdata(ty);
    if td.heap && !td.slotted.get() {
        // An instance of a Python subclass gets its `__dict__` when something stores an
        // attribute or asks for it ([`lazy_instance_dict`]), as CPython's
        // `BaseException.__dict__` is made on first use: most exceptions never have one.
        return PyRef::new(crate::object::PyObject {
            ty: ty.clone().into(),
            dict: crate::object::DictSlot::new(None),
            payload,
        });
    }
    vm.alloc_instance(ty, payload)
}

/// The instance `__dict__` of an exception of a Python subclass without `__slots__`,
/// made now if it was not yet (see [`make_exception`]); None for other exceptions.
fn lazy_instance_dict(vm: &mut Vm, e: &PyRef) -> Option<PyRef> {
    let td = crate::object::typeobj::tdata(&e.ty);
    if !td.heap {
        return None;
    }
    if td.slotted.get() {
        // `__slots__` on an exception class still leaves the `__dict__` BaseException
        // gives every instance (`slots_only` is false: `type_::set_slots`): it is the
        // slot storage's `__dict__` entry, where the generic attribute path stores.
        return crate::object::attr::instance_dict(vm, e, true);
    }
    if let Some(d) = e.dict.get() {
        return Some(d);
    }
    let d = vm.new_dict_ref();
    drop(e.dict.replace(Some(d.clone())));
    Some(d)
}

pub fn exc_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    let mut cls = cls.clone();
    if cls.is(&vm.types.os_error) && (2..=5).contains(&args.pos.len()) {
        if let Value::Int(errno) = args.pos[0] {
            if let Some(sub) = errno_subclass(vm, errno) {
                cls = sub;
            }
        }
    }
    let mut pos = args.pos;
    let e = match (pos.len(), pos.pop()) {
        (1, Some(a)) => new_exception1(vm, &cls, a),
        (_, last) => {
            pos.extend(last);
            new_exception(vm, &cls, pos.into_vec())
        }
    };
    note_characters_written(vm, &e);
    Ok(Value::Obj(e))
}

/// A BlockingIOError's `characters_written` from its constructor's arguments.
fn note_characters_written(vm: &Vm, e: &PyRef) {
    if is_os_error(vm, e) {
        if let Some(w) = characters_written(vm, e) {
            set_member(e, "characters_written", w);
        }
    }
}

/// The OSError (or its errno subclass) for an OS error, as CPython's
/// `PyErr_SetFromErrnoWithFilenameObject`: `[Errno N] strerror[: 'filename']`.
pub fn os_error_from_io(
    vm: &mut Vm,
    e: &std::io::Error,
    filename: Option<&str>,
) -> crate::vm::PyErr {
    let Some(errno) = e.raw_os_error() else {
        let t = vm.types.os_error.clone();
        return vm.new_error(&t, e.to_string());
    };
    // Rust's text is strerror's plus " (os error N)".
    let text = e.to_string();
    let strerror = text
        .strip_suffix(&format!(" (os error {errno})"))
        .unwrap_or(&text)
        .to_string();
    let mut args = vec![Value::Int(errno as i64), vm.new_str(&strerror)];
    if let Some(f) = filename {
        args.push(vm.new_str(f));
    }
    let ty = errno_subclass(vm, errno as i64).unwrap_or_else(|| vm.types.os_error.clone());
    crate::vm::PyErr(new_exception(vm, &ty, args))
}

/// `OSError(errno, ...)` makes the subclass for `errno` (CPython's `errnomap`, Linux
/// numbers).
fn errno_subclass(vm: &Vm, errno: i64) -> Option<PyRef> {
    let name = match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    };
    vm.types
        .exception_names
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.clone())
}

fn is_os_error_type(vm: &Vm, ty: &PyRef) -> bool {
    crate::object::typeobj::is_subtype(ty, &vm.types.os_error)
}

fn is_os_error(vm: &Vm, e: &PyRef) -> bool {
    crate::object::typeobj::is_subtype(&e.ty, &vm.types.os_error)
}

/// The `args` Python sees: an OSError built with a filename keeps only
/// `(errno, strerror)` (CPython's `OSError_init`); the full tuple stays inside.
fn visible_args(vm: &Vm, e: &PyRef) -> Vec<Value> {
    let mut a = exc_args(e);
    if is_os_error(vm, e) && (3..=5).contains(&a.len()) && characters_written(vm, e).is_none() {
        a.truncate(2);
    }
    a
}

/// `errno`, `strerror`, `filename`, `filename2` of an OSError.
fn os_error_attr(vm: &Vm, e: &PyRef, name: &str) -> Option<Value> {
    let a = exc_args(e);
    let ok = (2..=5).contains(&a.len());
    let at = |i: usize| -> Value {
        if ok {
            a.get(i).cloned().unwrap_or(Value::None)
        } else {
            Value::None
        }
    };
    Some(match name {
        "errno" => at(0),
        "strerror" => at(1),
        "filename" if characters_written(vm, e).is_some() => Value::None,
        "filename" => at(2),
        "filename2" => at(4),
        _ => return None,
    })
    .filter(|_| is_os_error(vm, e))
}

pub fn exc_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<()> {
    let ty = vm.type_of(this).clone();
    // Only ImportError (name, path), NameError (name) and AttributeError (name, obj)
    // take keywords; `BaseException_init` refuses them elsewhere.
    let (owner, allowed): (&str, &[&'static str]) = if is_subtype_named(vm, &ty, "ImportError") {
        ("ImportError", &["name", "path"])
    } else if is_subtype_named(vm, &ty, "NameError") {
        ("NameError", &["name"])
    } else if is_subtype_named(vm, &ty, "AttributeError") {
        ("AttributeError", &["name", "obj"])
    } else {
        ("", &[])
    };
    if owner.is_empty() && !args.kw.is_empty() {
        let n = crate::object::typeobj::tdata(&ty).name();
        return Err(vm.type_error(format!("{n}() takes no keyword arguments")));
    }
    // `OSError_init`: the arguments were parsed by `__new__`, and `__init__` does nothing
    // unless a Python class overrides `__init__` (CPython's `oserror_use_init`).
    if is_os_error_type(vm, &ty) {
        if crate::object::protocol::heap_dunder(vm, &ty, "__init__").is_none() {
            return Ok(());
        }
    }
    let mut set: Vec<(&'static str, Value)> = Vec::new();
    for (k, v) in &args.kw {
        let k = match &k.payload {
            Payload::Str(s) => s.as_rust().into_owned(),
            _ => String::new(),
        };
        match allowed.iter().find(|a| **a == k) {
            Some(a) => set.push((a, v.clone())),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {owner}()"
                )))
            }
        }
    }
    if let Some(e) = this.as_obj().and_then(exc_data) {
        if owner == "ImportError" {
            let msg = match args.pos.as_slice() {
                [m] => m.clone(),
                _ => Value::None,
            };
            set.push(("msg", msg));
        }
        {
            let mut m = e.members.borrow_mut();
            for (k, v) in set {
                m.retain(|(n, _)| *n != k);
                if !matches!(v, Value::None) {
                    m.push((k, v));
                }
            }
        }
        let t = vm.new_tuple(args.pos.into_vec());
        let old = std::mem::replace(&mut *e.args.borrow_mut(), ExcArgs::Tuple(t));
        drop(old);
    }
    if let Value::Obj(o) = this {
        // Re-running `__init__` re-derives the fields from the new args.
        // (Both checks are cheap for the common exception: no members, not an OSError.)
        if let Some(d) = exc_data(o).filter(|d| !d.members.borrow().is_empty()) {
            let ty = o.ty.clone();
            d.members
                .borrow_mut()
                .retain(|(n, _)| computed_field(vm, &ty, n).is_none());
        }
        note_characters_written(vm, o);
    }
    Ok(())
}

/// Whether `ty` is the builtin exception `name` or a subclass of it.
fn is_subtype_named(vm: &Vm, ty: &PyRef, name: &str) -> bool {
    // The three asked on every exception creation are fields (no scan of the name table
    // with its string compares).
    let base = match name {
        "ImportError" => &vm.types.import_error,
        "NameError" => &vm.types.name_error,
        "AttributeError" => &vm.types.attribute_error,
        _ => {
            return vm
                .types
                .exception_names
                .iter()
                .any(|(n, t)| n == name && crate::object::typeobj::is_subtype(ty, t))
        }
    };
    crate::object::typeobj::is_subtype(ty, base)
}

/// A member of `members` (ImportError's `name`, ...), None when unset.
pub fn member(e: &PyRef, name: &str) -> Value {
    exc_data(e)
        .and_then(|d| {
            d.members
                .borrow()
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        })
        .unwrap_or(Value::None)
}

/// Sets (None: clears) a member; the import system uses it for ImportError's `name`/`path`.
pub fn set_member(e: &PyRef, name: &'static str, v: Value) {
    if let Some(d) = exc_data(e) {
        let mut m = d.members.borrow_mut();
        m.retain(|(n, _)| *n != name);
        if !matches!(v, Value::None) {
            m.push((name, v));
        }
    }
}

/// The member names exception type `ty` has (`ImportError_members`, ...).
fn member_names(vm: &Vm, ty: &PyRef) -> &'static [&'static str] {
    if is_subtype_named(vm, ty, "ImportError") {
        &["msg", "name", "path"]
    } else if is_subtype_named(vm, ty, "NameError") {
        &["name"]
    } else if is_subtype_named(vm, ty, "AttributeError") {
        &["name", "obj"]
    } else {
        &[]
    }
}

/// The fields of builtin exception classes that pyrs derives from `args` until they are
/// assigned (then `members` holds the assigned value under the returned name).
fn computed_field(vm: &Vm, ty: &PyRef, name: &str) -> Option<&'static str> {
    const OS: &[&str] = &[
        "errno",
        "strerror",
        "filename",
        "filename2",
        "characters_written",
    ];
    const SYNTAX: &[&str] = &[
        "msg",
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
        "print_file_and_line",
    ];
    const UNICODE: &[&str] = &["encoding", "object", "start", "end", "reason"];
    // Most reads (`e.args`, `e.__traceback__`) name no field of any class: answered before
    // the subclass tests, which scan the exception name table.
    if ![OS, SYNTAX, UNICODE, &["value", "code"]]
        .iter()
        .any(|l| l.contains(&name))
    {
        return None;
    }
    let sub = |t: &PyRef| crate::object::typeobj::is_subtype(ty, t);
    let list: &'static [&'static str] = if sub(&vm.types.os_error) {
        OS
    } else if is_subtype_named(vm, ty, "SyntaxError") {
        SYNTAX
    } else if [
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "UnicodeTranslateError",
    ]
    .iter()
    .any(|n| is_subtype_named(vm, ty, n))
    {
        UNICODE
    } else if sub(&vm.types.stop_iteration) {
        &["value"]
    } else if sub(&vm.types.system_exit) {
        &["code"]
    } else {
        return None;
    };
    list.iter().find(|n| **n == name).copied()
}

/// Assign a [`computed_field`] (None stays None: `set_member` would clear it back to
/// the value derived from `args`).
fn assign_field(d: &ExcData, k: &'static str, v: Value) {
    let mut m = d.members.borrow_mut();
    m.retain(|(n, _)| *n != k);
    m.push((k, v));
}

/// `BlockingIOError(errno, strerror, characters_written)`'s third argument (an int
/// filename of a BlockingIOError, as `OSError_init` reads it: then no filename).
fn characters_written(vm: &Vm, e: &PyRef) -> Option<Value> {
    let a = exc_args(e);
    let blocking = vm
        .types
        .exception_names
        .iter()
        .any(|(n, t)| n == "BlockingIOError" && crate::object::typeobj::is_subtype(&e.ty, t));
    match a.get(2) {
        Some(v @ Value::Int(_)) if blocking && (3..=5).contains(&a.len()) => Some(v.clone()),
        _ => None,
    }
}

/// The `args` tuple items.
pub fn exc_args(e: &PyRef) -> Vec<Value> {
    exc_data(e).map_or(Vec::new(), |d| match &*d.args.borrow() {
        ExcArgs::Tuple(t) => t.as_tuple().map_or(Vec::new(), |t| t.to_vec()),
        ExcArgs::One(v) => vec![v.clone()],
    })
}

/// `str(exc)` (BaseException_str; KeyError_str).
pub fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(e) = v.as_obj() else {
        return Ok(vm.new_str(""));
    };
    let args = exc_args(e);
    if is_os_error(vm, e) && (2..=5).contains(&args.len()) {
        let (no, msg) = (vm.str_string(&args[0])?, vm.str_string(&args[1])?);
        let mut s = format!("[Errno {no}] {msg}");
        if let Some(f) = args.get(2).filter(|f| !matches!(f, Value::None)) {
            s.push_str(&format!(": {}", vm.repr(f)?));
            if let Some(f2) = args.get(4).filter(|f| !matches!(f, Value::None)) {
                s.push_str(&format!(" -> {}", vm.repr(f2)?));
            }
        }
        return Ok(vm.new_str(&s));
    }
    if exc_data(e).is_some_and(|d| d.group.borrow().is_some()) {
        let s = crate::types::exception_group::group_str(vm, v)?;
        return Ok(vm.new_str(&s));
    }
    if is_syntax_error(vm, e) && args.len() == 2 {
        // SyntaxError_str: `msg (file, line N)` with the file's base name.
        let msg = vm.str_string(&args[0])?;
        let file = syntax_error_attr(e, "filename");
        let line = syntax_error_attr(e, "lineno");
        let base = file
            .as_str()
            .map(|s| s.as_rust().rsplit('/').next().unwrap_or("").to_string());
        let s = match (base, line) {
            (Some(f), Value::Int(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), _) => format!("{msg} ({f})"),
            (None, Value::Int(l)) => format!("{msg} (line {l})"),
            _ => msg,
        };
        return Ok(vm.new_str(&s));
    }
    if is_subtype_named(vm, &e.ty, "ImportError") {
        // ImportError_str: `msg` when it is exactly a str.
        let m = member(e, "msg");
        if m.as_obj().is_some_and(|o| o.ty.is(&vm.types.str)) {
            return Ok(m);
        }
    }
    if let Some(s) = crate::types::codecs::unicode_error_str(vm, e, &args)? {
        return Ok(vm.new_str(&s));
    }
    match args.len() {
        0 => Ok(vm.new_str("")),
        1 => {
            if crate::object::typeobj::is_subtype(&e.ty, &vm.types.key_error.clone()) {
                return vm.repr_value(&args[0]);
            }
            vm.str_value(&args[0])
        }
        _ => {
            let t = vm.new_tuple(args);
            vm.repr_value(&t)
        }
    }
}

/// `repr(exc)`: `Name(arg, ...)`.
pub fn exc_repr(vm: &mut Vm, e: &PyRef) -> PyResult<String> {
    let name = crate::object::typeobj::tdata(&e.ty).name();
    let args = visible_args(vm, e);
    if args.len() == 1 {
        let r = vm.repr(&args[0])?;
        return Ok(format!("{name}({r})"));
    }
    let t = vm.new_tuple(args);
    let r = vm.repr(&t)?;
    Ok(format!("{name}{r}"))
}

fn with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "with_traceback", 2, 2)?;
    if let Some(e) = args.pos[0].as_obj().and_then(exc_data) {
        let tb = args.pos[1].clone();
        e.set_traceback(if matches!(tb, Value::None) {
            None
        } else {
            Some(tb)
        });
    }
    Ok(args.pos[0].clone())
}

fn exc_str_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    exc_str(vm, &this)
}

fn exc_repr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first().and_then(|v| v.as_obj()) {
        Some(e) => {
            let e = e.clone();
            let s = exc_repr(vm, &e)?;
            Ok(vm.new_str(&s))
        }
        None => Ok(vm.new_str("")),
    }
}

fn exc_init_method(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(
            vm.type_error("descriptor '__init__' of 'BaseException' object needs an argument")
        );
    }
    let this = args.pos.remove(0);
    exc_init(vm, &this, args)?;
    Ok(Value::None)
}

/// `BaseException.add_note(note)` (3.11): appends to `__notes__`, creating the list.
fn add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "add_note", 2, 2)?;
    let Some(d) = args.pos[0].as_obj().and_then(exc_data) else {
        return Err(vm.type_error("descriptor 'add_note' requires a 'BaseException' object"));
    };
    if args.pos[1].as_str().is_none() {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.type_error(format!("note must be a str, not '{t}'")));
    }
    let notes = d.notes.borrow().clone();
    let notes = match notes {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            *d.notes.borrow_mut() = Some(l.clone());
            l
        }
    };
    match notes.payload() {
        Some(Payload::List(l)) => l.borrow_mut().push(args.pos[1].clone()),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

/// `BaseException.__reduce__`: `(type, args)`; ImportError adds a state dict of its
/// non-None `name` and `path` (`ImportError_reduce`).
/// `BaseException.__setstate__(state)` (`BaseException_setstate`): the items of a dict
/// state become attributes; None does nothing.
fn exc_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__setstate__", 2, 2)?;
    let (this, state) = (&args.pos[0], &args.pos[1]);
    if matches!(state, Value::None) {
        return Ok(Value::None);
    }
    let Some(d) = state
        .as_obj()
        .filter(|d| matches!(d.payload, Payload::Dict(_)))
        .cloned()
    else {
        return Err(vm.type_error("state is not a dictionary"));
    };
    for (k, v) in crate::types::dict::items(&d) {
        let k = crate::object::attr::attr_name_arg(vm, &k)?;
        crate::object::attr::setattr(vm, this, &k, Some(v))?;
    }
    Ok(Value::None)
}

fn exc_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "__reduce__", 1, 1)?;
    let Some(e) = args.pos[0]
        .as_obj()
        .filter(|o| exc_data(o).is_some())
        .cloned()
    else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'BaseException' object"));
    };
    let ty = Value::Obj(e.ty.clone());
    // `OSError_reduce`: the arguments with the filename(s), for the constructor to parse;
    // `BaseException_reduce`: the args tuple itself (`e.__reduce__()[1] is e.args`).
    let a = if is_os_error(vm, &e) {
        let a = exc_args(&e);
        vm.new_tuple(a)
    } else {
        match exc_data(&e) {
            Some(d) => args_tuple(vm, d),
            None => vm.new_tuple(Vec::new()),
        }
    };
    let mut items = vec![ty, a];
    if is_subtype_named(vm, &e.ty, "ImportError") {
        let d = vm.new_dict_ref();
        let mut any = false;
        for k in ["name", "path"] {
            let v = member(&e, k);
            if !matches!(v, Value::None) {
                let key = vm.intern(k);
                crate::types::dict::dict_set_str(vm, &d, &key, v);
                any = true;
            }
        }
        if any {
            items.push(Value::Obj(d));
        }
    } else {
        // `BaseException_reduce`: the instance's `__dict__` as the state once it exists
        // (made by a store or by reading `__dict__`; empty or not).
        let dict = if crate::object::typeobj::tdata(&e.ty).heap {
            crate::object::attr::instance_dict(vm, &e, false)
        } else {
            exc_data(&e).and_then(|d| d.dict.borrow().clone())
        };
        if let Some(d) = dict {
            items.push(Value::Obj(d));
        }
    }
    Ok(vm.new_tuple(items))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__reduce__", exc_reduce),
    ("__setstate__", exc_setstate),
    ("add_note", add_note),
    ("with_traceback", with_traceback),
    ("__str__", exc_str_method),
    ("__repr__", exc_repr_method),
    ("__init__", exc_init_method),
];

/// `e.args`: the stored tuple itself (`e.args is e.args`, no copy per read); only an
/// OSError may show fewer items than it keeps. No computed field is named `args`, so
/// this is all [`get_attr`] does for it (`descriptor::get` calls it directly).
pub fn args_attr(vm: &mut Vm, e: &PyRef, d: &ExcData) -> Value {
    if !is_os_error(vm, e) {
        return args_tuple(vm, d);
    }
    let a = visible_args(vm, e);
    vm.new_tuple(a)
}

/// LOAD_ATTR `e.args` on an exception, for the miss path of `eval/inline.rs` (whose
/// caches take plain instances only): the stored tuple when the class's `args` is
/// BaseException's own descriptor (no override in a subclass, no `__getattribute__`;
/// a data descriptor, so the instance dict cannot shadow it), without the generic
/// attribute path (~450 instructions). None: take the generic path.
pub fn load_attr_args(vm: &mut Vm, e: &PyRef, name: &PyRef) -> Option<Value> {
    let Payload::Exception(d) = &e.payload else {
        return None;
    };
    if !crate::object::attr::pystr(name).eq_rust("args")
        || crate::object::typeobj::has_getattribute(&e.ty)
    {
        return None;
    }
    let ty = e.ty.clone();
    match crate::object::cache::type_lookup(vm, &ty, name)?.payload() {
        Some(Payload::Member(m))
            if m.1.is(&vm.types.base_exception)
                && crate::types::descriptor::is_builtin_member(m) => {}
        _ => return None,
    }
    Some(args_attr(vm, e, d))
}

/// The stored `args` tuple, made from a lone argument the first time it is asked for.
fn args_tuple(vm: &Vm, d: &ExcData) -> Value {
    let mut a = d.args.borrow_mut();
    match &mut *a {
        ExcArgs::Tuple(t) => t.clone(),
        ExcArgs::One(v) => {
            let t = vm.new_tuple(vec![std::mem::replace(v, Value::None)]);
            *a = ExcArgs::Tuple(t.clone());
            t
        }
    }
}

/// Attributes of exceptions (`args`, `__traceback__`, ...), for `getset.rs`.
pub fn get_attr(vm: &mut Vm, e: &PyRef, name: &str) -> Option<Value> {
    let d = exc_data(e)?;
    let opt = |v: &RefCell<Option<Value>>| v.borrow().clone().unwrap_or(Value::None);
    // A computed field that was assigned reads back what was assigned (CPython keeps
    // these in struct fields that `__init__` fills and assignment replaces).
    if let Some(k) = computed_field(vm, &e.ty, name) {
        if let Some(v) = d.members.borrow().iter().find(|(n, _)| *n == k) {
            return Some(v.1.clone());
        }
    }
    Some(match name {
        // Unset (`members` holds it once set, by BlockingIOError's constructor too).
        "characters_written" if is_os_error(vm, e) => return None,
        "args" => args_attr(vm, e, d),
        "__notes__" => d.notes.borrow().clone()?,
        "msg"
        | "filename"
        | "lineno"
        | "offset"
        | "text"
        | "end_lineno"
        | "end_offset"
        | "print_file_and_line"
            if is_syntax_error(vm, e) =>
        {
            syntax_error_attr(e, name)
        }
        "errno" | "strerror" | "filename" | "filename2" => os_error_attr(vm, e, name)?,
        "msg" | "name" | "path" | "obj" if member_names(vm, &e.ty).contains(&name) => {
            member(e, name)
        }
        "message" | "exceptions" => crate::types::exception_group::group_attr(vm, e, name)?,
        "encoding" | "object" | "start" | "end" | "reason" => {
            crate::types::codecs::unicode_error_attr(vm, e, &exc_args(e), name)?
        }
        "__traceback__" => d.traceback(vm).unwrap_or(Value::None),
        "__context__" => opt(&d.context),
        "__cause__" => opt(&d.cause),
        "__suppress_context__" => Value::Bool(d.suppress_context.get()),
        "value" if crate::object::typeobj::is_subtype(&e.ty, &vm.types.stop_iteration) => {
            exc_args(e).into_iter().next().unwrap_or(Value::None)
        }
        "__dict__" => match lazy_instance_dict(vm, e) {
            Some(dict) => Value::Obj(dict),
            None => Value::Obj(own_dict(vm, d)),
        },
        "code" if crate::object::typeobj::is_subtype(&e.ty, &vm.types.system_exit) => {
            let a = exc_args(e);
            match a.len() {
                0 => Value::None,
                1 => a[0].clone(),
                _ => vm.new_tuple(a),
            }
        }
        _ => {
            // (A Python subclass's instance keeps its attributes in its own dict field,
            // which the generic attribute path reads.)
            let dict = d.dict.borrow().clone()?;
            let key = vm.new_str(name);
            return crate::types::dict::get_item(vm, &dict, &key).ok().flatten();
        }
    })
}

/// The `__dict__` of a builtin exception's instance, made on first use.
fn own_dict(vm: &mut Vm, d: &ExcData) -> PyRef {
    if let Some(dict) = &*d.dict.borrow() {
        return dict.clone();
    }
    let dict = vm.new_dict_ref();
    *d.dict.borrow_mut() = Some(dict.clone());
    dict
}

fn is_syntax_error(vm: &Vm, e: &PyRef) -> bool {
    vm.types
        .exception_names
        .iter()
        .any(|(n, t)| n == "SyntaxError" && crate::object::typeobj::is_subtype(&e.ty, t))
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`'s fields
/// (`SyntaxError_init`).
fn syntax_error_attr(e: &PyRef, name: &str) -> Value {
    let args = exc_args(e);
    if name == "msg" {
        return args.first().cloned().unwrap_or(Value::None);
    }
    let info = args
        .get(1)
        .and_then(|v| v.as_tuple().map(|t| t.to_vec()))
        .filter(|_| args.len() == 2)
        .unwrap_or_default();
    let i = match name {
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        "end_offset" => 5,
        _ => return Value::None,
    };
    info.get(i).cloned().unwrap_or(Value::None)
}

/// Setting `__traceback__`, `__context__`, `__cause__`, `args`.
pub fn set_attr(vm: &mut Vm, e: &PyRef, name: &str, v: Option<Value>) -> PyResult<bool> {
    let Some(d) = exc_data(e) else {
        return Ok(false);
    };
    if name == "__dict__" && (e.dict.is_some() || crate::object::typeobj::tdata(&e.ty).heap) {
        // A Python subclass's instance: its own replaceable dict (made or not yet).
        if let Some(r) = crate::object::attr::set_instance_dict(vm, e, v) {
            r?;
            return Ok(true);
        }
        return Ok(false);
    }
    if name == "__dict__" && e.dict.is_none() {
        // `BaseException_set_dict`.
        let Some(v) = v else {
            return Err(vm.type_error("__dict__ may not be deleted"));
        };
        match v {
            Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => {
                *d.dict.borrow_mut() = Some(o);
                return Ok(true);
            }
            _ => {
                let t = vm.type_name(&v);
                return Err(
                    vm.type_error(format!("__dict__ must be set to a dictionary, not a '{t}'"))
                );
            }
        }
    }
    if let Some(k) = computed_field(vm, &e.ty, name) {
        let Some(v) = v else {
            // `del e.errno`: a T_OBJECT member reads None once deleted;
            // characters_written raises AttributeError when it was not set.
            if k == "characters_written" {
                let mut m = d.members.borrow_mut();
                if !m.iter().any(|(n, _)| *n == k) {
                    drop(m);
                    return Err(vm.attribute_error("characters_written"));
                }
                m.retain(|(n, _)| *n != k);
                return Ok(true);
            }
            assign_field(d, k, Value::None);
            return Ok(true);
        };
        if k == "characters_written" {
            // `OSError_written_set`: an int that fits a Py_ssize_t.
            vm.index_value(&v, "'%.200s' object cannot be interpreted as an integer")?;
        }
        assign_field(d, k, v);
        return Ok(true);
    }
    let own = matches!(
        name,
        "__context__"
            | "__cause__"
            | "__traceback__"
            | "__suppress_context__"
            | "__notes__"
            | "args"
    ) || (matches!(name, "msg" | "name" | "path" | "obj")
        && member_names(vm, &e.ty).contains(&name));
    if !own {
        // Any other name is a user attribute: in the instance dict of a Python subclass
        // (the generic path stores it; a store makes the dict), else in the exception's
        // own `__dict__`.
        if e.dict.is_some() {
            return Ok(false);
        }
        let td = crate::object::typeobj::tdata(&e.ty);
        if td.heap && !td.slotted.get() {
            // (A deletion makes it too, as `_PyObject_GenericSetAttrWithDict` does.)
            lazy_instance_dict(vm, e);
            return Ok(false);
        }
        let dict = own_dict(vm, d);
        let key = vm.new_str(name);
        match v {
            Some(v) => crate::types::dict::set_item(vm, &dict, key, v)?,
            None => {
                if crate::types::dict::del_item(vm, &dict, &key)?.is_none() {
                    let tn = crate::object::typeobj::tdata(&e.ty).name();
                    return Err(
                        vm.attribute_error(format!("'{tn}' object has no attribute '{name}'"))
                    );
                }
            }
        }
        return Ok(true);
    }
    let Some(v) = v else {
        // Deletion (`BaseException_getset`'s setters refuse NULL; `__suppress_context__`
        // is a T_BOOL member; `__notes__` lives in CPython's instance dict).
        return match name {
            "args" | "__traceback__" | "__context__" | "__cause__" => {
                Err(vm.type_error(format!("{name} may not be deleted")))
            }
            "__suppress_context__" => Err(vm.type_error("can't delete numeric/char attribute")),
            "__notes__" => match d.notes.borrow_mut().take() {
                Some(_) => Ok(true),
                None => {
                    let tn = crate::object::typeobj::tdata(&e.ty).name();
                    Err(vm.attribute_error(format!("'{tn}' object has no attribute '__notes__'")))
                }
            },
            _ => set_attr_value(vm, e, d, name, Value::None),
        };
    };
    set_attr_value(vm, e, d, name, v)
}

/// [`set_attr`]'s assignment of an exception's own attribute (not a deletion).
fn set_attr_value(vm: &mut Vm, e: &PyRef, d: &ExcData, name: &str, v: Value) -> PyResult<bool> {
    let opt = if matches!(v, Value::None) {
        None
    } else {
        Some(v.clone())
    };
    let is_exc = |vm: &Vm, v: &Value| {
        crate::object::typeobj::is_subtype(vm.type_of(v), &vm.types.base_exception)
    };
    match name {
        "__context__" | "__cause__" if opt.is_some() && !is_exc(vm, &v) => {
            let what = if name == "__cause__" {
                "cause"
            } else {
                "context"
            };
            return Err(vm.type_error(format!(
                "exception {what} must be None or derive from BaseException"
            )));
        }
        "__traceback__" if opt.is_some() && !matches!(v.payload(), Some(Payload::Traceback(_))) => {
            return Err(vm.type_error("__traceback__ must be a traceback or None"));
        }
        "__traceback__" => d.set_traceback(opt),
        "__context__" => *d.context.borrow_mut() = opt,
        "__cause__" => {
            *d.cause.borrow_mut() = opt;
            d.suppress_context.set(true);
        }
        "__suppress_context__" => d.suppress_context.set(vm.truthy(&v)?),
        "__notes__" => *d.notes.borrow_mut() = Some(v),
        "msg" | "name" | "path" | "obj" if member_names(vm, &e.ty).contains(&name) => {
            let k = member_names(vm, &e.ty)
                .iter()
                .find(|k| **k == name)
                .copied()
                .unwrap_or("name");
            set_member(e, k, v)
        }
        "args" => {
            let items = vm.collect(&v)?;
            let t = vm.new_tuple(items);
            // The old args die after the borrow (their deallocation may run `__del__`).
            let old = std::mem::replace(&mut *d.args.borrow_mut(), ExcArgs::Tuple(t));
            drop(old);
        }
        _ => return Ok(false),
    }
    Ok(true)
}
