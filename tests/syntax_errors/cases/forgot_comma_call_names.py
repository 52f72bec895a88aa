max(a b)
