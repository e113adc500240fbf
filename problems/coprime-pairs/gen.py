# Test generator for coprime-pairs.
# Levels >= 1: case 0 many copies of 1 (1 is coprime to everything, including another 1),
# case 1 only even numbers plus a few odd ones, case 2 numbers with many small prime
# factors, case 3 random up to the maximum.

V = 30000


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 2, 3, size, size, size, size][case]
        if case == 0:
            a = [1]
        elif case == 1:
            a = [1, 1]
        elif case == 2:
            a = [6, 10]
        elif case == 3:
            a = [V, V - 1, 1]
        elif case == 4:
            a = [1] * n
        elif case == 5:
            a = _ints(rng, n, 1, 12)
        else:
            a = _ints(rng, n, 1, V)
    else:
        n = size
        if case == 0:
            a = _ints(rng, n, 1, V)
            for i in range(0, n, 9):
                a[i] = 1
        elif case == 1:
            a = [2 * x for x in _ints(rng, n, 1, V // 2)]
            for i in range(0, n, 50):
                a[i] -= 1
        elif case == 2:
            smooth = [2, 3, 5, 6, 10, 15, 30, 7, 14, 21, 35, 42, 70, 105, 210]
            a = [min(V, smooth[x % 15] * (1 + (x >> 4) % 100)) for x in _ints(rng, n, 0, 1 << 20)]
        else:
            a = _ints(rng, n, 1, V)
        rng.shuffle(a)
    return "%d\n%s\n" % (n, " ".join(map(str, a)))
