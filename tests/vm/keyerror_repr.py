for k in ["a", 1, (1, 2), None, "", ("t",)]:
    try:
        {}[k]
    except KeyError as e:
        print(repr(e), str(e), e.args)
print(str(KeyError()), str(KeyError("a", "b")), repr(KeyError("x")))
d = {}
d["missing"]
