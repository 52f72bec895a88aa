#!/usr/bin/env python3
"""Generate pyrs's Unicode character database from CPython 3.11 itself (Unicode 14.0.0).

pyrs must agree with CPython 3.11 character for character, so every property and case
mapping is taken from the oracle's own str methods (not from a crate that tracks the newest
Unicode version). One record per distinct combination of properties, found through a
two-level index exactly like CPython's `Objects/unicodetype_db.h`:

    record = RECORDS[INDEX2[(INDEX1[cp >> SHIFT] << SHIFT) + (cp & MASK)]]

A record holds the flags (isalpha, isdecimal, isdigit, isnumeric, isspace, isprintable,
islower, isupper, title case (Lt), cased, case-ignorable, identifier start/continue) and
the four full case mappings (lower, upper, title, casefold): a code point delta, or, when
the mapping is not one character, a (start, length) slice of CASE_EXT; and the value of
a decimal digit (for int()/float()/complex() of str).

    python3 scripts/gen_unicode_tables.py   # rewrites crates/pyrs-text/src/ctype_tables.rs

Used by the tokenizer (identifiers, `\\w`, `\\s`, isprintable) and the VM (str methods).
"""
import subprocess
import sys
import unicodedata
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
OUT = Path(__file__).resolve().parent.parent / "crates/pyrs-text/src/ctype_tables.rs"

# Flag bits; keep in step with crates/pyrs-text/src/ctype.rs.
FLAGS = [
    "ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "PRINTABLE", "LOWER", "UPPER",
    "TITLE", "CASED", "CASE_IGNORABLE", "ID_START", "ID_CONTINUE",
    "EXT_LOWER", "EXT_UPPER", "EXT_TITLE", "EXT_FOLD",
]
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}

ext = []          # CASE_EXT: the multi-character (or empty) mappings, concatenated
ext_index = {}    # mapping text -> start in ext


def mapping(cp, text, ext_flag):
    """(flag, value) of one case mapping: a delta, or (start << 8 | len) into CASE_EXT."""
    if len(text) == 1:
        return 0, ord(text) - cp
    if text not in ext_index:
        ext_index[text] = len(ext)
        ext.extend(ord(c) for c in text)
    assert len(text) < 256
    return BIT[ext_flag], ext_index[text] << 8 | len(text)


def record(cp):
    c = chr(cp)
    flags = 0
    for name, ok in [
        ("ALPHA", c.isalpha()), ("DECIMAL", c.isdecimal()), ("DIGIT", c.isdigit()),
        ("NUMERIC", c.isnumeric()), ("SPACE", c.isspace()), ("PRINTABLE", c.isprintable()),
        ("LOWER", c.islower()), ("UPPER", c.isupper()),
        ("TITLE", unicodedata.category(c) == "Lt"),
        ("ID_START", c.isidentifier()), ("ID_CONTINUE", ("a" + c).isidentifier()),
    ]:
        if ok:
            flags |= BIT[name]
    # _PyUnicode_IsCased: title() lower-cases the character after a cased one.
    cased = (c + "A").title().endswith("a")
    if cased:
        flags |= BIT["CASED"]
    # _PyUnicode_IsCaseIgnorable, as lower()'s final-sigma rule sees it: a capital sigma
    # after a case-ignorable character looks further back.
    if cased:
        ignorable = (" " + c + "\u03a3").lower().endswith("\u03c3")
    else:
        ignorable = ("A" + c + "\u03a3").lower().endswith("\u03c2")
    if ignorable:
        flags |= BIT["CASE_IGNORABLE"]
    # Cross-checks: the single-character str methods agree with the flags.
    assert c.isalnum() == (c.isalpha() or c.isnumeric())
    assert c.istitle() == bool(flags & (BIT["UPPER"] | BIT["TITLE"]))
    maps = []
    for text, ext_flag in [(c.lower(), "EXT_LOWER"), (c.upper(), "EXT_UPPER"),
                           (c.title(), "EXT_TITLE"), (c.casefold(), "EXT_FOLD")]:
        f, v = mapping(cp, text, ext_flag)
        flags |= f
        maps.append(v)
    # The value of a decimal digit, as int() reads it (_PyUnicode_ToDecimalDigit).
    decimal = int(c) if c.isdecimal() else 0
    assert not c.isdecimal() or decimal == unicodedata.decimal(c)
    return (flags, *maps, decimal)


recs = [(0, 0, 0, 0, 0, 0)]   # record 0: no property, identity mappings (and cp > 0x10FFFF)
rec_index = {recs[0]: 0}
per_cp = []
for cp in range(0x110000):
    r = record(cp)
    if r not in rec_index:
        rec_index[r] = len(recs)
        recs.append(r)
    per_cp.append(rec_index[r])


def int_type(values):
    m = max(values)
    return "u8" if m < 256 else "u16" if m < 65536 else "u32"


def width(t):
    return {"u8": 1, "u16": 2, "u32": 4}[t]


def split(shift):
    size = 1 << shift
    blocks, index1, index2 = {}, [], []
    for i in range(0, len(per_cp), size):
        block = tuple(per_cp[i:i + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])
    cost = len(index1) * width(int_type(index1)) + len(index2) * width(int_type(index2))
    return cost, shift, index1, index2


cost, shift, index1, index2 = min(split(s) for s in range(4, 11))


def array(name, t, values, doc, per_line=16):
    rows = "".join(
        "    " + " ".join(f"{v}," for v in values[i:i + per_line]) + "\n"
        for i in range(0, len(values), per_line))
    return f"/// {doc}\npub static {name}: [{t}; {len(values)}] = [\n{rows}];\n\n"


text = (
    "//! Unicode character database of CPython 3.11 (Unicode "
    + unicodedata.unidata_version + "): flags and full case mappings\n"
    "//! of every code point.\n"
    "//!\n"
    "//! Generated by `scripts/gen_unicode_tables.py` from python3's own str methods; do not\n"
    "//! edit. Read through `ctype.rs`. CPython counterpart: `Objects/unicodetype_db.h`.\n\n"
    "use crate::ctype::CharRecord;\n\n"
    f"/// Code points per block of the two-level index.\npub const SHIFT: u32 = {shift};\n\n"
)
text += "/// The distinct records: flags (`ctype::flags`), then lower, upper, title and casefold\n"
text += "/// mappings (a delta, or `start << 8 | len` into [`CASE_EXT`] when the `EXT_*` flag is set),\n"
text += "/// then the value of a decimal digit.\n"
text += "#[rustfmt::skip]\n"
text += f"pub static RECORDS: [CharRecord; {len(recs)}] = [\n"
for f, lo, up, ti, fo, de in recs:
    text += (f"    CharRecord {{ flags: 0x{f:X}, lower: {lo}, upper: {up}, title: {ti}, "
             f"fold: {fo}, decimal: {de} }},\n")
text += "];\n\n"
text += array("INDEX1", int_type(index1), index1, "Block number of each `cp >> SHIFT`.")
text += array("INDEX2", int_type(index2), index2, "Record number of each code point of each block.")
text += array("CASE_EXT", "u32", ext, "Case mappings that are not one code point, concatenated.", 8)
OUT.write_text(text)
subprocess.run(["rustfmt", "--edition", "2021", str(OUT)], check=True)
size = cost + len(recs) * 24 + len(ext) * 4
print(f"wrote {OUT}: {len(recs)} records, shift {shift}, {len(index1)}+{len(index2)} index "
      f"entries ({int_type(index1)}/{int_type(index2)}), {len(ext)} CASE_EXT code points, "
      f"{size} bytes of tables")
