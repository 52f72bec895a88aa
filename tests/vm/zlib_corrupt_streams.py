# Mutated and truncated zlib/raw/gzip streams through decompress() and decompressobj()
# (with output limits, then flush()) under every wbits: same results, errors and
# unused_data/unconsumed_tail as CPython, and never a crash.
import zlib
class R:
    x = 7
    def randrange(self, n):
        R.x = (R.x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (R.x >> 33) % n
    def random(self):
        return self.randrange(1000) / 1000
    def choice(self, seq):
        return seq[self.randrange(len(seq))]
random = R()
base = [zlib.compress(bytes(random.randrange(256) for _ in range(n)) * 3, wbits=w) for n in (0, 5, 300) for w in (15, -15, 31, 9)]
n = 0
for i in range(600):
    b = bytearray(random.choice(base))
    for _ in range(random.randrange(4)):
        if b:
            b[random.randrange(len(b))] = random.randrange(256)
    if random.random() < 0.3 and b:
        b = b[:random.randrange(len(b))]
    w = random.choice([0, 8, 9, 15, -8, -15, 16, 31, 32, 47])
    try:
        r = zlib.decompress(bytes(b), w); print(i, w, 'A ok', len(r))
    except zlib.error as e:
        n += 1; print(i, w, 'A', e)
    d = zlib.decompressobj(w)
    ml = random.choice([0, 1, 7, 100])
    try:
        r1 = d.decompress(bytes(b), ml)
        r2 = d.flush(); print(i, w, ml, 'B ok', len(r1), len(r2), d.eof, len(d.unused_data), len(d.unconsumed_tail))
    except zlib.error as e:
        n += 1; print(i, w, ml, 'B', e)
print("done", n)
