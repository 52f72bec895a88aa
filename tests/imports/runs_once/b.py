import a
print('b body', a.count)
