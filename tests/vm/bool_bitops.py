print(True & False, True | False, True ^ True, False ^ True, True & 1, 3 | True)
x = True
x &= False
print(x)
