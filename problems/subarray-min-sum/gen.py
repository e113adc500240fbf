# Test generator for subarray-min-sum.
# Levels >= 1: case 0 all equal values (ties everywhere), case 1 few distinct values,
# case 2 increasing, case 3 random.

BIG = 10**9


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 3, 4, size, size, size, size][case]
        if case == 0:
            a = [BIG]
        elif case == 1:
            a = [5, 5]
        elif case == 2:
            a = [2, 1, 2]
        elif case == 3:
            a = [1, 1, 1, 1]
        elif case == 4:
            a = [BIG] * n
        elif case == 5:
            a = _ints(rng, n, 1, 3)
        else:
            a = _ints(rng, n, 1, BIG)
    else:
        n = size
        if case == 0:
            a = [BIG - 7] * n
        elif case == 1:
            a = _ints(rng, n, BIG - 4, BIG)
        elif case == 2:
            a = sorted(_ints(rng, n, 1, BIG))
        else:
            a = _ints(rng, n, 1, BIG)
    return "%d\n%s\n" % (n, " ".join(map(str, a)))
