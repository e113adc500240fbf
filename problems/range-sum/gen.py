# Test generator for range-sum.
# Levels >= 1: n = q = size and every query covers a long range (at least 3/5 of the
# array), the worst case for summing each range directly; case 0 uses near-full ranges.

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
        n = [1, 2, 3, size, size, size, size, size][case]
        q = [1, 3, 6, size, size, size, size, size][case]
        if case == 3:
            a = [BIG] * n            # sums exceed 32 bits
        elif case == 4:
            a = [-BIG] * n
        elif case == 5:
            a = [0] * n
        elif case == 6:
            a = _ints(rng, n, -5, 5)
        else:
            a = _ints(rng, n, -BIG, BIG)
        qs = []
        for _ in range(q):
            l = _ri(rng, 1, n)
            qs.append((l, _ri(rng, l, n)))
        if case >= 3:
            qs[0] = (1, n)
            qs[1] = (n, n)
    else:
        n = q = size
        if case == 3:
            a = _ints(rng, n, BIG - 9, BIG)
        else:
            a = _ints(rng, n, -BIG, BIG)
        w = max(1, n // 20) if case == 0 else max(1, n // 5)
        ls = _ints(rng, q, 1, w)
        rs = _ints(rng, q, n - w + 1, n)
        qs = list(zip(ls, rs))
    out = ["%d %d" % (n, len(qs)), " ".join(map(str, a))]
    out.extend("%d %d" % lr for lr in qs)
    return "\n".join(out) + "\n"
