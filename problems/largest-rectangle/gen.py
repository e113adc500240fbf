# Test generator for largest-rectangle.
# Levels >= 1: case 0 increasing heights (the best rectangle is only found when the stack is
# emptied at the end), case 1 all equal large heights (area beyond 32 bits), case 2 a
# "valley" shape, case 3 random.

BIG = 10**9


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


def generate(rng, size, level, case):
    if level == 0:
        n = [1, 2, 3, 5, size, size, size, size][case]
        if case == 0:
            h = [0]
        elif case == 1:
            h = [BIG, BIG]
        elif case == 2:
            h = [1, 2, 3]
        elif case == 3:
            h = [0, 0, 0, 0, 0]
        elif case == 4:
            h = sorted(_ints(rng, n, 0, 100))
        elif case == 5:
            h = [BIG - 1] * n
        else:
            h = _ints(rng, n, 0, 10)
    else:
        n = size
        if case == 0:
            h = sorted(_ints(rng, n, 0, BIG))
        elif case == 1:
            h = [BIG - (i % 3) for i in range(n)]
        elif case == 2:
            h = _ints(rng, n, 0, BIG // 2)
            h.sort()
            h = h[0::2][::-1] + h[1::2]
        else:
            h = _ints(rng, n, 0, BIG)
    return "%d\n%s\n" % (n, " ".join(map(str, h)))
