print('sub runs')
x = 1
