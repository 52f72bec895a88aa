s = '日本'; n = 3rd
