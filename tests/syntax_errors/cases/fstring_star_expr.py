x = f'{*items}'
