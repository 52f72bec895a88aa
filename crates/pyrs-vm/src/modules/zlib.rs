//! The `zlib` module's one-shot functions (CPython: `Modules/zlibmodule.c`): `compress`,
//! `decompress`, `crc32`, `adler32`, the constants and `zlib.error`, over the system zlib
//! through the `flate2` crate (its `zlib` backend links the same library CPython uses,
//! so compressed bytes are CPython's byte for byte). What `zipimport` needs of zlib is
//! `decompress(data, -15)`.
//!
//! The streaming objects (`compressobj`, `decompressobj`) are in `zlib_stream.rs`.
//!
//! flate2 takes window sizes 9..=15 only; zlib also takes 8, which it treats as 9 when
//! compressing (so does this module), and as a 256-byte window when decompressing: a zlib
//! header asking for more is refused here as zlib refuses it ("invalid window size"),
//! and a raw stream is read with a 512-byte window (a raw stream whose distances need
//! more than 256 bytes is accepted here where zlib says "invalid distance too far back").

use crate::object::{Payload, PyRef, Value};
use crate::types::function::Args;
use crate::vm::{PyErr, PyResult, Vm};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

const DOC: &str = "The functions in this module allow compression and decompression using the\n\
zlib library, which is based on GNU zip.\n\
\n\
adler32(string[, start]) -- Compute an Adler-32 checksum.\n\
compress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n\
compressobj([level[, ...]]) -- Return a compressor object.\n\
crc32(string[, start]) -- Compute a CRC-32 checksum.\n\
decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\n\
decompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\
\n\
'wbits' is window buffer size and container format.\n\
Compressor objects support compress() and flush() methods; decompressor\n\
objects support decompress() and flush().";

/// zlib's version: the system library's that flate2 links (found at build time by
/// `build.rs`, as CPython's comes from the `zlib.h` it was built with).
const ZLIB_VERSION: Option<&str> = option_env!("PYRS_ZLIB_VERSION");

const CONSTANTS: [(&str, i64); 20] = [
    ("MAX_WBITS", 15),
    ("DEFLATED", 8),
    ("DEF_MEM_LEVEL", 8),
    ("DEF_BUF_SIZE", 16384),
    ("Z_NO_COMPRESSION", 0),
    ("Z_BEST_SPEED", 1),
    ("Z_BEST_COMPRESSION", 9),
    ("Z_DEFAULT_COMPRESSION", -1),
    ("Z_FILTERED", 1),
    ("Z_HUFFMAN_ONLY", 2),
    ("Z_RLE", 3),
    ("Z_FIXED", 4),
    ("Z_DEFAULT_STRATEGY", 0),
    ("Z_NO_FLUSH", 0),
    ("Z_PARTIAL_FLUSH", 1),
    ("Z_SYNC_FLUSH", 2),
    ("Z_FULL_FLUSH", 3),
    ("Z_FINISH", 4),
    ("Z_BLOCK", 5),
    ("Z_TREES", 6),
];

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "zlib", DOC);
    // `class error(Exception)` of module zlib.
    let ns = vm.new_dict_ref();
    let module = vm.new_str("zlib");
    crate::import::dict_set(vm, &ns, "__module__", module);
    let ty = vm.types.type_.clone();
    let base = Value::Obj(vm.types.exception.clone());
    let error = crate::types::type_::make_class(vm, &ty, "error", vec![base], &ns, Vec::new())?;
    crate::import::dict_set(vm, &d, "error", Value::Obj(error.clone()));
    let (comp, decomp) = super::zlib_stream::types(vm);
    let state = super::native_type::types_state(vm, "zlib", vec![error, comp, decomp]);
    super::native_type::add_state_functions(
        vm,
        &d,
        &state,
        &[
            ("compress", compress),
            ("compressobj", super::zlib_stream::compressobj),
            ("decompress", decompress),
            ("decompressobj", super::zlib_stream::decompressobj),
        ],
    );
    super::add_functions(vm, &d, &[("adler32", adler32), ("crc32", crc32)]);
    for (name, v) in CONSTANTS {
        crate::import::dict_set(vm, &d, name, Value::Int(v));
    }
    if let Some(version) = ZLIB_VERSION {
        for name in ["ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"] {
            let v = vm.new_str(version);
            crate::import::dict_set(vm, &d, name, v);
        }
    }
    Ok(m)
}

/// `zlib.error(msg)`, the module state's type 0.
fn zlib_error(vm: &mut Vm, args: &mut Args, msg: String) -> PyErr {
    match super::native_type::take_state_type(vm, args, 0) {
        Ok(t) => vm.new_error(&t, msg),
        Err(e) => e,
    }
}

