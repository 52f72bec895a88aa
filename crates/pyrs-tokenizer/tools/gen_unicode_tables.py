#!/usr/bin/env python3
"""Regenerate src/unicode_tables.rs from CPython 3.11's own Unicode database.

Run: python3 tools/gen_unicode_tables.py > src/unicode_tables.rs
The table is the property `tokenize.py` depends on (str.isalnum for the regex `\\w`), taken from the oracle so pyrs agrees with it
even where the `unicode-*` crates follow a newer Unicode version.
"""
import sys

def ranges(pred):
    out, start = [], None
    for cp in range(0x80, 0x110000):
        ok = pred(chr(cp))
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append((start, cp - 1)); start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out

def emit(name, doc, rs):
    print(f"/// {doc}")
    print(f"pub(crate) static {name}: [(u32, u32); {len(rs)}] = [")
    for i in range(0, len(rs), 4):
        print("    " + " ".join(f"(0x{a:X}, 0x{b:X})," for a, b in rs[i:i+4]))
    print("];\n")

print("//! Unicode property tables generated from CPython %s by `tools/gen_unicode_tables.py`;"
      % sys.version.split()[0])
print("//! do not edit. Ranges are inclusive, sorted, non-ASCII only (ASCII is handled inline).\n")
emit("ALNUM", "Code points where `str.isalnum()` is true (the regex `\\w` minus `_`).", ranges(str.isalnum))
# str.isprintable lives in pyrs-text (scripts/gen_unicode_tables.py), shared by all stages.

