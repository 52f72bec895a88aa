counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def outer():
    v = []
    def add(x):
        v.append(x)
    add(1); add(2)
    return v
print(outer())
x = 1
def shadow():
    x = 2
    return x
print(shadow(), x)
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
