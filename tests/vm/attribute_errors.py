class A:
    pass
for expr in ["A().missing", "(1).real_not", "A.nope", "[].nope"]:
    try:
        eval(expr) if False else None
    except AttributeError as e:
        print(e)
try:
    A().missing
except AttributeError as e:
    print(e)
try:
    A.nope
except AttributeError as e:
    print(e)
try:
    [].nope
except AttributeError as e:
    print(e)
try:
    (5).x = 1
except AttributeError as e:
    print(e)
