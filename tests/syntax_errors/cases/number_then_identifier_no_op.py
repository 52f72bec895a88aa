x = 12 apples
