# List and dict operations: appends, indexing, slicing, sorting, dict counting and
# lookups, comprehensions.
def word_counts(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def run(n):
    words = ["w%d" % (i * 7919 % 1000) for i in range(n)]
    total = 0
    for _ in range(25):
        counts = word_counts(words)
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        total += sum(c for _, c in top)
        xs = []
        for i in range(len(words)):
            xs.append(i * 3 % 101)
        xs.sort()
        total += xs[len(xs) // 2] + len(xs[10:-10])
        d = {i: i * i for i in range(2000)}
        for i in range(0, 2000, 3):
            if i in d:
                total += d[i] % 7
            del d[i]
        total += len(d)
        total += sum([x for x in xs if x & 1])
    return total


print(run(50000))
