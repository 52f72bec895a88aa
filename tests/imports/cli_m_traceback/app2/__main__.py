def g():
    return {}["missing"]

g()
