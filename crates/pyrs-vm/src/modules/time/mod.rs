//! The `time` module (CPython: `Modules/timemodule.c`): the clocks (`clock_gettime`
//! through rustix), `sleep` (interrupted by Ctrl-C as CPython's is: KeyboardInterrupt),
//! `struct_time`, `gmtime`/`localtime`/`mktime` (`tz.rs`, on the zone data the C
//! library reads), `asctime`/`ctime`, `strftime` (`strftime.rs`, the C locale's), the
//! zone constants `timezone`/`altzone`/`daylight`/`tzname` and `tzset`, and `strptime`
//! (which imports `_strptime`, as CPython does).

mod strftime;
mod tz;

#[cfg(test)]
mod tests;

use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyErr, PyResult, Vm};
use rustix::time::{ClockId, Timespec};
use tz::Tm;

const DOC: &str = "This module provides various functions to manipulate time values.\n\
\n\
There are two standard representations of time.  One is the number\n\
of seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\n\
or a floating point number (to represent fractions of seconds).\n\
The Epoch is system-defined; on Unix, it is generally January 1st, 1970.\n\
The actual value can be retrieved by calling gmtime(0).\n\
\n\
The other representation is a tuple of 9 integers giving local time.\n\
The tuple items are:\n\
  year (including century, e.g. 1998)\n\
  month (1-12)\n\
  day (1-31)\n\
  hours (0-23)\n\
  minutes (0-59)\n\
  seconds (0-59)\n\
  weekday (0-6, Monday is 0)\n\
  Julian day (day in the year, 1-366)\n\
  DST (Daylight Savings Time) flag (-1, 0 or 1)\n\
If the DST flag is 0, the time is given in the regular time zone;\n\
if it is 1, the time is given in the DST time zone;\n\
if it is -1, mktime() should guess based on the date and time.\n";

const STRUCT_TIME_FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

/// The clock ids CPython 3.11 exports on Linux, with their `<time.h>` values.
const CLOCKS: [(&str, i64); 7] = [
    ("CLOCK_BOOTTIME", 7),
    ("CLOCK_MONOTONIC", 1),
    ("CLOCK_MONOTONIC_RAW", 4),
    ("CLOCK_PROCESS_CPUTIME_ID", 2),
    ("CLOCK_REALTIME", 0),
    ("CLOCK_TAI", 11),
    ("CLOCK_THREAD_CPUTIME_ID", 3),
];

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "time", DOC);
    let st = crate::types::structseq::make_type_split_heap(
        vm,
        "time.struct_time",
        &STRUCT_TIME_FIELDS,
        9,
        0,
        true,
    );
    let new = crate::types::function::new_builtin(vm, "__new__", struct_time_new);
    let sm_ty = vm.types.staticmethod.clone();
    let sm = Value::Obj(vm.alloc(&sm_ty, Payload::StaticMethod(new)));
    super::native_type::set_attr(vm, &st, "__new__", sm);
    let bty = vm.types.builtin_function.clone();
    let reduce = vm.alloc(
        &bty,
        Payload::Builtin(Box::new(crate::types::function::BuiltinData {
            name: "__reduce__",
            func: struct_time_reduce,
            self_: None,
            is_method: true,
            owner: Some(st.clone()),
            fast: None,
        })),
    );
    super::native_type::set_attr(vm, &st, "__reduce__", Value::Obj(reduce));
    crate::import::dict_set(vm, &d, "struct_time", Value::Obj(st.clone()));
    let state = super::native_type::types_state(vm, "time", vec![st]);
    super::native_type::add_state_functions(
        vm,
        &d,
        &state,
        &[
            ("gmtime", gmtime),
            ("localtime", localtime),
            ("mktime", mktime),
            ("asctime", asctime),
            ("ctime", ctime),
            ("strftime", strftime_fn),
        ],
    );
    super::add_functions(
        vm,
        &d,
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("clock_gettime", clock_gettime),
            ("clock_gettime_ns", clock_gettime_ns),
            ("clock_getres", clock_getres),
            ("clock_settime", clock_settime),
            ("clock_settime_ns", clock_settime_ns),
            ("get_clock_info", get_clock_info),
            ("sleep", sleep),
            ("strptime", strptime),
        ],
    );
    super::native_type::add_state_functions(vm, &d, &Value::Obj(m.clone()), &[("tzset", tzset)]);
    for (name, v) in CLOCKS {
        crate::import::dict_set(vm, &d, name, Value::Int(v));
    }
    crate::import::dict_set(vm, &d, "_STRUCT_TM_ITEMS", Value::Int(11));
    set_zone_constants(vm, &d);
    Ok(m)
}

