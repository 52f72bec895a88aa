e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nmultiline note")
print(e.__notes__)
try: e.add_note(5)
except TypeError as x: print(x)
def f():
    try:
        raise e
    except ValueError as err:
        err.add_note("added in handler")
        raise
f()
