print(__spec__, type(__loader__).__name__, __loader__.name, __file__ == __loader__.path, __cached__)
print(list(globals()))
