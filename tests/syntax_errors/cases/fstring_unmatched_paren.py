x = f'{value)}'
