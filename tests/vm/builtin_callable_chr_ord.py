print(callable(len), callable(1), callable(int), callable(lambda: 0), callable("s".upper))
class C:
    def __call__(self): pass
class D: pass
print(callable(C()), callable(D()), callable(D))
print(chr(65), chr(0x1F600), chr(0), repr(chr(0xD800)), ord("A"), ord("\U0001F600"), ord(b"a"))
try: chr(0x110000)
except ValueError as e: print(e)
try: chr(-1)
except ValueError as e: print(e)
try: ord("ab")
except TypeError as e: print(e)
try: ord("")
except TypeError as e: print(e)
try: chr("a")
except TypeError as e: print(e)
