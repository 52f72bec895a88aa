#!/usr/bin/env python3
"""Regenerate testdata/errors.txt: tokenizer-level outcomes of compile() on small sources.

Run: python3 tools/gen_error_cases.py > testdata/errors.txt
Cases where the parser fails first (e.g. "unexpected indent" before a bad character)
are left out: that order is the parser's business (see `error_at`).
Each line: hex of the source bytes, TAB, then either `OK` (CPython compiles it, or fails
only in the parser: the tokenizer must not report an error) or
`Class|msg|lineno|offset|end_lineno|end_offset` (None → 0).
"""
import warnings

warnings.simplefilter("ignore")
PARSER_ERRORS = ("invalid syntax", "unexpected indent", "expected an indented block")

CASES = [
 b"1abc\n", b"x = 1abc\n", b"0x\n", b"0xg\n", b"0x1_\n", b"0o8\n", b"0o18\n", b"0o\n", b"0b2\n", b"0b12\n", b"0b\n",
 b"0777\n", b"x = 00_7\n", b"1_\n", b"1__0\n", b"1.5e\n", b"1e+\n", b"1.5j2\n", b"1jx\n", b"0_\n",b"1e5x\n", b"1.e\n",
 b"1if x else 2\n", b"0x1for x in y\n", b"1 if 1else 2\n",
 b"'abc\n", b"x = 'abc\ny\n", b"x = '''abc\ny\n", b"x = '''abc\ny", b"'abc", b"f'abc\n", b"rb'''x\n\n",
 b"\xe2\x82\xac\n", b"x = a\xe2\x82\xac\n", b"a\xc2\xa0b\n", b"\xc2\xa0\n", b"$\n", b"x = $\n", b"?\n", b"!\n", b"a ! b\n", b"`\n",
 b"if x:\n  a\n b\n", b"if x:\n\ta\n        b\n", b"if x:\n        a\n\tb\n", b"if x:\n\tif y:\n\t a\n        b\n",
 b"x = (1,\n", b"x = (1,\n\n", b"x = [1,\n(2\n", b")\n", b"x = 1)\n", b"(]\n", b"(\n\n]\n", b"[\n(\n)\n)\n", b"{)\n",
 b"(" * 201 + b"\n", b"(" * 200 + b")" * 200 + b"\n",
 b"\xff\n", b"x = '\xff'\n", b"# coding: xyz\n", b"\xef\xbb\xbf# coding: latin-1\n", b"# coding: latin-1\nx = '\xe9'\n\xff",
 b"x\n" + b"\n".join(b" "*i + b"if x:" for i in range(100)) + b"\n" + b" "*100 + b"pass\n",
 b"if x:\n" + b"".join(b" "*i + b"if x:\n" for i in range(1, 99)) + b" "*99 + b"pass\n",
 b"if x:\n" + b"".join(b" "*i + b"if x:\n" for i in range(1, 100)) + b" "*100 + b"pass\n",
 b"x = 1\r\ny = 'a\r\n", b"x = 1\ry = $\r", b"s = '''\n\n",b"x = '\xe2\x82\xac\n", b"x = 1a\xe2\x82\xac\n", b"\xe2\x82\xacabc\n", b"ab\xe2\x82\xacc\n",
 b"x = 1\n  \\\ny\n", b"0_7\n", b"09.5\n", b"09\n", b"00\n", b"0e\n", b"0.j\n", b"1_000.0_1e1_0j\n", b"1e1_\n", b"1.0_\n", b"0b1_\n", b"0o7_\n",
 b"1in x\n", b"1isx\n", b"1not in x\n", b"1or 2\n",b"0x1else\n", b"0xfor\n", b"1.0else 2\n", b"1jif 1 else 2\n", b"1e\n", b"1ex\n", b"1else 2\n",
 b"x = '''\n\xe2\x82\xac\n", b"(\xe2\x82\xac)\n", b"f(a, b\n", b"{\n 1: 2,\n", b"if x:\n\tpass\n  \tpass\n",
 b"def f():\n\tif x:\n\t\tpass\n        pass\n", b"\x0cif x:\n  pass\n", b"x = 1 \\\n  + 2\n", b"1_000\n", b"0xdead_beef\n",
 b"x = r'\\'\n", b"x = '\\\n'\n", b"x = 'a\\\nb\n", b"\"\"\"\n", b"x = 1\n    # comment\ny = 2\n", b"a.b...c\n", b"a <> b\n", b'print("b\xf6se")\n', b"async def f():\n    await x\n",
]


def outcome(src):
    try:
        compile(src, "<pyrs-test>", "exec")
        return "OK"
    except SyntaxError as e:
        if e.msg in PARSER_ERRORS:
            return "OK"
        vals = [e.lineno, e.offset, e.end_lineno, e.end_offset]
        return "|".join([type(e).__name__, e.msg] + [str(0 if v is None else v) for v in vals])


for src in CASES:
    print(src.hex() + "\t" + outcome(src))
