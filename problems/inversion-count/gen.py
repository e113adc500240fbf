# Test generator for inversion-count.
# Levels >= 1: case 0 strictly decreasing (maximum answer), case 1 many duplicates,
# cases 2-3 random. Every case costs a pairwise check n^2/2 comparisons.

BIG = 10**9


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 2, 6, size, size, size, size][case]
        if case == 1:
            a = [5, 5]
        elif case == 2:
            a = [BIG, -BIG]
        elif case == 4:
            a = [7] * n
        elif case == 5:
            a = _ints(rng, n, 0, 2)
        elif case == 6:
            a = list(range(n, 0, -1))
        else:
            a = _ints(rng, n, -BIG, BIG)
    else:
        n = size
        if case == 0:
            a = sorted(_ints(rng, n, -BIG, BIG), reverse=True)
            a = [x - i for i, x in enumerate(a)]      # strictly decreasing
        elif case == 1:
            a = _ints(rng, n, 1, max(2, n // 20))      # many equal values
        else:
            a = _ints(rng, n, -BIG, BIG)
    return "%d\n%s\n" % (n, " ".join(map(str, a)))
