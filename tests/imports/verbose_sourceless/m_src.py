X = 'sourceless'