/// `init_timezone`: `timezone`, `altzone`, `daylight`, `tzname` of the current zone.
fn set_zone_constants(vm: &mut Vm, d: &PyRef) {
    let now = now_ns() / 1_000_000_000;
    let (timezone, altzone, daylight, (std, dst)) = tz::zone_constants(now as i64);
    crate::import::dict_set(vm, d, "timezone", Value::Int(timezone));
    crate::import::dict_set(vm, d, "altzone", Value::Int(altzone));
    crate::import::dict_set(vm, d, "daylight", Value::Int(daylight as i64));
    let names = vec![vm.new_str(&std), vm.new_str(&dst)];
    let t = vm.new_tuple(names);
    crate::import::dict_set(vm, d, "tzname", t);
}

/// `tzset()`: read `TZ` again and reset the module's zone constants.
fn tzset(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let module = args.pos.remove(0);
    no_args(vm, &args, "tzset")?;
    tz::tzset();
    if let Some(Payload::Module(d)) = module.payload() {
        let d = d.clone();
        set_zone_constants(vm, &d);
    }
    Ok(Value::None)
}

// --- clocks -------------------------------------------------------------------------

fn ns_of(ts: Timespec) -> i128 {
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn now_ns() -> i128 {
    ns_of(rustix::time::clock_gettime(ClockId::Realtime))
}

fn secs(ns: i128) -> Value {
    Value::Float(ns as f64 / 1e9)
}

fn ns_value(vm: &mut Vm, ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(i) => Value::Int(i),
        Err(_) => crate::types::int::big_to_value(vm, num_bigint::BigInt::from(ns)),
    }
}

/// `METH_NOARGS`' check.
fn no_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("time.{name}() takes no keyword arguments")));
    }
    match args.pos.len() {
        0 => Ok(()),
        n => Err(vm.type_error(format!("time.{name}() takes no arguments ({n} given)"))),
    }
}

/// `METH_O`'s check.
fn one_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("time.{name}() takes no keyword arguments")));
    }
    match args.pos.len() {
        1 => Ok(()),
        n => Err(vm.type_error(format!(
            "time.{name}() takes exactly one argument ({n} given)"
        ))),
    }
}

/// `PyArg_ParseTuple`'s count check for `name` (`min` to `max` positional arguments).
fn tuple_args(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max && n != min {
        format!(
            "{name}() takes exactly {min} argument{} ({n} given)",
            s(min)
        )
    } else if n < min {
        format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            s(min)
        )
    } else if n > max {
        format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            s(max)
        )
    } else {
        return Ok(());
    };
    Err(vm.type_error(msg))
}

fn time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "time")?;
    Ok(secs(now_ns()))
}

fn time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "time_ns")?;
    Ok(ns_value(vm, now_ns()))
}

fn monotonic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "monotonic")?;
    Ok(secs(ns_of(rustix::time::clock_gettime(ClockId::Monotonic))))
}

fn monotonic_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "monotonic_ns")?;
    let ns = ns_of(rustix::time::clock_gettime(ClockId::Monotonic));
    Ok(ns_value(vm, ns))
}

fn process_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "process_time")?;
    Ok(secs(ns_of(rustix::time::clock_gettime(
        ClockId::ProcessCPUTime,
    ))))
}

fn process_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "process_time_ns")?;
    let ns = ns_of(rustix::time::clock_gettime(ClockId::ProcessCPUTime));
    Ok(ns_value(vm, ns))
}

fn thread_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "thread_time")?;
    Ok(secs(ns_of(rustix::time::clock_gettime(
        ClockId::ThreadCPUTime,
    ))))
}

