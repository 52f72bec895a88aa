total = 1abc
