v = 'sourceless'
