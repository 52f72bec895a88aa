print('unused')
