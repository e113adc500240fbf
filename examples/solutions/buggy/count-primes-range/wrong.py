# BUG: the segmented sieve starts crossing out at the first multiple of p that is
# >= lo instead of at max(p*p, ...), so when the range contains a sieving prime p
# (lo <= p <= sqrt(hi)) that prime crosses itself out and is not counted.
import math


def count_primes_in_range(lo: int, hi: int) -> int:
    if hi < 2:
        return 0
    lo = max(lo, 2)
    root = math.isqrt(hi)
    base = bytearray([1]) * (root + 1)
    primes = []
    for i in range(2, root + 1):
        if base[i]:
            primes.append(i)
            for j in range(i * i, root + 1, i):
                base[j] = 0
    width = hi - lo + 1
    seg = bytearray([1]) * width
    for p in primes:
        start = (lo + p - 1) // p * p - lo
        for j in range(start, width, p):
            seg[j] = 0
    return sum(seg)
