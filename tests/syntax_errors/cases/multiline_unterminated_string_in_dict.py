d = {
    'a': 'one',
    'b': 'two,
}
