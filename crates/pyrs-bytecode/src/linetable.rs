//! The 3.11 location table (`co_linetable`): encoder and decoder (CPython:
//! `Objects/locations.md`, `Objects/codeobject.c` `co_positions`/`co_lines`,
//! `write_location_info_entry` in `Python/compile.c`).
//!
//! Format: a sequence of entries, each covering 1 to 8 code units. The first byte of an
//! entry has bit 7 set, the entry code in bits 3-6 and (length - 1) in bits 0-2:
//! - 0-9 "short": same line; one more byte `c`: col = code * 8 + (c >> 4), end_col = col + (c & 15).
//! - 10-12 "one line": line += code - 10; two bytes: col, end_col.
//! - 13 "no column": line += svarint; no columns.
//! - 14 "long": line += svarint; end_line = line + varint; col = varint - 1; end_col = varint - 1.
//! - 15 "none": no location at all.
//!
//! A varint is little-endian 6-bit chunks, bit 6 set on all but the last; an svarint is a
//! varint of `(|v| << 1) | sign`. Lines start at `co_firstlineno`.

/// The source span of one code unit, as `co_positions()` yields it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Positions {
    pub lineno: Option<i32>,
    pub end_lineno: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

/// One decoded table entry: code units `[start, end)` (in bytes) and their positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocationEntry {
    pub start: usize,
    pub end: usize,
    pub positions: Positions,
}

/// Entry codes.
pub const CODE_NO_COLUMNS: u8 = 13;
pub const CODE_LONG: u8 = 14;
pub const CODE_NONE: u8 = 15;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut val = (b & 63) as u32;
        let mut shift = 0;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift > 31 {
                return None;
            }
            val |= ((b & 63) as u32) << shift;
        }
        Some(val)
    }

    fn svarint(&mut self) -> Option<i32> {
        let u = self.varint()?;
        let mag = (u >> 1) as i32;
        Some(if u & 1 != 0 { -mag } else { mag })
    }
}

/// Decode the whole table. Stops quietly at a malformed entry (as CPython would read
/// garbage; the entries before it are returned).
pub fn decode(table: &[u8], firstlineno: i32) -> Vec<LocationEntry> {
    let mut r = Reader {
        bytes: table,
        pos: 0,
    };
    let mut line = firstlineno;
    let mut offset = 0usize;
    let mut out = Vec::new();
    while let Some(first) = r.byte() {
        let code = (first >> 3) & 15;
        let units = (first & 7) as usize + 1;
        let p = match code {
            CODE_NONE => Some(Positions::default()),
            CODE_NO_COLUMNS => r.svarint().map(|d| {
                line = line.wrapping_add(d);
                Positions {
                    lineno: Some(line),
                    end_lineno: Some(line),
                    col: None,
                    end_col: None,
                }
            }),
            CODE_LONG => (|| {
                line = line.wrapping_add(r.svarint()?);
                let end_line = line.wrapping_add(r.varint()? as i32);
                // Any u32 (a hostile table): wrap as CPython's C ints do, never panic.
                let col = (r.varint()? as i32).wrapping_sub(1);
                let end_col = (r.varint()? as i32).wrapping_sub(1);
                let opt = |c: i32| (c >= 0).then_some(c);
                Some(Positions {
                    lineno: Some(line),
                    end_lineno: Some(end_line),
                    col: opt(col),
                    end_col: opt(end_col),
                })
            })(),
            10..=12 => (|| {
                line = line.wrapping_add((code - 10) as i32);
                let col = r.byte()? as i32;
                let end_col = r.byte()? as i32;
                Some(Positions {
                    lineno: Some(line),
                    end_lineno: Some(line),
                    col: Some(col),
                    end_col: Some(end_col),
                })
            })(),
            _ => r.byte().map(|second| {
                let col = (code as i32) * 8 + ((second >> 4) & 7) as i32;
                Positions {
                    lineno: Some(line),
                    end_lineno: Some(line),
                    col: Some(col),
                    end_col: Some(col + (second & 15) as i32),
                }
            }),
        };
        let Some(positions) = p else { break };
        out.push(LocationEntry {
            start: offset,
            end: offset + 2 * units,
            positions,
        });
        offset += 2 * units;
    }
    out
}

