data = [1, 5, 2, 8]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 4])
print("a" if 0 else "b", 1 if [] else 2, (lambda: (z := 5))())
while (item := data.pop()) != 5:
    print("popped", item)
print(data)
