print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(1.005, 2), round(123.456, -1), round(125, -1), round(135, -1))
print(round(7), round(7, 1), round(3.14159, 3))
print(type(round(2.5)), type(round(2.5, 0)))
print(round(-125, -1), round(1e300), round(0.0))
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
try:
    round(float("nan"))
except ValueError as e:
    print(e)
