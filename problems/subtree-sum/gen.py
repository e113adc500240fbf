# Test generator for subtree-sum.
# Levels >= 1: deep trees, so a search per query is expensive: case 0 a single path, case 1
# a long spine (70% of the vertices) with the others hanging off it, case 2 two long chains
# joined at the root, case 3 a spine ending in a wide star. Most queries ask for vertices
# near the top (big subtrees). Labels are shuffled, so parents are not smaller than children.

BIG = 10**9


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def _emit(n, w, par, qs):
    return "%d %d\n%s\n%s\n%s\n" % (n, len(qs), " ".join(map(str, w)),
                                    " ".join(str(par[i]) for i in range(2, n + 1)),
                                    "\n".join(map(str, qs)))


def generate(rng, size, level, case):
    g = rng.getrandbits
    if level == 0:
        if case == 0:
            return _emit(1, [-BIG], [0, 0], [1, 1])
        if case == 1:
            return _emit(2, [BIG, BIG], [0, 0, 1], [1, 2])
        if case == 2:
            # parent numbers larger than children: 1 <- 3 <- 2
            return _emit(3, [1, 2, 3], [0, 0, 3, 1], [1, 2, 3])
        n = size
    else:
        n = size
    # order[k] = vertex label of the k-th created vertex; order[0] = 1 (the root)
    order = list(range(2, n + 1))
    rng.shuffle(order)
    order = [1] + order
    parent_idx = [0] * n     # parent as creation index
    if level == 0 or case == 0:
        for k in range(1, n):
            parent_idx[k] = k - 1 if (level > 0 or g(1)) else g(30) % k
        top = n
    elif case == 1:
        spine = (7 * n) // 10
        for k in range(1, n):
            parent_idx[k] = k - 1 if k < spine else g(30) % spine
        top = spine
    elif case == 2:
        half = n // 2
        for k in range(1, n):
            parent_idx[k] = k - 1 if k != half else 0
        top = n
    else:
        spine = (3 * n) // 5
        for k in range(1, n):
            parent_idx[k] = k - 1 if k < spine else spine - 1
        top = spine
    par = [0] * (n + 1)
    for k in range(1, n):
        par[order[k]] = order[parent_idx[k]]
    if level == 0 and case % 2:
        w = [BIG - g(4) for _ in range(n)]
    else:
        w = [_ri(rng, -BIG, BIG) for _ in range(n)]
    qs = []
    for i in range(n):
        r = g(10)
        if r < 700:
            qs.append(order[g(30) % max(1, top // 3)])
        else:
            qs.append(order[g(30) % n])
    return _emit(n, w, par, qs)
