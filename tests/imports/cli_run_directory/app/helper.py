H = 'helper next to __main__'
