x = f'some long prefix text {1 +}'
