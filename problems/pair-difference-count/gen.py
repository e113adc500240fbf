# Test generator for pair-difference-count: returns (nums, k).

EDGE = [
    ([], 3),
    ([5], 0),
    ([1, 1, 1, 1], 0),
    ([1, 5, 3, 4, 2], 2),
    ([-3, -1, 1, 3, -1, -3], 2),
    ([10**9, -10**9, 0, 10**9], 2 * 10**9),
    ([4, 4, 5, 5, 6], 1),
]


def generate(rng, size, level, case):
    if level == 0 and case < len(EDGE):
        nums, k = EDGE[case]
        return (list(nums), k)
    n = size
    if case == 0:
        # every value equal, difference 0: every pair matches
        v = rng.randint(-10**9, 10**9)
        return ([v] * n, 0)
    if case == 1:
        # arithmetic progression with many matches for the step
        step = rng.randint(1, 5)
        start = rng.randint(-1000, 1000)
        m = n // 3 + 1
        r = rng.random
        nums = [start + step * int(r() * m) for _ in range(n)]
        return (nums, step)
    spread = rng.choice([n // 4 + 1, n + 1, 20 * n + 1])
    base = rng.randint(-10**8, 10**8)
    r = rng.random
    nums = [base + int(r() * spread) for _ in range(n)]
    k = rng.choice([0, 1, 2, rng.randrange(spread)])
    return (nums, k)
