print(
    'ok',
    f'{x!x}',
)
