my$var = 1
