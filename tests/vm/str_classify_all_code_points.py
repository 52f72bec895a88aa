# str classification of every code point (lone surrogates included): isalpha, isdecimal,
# isdigit, isnumeric, isalnum, isspace, isprintable, isidentifier (alone and after "a"),
# and the value int() reads from each decimal digit; digests per block of 4096.
CHUNK = 4096


def digest(s):
    # hash() of an int is its value modulo 2**61 - 1 (not randomized).
    return hash(int.from_bytes(s.encode("utf-32-le", "surrogatepass"), "little"))


chunks = ["".join(map(chr, range(i, min(i + CHUNK, 0x110000))))
          for i in range(0, 0x110000, CHUNK)]
for p in [str.isalpha, str.isdecimal, str.isdigit, str.isnumeric, str.isalnum,
          str.isspace, str.isprintable, str.isidentifier]:
    total, parts = 0, []
    for i, s in enumerate(chunks):
        r = "".join(filter(p, s))
        total += len(r)
        if len(r) == len(s):
            parts.append(f"{i}:all")
        elif r:
            parts.append(f"{i}:{len(r)}:{digest(r) % 100000}")
    print(p.__name__, total, " ".join(parts))
total, parts = 0, []
for i, s in enumerate(chunks):
    r = "".join(filter(str.isidentifier, map("".join, zip("a" * len(s), s))))
    total += len(r)
    if r:
        parts.append(f"{i}:{len(r)}:{digest(r) % 100000}")
print("continues an identifier", total, " ".join(parts))
decimals = "".join(filter(str.isdecimal, "".join(chunks)))
print(len(decimals), int("".join(decimals[::37])) % 1000000007, sum(map(int, decimals)))
