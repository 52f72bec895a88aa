print('not run')
