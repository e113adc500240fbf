# Test generator for range-min.
# Levels >= 1: n = q = size and every query covers a long range (the worst case for
# scanning each range); case 2 uses a power-of-two n with full-array queries.

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
        n = [1, 2, 8, 7, size, size, size, size][case]
        q = [1, 3, 6, 10, size, size, size, size][case]
        if case == 5:
            a = [7] * n
        elif case == 6:
            a = list(range(n, 0, -1))
        else:
            a = _ints(rng, n, -BIG, BIG)
        qs = []
        for _ in range(q):
            l = _ri(rng, 1, n)
            qs.append((l, _ri(rng, l, n)))
        qs[0] = (1, n)
        qs[-1] = (n, n)
    else:
        n = q = size
        if case == 2:
            n = 1 << (size.bit_length() - 1)
        a = _ints(rng, n, -BIG, BIG)
        if case == 1:
            a.sort(reverse=True)      # minimum always at the right end
        w = max(1, n // 20) if case in (0, 2) else max(1, n // 5)
        ls = _ints(rng, q, 1, w)
        rs = _ints(rng, q, n - w + 1, n)
        qs = list(zip(ls, rs))
        if case == 2:
            qs[0] = (1, n)
            qs[q // 2] = (1, n)
    out = ["%d %d" % (n, len(qs)), " ".join(map(str, a))]
    out.extend("%d %d" % lr for lr in qs)
    return "\n".join(out) + "\n"
