# Test generator for tree-distance.
# Levels >= 1: long paths, so walking or searching the tree per query is expensive: case 0 a
# single path, case 1 a "broom" of 3 long chains from the root, case 2 two chains with short
# branches, case 3 a random tree whose parent is always one of the 3 previous vertices.
# Queries mostly take vertices far apart (ends of different chains). Labels are shuffled.

BIG = 10**9


def generate(rng, size, level, case):
    g = rng.getrandbits
    if level == 0:
        if case == 0:
            return "1 2\n1 1\n1 1\n"
        if case == 1:
            return "2 3\n2 1 %d\n1 2\n2 1\n2 2\n" % BIG
        n = size
    else:
        n = size
    par = [0] * n          # parent as creation index (index 0 = root)
    if level == 0 or case == 3:
        for k in range(1, n):
            par[k] = max(0, k - 1 - g(30) % 3)
        groups = [list(range(n))]
    elif case == 0:
        for k in range(1, n):
            par[k] = k - 1
        groups = [list(range(n))]
    elif case == 1:
        groups = [[], [], []]
        for k in range(1, n):
            c = k % 3
            par[k] = groups[c][-1] if groups[c] else 0
            groups[c].append(k)
    else:
        groups = [[], []]
        for k in range(1, n):
            if k % 5 == 4:
                par[k] = k - 1 - g(30) % 3       # short branch
                continue
            c = k % 2
            par[k] = groups[c][-1] if groups[c] else 0
            groups[c].append(k)
    labels = list(range(1, n + 1))
    rng.shuffle(labels)
    if level == 0:
        wmax = [0, 0, 5, BIG, 100, BIG, 3, BIG][case]
    else:
        wmax = [BIG, 10**6, BIG, 1000][case]
    edges = []
    for k in range(1, n):
        a, b = labels[k], labels[par[k]]
        if g(1):
            a, b = b, a
        edges.append("%d %d %d" % (a, b, 1 + g(40) % wmax))
    rng.shuffle(edges)
    q = n
    qs = []
    for _ in range(q):
        if level > 0 and g(10) < 800 and len(groups) > 1:
            ga = groups[g(30) % len(groups)]
            gb = groups[g(30) % len(groups)]
            u = ga[len(ga) - 1 - g(30) % max(1, len(ga) // 3)] if ga else 0
            v = gb[len(gb) - 1 - g(30) % max(1, len(gb) // 3)] if gb else 0
        elif level > 0 and g(10) < 800:
            u = g(30) % max(1, n // 4)
            v = n - 1 - g(30) % max(1, n // 4)
        else:
            u = g(30) % n
            v = g(30) % n
        qs.append("%d %d" % (labels[u], labels[v]))
    return "%d %d\n%s\n%s\n" % (n, q, "\n".join(edges), "\n".join(qs))