/// `co_positions()`: one entry per code unit of a code array of `n_units` units (units
/// beyond the table get no location, as CPython yields).
pub fn positions(table: &[u8], firstlineno: i32, n_units: usize) -> Vec<Positions> {
    let mut out = Vec::with_capacity(n_units);
    for e in decode(table, firstlineno) {
        for _ in (e.start..e.end).step_by(2) {
            if out.len() < n_units {
                out.push(e.positions);
            }
        }
    }
    out.resize(n_units, Positions::default());
    out
}

/// `dis.findlinestarts`: (offset, line) where a new line starts.
pub fn line_starts(table: &[u8], firstlineno: i32) -> Vec<(usize, i32)> {
    let mut last = None;
    let mut out = Vec::new();
    for e in decode(table, firstlineno) {
        if let Some(line) = e.positions.lineno {
            if Some(line) != last {
                last = Some(line);
                out.push((e.start, line));
            }
        }
    }
    out
}

/// `co_lines()`: (start, end, line) ranges, consecutive entries of one line merged.
pub fn lines(table: &[u8], firstlineno: i32) -> Vec<(usize, usize, Option<i32>)> {
    let mut out: Vec<(usize, usize, Option<i32>)> = Vec::new();
    for e in decode(table, firstlineno) {
        match out.last_mut() {
            Some(last) if last.2 == e.positions.lineno => last.1 = e.end,
            _ => out.push((e.start, e.end, e.positions.lineno)),
        }
    }
    out
}

/// Builds a location table instruction by instruction, as the 3.11 assembler does.
#[derive(Debug)]
pub struct Encoder {
    out: Vec<u8>,
    line: i32,
}

impl Encoder {
    /// An encoder for a code object starting at `firstlineno`.
    pub fn new(firstlineno: i32) -> Self {
        Self::with_capacity(firstlineno, 0)
    }

    /// [`Encoder::new`] with room for `bytes` bytes of table.
    pub fn with_capacity(firstlineno: i32, bytes: usize) -> Self {
        Encoder {
            out: Vec::with_capacity(bytes),
            line: firstlineno,
        }
    }

    /// Record `units` code units (an instruction and its caches) with one location. A
    /// `lineno` of `None` means "no location"; a column of `None` means "no column".
    #[inline]
    pub fn push(&mut self, mut units: usize, p: Positions) {
        self.out.reserve(units.div_ceil(8) * 12);
        while units > 0 {
            let n = units.min(8);
            self.entry(n, p);
            units -= n;
        }
    }

    /// The table.
    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    fn first_byte(&mut self, code: u8, units: usize) {
        self.out.push(0x80 | (code << 3) | (units - 1) as u8);
    }

    fn varint(&mut self, mut v: u32) {
        while v >= 64 {
            self.out.push(0x40 | (v & 63) as u8);
            v >>= 6;
        }
        self.out.push(v as u8);
    }

    fn svarint(&mut self, v: i32) {
        let u = if v < 0 {
            ((v.unsigned_abs()) << 1) | 1
        } else {
            (v as u32) << 1
        };
        self.varint(u);
    }

    fn entry(&mut self, units: usize, p: Positions) {
        let Some(line) = p.lineno else {
            self.first_byte(CODE_NONE, units);
            return;
        };
        let delta = line - self.line;
        let end_line = p.end_lineno.unwrap_or(-1);
        let (col, end_col) = (p.col.unwrap_or(-1), p.end_col.unwrap_or(-1));
        if col < 0 || end_col < 0 {
            if end_line == line || end_line == -1 {
                self.first_byte(CODE_NO_COLUMNS, units);
                self.svarint(delta);
                self.line = line;
                return;
            }
        } else if end_line == line {
            if delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                let code = (col >> 3) as u8;
                self.first_byte(code, units);
                self.out.push((((col & 7) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&delta) && col < 128 && end_col < 128 {
                self.first_byte(10 + delta as u8, units);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.line = line;
                return;
            }
        }
        self.first_byte(CODE_LONG, units);
        self.svarint(delta);
        self.varint((end_line - line) as u32);
        self.varint((col + 1) as u32);
        self.varint((end_col + 1) as u32);
        self.line = line;
    }
}
