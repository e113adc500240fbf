# Test generator for lis-length.
# Levels >= 1: case 0 increasing with noise (long answer), case 1 with many repeated values
# (strictness matters), case 2 decreasing blocks, case 3 random.

BIG = 10**9


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 3, 6, size, size, size, size][case]
        if case == 1:
            a = [4, 4]
        elif case == 2:
            a = [3, 2, 1]
        elif case == 4:
            a = [-BIG] * n
        elif case == 5:
            a = _ints(rng, n, 0, 2)
        elif case == 6:
            a = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5][:n]
        else:
            a = _ints(rng, n, -BIG, BIG)
    else:
        n = size
        if case == 0:
            noise = _ints(rng, n, -5000, 5000)
            a = [i * 1000 + e for i, e in enumerate(noise)]
        elif case == 1:
            a = sorted(_ints(rng, n, 1, max(2, n // 10)))
            for i in range(0, n - 1, 7):
                a[i], a[i + 1] = a[i + 1], a[i]
        elif case == 2:
            a = []
            b = 50
            while len(a) < n:
                base = len(a) * 10
                a.extend(base + 10 * b - 10 * j for j in range(b))
            a = a[:n]
        else:
            a = _ints(rng, n, -BIG, BIG)
    return "%d\n%s\n" % (n, " ".join(map(str, a)))