fn thread_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "thread_time_ns")?;
    let ns = ns_of(rustix::time::clock_gettime(ClockId::ThreadCPUTime));
    Ok(ns_value(vm, ns))
}

/// A `clk_id` argument as a clock (an unknown id is the kernel's EINVAL).
fn clock_arg(vm: &mut Vm, args: &Args, name: &str, n: usize) -> PyResult<ClockId> {
    tuple_args(vm, args, name, n, n)?;
    let id = super::zlib::int_arg(vm, &args.pos[0])?;
    match ClockId::try_from(id as i32) {
        Ok(c) => Ok(c),
        Err(_) => Err(crate::modules::posix::path::os_error(vm, 22, None, None)),
    }
}

fn clock_gettime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = clock_arg(vm, &args, "clock_gettime", 1)?;
    Ok(secs(ns_of(rustix::time::clock_gettime(c))))
}

fn clock_gettime_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = clock_arg(vm, &args, "clock_gettime_ns", 1)?;
    let ns = ns_of(rustix::time::clock_gettime(c));
    Ok(ns_value(vm, ns))
}

fn clock_getres(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = clock_arg(vm, &args, "clock_getres", 1)?;
    Ok(secs(ns_of(rustix::time::clock_getres(c))))
}

/// `clock_settime(clk_id, time)` / `clock_settime_ns`: the kernel decides (an
/// unprivileged process gets PermissionError).
fn settime(vm: &mut Vm, args: Args, name: &str, ns_arg: bool) -> PyResult<Value> {
    let c = clock_arg(vm, &args, name, 2)?;
    let ns: i128 = if ns_arg {
        match crate::types::int::to_bigint(&args.pos[1]).and_then(|b| i128::try_from(b).ok()) {
            Some(n) => n,
            None => {
                let t = vm.type_name(&args.pos[1]);
                return Err(
                    vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        }
    } else {
        seconds_arg(vm, &args.pos[1])? as i128
    };
    let ts = Timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as i64,
        tv_nsec: ns.rem_euclid(1_000_000_000) as _,
    };
    match rustix::time::clock_settime(c, ts) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(crate::modules::posix::path::errno_error(vm, e, None)),
    }
}

fn clock_settime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    settime(vm, args, "clock_settime", false)
}

fn clock_settime_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    settime(vm, args, "clock_settime_ns", true)
}

/// `get_clock_info(name)`: a namespace saying how the clock is read.
fn get_clock_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tuple_args(vm, &args, "get_clock_info", 1, 1)?;
    let Some(name) = args.pos[0].as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&args.pos[0]);
        return Err(vm.type_error(format!("get_clock_info() argument 1 must be str, not {t}")));
    };
    let (clock, id, monotonic, adjustable) = match name.as_str() {
        "time" => ("CLOCK_REALTIME", ClockId::Realtime, false, true),
        "monotonic" | "perf_counter" => ("CLOCK_MONOTONIC", ClockId::Monotonic, true, false),
        "process_time" => (
            "CLOCK_PROCESS_CPUTIME_ID",
            ClockId::ProcessCPUTime,
            true,
            false,
        ),
        "thread_time" => (
            "CLOCK_THREAD_CPUTIME_ID",
            ClockId::ThreadCPUTime,
            true,
            false,
        ),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let ns = crate::types::namespace::new(vm);
    let imp = vm.new_str(&format!("clock_gettime({clock})"));
    crate::types::namespace::set(vm, &ns, "implementation", imp);
    crate::types::namespace::set(vm, &ns, "monotonic", Value::Bool(monotonic));
    crate::types::namespace::set(vm, &ns, "adjustable", Value::Bool(adjustable));
    let res = ns_of(rustix::time::clock_getres(id));
    crate::types::namespace::set(vm, &ns, "resolution", secs(res));
    Ok(ns)
}

