# Test generator for shortest-path.
# Levels >= 1: the reachable vertices form a long "road": each vertex is entered from one of
# the 1-3 vertices before it, so shortest-path trees are deep (depth ~ n). Edges are listed
# roughly from the far end of the road to its start, which makes Bellman-Ford need a number of
# rounds proportional to n. Some vertices are unreachable; backward edges add noise.


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def _small(rng, case):
    n = [1, 2, 3, 5, 6, 10, 10, 10][case]
    edges = []
    if case == 0:
        return n, edges
    if case == 1:
        return n, [(2, 1, 5)]                     # vertex 2 unreachable
    if case == 2:
        return n, [(1, 2, 7), (2, 3, 1), (1, 3, 9), (1, 1, 4), (1, 2, 3)]
    if case == 7:
        # a chain of huge weights: distances exceed 32 bits
        return n, [(i, i + 1, 10**9) for i in range(1, n)] + [(n, 1, 10**9)]
    m = [0, 0, 0, 6, 9, 20, 25, 30][case]
    wmax = [0, 0, 0, 10, 3, 100, 10**9, 0][case]
    for _ in range(m):
        edges.append((_ri(rng, 1, n), _ri(rng, 1, n), _ri(rng, 1, wmax)))
    return n, edges


def generate(rng, size, level, case):
    if level == 0:
        n, edges = _small(rng, case)
        lines = ["%d %d" % (n, len(edges))] + ["%d %d %d" % e for e in edges]
        return "\n".join(lines) + "\n"
    n = size
    unreachable = 0 if case in (0, 2) else max(1, n // 50)
    r = n - unreachable
    W = [1000, 10**6, 10**9 // 4, 10**5][case % 4]
    perm = list(range(2, n + 1))
    rng.shuffle(perm)
    perm = [1] + perm
    road = perm[:r]
    rest = perm[r:]
    keyed = []  # (sort key, u, v, w)
    g = rng.getrandbits
    for i in range(1, r):
        keyed.append((i, road[i - 1], road[i], 1 + g(40) % W))
        if case >= 2 and i >= 3 and g(1):
            j = i - 2 - (g(1))
            keyed.append((i, road[j], road[i], 1 + g(40) % (2 * W)))
    for _ in range(r // 4):
        a = g(30) % r
        b = g(30) % r
        if a < b:
            a, b = b, a
        keyed.append((b, road[a], road[b], 1 + g(40) % W))
    for x in rest:
        keyed.append((0, x, road[g(30) % r], 1 + g(40) % W))
        keyed.append((0, x, rest[g(30) % len(rest)], 1 + g(40) % W))
    if case == 0:
        keyed.sort(key=lambda t: -t[0])
    else:
        keyed.sort(key=lambda t: -t[0] - (g(3)))
    lines = ["%d %d" % (n, len(keyed))]
    lines.extend("%d %d %d" % (u, v, w) for _, u, v, w in keyed)
    return "\n".join(lines) + "\n"
