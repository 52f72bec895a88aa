try:
    [][1]
except IndexError:
    x = {}
    x["missing"]
