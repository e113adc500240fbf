# Test generator for max-overlap.
# Levels >= 1: case 0 intervals that only touch at their ends (chains [x, y], [y, z], ...),
# case 1 coordinates from a small range (many shared endpoints), case 2 nested intervals,
# case 3 random intervals over the whole range.


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def generate(rng, size, level, case):
    g = rng.getrandbits
    if level == 0:
        iv = [
            [(0, 0)],
            [(1, 3), (3, 5)],
            [(5, 5), (5, 5), (5, 5)],
            [(0, 10**9), (10**9, 10**9)],
            [(1, 2), (3, 4), (5, 6)],
        ][case] if case < 5 else None
        if iv is None:
            n = size
            top = [6, 20, 10**9][case - 5]
            iv = []
            for _ in range(n):
                l = _ri(rng, 0, top)
                iv.append((l, _ri(rng, l, min(top, l + 3))))
    else:
        n = size
        iv = []
        if case == 0:
            pts = sorted(_ri(rng, 0, 10**9) for _ in range(n // 2 + 2))
            for i in range(n):
                j = i % (len(pts) - 1)
                iv.append((pts[j], pts[j + 1]))
        elif case == 1:
            for _ in range(n):
                l = g(30) % 200
                iv.append((l, l + g(30) % 20))
        elif case == 2:
            for _ in range(n):
                c = 5 * 10**8
                d = g(30) % (5 * 10**8)
                e = g(30) % (5 * 10**8)
                iv.append((c - d, c + e))
        else:
            for _ in range(n):
                l = g(30) % (10**9 + 1)
                iv.append((l, min(10**9, l + g(30) % (10**8))))
        rng.shuffle(iv)
    return "%d\n%s\n" % (len(iv), "\n".join("%d %d" % p for p in iv))
