[x for x in y if x if not x]
{k: v for k, v in d}
(y := 10)
lambda *a, **k: (a, k)
