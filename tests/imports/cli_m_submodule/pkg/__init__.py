print('init')
