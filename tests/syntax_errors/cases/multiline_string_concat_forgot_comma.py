names = [
    'a'
    'b'
    c
]
