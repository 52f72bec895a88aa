import empty, latin
print(empty.__name__, latin.S)
