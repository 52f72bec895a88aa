for f in [lambda: [1][5], lambda: (1,)[2], lambda: "ab"[9], lambda: [].pop(), lambda: range(3)[10]]:
    try:
        f()
    except IndexError as e:
        print("IndexError:", e)
print([1, 2, 3][-1], "xyz"[-3], [1, 2, 3][10:], "abc"[1:100])
