total = sum(
    x * x
    for x in data,
    0,
)
