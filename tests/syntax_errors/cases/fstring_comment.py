x = f'{value # comment}'
