f = [x for x in (yield)]
