x = f'{value!}'
