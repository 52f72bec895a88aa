x = f'{value!z}'
