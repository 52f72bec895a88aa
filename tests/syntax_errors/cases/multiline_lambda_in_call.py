f(
    key=lambda x
)
