mask = 0b1021
