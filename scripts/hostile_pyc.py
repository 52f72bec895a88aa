#!/usr/bin/env python3
"""Feed the VM hostile code objects: .pyc files whose bytecode CPython's compiler would
never make (bad stack effects, out-of-range LOAD_CONST/LOAD_FAST/LOAD_NAME/jump arguments,
truncated bytecode, EXTENDED_ARG at the end, unknown opcodes, bad exception tables, wrong
localsplus counts, truncated/garbled marshal data). Each is made here with python3's
marshal and `types.CodeType.replace`, then run as `pyrs FILE.pyc`.

pyrs must refuse the file or raise an exception (SystemError for bad bytecode), never
panic, crash on a signal, or hang: a case fails when pyrs exits by a signal, with Rust's
panic status 101, prints "panicked" or "RUST_BACKTRACE", or runs past the timeout.
(CPython itself may crash on these; it is not the oracle here.)

    python3 scripts/hostile_pyc.py [--pyrs target/debug/pyrs] [-v]
"""
import argparse
import dis
import importlib.util
import marshal
import struct
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OP = dis.opmap


def pyc_bytes(code):
    data = code.data if isinstance(code, RawCode) else marshal.dumps(code)
    return importlib.util.MAGIC_NUMBER + b"\x00" * 12 + data


def base(src="x = 1\nprint(x)\n"):
    return compile(src, "<hostile>", "exec")


def func_code(src):
    """The code object of the first function defined in src."""
    mod = compile(src, "<hostile>", "exec")
    for c in mod.co_consts:
        if hasattr(c, "co_code"):
            return mod, c
    raise ValueError("no function")


def with_code(code, raw):
    raw = bytes(raw)
    if len(raw) % 2 == 0 and raw:
        return code.replace(co_code=raw)
    # CodeType.replace refuses odd or empty bytecode: marshal a placeholder and patch its
    # bytes (the `s` object's length and contents) in the dumped data.
    marker = bytes([OP["NOP"], 0]) * 23
    data = marshal.dumps(code.replace(co_code=marker))
    old = len(marker).to_bytes(4, "little") + marker
    i = data.index(old)
    return RawCode(data[:i] + len(raw).to_bytes(4, "little") + raw + data[i + len(old):])


class RawCode:
    """Marshal data standing for a code object (see with_code)."""

    def __init__(self, data):
        self.data = data


def b(*pairs):
    out = bytearray()
    for op, arg in pairs:
        out += bytes([OP[op] if isinstance(op, str) else op, arg])
    return bytes(out)


