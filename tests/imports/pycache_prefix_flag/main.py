import mod, pkg.sub
print(mod.__cached__)
print(pkg.sub.__cached__)
