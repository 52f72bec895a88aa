ba = bytearray(range(10))
ba[2:5] = b"xyz!"
print(ba)
ba[::3] = b"ABCD"
print(ba)
del ba[1::2]
print(ba, len(ba))
ba[0:0] = [1, 2]
print(ba)
try: ba[::2] = b"x"
except ValueError as e: print(e)
try: ba[0] = "a"
except TypeError as e: print(e)
try: ba[100]
except IndexError as e: print(e)
try: ba["x"]
except TypeError as e: print(e)
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b", bytearray(b"ab") + bytearray(b"c"), b"x" + bytearray(b"y"))
print(type(b"x" + bytearray(b"y")).__name__, type(bytearray(b"y") + b"x").__name__, bytes(bytearray(b"q")), list(bytearray(b"hi")))
try: bytearray(b"x") + "y"
except TypeError as e: print(e)
print(bytearray(b"Hello World").split(), bytearray(b"a-b").partition(b"-"), bytearray(b"  x ").strip(), bytearray(b"x").join([b"a", bytearray(b"b")]))
print(bytearray(b"abc").hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -4), bytearray(b"\xff").decode("latin-1"), int.from_bytes(bytearray(b"\x01\x00"), "big"))
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4), b"a\nb\r\nc".splitlines(), b"hello world".title(), b"aBc".swapcase(), b"abc".capitalize())
print(b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"), b"abc".isascii(), b"a,b,c".rpartition(b","), bytearray(b"ab") * 3, 3 * bytearray(b"z"))
s = bytearray(b"x")
t = s
s += b"yz"
s *= 2
print(t, s is t)
