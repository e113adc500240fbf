# Test generator for longest-distinct-subarray.
# Levels >= 1: the answer is long (the worst case for growing a segment from every start):
# case 0 all values distinct, case 1 a permutation of n/2 values written twice, case 2 a few
# repeats planted far apart, case 3 repeats planted at regular distances (answer ~ n/6).


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def _distinct(rng, k):
    return rng.sample(range(1, 10**9 + 1), k)


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 2, 4, 6, size, size, size][case]
        if case == 1:
            a = [3, 3]
        elif case == 2:
            a = [1, 2]
        elif case == 3:
            a = [1, 2, 2, 1]
        elif case == 4:
            a = [1, 2, 3, 1, 4, 3]  # a repeat whose previous copy is left of the window
        elif case == 5:
            a = [7] * n
        else:
            a = [_ri(rng, 1, 4) for _ in range(n)]
    else:
        n = size
        if case == 0:
            a = _distinct(rng, n)
        elif case == 1:
            h = _distinct(rng, (n + 1) // 2)
            a = (h + h)[:n]
        elif case == 2:
            a = _distinct(rng, n)
            for _ in range(3):
                i = _ri(rng, 0, n - 1)
                j = _ri(rng, 0, n - 1)
                a[j] = a[i]
        else:
            # distinct values, but every value at a multiple of d repeats the value d/2 + e
            # positions earlier: the answer stays around n/6
            a = _distinct(rng, n)
            d = max(2, n // 6)
            for i in range(d, n, d):
                a[i] = a[i - d // 2 - _ri(rng, 0, d // 4)]
    return "%d\n%s\n" % (n, " ".join(map(str, a)))
