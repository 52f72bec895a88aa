@staticmethod def f():
    pass
