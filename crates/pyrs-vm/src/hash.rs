//! Hashing as CPython 3.11 computes it (CPython: `Python/pyhash.c`, `long_hash` in
//! `Objects/longobject.c`, `tuplehash` in `Objects/tupleobject.c`), so `hash(x)` prints
//! the same numbers as `python3` under the same `PYTHONHASHSEED`.
//!
//! str and bytes: SipHash-1-3 over the object's storage bytes (for str, 1, 2 or 4 bytes
//! per code point, little-endian: CPython hashes its PEP 393 buffer), keyed by the
//! per-process secret. ints: value modulo 2**61 - 1. -1 is never a hash (it becomes -2).

use num_bigint::{BigInt, Sign};

/// Modulus of numeric hashing (`_PyHASH_MODULUS`).
pub const MODULUS: u64 = (1 << 61) - 1;
pub const HASH_INF: i64 = 314159;

/// The per-process hash secret (`_Py_HashSecret`): SipHash's two keys.
#[derive(Clone, Copy, Debug)]
pub struct HashSecret {
    pub k0: u64,
    pub k1: u64,
}

impl HashSecret {
    /// As CPython's `_Py_HashRandomization_Init`: `PYTHONHASHSEED` unset or "random" gives
    /// random keys, "0" gives zero keys (no randomization), N gives the keys CPython's
    /// `lcg_urandom(N)` derives.
    /// (`use_env` false: `-E`/`-I`, the variable is ignored.)
    pub fn from_env(use_env: bool) -> HashSecret {
        if !use_env {
            return Self::random();
        }
        match std::env::var("PYTHONHASHSEED") {
            Ok(s) if s != "random" => match s.trim().parse::<u32>() {
                Ok(0) => HashSecret { k0: 0, k1: 0 },
                Ok(seed) => Self::from_seed(seed),
                Err(_) => Self::random(),
            },
            _ => Self::random(),
        }
    }

    fn from_seed(seed: u32) -> HashSecret {
        let mut x = seed;
        let mut bytes = [0u8; 16];
        for b in bytes.iter_mut() {
            x = x.wrapping_mul(214013).wrapping_add(2531011);
            *b = ((x >> 16) & 0xff) as u8;
        }
        HashSecret {
            k0: u64::from_le_bytes(bytes[..8].try_into().unwrap_or_default()),
            k1: u64::from_le_bytes(bytes[8..].try_into().unwrap_or_default()),
        }
    }

    fn random() -> HashSecret {
        // std's RandomState is seeded from the OS's random source; hashing through two
        // fresh ones yields two random words without another dependency.
        use std::hash::{BuildHasher, Hasher};
        let word = || {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(0x7079_7273);
            h.finish()
        };
        HashSecret {
            k0: word(),
            k1: word(),
        }
    }

    /// Hash of a byte buffer (`_Py_HashBytes`): 0 for empty, never -1.
    pub fn hash_bytes(&self, data: &[u8]) -> i64 {
        if data.is_empty() {
            return 0;
        }
        fix(siphash13(self.k0, self.k1, data) as i64)
    }
}

fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int in i64.
pub fn hash_i64(v: i64) -> i64 {
    let a = v.unsigned_abs() % MODULUS;
    let h = if v < 0 { -(a as i64) } else { a as i64 };
    fix(h)
}

/// `hash(n)` for any int.
pub fn hash_bigint(v: &BigInt) -> i64 {
    let (sign, digits) = v.to_u64_digits();
    let mut acc: u128 = 0;
    for d in digits.iter().rev() {
        acc = ((acc << 64) | *d as u128) % MODULUS as u128;
    }
    let a = acc as i64;
    fix(if sign == Sign::Minus { -a } else { a })
}

/// `hash(x)` for a float (`_Py_HashDouble`); `id_hash` is used for NaN (3.10+: by identity).
pub fn hash_f64(v: f64, id_hash: i64) -> i64 {
    if v.is_nan() {
        return id_hash;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | x >> (61 - e);
    fix(x as i64 * sign)
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `tuplehash`: xxHash-style combination of item hashes (3.8+).
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = items.len() as u64;
    let mut acc = P5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// SipHash-1-3 (`Python/pyhash.c`), shared with marshal's source hash.
pub use pyrs_marshal::siphash::siphash13;