/// A bytes-like argument (Argument Clinic's `Py_buffer`).
pub(super) fn buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::types::bytearray::bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// An `int` argument (Argument Clinic's `int` converter).
pub(super) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Float(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let too_large = |vm: &mut Vm| vm.overflow_error("Python int too large to convert to C int");
    match v.payload() {
        Some(Payload::Int(_)) => Err(too_large(vm)),
        _ => {
            let i = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
            if i32::try_from(i).is_err() {
                return Err(too_large(vm));
            }
            Ok(i)
        }
    }
}

/// The starting value of `crc32`/`adler32` (`unsigned int(bitwise=True)`: any int,
/// masked to 32 bits).
fn u32_mask_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    match v {
        Value::Int(i) => Ok(*i as u32),
        Value::Bool(b) => Ok(*b as u32),
        _ => match v.payload() {
            Some(Payload::Int(b)) => {
                let low = b.iter_u32_digits().next().unwrap_or(0);
                Ok(if b.sign() == num_bigint::Sign::Minus {
                    low.wrapping_neg()
                } else {
                    low
                })
            }
            _ => {
                if let Value::Float(_) = v {
                    return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
                }
                let i = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
                Ok(i as u32)
            }
        },
    }
}

/// The positional-only `(data, value)` of `crc32`/`adler32`.
fn checksum_args(vm: &mut Vm, args: &Args, name: &str, start: u32) -> PyResult<(Vec<u8>, u32)> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("zlib.{name}() takes no keyword arguments")));
    }
    super::native_type::positional(vm, args, name, 1, 2)?;
    let data = buffer(vm, &args.pos[0])?;
    let value = match args.pos.get(1) {
        Some(v) => u32_mask_arg(vm, v)?,
        None => start,
    };
    Ok((data, value))
}

/// `crc32(data, value=0, /)`.
fn crc32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, value) = checksum_args(vm, &args, "crc32", 0)?;
    let mut h = crc32fast::Hasher::new_with_initial(value);
    h.update(&data);
    Ok(Value::Int(h.finalize() as i64))
}

/// `adler32(data, value=1, /)`: RFC 1950's checksum (zlib's `adler32`).
fn adler32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, value) = checksum_args(vm, &args, "adler32", 1)?;
    Ok(Value::Int(adler32_update(value, &data) as i64))
}

