def fail(*a):
    raise ValueError("multi")
fail(
    1,
    2,
)
