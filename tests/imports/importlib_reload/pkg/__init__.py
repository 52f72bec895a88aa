print('pkg init runs')