fn adler32_update(value: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    // 5552 bytes is the most zlib sums before a reduction can overflow 32 bits.
    let (mut a, mut b) = (value & 0xFFFF, value >> 16);
    for chunk in data.chunks(5552) {
        for &c in chunk {
            a += c as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// The container a `wbits` value selects (zlib's `windowBits`): `(format, window)`.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Format {
    Zlib,
    Raw,
    Gzip,
    /// Decompression only (`wbits` 32 + 8..15, or 32 for the header's): zlib or gzip
    /// by the stream's first bytes.
    Auto,
}

/// The container and window of a decompression `wbits` (inflateInit2's checks; `None`
/// is its Z_STREAM_ERROR).
pub(super) fn window_format(wbits: i64) -> Option<(Format, i64)> {
    match wbits {
        0 => Some((Format::Zlib, 15)),
        // gzip with the window its header gives.
        16 => Some((Format::Gzip, 15)),
        8..=15 => Some((Format::Zlib, wbits)),
        -15..=-8 => Some((Format::Raw, -wbits)),
        24..=31 => Some((Format::Gzip, wbits - 16)),
        32 => Some((Format::Auto, 15)),
        40..=47 => Some((Format::Auto, wbits - 32)),
        _ => None,
    }
}

/// A zlib header asking for a larger window than `asked` (zlib's own check, done here
/// for the window sizes flate2 cannot take): zlib's error.
pub(super) fn window_refused(asked: Option<i64>, data: &[u8]) -> Option<String> {
    let window = asked?;
    let (&cmf, &flg) = (data.first()?, data.get(1)?);
    let valid = ((cmf as u16) << 8 | flg as u16) % 31 == 0 && cmf & 0x0f == 8;
    (valid && (cmf >> 4) as i64 + 8 > window)
        .then(|| "Error -3 while decompressing data: invalid window size".to_string())
}

/// `compress(data, /, level=-1, wbits=15)`.
fn compress(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let state = args.pos.remove(0);
    let [data, level, wbits] = clinic_pos1(vm, args, "compress", ["data", "level", "wbits"])?;
    // Required by `clinic_pos1`: always given.
    let data = buffer(vm, &data.unwrap_or(Value::None))?;
    let level = match level {
        Some(l) => int_arg(vm, &l)?,
        None => -1,
    };
    let wbits = match wbits {
        Some(w) => int_arg(vm, &w)?,
        None => 15,
    };
    // deflateInit2's checks; CPython reports its Z_STREAM_ERROR as a bad level.
    let format = match wbits {
        8..=15 => Some((Format::Zlib, wbits.max(9))),
        -15..=-9 => Some((Format::Raw, -wbits)),
        25..=31 => Some((Format::Gzip, wbits - 16)),
        _ => None,
    };
    let (Some((format, window)), true) = (format, (-1..=9).contains(&level)) else {
        let mut a = Args::default();
        a.pos.push(state);
        return Err(zlib_error(vm, &mut a, "Bad compression level".into()));
    };
    let level = if level < 0 {
        Compression::default()
    } else {
        Compression::new(level as u32)
    };
    let mut c = match format {
        Format::Gzip => Compress::new_gzip(level, window as u8),
        _ => Compress::new_with_window_bits(level, format == Format::Zlib, window as u8),
    };
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let before = c.total_in() as usize;
        let r = c.compress_vec(&data[before..], &mut out, FlushCompress::Finish);
        match r {
            Ok(Status::StreamEnd) => break,
            Ok(_) => out.reserve(out.capacity().max(64)),
            Err(e) => {
                let mut a = Args::default();
                a.pos.push(state);
                return Err(zlib_error(
                    vm,
                    &mut a,
                    format!("Error -2 while compressing data: {e}"),
                ));
            }
        }
    }
    Ok(vm.new_bytes(out))
}

/// `decompress(data, /, wbits=15, bufsize=16384)`.
fn decompress(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let state = args.pos.remove(0);
    let [data, wbits, bufsize] = clinic_pos1(vm, args, "decompress", ["data", "wbits", "bufsize"])?;
    // Required by `clinic_pos1`: always given.
    let data = buffer(vm, &data.unwrap_or(Value::None))?;
    let wbits = match wbits {
        Some(w) => int_arg(vm, &w)?,
        None => 15,
    };
    let bufsize = match bufsize {
        Some(b) => {
            if let Value::Float(_) = b {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let b = match b.payload() {
                Some(Payload::Int(_)) => {
                    return Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
                }
                _ => vm.index_value(&b, "'{}' object cannot be interpreted as an integer")?,
            };
            if b < 0 {
                return Err(vm.value_error("bufsize must be non-negative"));
            }
            b as usize
        }
        None => 16384,
    };
    let mut st = Args::default();
    st.pos.push(state);
    let Some((mut format, window)) = window_format(wbits) else {
        return Err(zlib_error(
            vm,
            &mut st,
            "Error -2 while preparing to decompress data: inconsistent stream state".into(),
        ));
    };
    if format == Format::Auto {
        format = if data.starts_with(&[0x1f, 0x8b]) {
            Format::Gzip
        } else {
            Format::Zlib
        };
    }
    if format == Format::Zlib {
        if let Some(msg) = window_refused((window < 9).then_some(window), &data) {
            return Err(zlib_error(vm, &mut st, msg));
        }
    }
    let window = window.max(9) as u8;
    let mut d = match format {
        Format::Gzip => Decompress::new_gzip(window),
        _ => Decompress::new_with_window_bits(format == Format::Zlib, window),
    };
    // The output buffer starts at `bufsize` bytes (at least 1), as CPython allocates it.
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve_exact(bufsize.max(1)).is_err() {
        let t = vm.types.memory_error.clone();
        return Err(vm.new_error(&t, "Unable to allocate output buffer."));
    }
    loop {
        let before = d.total_in();
        let produced = d.total_out();
        let r = d.decompress_vec(&data[before as usize..], &mut out, FlushDecompress::Finish);
        match r {
            Ok(Status::StreamEnd) => break,
            Ok(_) if out.len() == out.capacity() => {
                if out.try_reserve(out.capacity()).is_err() {
                    let t = vm.types.memory_error.clone();
                    return Err(vm.new_error(&t, "Unable to allocate output buffer."));
                }
            }
            // Output space left but no end: the input ran out (or nothing moved).
            Ok(_)
                if d.total_in() as usize == data.len()
                    || (d.total_in() == before && d.total_out() == produced) =>
            {
                return Err(zlib_error(
                    vm,
                    &mut st,
                    "Error -5 while decompressing data: incomplete or truncated stream".into(),
                ));
            }
            Ok(_) => {}
            Err(e) => {
                let msg = match e.message() {
                    Some(m) => format!("Error -3 while decompressing data: {m}"),
                    None if e.needs_dictionary().is_some() => {
                        "Error 2 while decompressing data".to_string()
                    }
                    None => "Error -3 while decompressing data: invalid input data".to_string(),
                };
                return Err(zlib_error(vm, &mut st, msg));
            }
        }
    }
    Ok(vm.new_bytes(out))
}

/// Argument Clinic for `f(data, /, a=..., b=...)`: one positional-only parameter, then
/// two positional-or-keyword ones.
fn clinic_pos1(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    names: [&str; 3],
) -> PyResult<[Option<Value>; 3]> {
    if args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "{fname}() takes at least 1 positional argument (0 given)"
        )));
    }
    if args
        .kw
        .iter()
        .any(|(k, _)| crate::object::attr::name_of(k) == names[0])
    {
        return Err(vm.type_error(format!(
            "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
            names[0]
        )));
    }
    let r = super::native_type::clinic(vm, args, fname, names, 1, 3)?;
    Ok(r)
}
