//! The builtin types: one file each (CPython: `Objects/<type>object.c`). This file creates
//! the type objects (bootstrap: `type`, `object` and `dict` refer to each other) and
//! installs each type's method table (`METHODS` in its file) into its dict.

pub mod anext_awaitable;
pub mod args;
pub mod bytearray;
pub mod bytes;
pub mod bytes_format;
pub mod bytes_methods;
pub mod code;
pub mod codecs;
pub mod complex;
pub mod coroutine;
pub mod descriptor;
pub mod dict;
pub mod dict_methods;
pub mod doc;
pub mod doc_table;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod frame;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod getset;
pub mod int;
pub mod introspect;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod namespace;
pub mod object;
pub mod range;
pub mod reduce;
pub mod repr;
pub mod set;
pub mod set_order;
pub mod slice;
pub mod slot_wrapper;
pub mod str;
pub mod str_methods;
pub mod str_text;
pub mod structseq;
pub mod traceback;
pub mod tuple;
pub mod type_;
pub mod union_type;

use crate::object::typeobj::{c3_mro, tdata, BaseKind, TypeData};
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::vm::Vm;
use function::{BuiltinData, NativeFn};

/// Every builtin type object of an interpreter.
pub struct Types {
    pub type_: PyRef,
    pub object: PyRef,
    pub int: PyRef,
    pub bool: PyRef,
    pub float: PyRef,
    pub str: PyRef,
    pub bytes: PyRef,
    pub tuple: PyRef,
    pub list: PyRef,
    pub dict: PyRef,
    pub set: PyRef,
    pub frozenset: PyRef,
    pub range: PyRef,
    pub complex: PyRef,
    pub slice: PyRef,
    pub none_type: PyRef,
    pub not_implemented_type: PyRef,
    pub ellipsis_type: PyRef,
    pub function: PyRef,
    pub builtin_function: PyRef,
    pub method: PyRef,
    pub code: PyRef,
    pub cell: PyRef,
    pub module: PyRef,
    pub property: PyRef,
    pub member_descriptor: PyRef,
    /// `<slot wrapper '__add__' of 'int' objects>` and its bound form (`types/slot_wrapper.rs`).
    pub wrapper_descriptor: PyRef,
    pub method_wrapper: PyRef,
    /// Builtin methods of method tables, unbound (`str.join`) and class methods
    /// (`dict.__dict__['fromkeys']`).
    pub method_descriptor: PyRef,
    pub classmethod_descriptor: PyRef,
    /// Payload attributes as descriptors on their type (`FunctionType.__code__`).
    pub getset_descriptor: PyRef,
    /// `_weakref`'s types (`modules/_weakref.rs`): made by `install_methods`.
    pub weakref: PyRef,
    pub weakproxy: PyRef,
    pub weakcallableproxy: PyRef,
    /// `types.MappingProxyType` (`types/mappingproxy.rs`): made by `install_methods`.
    pub mappingproxy: PyRef,
    pub classmethod: PyRef,
    pub staticmethod: PyRef,
    pub super_: PyRef,
    pub traceback: PyRef,
    pub list_iterator: PyRef,
    pub tuple_iterator: PyRef,
    pub str_iterator: PyRef,
    pub range_iterator: PyRef,
    pub longrange_iterator: PyRef,
    pub dict_keyiterator: PyRef,
    pub dict_valueiterator: PyRef,
    pub dict_itemiterator: PyRef,
    /// `reversed(d)`, `reversed(d.values())`, `reversed(d.items())`.
    pub dict_reversekeyiterator: PyRef,
    pub dict_reversevalueiterator: PyRef,
    pub dict_reverseitemiterator: PyRef,
    pub iterator: PyRef,
    pub callable_iterator: PyRef,
    pub generic_alias: PyRef,
    pub dict_keys: PyRef,
    pub dict_values: PyRef,
    pub dict_items: PyRef,
    pub enumerate: PyRef,
    pub zip: PyRef,
    pub map: PyRef,
    pub filter: PyRef,
    pub reversed: PyRef,
    /// `reversed(list)` (`list.__reversed__`): a reversed iterator of its own type.
    pub list_reverseiterator: PyRef,
    pub generator: PyRef,
    pub bytearray: PyRef,
    pub frame: PyRef,
    pub set_iterator: PyRef,
    pub union_type: PyRef,
    pub unsupported_operation: PyRef,
    pub simple_namespace: PyRef,
    pub memoryview: PyRef,
    pub coroutine: PyRef,
    pub async_generator: PyRef,
    pub async_gen_asend: PyRef,
    pub async_gen_athrow: PyRef,
    /// `anext(it, default)`'s awaitable: a native type made by `install_methods` (this
    /// placeholder until then).
    pub anext_awaitable: PyRef,
    /// `iter(tuple[int])` (`types/generic_alias.rs`): made by `install_methods`.
    pub generic_alias_iterator: PyRef,
    /// `sys.get_asyncgen_hooks()`'s struct sequence (made by `builtins::sys_runtime`).
    pub asyncgen_hooks: PyRef,
    /// `coro.__await__()` (`types/coroutine.rs`): made by `install_methods`.
    pub coroutine_wrapper: PyRef,
    /// `sys.unraisablehook`'s argument type (made by `builtins::sys::install`; this
    /// placeholder until then).
    pub unraisable_hook_args: PyRef,
    pub async_gen_wrapped: PyRef,
    // exceptions
    pub base_exception: PyRef,
    pub system_exit: PyRef,
    pub keyboard_interrupt: PyRef,
    pub generator_exit: PyRef,
    pub exception: PyRef,
    pub stop_iteration: PyRef,
    pub arithmetic_error: PyRef,
    pub zero_division_error: PyRef,
    pub overflow_error: PyRef,
    pub assertion_error: PyRef,
    pub attribute_error: PyRef,
    pub lookup_error: PyRef,
    pub index_error: PyRef,
    pub key_error: PyRef,
    pub name_error: PyRef,
    pub unbound_local_error: PyRef,
    pub runtime_error: PyRef,
    pub recursion_error: PyRef,
    pub not_implemented_error: PyRef,
    pub type_error: PyRef,
    pub value_error: PyRef,
    pub unicode_error: PyRef,
    pub system_error: PyRef,
    pub import_error: PyRef,
    pub module_not_found_error: PyRef,
    pub os_error: PyRef,
    pub eof_error: PyRef,
    pub memory_error: PyRef,
    pub stop_async_iteration: PyRef,
    pub buffer_error: PyRef,
    pub floating_point_error: PyRef,
    pub warning: PyRef,
    /// Every exception type with its name, for the builtins module.
    pub exception_names: Vec<(String, PyRef)>,
}

