# Test generator for grid-range-sum.
# size = number of queries. Levels 2-3 use grids of about 200 x 200 (one case is not square);
# queries cover large rectangles (the worst case for summing every rectangle cell by cell).


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


# 256 cell values spread over [-1000, 1000], picked with one random byte each (fast)
_POOL256 = [str(-1000 + (2000 * i) // 255) for i in range(256)]


def _grid(rng, R, C):
    get = _POOL256.__getitem__
    return [" ".join(map(get, rng.randbytes(C))) for _ in range(R)]


def generate(rng, size, level, case):
    if level == 0:
        R, C = [(1, 1), (1, 5), (4, 1), (2, 3), (3, 2), (6, 6), (5, 8), (8, 5)][case]
        if case % 2:
            rows = _grid(rng, R, C)
        else:
            rows = [" ".join("1000" for _ in range(C)) for _ in range(R)]
        qs = []
        for _ in range(size):
            r1 = _ri(rng, 1, R)
            c1 = _ri(rng, 1, C)
            qs.append((r1, c1, _ri(rng, r1, R), _ri(rng, c1, C)))
        qs[0] = (1, 1, R, C)
        qs[1] = (R, C, R, C)
        lines = ["%d %d %d %d" % t for t in qs]
    else:
        q = size
        if level == 1:
            R, C = 60, 60
        else:
            R, C = [(200, 200), (200, 160), (180, 200), (200, 200)][case]
        rows = _grid(rng, R, C)
        wr, wc = max(1, R // 5), max(1, C // 5)
        r1 = [1 + b % wr for b in rng.randbytes(q)]
        c1 = [1 + b % wc for b in rng.randbytes(q)]
        r2 = [R - b % wr for b in rng.randbytes(q)]
        c2 = [C - b % wc for b in rng.randbytes(q)]
        lines = list(map("%d %d %d %d".__mod__, zip(r1, c1, r2, c2)))
    out = ["%d %d %d" % (R, C, len(lines))]
    out.extend(rows)
    out.extend(lines)
    return "\n".join(out) + "\n"