/// A seconds argument (`_PyTime_ObjectToTime_t` with `_PyTime_ROUND_FLOOR`, or for
/// `sleep` `_PyTime_FromSecondsObject`): a float (not NaN) or an int, in time_t's range.
fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let f = match v {
        Value::Float(f) => *f,
        Value::Obj(o) if matches!(o.payload, Payload::Float(_)) => match o.payload {
            Payload::Float(f) => f,
            _ => unreachable!("matched as a float above"),
        },
        _ => match crate::types::int::to_bigint(v) {
            Some(b) => match i64::try_from(&b) {
                Ok(i) => i as f64,
                Err(_) => {
                    return Err(vm.overflow_error("timestamp out of range for platform time_t"))
                }
            },
            None => vm.index_value(v, "'{}' object cannot be interpreted as an integer")? as f64,
        },
    };
    if f.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if !(-9.223372036854776e18..9.223372036854776e18).contains(&f) {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(f)
}

/// `sleep(seconds)`: in short slices, so that Ctrl-C (the eval breaker) ends it with
/// KeyboardInterrupt as CPython's `pysleep` returns on EINTR and runs the handler.
fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(vm, &args, "sleep")?;
    let secs = seconds_arg(vm, &args.pos[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let deadline = std::time::Instant::now()
        .checked_add(std::time::Duration::from_secs_f64(secs))
        .ok_or_else(|| vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    let deadline = deadline?;
    loop {
        if vm
            .interp
            .eval_breaker
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            crate::signals::check(vm)?;
        }
        let now = std::time::Instant::now();
        if now >= deadline {
            return Ok(Value::None);
        }
        let left = deadline - now;
        std::thread::sleep(left.min(std::time::Duration::from_millis(20)));
    }
}

/// `strptime(string, format)`: `_strptime._strptime_time(string, format)`.
fn strptime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = crate::import::import_module_level(vm, "_strptime", None, &Value::None, 0)?;
    let f = super::native_type::getattr(vm, &m, "_strptime_time")?;
    crate::eval::call::call(vm, &f, args)
}

// --- struct_time --------------------------------------------------------------------

fn struct_time(vm: &mut Vm, ty: &PyRef, tm: &Tm) -> Value {
    let zone = match &tm.zone {
        Some(z) => vm.new_str(z),
        None => Value::None,
    };
    let vals = vec![
        Value::Int(tm.year),
        Value::Int(tm.mon),
        Value::Int(tm.mday),
        Value::Int(tm.hour),
        Value::Int(tm.min),
        Value::Int(tm.sec),
        Value::Int(tm.wday),
        Value::Int(tm.yday),
        Value::Int(tm.isdst),
        zone,
        Value::Int(tm.gmtoff),
    ];
    crate::types::structseq::new_split(vm, ty, vals, 9)
}

/// `struct_time.__reduce__()` (`structseq_reduce`): `(type, (visible items, {name:
/// value} of the attribute-only fields))`.
fn struct_time_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first().cloned() else {
        return Err(
            vm.type_error("descriptor '__reduce__' of 'time.struct_time' object needs an argument")
        );
    };
    let Some(Payload::Tuple(items)) = this.payload() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'time.struct_time' object"));
    };
    let visible = vm.new_tuple(items.to_vec());
    let d = vm.new_dict_ref();
    for f in &STRUCT_TIME_FIELDS[9..] {
        let v = super::native_type::getattr(vm, &this, f)?;
        let k = vm.new_str(f);
        crate::types::dict::set_item(vm, &d, k, v)?;
    }
    let ty = Value::Obj(vm.type_of(&this).clone());
    let inner = vm.new_tuple(vec![visible, Value::Obj(d)]);
    Ok(vm.new_tuple(vec![ty, inner]))
}

