# Test generator for window-distinct.
# Levels >= 1: long windows (k between n/4 and n/2 at levels 2-3). Values come from pools of
# various sizes so that the counts go up and down; case 0 has all-distinct values.


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def generate(rng, size, level, case):
    g = rng.getrandbits
    if level == 0:
        n = [1, 2, 5, size, size, size, size, size][case]
        k = [1, 1, 5, 2, size, 3, 4, 1][case]
        pool = [1, 2, 3, n, 4, 2, 3, 5][case]
        vals = [10**9 - i for i in range(pool)]
        a = [vals[g(20) % pool] for _ in range(n)]
    else:
        n = size
        if level == 1:
            k = _ri(rng, 1, n)
        else:
            k = _ri(rng, n // 4, n // 2)
        if case == 0:
            a = [_ri(rng, 1, 10**9) for _ in range(n)]
        else:
            pool = [0, 30, k // 2, 2 * k][case]
            vals = [_ri(rng, 1, 10**9) for _ in range(max(1, pool))]
            a = [vals[g(30) % len(vals)] for _ in range(n)]
    return "%d %d\n%s\n" % (n, k, " ".join(map(str, a)))
