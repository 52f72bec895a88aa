print('a body')
count = 1
