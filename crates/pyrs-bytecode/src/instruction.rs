//! Code units and instructions: the 2-byte `(op, arg)` units of `co_code`, `EXTENDED_ARG`
//! prefixes, and skipping the inline `CACHE` units (CPython: `Include/cpython/code.h`
//! `_Py_CODEUNIT`, `_unpack_opargs` in `Lib/dis.py`).
//!
//! Invariant: `co_code` has even length; each instruction is one unit `op, arg` preceded by
//! zero to three `EXTENDED_ARG` units carrying the high bytes of the argument, and followed
//! by `cache_entries(op)` zeroed `CACHE` units.

use crate::opcode::{self, EXTENDED_ARG};

/// One 2-byte code unit: the opcode byte and the argument byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeUnit {
    /// Opcode number.
    pub op: u8,
    /// Low 8 bits of the argument.
    pub arg: u8,
}

/// An instruction as `dis` sees it: `EXTENDED_ARG` prefixes folded into `arg` of the
/// following instruction (the prefixes are still yielded as their own instructions, as
/// `dis` does), caches skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Byte offset of this code unit in `co_code`.
    pub offset: usize,
    /// Opcode number as found in the code (possibly specialized).
    pub op: u8,
    /// The full argument (with the prefixes' high bits), `None` for no-argument opcodes.
    /// Kept as a C `int` would hold it, as `dis` does.
    pub arg: Option<i32>,
}

impl Instruction {
    /// Offset of the next instruction, after this one's caches.
    pub fn next_offset(&self) -> usize {
        self.offset + 2 + 2 * opcode::cache_entries(self.op)
    }

    /// The jump target offset, if this is a jump: relative jumps count from the end of
    /// the instruction's own unit (not its caches), as `dis.findlabels` computes.
    pub fn jump_target(&self) -> Option<i64> {
        let arg = self.arg? as i64;
        match opcode::jump_kind(self.op) {
            opcode::Jump::None => None,
            opcode::Jump::Forward => Some(self.offset as i64 + 2 + arg * 2),
            opcode::Jump::Backward => Some(self.offset as i64 + 2 - arg * 2),
            opcode::Jump::Absolute => Some(arg * 2),
        }
    }
}

/// Iterates the instructions of `co_code`, as `dis._unpack_opargs` does.
pub struct Instructions<'a> {
    code: &'a [u8],
    pos: usize,
    extended: i32,
}

/// Iterate the instructions of a code array (a trailing odd byte is ignored).
pub fn instructions(code: &[u8]) -> Instructions<'_> {
    Instructions {
        code,
        pos: 0,
        extended: 0,
    }
}

impl Iterator for Instructions<'_> {
    type Item = Instruction;

    fn next(&mut self) -> Option<Instruction> {
        if self.pos + 1 >= self.code.len() {
            return None;
        }
        let offset = self.pos;
        let op = self.code[offset];
        let deop = opcode::deopt(op);
        let arg = if deop >= opcode::HAVE_ARGUMENT {
            let arg = self.code[offset + 1] as i32 | self.extended;
            // The argument is a C int: shifting wraps as two's complement.
            self.extended = if deop == EXTENDED_ARG {
                arg.wrapping_shl(8)
            } else {
                0
            };
            Some(arg)
        } else {
            self.extended = 0;
            None
        };
        self.pos = offset + 2 + 2 * opcode::cache_entries(op);
        Some(Instruction { offset, op, arg })
    }
}

/// Number of code units an instruction with this argument needs, prefixes included.
pub fn instr_size(arg: u32) -> usize {
    match arg {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    }
}

/// Append one instruction (with `EXTENDED_ARG` prefixes as needed, and its zeroed CACHE
/// units) to a code array. Opcodes without an argument get arg byte 0.
pub fn emit(code: &mut Vec<u8>, op: u8, arg: u32) {
    let units = instr_size(arg);
    let caches = opcode::cache_entries(op);
    code.reserve(2 * (units + caches));
    for shift in (1..units).rev() {
        code.extend_from_slice(&[EXTENDED_ARG, (arg >> (8 * shift)) as u8]);
    }
    code.extend_from_slice(&[op, arg as u8]);
    // CACHE is opcode 0: the cache units are zero bytes.
    code.resize(code.len() + 2 * caches, opcode::CACHE);
}

/// Split a code array into its code units.
pub fn code_units(code: &[u8]) -> impl Iterator<Item = CodeUnit> + '_ {
    code.chunks_exact(2).map(|c| CodeUnit {
        op: c[0],
        arg: c[1],
    })
}
