z = 3jk
