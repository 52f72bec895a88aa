//! memoryview items: the native struct format codes a view holds (`b B h H i I l L q Q n
//! N f d ? c P`, optional '@'), their sizes on x86-64, and packing/unpacking one item
//! little-endian (CPython: `Objects/memoryobject.c`'s `get_native_fmtchar`,
//! `unpack_single`, `pack_single` and `fix_error_int`, `unpack_cmp`).

use crate::object::{Payload, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// One unpacked item (CPython's `unpack_single`), kept in Rust for `==`.
#[derive(Clone, Copy)]
pub(super) enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(u8),
}

/// Size of a native format code, or None for an unsupported one.
pub(super) fn native_size(code: &str) -> Option<(char, usize)> {
    let c = code.strip_prefix('@').unwrap_or(code);
    let mut it = c.chars();
    let (ch, None) = (it.next()?, it.next()) else {
        return None;
    };
    let n = match ch {
        'b' | 'B' | 'c' | '?' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
        _ => return None,
    };
    Some((ch, n))
}

pub(super) fn is_byte_format(c: char) -> bool {
    matches!(c, 'b' | 'B' | 'c')
}

pub(super) fn unpack(fc: char, b: &[u8]) -> Item {
    let mut a = [0u8; 8];
    a[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(a);
    match fc {
        'b' => Item::Int(b[0] as i8 as i128),
        'B' => Item::Int(b[0] as i128),
        'h' => Item::Int(u as u16 as i16 as i128),
        'H' => Item::Int(u as u16 as i128),
        'i' => Item::Int(u as u32 as i32 as i128),
        'I' => Item::Int(u as u32 as i128),
        'l' | 'q' | 'n' => Item::Int(u as i64 as i128),
        'f' => Item::Float(f32::from_bits(u as u32) as f64),
        'd' => Item::Float(f64::from_bits(u)),
        '?' => Item::Bool(b[0] != 0),
        'c' => Item::Char(b[0]),
        _ => Item::Int(u as i128), // L Q N P
    }
}

pub(super) fn item_value(vm: &mut Vm, it: Item) -> Value {
    match it {
        Item::Int(i) => match i64::try_from(i) {
            Ok(i) => Value::Int(i),
            Err(_) => crate::types::int::big_to_value(vm, BigInt::from(i)),
        },
        Item::Float(f) => Value::Float(f),
        Item::Bool(b) => Value::Bool(b),
        Item::Char(c) => vm.new_bytes(vec![c]),
    }
}

/// Python `==` between two unpacked items (as `struct_unpack_cmp` compares the objects).
pub(super) fn item_eq(a: Item, b: Item) -> bool {
    let num = |x: Item| match x {
        Item::Int(i) => Some((Some(i), i as f64)),
        Item::Bool(b) => Some((Some(b as i128), b as i64 as f64)),
        Item::Float(f) => Some((None, f)),
        Item::Char(_) => None,
    };
    match (a, b) {
        (Item::Char(x), Item::Char(y)) => x == y,
        _ => match (num(a), num(b)) {
            (Some((Some(x), _)), Some((Some(y), _))) => x == y,
            (Some((Some(i), _)), Some((None, f))) | (Some((None, f)), Some((Some(i), _))) => {
                // Exact int/float equality: f must be integral and equal i.
                f.is_finite() && f.fract() == 0.0 && f.abs() < 1e38 && f as i128 == i
            }
            (Some((None, x)), Some((None, y))) => x == y,
            _ => false,
        },
    }
}

/// Pack `v` for format `fc` (CPython's `pack_single`, its errors).
pub(super) fn pack(vm: &mut Vm, fc: char, fmt: &str, v: &Value) -> PyResult<Vec<u8>> {
    let size = native_size(fmt).map_or(1, |s| s.1);
    let invalid_type =
        |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{fmt}'"));
    let invalid_value =
        |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{fmt}'"));
    match fc {
        '?' => Ok(vec![vm.truthy(v)? as u8]),
        'c' => match v.payload() {
            Some(Payload::Bytes(b)) if b.len() == 1 => Ok(vec![b[0]]),
            Some(Payload::Bytes(_)) => Err(invalid_value(vm)),
            _ => Err(invalid_type(vm)),
        },
        'f' | 'd' => {
            // fix_error_int: a conversion's OverflowError becomes "invalid value".
            let f = match crate::types::int::num_of(v) {
                Some(n) => match crate::types::int::to_f64(vm, &n) {
                    Ok(f) => f,
                    Err(_) => return Err(invalid_value(vm)),
                },
                // PyFloat_AsDouble: a class's __float__, else its __index__.
                None => match crate::object::protocol::try_heap_dunder(vm, v, "__float__", vec![])?
                {
                    Some(Value::Float(f)) => f,
                    Some(_) => return Err(invalid_type(vm)),
                    None if super::is_index(vm, v) => {
                        let msg = format!("memoryview: invalid type for format '{fmt}'");
                        vm.index_value(v, &msg)? as f64
                    }
                    None => return Err(invalid_type(vm)),
                },
            };
            Ok(if fc == 'f' {
                (f as f32).to_le_bytes().to_vec()
            } else {
                f.to_le_bytes().to_vec()
            })
        }
        _ => {
            let big = match crate::types::int::num_of(v) {
                Some(crate::types::int::Num::F(_)) => return Err(invalid_type(vm)),
                Some(_) => crate::types::int::to_bigint(v).unwrap_or_default(),
                None => {
                    let msg = format!("memoryview: invalid type for format '{fmt}'");
                    BigInt::from(vm.index_value(v, &msg)?)
                }
            };
            let (lo, hi): (i128, i128) = match fc {
                'b' => (i8::MIN as i128, i8::MAX as i128),
                'B' => (0, u8::MAX as i128),
                'h' => (i16::MIN as i128, i16::MAX as i128),
                'H' => (0, u16::MAX as i128),
                'i' => (i32::MIN as i128, i32::MAX as i128),
                'I' => (0, u32::MAX as i128),
                'l' | 'q' | 'n' => (i64::MIN as i128, i64::MAX as i128),
                // PyLong_AsVoidPtr takes negative values too (stored two's complement).
                'P' => (i64::MIN as i128, u64::MAX as i128),
                _ => (0, u64::MAX as i128),
            };
            match big.to_i128() {
                Some(i) if (lo..=hi).contains(&i) => Ok(i.to_le_bytes()[..size].to_vec()),
                _ => Err(invalid_value(vm)),
            }
        }
    }
}
