print('pkg main')
