# Test generator for subarray-sum-k.
# Levels >= 1: case 0 all zeros with K = 0 (every subarray counts), case 1 small values with
# many equal prefix sums, case 2 a prefix of the array already sums to K, case 3 random with K
# equal to the sum of a random subarray.


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
        n = [1, 1, 2, 4, size, size, size, size][case]
        if case == 0:
            a, K = [5], 5
        elif case == 1:
            a, K = [-3], 3
        elif case == 2:
            a, K = [0, 0], 0
        elif case == 3:
            a, K = [2, -2, 2, -2], 0
        elif case == 4:
            a = _ints(rng, n, -10000, 10000)
            K = sum(a)
        elif case == 5:
            a = _ints(rng, n, -2, 2)
            K = a[0]
        else:
            a = _ints(rng, n, -3, 3)
            K = _ri(rng, -3, 3)
    else:
        n = size
        if case == 0:
            a, K = [0] * n, 0
        elif case == 1:
            a = _ints(rng, n, -1, 1)
            K = _ri(rng, -2, 2)
        elif case == 2:
            a = _ints(rng, n, -10, 10)
            K = sum(a[:_ri(rng, 1, n)])
        else:
            a = _ints(rng, n, -10000, 10000)
            l = _ri(rng, 0, n - 1)
            K = sum(a[l:_ri(rng, l + 1, n)])
    return "%d %d\n%s\n" % (n, K, " ".join(map(str, a)))
