# try/except in a loop: mostly no exception (zero-cost table), sometimes a raise caught
# by type, a try/finally, and a KeyError from a dict.
class Invalid(Exception):
    pass


def parse(i):
    if i % 10 == 0:
        raise Invalid(i)
    return i * 2


def run(n):
    total = 0
    d = {i: i for i in range(0, 100, 2)}
    for i in range(n):
        try:
            total += parse(i)
        except Invalid as e:
            total -= e.args[0]
        try:
            total += d[i % 100]
        except KeyError:
            total += 1
        finally:
            total += 1
    return total


print(run(1_000_000))
