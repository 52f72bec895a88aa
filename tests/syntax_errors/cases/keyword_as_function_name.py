def import(path):
    pass
