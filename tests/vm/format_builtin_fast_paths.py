# format()/f-string fields of builtin values take a direct path (no __format__ lookup, no
# spec str object); subclasses, bools, big ints and error messages must be unchanged.
class I(int):
    pass

class F(float):
    def __format__(self, spec):
        return "F<" + spec + ">"

class S(str):
    pass

vals = [0, 7, -7, 255, -255, 2**70, -(2**70), True, False, I(42), I(-3), 3.5, -0.0,
        float("nan"), float("inf"), -float("inf"), 1e300, 2.675, "ab", S("xy"), "é😀"]
specs = ["", "d", "x", "X", "#x", "o", "#o", "b", "#b", "c", "5", "<5", ">5", "^7", "=8",
         "+", " ", "08", ",", "_", "_x", ".2f", "8.2f", "e", "g", ".3", "%", "s", "10s", ".1",
         "z.1f", "#", "*^9"]
for v in vals:
    for sp in specs:
        try:
            r = format(v, sp)
        except (ValueError, TypeError, OverflowError) as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(v), repr(sp), repr(r))
print(f"{F(1.5):abc}", format(F(2.0), ""), f"{I(5):4d}|{I(5)!r:>6}")
print(format(0x10FFFF, "c") == chr(0x10FFFF), repr(format(0xD800, "c")))
for bad in [-1, 0x110000, 2**80]:
    try:
        format(bad, "c")
    except OverflowError as e:
        print("OverflowError", e)
for i in range(-3, 300, 37):
    print(f"{i:4d} {i:<6x}|{i:^+7}|{i * 0.37:8.2f}|{str(i):>5}|{i:,}")
for v in [1.5, "a", 7, -7]:
    try:
        print(len(format(v, ">9223372036854775807")))
    except MemoryError as e:
        print("MemoryError", e)
