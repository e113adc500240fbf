# Test generator for dsu-connectivity.
# Levels >= 1: q = 2n. Vertices are split into a big group (~80%) and a small one; cables
# only join vertices of the same group and grow spanning trees, most of them laid before the
# first question. Questions are mostly "big group vs small group" (answer 0, so a search from
# u must explore the whole big component) and "big vs big" (answer 1).


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def _small(rng, case, size):
    if case == 0:
        return 1, [(2, 1, 1), (1, 1, 1), (2, 1, 1)]
    if case == 1:
        return 2, [(2, 1, 2), (1, 2, 1), (2, 1, 2), (2, 2, 2)]
    if case == 2:
        # unions whose first vertex is not a root
        return 4, [(1, 1, 2), (1, 1, 3), (2, 2, 3), (1, 4, 1), (2, 2, 4), (2, 3, 4)]
    n = size
    ops = []
    for _ in range(3 * n):
        t = 1 if rng.random() < 0.4 else 2
        ops.append((t, _ri(rng, 1, n), _ri(rng, 1, n)))
    return n, ops


def generate(rng, size, level, case):
    if level == 0:
        n, ops = _small(rng, case, size)
    else:
        n = size
        g = rng.getrandbits
        verts = list(range(1, n + 1))
        rng.shuffle(verts)
        nb = max(1, (n * 4) // 5)
        big, small = verts[:nb], verts[nb:] or verts[:1]
        unions = []
        for grp in (big, small):
            for i in range(1, len(grp)):
                j = g(30) % i
                if g(1):
                    unions.append((1, grp[i], grp[j]))
                else:
                    unions.append((1, grp[j], grp[i]))
        rng.shuffle(unions)
        nq = 2 * n - len(unions)
        queries = []
        for _ in range(nq):
            u = big[g(30) % len(big)]
            if g(10) < 614:
                v = small[g(30) % len(small)]
            else:
                v = big[g(30) % len(big)]
            if g(1):
                u, v = v, u
            queries.append((2, u, v))
        head = (len(unions) * 4) // 5
        tail = unions[head:] + queries
        rng.shuffle(tail)
        ops = unions[:head] + tail
    lines = ["%d %d" % (n, len(ops))] + ["%d %d %d" % o for o in ops]
    return "\n".join(lines) + "\n"
