//! CALL of a builtin function, method descriptor or type from the eval loop: CPython's
//! vectorcall of a `PyCFunction` (`Objects/methodobject.c`, `Objects/descrobject.c`) and
//! 3.11's `PRECALL_NO_KW_METHOD_DESCRIPTOR_*` / `PRECALL_NO_KW_LIST_APPEND`
//! specializations (the `FastMethod` entry). The arguments move straight off the value
//! stack; Python-function calls are `eval/call.rs`'s.

use crate::object::{Payload, PyRef, Value};
use crate::types::function::{ArgVec, Args};
use crate::vm::{PyResult, Vm};

/// CALL(n) from the eval loop when the callable is a builtin function or method
/// descriptor, or a type: CPython's vectorcall of a `PyCFunction` (or `type_call`).
/// The stack holds 3.11's `[NULL | method, callable | self, args...]`; `nargs` counts
/// the arguments including a `self` already in place (`n + is_meth`), so the callable
/// is right below them; `kwnames` is KW_NAMES's tuple when the last arguments are
/// keywords. The arguments move out of their slots into the `Args` (positional ones
/// inline up to three: no allocation, no reference-count traffic) and the stack drops
/// to below the NULL slot before the call. `None` when the callable is neither: the
/// stack is untouched and the caller takes the general path.
#[inline]
pub fn call_builtin_on_stack(
    vm: &mut Vm,
    n: usize,
    nargs: usize,
    kwnames: Option<&Value>,
) -> Option<PyResult<Value>> {
    let len = vm.thread.stack.len();
    let base = len.checked_sub(n + 2)?;
    let ci = len - nargs - 1;
    // KW_NAMES named the last `nkw` arguments (a tuple of strs; anything else takes the
    // general path).
    let names: &[Value] = match kwnames {
        None => &[],
        Some(k) => {
            let t = k.as_tuple()?;
            if t.len() > nargs || !t.iter().all(|k| k.as_str().is_some()) {
                return None;
            }
            t
        }
    };
    let nkw = names.len();
    // `func` None: a type, called through `eval::call::call` (metaclass `__call__`, then
    // `type_call`).
    let (func, bound) = match &vm.thread.stack[ci] {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Builtin(b) => {
                // An unbound method descriptor whose first argument is not an instance
                // of its class: the general path raises CPython's TypeError
                // (`slot_wrapper::check_self`).
                if let (None, true, Some(owner)) = (&b.self_, b.is_method, &b.owner) {
                    let ok = nargs > 0
                        && matches!(&vm.thread.stack[len - nargs], Some(x)
                            if crate::object::typeobj::is_subtype(vm.type_of(x), owner));
                    if !ok {
                        return None;
                    }
                }
                (Some(b.func), b.self_.clone())
            }
            Payload::Type(_) => (None, None),
            _ => return None,
        },
        _ => return None,
    };
    // (Without keywords this is an empty `Vec`: no allocation, and no iterator work on
    // the common path.)
    let kw: Vec<(PyRef, Value)> = if nkw == 0 {
        Vec::new()
    } else {
        names
            .iter()
            .zip(len - nkw..len)
            .filter_map(|(k, i)| {
                let v = crate::frame::take_slot(&mut vm.thread.stack[i]).unwrap_or(Value::None);
                k.as_obj().map(|k| (k.clone(), v))
            })
            .collect()
    };
    let (nargs, len) = (nargs - nkw, len - nkw);
    let total = nargs + bound.is_some() as usize;
    let mut k = 0;
    let pos = if total <= crate::types::args::INLINE {
        let mut items = [Value::None, Value::None, Value::None];
        if let Some(b) = bound {
            items[0] = b;
            k = 1;
        }
        for i in len - nargs..len {
            if let Some(v) = crate::frame::take_slot(&mut vm.thread.stack[i]) {
                items[k] = v;
            }
            k += 1;
        }
        ArgVec::Inline {
            len: total as u8,
            items,
        }
    } else {
        let mut v = Vec::with_capacity(total);
        v.extend(bound);
        for i in len - nargs..len {
            v.push(crate::frame::take_slot(&mut vm.thread.stack[i]).unwrap_or(Value::None));
        }
        ArgVec::Heap(v)
    };
    // The callable stays alive through the call (its object is not on the stack any more).
    let callable = crate::frame::take_slot(&mut vm.thread.stack[ci]);
    // Every slot from `base` up is empty now: the NULL slot, or moved out above.
    vm.thread.stack.drop_empty_above(base);
    let args = Args { pos, kw };
    let r = match (func, &callable) {
        (Some(f), _) => f(vm, args),
        (None, Some(c)) => crate::eval::call::call(vm, c, args),
        (None, None) => Err(vm.system_error("CALL of a NULL")),
    };
    drop(callable);
    Some(r)
}

