# compile(): modes, argument checking, the code objects it returns, and its SyntaxErrors.

c = compile("1 + 2", "<expr>", "eval")
print(type(c).__name__, c.co_name, c.co_filename, eval(c))
c = compile("q = 3\nprint(q)", "prog.py", "exec")
print(c.co_name, c.co_filename)
exec(c)
c = compile(b"'bytes' * 2", b"bfile", "eval")
print(eval(c), c.co_filename)
c = compile(bytearray(b"7 * 6"), "<ba>", mode="eval")
print(eval(c))
c = compile("x = 5", "<k>", "exec", flags=0, dont_inherit=True, optimize=0)
print(c.co_names)
c = compile("assert False, 'no'", "<o>", "exec", optimize=1)
exec(c)
print("optimized assert skipped")
c = compile("assert False, 'yes'", "<o>", "exec", optimize=0)
try:
    exec(c)
except AssertionError as e:
    print("AssertionError", e)

c = compile("1 + 1", "<s>", "single")
exec(c)
exec(compile("None", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
exec(compile("if 1:\n  5\n  6\n", "<s>", "single"))
exec(compile("z = 4\n\n", "<s>", "single"))
exec(compile("for i in range(2): i\n", "<s>", "single"))

srcs = [
    ("x = 1\ny = 2", "single"),
    ("x = 1\ny = 2\n", "single"),
    ("if 1: pass\nz = 3\n", "single"),
    ("", "single"),
    ("x = 1", "eval"),
    ("1 +", "eval"),
    ("", "eval"),
    ("def f(:\n  pass", "exec"),
    ("  x = 1", "exec"),
    ("x = (1,\n", "exec"),
    ("yield 1", "exec"),
    ("a b", "exec"),
    ("print 'x'", "exec"),
    ("f(**a, *b)", "eval"),
    ("1 = 2", "exec"),
    ("for i in range(2): i", "single"),
    ("a\0", "exec"),
    (b"a\0", "eval"),
    ("1 +", "single"),
    ("x\n\n", "single"),
]
for src, mode in srcs:
    try:
        compile(src, "<test>", mode)
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.args)

bad_calls = [
    ("1", "<f>", "evil"),
    ("1", "<f>", "eval", 0x100000000),
    ("1", "<f>", "eval", 0, False, 7),
    (1, "<f>", "eval"),
    ("1", 5, "eval"),
    ("1", "<f>", 3),
    ("1", "<f>"),
]
for args in bad_calls:
    try:
        compile(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    compile("1", "<f>", "eval", bogus=1)
except TypeError as e:
    print("TypeError", e)

# The bytecode matches CPython's, mode by mode.
for src, mode in [("a + 1", "eval"), ("[x for x in y]", "eval"), ("x = 1\nx", "exec"),
                  ("a", "single"), ("if a:\n  b\n", "single")]:
    c = compile(src, "<string>", mode)
    print(mode, c.co_name, c.co_code.hex(), c.co_names, c.co_flags, c.co_stacksize)

try:
    compile("a\ud800b", "<f>", "eval")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.args)