struct Maker {
    type_: PyRef,
}

impl Maker {
    fn ty(&self, name: &str, kind: BaseKind) -> PyRef {
        PyRef::new(PyObject {
            ty: self.type_.clone().into(),
            dict: crate::object::DictSlot::new(None),
            payload: Payload::Type(Box::new(TypeData::new(name, kind, false))),
        })
    }
}

/// Give a bootstrap type its bases, MRO and an empty dict.
fn finish(t: &PyRef, bases: &[&PyRef], dict_type: &PyRef) {
    let td = tdata(t);
    let bases: Vec<PyRef> = bases.iter().map(|b| (*b).clone()).collect();
    let mro = c3_mro(&bases).unwrap_or_else(|_| bases.clone());
    introspect::note_subclass(&bases, t);
    let _ = td.bases.set(bases);
    let _ = td.mro.set(mro);
    let _ = td.dict.set(PyRef::new(PyObject {
        ty: dict_type.clone().into(),
        dict: crate::object::DictSlot::new(None),
        payload: Payload::Dict(Default::default()),
    }));
}

impl Types {
    pub fn bootstrap() -> Types {
        let type_ = PyRef::new_self_typed(|me| PyObject {
            ty: me.into(),
            dict: crate::object::DictSlot::new(None),
            payload: Payload::Type(Box::new(TypeData::new("type", BaseKind::Type, false))),
        });
        let m = Maker {
            type_: type_.clone(),
        };
        let object = m.ty("object", BaseKind::Object);
        let dict = m.ty("dict", BaseKind::Dict);
        finish(&object, &[], &dict);
        finish(&type_, &[&object], &dict);
        finish(&dict, &[&object], &dict);
        let simple = |name: &str, kind| {
            let t = m.ty(name, kind);
            finish(&t, &[&object], &dict);
            t
        };
        let int = simple("int", BaseKind::Int);
        let bool_ = m.ty("bool", BaseKind::Final);
        finish(&bool_, &[&int], &dict);
        let fin = |name: &str| simple(name, BaseKind::Final);
        let base_exception = simple("BaseException", BaseKind::Exception);
        let mut names: Vec<(String, PyRef)> =
            vec![("BaseException".into(), base_exception.clone())];
        let mut exc = |name: &str, base: &PyRef| {
            let t = m.ty(name, BaseKind::Exception);
            finish(&t, &[base], &dict);
            names.push((name.to_string(), t.clone()));
            t
        };
        let system_exit = exc("SystemExit", &base_exception);
        let keyboard_interrupt = exc("KeyboardInterrupt", &base_exception);
        let generator_exit = exc("GeneratorExit", &base_exception);
        let exception = exc("Exception", &base_exception);
        let stop_iteration = exc("StopIteration", &exception);
        let stop_async_iteration = exc("StopAsyncIteration", &exception);
        let arithmetic_error = exc("ArithmeticError", &exception);
        let floating_point_error = exc("FloatingPointError", &arithmetic_error);
        let overflow_error = exc("OverflowError", &arithmetic_error);
        let zero_division_error = exc("ZeroDivisionError", &arithmetic_error);
        let assertion_error = exc("AssertionError", &exception);
        let attribute_error = exc("AttributeError", &exception);
        let buffer_error = exc("BufferError", &exception);
        let eof_error = exc("EOFError", &exception);
        let import_error = exc("ImportError", &exception);
        let module_not_found_error = exc("ModuleNotFoundError", &import_error);
        let lookup_error = exc("LookupError", &exception);
        let index_error = exc("IndexError", &lookup_error);
        let key_error = exc("KeyError", &lookup_error);
        let memory_error = exc("MemoryError", &exception);
        let name_error = exc("NameError", &exception);
        let unbound_local_error = exc("UnboundLocalError", &name_error);
        let os_error = exc("OSError", &exception);
        let runtime_error = exc("RuntimeError", &exception);
        let not_implemented_error = exc("NotImplementedError", &runtime_error);
        let recursion_error = exc("RecursionError", &runtime_error);
        let system_error = exc("SystemError", &exception);
        let type_error = exc("TypeError", &exception);
        let value_error = exc("ValueError", &exception);
        let unicode_error = exc("UnicodeError", &value_error);
        let warning = exc("Warning", &exception);
        let syntax_error = exc("SyntaxError", &exception);
        let indentation_error = exc("IndentationError", &syntax_error);
        exc("TabError", &indentation_error);
        let connection_error = exc("ConnectionError", &os_error);
        // io.UnsupportedOperation(OSError, ValueError): not a builtin name.
        let unsupported_operation = m.ty("UnsupportedOperation", BaseKind::Exception);
        finish(&unsupported_operation, &[&os_error, &value_error], &dict);
        for (n, b) in [
            ("BrokenPipeError", &connection_error),
            ("ConnectionAbortedError", &connection_error),
            ("ConnectionRefusedError", &connection_error),
            ("ConnectionResetError", &connection_error),
            ("BlockingIOError", &os_error),
            ("ChildProcessError", &os_error),
            ("InterruptedError", &os_error),
            ("IsADirectoryError", &os_error),
            ("NotADirectoryError", &os_error),
            ("ProcessLookupError", &os_error),
            ("ReferenceError", &exception),
            ("UnicodeTranslateError", &unicode_error),
            ("BytesWarning", &warning),
            ("EncodingWarning", &warning),
            ("FutureWarning", &warning),
            ("ImportWarning", &warning),
            ("PendingDeprecationWarning", &warning),
            ("ResourceWarning", &warning),
            ("SyntaxWarning", &warning),
            ("UnicodeWarning", &warning),
            ("UnicodeDecodeError", &unicode_error),
            ("UnicodeEncodeError", &unicode_error),
            ("FileNotFoundError", &os_error),
            ("FileExistsError", &os_error),
            ("PermissionError", &os_error),
            ("TimeoutError", &os_error),
            ("DeprecationWarning", &warning),
            ("UserWarning", &warning),
            ("RuntimeWarning", &warning),
        ] {
            exc(n, b);
        }
        let base_exception_group = exc("BaseExceptionGroup", &base_exception);
        let exception_group = m.ty("ExceptionGroup", BaseKind::Exception);
        finish(
            &exception_group,
            &[&base_exception_group, &exception],
            &dict,
        );
        names.push(("ExceptionGroup".to_string(), exception_group));
        names.push(("IOError".to_string(), os_error.clone()));
        names.push(("EnvironmentError".to_string(), os_error.clone()));
        Types {
            int,
            bool: bool_,
            float: simple("float", BaseKind::Float),
            str: simple("str", BaseKind::Str),
            bytes: simple("bytes", BaseKind::Bytes),
            tuple: simple("tuple", BaseKind::Tuple),
            list: simple("list", BaseKind::List),
            set: simple("set", BaseKind::Set),
            frozenset: simple("frozenset", BaseKind::FrozenSet),
            range: fin("range"),
            complex: simple("complex", BaseKind::Complex),
            slice: fin("slice"),
            none_type: fin("NoneType"),
            not_implemented_type: fin("NotImplementedType"),
            ellipsis_type: fin("ellipsis"),
            function: fin("function"),
            builtin_function: fin("builtin_function_or_method"),
            method: fin("method"),
            code: fin("code"),
            cell: fin("cell"),
            module: simple("module", BaseKind::Module),
            property: simple("property", BaseKind::Property),
            member_descriptor: fin("member_descriptor"),
            wrapper_descriptor: fin("wrapper_descriptor"),
            method_wrapper: fin("method-wrapper"),
            method_descriptor: fin("method_descriptor"),
            classmethod_descriptor: fin("classmethod_descriptor"),
            getset_descriptor: fin("getset_descriptor"),
            weakref: fin("ReferenceType"),
            weakproxy: fin("ProxyType"),
            weakcallableproxy: fin("CallableProxyType"),
            mappingproxy: fin("mappingproxy"),
            classmethod: simple("classmethod", BaseKind::ClassMethod),
            staticmethod: simple("staticmethod", BaseKind::StaticMethod),
            super_: fin("super"),
            traceback: fin("traceback"),
            list_iterator: fin("list_iterator"),
            tuple_iterator: fin("tuple_iterator"),
            str_iterator: fin("str_ascii_iterator"),
            range_iterator: fin("range_iterator"),
            longrange_iterator: fin("longrange_iterator"),
            dict_keyiterator: fin("dict_keyiterator"),
            dict_valueiterator: fin("dict_valueiterator"),
            dict_itemiterator: fin("dict_itemiterator"),
            dict_reversekeyiterator: fin("dict_reversekeyiterator"),
            dict_reversevalueiterator: fin("dict_reversevalueiterator"),
            dict_reverseitemiterator: fin("dict_reverseitemiterator"),
            iterator: fin("iterator"),
            callable_iterator: fin("callable_iterator"),
            generic_alias: simple("GenericAlias", BaseKind::GenericAlias),
            dict_keys: fin("dict_keys"),
            dict_values: fin("dict_values"),
            dict_items: fin("dict_items"),
            enumerate: simple("enumerate", BaseKind::Enumerate),
            zip: simple("zip", BaseKind::Zip),
            map: simple("map", BaseKind::Map),
            filter: simple("filter", BaseKind::Filter),
            reversed: simple("reversed", BaseKind::Reversed),
            list_reverseiterator: fin("list_reverseiterator"),
            generator: fin("generator"),
            bytearray: simple("bytearray", BaseKind::ByteArray),
            frame: fin("frame"),
            set_iterator: fin("set_iterator"),
            union_type: fin("UnionType"),
            unsupported_operation,
            simple_namespace: simple("SimpleNamespace", BaseKind::Object),
            memoryview: fin("memoryview"),
            coroutine: fin("coroutine"),
            async_generator: fin("async_generator"),
            async_gen_asend: fin("async_generator_asend"),
            async_gen_athrow: fin("async_generator_athrow"),
            anext_awaitable: fin("anext_awaitable"),
            generic_alias_iterator: fin("generic_alias_iterator"),
            asyncgen_hooks: fin("asyncgen_hooks"),
            coroutine_wrapper: fin("coroutine_wrapper"),
            unraisable_hook_args: fin("UnraisableHookArgs"),
            async_gen_wrapped: fin("async_generator_wrapped_value"),
            base_exception,
            system_exit,
            keyboard_interrupt,
            generator_exit,
            exception,
            stop_iteration,
            arithmetic_error,
            zero_division_error,
            overflow_error,
            assertion_error,
            attribute_error,
            lookup_error,
            index_error,
            key_error,
            name_error,
            unbound_local_error,
            runtime_error,
            recursion_error,
            not_implemented_error,
            type_error,
            value_error,
            unicode_error,
            system_error,
            import_error,
            module_not_found_error,
            os_error,
            eof_error,
            memory_error,
            stop_async_iteration,
            buffer_error,
            floating_point_error,
            warning,
            exception_names: names,
            object,
            dict,
            type_,
        }
    }
}