/// `struct_time(sequence, dict=None)`: 9 to 11 items (`structseq_new`); the attribute-only
/// fields the sequence lacks come from `dict`, else None.
fn struct_time_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut kw_dict = None;
    let mut kw_seq = None;
    for (k, v) in &args.kw {
        match crate::object::attr::name_of(k).as_str() {
            "dict" => kw_dict = Some(v.clone()),
            "sequence" => kw_seq = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for struct_time()"
                )))
            }
        }
    }
    let mut pos = args.pos.into_iter();
    let Some(Value::Obj(cls)) = pos.next() else {
        return Err(vm.type_error("struct_time.__new__(X): X is not a type object"));
    };
    let Some(seq) = pos.next().or(kw_seq) else {
        return Err(vm.type_error("struct_time() missing required argument 'sequence' (pos 1)"));
    };
    let dict = pos.next().or(kw_dict).filter(|d| !matches!(d, Value::None));
    let is_seq = matches!(seq.payload(), Some(Payload::Tuple(_) | Payload::List(_)))
        || super::native_type::getattr_opt(vm, &seq, "__getitem__")?.is_some();
    if !is_seq {
        return Err(vm.type_error("constructor requires a sequence"));
    }
    let items = vm.collect(&seq)?;
    let n = items.len();
    if n < 9 {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({n}-sequence given)"
        )));
    }
    if n > 11 {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({n}-sequence given)"
        )));
    }
    let mut vals = items;
    for f in &STRUCT_TIME_FIELDS[vals.len()..] {
        let v = match &dict {
            Some(d) => {
                let k = vm.new_str(f);
                match vm.call_method(d, "get", vec![k]) {
                    Ok(v) => v,
                    Err(_) => {
                        return Err(
                            vm.type_error("time.struct_time() takes a dict as second arg, if any")
                        )
                    }
                }
            }
            None => Value::None,
        };
        vals.push(v);
    }
    Ok(crate::types::structseq::new_split(vm, &cls, vals, 9))
}

/// An `int` item of a time tuple (`PyArg_ParseTuple`'s `i`).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(Payload::Int(b)) = v.payload() {
        if vm.isinstance(v, &vm.types.int.clone()) {
            return Err(if b.sign() == num_bigint::Sign::Minus {
                vm.overflow_error("signed integer is less than minimum")
            } else {
                vm.overflow_error("signed integer is greater than maximum")
            });
        }
    }
    if let Value::Float(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
    if i > i32::MAX as i64 {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    if i < i32::MIN as i64 {
        return Err(vm.overflow_error("signed integer is less than minimum"));
    }
    Ok(i)
}

/// A time tuple in C's terms (`gettmarg`): year full, month 0-based, weekday Sunday=0
/// (`(w + 1) % 7` with C's remainder), day of year from 0; `tm_zone`/`tm_gmtoff` from
/// a struct_time.
struct CTm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i64,
    zone: Option<String>,
    gmtoff: i64,
}

fn gettmarg(vm: &mut Vm, st: &PyRef, v: &Value, fname: &str) -> PyResult<CTm> {
    let Some(Payload::Tuple(items)) = v.payload() else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    let items = items.to_vec();
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, it) in items.iter().enumerate() {
        f[i] = c_int(vm, it)?;
    }
    if f[0] < i32::MIN as i64 + 1900 {
        return Err(vm.overflow_error("year out of range"));
    }
    let mut tm = CTm {
        year: f[0],
        mon: f[1] - 1,
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: (f[6] + 1) % 7,
        yday: f[7] - 1,
        isdst: f[8],
        zone: None,
        gmtoff: 0,
    };
    if let Value::Obj(o) = v {
        if o.ty.is(st) {
            let z = super::native_type::getattr(vm, v, "tm_zone")?;
            if let Some(s) = z.as_str() {
                tm.zone = Some(s.as_rust().into_owned());
            }
            let g = super::native_type::getattr(vm, v, "tm_gmtoff")?;
            if !matches!(g, Value::None) {
                tm.gmtoff =
                    vm.index_value(&g, "'{}' object cannot be interpreted as an integer")?;
            }
        }
    }
    Ok(tm)
}

