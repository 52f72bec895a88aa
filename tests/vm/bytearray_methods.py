ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
ba.append(33)
ba.extend(b"??")
print(ba)
ba[1:3] = b"EL"
del ba[-1]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.remove(ord("E"))
print(ba, ba.find(b"l"), ba.count(b"l"), ba.index(b"o"), b"l" in ba, 108 in ba)
ba.reverse()
print(ba, bytes(ba), ba.decode(), ba.upper(), ba.replace(b"l", b"L"))
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"ab") + b"cd", bytearray(b"ab") * 2)
x = bytearray(b"ab")
x += b"cd"
x *= 2
print(x, x == b"abcdabcd", x.hex(), bytearray.fromhex("ff 00"), x.split(b"c"), x.strip(b"ab"))
try: ba[0] = 256
except ValueError as e: print(e)
try: hash(ba)
except TypeError as e: print(e)
x.clear()
print(x, repr(bytearray(b"\x00'")), bytearray(b"xyz").copy())
