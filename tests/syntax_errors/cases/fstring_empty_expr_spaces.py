x = f'value: {   }'
