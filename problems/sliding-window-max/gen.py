# Test generator for sliding-window-max.
# Levels >= 1: windows are long (k between 0.3n and 0.7n at levels 2-3), the worst case for
# recomputing every window; case 0 is a decreasing array (every element is a window maximum
# once), case 1 an increasing one, case 2 all equal values.

BIG = 10**9


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 5, size, size, size, size, size][case]
        k = [1, 2, 1, size, 1, 2, size // 2, 3][case]
        if case == 4:
            a = [BIG] * n
        elif case == 5:
            a = [-BIG] * n
        elif case == 6:
            a = [_ri(rng, 0, 3) for _ in range(n)]
        else:
            a = _ints(rng, n, -BIG, BIG)
    else:
        n = size
        if level == 1:
            k = _ri(rng, 1, n)
        else:
            k = _ri(rng, (3 * n) // 10, (7 * n) // 10)
        a = _ints(rng, n, -BIG, BIG)
        if case == 0:
            a.sort(reverse=True)
        elif case == 1:
            a.sort()
        elif case == 2:
            a = [BIG] * n
    return "%d %d\n%s\n" % (n, k, " ".join(map(str, a)))
