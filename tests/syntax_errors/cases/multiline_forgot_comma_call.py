result = func(
    first,
    second
    third,
)
