//! Interpreter state: [`Interpreter`] (shared by all threads: builtin types, the builtins
//! module, the hash secret, `sys`) and [`ThreadState`] (one per OS thread: the frame stack,
//! the value stack, the exception being handled, the recursion depth). [`Vm`] is the pair
//! a running thread holds; every function that may run Python code takes `&mut Vm`
//! (CPython: `PyInterpreterState`, `PyThreadState` in `Include/internal/pycore_*state.h`).

use crate::frame::Frame;
use crate::hash::HashSecret;
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::types::str::PyStr;
use crate::types::Types;

/// A raised exception: the exception instance (always a BaseException instance).
#[derive(Clone)]
pub struct PyErr(pub PyRef);

pub type PyResult<T> = Result<T, PyErr>;

pub struct Interpreter {
    pub types: Types,
    pub builtins: PyRef,
    pub sys_dict: PyRef,
    pub hash_secret: HashSecret,
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    /// The interned strs by content. An internal table keyed by text, so it uses FxHash
    /// (no hash flooding concern: the keys are names from code objects, and the table is
    /// a cache); the str objects' own Python hashes stay SipHash (`PyStr::hash`).
    pub interned: rustc_hash::FxHashMap<Box<str>, PyRef>,
    pub recursion_limit: usize,
    /// `sys.get_int_max_str_digits()`: 0 (no limit) or at least 640; 4300 by default.
    pub int_max_str_digits: usize,
    pub empty_tuple: PyRef,
    /// `sys.__stdout__` / `sys.__stderr__` as made at startup (`builtins::print::init_stdio`).
    pub stdout: Option<PyRef>,
    pub stderr: Option<PyRef>,
    /// The standard streams were made buffered (false: `-u`, PYTHONUNBUFFERED).
    pub stdio_buffered: bool,
    pub sys_module: Option<PyRef>,
    /// Type attribute cache and its validity epoch (`object/cache.rs`).
    pub attr_cache: crate::object::cache::AttrCache,
    pub type_epoch: u64,
    pub argv: Vec<String>,
    /// The import system (`import/mod.rs`).
    pub import: crate::import::ImportState,
    /// The `posix` module's descriptors and types (`modules/posix/`).
    pub posix: crate::modules::posix::PosixState,
    /// The `_io` types, made by the first `open()` or `import _io` (`modules/_io/`).
    pub io_types: Option<std::rc::Rc<crate::modules::_io::IoTypes>>,
    /// `sys.addaudithook`'s hooks (`builtins/audit.rs`).
    pub audit_hooks: Vec<Value>,
    /// Set by the SIGINT handler, tested by the eval loop (`signals.rs`).
    pub eval_breaker: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// `sys.getswitchinterval()`, `sys.is_finalizing()`, ... (`builtins/sys_runtime.rs`).
    pub sys_runtime: crate::builtins::sys_runtime::SysRuntime,
    /// False under `-E`/`-I` (`Vm::with_environment`).
    pub use_environment: bool,
    /// `atexit.register`'s callbacks, in registration order; `None`: unregistered
    /// (`modules/atexit.rs`).
    pub atexit: Vec<Option<crate::modules::atexit::Callback>>,
    /// The live frame objects by frame-object id (`types/frame.rs`). Interpreter-wide,
    /// not per thread: a generator's frame, and so its object, can move between threads.
    pub frame_objects: crate::types::frame::FrameObjects,
}

