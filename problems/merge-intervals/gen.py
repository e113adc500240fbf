# Test generator for merge-intervals: returns (intervals,).

EDGE = [
    [],
    [(5, 5)],
    [(8, 10), (1, 3), (2, 6), (15, 18)],
    [(1, 4), (4, 5)],
    [(1, 2), (3, 4), (1, 2)],
    [(1, 10), (2, 3), (4, 5), (-1, 0)],
    [(-1000000000, 1000000000), (0, 0), (7, 9)],
    [(3, 3), (3, 3), (2, 3), (5, 6), (6, 6), (0, 1)],
]

LO = -10**9
HI = 10**9


def generate(rng, size, level, case):
    if level == 0:
        return (list(EDGE[case % len(EDGE)]),)
    n = size
    if case == 0:
        # all disjoint, listed in decreasing order
        gap = (HI - LO) // (n + 1)
        return ([(HI - (i + 1) * gap, HI - (i + 1) * gap + gap // 2) for i in range(n)],)
    r = rng.random
    width = HI - LO
    # mean interval length relative to the average spacing: controls how much merges
    c = rng.choice([0.2, 0.5, 0.8])
    maxlen = int(width / n * c * 2)
    out = []
    prev_end = 0
    for _ in range(n):
        x = r()
        if x < 0.08 and out:
            s = prev_end  # touches the previous interval exactly
        elif x < 0.12 and out:
            out.append(out[int(r() * len(out))])  # duplicate
            continue
        else:
            s = LO + int(r() * (width - maxlen))
        e = s + int(r() * r() * maxlen)
        if e > HI:
            e = HI
        out.append((s, e))
        prev_end = e
    return (out,)
