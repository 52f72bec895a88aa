import mod
