//! The abstract object protocol (CPython: `Objects/abstract.c`, `Objects/object.c`):
//! repr, str, hash, truth, len, iteration, item access, containment, for any value. Builtin
//! payloads take a direct path; instances of classes reach their Python dunders through
//! [`heap_dunder`]. Every function here may run Python code, so all take `&mut Vm`.

use crate::object::typeobj::tdata;
use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyResult, Vm};

/// The attribute `name` defined by a class statement in `ty`'s MRO, before any builtin
/// type (whose behaviour the builtin payload paths provide).
pub fn heap_dunder(vm: &mut Vm, ty: &PyRef, name: &'static str) -> Option<Value> {
    if !tdata(ty).heap {
        return None;
    }
    crate::object::cache::heap_lookup(vm, ty, name)
}

/// A special method of any type (`_PyObject_LookupSpecial`): a class's dunder, or a
/// builtin type's method-table entry (`memoryview.__enter__`, a file's `__exit__`).
pub fn special_method(vm: &mut Vm, ty: &PyRef, name: &'static str) -> Option<Value> {
    if tdata(ty).heap {
        return heap_dunder(vm, ty, name).or_else(|| {
            let n = vm.intern(name);
            crate::object::cache::type_lookup(vm, ty, &n)
        });
    }
    let n = vm.intern(name);
    crate::object::cache::type_lookup(vm, ty, &n)
}

/// Call a dunder found on the type with `obj` as self.
pub fn call_dunder(vm: &mut Vm, attr: Value, obj: &Value, args: Vec<Value>) -> PyResult<Value> {
    match attr.payload() {
        Some(Payload::Function(_)) => {
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(obj.clone());
            a.extend(args);
            vm.call(&attr, a)
        }
        _ => {
            let ty = vm.type_of(obj).clone();
            let bound = crate::object::attr::descr_get(vm, attr, Some(obj.clone()), &ty)?;
            vm.call(&bound, args)
        }
    }
}

/// Look up and call `obj.<name>(*args)` if a class defines it.
pub fn try_heap_dunder(
    vm: &mut Vm,
    obj: &Value,
    name: &'static str,
    args: Vec<Value>,
) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj).clone();
    match heap_dunder(vm, &ty, name) {
        Some(f) => call_dunder(vm, f, obj, args).map(Some),
        None => Ok(None),
    }
}

