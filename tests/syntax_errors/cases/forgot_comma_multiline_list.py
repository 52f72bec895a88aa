items = [
    'alpha',
    'beta'
    gamma,
]
