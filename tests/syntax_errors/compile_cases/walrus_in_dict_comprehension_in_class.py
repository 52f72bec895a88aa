class C:
    {(y := 1): 2 for x in z}
