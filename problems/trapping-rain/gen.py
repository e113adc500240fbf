# Test generator for trapping-rain.
# Levels >= 1: case 0 two tall walls at the ends with a low random floor (answer beyond
# 32 bits), case 1 a "valley" (decreasing then increasing), case 2 random heights, case 3 a
# mountain (increasing then decreasing: no water).

BIG = 10**9


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 3, 3, size, size, size, size][case]
        if case == 0:
            h = [5]
        elif case == 1:
            h = [3, 0]
        elif case == 2:
            h = [2, 0, 2]
        elif case == 3:
            h = [0, 5, 0]
        elif case == 4:
            h = [BIG] + [0] * (n - 2) + [BIG]
        elif case == 5:
            h = _ints(rng, n, 0, 5)
        else:
            h = _ints(rng, n, 0, BIG)
    else:
        n = size
        if case == 0:
            h = [BIG] + _ints(rng, n - 2, 0, 1000) + [BIG - 1]
        elif case == 1:
            v = sorted(_ints(rng, n, 0, BIG))
            h = v[0::2][::-1] + v[1::2]
        elif case == 2:
            h = _ints(rng, n, 0, BIG)
        else:
            v = sorted(_ints(rng, n, 0, BIG))
            h = v[0::2] + v[1::2][::-1]
    return "%d\n%s\n" % (n, " ".join(map(str, h)))
