from a import f
def g(): pass
