import builtins
for n in sorted(dir(builtins)):
    v = getattr(builtins, n)
    if isinstance(v, type) and issubclass(v, BaseException) and "Group" not in n:
        print(n, v.__base__.__name__, v.__name__)
