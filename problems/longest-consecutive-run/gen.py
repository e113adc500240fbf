# Test generator for longest-consecutive-run: returns (nums,).

EDGE = [
    [],
    [7],
    [3, 3, 3],
    [100, 4, 200, 1, 3, 2],
    [5, 5, 6, -1, 0],
    [1, 2, 2, 3, 0, 0, 1],
    [10, 8, 6, 4, 2],
    [-1000000000, 1000000000, 999999999, -999999999, 0],
]


def _permuted_run(rng, start, length):
    # the values start..start+length-1 in a scrambled order (i*p mod length)
    p = rng.randrange(1, length + 1) if length > 1 else 1
    while _gcd(p, length) != 1:
        p += 1
    return [start + (i * p) % length for i in range(length)]


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def generate(rng, size, level, case):
    if level == 0:
        return (list(EDGE[case % len(EDGE)]),)
    n = size
    lo = -10**9
    if case == 0:
        # one run covering everything (worst case for walking from every value)
        start = rng.randint(lo, 10**9 - n)
        return (_permuted_run(rng, start, n),)
    if case == 1:
        # two runs of equal length; the later one is listed first (tie-break)
        m = n // 2
        a = rng.randint(lo, -m - 10)
        b = rng.randint(10, 10**9 - m)
        return (_permuted_run(rng, b, m) + _permuted_run(rng, a, m),)
    # a long run (>= half the list) with duplicates, plus random noise values
    m = rng.randint(n // 2, 3 * n // 4)
    start = rng.randint(lo, 10**9 - n)
    nums = _permuted_run(rng, start, m)
    r = rng.random
    dups = (n - m) // 2
    nums += [start + int(r() * m) for _ in range(dups)]
    width = 2 * 10**9
    nums += [lo + int(r() * width) for _ in range(n - m - dups)]
    # interleave duplicates and noise with the run
    cut = rng.randrange(len(nums))
    return (nums[cut:] + nums[:cut],)
