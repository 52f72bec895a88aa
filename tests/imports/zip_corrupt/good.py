print('good imported')
