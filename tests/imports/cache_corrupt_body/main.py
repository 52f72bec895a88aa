try:
    import mod
    print(mod.X)
except Exception as e:
    print(type(e).__name__, e)
