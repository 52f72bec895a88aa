s = 'éé'; del 1
