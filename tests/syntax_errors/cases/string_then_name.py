print('hello' name)
