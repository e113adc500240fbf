# Test generator for sliding-window-median: returns (nums, k).
# Levels >= 1 use windows of a quarter to three quarters of the list, where
# re-sorting every window is expensive.

EDGE = [
    ([5], 1),
    ([1, 3, -1, -3, 5, 3, 6, 7], 3),
    ([1, 2, 3, 4], 2),
    ([2, 2, 2, 2, 2], 4),
    ([7, -7, 7, -7, 7], 5),
    ([1000000000, -1000000000, 999999999, 1], 2),
    ([4, 1, 4, 1, 4, 1, 4], 1),
    ([3, 1, 2, 3, 1, 2, 3, 1], 3),
]


def generate(rng, size, level, case):
    if level == 0 and case < len(EDGE):
        nums, k = EDGE[case]
        return (list(nums), k)
    n = size
    r = rng.random
    if case == 0:
        span = 11  # many duplicates
    elif case == 1:
        span = n  # some duplicates
    else:
        span = 2 * 10**9 + 1
    lo = -(span // 2)
    nums = [lo + int(r() * span) for _ in range(n)]
    k = rng.randint(n // 4, 3 * n // 4)
    if case == 2:
        k -= k % 2 - 1  # odd window
    elif case == 3:
        k -= k % 2  # even window
    return (nums, max(k, 1))
