import mod
print(mod.x, mod.f())
print(mod.__name__, mod.__package__)
import mod as m2
print(m2 is mod)
