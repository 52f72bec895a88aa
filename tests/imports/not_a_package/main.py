try:
    import mod.x
except ModuleNotFoundError as e:
    print(e)
try:
    import nopkg.x
except ModuleNotFoundError as e:
    print(e)
