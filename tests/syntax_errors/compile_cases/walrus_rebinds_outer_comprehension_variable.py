{[(x := 1) for a in b] for x in c}
