foo(a, b
x = 1
