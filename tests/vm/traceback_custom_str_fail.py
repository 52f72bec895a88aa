class E(Exception):
    def __str__(self):
        raise RuntimeError("str failed")
raise E("x")
