try:
    import nosuchmod
except ModuleNotFoundError as e:
    print(e)
try:
    import pkg.nosuch
except ModuleNotFoundError as e:
    print(e)
try:
    import mod.child
except ModuleNotFoundError as e:
    print(e)
import nosuchmod2
