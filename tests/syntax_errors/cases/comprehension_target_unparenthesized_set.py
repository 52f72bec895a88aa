s = {x, y for x in items}
