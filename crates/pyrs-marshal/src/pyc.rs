//! The .pyc file: the 16-byte PEP 552 header, then a marshalled code object (CPython:
//! `_code_to_timestamp_pyc`, `_code_to_hash_pyc`, `_classify_pyc` in
//! `Lib/importlib/_bootstrap_external.py`; `_imp_source_hash_impl` in `Python/import.c`).
//!
//! Header: magic (`a7 0d 0d 0a` for 3.11, magic number 3495), a little-endian u32 of flags
//! (bit 0: hash-based, bit 1: check the source), then either the source mtime and size
//! (u32 each, modulo 2**32) or the 8-byte source hash.

use crate::read::{loads_code, MarshalError};
use crate::write::dumps_code;
use pyrs_bytecode::CodeObject;

/// The 3.11 magic number (`importlib.util.MAGIC_NUMBER` is its bytes).
pub const MAGIC_NUMBER: u16 = 3495;
/// `importlib.util.MAGIC_NUMBER`.
pub const MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];
/// `_RAW_MAGIC_NUMBER`: the magic bytes as a little-endian integer; the source-hash key.
pub const RAW_MAGIC_NUMBER: u64 = u32::from_le_bytes(MAGIC) as u64;

/// How a .pyc says it is up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// Flags 0: source mtime (seconds, modulo 2**32) and size (modulo 2**32).
    Timestamp { mtime: u32, source_size: u32 },
    /// Flags 1 (unchecked) or 3 (checked): the source hash.
    Hash { hash: [u8; 8], check_source: bool },
}

/// A parsed 16-byte header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    pub validation: Validation,
}

impl PycHeader {
    /// The 16 header bytes.
    pub fn to_bytes(&self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..4].copy_from_slice(&MAGIC);
        match self.validation {
            Validation::Timestamp { mtime, source_size } => {
                out[8..12].copy_from_slice(&mtime.to_le_bytes());
                out[12..16].copy_from_slice(&source_size.to_le_bytes());
            }
            Validation::Hash { hash, check_source } => {
                let flags: u32 = 1 | if check_source { 2 } else { 0 };
                out[4..8].copy_from_slice(&flags.to_le_bytes());
                out[8..16].copy_from_slice(&hash);
            }
        }
        out
    }

    /// Parse and validate a header as `_classify_pyc` does.
    pub fn parse(data: &[u8]) -> Result<PycHeader, MarshalError> {
        if data.len() < 4 || data[..4] != MAGIC {
            return Err(MarshalError("bad magic number".into()));
        }
        if data.len() < 16 {
            return Err(MarshalError("reached EOF while reading pyc header".into()));
        }
        let word = |i: usize| u32::from_le_bytes(data[i..i + 4].try_into().unwrap());
        let flags = word(4);
        if flags & !0b11 != 0 {
            return Err(MarshalError(format!("invalid flags {flags:?}")));
        }
        let validation = if flags & 1 == 0 {
            Validation::Timestamp {
                mtime: word(8),
                source_size: word(12),
            }
        } else {
            Validation::Hash {
                hash: data[8..16].try_into().unwrap(),
                check_source: flags & 2 != 0,
            }
        };
        Ok(PycHeader { validation })
    }
}

/// `importlib.util.source_hash(source)`: SipHash-1-3 keyed by `_RAW_MAGIC_NUMBER`.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    crate::siphash::siphash13(RAW_MAGIC_NUMBER, 0, source).to_le_bytes()
}

/// Read a .pyc: its header and code object.
pub fn read_pyc(data: &[u8]) -> Result<(PycHeader, CodeObject), MarshalError> {
    let header = PycHeader::parse(data)?;
    Ok((header, loads_code(&data[16..])?))
}

/// The bytes of a .pyc for this code object.
pub fn write_pyc(header: &PycHeader, code: &CodeObject) -> Vec<u8> {
    let mut out = header.to_bytes().to_vec();
    out.extend(dumps_code(code));
    out
}