/// A new non-subclassable builtin type deriving from object (for module-level helpers).
pub fn new_builtin_type(vm: &mut Vm, name: &str) -> PyRef {
    let t = PyRef::new(PyObject {
        ty: vm.types.type_.clone().into(),
        dict: crate::object::DictSlot::new(None),
        payload: Payload::Type(Box::new(TypeData::new(name, BaseKind::Final, false))),
    });
    let (o, d) = (vm.types.object.clone(), vm.types.dict.clone());
    finish(&t, &[&o], &d);
    t
}

/// Put `methods` into `ty`'s dict as method descriptors.
pub fn add_methods(vm: &mut Vm, ty: &PyRef, methods: &[(&'static str, NativeFn)]) {
    let Some(d) = tdata(ty).dict.get().cloned() else {
        return;
    };
    for (name, f) in methods {
        let b = vm.alloc(
            &vm.types.method_descriptor.clone(),
            Payload::Builtin(Box::new(BuiltinData {
                name,
                func: *f,
                self_: None,
                is_method: true,
                owner: Some(ty.clone()),
                fast: None,
            })),
        );
        let n = vm.intern(name);
        dict::dict_set_str(vm, &d, &n, Value::Obj(b));
    }
}

/// Install `methods` as class methods of `ty` (`int.from_bytes`, `float.fromhex`).
pub fn add_classmethods(vm: &mut Vm, ty: &PyRef, methods: &[(&'static str, NativeFn)]) {
    let Some(d) = tdata(ty).dict.get().cloned() else {
        return;
    };
    for (name, f) in methods {
        let b = vm.alloc(
            &vm.types.builtin_function.clone(),
            Payload::Builtin(Box::new(BuiltinData {
                name,
                func: *f,
                self_: None,
                is_method: false,
                owner: Some(ty.clone()),
                fast: None,
            })),
        );
        let cm = vm.alloc(
            &vm.types.classmethod_descriptor.clone(),
            Payload::ClassMethod(Value::Obj(b)),
        );
        let n = vm.intern(name);
        dict::dict_set_str(vm, &d, &n, Value::Obj(cm));
    }
}

/// Set a type attribute (`__module__`, `__doc__`, ...).
pub fn set_type_attr(vm: &mut Vm, ty: &PyRef, name: &str, v: Value) {
    let Some(d) = tdata(ty).dict.get().cloned() else {
        return;
    };
    let n = vm.intern(name);
    dict::dict_set_str(vm, &d, &n, v);
}

/// Install every builtin type's method table and constructor slots.
pub fn install_methods(vm: &mut Vm) {
    let t = |vm: &Vm, f: fn(&Types) -> &PyRef| f(&vm.types).clone();
    let pairs: Vec<(PyRef, &[(&'static str, NativeFn)])> = vec![
        (t(vm, |t| &t.object), object::METHODS),
        (t(vm, |t| &t.type_), type_::METHODS),
        (t(vm, |t| &t.object), introspect::OBJECT_METHODS),
        (t(vm, |t| &t.code), code::METHODS),
        (t(vm, |t| &t.type_), introspect::TYPE_METHODS),
        (t(vm, |t| &t.int), int::METHODS),
        (t(vm, |t| &t.float), float::METHODS),
        (t(vm, |t| &t.str), str_methods::METHODS),
        (t(vm, |t| &t.str), str_text::METHODS),
        (t(vm, |t| &t.bytes), bytes::METHODS),
        (t(vm, |t| &t.bytes), bytes_methods::METHODS),
        (t(vm, |t| &t.tuple), tuple::METHODS),
        (t(vm, |t| &t.list), list::METHODS),
        (t(vm, |t| &t.dict), dict_methods::METHODS),
        (t(vm, |t| &t.set), set::METHODS),
        (t(vm, |t| &t.frozenset), set::FROZENSET_METHODS),
        (t(vm, |t| &t.range), range::METHODS),
        (t(vm, |t| &t.complex), complex::METHODS),
        (t(vm, |t| &t.slice), slice::METHODS),
        (t(vm, |t| &t.base_exception), exceptions::METHODS),
        (t(vm, |t| &t.generator), generator::METHODS),
        (t(vm, |t| &t.coroutine), generator::COROUTINE_METHODS),
        (t(vm, |t| &t.async_generator), coroutine::ASYNC_GEN_METHODS),
        (t(vm, |t| &t.async_gen_asend), coroutine::OP_METHODS),
        (t(vm, |t| &t.async_gen_athrow), coroutine::OP_METHODS),
        (t(vm, |t| &t.property), function::PROPERTY_METHODS),
        (t(vm, |t| &t.generic_alias), generic_alias::METHODS),
    ];
    for (ty, methods) in pairs {
        add_methods(vm, &ty, methods);
    }
    let (list_ty, dict_ty) = (t(vm, |t| &t.list), t(vm, |t| &t.dict));
    function::add_fast_methods(vm, &list_ty, list::FAST_METHODS);
    function::add_fast_methods(vm, &dict_ty, dict_methods::FAST_METHODS);
    let set_ty = t(vm, |t| &t.set);
    function::add_fast_methods(vm, &set_ty, set::FAST_METHODS);
    let ba = t(vm, |t| &t.bytearray);
    add_methods(vm, &ba, &bytearray::methods());
    add_classmethods(vm, &ba, bytearray::CLASSMETHODS);
    let mv = t(vm, |t| &t.memoryview);
    add_methods(vm, &mv, bytearray::MEMORYVIEW_METHODS);
    let fr = vm.types.frame.clone();
    add_methods(vm, &fr, frame::FRAME_METHODS);
    let tb = vm.types.traceback.clone();
    add_methods(vm, &tb, traceback::TRACEBACK_METHODS);
    let int = t(vm, |t| &t.int);
    add_classmethods(vm, &int, int::CLASSMETHODS);
    let type_ = t(vm, |t| &t.type_);
    add_classmethods(vm, &type_, introspect::TYPE_CLASSMETHODS);
    let bytes = t(vm, |t| &t.bytes);
    add_classmethods(vm, &bytes, bytes_methods::CLASSMETHODS);
    let dict = t(vm, |t| &t.dict);
    add_classmethods(vm, &dict, dict_methods::CLASSMETHODS);
    for view in [t(vm, |t| &t.dict_keys), t(vm, |t| &t.dict_items)] {
        add_methods(vm, &view, dict_methods::VIEW_METHODS);
    }
    for view in [
        t(vm, |t| &t.dict_keys),
        t(vm, |t| &t.dict_values),
        t(vm, |t| &t.dict_items),
    ] {
        add_methods(vm, &view, &[("__reversed__", iter::dictview_reversed)]);
    }
    let float = t(vm, |t| &t.float);
    add_classmethods(vm, &float, float::CLASSMETHODS);
    exception_group::install(vm);
    vm.types.anext_awaitable = anext_awaitable::make_type(vm);
    vm.types.generic_alias_iterator = generic_alias::make_iter_type(vm);
    vm.types.coroutine_wrapper = coroutine::make_wrapper_type(vm);
    for ty in [
        t(vm, |t| &t.list_iterator),
        t(vm, |t| &t.tuple_iterator),
        t(vm, |t| &t.str_iterator),
        t(vm, |t| &t.range_iterator),
        t(vm, |t| &t.longrange_iterator),
        t(vm, |t| &t.set_iterator),
        t(vm, |t| &t.dict_keyiterator),
        t(vm, |t| &t.dict_valueiterator),
        t(vm, |t| &t.dict_itemiterator),
        t(vm, |t| &t.dict_reversekeyiterator),
        t(vm, |t| &t.dict_reversevalueiterator),
        t(vm, |t| &t.dict_reverseitemiterator),
        t(vm, |t| &t.iterator),
        t(vm, |t| &t.reversed),
        t(vm, |t| &t.list_reverseiterator),
    ] {
        add_methods(vm, &ty, iter::ITERATOR_METHODS);
    }
    for ty in [
        t(vm, |t| &t.list_iterator),
        t(vm, |t| &t.tuple_iterator),
        t(vm, |t| &t.str_iterator),
        t(vm, |t| &t.iterator),
        t(vm, |t| &t.reversed),
        t(vm, |t| &t.list_reverseiterator),
    ] {
        add_methods(vm, &ty, iter::SEQ_ITERATOR_METHODS);
    }
    let range_iterator = t(vm, |t| &t.range_iterator);
    add_methods(vm, &range_iterator, iter::RANGE_ITERATOR_METHODS);
    let zip = t(vm, |t| &t.zip);
    add_methods(vm, &zip, iter::ZIP_METHODS);
    for ty in [
        t(vm, |t| &t.map),
        t(vm, |t| &t.filter),
        t(vm, |t| &t.enumerate),
    ] {
        add_methods(vm, &ty, iter::BUILTIN_ITER_METHODS);
    }
    let io_name = vm.new_str("io");
    let uo = t(vm, |t| &t.unsupported_operation);
    set_type_attr(vm, &uo, "__module__", io_name);
    let str_ = t(vm, |t| &t.str);
    add_classmethods(vm, &str_, str_text::CLASSMETHODS);
    let slots: Vec<(
        PyRef,
        Option<crate::object::typeobj::NewFn>,
        Option<crate::object::typeobj::InitFn>,
    )> = vec![
        (
            t(vm, |t| &t.object),
            Some(object::object_new),
            Some(object::object_init),
        ),
        (t(vm, |t| &t.type_), Some(type_::type_new), None),
        (t(vm, |t| &t.int), Some(int::int_new), None),
        (t(vm, |t| &t.bool), Some(int::bool_new), None),
        (t(vm, |t| &t.float), Some(float::float_new), None),
        (t(vm, |t| &t.str), Some(str_methods::str_new), None),
        (t(vm, |t| &t.bytes), Some(bytes::bytes_new), None),
        (
            t(vm, |t| &t.simple_namespace),
            Some(namespace::namespace_new),
            None,
        ),
        (
            t(vm, |t| &t.bytearray),
            Some(bytearray::bytearray_new),
            Some(bytearray::bytearray_init),
        ),
        (
            t(vm, |t| &t.memoryview),
            Some(bytearray::memoryview_new),
            None,
        ),
        (t(vm, |t| &t.tuple), Some(tuple::tuple_new), None),
        (
            t(vm, |t| &t.list),
            Some(list::list_new),
            Some(list::list_init),
        ),
        (
            t(vm, |t| &t.dict),
            Some(dict_methods::dict_new),
            Some(dict_methods::dict_init),
        ),
        (t(vm, |t| &t.set), Some(set::set_new), Some(set::set_init)),
        (t(vm, |t| &t.frozenset), Some(set::frozenset_new), None),
        (t(vm, |t| &t.range), Some(range::range_new), None),
        (t(vm, |t| &t.complex), Some(complex::complex_new), None),
        (t(vm, |t| &t.slice), Some(slice::slice_new), None),
        (
            t(vm, |t| &t.base_exception),
            Some(exceptions::exc_new),
            Some(exceptions::exc_init),
        ),
        (t(vm, |t| &t.property), Some(function::property_new), None),
        (
            t(vm, |t| &t.generic_alias),
            Some(generic_alias::generic_alias_new),
            None,
        ),
        (
            t(vm, |t| &t.module),
            Some(module::module_new),
            Some(module::module_init),
        ),
        (
            t(vm, |t| &t.classmethod),
            Some(function::classmethod_new),
            None,
        ),
        (
            t(vm, |t| &t.staticmethod),
            Some(function::staticmethod_new),
            None,
        ),
        (t(vm, |t| &t.super_), Some(type_::super_new), None),
        (t(vm, |t| &t.method), Some(function::method_new), None),
        (t(vm, |t| &t.function), Some(function::function_new), None),
        (t(vm, |t| &t.enumerate), Some(iter::enumerate_new), None),
        (t(vm, |t| &t.zip), Some(iter::zip_new), None),
        (t(vm, |t| &t.map), Some(iter::map_new), None),
        (t(vm, |t| &t.filter), Some(iter::filter_new), None),
        (t(vm, |t| &t.reversed), Some(iter::reversed_new), None),
    ];
    for (ty, new, init) in slots {
        tdata(&ty).tp_new.set(new);
        tdata(&ty).tp_init.set(init);
    }
    slot_wrapper::install(vm);
    let (r, p, cp) = crate::modules::_weakref::make_types(vm);
    (
        vm.types.weakref,
        vm.types.weakproxy,
        vm.types.weakcallableproxy,
    ) = (r, p, cp);
    vm.types.mappingproxy = mappingproxy::make_type(vm);
    descriptor::install(vm);
    descriptor::install_docs(vm);
}
