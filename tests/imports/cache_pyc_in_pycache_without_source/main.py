import sys
try:
    import mod
except ModuleNotFoundError as e:
    print(e)