/// CALL(n) without keywords of a callable with a
/// [`FastMethod`](crate::types::function::FastMethod) entry: a method descriptor loaded
/// by LOAD_METHOD (stack `[descriptor, recv, args...]`) or a builtin function such as
/// `len` (`[NULL, len, x]`). Tried first by `eval::call::call_instr`; `None` (the stack
/// untouched) for any other call.
#[inline(always)]
pub fn call_fast(vm: &mut Vm, n: usize) -> Option<PyResult<Value>> {
    let len = vm.thread.stack.len();
    let base = len.checked_sub(n + 2)?;
    let nargs = n + vm.thread.stack[base].is_some() as usize;
    call_fast_method(vm, nargs, base, len - nargs - 1)
}

/// [`call_fast`]'s work for a method descriptor with a
/// [`FastMethod`](crate::types::function::FastMethod) entry,
/// called as `recv.m(args...)` without keywords (stack: `[descriptor, recv, args...]`,
/// `nargs` counting `recv`). `None` (the stack untouched) for anything else.
#[inline(always)]
fn call_fast_method(vm: &mut Vm, nargs: usize, base: usize, ci: usize) -> Option<PyResult<Value>> {
    let fm = match &vm.thread.stack[ci] {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Builtin(b) => {
                let fm = b.fast?;
                let n = nargs.checked_sub(1)?;
                // `max` is at most FAST_MAX by contract; the `min` makes the argument
                // array's slice below provably in bounds whatever an entry says.
                let max = (fm.max as usize).min(crate::types::function::FAST_MAX);
                if b.self_.is_some() || n < fm.min as usize || n > max {
                    return None;
                }
                // A method's receiver must be an instance of its class (else the general
                // path raises the descriptor's TypeError).
                if b.is_method {
                    let owner = b.owner.as_ref()?;
                    match &vm.thread.stack[ci + 1] {
                        Some(Value::Obj(r)) if r.ty.is(owner) => {}
                        Some(x) if crate::object::typeobj::is_subtype(vm.type_of(x), owner) => {}
                        _ => return None,
                    }
                }
                fm
            }
            _ => return None,
        },
        _ => return None,
    };
    let n = nargs - 1;
    let stack = &mut vm.thread.stack;
    // Released by `drop_args` (no drop glue: it would move the array and reload it whole).
    let mut args = std::mem::ManuallyDrop::new([Value::None, Value::None]);
    for (j, a) in args.iter_mut().enumerate().take(n) {
        if let Some(v) = stack[ci + 2 + j].take() {
            *a = v;
        }
    }
    let recv = stack[ci + 1].take().unwrap_or(Value::None);
    // The descriptor stays alive through the call (its slot is emptied).
    let callable = stack[ci].take();
    // Every slot from `base` up is empty now: the NULL slot, or moved out above.
    stack.drop_empty_above(base);
    let r = (fm.f)(vm, &recv, &mut args[..n]);
    drop_args(&mut args);
    drop(recv);
    drop(callable);
    Some(r)
}

/// Release what a [`FastMethod`](crate::types::function::FastMethod) left in its
/// arguments where they lie, reading each tag first: a method that moved an argument out
/// just wrote its tag alone, and dropping the array whole (`drop_in_place<[Value; 2]>`,
/// out of line, after a copy) reloaded it as 16-byte words, a store-forwarding stall on
/// every `xs.append(x)`. Only inline values are left after it.
#[inline(always)]
fn drop_args(args: &mut [Value; 2]) {
    for a in args.iter_mut() {
        if let Value::Obj(_) = a {
            drop(std::mem::replace(a, Value::None));
        }
    }
}
