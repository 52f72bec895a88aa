from b import g
def f(): pass
