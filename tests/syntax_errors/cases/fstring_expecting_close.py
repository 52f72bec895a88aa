x = f'{value'