impl Interpreter {
    /// An environment variable the interpreter itself reads (`PYTHONHASHSEED`, ...): None
    /// under `-E`/`-I` or when unset or empty, as CPython's `config_get_env`.
    pub fn python_env(&self, name: &str) -> Option<String> {
        if !self.use_environment {
            return None;
        }
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

pub struct ThreadState {
    /// Python frames, innermost last.
    pub frames: Vec<Frame>,
    /// Local variables (`localsplus`) of all frames, each frame owning a window.
    pub fast: Vec<Option<Value>>,
    /// Value stacks of all frames (NULL is `None`), each frame owning the part above its
    /// `stack_base`.
    pub stack: crate::frame::ValueStack,
    /// The exception being handled (`sys.exc_info()[1]`); saved on the value stack by
    /// PUSH_EXC_INFO and restored by POP_EXCEPT.
    pub exc_info: Option<Value>,
    /// Python frames plus Rust re-entries of the eval loop (CPython's `recursion_remaining`).
    pub depth: usize,
    /// The error being unwound comes from RERAISE (adds no traceback entry).
    pub reraise: bool,
    /// Containers whose repr is in progress (for `[...]`).
    pub repr_stack: Vec<PyRef>,
    /// The async generator hooks and coroutine origin depth (`builtins/sys_runtime.rs`).
    pub sys_hooks: crate::builtins::sys_runtime::SysHooks,
}

pub struct Vm {
    pub interp: Interpreter,
    pub thread: ThreadState,
}

impl std::ops::Deref for Vm {
    type Target = Interpreter;
    fn deref(&self) -> &Interpreter {
        &self.interp
    }
}

impl std::ops::DerefMut for Vm {
    fn deref_mut(&mut self) -> &mut Interpreter {
        &mut self.interp
    }
}

impl Vm {
    /// A new interpreter with its main thread, reading `PYTHON*` environment variables.
    pub fn new() -> Vm {
        Vm::with_environment(true)
    }

    /// A new interpreter; `use_env` false is `-E`/`-I`: the `PYTHON*` variables the VM
    /// reads itself (PYTHONHASHSEED, PYTHONIOENCODING, PYTHONUNBUFFERED,
    /// PYTHONBREAKPOINT) are ignored, while `os.environ` keeps them, as in CPython.
    pub fn with_environment(use_env: bool) -> Vm {
        let types = Types::bootstrap();
        let mk = |ty: &PyRef, payload| {
            PyRef::new(PyObject {
                ty: ty.clone().into(),
                dict: crate::object::DictSlot::new(None),
                payload,
            })
        };
        let builtins = mk(&types.dict, Payload::Dict(Default::default()));
        let sys_dict = mk(&types.dict, Payload::Dict(Default::default()));
        let not_implemented = mk(&types.not_implemented_type, Payload::Singleton);
        let ellipsis = mk(&types.ellipsis_type, Payload::Singleton);
        let empty_tuple = mk(&types.tuple, Payload::Tuple(Box::new([])));
        let mut vm = Vm {
            interp: Interpreter {
                types,
                builtins,
                sys_dict,
                hash_secret: HashSecret::from_env(use_env),
                use_environment: use_env,
                atexit: Vec::new(),
                frame_objects: Default::default(),
                not_implemented,
                ellipsis,
                interned: Default::default(),
                recursion_limit: 1000,
                int_max_str_digits: 4300,
                empty_tuple,
                stdout: None,
                stderr: None,
                stdio_buffered: true,
                sys_module: None,
                attr_cache: Default::default(),
                type_epoch: 0,
                argv: Vec::new(),
                import: Default::default(),
                posix: Default::default(),
                io_types: None,
                audit_hooks: Vec::new(),
                eval_breaker: Default::default(),
                sys_runtime: Default::default(),
            },
            thread: ThreadState {
                frames: Vec::new(),
                // Reserved large (64 KB) so the locals windows sit in memory of their own,
                // away from the value stack's buffer: with both small, where the heap put
                // them decided wall time (fib ran 4-5% slower from a .pyc than from its
                // .py with identical instruction counts — 4K aliasing between a push to
                // the stack and a LOAD_FAST read is the suspect); reserved, both runs are
                // as fast as the better one (session 7: fib 0.37 -> 0.35 s from the .pyc).
                fast: Vec::with_capacity(4096 + 32),
                stack: Default::default(),
                exc_info: None,
                depth: 0,
                reraise: false,
                repr_stack: Vec::new(),
                sys_hooks: Default::default(),
            },
        };
        crate::types::install_methods(&mut vm);
        crate::builtins::install(&mut vm);
        crate::types::doc::install_type_docs(&mut vm);
        crate::types::slot_wrapper::install_getattribute(&mut vm);
        vm
    }

    // ---- allocation -------------------------------------------------------------------

    pub fn alloc(&self, ty: &PyRef, payload: Payload) -> PyRef {
        PyRef::new(PyObject {
            ty: ty.clone().into(),
            dict: crate::object::DictSlot::new(None),
            payload,
        })
    }

    /// An instance of `ty` with a fresh `__dict__` when `ty` is a class statement's.
    pub fn alloc_instance(&self, ty: &PyRef, payload: Payload) -> PyRef {
        let dict = if crate::object::typeobj::tdata(ty).heap {
            Some(self.new_dict_ref())
        } else {
            None
        };
        PyRef::new(PyObject {
            ty: ty.clone().into(),
            dict: crate::object::DictSlot::new(dict),
            payload,
        })
    }

    pub fn new_str(&self, s: &str) -> Value {
        Value::Obj(self.alloc(&self.types.str, Payload::Str(PyStr::from_str(s))))
    }

    pub fn new_pystr(&self, s: PyStr) -> Value {
        Value::Obj(self.alloc(&self.types.str, Payload::Str(s)))
    }

    /// The interned str object for a name.
    pub fn intern(&mut self, s: &str) -> PyRef {
        if let Some(r) = self.interp.interned.get(s) {
            return r.clone();
        }
        let r = self.alloc(&self.types.str, Payload::Str(PyStr::from_str(s)));
        if let Payload::Str(ps) = &r.payload {
            ps.hash(&self.interp.hash_secret);
        }
        self.interp.interned.insert(s.into(), r.clone());
        r
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Obj(self.empty_tuple.clone());
        }
        Value::Obj(self.alloc(&self.types.tuple, Payload::Tuple(items.into_boxed_slice())))
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::Obj(self.alloc(
            &self.types.list,
            Payload::List(std::cell::RefCell::new(items)),
        ))
    }

    pub fn new_dict_ref(&self) -> PyRef {
        self.alloc(&self.types.dict, Payload::Dict(Default::default()))
    }

    pub fn new_bytes(&self, b: Vec<u8>) -> Value {
        Value::Obj(self.alloc(&self.types.bytes, Payload::Bytes(b.into_boxed_slice())))
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.not_implemented.clone())
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.is(&self.not_implemented))
    }

    /// The type of a value (no reference count traffic).
    #[inline]
    pub fn type_of<'a>(&'a self, v: &'a Value) -> &'a PyRef {
        match v {
            Value::None => &self.interp.types.none_type,
            Value::Bool(_) => &self.interp.types.bool,
            Value::Int(_) => &self.interp.types.int,
            Value::Float(_) => &self.interp.types.float,
            Value::Obj(o) => &o.ty,
        }
    }

    pub fn type_name(&self, v: &Value) -> String {
        crate::object::typeobj::tdata(self.type_of(v)).name()
    }

    pub fn isinstance(&self, v: &Value, ty: &PyRef) -> bool {
        crate::object::typeobj::is_subtype(self.type_of(v), ty)
    }

    // ---- errors -----------------------------------------------------------------------

    /// An exception instance of `ty` with `args == (msg,)`.
    pub fn new_error(&mut self, ty: &PyRef, msg: impl Into<String>) -> PyErr {
        let m = self.new_str(&msg.into());
        PyErr(crate::types::exceptions::new_exception1(self, ty, m))
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.type_error.clone();
        self.new_error(&t, msg)
    }
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.value_error.clone();
        self.new_error(&t, msg)
    }
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.index_error.clone();
        self.new_error(&t, msg)
    }
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.attribute_error.clone();
        self.new_error(&t, msg)
    }
    pub fn name_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.name_error.clone();
        self.new_error(&t, msg)
    }
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.runtime_error.clone();
        self.new_error(&t, msg)
    }
    pub fn system_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.system_error.clone();
        self.new_error(&t, msg)
    }
    pub fn zero_division(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.zero_division_error.clone();
        self.new_error(&t, msg)
    }
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.overflow_error.clone();
        self.new_error(&t, msg)
    }
    pub fn recursion_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.recursion_error.clone();
        self.new_error(&t, msg)
    }
    pub fn not_implemented_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.not_implemented_error.clone();
        self.new_error(&t, msg)
    }
    pub fn import_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.import_error.clone();
        self.new_error(&t, msg)
    }
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let t = self.types.key_error.clone();
        PyErr(crate::types::exceptions::new_exception1(self, &t, key))
    }
    pub fn stop_iteration(&mut self) -> PyErr {
        let t = self.types.stop_iteration.clone();
        PyErr(crate::types::exceptions::new_exception(self, &t, vec![]))
    }

    /// Whether the error is an instance of `ty`.
    pub fn err_matches(&self, e: &PyErr, ty: &PyRef) -> bool {
        crate::object::typeobj::is_subtype(&e.0.ty, ty)
    }

    // ---- recursion --------------------------------------------------------------------

    /// Enter one level of Python recursion (a frame or a Rust re-entry of the loop).
    #[inline]
    pub fn enter_recursion(&mut self, where_: &str) -> PyResult<()> {
        if self.thread.depth >= self.interp.recursion_limit {
            return Err(self.recursion_limit_error(where_));
        }
        self.thread.depth += 1;
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn recursion_limit_error(&mut self, where_: &str) -> PyErr {
        self.recursion_error(format!("maximum recursion depth exceeded{where_}"))
    }

    #[inline]
    pub fn leave_recursion(&mut self) {
        self.thread.depth = self.thread.depth.saturating_sub(1);
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}
