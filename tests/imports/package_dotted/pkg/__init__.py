print('pkg init')
