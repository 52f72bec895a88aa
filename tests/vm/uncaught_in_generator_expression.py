def parse(items):
    return list(int(x) for x in items)
print(parse(["1", "2"]))
parse(["3", "four"])
