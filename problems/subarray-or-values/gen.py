# Test generator for subarray-or-values: returns (nums,).

EDGE = [
    [0],
    [5],
    [1, 2, 4],
    [1, 1, 2],
    [2**30 - 1, 0, 2**30 - 1],
    [1, 2, 1, 2, 1],
    [0, 0, 3, 0, 0],
    [8, 4, 2, 1, 16, 1, 2, 4, 8],
]


def generate(rng, size, level, case):
    if level == 0:
        return (list(EDGE[case % len(EDGE)]),)
    n = size
    r = rng.random
    if case == 0:
        # single bits in a shuffled cyclic order: 30 distinct ORs end at every index
        bits = list(range(30))
        rng.shuffle(bits)
        return ([1 << bits[i % 30] for i in range(n)],)
    if case == 1:
        # arbitrary 30-bit values
        return ([int(r() * (1 << 30)) for _ in range(n)],)
    if case == 2:
        # sparse values: one or two bits each
        return ([(1 << int(r() * 30)) | (1 << int(r() * 30)) * (r() < 0.5) for _ in range(n)],)
    # small values mixed with zeros
    return ([int(r() * 4096) * (r() < 0.7) for _ in range(n)],)
