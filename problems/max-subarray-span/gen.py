# Test generator for max-subarray-span: returns (nums,).

BIG = 10**17

EDGE = [
    [7],
    [-5],
    [-3, -1, -2, -1],
    [-2, 1, -3, 4, -1, 2, 1, -5, 4],
    [2, -2, 2],
    [0, 0, 0],
    [BIG, BIG, -BIG, BIG, BIG],
    [0, -1, 3, -3, 3, 0],
]


def generate(rng, size, level, case):
    if level == 0:
        return (list(EDGE[case % len(EDGE)]),)
    n = size
    r = rng.random
    if case == 0:
        # all negative: the answer is the (leftmost) largest single element
        return ([-1 - int(r() * BIG) for _ in range(n)],)
    if case == 1:
        # values in {-BIG, 0, BIG}: many subarrays share the maximum sum
        return ([BIG * (int(r() * 3) - 1) for _ in range(n)],)
    # random values in [-0.81, 0.99) * 10^17 (case 2: positive drift, so sums grow
    # far beyond 2^63) or symmetric in (-10^17, 10^17) (case 3)
    shift = 0.45 if case == 2 else 0.5
    scale = 1.8 * BIG if case == 2 else 2 * BIG
    return ([int((r() - shift) * scale) for _ in range(n)],)
