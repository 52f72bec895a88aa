[x for *a, *b in c]
