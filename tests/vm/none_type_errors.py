for op in [lambda: None + 1, lambda: None < 1, lambda: len(None), lambda: None[0], lambda: None(), lambda: iter(None), lambda: -None, lambda: None.attr]:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(None is None, None == None, None != 0, bool(None), repr(None), str(None), type(None).__name__)
