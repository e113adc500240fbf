# Test generator for pair-sum-at-most.
# Levels >= 1: case 0 values near 10^9 with K near 2*10^9 (sums exceed 32 bits), case 1 many
# duplicates with K hitting equal sums exactly, cases 2-3 random values and a K at a random
# quantile of the pair sums.

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
        n = [1, 2, 2, 5, size, size, size, size][case]
        if case == 0:
            a, K = [5], 100
        elif case == 1:
            a, K = [BIG, BIG], 2 * BIG
        elif case == 2:
            a, K = [-BIG, -BIG], -2 * BIG
        elif case == 3:
            a, K = [3, 3, 3, 3, 3], 6
        elif case == 4:
            a, K = [BIG] * n, -2 * BIG
        elif case == 5:
            a = _ints(rng, n, BIG - 20, BIG)
            K = 2 * BIG - 20
        else:
            a = _ints(rng, n, -20, 20)
            K = _ri(rng, -10, 10)
    else:
        n = size
        if case == 0:
            a = _ints(rng, n, BIG - 1000, BIG)
            K = 2 * BIG - 1000
        elif case == 1:
            a = _ints(rng, n, -50, 50)
            K = 2 * a[0]
        else:
            a = _ints(rng, n, -BIG, BIG)
            K = a[0] + a[1]
    return "%d %d\n%s\n" % (n, K, " ".join(map(str, a)))
