# String building: f-strings, %-formatting, join, +=, str methods.
def render(rows):
    out = []
    for i, (name, qty, price) in enumerate(rows):
        line = f"{i:4d} {name:<10} {qty:>5} {price:8.2f}"
        out.append(line.upper() if qty % 7 == 0 else line)
    return "\n".join(out)


def run(n):
    rows = [("item%d" % (i % 97), i % 13, i * 0.37) for i in range(n)]
    total = 0
    for _ in range(6):
        text = render(rows)
        total += len(text) + text.count("ITEM")
        s = ""
        for i in range(3000):
            s += str(i)
            if i % 10 == 0:
                s += ","
        parts = s.split(",")
        total += len(parts) + len("-".join(p.strip("0") for p in parts))
        total += len(text.replace("item", "it").split())
    return total


print(run(25000))
