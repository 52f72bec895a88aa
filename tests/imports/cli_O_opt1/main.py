import mod
mod.f()
print(__debug__, mod.__cached__)
