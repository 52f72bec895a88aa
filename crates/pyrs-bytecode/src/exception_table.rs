//! The 3.11 exception table (`co_exceptiontable`): encoder and decoder (CPython:
//! `Objects/exception_handling_notes.txt`, `assemble_exception_table` in `Python/compile.c`,
//! `_parse_exception_table` in `Lib/dis.py`).
//!
//! Format: a sequence of entries of four varints: start, length, target (all in code
//! units) and `depth << 1 | lasti`. A varint here is big-endian 6-bit chunks, bit 6 set on
//! all but the last; bit 7 is set on the first byte of each entry (and only there).
//! Entries are sorted by start and do not overlap.

/// One entry, in byte offsets as `dis` shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First covered byte offset.
    pub start: usize,
    /// One past the last covered byte offset.
    pub end: usize,
    /// Handler offset.
    pub target: usize,
    /// Stack depth to pop to before pushing the exception.
    pub depth: u32,
    /// Whether the handler also gets the offset of the raising instruction pushed.
    pub lasti: bool,
}

/// Decode as `dis._parse_exception_table` does: stops at the first incomplete entry.
pub fn decode(table: &[u8]) -> Vec<ExceptionTableEntry> {
    let mut it = table.iter().copied();
    let mut out = Vec::new();
    let varint = |it: &mut dyn Iterator<Item = u8>| -> Option<u64> {
        let mut b = it.next()?;
        let mut val = (b & 63) as u64;
        while b & 64 != 0 {
            b = it.next()?;
            val = (val << 6) | (b & 63) as u64;
            if val > u32::MAX as u64 {
                return None;
            }
        }
        Some(val)
    };
    loop {
        let Some(start) = varint(&mut it) else { break };
        let Some(length) = varint(&mut it) else { break };
        let Some(target) = varint(&mut it) else { break };
        let Some(dl) = varint(&mut it) else { break };
        let start = start as usize * 2;
        out.push(ExceptionTableEntry {
            start,
            end: start + length as usize * 2,
            target: target as usize * 2,
            depth: (dl >> 1) as u32,
            lasti: dl & 1 != 0,
        });
    }
    out
}

/// Encode entries (byte offsets, even) as the 3.11 assembler does.
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        let dl = (e.depth << 1) | e.lasti as u32;
        item(&mut out, (e.start / 2) as u32, 0x80);
        item(&mut out, ((e.end - e.start) / 2) as u32, 0);
        item(&mut out, (e.target / 2) as u32, 0);
        item(&mut out, dl, 0);
    }
    out
}

fn item(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}
