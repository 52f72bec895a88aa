def gen():
    yield 1
    raise KeyError("in gen")
def consume():
    for x in gen():
        pass
consume()