def cases():
    c = base()
    resume = ("RESUME", 0)
    yield "load_const_out_of_range", with_code(c, b(resume, ("LOAD_CONST", 200), ("RETURN_VALUE", 0)))
    yield "load_fast_out_of_range", with_code(c, b(resume, ("LOAD_FAST", 50), ("RETURN_VALUE", 0)))
    yield "store_fast_out_of_range", with_code(c, b(resume, ("LOAD_CONST", 0), ("STORE_FAST", 99), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "load_name_out_of_range", with_code(c, b(resume, ("LOAD_NAME", 77), ("RETURN_VALUE", 0)))
    yield "load_global_out_of_range", with_code(c, b(resume, ("LOAD_GLOBAL", 200)) + bytes(10) + b(("RETURN_VALUE", 0)))
    yield "load_attr_out_of_range", with_code(c, b(resume, ("LOAD_CONST", 0), ("LOAD_ATTR", 90)) + bytes(8) + b(("RETURN_VALUE", 0)))
    yield "load_deref_out_of_range", with_code(c, b(resume, ("LOAD_DEREF", 60), ("RETURN_VALUE", 0)))
    yield "pop_empty_stack", with_code(c, b(resume, ("POP_TOP", 0), ("POP_TOP", 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "return_empty_stack", with_code(c, b(resume, ("RETURN_VALUE", 0)))
    yield "binary_op_empty_stack", with_code(c, b(resume, ("BINARY_OP", 0), ("CACHE", 0), ("RETURN_VALUE", 0)))
    yield "stack_overflow_pushes", with_code(c.replace(co_stacksize=1), b(resume, *[("LOAD_CONST", 0)] * 200, ("RETURN_VALUE", 0)))
    yield "swap_too_deep", with_code(c, b(resume, ("LOAD_CONST", 0), ("SWAP", 9), ("RETURN_VALUE", 0)))
    yield "copy_too_deep", with_code(c, b(resume, ("LOAD_CONST", 0), ("COPY", 40), ("RETURN_VALUE", 0)))
    yield "copy_zero", with_code(c, b(resume, ("LOAD_CONST", 0), ("COPY", 0), ("RETURN_VALUE", 0)))
    yield "jump_forward_past_end", with_code(c, b(resume, ("JUMP_FORWARD", 200)))
    yield "jump_backward_before_start", with_code(c, b(resume, ("JUMP_BACKWARD", 100)))
    yield "jump_backward_self_loop_guard", with_code(c, b(resume, ("POP_JUMP_FORWARD_IF_TRUE", 250), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "truncated_bytecode_odd", with_code(c, b(resume, ("LOAD_CONST", 0))[:-1])
    yield "falls_off_end", with_code(c, b(resume, ("LOAD_CONST", 0)))
    yield "empty_bytecode", with_code(c, b"")
    yield "extended_arg_at_end", with_code(c, b(resume, ("EXTENDED_ARG", 1)))
    yield "extended_arg_huge", with_code(c, b(resume, ("EXTENDED_ARG", 255), ("EXTENDED_ARG", 255), ("EXTENDED_ARG", 255), ("LOAD_CONST", 255), ("RETURN_VALUE", 0)))
    yield "unknown_opcode", with_code(c, b(resume, (0xFE, 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "cache_executed", with_code(c, b(("CACHE", 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "call_with_too_many_args", with_code(c, b(resume, ("PUSH_NULL", 0), ("LOAD_CONST", 0), ("PRECALL", 200), ("CACHE", 0), ("CALL", 200)) + bytes(8) + b(("RETURN_VALUE", 0)))
    yield "build_tuple_too_many", with_code(c, b(resume, ("LOAD_CONST", 0), ("BUILD_TUPLE", 100), ("RETURN_VALUE", 0)))
    yield "unpack_into_huge", with_code(c, b(resume, ("LOAD_CONST", 0), ("BUILD_TUPLE", 1), ("UNPACK_SEQUENCE", 1), ("CACHE", 0), ("RETURN_VALUE", 0)))
    yield "reraise_no_exception", with_code(c, b(resume, ("LOAD_CONST", 0), ("RERAISE", 0)))
    yield "pop_except_empty", with_code(c, b(resume, ("POP_EXCEPT", 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "yield_outside_generator", with_code(c, b(resume, ("LOAD_CONST", 0), ("YIELD_VALUE", 0), ("RETURN_VALUE", 0)))
    yield "return_generator_in_module", with_code(c, b(resume, ("RETURN_GENERATOR", 0), ("POP_TOP", 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "for_iter_non_iterator", with_code(c, b(resume, ("LOAD_CONST", 0), ("FOR_ITER", 2), ("POP_TOP", 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "send_bad_receiver", with_code(c, b(resume, ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("SEND", 1), ("RETURN_VALUE", 0)))
    yield "make_function_non_code", with_code(c, b(resume, ("LOAD_CONST", 0), ("MAKE_FUNCTION", 0), ("RETURN_VALUE", 0)))
    yield "make_function_flags_empty_stack", with_code(c, b(resume, ("LOAD_CONST", 0), ("MAKE_FUNCTION", 15), ("RETURN_VALUE", 0)))
    yield "copy_free_vars_without_closure", with_code(c, b(("COPY_FREE_VARS", 5), resume, ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "make_cell_out_of_range", with_code(c, b(("MAKE_CELL", 90), resume, ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "kw_names_out_of_range", with_code(c, b(resume, ("KW_NAMES", 99), ("LOAD_CONST", 0), ("RETURN_VALUE", 0)))
    yield "compare_op_bad_arg", with_code(c, b(resume, ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("COMPARE_OP", 99), ("CACHE", 0), ("CACHE", 0), ("RETURN_VALUE", 0)))
    yield "binary_op_bad_arg", with_code(c, b(resume, ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("BINARY_OP", 99), ("CACHE", 0), ("RETURN_VALUE", 0)))
    yield "format_value_bad_arg", with_code(c, b(resume, ("LOAD_CONST", 0), ("FORMAT_VALUE", 255), ("RETURN_VALUE", 0)))
    yield "raise_varargs_bad_arg", with_code(c, b(resume, ("RAISE_VARARGS", 9)))
    yield "import_name_out_of_range", with_code(c, b(resume, ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("IMPORT_NAME", 99), ("RETURN_VALUE", 0)))
    yield "exception_table_garbage", c.replace(co_exceptiontable=b"\xff\xff\xff\xff\x80\x80")
    yield "exception_table_target_out_of_range", c.replace(co_exceptiontable=bytes([0x80 | 0, 20, 120, 2]))
    yield "exception_table_depth_huge", c.replace(co_exceptiontable=bytes([0x80 | 0, 20, 1, 126]))
    yield "linetable_garbage", c.replace(co_linetable=b"\xff" * 7)
    yield "linetable_empty", c.replace(co_linetable=b"")
    yield "stacksize_zero", c.replace(co_stacksize=0)
    src = "def f(a, b):\n    c = a + b\n    return c\nprint(f(1, 2))\n"
    mod, f = func_code(src)
    bad_f = f.replace(co_code=b(("RESUME", 0), ("LOAD_FAST", 40), ("RETURN_VALUE", 0)))
    yield "function_load_fast_out_of_range", mod.replace(co_consts=tuple(bad_f if x is f else x for x in mod.co_consts))
    gsrc = "def g():\n    yield 1\n    yield 2\nprint(list(g()))\n"
    gmod, g = func_code(gsrc)
    bad_g = g.replace(co_code=g.co_code[:6] + b(("YIELD_VALUE", 0), ("YIELD_VALUE", 0), ("YIELD_VALUE", 0)))
    yield "generator_yields_from_empty_stack", gmod.replace(co_consts=tuple(bad_g if x is g else x for x in gmod.co_consts))


def raw_cases():
    good = pyc_bytes(base())
    yield "raw_empty_file", b""
    yield "raw_magic_only", good[:4]
    yield "raw_header_only", good[:16]
    yield "raw_truncated_marshal", good[: len(good) // 2]
    yield "raw_wrong_magic", b"\x00\x00\x0d\x0a" + good[4:]
    yield "raw_garbage_after_header", good[:16] + bytes(range(256))
    yield "raw_not_a_code_object", good[:16] + marshal.dumps((1, 2, 3))
    yield "raw_deeply_nested_tuple", good[:16] + b"(" + b"\x01\x00\x00\x00(" * 100000
    yield "raw_huge_length", good[:16] + b"s\xff\xff\xff\x7f"
    yield "raw_bad_ref", good[:16] + b"r\x05\x00\x00\x00"
    # 30,000 distinct NaN complexes in one frozenset constant: NaN hashes by identity, so
    # they must not all collide (that took minutes; found by the pyc fuzz target).
    # (Written by hand: CPython's marshal.dumps refuses NaN members of a frozenset.)
    marker = "frozenset-placeholder-" * 20  # > 255 chars: marshalled with a 4-byte length
    dumped = marshal.dumps(base().replace(co_consts=(marker, None)))
    nan_complex = b"y" + struct.pack("<dd", float("nan"), 0.0)
    nan_set = b">" + struct.pack("<i", 30000) + nan_complex * 30000
    at = dumped.index(marker.encode()) - 5  # the str's type byte and length
    patched = dumped[:at] + nan_set + dumped[at + 5 + len(marker):]
    yield "frozenset_of_nan_complexes", good[:16] + patched


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=str(ROOT / "target/debug/pyrs"))
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    failed = []
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        items = [(name, pyc_bytes(code)) for name, code in cases()] + list(raw_cases())
        for name, data in items:
            n += 1
            p = Path(tmp) / (name + ".pyc")
            p.write_bytes(data)
            try:
                r = subprocess.run([a.pyrs, str(p)], capture_output=True, timeout=a.timeout,
                                   stdin=subprocess.DEVNULL, env=dict(os.environ, RUST_BACKTRACE="0"))
                err = r.stderr.decode("utf-8", "replace")
                bad = (r.returncode < 0 or r.returncode == 101 or "panicked" in err
                       or "RUST_BACKTRACE" in err)
                verdict = f"exit {r.returncode}: {err.strip().splitlines()[-1] if err.strip() else ''}"
            except subprocess.TimeoutExpired:
                bad, verdict = True, "timeout"
            if bad:
                failed.append(name)
                print(f"FAIL {name}: {verdict}")
            elif a.v:
                print(f"ok   {name}: {verdict}")
    print(f"{n - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
