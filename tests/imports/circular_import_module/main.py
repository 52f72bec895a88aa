import a
print(a.done, a.b.done)
