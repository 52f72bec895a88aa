# Generators: pipelines of generator functions, generator expressions, yield from.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chained(n):
    yield from numbers(n)
    yield from numbers(n // 2)


def run(n):
    total = 0
    total += sum(squares(evens(numbers(n))))
    total += sum(x % 5 for x in chained(n))
    total += max(y for y in (x * 3 % 1001 for x in range(n)))
    return total


print(run(1_200_000))
