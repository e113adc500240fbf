# Test generator for max-xor-pair.
# Levels >= 1: case 0 random 30-bit values, case 1 all values share their top bits (the
# answer is decided by low bits), case 2 values with few set bits, case 3 many duplicates.


def _ints(rng, k, lo, hi):
    g = rng.getrandbits
    span = hi - lo + 1
    b = span.bit_length() + 8
    return [lo + g(b) % span for _ in range(k)]


TOP = (1 << 30) - 1


def generate(rng, size, level, case):
    g = rng.getrandbits
    if level == 0:
        n = [2, 2, 3, 4, size, size, size, size][case]
        if case == 0:
            a = [0, 0]
        elif case == 1:
            a = [TOP, 0]
        elif case == 2:
            a = [7, 7, 6]
        elif case == 3:
            a = [1, 2, 4, 8]
        elif case == 4:
            a = [5] * n
        else:
            a = _ints(rng, n, 0, [0, 0, 0, 0, 0, 15, 1000, TOP][case])
    else:
        n = size
        if case == 0:
            a = [g(30) for _ in range(n)]
        elif case == 1:
            base = g(30) & ~((1 << 16) - 1)
            a = [base | g(16) for _ in range(n)]
        elif case == 2:
            a = [(1 << (g(30) % 30)) | (1 << (g(30) % 30)) for _ in range(n)]
        else:
            pool = [g(30) for _ in range(40)]
            a = [pool[g(30) % 40] for _ in range(n)]
    return "%d\n%s\n" % (n, " ".join(map(str, a)))
