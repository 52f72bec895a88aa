x = f'{value!rr}'