/// `checktm`: the ranges `asctime` and `strftime` need (0 accepted for month, day and
/// day of year), as a [`Tm`].
fn checktm(vm: &mut Vm, mut c: CTm) -> PyResult<Tm> {
    if c.mon == -1 {
        c.mon = 0;
    } else if !(0..=11).contains(&c.mon) {
        return Err(vm.value_error("month out of range"));
    }
    if c.mday == 0 {
        c.mday = 1;
    } else if !(0..=31).contains(&c.mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&c.hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&c.min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&c.sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if c.wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if c.yday == -1 {
        c.yday = 0;
    } else if !(0..=365).contains(&c.yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(Tm {
        year: c.year,
        mon: c.mon + 1,
        mday: c.mday,
        hour: c.hour,
        min: c.min,
        sec: c.sec,
        wday: (c.wday + 6) % 7,
        yday: c.yday + 1,
        isdst: c.isdst.clamp(-1, 1),
        zone: c.zone,
        gmtoff: c.gmtoff,
    })
}

/// The optional seconds argument of `gmtime`/`localtime`/`ctime` (None: now), floored.
fn when(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i64> {
    tuple_args(vm, args, name, 0, 1)?;
    match args.pos.first() {
        None | Some(Value::None) => Ok((now_ns().div_euclid(1_000_000_000)) as i64),
        Some(v) => Ok(seconds_arg(vm, v)?.floor() as i64),
    }
}

fn overflow(vm: &mut Vm) -> PyErr {
    crate::modules::posix::path::os_error(vm, 75, None, None)
}

fn gmtime(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let st = super::native_type::take_state_type(vm, &mut args, 0)?;
    let t = when(vm, &args, "gmtime")?;
    match tz::gmtime(t) {
        Some(tm) => Ok(struct_time(vm, &st, &tm)),
        None => Err(overflow(vm)),
    }
}

fn localtime(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let st = super::native_type::take_state_type(vm, &mut args, 0)?;
    let t = when(vm, &args, "localtime")?;
    match tz::localtime(t) {
        Some(tm) => Ok(struct_time(vm, &st, &tm)),
        None => Err(overflow(vm)),
    }
}

fn mktime(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let st = super::native_type::take_state_type(vm, &mut args, 0)?;
    one_arg(vm, &args, "mktime")?;
    let c = gettmarg(vm, &st, &args.pos[0], "mktime")?;
    match tz::mktime(c.year, c.mon, c.mday, c.hour, c.min, c.sec, c.isdst) {
        Some(t) => Ok(Value::Float(t as f64)),
        None => Err(vm.overflow_error("mktime argument out of range")),
    }
}

/// `_asctime`: `Sun Jun 20 23:21:05 1993`.
fn format_asctime(tm: &Tm) -> String {
    const WDAY: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY[tm.wday as usize % 7],
        MON[(tm.mon - 1) as usize % 12],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn asctime(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let st = super::native_type::take_state_type(vm, &mut args, 0)?;
    super::native_type::positional(vm, &args, "asctime", 0, 1)?;
    let tm = match args.pos.first() {
        None => {
            let t = (now_ns().div_euclid(1_000_000_000)) as i64;
            tz::localtime(t).ok_or_else(|| overflow(vm))?
        }
        Some(v) => {
            let c = gettmarg(vm, &st, v, "asctime")?;
            checktm(vm, c)?
        }
    };
    Ok(vm.new_str(&format_asctime(&tm)))
}

fn ctime(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = super::native_type::take_state_type(vm, &mut args, 0)?;
    let t = when(vm, &args, "ctime")?;
    match tz::localtime(t) {
        Some(tm) => Ok(vm.new_str(&format_asctime(&tm))),
        None => Err(overflow(vm)),
    }
}

/// `strftime(format[, tuple])`.
fn strftime_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let st = super::native_type::take_state_type(vm, &mut args, 0)?;
    tuple_args(vm, &args, "strftime", 1, 2)?;
    let Some(fmt) = args.pos[0].as_str().map(|s| s.as_rust().into_owned()) else {
        let t = vm.type_name(&args.pos[0]);
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {t}")));
    };
    let tm = match args.pos.get(1) {
        None => {
            let t = (now_ns().div_euclid(1_000_000_000)) as i64;
            tz::localtime(t).ok_or_else(|| overflow(vm))?
        }
        Some(v) => {
            let c = gettmarg(vm, &st, v, "strftime")?;
            checktm(vm, c)?
        }
    };
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let tzname = tz::zone_constants((now_ns() / 1_000_000_000) as i64).3;
    let mk = |tm: &Tm| {
        tz::mktime(
            tm.year,
            tm.mon - 1,
            tm.mday,
            tm.hour,
            tm.min,
            tm.sec,
            tm.isdst,
        )
    };
    let ctx = strftime::Ctx {
        tzname: (&tzname.0, &tzname.1),
        mktime: &mk,
    };
    let out = strftime::strftime(&fmt, &tm, &ctx);
    Ok(vm.new_str(&out))
}
