print(bin(10), bin(-10), bin(0), hex(255), hex(-255), oct(8), oct(-8), hex(2**100))
class I:
    def __index__(self): return 12
print(bin(I()), hex(I()), oct(I()))
try: hex(1.5)
except TypeError as e: print(e)
print(int("0b101", 0), int("0x_ff", 0), int("0o17", 0), int("ff", 16), int("z", 36))
try: int("08", 0)
except ValueError as e: print(e)
print(format(255, "#x"), format(255, "#b"), format(255, "#o"), format(255, "X"))
