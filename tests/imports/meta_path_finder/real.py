X = 'real file'