impl Vm {
    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if let Some(r) = try_heap_dunder(self, v, "__repr__", vec![])? {
            return match r.as_str() {
                Some(s) if self.isinstance(&r, &self.types.str.clone()) => {
                    Ok(s.as_rust().into_owned())
                }
                _ => Err(self.type_error(format!(
                    "__repr__ returned non-string (type {})",
                    self.type_name(&r)
                ))),
            };
        }
        crate::types::repr::builtin_repr(self, v)
    }

    /// `repr(v)` as a str value.
    pub fn repr_value(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Int(i) = v {
            return Ok(self.new_pystr(crate::types::str::PyStr::from_i64(*i)));
        }
        if let Some(s) = v.as_str() {
            if !v.as_obj().is_some_and(|o| tdata(&o.ty).heap) {
                let r = s.repr();
                return Ok(self.new_str(&r));
            }
        }
        let r = self.repr(v)?;
        Ok(self.new_str(&r))
    }

    /// `str(v)` as a str value.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Obj(o) if o.ty.is(&self.types.str) => return Ok(v.clone()),
            Value::Int(i) => return Ok(self.new_pystr(crate::types::str::PyStr::from_i64(*i))),
            _ => {}
        }
        if let Some(r) = try_heap_dunder(self, v, "__str__", vec![])? {
            if r.as_str().is_none() {
                return Err(self.type_error(format!(
                    "__str__ returned non-string (type {})",
                    self.type_name(&r)
                )));
            }
            return Ok(r);
        }
        match v {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => {
                    Ok(self.new_pystr(crate::types::str::PyStr::from_vec(s.to_vec())))
                }
                // str(args[0]) inside: counted and on a growing stack, as CPython's
                // PyObject_Str guard (`e.args = (e,)` is a RecursionError, not a crash).
                Payload::Exception(_) => {
                    self.enter_recursion(" while getting the str of an object")?;
                    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                        crate::types::exceptions::exc_str(self, v)
                    });
                    self.leave_recursion();
                    r
                }
                _ => self.repr_value(v),
            },
            _ => self.repr_value(v),
        }
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        let s = self.str_value(v)?;
        Ok(s.as_str()
            .map(|s| s.as_rust().into_owned())
            .unwrap_or_default())
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::None => Ok(0xFCA86420 >> 4),
            Value::Bool(b) => Ok(*b as i64),
            Value::Int(i) => Ok(crate::hash::hash_i64(*i)),
            Value::Float(f) => Ok(crate::hash::hash_f64(*f, (v.id() >> 4) as i64)),
            Value::Obj(o) => {
                if tdata(&o.ty).heap {
                    let ty = o.ty.clone();
                    if let Some(h) = heap_dunder(self, &ty, "__hash__") {
                        if matches!(h, Value::None) {
                            return Err(self
                                .type_error(format!("unhashable type: '{}'", tdata(&ty).name())));
                        }
                        let r = call_dunder(self, h, v, vec![])?;
                        return match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Bool(b) => Ok(b as i64),
                            Value::Obj(ref ro) if matches!(ro.payload, Payload::Int(_)) => {
                                if let Payload::Int(b) = &ro.payload {
                                    Ok(crate::hash::hash_bigint(b))
                                } else {
                                    Ok(0)
                                }
                            }
                            _ => Err(self.type_error("__hash__ method should return an integer")),
                        };
                    }
                    // A class that defines __eq__ but not __hash__ is unhashable.
                    if heap_dunder(self, &ty, "__eq__").is_some() {
                        return Err(
                            self.type_error(format!("unhashable type: '{}'", tdata(&ty).name()))
                        );
                    }
                }
                crate::types::repr::builtin_hash(self, o)
            }
        }
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::None => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                if tdata(&o.ty).heap {
                    if let Some(r) = try_heap_dunder(self, v, "__bool__", vec![])? {
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(r) = try_heap_dunder(self, v, "__len__", vec![])? {
                        return Ok(self.len_result(&r)? != 0);
                    }
                }
                Ok(match &o.payload {
                    Payload::Int(b) => b.sign() != num_bigint::Sign::NoSign,
                    Payload::Float(f) => *f != 0.0,
                    Payload::Complex(re, im) => *re != 0.0 || *im != 0.0,
                    Payload::Str(s) => !s.is_empty(),
                    Payload::Bytes(b) => !b.is_empty(),
                    Payload::ByteArray(b) => !b.borrow().is_empty(),
                    Payload::MemoryView(m) => m.len != 0,
                    Payload::Tuple(t) => !t.is_empty(),
                    Payload::List(l) => !l.borrow().is_empty(),
                    Payload::Dict(d) => !d.borrow().is_empty(),
                    Payload::Set(s) => !s.borrow().is_empty(),
                    Payload::Range(r) => !r.is_empty(),
                    _ => true,
                })
            }
        }
    }

    /// An int from `__index__`-like values (ints, bools); `msg` has one `{}` for the type.
    pub fn index_value(&mut self, v: &Value, msg: &str) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
                // An int subclass's instance holds its value here, small or not.
                let small = match &o.payload {
                    Payload::Int(b) => i64::try_from(b).ok(),
                    _ => None,
                };
                match small {
                    Some(i) => Ok(i),
                    None => {
                        let tn = self.type_name(v);
                        Err(self
                            .index_error(format!("cannot fit '{tn}' into an index-sized integer")))
                    }
                }
            }
            _ => {
                if let Some(r) = try_heap_dunder(self, v, "__index__", vec![])? {
                    if let Value::Int(i) = r {
                        return Ok(i);
                    }
                }
                Err(self.type_error(msg.replace("{}", &self.type_name(v))))
            }
        }
    }

    /// What a class's `__len__` returned, checked as `slot_sq_length` does.
    fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        if let Some(Payload::Int(b)) = r.payload() {
            if b.sign() == num_bigint::Sign::Minus {
                return Err(self.value_error("__len__() should return >= 0"));
            }
            return Err(self.overflow_error("cannot fit 'int' into an index-sized integer"));
        }
        let n = self.index_value(r, "'{}' object cannot be interpreted as an integer")?;
        if n < 0 {
            return Err(self.value_error("__len__() should return >= 0"));
        }
        Ok(n as usize)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            if tdata(&o.ty).heap {
                if let Some(r) = try_heap_dunder(self, v, "__len__", vec![])? {
                    return self.len_result(&r);
                }
            }
        }
        self.builtin_len(v)
    }

    /// `len(v)` by the builtin payload, whatever class defines `__len__` (what
    /// `list.__len__(x)` runs).
    pub fn builtin_len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            let n = match &o.payload {
                Payload::Str(s) => Some(s.len()),
                Payload::Bytes(b) => Some(b.len()),
                Payload::ByteArray(b) => Some(b.borrow().len()),
                Payload::MemoryView(_) => Some(crate::types::bytearray::view_len(self, v)?),
                Payload::Tuple(t) => Some(t.len()),
                Payload::List(l) => Some(l.borrow().len()),
                Payload::Dict(d) => Some(d.borrow().len()),
                Payload::Set(s) => Some(s.borrow().len()),
                Payload::Range(r) => Some(crate::types::range::len(self, r)?),
                Payload::DictView(d, _) => Some(crate::types::dict::len(d)),
                _ => None,
            };
            if let Some(n) = n {
                return Ok(n);
            }
        }
        Err(self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        crate::types::iter::get_iter(self, v)
    }

    /// `next(it)`: `None` when exhausted (StopIteration swallowed).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        crate::types::iter::next(self, it)
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            if !tdata(&o.ty).heap {
                match &o.payload {
                    Payload::Tuple(t) => return Ok(t.to_vec()),
                    Payload::List(l) => return Ok(l.borrow().clone()),
                    _ => {}
                }
            }
        }
        let it = self.iter(v)?;
        // An exact generator: its items in one loop entry.
        if let Some(out) = crate::types::generator::try_collect(self, &it)? {
            return Ok(out);
        }
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `callable(*args)`.
    pub fn call(&mut self, callable: &Value, args: Vec<Value>) -> PyResult<Value> {
        crate::eval::call::call(self, callable, Args::positional(args))
    }

    pub fn call_args(&mut self, callable: &Value, args: Args) -> PyResult<Value> {
        crate::eval::call::call(self, callable, args)
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let n = self.intern(name);
        let m = crate::object::attr::getattr(self, obj, &n)?;
        self.call(&m, args)
    }
}
