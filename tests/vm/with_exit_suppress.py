class CM:
    def __init__(self, suppress):
        self.suppress = suppress
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return self.suppress
with CM(True) as c:
    raise ValueError("x")
print("after suppressed", type(c).__name__)
try:
    with CM(False):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with CM(False), CM(True):
    raise OSError("multi")
print("done")
