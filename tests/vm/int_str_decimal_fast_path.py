# str()/repr()/f-string/%s of machine ints take a direct decimal path (extremes, signs).
for n in [0, 1, -1, 9, 10, -10, 2**63-1, -2**63, 123456789]:
    print(str(n), repr(n), f"{n}", f"{n!r}", "%s" % n, len(str(n)))
